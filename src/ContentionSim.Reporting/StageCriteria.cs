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
    /// When the classifier enters <paramref name="stage"/>, in words, from the one table of criteria
    /// (<see cref="StageRules.All"/>), naming the settings it uses with their values in
    /// <paramref name="p"/> (their exact meaning is in <see cref="Parameters"/>).
    /// </summary>
    public static string Entry(Stage stage, ClassifierParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (stage == Stage.ConflictAndDiffusion)
            return F("when participation rises more than onset_margin = {0} above its baseline (the level it held between cycles): a cycle opens", N(p.OnsetMargin));
        if (StageRules.Of(stage) is not { } rule) return "no cycle is under way";
        var routes = rule.Routes.Select(r => (rule.Routes.Count > 1 ? "by " + r.Name + ", when " : "when ") +
            string.Join(" and ", r.Conditions.Select(c => Condition(c, p)))).ToList();
        string from = stage == Stage.InformationAndInteraction
            ? "from stage 2 (from stage 1 if the frame was already too widespread at onset to rise by frame_rise)"
            : F("from stage {0}", (int)rule.From);
        return from + ", " + string.Join("; or ", routes);
    }

    /// <summary>The sources of <paramref name="stage"/>'s criterion, one per route (empty for stage 1 and latent).</summary>
    public static IReadOnlyList<string> Sources(Stage stage) =>
        StageRules.Of(stage) is { } rule ? rule.Routes.Select(r => (rule.Routes.Count > 1 ? r.Name + ": " : "") + r.Source).ToArray() : [];

    /// <summary>One condition in words: "the measure ≥ key = value".</summary>
    public static string Condition(StageCondition condition, ClassifierParameters p)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return F("{0} {1} {2} = {3}", StageMeasures.Description(condition.Measure),
            condition.Comparison == Comparison.AtLeast ? "reaches" : "is at or below", condition.Parameter, N(StageRules.Threshold(p, condition.Parameter)));
    }

    /// <summary>How every criterion is read: smoothing and dwell.</summary>
    public static string Reading(ClassifierParameters p) => F(
        "Criteria are read on smoothed observables (an exponential moving average giving the newest tick the weight smoothing = {0}) and must hold for dwell = {1} tick{2} in a row before a stage is entered. Stages only move forward within a cycle, one at a time and in order.",
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
        new[] { Outcome.RevolutionaryTurnover, Outcome.Ongoing, Outcome.Fizzle, Outcome.Negotiated, Outcome.Suppressed, Outcome.Faded }
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
