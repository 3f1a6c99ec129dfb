using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Observation;

/// <summary>
/// A headline number of a run, as compared across a sweep: a column of <c>runs.csv</c>, a group of
/// columns of <c>summary.csv</c> and a figure.
/// </summary>
/// <param name="Name">Column name, snake_case (e.g. <c>peak_participation</c>).</param>
/// <param name="Label">Axis label, e.g. "Peak participation (% of activists)".</param>
/// <param name="Whole">Whether the value is a count (written without decimals).</param>
/// <param name="PlotScale">Factor applied on figures (100 for shares shown as percentages).</param>
/// <param name="Extract">The value from a run's headline; null when it does not exist for that run (time to peak without a cycle).</param>
public sealed record SweepMetric(string Name, string Label, bool Whole, double PlotScale, Func<Headline, double?> Extract);

/// <summary>The metrics recorded for every run of a sweep, in column order.</summary>
public static class SweepMetrics
{
    /// <summary>Every metric, in the order of the columns.</summary>
    public static IReadOnlyList<SweepMetric> All { get; } = Build();

    /// <summary>The metric drawn in the heatmap unless the sweep or <c>plot --metric</c> names another.</summary>
    public const string DefaultHeatmap = "peak_participation";

    /// <summary>The metric named <paramref name="name"/>, or null.</summary>
    public static SweepMetric? Find(string? name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Column name of the ticks spent in <paramref name="stage"/> (<c>latent_ticks</c>, <c>stage1_ticks</c>, …).</summary>
    public static string StageColumn(Stage stage) => stage == Stage.Latent ? "latent_ticks" : $"stage{(int)stage}_ticks";

    private static SweepMetric[] Build()
    {
        var list = new List<SweepMetric>
        {
            new("cycles", "Cycles of contention (not counting fizzles)", true, 1, h => h.Cycles),
            new("completed_cycles", "Completed cycles", true, 1, h => h.CompletedCycles),
            new("fizzles", "Fizzled cycles", true, 1, h => h.Fizzles),
            new("peak_participation", "Peak participation (% of activists)", false, 100, h => h.PeakParticipation),
            new("peak_tick", "Tick of peak participation", true, 1, h => h.PeakTick),
            new("time_to_peak", "Time from onset to peak of the first cycle (ticks)", true, 1, h => h.TimeToPeak < 0 ? null : h.TimeToPeak),
            new("mean_participation", "Mean participation (% of activists)", false, 100, h => h.MeanParticipation),
        };
        list.Add(new(StageColumn(Stage.Latent), "Ticks latent (no cycle under way)", true, 1, h => Duration(h, Stage.Latent)));
        foreach (var stage in StageText.Cycle)
        {
            var s = stage;
            list.Add(new(StageColumn(s), $"Ticks in stage {(int)s} ({StageText.Name(s)})", true, 1, h => Duration(h, s)));
        }
        list.AddRange(
        [
            new("repression_events", "Repression events", true, 1, h => h.RepressionEvents),
            new("facilitation_events", "Facilitation events", true, 1, h => h.FacilitationEvents),
            new("concessions", "Concessions", true, 1, h => h.Concessions),
            new("cooptations", "Co-optations", true, 1, h => h.Cooptations),
            new("violent_acts", "Violent acts", true, 1, h => h.ViolentActs),
            new("late_violence_share", "Share of violence in demobilization (%)", false, 100, h => h.LateViolenceShare),
            new("mean_outside_pressure", "Mean outside pressure", false, 1, h => h.MeanOutsidePressure),
            new("max_outside_pressure", "Peak outside pressure", false, 1, h => h.MaxOutsidePressure),
            new("alliances_formed", "Transnational alliances formed", true, 1, h => h.AlliancesFormed),
        ]);
        return list.ToArray();
    }

    private static double Duration(Headline h, Stage stage)
    {
        int i = (int)stage;
        return i < h.StageDurations.Count ? h.StageDurations[i] : 0;
    }
}
