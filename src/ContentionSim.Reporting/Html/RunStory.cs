using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Html;

/// <summary>
/// The words of a run's story: a line per stage entry ("week 61: exhaustion and polarization") and,
/// per cycle, its outcome and what led to it (arrests, talks, concessions, co-optations, violence,
/// outside pressure, scheduled events), from the records of stages.csv and cycles.csv.
/// </summary>
public static partial class RunStory
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"week 61: exhaustion and polarization".</summary>
    public static string EntryHeading(StageEntry entry, string unit) =>
        string.Format(Inv, "{0} {1}: {2}", ScenarioWords.Unit(unit), entry.Tick, StageText.Name(entry.Stage));

    /// <summary>Capitalizes the first letter.</summary>
    public static string Sentence(string text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"Cycle 2, weeks 190–268: suppressed" (or "from week 503: still under way").</summary>
    public static string OutcomeHeading(CycleRecord c, string unit) =>
        string.Format(Inv, "{0}: {1}", CycleSpan(c, unit), OutcomeName(c.Outcome));

    /// <summary>"Cycle 2, weeks 190–268" (or "Cycle 8, from week 503").</summary>
    public static string CycleSpan(CycleRecord c, string unit)
    {
        unit = ScenarioWords.Unit(unit);
        string span = c.EndTick is int end
            ? string.Format(Inv, "{0} {1}–{2}", ScenarioWords.Plural(unit), c.StartTick, end)
            : string.Format(Inv, "from {0} {1}", unit, c.StartTick);
        return string.Format(Inv, "Cycle {0}, {1}", c.Cycle, span);
    }

    /// <summary>A trigger text as shown to a class: percentages without the space the invariant culture puts before '%' ("4.2 %" → "4.2%").</summary>
    public static string Tidy(string trigger) => PercentSpace().Replace(trigger, "$1%");

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d) %")]
    private static partial System.Text.RegularExpressions.Regex PercentSpace();

    /// <summary>An outcome's name in words: "revolutionary turnover", "still under way".</summary>
    public static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Ongoing => "still under way",
        Outcome.Negotiated => "negotiated",
        _ => StageText.Key(outcome).Replace('_', ' '),
    };

    /// <summary>
    /// Why the cycle got its outcome: the outcome's meaning (the model's own words) and, for ended
    /// cycles, the classifier's reason with its counts from cycles.csv.
    /// </summary>
    public static string OutcomeRule(CycleRecord c, string reason)
    {
        string meaning = c.Outcome switch
        {
            Outcome.Fizzle => string.Format(Inv,
                "A fizzle: mobilization fell back before interaction with the state peaked (it got no further than stage {0}, {1}).",
                (int)c.HighestStage, StageText.Name(c.HighestStage)),
            Outcome.Ongoing => string.Format(Inv, "Still under way when the run ended (it had reached stage {0}, {1}).", (int)c.HighestStage, StageText.Name(c.HighestStage)),
            _ => Sentence(StageText.Explanation(c.Outcome)) + ".",
        };
        if (c.Outcome is Outcome.Fizzle or Outcome.Ongoing || string.IsNullOrWhiteSpace(reason)) return meaning;
        return meaning + " The classifier's reason: " + Tidy(reason.Trim().TrimEnd('.')) + ".";
    }

    /// <summary>What the agents did over the cycle: the state's responses, violence, outside pressure, the peak, scheduled events in its span.</summary>
    public static string WhatLedToIt(CycleRecord c, string unit, IReadOnlyList<AppliedEvent> events, int lastTick)
    {
        unit = ScenarioWords.Unit(unit);
        var parts = new List<string>
        {
            string.Format(Inv, "Participation peaked at {0} in {1} {2}.", RunSummary.Percent(c.PeakParticipation), unit, c.PeakTick),
            string.Format(Inv, "The state made {0} and held {1} (concessions included), made {2} and co-opted {3} moderates into institutions.",
                Count(c.RepressionEvents, "arrest"), Count(c.FacilitationEvents, "talk"), Count(c.Concessions, "concession"), c.Cooptations.ToString("N0", Inv)),
            c.ViolentActs > 0
                ? string.Format(Inv, "Activists committed {0}, {1:N0} of them after the peak and {2:N0} in the demobilization stages 4–6.", Count(c.ViolentActs, "violent act"), c.ViolentActsAfterPeak, c.ViolentActsLate)
                : "Activists committed no violent act.",
            c.Stage5ByViolence + c.Stage5ByInstitutionalization > 0
                ? "Stage 5 was entered by " + (c.Stage5ByViolence > 0 && c.Stage5ByInstitutionalization > 0 ? "violence and institutionalization together"
                    : c.Stage5ByViolence > 0 ? "radicals' violence" : "moderates' institutionalization (co-optation)") + "."
                : "",
            c.MaxOutsidePressure >= 0.01
                ? string.Format(Inv, "Outside pressure from allies abroad reached {0}.", c.MaxOutsidePressure.ToString("0.##", Inv))
                : "There was no outside pressure from abroad.",
        };
        int end = c.EndTick ?? lastTick;
        var during = events.Where(e => e.Tick >= c.StartTick && e.Tick <= end)
            .GroupBy(e => string.IsNullOrWhiteSpace(e.Label) ? e.Key : e.Label)
            .Select(g => string.Format(Inv, "{0} {1}: {2}", unit, g.First().Tick, g.Key))
            .ToList();
        if (during.Count > 0) parts.Add("Scheduled during the cycle: " + string.Join("; ", during) + ".");
        return string.Join(" ", parts.Where(p => p.Length > 0));
    }

    /// <summary>"1 arrest", "2,637 arrests".</summary>
    public static string Count(int n, string noun) => string.Format(Inv, "{0:N0} {1}{2}", n, noun, n == 1 ? "" : "s");
}
