using ContentionSim.Core.Observation;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Tests;

public class ActorsPlotTests
{
    [Fact]
    public void Renders_png_and_svg()
    {
        var run = TestRuns.Sample();
        PlotAssert.IsPng(RunPlots.Png(new ActorsPlot(), run), 1600, 900);
        PlotAssert.IsSvg(RunPlots.Svg(new ActorsPlot(), run));
    }

    [Fact]
    public void Shares_of_each_status_add_up_to_one()
    {
        var o = new TickObservation { Activists = 200, Inactive = 100, Active = 50, Exhausted = 30, Repressed = 15, Coopted = 5 };
        Assert.Equal(0.25, ActorsPlot.Share(o, ActivistStatus.Active));
        Assert.Equal(0.025, ActorsPlot.Share(o, ActivistStatus.Coopted));
        Assert.Equal(1.0, ActorsPlot.StackOrder.Sum(s => ActorsPlot.Share(o, s)), 12);
        Assert.Equal(0, ActorsPlot.Share(new TickObservation { Activists = 0, Active = 3 }, ActivistStatus.Active));
    }

    [Fact]
    public void Stack_covers_every_status_once()
    {
        Assert.Equal(Enum.GetValues<ActivistStatus>().Order(), ActorsPlot.StackOrder.Order());
    }

    [Fact]
    public void Legend_names_statuses_and_the_state_lines()
    {
        using var plot = new ActorsPlot().Create(TestRuns.Sample());
        var labels = plot.Legend.ManualItems.Select(i => i.LabelText).ToArray();
        Assert.Equal(["inactive", "co-opted", "repressed (held)", "exhausted", "active", "outside pressure (inner right axis)", "effective openness (outer right axis, 0–1)"], labels);
    }

    [Fact]
    public void Pressure_and_openness_use_the_right_axis_from_zero_to_one()
    {
        using var plot = new ActorsPlot().Create(TestRuns.Sample());
        var right = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Where(s => s.Axes.YAxis == plot.Axes.Right).ToArray();
        Assert.NotEmpty(right);
        Assert.Contains(right, s => Math.Abs(s.Data.GetScatterPoints().Max(p => p.Y) - 0.6) < 1e-9); // outside pressure peaks at 0.6
        Assert.Equal((0.0, 1.0), (plot.Axes.Right.Min, plot.Axes.Right.Max));
    }

    [Fact]
    public void Effective_openness_keeps_its_own_zero_to_one_axis_when_pressure_is_large()
    {
        // The boomerang of lesson 2: pressure reaches 8.6 while openness goes 0.15 -> 0.74; on a shared 0-10 axis the
        // openness drew as a flat line.
        var run = TestRuns.Sample();
        run = run with { Series = run.Series.Select(o => o with { OutsidePressure = o.Tick / 10.0, EffectiveOpenness = 0.15 + o.Tick / 200.0 }).ToArray() };
        using var plot = new ActorsPlot().Create(run);
        var openness = ActorsPlot.OpennessAxis(plot);
        Assert.NotSame(plot.Axes.Right, openness);
        Assert.Equal((0.0, 1.0), (openness.Min, openness.Max));
        Assert.True(plot.Axes.Right.Max >= run.Series.Max(o => o.OutsidePressure));
        var lines = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Contains(lines, s => s.Axes.YAxis == openness && s.LinePattern.Equals(ScottPlot.LinePattern.Dashed));
        Assert.DoesNotContain(lines, s => s.Axes.YAxis == plot.Axes.Right && s.LinePattern.Equals(ScottPlot.LinePattern.Dashed));
    }

    [Fact]
    public void The_right_axis_grows_when_pressure_exceeds_one()
    {
        var run = TestRuns.Sample();
        run = run with { Series = run.Series.Select(o => o with { OutsidePressure = o.Tick == 60 ? 1.75 : o.OutsidePressure }).ToArray() };
        using var plot = new ActorsPlot().Create(run);
        Assert.Equal(2.0, plot.Axes.Right.Max);
    }

    [Fact]
    public void The_left_axis_zooms_to_the_engaged_share_with_room_above()
    {
        var run = TestRuns.Sample();
        var wave = run.Series.Where(o => o.Movement == TickObservation.WaveId).ToArray();
        double engaged = wave.Max(o => 1 - ActorsPlot.Share(o, ActivistStatus.Inactive)) * 100;
        using var plot = new ActorsPlot().Create(run);
        Assert.Equal(0, plot.Axes.Left.Min);
        Assert.InRange(plot.Axes.Left.Max, engaged * 1.2, 100);
        Assert.True(plot.Axes.Left.Max < 100, "a wave that never engages more than half the activists should be zoomed in");

        var all = wave.Select(o => o with { Inactive = 0, Active = o.Activists, Exhausted = 0, Repressed = 0, Coopted = 0 }).ToArray();
        Assert.Equal(100, ActorsPlot.LeftAxisMax(all));
        Assert.Equal(100, ActorsPlot.LeftAxisMax([]));
    }
}
