using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Fact 1: a full cycle rises, peaks and declines (Tarrow's parabola) and visits the stages in order.
/// Per seed, the first ended non-fizzle wave cycle must have its onset before its peak before its end,
/// peak participation at least twice that at the onset and at the end, and stage entries that
/// strictly increase from 1 and reach 6. Check: the share of seeds with such a cycle has a Wilson 95%
/// lower bound above 0.5. Structural check: in every cycle of every run the stage entries strictly increase.
/// </summary>
public sealed class Fact1Parabola : Experiment
{
    public override string Id => "fact1";
    public override string Title => "A cycle rises, peaks and declines, through the stages in order";
    public override string Claim => "A full cycle rises, peaks and declines (the \"parabola\") and visits the stages 1–6 in order when it completes.";
    public override string Source => "MODEL.md fact 1; Tarrow (1998), Power in Movement, ch. 9";
    public override string FileName => "fact1-parabola.yaml";

    public override IReadOnlyList<string> Measures { get; } =
    [
        "has_completed_cycle", "parabola", "stages_1_to_6", "parabola_and_stages", "visits_all_six",
        "onset_participation", "first_peak_participation", "end_participation", "wave_cycles", "cycles_out_of_order",
    ];

    public override double[] Measure(RunResult run)
    {
        var all = RunMeasures.WaveCycles(run);
        int outOfOrder = all.Count(c => !RunMeasures.StagesIncrease(run, c));
        var first = all.FirstOrDefault(c => c.EndTick is not null && c.Outcome != Outcome.Fizzle);
        if (first is null)
            return [0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, all.Count, outOfOrder];
        var at = RunMeasures.Wave(run).ToDictionary(o => o.Tick, o => o.Participation);
        double onset = at.GetValueOrDefault(first.StartTick), peak = at.GetValueOrDefault(first.PeakTick), end = at.GetValueOrDefault(first.EndTick!.Value);
        bool parabola = first.StartTick < first.PeakTick && first.PeakTick < first.EndTick && peak >= 2 * onset && peak >= 2 * end;
        var stages = RunMeasures.EntriesOf(run, first).Select(e => e.Stage).ToArray();
        bool inOrder = RunMeasures.StagesIncrease(run, first) && stages[^1] == Stage.FacilitationAndRepression;
        bool allSix = StageText.Cycle.All(stages.Contains);
        return [1, B(parabola), B(inOrder), B(parabola && inOrder), B(allSix), onset, peak, end, all.Count, outOfOrder];
    }

    private static double B(bool b) => b ? 1 : 0;

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        int n = runs.Count;
        int Count(string m) => runs.Count(r => r[m] == 1);
        var both = Proportion.Wilson(Count("parabola_and_stages"), n);
        int outOfOrder = (int)runs.Sum(r => r["cycles_out_of_order"]);
        int cycles = (int)runs.Sum(r => r["wave_cycles"]);
        var checks = new List<Check>
        {
            new("share of seeds whose first completed cycle is a parabola through stages 1→6", both,
                "Wilson 95% lower bound > 0.5", both.HasInterval && both.Low > 0.5, $"{Count("parabola_and_stages")} of {n} seeds")
            {
                Key = "parabola", Kind = CheckKind.CalibrationTarget,
                KindReason = "confrontation_count and end_fraction were set by hand so that it holds, b8053e2",
                KnownFailure = "since the mobilization funnel (issue 15) the classroom movement at openness 0.5 mostly completes cycles " +
                               "that end from stage 5 (faded or negotiated) without entering stage 6 (6 of the 9 completed cycles of seeds 1-8, " +
                               "peaks 6-25%; 7 Dec 2026, momentum floor in people), and many of its waves fizzle before stage 3; the quick run " +
                               "gives 0 of 30 seeds, the full run 5 of 100 (8 Dec 2026, with stage 3 asking for a rise in interaction: 82 of 100 seeds now complete a cycle, 52 before, but few reach stage 6)",
            },
            new("cycles whose stage entries do not strictly increase", Estimate.Exact(outOfOrder, cycles),
                "exactly 0 (structural)", outOfOrder == 0, $"{cycles} cycles in {n} runs")
            {
                Key = "stages_in_order", Kind = CheckKind.Formula, KindReason = "the classifier only moves forward",
            },
        };
        var shares = new (string Name, string Measure)[]
        {
            ("a completed cycle", "has_completed_cycle"), ("rise, peak, decline", "parabola"),
            ("stages 1→6 in order", "stages_1_to_6"), ("both", "parabola_and_stages"), ("all six stages visited", "visits_all_six"),
        };
        var reported = shares.Select(s => new Reported($"share of seeds: {s.Name}", Proportion.Wilson(Count(s.Measure), n))).ToList();
        var withCycle = runs.Where(r => r["has_completed_cycle"] == 1).ToList();
        reported.Add(new Reported("participation at onset (first completed cycle)", Statistics.Mean(withCycle.Select(r => r["onset_participation"]))));
        reported.Add(new Reported("participation at peak", Statistics.Mean(withCycle.Select(r => r["first_peak_participation"]))));
        reported.Add(new Reported("participation at end", Statistics.Mean(withCycle.Select(r => r["end_participation"]))));
        return Result(n, checks, reported, new ExperimentFigure
        {
            Title = "Fact 1: the first completed cycle of each seed",
            XLabel = "Property of the cycle",
            YLabel = "Share of seeds (95% Wilson CI)",
            Series = [new FigureSeries("share of seeds", shares.Select((s, i) => Point(s.Name, i, Proportion.Wilson(Count(s.Measure), n))).ToArray())],
            Line = 0.5,
            LineName = "criterion: lower bound > 0.5",
        });
    }
}
