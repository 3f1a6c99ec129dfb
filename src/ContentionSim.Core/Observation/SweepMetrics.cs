using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Observation;

/// <summary>
/// The metrics recorded for every run of a sweep, in column order: the headline metrics of the
/// catalog (<see cref="Metrics.OfHeadline"/>). Each is a column of <c>runs.csv</c>, a group of
/// columns of <c>summary.csv</c> and a figure.
/// </summary>
public static class SweepMetrics
{
    /// <summary>Every metric, in the order of the columns.</summary>
    public static IReadOnlyList<Metric> All => Metrics.OfHeadline;

    /// <summary>The metric drawn in the heatmap unless the sweep or <c>plot --metric</c> names another.</summary>
    public static string DefaultHeatmap { get; } = Metrics.PeakParticipation.Name;

    /// <summary>The metric named <paramref name="name"/>, or null.</summary>
    public static Metric? Find(string? name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Column name of the ticks spent in <paramref name="stage"/> (<c>latent_ticks</c>, <c>stage1_ticks</c>, …).</summary>
    public static string StageColumn(Stage stage) => Metrics.StageTicksName(stage);
}
