using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>The sweep figures built from hand-made records and series.</summary>
public sealed class SweepPlotsTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SweepData Data(bool withSeries)
    {
        var setup = SweepTestSupport.Setup();
        var manifest = new SweepManifestData
        {
            Name = "tiny-sweep",
            Fingerprint = "x",
            Grid = setup.Plan.Grid,
            Plots = setup.Plots,
        };
        var records = new List<SweepRunRecord>();
        var grid = setup.Plan.Grid;
        for (int rep = 0; rep < 3; rep++)
            for (int p = 0; p < grid.PointCount; p++)
            {
                var levels = grid.LevelsOf(p);
                var outcomes = levels[0] == 2 ? new[] { Outcome.Negotiated } : new[] { Outcome.Suppressed, Outcome.Fizzle };
                records.Add(SweepTestSupport.Record(grid.RunIndex(p, rep), p, rep, grid.ValuesOf(p).Select(l => l.Text).ToArray(),
                    peak: 0.1 + 0.3 * levels[0] + 0.1 * levels[1] + 0.01 * rep, cycles: rep, outcomes));
            }
        if (withSeries)
        {
            Directory.CreateDirectory(_dir.Combine(SweepSeries.FolderName));
            foreach (var r in records.Where(r => grid.LevelsOf(r.Point)[0] is 0 or 2))
                SweepSeries.Write(_dir.Combine(SweepSeries.FolderName, SweepSeries.FileName(r.Run)), TestRuns.Sample());
        }
        return new SweepData(_dir.Path, manifest, records);
    }

    [Fact]
    public void A_metric_figure_has_a_line_and_a_band_per_lines_level()
    {
        var data = Data(withSeries: false);
        using var plot = SweepPlots.Metric(data, SweepMetrics.Find("peak_participation")!);
        var scatters = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(2, scatters.Count);
        Assert.Equal(2, plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Count());
        // Means in percent: openness level 0, alliances 0 → peaks 0.10, 0.11, 0.12 → 11%.
        Assert.Equal(11, scatters[0].Data.GetScatterPoints()[0].Y, 6);
        Assert.Equal(0.1, scatters[0].Data.GetScatterPoints()[0].X);
        PlotAssert.IsPng(plot.GetImageBytes(800, 450, ScottPlot.ImageFormat.Png), 800, 450);
    }

    [Fact]
    public void Confidence_bands_of_counts_stop_at_zero_and_legends_are_in_words()
    {
        // Cycles 0, 1, 2 over the replications: mean 1, and the t interval reaches -1.5 — a negative count.
        var data = Data(withSeries: false);
        using var plot = SweepPlots.Metric(data, SweepMetrics.Find("cycles")!);
        var bands = plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().ToList();
        Assert.NotEmpty(bands);
        Assert.All(bands, b => Assert.True(b.GetAxisLimits().Bottom >= 0, $"band reaches {b.GetAxisLimits().Bottom}"));
        Assert.Equal(0, bands.Min(b => b.GetAxisLimits().Bottom), 9); // clipped, not dropped
        var labels = plot.Legend.ManualItems.Select(i => i.LabelText).ToList();
        Assert.Contains(labels, l => l.StartsWith("Chance that an organization blocked by its own state allies with NGOs or international organizations abroad = ", StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.StartsWith("transnational.", StringComparison.Ordinal));
        Assert.Equal("Openness of the political opportunity structure (state.openness)", plot.Axes.Bottom.Label.Text);
    }

    [Theory]
    [InlineData("state.openness", "Openness of the political opportunity structure")]
    [InlineData("transnational.alliance_probability", "Chance that an organization blocked by its own state allies with NGOs or international organizations abroad")]
    [InlineData("movements.migrant_rights.activists.energy_cost", null)]
    [InlineData("no.such.key", "no.such.key")]
    public void Parameters_are_named_by_the_first_clause_of_their_schema_description(string path, string? expected)
    {
        string label = ParameterWords.Label(path);
        if (expected is not null) Assert.Equal(expected, label);
        else
        {
            Assert.NotEqual(path, label); // a movement's parameter by id is found in the schema too
            Assert.DoesNotContain("(", label);
        }
    }

    [Fact]
    public void The_heatmap_holds_the_mean_of_each_cell()
    {
        var data = Data(withSeries: false);
        using var plot = SweepPlots.Heatmap(data, SweepMetrics.Find("peak_participation")!);
        var heatmap = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>());
        Assert.Equal(2, heatmap.Intensities.GetLength(0));
        Assert.Equal(3, heatmap.Intensities.GetLength(1));
        Assert.Equal(81, heatmap.Intensities[0, 2], 6); // top row = alliances 0.5; openness 0.9: 0.1 + 0.6 + 0.1 + 0.01 = 0.81
        Assert.Equal(11, heatmap.Intensities[1, 0], 6);
        Assert.Equal(6, plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Count());
    }

    [Fact]
    public void The_outcome_figure_has_a_panel_per_lines_level()
    {
        var data = Data(withSeries: false);
        var panels = SweepPlots.Outcomes(data);
        Assert.Equal(2, panels.Count);
        foreach (var p in panels) p.Dispose();
    }

    [Fact]
    public void Stage_traces_average_the_kept_series_of_the_extremes()
    {
        Assert.Empty(SweepPlots.StageTraces(Data(withSeries: false)));
        var data = Data(withSeries: true);
        var (runs, ticks, shares, participation) = SweepPlots.Trace(data, 0);
        Assert.Equal(6, runs);
        Assert.Equal(TestRuns.Ticks, ticks.Length);
        Assert.Equal(1.0, shares[(int)Stage.ConflictAndDiffusion][15]);
        Assert.Equal(1.0, shares[(int)Stage.Latent][5]);
        Assert.Equal(Math.Round(TestRuns.ParticipationAt(45), 6), participation[45], 9);
        var panels = SweepPlots.StageTraces(data);
        Assert.Equal(2, panels.Count);
        foreach (var p in panels) p.Dispose();
    }
}
