using ContentionSim.Methods.Designs;
using ContentionSim.Methods.Discovery;

namespace ContentionSim.Methods.Tests;

public class PrimTests
{
    // cases of interest: x0 > 0.6 and x1 < 0.3; x2 does not matter
    private static bool InBox(double[] x) => x[0] > 0.6 && x[1] < 0.3;

    [Fact]
    public void Prim_finds_a_known_box_and_leaves_the_irrelevant_factor_alone()
    {
        var x = LatinHypercube.Sample(3000, 3, seed: 1);
        var prim = new Prim(x, x.Select(InBox).ToArray());
        var step = prim.Paste(prim.Select(minCoverage: 0.8));

        Assert.True(step.Density >= 0.9, $"density {step.Density}");
        Assert.True(step.Coverage >= 0.8, $"coverage {step.Coverage}");
        Assert.Equal(0.6, step.Box.Lower[0], 0.06);
        Assert.Equal(0.3, step.Box.Upper[1], 0.06);
        Assert.True(step.Box.Upper[0] > 0.95 && step.Box.Lower[1] < 0.05, "the box reaches the edges it should");
        Assert.DoesNotContain(2, step.Restricted);
        Assert.Equal([0, 1], step.Restricted.Order());
    }

    [Fact]
    public void Peeling_trades_coverage_for_density_down_to_the_minimum_mass()
    {
        var x = LatinHypercube.Sample(2000, 3, seed: 2);
        var rng = new StreamRandom(5);
        var y = x.Select(p => InBox(p) ^ (rng.NextDouble() < 0.05)).ToArray();     // 5% of labels flipped
        var prim = new Prim(x, y, new PrimOptions { MassMin = 0.05 });
        var t = prim.Trajectory;
        Assert.Equal(1.0, t[0].Coverage);
        Assert.Equal(1.0, t[0].Mass);
        Assert.Equal(y.Count(b => b) / 2000.0, t[0].Density, 12);
        Assert.All(t.Zip(t.Skip(1)), p => Assert.True(p.Second.Mass < p.First.Mass && p.Second.Coverage <= p.First.Coverage));
        Assert.All(t, s => Assert.True(s.Mass >= 0.05));
        Assert.True(t.Max(s => s.Density) > 0.85, $"best density {t.Max(s => s.Density)}");
        var best = prim.Select(0.7);
        Assert.Equal(0.6, best.Box.Lower[0], 0.08);
        Assert.Equal(0.3, best.Box.Upper[1], 0.08);
    }

    [Fact]
    public void Pasting_never_lowers_density()
    {
        var x = LatinHypercube.Sample(1000, 2, seed: 3);
        var prim = new Prim(x, x.Select(p => p[0] > 0.5).ToArray(), new PrimOptions { PeelAlpha = 0.2 });
        foreach (var s in prim.Trajectory)
            Assert.True(prim.Paste(s).Density >= s.Density);
    }

    [Fact]
    public void Prim_refuses_a_design_without_a_case_of_interest()
    {
        var x = LatinHypercube.Sample(10, 2, seed: 3);
        Assert.Throws<ArgumentException>(() => new Prim(x, new bool[10]));
    }
}

public class PrimGridTests
{
    [Fact]
    public void On_a_grid_with_ties_a_peel_removes_a_whole_level()
    {
        // 7 × 7 grid, 4 replicates each: cases where x0 ≥ 4 (levels 4, 5, 6)
        var x = new List<double[]>();
        for (int a = 0; a < 7; a++)
            for (int b = 0; b < 7; b++)
                for (int r = 0; r < 4; r++) x.Add([a, b]);
        var prim = new Prim(x, x.Select(p => p[0] >= 4).ToArray());
        var best = prim.Select(0.9);
        Assert.Equal(1.0, best.Density);
        Assert.Equal(4, best.Box.Lower[0]);
        Assert.Equal([0], best.Restricted);
    }
}
