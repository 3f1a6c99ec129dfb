using System.Globalization;
using System.Reflection;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting;

/// <summary>
/// The stage classifier's criteria in words, with the values of a set of
/// <see cref="ClassifierParameters"/> filled in (docs/ODD.md, "Stage classifier"), for
/// <c>contentionsim stages</c> and the reports. Keys are the scenario file's keys under
/// <c>classifier:</c>.
/// </summary>
public static class StageCriteria
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// When the classifier enters <paramref name="stage"/>, in words, naming the settings it uses with
    /// their values in <paramref name="p"/> (their exact meaning is in <see cref="Parameters"/>).
    /// </summary>
    public static string Entry(Stage stage, ClassifierParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return stage switch
        {
            Stage.ConflictAndDiffusion => F(
                "when participation rises more than onset_margin = {0} above its baseline (the level it held between cycles): a cycle opens",
                N(p.OnsetMargin)),
            Stage.RepertoiresAndFrames => F(
                "from stage 1, when frame adoption (the share of activists holding the movement's frame) has risen by frame_rise = {0} since the cycle opened",
                N(p.FrameRise)),
            Stage.InformationAndInteraction => F(
                "from stage 2, when state–movement interactions (talks, concessions, arrests, co-optations, national lobbying) reach interaction_rate = {0} while participation is near the cycle's peak so far (near_peak = {1})",
                N(p.InteractionRate), N(p.NearPeak)),
            Stage.ExhaustionAndPolarization => F(
                "after stage 3, when participation falls to decline_fraction = {0} of the cycle's peak",
                N(p.DeclineFraction)),
            Stage.ViolenceAndInstitutionalization => F(
                "after stage 4, when violent acts plus co-optations since stage 4 began, " + PerThousandMobilized +
                " (per 1,000 of the activists mobilized at the cycle's peak: peak participation × activists), reach confrontation_count = {0}",
                N(p.ConfrontationCount)),
            Stage.FacilitationAndRepression => F(
                "after stage 5, when state responses (arrests, talks, concessions, co-optations) make at least state_response_share = {0} of state and confrontational acts since stage 5 began, with participation at or below response_fraction = {1} of the peak",
                N(p.StateResponseShare), N(p.ResponseFraction)),
            _ => "no cycle is under way",
        };
    }

    /// <summary>The unit of stage 5's measure, in the criterion and in the trigger sentences alike.</summary>
    private const string PerThousandMobilized = "per 1,000 mobilized at the peak";

    /// <summary>
    /// What met the criterion of <paramref name="entry"/>'s stage, in words, with the values the
    /// classifier recorded (the <c>trigger</c> column of stages.csv and the report's timeline).
    /// </summary>
    public static string Trigger(StageEntry entry, ClassifierParameters p)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(p);
        double ofPeak = entry.PeakParticipation > 0 ? entry.Participation / entry.PeakParticipation : 0;
        return entry.Stage switch
        {
            Stage.ConflictAndDiffusion => string.Create(Inv,
                $"participation rose to {entry.Participation:P1}, more than {p.OnsetMargin:P1} above its baseline of {entry.Baseline:P1}, for {p.Dwell} ticks"),
            Stage.RepertoiresAndFrames => string.Create(Inv,
                $"frame adoption rose from {entry.FrameAtStart:P0} to {entry.FrameAdoption:P0} since the cycle began"),
            Stage.InformationAndInteraction => string.Create(Inv,
                $"state–movement interactions reached {entry.InteractionRate:0.0} per 1,000 activists a tick with participation at {ofPeak:P0} of its peak"),
            Stage.ExhaustionAndPolarization => string.Create(Inv,
                $"participation fell to {ofPeak:P0} of its peak ({entry.PeakParticipation:P1} → {entry.Participation:P1}) while the radical share of those still active went from {entry.RadicalShareAtPeak:P0} to {entry.RadicalShare:P0}"),
            Stage.ViolenceAndInstitutionalization => string.Create(Inv,
                $"{entry.ViolentActsSinceExhaustion} violent acts and {entry.CooptationsSinceExhaustion} co-optations since exhaustion set in ({entry.ConfrontationsPerThousandMobilized:0.0} {PerThousandMobilized})"),
            Stage.FacilitationAndRepression => string.Create(Inv,
                $"state responses made {entry.StateResponseShare:P0} of state and confrontational acts since violence and institutionalization, with participation at {ofPeak:P0} of its peak"),
            _ => "",
        };
    }

    /// <summary>
    /// Why <paramref name="cycle"/> got its outcome, in words, from the counts and mean stances the
    /// classifier recorded (the <c>outcome_reason</c> of cycles.csv and run.json).
    /// </summary>
    public static string OutcomeReason(CycleRecord cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        string counts = string.Create(Inv,
            $"{cycle.Concessions} concessions, {cycle.Cooptations} co-optations and {cycle.FacilitationEvents} talks against {cycle.RepressionEvents} arrests; the state's mean stance: facilitation {cycle.MeanFacilitationStance:0.00}, repression {cycle.MeanRepressionStance:0.00}");
        return cycle.Outcome switch
        {
            Outcome.RevolutionaryTurnover => "participation stayed above the state's turnover threshold; " + counts,
            Outcome.Ongoing => "the run ended during the cycle; " + counts,
            Outcome.Fizzle => string.Create(Inv,
                $"participation fell back to its baseline after peaking at {cycle.PeakParticipation:P1}, before interaction with the state peaked; ") + counts,
            _ => counts,
        };
    }

    /// <summary>How every criterion is read: smoothing and dwell.</summary>
    public static string Reading(ClassifierParameters p) => F(
        "Criteria are read on smoothed observables (an exponential moving average giving the newest tick the weight smoothing = {0}) and must hold for dwell = {1} tick{2} in a row before a stage is entered. Stages only move forward within a cycle; demobilization stages (4, 5, 6) each need the one before.",
        N(p.Smoothing), p.Dwell, p.Dwell == 1 ? "" : "s");

    /// <summary>When a cycle ends.</summary>
    public static string End(ClassifierParameters p) => F(
        "A cycle ends, from any stage, when participation stays at or below the larger of its baseline + end_margin = {0} and end_fraction = {1} of the cycle's peak for dwell = {2} ticks. The baseline follows participation down at once and up slowly (baseline_window = {3} ticks).",
        N(p.EndMargin), N(p.EndFraction), p.Dwell, p.BaselineWindow);

    /// <summary>
    /// The outcomes in the order the classifier judges them when a cycle closes, each with its meaning
    /// (<see cref="StageText.Explanation(Outcome)"/>, the model's own words).
    /// </summary>
    public static IReadOnlyList<(Outcome Outcome, string Rule)> Outcomes { get; } =
        new[] { Outcome.RevolutionaryTurnover, Outcome.Ongoing, Outcome.Fizzle, Outcome.Negotiated, Outcome.Suppressed }
            .Select(o => (o, StageText.Explanation(o))).ToArray();

    /// <summary>The classifier's parameters: key, value in <paramref name="p"/>, unit and meaning from the [Param] attributes.</summary>
    public static IReadOnlyList<(string Key, string Value, string Unit, string Meaning)> Parameters(ClassifierParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return ParameterPath.PropertiesOf(typeof(ClassifierParameters))
            .Select(prop => (prop, attr: prop.GetCustomAttribute<ParamAttribute>()!))
            .Select(x => (ParameterPath.KeyOf(x.prop), Convert.ToString(x.prop.GetValue(p), Inv) ?? "", x.attr.Unit, x.attr.Description))
            .ToList();
    }

    private static string N(double value) => Html.ScenarioWords.N(value);

    private static string F(string format, params object[] args) => string.Format(Inv, format, args);
}
