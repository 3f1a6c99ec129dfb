using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Cli.Tests.Lessons;

/// <summary>A lesson's scenario as run: a file of scenarios/teaching/ and the --set overrides the lesson uses.</summary>
public sealed record LessonVariant(string File, params string[] Sets)
{
    public override string ToString() => Sets.Length == 0 ? File : $"{File} --set {string.Join(" --set ", Sets)}";
}

/// <summary>
/// One claim a lesson of docs/teaching.md makes, as data: the words the lesson says, the scenario it runs
/// (and, for a comparison, the scenario it is compared with at the same seed), the measure that says whether
/// the claim held in one run, and the share of seeds it must hold in. The claim passes when the lower end of
/// the 95% Wilson interval of the observed share is at least <see cref="MinShare"/>.
/// When the model changes (issue 15), change the claim here and its words in teaching.md — not the scenario.
/// </summary>
public sealed record LessonClaim(
    string Id,
    string Words,
    LessonVariant Scenario,
    LessonVariant? ComparedWith,
    Func<RunResult, RunResult?, bool> Holds,
    double MinShare)
{
    public override string ToString() => Id;
}

/// <summary>Every claim docs/teaching.md makes, with its scenario, measure and threshold.</summary>
public static class LessonClaims
{
    /// <summary>Seeds each claim is checked over (the lessons' own runs use seed 1).</summary>
    public const int Seeds = 30;

    private static readonly LessonVariant Tight = new("1-tight-state.yaml");
    private static readonly LessonVariant Open = new("1-tight-state.yaml", "state.openness=0.85");
    private static readonly LessonVariant Boomerang = new("2-boomerang.yaml");
    private static readonly LessonVariant Exhaustion = new("3-exhaustion.yaml");
    private static readonly LessonVariant ExhaustionCheap = new("3-exhaustion.yaml", "movements.migrant_rights.activists.energy_cost=0.01");
    private static readonly LessonVariant Repeated = new("4-repeated-cycles.yaml");
    private static readonly LessonVariant RepeatedEased = new("4-repeated-cycles.yaml", "movements.migrant_rights.activists.grievance_rebuild=0.001");

