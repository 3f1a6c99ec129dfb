using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// The outcomes of a sensitivity analysis, all of the wave as a whole and all from the metrics
/// catalog (<see cref="Metrics"/>, where each is defined): peak and mean participation; whether the
/// run had a (non-fizzle) cycle at all, whose mean is the share of runs with one; cycle length; and
/// the shares of the run's ended non-fizzle cycles that were negotiated and that were suppressed.
/// </summary>
public static class SensitivityOutcomes
{
    /// <summary>Every outcome, in table order.</summary>
    public static IReadOnlyList<Metric> All { get; } =
    [
        Metrics.PeakParticipation, Metrics.MeanParticipation, Metrics.CycleShare, Metrics.CycleLength,
        Metrics.NegotiatedShare, Metrics.SuppressedShare,
    ];

    /// <summary>The outcome named <paramref name="name"/>, or null.</summary>
    public static Metric? Find(string name) => All.FirstOrDefault(o => o.Name == name);

    /// <summary>Mean length in ticks of the wave's non-fizzle cycles (to the end of the run if one is under way), or null without one.</summary>
    public static double? CycleLength(RunResult r) => Metrics.MeanCycleLength(r);

    /// <summary>Share of the wave's ended non-fizzle cycles with <paramref name="outcome"/>, or null when none ended.</summary>
    public static double? OutcomeShare(RunResult r, Outcome outcome) => Metrics.OutcomeShare(r, outcome);
}
