using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>summary.csv and the figures written from a sweep folder, and the side-by-side layout.</summary>
public sealed class SweepReportTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Panels_are_laid_out_side_by_side_in_png_and_svg()
    {
        using var a = new ScottPlot.Plot();
        using var b = new ScottPlot.Plot();
        a.Add.Scatter(new double[] { 1, 2 }, new double[] { 1, 3 });
        b.Add.Scatter(new double[] { 1, 2 }, new double[] { 3, 1 });
        var (png, svg) = SweepReport.Compose([a, b], 500, 400);
        PlotAssert.IsPng(png, 1000 + SweepReport.LegendWidth, 400);
        PlotAssert.IsSvg(svg);
        Assert.StartsWith($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{1000 + SweepReport.LegendWidth}\"", svg);
        Assert.Contains("<svg x=\"500\" y=\"0\"", svg);
        Assert.DoesNotContain("<?xml", svg[10..]);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_finished_sweep_folder_gets_its_summary_and_every_figure_and_the_same_files_twice()
    {
        string folder = _dir.Combine("sweep");
        SweepSession.Run(SweepTestSupport.Setup(SweepTestSupport.Plan(replications: 2)), folder,
            new SweepSessionOptions { Execution = new BatchOptions { Parallel = 2 }, Plots = false, GitCommit = "x" });
        var files = SweepReport.Write(folder, "repression_events");
        string plots = Path.Combine(folder, SweepReport.PlotsFolder);
        foreach (var m in SweepMetrics.All)
        {
            Assert.True(File.Exists(Path.Combine(plots, $"metric-{m.Name}.png")), m.Name);
            Assert.True(File.Exists(Path.Combine(plots, $"metric-{m.Name}.svg")), m.Name);
        }
        foreach (var stem in new[] { "heatmap-repression_events", "outcomes", "stage-trace" })
        {
            PlotAssert.IsPng(File.ReadAllBytes(Path.Combine(plots, stem + ".png")), stem == "heatmap-repression_events" ? ScottPlotDefaults.Width : 2 * SweepPlots.PanelWidth + SweepReport.LegendWidth, ScottPlotDefaults.Height);
            PlotAssert.IsSvg(File.ReadAllText(Path.Combine(plots, stem + ".svg")));
        }
        Assert.Equal(SweepMetrics.All.Count + 4, files.Count);
        string svgBefore = File.ReadAllText(Path.Combine(plots, "metric-cycles.svg"));
        string summaryBefore = File.ReadAllText(Path.Combine(folder, SweepSummary.FileName));
        SweepReport.Write(folder, "repression_events", plots: false);
        Assert.Equal(summaryBefore, File.ReadAllText(Path.Combine(folder, SweepSummary.FileName)));
        using var again = SweepPlots.Metric(SweepData.Load(folder), SweepMetrics.Find("cycles")!);
        Assert.Equal(svgBefore, ContentionSim.Reporting.Plots.RunPlots.NormalizeSvgIds(again.GetSvgXml(ScottPlotDefaults.Width, ScottPlotDefaults.Height)));
    }

    [Fact]
    public void A_folder_that_is_not_a_sweep_is_refused()
    {
        Assert.Throws<SweepFolderException>(() => SweepReport.Write(_dir.Path));
    }

    private static class ScottPlotDefaults
    {
        public const int Width = ContentionSim.Reporting.Plots.RunPlots.DefaultWidth, Height = ContentionSim.Reporting.Plots.RunPlots.DefaultHeight;
    }
}
