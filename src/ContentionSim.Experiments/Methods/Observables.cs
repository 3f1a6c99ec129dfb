using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Methods;

/// <summary>A number a run produces that sensitivity indices and calibration patterns are about.</summary>
/// <param name="Name">snake_case name used in files and calibration patterns.</param>
/// <param name="Label">Axis label.</param>
/// <param name="PlotScale">Factor for figures (100 for shares shown as percentages).</param>
/// <param name="Extract">The value of a run; null when it does not exist in that run (it then counts as missing, not as a failure).</param>
public sealed record Observable(string Name, string Label, double PlotScale, Func<Headline, double?> Extract);

/// <summary>
/// The observables: every metric of a sweep's <c>runs.csv</c> (<see cref="SweepMetrics"/>), and the wave's
/// outcome shares, each the share of its ended non-fizzle cycles with that outcome (none when no such
/// cycle ended), and whether it had a cycle at all.
/// </summary>
public static class Observables
{
    public static IReadOnlyList<Observable> All { get; } = Build();

    /// <summary>The headline outcomes a global sensitivity analysis reports unless told otherwise.</summary>
    public static IReadOnlyList<string> Headline { get; } =
        [.. new[] { Metrics.PeakParticipation, Metrics.MeanParticipation, Metrics.Cycles, Metrics.StageTicks[0], Metrics.NegotiatedShare, Metrics.SuppressedShare }.Select(m => m.Name)];

    public static Observable? Find(string name) => All.FirstOrDefault(o => o.Name == name);

    /// <summary>The catalog's metrics computable from a run's headline (<see cref="Metric.OfHeadlineAlone"/>).</summary>
    private static Observable[] Build() =>
        [.. SweepMetrics.All.Concat([Metrics.CycleShare, Metrics.NegotiatedShare, Metrics.SuppressedShare, Metrics.TurnoverShare])
            .Select(m => new Observable(m.Name, m.Label, m.PlotScale, m.Of))];
}
