using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// A headline outcome of a run as a sensitivity analysis compares it.
/// </summary>
/// <param name="Name">Column value and file-name part, snake_case (e.g. <c>peak_participation</c>).</param>
/// <param name="Label">Axis label, e.g. "Peak participation (% of activists)".</param>
/// <param name="PlotScale">Factor for figures and tables (100 for shares shown as percentages).</param>
/// <param name="Extract">The value of a run; null when it does not exist for the run (cycle length without a cycle).</param>
public sealed record SensitivityOutcome(string Name, string Label, double PlotScale, Func<RunResult, double?> Extract);

/// <summary>
/// The outcomes of a sensitivity analysis, all of the wave as a whole: peak and mean participation;
/// whether the run had a (non-fizzle) cycle at all, whose mean is the share of runs with one; cycle length, the mean length in ticks of the run's non-fizzle cycles (to the end of the run for
/// one still under way; none when the run has no such cycle); and the outcome shares, the shares of
/// the run's ended non-fizzle cycles that were negotiated and that were suppressed (none when no
/// such cycle ended).
/// </summary>
public static class SensitivityOutcomes
{
    /// <summary>Every outcome, in table order.</summary>
    public static IReadOnlyList<SensitivityOutcome> All { get; } =
    [
        new("peak_participation", "Peak participation (% of activists)", 100, r => r.Headline.PeakParticipation),
        new("mean_participation", "Mean participation (% of activists)", 100, r => r.Headline.MeanParticipation),
        new("cycle_share", "Runs with a cycle (%)", 100, r => Cycles(r).Any() ? 1 : 0),
        new("cycle_length", "Mean cycle length (ticks)", 1, CycleLength),
        new("negotiated_share", "Negotiated share of ended cycles (%)", 100, r => OutcomeShare(r, Outcome.Negotiated)),
        new("suppressed_share", "Suppressed share of ended cycles (%)", 100, r => OutcomeShare(r, Outcome.Suppressed)),
    ];

    /// <summary>The outcome named <paramref name="name"/>, or null.</summary>
    public static SensitivityOutcome? Find(string name) => All.FirstOrDefault(o => o.Name == name);

    /// <summary>The wave's cycles that are not fizzles.</summary>
    private static IEnumerable<CycleRecord> Cycles(RunResult r) =>
        r.Cycles.Where(c => c.Movement == TickObservation.WaveId && c.Outcome != Outcome.Fizzle);

    /// <summary>Mean length in ticks of the wave's non-fizzle cycles (to the end of the run if one is under way), or null without one.</summary>
    public static double? CycleLength(RunResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var lengths = Cycles(r).Select(c => (double)((c.EndTick ?? r.TicksRun) - c.StartTick)).ToArray();
        return lengths.Length == 0 ? null : lengths.Average();
    }

    /// <summary>Share of the wave's ended non-fizzle cycles with <paramref name="outcome"/>, or null when none ended.</summary>
    public static double? OutcomeShare(RunResult r, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(r);
        var ended = Cycles(r).Where(c => c.Outcome != Outcome.Ongoing).ToArray();
        return ended.Length == 0 ? null : (double)ended.Count(c => c.Outcome == outcome) / ended.Length;
    }
}
