using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Methods;

/// <summary>A number a run produces that sensitivity indices and calibration patterns are about.</summary>
/// <param name="Name">snake_case name used in files and calibration patterns.</param>
/// <param name="Label">Axis label.</param>
/// <param name="PlotScale">Factor for figures (100 for shares shown as percentages).</param>
/// <param name="Extract">The value of a recorded run (a row of a batch's <c>runs.csv</c>); null when it does not exist in that run (it then counts as missing, not as a failure).</param>
public sealed record Observable(string Name, string Label, double PlotScale, Func<SweepRunRecord, double?> Extract);

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
    [
        Metrics.PeakParticipation.Name, Metrics.MeanParticipation.Name, Metrics.Cycles.Name, Metrics.StageTicksName(Stage.Latent),
        All[^3].Name, All[^2].Name,   // negotiated_share, suppressed_share (below)
    ];

    public static Observable? Find(string name) => All.FirstOrDefault(o => o.Name == name);

    private static Observable[] Build()
    {
        var list = SweepMetrics.All.Select(m => new Observable(m.Name, m.Label, m.PlotScale, r => r.Metric(m.Name))).ToList();
        list.Add(new(Metrics.CycleShare.Name, Metrics.CycleShare.Label, 100, r => r.Metric(Metrics.Cycles.Name) is double c ? (c > 0 ? 1 : 0) : null));
        list.Add(new(Metrics.NegotiatedShare.Name, Metrics.NegotiatedShare.Label, 100, r => Share(r, Outcome.Negotiated)));
        list.Add(new(Metrics.SuppressedShare.Name, Metrics.SuppressedShare.Label, 100, r => Share(r, Outcome.Suppressed)));
        list.Add(new(Metrics.FadedShare.Name, Metrics.FadedShare.Label, 100, r => Share(r, Outcome.Faded)));
        list.Add(new(Metrics.TurnoverShare.Name, Metrics.TurnoverShare.Label, 100, r => Share(r, Outcome.RevolutionaryTurnover)));
        return [.. list];
    }

    /// <summary>Every observable of a recorded run, NaN where it has none (or the run failed).</summary>
    public static double[] Of(SweepRunRecord record) =>
        [.. All.Select(o => record.Failed ? double.NaN : o.Extract(record) ?? double.NaN)];

    private static double? Share(SweepRunRecord r, Outcome outcome)
    {
        var ended = r.Outcomes.Where(o => o is not (Outcome.Fizzle or Outcome.Ongoing)).ToArray();
        return ended.Length == 0 ? null : (double)ended.Count(o => o == outcome) / ended.Length;
    }
}
