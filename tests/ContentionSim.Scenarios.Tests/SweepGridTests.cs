using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Scenarios.Tests;

/// <summary>Expansion of a sweep's grid: points of factorial and zip designs, canonical run indices.</summary>
public class SweepGridTests
{
    internal static SweepFactor Numbers(string key, params double[] values) =>
        new(key, values.Select(v => new SweepLevel(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray());

    [Fact]
    public void A_factorial_grid_has_every_combination_with_the_last_factor_varying_fastest()
    {
        var grid = new SweepGrid([Numbers("state.openness", 0.1, 0.5, 0.9), Numbers("transnational.alliance_probability", 0, 0.5)], SweepDesign.Factorial, 4);

        Assert.Equal(6, grid.PointCount);
        Assert.Equal(24, grid.RunCount);
        var combos = Enumerable.Range(0, grid.PointCount).Select(p => string.Join("/", grid.ValuesOf(p).Select(l => l.Text))).ToArray();
        Assert.Equal(["0.1/0", "0.1/0.5", "0.5/0", "0.5/0.5", "0.9/0", "0.9/0.5"], combos);
        Assert.Equal(6, combos.Distinct().Count());
    }

    [Fact]
    public void Levels_and_points_convert_both_ways()
    {
        var grid = new SweepGrid([Numbers("a", 1, 2, 3), Numbers("b", 1, 2), Numbers("c", 1, 2, 3, 4)], SweepDesign.Factorial, 1);
        Assert.Equal(24, grid.PointCount);
        for (int p = 0; p < grid.PointCount; p++) Assert.Equal(p, grid.PointOf(grid.LevelsOf(p)));
        Assert.Equal([2, 1, 3], grid.LevelsOf(23));
    }

    [Fact]
    public void A_zip_grid_pairs_the_ith_values()
    {
        var grid = new SweepGrid([Numbers("a", 1, 2, 3), Numbers("b", 10, 20, 30)], SweepDesign.Zip, 2);
        Assert.Equal(3, grid.PointCount);
        Assert.Equal(["2", "20"], grid.ValuesOf(1).Select(l => l.Text));
        Assert.Throws<ArgumentException>(() => new SweepGrid([Numbers("a", 1, 2, 3), Numbers("b", 1, 2)], SweepDesign.Zip, 1));
        Assert.Equal(-1, SweepGrid.CountPoints([3, 2], SweepDesign.Zip));
    }

    [Fact]
    public void Nothing_varied_is_one_point()
    {
        var grid = new SweepGrid([], SweepDesign.Factorial, 7);
        Assert.Equal(1, grid.PointCount);
        Assert.Equal(7, grid.RunCount);
        Assert.Empty(grid.LevelsOf(0));
    }

    [Fact]
    public void Run_indices_are_replication_major_and_decompose_back()
    {
        var grid = new SweepGrid([Numbers("a", 1, 2, 3)], SweepDesign.Factorial, 5);
        Assert.Equal(0, grid.RunIndex(0, 0));
        Assert.Equal(2, grid.RunIndex(2, 0));
        Assert.Equal(3, grid.RunIndex(0, 1));
        Assert.Equal(14, grid.RunIndex(2, 4));
        var all = new HashSet<long>();
        for (int p = 0; p < 3; p++)
            for (int r = 0; r < 5; r++)
            {
                long run = grid.RunIndex(p, r);
                Assert.True(all.Add(run));
                Assert.Equal((p, r), grid.Decompose(run));
            }
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), all.Order());
    }

    [Fact]
    public void Adding_replications_keeps_the_index_of_every_existing_run()
    {
        var small = new SweepGrid([Numbers("a", 1, 2, 3), Numbers("b", 1, 2)], SweepDesign.Factorial, 3);
        var large = new SweepGrid([Numbers("a", 1, 2, 3), Numbers("b", 1, 2)], SweepDesign.Factorial, 10);
        for (int p = 0; p < small.PointCount; p++)
            for (int r = 0; r < small.Replications; r++)
                Assert.Equal(small.RunIndex(p, r), large.RunIndex(p, r));
    }

    [Fact]
    public void Grids_above_ten_million_runs_are_refused_and_counting_does_not_overflow()
    {
        var big = Numbers("a", Enumerable.Range(0, 5000).Select(i => (double)i).ToArray());
        var also = Numbers("b", Enumerable.Range(0, 3000).Select(i => (double)i).ToArray());
        var e = Assert.Throws<ArgumentException>(() => new SweepGrid([big, also], SweepDesign.Factorial, 1));
        Assert.Contains("15,000,000", e.Message);
        Assert.Equal(long.MaxValue, SweepGrid.CountPoints([int.MaxValue, int.MaxValue, int.MaxValue], SweepDesign.Factorial));
        Assert.Equal(10_000_000, new SweepGrid([Numbers("a", Enumerable.Range(0, 1000).Select(i => (double)i).ToArray())], SweepDesign.Factorial, 10_000).RunCount);
    }

    [Fact]
    public void A_parameter_varied_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SweepGrid([Numbers("a", 1), Numbers("a", 2)], SweepDesign.Factorial, 1));
    }
}
