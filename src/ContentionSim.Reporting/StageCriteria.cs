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
public static partial class StageCriteria
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