    public static IReadOnlyList<LessonClaim> All { get; } =
    [
        // Lesson 1: a tight state.
        new("L1-no-negotiation", "under the tight state no cycle ends negotiated", Tight, null,
            (r, _) => !Outcomes(r).Contains(Outcome.Negotiated), 0.85),
        new("L1-suppressed", "at least one cycle ends suppressed (and none negotiated)", Tight, null,
            (r, _) => Outcomes(r).Contains(Outcome.Suppressed) && !Outcomes(r).Contains(Outcome.Negotiated), 0.75),
        new("L1-arrests", "arrests outnumber concessions and co-optations together at least ten to one", Tight, null,
            (r, _) => r.Headline.RepressionEvents >= 10 * (r.Headline.Concessions + r.Headline.Cooptations), 0.85),
        new("L1-false-starts", "in many runs at least one mobilization fizzles before reaching stage 3 (a false start)", Tight, null,
            (r, _) => r.Headline.Fizzles > 0, 0.35),
        new("L1-polarization", "the radical share of those still active is higher when stage 4 begins than at the peak", Tight, null,
            (r, _) => FirstEntry(r, Stage.ExhaustionAndPolarization) is { } e && e.RadicalShare > e.RadicalShareAtPeak, 0.75),

        // Lesson 1, the state opened (same people, same seed).
        new("L1-open-negotiates", "with openness 0.85 at least one cycle ends negotiated", Open, null,
            (r, _) => Outcomes(r).Contains(Outcome.Negotiated), 0.85),
        new("L1-open-more-people", "with openness 0.85 peak participation is higher than under the tight state (same seed)", Open, Tight,
            (r, tight) => r.Headline.PeakParticipation > tight!.Headline.PeakParticipation, 0.85),
        new("L1-open-coopts", "with openness 0.85 the state co-opts more activists than the tight state (same seed)", Open, Tight,
            (r, tight) => r.Headline.Cooptations > tight!.Headline.Cooptations, 0.85),

        // Lesson 2: the boomerang.
        new("L2-alliances", "blocked organizations form alliances abroad and outside pressure passes 1", Boomerang, null,
            (r, _) => r.Headline.AlliancesFormed > 0 && r.Headline.MaxOutsidePressure > 1, 0.85),
        new("L2-openness-rises", "the state's effective openness rises from 0.15 to at least 0.5", Boomerang, null,
            (r, _) => Wave(r)[0].EffectiveOpenness < 0.2 && Wave(r).Max(o => o.EffectiveOpenness) >= 0.5, 0.85),
        new("L2-negotiates", "at least one cycle ends negotiated", Boomerang, null,
            (r, _) => Outcomes(r).Contains(Outcome.Negotiated), 0.7),
        new("L2-more-people", "peak participation is higher than in lesson 1 (same seed)", Boomerang, Tight,
            (r, tight) => r.Headline.PeakParticipation > tight!.Headline.PeakParticipation, 0.85),
        new("L2-turnover-sometimes", "in some runs the first cycle ends in revolutionary turnover instead", Boomerang, null,
            (r, _) => Outcomes(r) is [Outcome.RevolutionaryTurnover, ..], 0.1),

        // Lesson 3: exhaustion without repression.
        new("L3-no-arrests", "nobody is arrested", Exhaustion, null,
            (r, _) => r.Headline.RepressionEvents == 0 && Wave(r).All(o => o.Repressed == 0), 0.85),
        new("L3-exhausted", "the movement enters stage 4 by exhaustion (activists tire), with none held", Exhaustion, null,
            (r, _) => FirstEntry(r, Stage.ExhaustionAndPolarization) is { } e && At(r, e.Tick) is var o
                      && e.Route.Split('+').Contains(StageRules.Exhaustion) && o.Repressed == 0, 0.85),
        new("L3-no-polarization", "the radical share of the active moves by less than 0.1 between the peak and stage 4", Exhaustion, null,
            (r, _) => FirstEntry(r, Stage.ExhaustionAndPolarization) is { } e && Math.Abs(e.RadicalShare - e.RadicalShareAtPeak) < 0.1, 0.85),
        new("L3-negotiated-mostly", "the cycle ends negotiated in most runs", Exhaustion, null,
            (r, _) => Outcomes(r) is [Outcome.Negotiated, ..], 0.5),
        new("L3-never-suppressed", "a cycle that is not negotiated fades: none is called suppressed, since nobody is arrested", Exhaustion, null,
            (r, _) => Outcomes(r) is [Outcome.Negotiated or Outcome.Faded, ..], 0.85),
        new("L3-cheap-later", "with energy_cost 0.01 stage 4 comes later than with 0.03 (same seed)", ExhaustionCheap, Exhaustion,
            (r, costly) => FirstEntry(r, Stage.ExhaustionAndPolarization) is { } e && FirstEntry(costly!, Stage.ExhaustionAndPolarization) is { } c && e.Tick > c.Tick, 0.85),
        new("L3-cheap-more-people", "with energy_cost 0.01 mean participation is higher than with 0.03 (same seed)", ExhaustionCheap, Exhaustion,
            (r, costly) => r.Headline.MeanParticipation > costly!.Headline.MeanParticipation, 0.85),

        // Lesson 4: cycles repeat.
        new("L4-repeats", "over ten years at least three cycles of contention (fizzles not counted)", Repeated, null,
            (r, _) => r.Headline.Cycles >= 3, 0.85),
        new("L4-through-the-stages", "at least two cycles reach stage 6", Repeated, null,
            (r, _) => WaveCycles(r).Count(c => c.HighestStage == Stage.FacilitationAndRepression) >= 2, 0.85),
        new("L4-eased-fewer", "with grievance_rebuild 0.001 there are fewer cycles of contention than with 0.02 (same seed)", RepeatedEased, Repeated,
            (r, rebuilding) => r.Headline.Cycles < rebuilding!.Headline.Cycles, 0.6),
    ];

    /// <summary>Outcomes of the wave's cycles, fizzles included, in order.</summary>
    public static IReadOnlyList<Outcome> Outcomes(RunResult r) => WaveCycles(r).Select(c => c.Outcome).ToList();

    public static IReadOnlyList<CycleRecord> WaveCycles(RunResult r) => r.Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();

    /// <summary>The wave's per-tick observations, indexed by tick.</summary>
    public static IReadOnlyList<TickObservation> Wave(RunResult r) => r.Series.Where(o => o.Movement == TickObservation.WaveId).ToList();

    /// <summary>The wave's observation at <paramref name="tick"/>.</summary>
    public static TickObservation At(RunResult r, int tick) => Wave(r).First(o => o.Tick == tick);

    public static StageEntry? FirstEntry(RunResult r, Stage stage) =>
        r.StageEntries.FirstOrDefault(e => e.Movement == TickObservation.WaveId && e.Stage == stage);
}
