using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Tests;

public class RunPlotsTests
{
    [Fact]
    public void Svg_ids_are_renumbered_in_order_with_their_references()
    {
        const string svg = "<svg><clipPath id=\"cl_1f\"/><g clip-path=\"url(#cl_1f)\"/><clipPath id=\"cl_2a\"/>"
            + "<g clip-path=\"url(#cl_2a)\"/><use href=\"#cl_1f\"/><text>stage1_ticks cl_1f</text></svg>";
        Assert.Equal(
            "<svg><clipPath id=\"cl_1\"/><g clip-path=\"url(#cl_1)\"/><clipPath id=\"cl_2\"/>"
            + "<g clip-path=\"url(#cl_2)\"/><use href=\"#cl_1\"/><text>stage1_ticks cl_1f</text></svg>",
            RunPlots.NormalizeSvgIds(svg));
    }

    [Fact]
    public void The_same_figure_rendered_twice_in_one_process_gives_the_same_svg()
    {
        var run = TestRuns.Sample();
        Assert.Equal(RunPlots.Svg(new ActorsPlot(), run), RunPlots.Svg(new ActorsPlot(), run));
        Assert.Equal(RunPlots.Svg(new StagesPlot(), run), RunPlots.Svg(new StagesPlot(), run));
    }

    [Fact]
    public void Figures_do_not_depend_on_the_current_culture()
    {
        var run = TestRuns.Sample() with { Scenario = TestRuns.Sample().Scenario with { Name = "x" } };
        byte[] invariant = RunPlots.Png(new ActorsPlot(), run, 800, 450);
        byte[] german;
        using (new CultureScope("de-DE")) german = RunPlots.Png(new ActorsPlot(), run, 800, 450);
        Assert.True(invariant.AsSpan().SequenceEqual(german), "tick labels changed with the culture");
    }

    [Fact]
    public void Tick_labels_are_invariant()
    {
        using var _ = new CultureScope("de-DE");
        Assert.Equal("0.25", FigureStyle.TickLabel(0.25));
        Assert.Equal("0", FigureStyle.TickLabel(-0.00001));
    }

    [Fact]
    public void Render_writes_both_files_and_no_temporary_files()
    {
        using var dir = new TempDir();
        RunPlots.Render(new StagesPlot(), TestRuns.Sample(), dir["s.png"], dir["s.svg"], 640, 360);
        Assert.Equal(["s.png", "s.svg"], dir.Entries());
        PlotAssert.IsPng(File.ReadAllBytes(dir["s.png"]), 640, 360);
        PlotAssert.IsSvg(File.ReadAllText(dir["s.svg"]));
    }
}
