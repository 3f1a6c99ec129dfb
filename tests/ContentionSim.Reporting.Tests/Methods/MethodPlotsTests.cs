using ContentionSim.Methods;
using ContentionSim.Methods.Designs;
using ContentionSim.Methods.Discovery;
using ContentionSim.Methods.Sensitivity;
using ContentionSim.Reporting.Methods;

namespace ContentionSim.Reporting.Tests.Methods;

public class MethodPlotsTests
{
    [Fact]
    public void Morris_plot_names_the_factors_with_the_largest_mu_star()
    {
        var indices = new[]
        {
            new MorrisIndex("state.openness", 0.2, new Interval(0.3, 0.25, 0.35), 0.1, 20),
            new MorrisIndex("network.degree", -0.01, new Interval(0.02, 0.01, 0.03), 0.03, 20),
            new MorrisIndex("inert", 0, new Interval(0, 0, 0), 0, 20),
        };
        var (png, svg) = MethodPlots.Morris(indices, "japan-2007: peak participation", "peak participation", labelled: 2);
        PlotAssert.IsPng(png, MethodPlots.Width, 1000);
        PlotAssert.IsSvg(svg);
        Assert.Contains("state.openness", svg);
        Assert.Contains("network.degree", svg);
        Assert.DoesNotContain("inert", svg);
    }

    [Fact]
    public void Sobol_plot_has_a_row_per_factor_and_draws_the_noise_line_when_given()
    {
        var indices = new[]
        {
            new SobolIndex("x1", new Interval(0.31, 0.28, 0.34), new Interval(0.55, 0.5, 0.6)),
            new SobolIndex("x2", new Interval(0.44, 0.41, 0.47), new Interval(0.44, 0.42, 0.46)),
            new SobolIndex("x3", new Interval(0.0, -0.02, 0.02), new Interval(0.24, 0.22, 0.26)),
        };
        var (png, svg) = MethodPlots.Sobol(indices, "Ishigami", noiseShare: 0.05);
        PlotAssert.IsPng(png, MethodPlots.Width, 260 + 64 * 3);
        foreach (var name in new[] { "x1", "x2", "x3", "model noise" }) Assert.Contains(name, svg);
        var (_, quiet) = MethodPlots.Sobol(indices, "Ishigami");
        Assert.DoesNotContain("model noise", quiet);
    }

    [Fact]
    public void Pair_plot_is_a_grid_of_panels()
    {
        var rng = new StreamRandom(1);
        var thetas = Enumerable.Range(0, 200).Select(_ => new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble() }).ToArray();
        var png = MethodPlots.Pairs(["a", "b", "c"], thetas, Enumerable.Repeat(1.0 / 200, 200).ToArray(), [(0, 1), (0, 1), (0, 1)], "posterior", [0.5, 0.5, 0.5]);
        PlotAssert.IsPng(png, 3 * 420, 3 * 420);
    }

    [Fact]
    public void Prim_tradeoff_plot_rings_the_chosen_box()
    {
        var x = LatinHypercube.Sample(500, 2, seed: 1);
        var prim = new Prim(x, x.Select(p => p[0] > 0.7).ToArray());
        var (png, svg) = MethodPlots.PrimTradeoff(prim.Trajectory, "discovery", prim.Select(0.8));
        PlotAssert.IsPng(png, MethodPlots.Width, 1000);
        Assert.Contains("box chosen", svg);
        Assert.Contains("1 factor restricted", svg);
    }
}
