using ContentionSim.Core.Observation;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Tests;

public sealed class ComparePlotTests
{
    private static CompareRun Run(string label, double scale)
    {
        var r = TestRuns.Sample();
        var wave = r.Series.Where(o => o.Movement == TickObservation.WaveId).Select(o => o with { Participation = o.Participation * scale }).ToList();
        return new CompareRun(label, wave, r.Cycles);
    }

    [Fact]
    public void One_strip_per_run_grows_the_figure_and_renders_a_png()
    {
        var png = ComparePlot.Png([Run("tight", 1), Run("open", 0.5), Run("boomerang", 1.5)], "Time (weeks)");

        var (w, h) = Html.HtmlPage.PngSize(png);
        Assert.Equal(ComparePlot.Size(3), (w, h));
        Assert.True(ComparePlot.Size(3).Height > ComparePlot.Size(2).Height);
    }

    [Fact]
    public void Each_run_is_labelled_on_the_left_axis_and_the_stages_are_in_the_legend()
    {
        using var plot = ComparePlot.Create([Run("tight", 1), Run("open", 0.5)], "Time (weeks)");
        string svg = plot.GetSvgXml(1600, 800);

        Assert.Contains("tight", svg);
        Assert.Contains("open", svg);
        Assert.Contains("exhaustion and polarization", svg);
        Assert.Contains("negotiated", svg);
    }

    [Fact]
    public void Nothing_to_compare_is_an_error() =>
        Assert.Throws<ArgumentException>(() => ComparePlot.Create([], "Time"));
}
