using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting;

/// <summary>
/// What met a stage's criterion and why a cycle got its outcome, in words, from the numbers the
/// classifier records (<see cref="StageEntry"/>, <see cref="CycleRecord"/>). This part depends on
/// Core alone: the classroom app links it to tell the same story in the browser.
/// </summary>
public static partial class StageCriteria
{
    private static readonly CultureInfo Words = CultureInfo.InvariantCulture;

    /// <summary>
    /// What met the criterion of <paramref name="entry"/>'s stage, in words, with the values the
    /// classifier recorded (the <c>trigger</c> column of stages.csv and the report's timeline): each
    /// condition of the route that held, from the one table of criteria (<see cref="StageRules.All"/>).
    /// </summary>
    public static string Trigger(StageEntry entry, ClassifierParameters p)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(p);
        if (entry.Stage == Stage.ConflictAndDiffusion)
            return string.Create(Words,
                $"participation rose to {entry.Participation:P1}, more than {p.OnsetMargin:P1} above its baseline of {entry.Baseline:P1}, for {p.Dwell} ticks");
        if (StageRules.Of(entry.Stage) is not { } rule) return "";
        var route = rule.Routes.FirstOrDefault(r => entry.Route.Split('+').Contains(r.Name)) ?? rule.Routes[0];
        string head = rule.Routes.Count > 1 ? string.Join(" and ", entry.Route.Split('+', StringSplitOptions.RemoveEmptyEntries)) + ": " : "";
        string measured = string.Join("; ", route.Conditions.Select(c => string.Create(Words,
            $"{StageMeasures.Description(c.Measure)} {Value(entry.Measure(c.Measure))} ({(c.Comparison == Comparison.AtLeast ? "≥" : "≤")} {c.Parameter} = {StageRules.Threshold(p, c.Parameter):0.###})")));
        string extra = entry.Stage switch
        {
            Stage.ExhaustionAndPolarization => string.Create(Words,
                $"; participation {entry.PeakParticipation:P1} at the peak → {entry.Participation:P1}, the radical share of those still active {entry.RadicalShareAtPeak:P0} → {entry.RadicalShare:P0}"),
            Stage.ViolenceAndInstitutionalization => string.Create(Words,
                $"; {entry.ViolentActsSinceExhaustion} violent acts and {entry.CooptationsSinceExhaustion} co-optations since exhaustion set in"),
            _ => "",
        };
        return head + measured + extra;
    }

    private static string Value(double v) => double.IsNaN(v) ? "n/a" : double.IsPositiveInfinity(v) ? "unbounded (it was 0 at the reference point)" : v.ToString("0.###", Words);

    /// <summary>
    /// Why <paramref name="cycle"/> got its outcome, in words, from the counts and mean stances the
    /// classifier recorded (the <c>outcome_reason</c> of cycles.csv and run.json).
    /// </summary>
    public static string OutcomeReason(CycleRecord cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        string counts = string.Create(Words,
            $"{cycle.Concessions} concessions, {cycle.Cooptations} co-optations and {cycle.FacilitationEvents} talks against {cycle.RepressionEvents} arrests; the state's mean stance: facilitation {cycle.MeanFacilitationStance:0.00}, repression {cycle.MeanRepressionStance:0.00}");
        if (cycle.Stage5ByViolence + cycle.Stage5ByInstitutionalization > 0)
            counts += "; stage 5 entered by " + (cycle.Stage5ByViolence > 0 && cycle.Stage5ByInstitutionalization > 0 ? "violence and institutionalization"
                : cycle.Stage5ByViolence > 0 ? "violence" : "institutionalization");
        return cycle.Outcome switch
        {
            Outcome.RevolutionaryTurnover => "participation stayed above the state's turnover threshold; " + counts,
            Outcome.Ongoing => "the run ended during the cycle; " + counts,
            Outcome.Fizzle => string.Create(Words,
                $"participation fell back to its baseline after peaking at {cycle.PeakParticipation:P1}, before interaction with the state peaked; ") + counts,
            _ => counts,
        };
    }
}
