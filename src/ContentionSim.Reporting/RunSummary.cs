using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting;

/// <summary>A few plain lines summarizing a run, for the command line (no console library).</summary>
public static class RunSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The summary as lines, without line terminators.</summary>
    public static IReadOnlyList<string> Lines(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Scenario;
        var h = result.Headline;
        string unit = string.IsNullOrWhiteSpace(s.TimeUnit) ? "tick" : s.TimeUnit.Trim();
        string units = Plots.FigureStyle.Plural(unit);
        var lines = new List<string>();

        int movements = Math.Max(result.Movements.Count, 1);
        lines.Add(string.Format(Inv, "{0}: seed {1}, {2} {3}, {4:N0} activists in {5} movement{6}.",
            string.IsNullOrWhiteSpace(s.Name) ? "run" : s.Name, result.Seed, result.TicksRun, units,
            s.TotalActivists, movements, movements == 1 ? "" : "s"));

        var waveCycles = result.Cycles.Where(c => c.Movement == TickObservation.WaveId).OrderBy(c => c.Cycle).ToList();
        if (waveCycles.Count == 0)
            lines.Add("No cycle of contention: participation never rose clearly above its baseline.");
        else
        {
            lines.Add(CycleCounts(waveCycles.Select(c => c.Outcome).ToList()) + ".");
            lines.Add(string.Format(Inv, "Cycle peaks are of participation smoothed as the stage classifier sees it; the run's peak below is the highest value of a single {0}.", unit));
        }

        foreach (var c in waveCycles)
        {
            string span = c.EndTick is int end
                ? string.Format(Inv, "{0} {1}–{2}", unit, c.StartTick, end)
                : string.Format(Inv, "from {0} {1}, still under way", unit, c.StartTick);
            lines.Add(string.Format(Inv, "  Cycle {0}: {1}, smoothed peak {2} at {3} {4} ({5}); reached stage {6} ({7}).",
                c.Cycle, StageText.Key(c.Outcome), Percent(c.PeakParticipation), unit, c.PeakTick, span,
                (int)c.HighestStage, StageText.Name(c.HighestStage)));
        }

        if (waveCycles.Count > 1) lines.Add(HighestStages(waveCycles) + ".");

        // Said with or without a cycle: a movement that never mobilized is told how far it got.
        lines.Add(string.Format(Inv, "Peak participation {0} at {1} {2}{3}.",
                Percent(h.PeakParticipation), unit, h.PeakTick,
                waveCycles.Count == 0 ? "; no cycle began"
                : h.TimeToPeak >= 0 ? string.Format(Inv, "; first peak {0} {1} after onset", h.TimeToPeak, h.TimeToPeak == 1 ? unit : units) : ""));

        string late = h.ViolentActs > 0 ? ViolenceTiming(h) : "";
        lines.Add(string.Format(Inv, "Violent acts {0}{1}; repression events {2}; facilitation events {3}; concessions {4}; co-optations {5}.",
            h.ViolentActs, late, h.RepressionEvents, h.FacilitationEvents, h.Concessions, h.Cooptations));
        if (h.AlliancesFormed > 0 || h.MaxOutsidePressure > 0)
            lines.Add(string.Format(Inv, "Transnational alliances formed {0}; outside pressure up to {1}.",
                h.AlliancesFormed, h.MaxOutsidePressure.ToString("0.###", Inv)));
        return lines;
    }

    /// <summary>
    /// The cycles of a run counted the one way every view uses (terminal summary, report, comparison,
    /// live view; the rows of <c>cycles.csv</c>): every numbered cycle, split into cycles of contention
    /// (they reached stage 3) — ended or still under way — and fizzles (they fell back before stage 3).
    /// E.g. "7 cycles: 2 of contention (1 ended, 1 still under way) and 5 fizzles (fell back before stage 3)".
    /// </summary>
    public static string CycleCounts(IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int all = outcomes.Count;
        int fizzles = outcomes.Count(o => o == Outcome.Fizzle);
        int ongoing = outcomes.Count(o => o == Outcome.Ongoing);
        int contention = all - fizzles, ended = contention - ongoing;
        if (all == 0) return "no cycle";
        string head = string.Format(Inv, "{0} cycle{1}: {2} of contention", all, all == 1 ? "" : "s", contention);
        if (contention > 0)
            head += ongoing > 0 ? string.Format(Inv, " ({0} ended, {1} still under way)", ended, ongoing) : string.Format(Inv, " ({0} ended)", ended);
        return head + string.Format(Inv, " and {0} fizzle{1} (fell back before stage 3)", fizzles, fizzles == 1 ? "" : "s");
    }

    /// <summary>
    /// Where a run's cycles stalled or ended, for a class that asks where a tight POS stops a movement:
    /// "Highest stage reached: stage 1 (conflict and diffusion) in 8 of 8 cycles" or "… stage 1 (…) in 5,
    /// stage 6 (…) in 2 of 7 cycles" (cycles still under way count with the stage they have reached).
    /// </summary>
    public static string HighestStages(IReadOnlyList<CycleRecord> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        var parts = cycles.GroupBy(c => c.HighestStage).OrderBy(g => g.Key)
            .Select(g => string.Format(Inv, "stage {0} ({1}) in {2}", (int)g.Key, StageText.Name(g.Key), g.Count()));
        return string.Format(Inv, "Highest stage reached: {0} of {1} cycles", string.Join(", ", parts), cycles.Count);
    }

    /// <summary>
    /// When the violence fell, measured within each cycle of contention's own start and end (the run
    /// headline's shares, which fact 2 measures too): " (within cycles: 61% after the peak, 40% in
    /// demobilization, stages 4–6)".
    /// </summary>
    public static string ViolenceTiming(Headline h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return string.Format(Inv, " (within cycles: {0} after the peak, {1} in demobilization, stages 4–6)",
            Percent(h.ViolenceAfterPeakShare), Percent(h.LateViolenceShare));
    }

    /// <summary>The summary as one string, lines ended by <c>\n</c>.</summary>
    public static string Text(RunResult result) => string.Concat(Lines(result).Select(l => l + "\n"));

    /// <summary>A share as a percentage with one decimal, e.g. <c>34.5%</c>.</summary>
    public static string Percent(double share)
    {
        if (!double.IsFinite(share)) return "n/a";
        double pct = Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);
        return (pct == 0 ? 0 : pct).ToString("0.#", Inv) + "%";
    }
}
