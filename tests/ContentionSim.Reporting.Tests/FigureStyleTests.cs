using ContentionSim.Core.Observation;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Tests;

public class FigureStyleTests
{
    [Fact]
    public void Short_lines_are_drawn_as_they_are()
    {
        double[] x = [0, 1, 2], y = [5, 6, 7];
        var (tx, ty) = FigureStyle.Thin(x, y, maxPoints: 10);
        Assert.Same(x, tx);
        Assert.Same(y, ty);
    }

    [Fact]
    public void Long_lines_are_thinned_but_keep_peaks_troughs_and_ends()
    {
        int n = 100_000;
        double[] x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        double[] y = x.Select(v => Math.Sin(v / 500)).ToArray();
        y[12_345] = 50;   // a one-tick spike
        y[67_890] = -50;  // a one-tick trough
        var (tx, ty) = FigureStyle.Thin(x, y, maxPoints: 3000);
        Assert.InRange(tx.Length, 1000, 3001);
        Assert.Equal(50, ty.Max());
        Assert.Equal(-50, ty.Min());
        Assert.Equal(12_345, tx[Array.IndexOf(ty, 50.0)]);
        Assert.Equal((0.0, n - 1.0), (tx[0], tx[^1]));
        Assert.True(tx.Zip(tx.Skip(1)).All(p => p.First < p.Second), "x must stay increasing");
    }

    [Fact]
    public void Stride_keeps_the_first_and_last_observation()
    {
        var series = Enumerable.Range(0, 10_001).Select(t => new TickObservation { Tick = t }).ToArray();
        var kept = FigureStyle.Stride(series, maxPoints: 1000);
        Assert.InRange(kept.Length, 900, 1001);
        Assert.Equal(0, kept[0].Tick);
        Assert.Equal(10_000, kept[^1].Tick);
    }

    [Theory]
    [InlineData("week", "weeks")]
    [InlineData("day", "days")]
    [InlineData("month", "months")]
    [InlineData("ticks", "ticks")]
    [InlineData("fortnight", "fortnights")]
    [InlineData("century", "centuries")]
    public void Time_units_are_pluralized(string unit, string plural) => Assert.Equal(plural, FigureStyle.Plural(unit));

    [Trait("Category", "Slow")]
    [Fact]
    public void Very_long_runs_give_figures_of_bounded_size()
    {
        var run = TestRuns.Sample();
        var wave = Enumerable.Range(0, 200_000).Select(t =>
            run.Series[t % TestRuns.Ticks] with { Tick = t, Cycle = 1 + t / TestRuns.Ticks }).ToArray();
        run = run with { Series = wave, TicksRun = wave.Length };
        foreach (IRunPlot plot in RunPlots.Default)
        {
            string svg = RunPlots.Svg(plot, run);
            Assert.True(svg.Length < 8_000_000, $"{plot.Name}.svg is {svg.Length:N0} characters");
        }
    }
}
