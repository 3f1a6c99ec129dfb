using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Scenarios.Tests;

/// <summary>The execution order of a sweep covers the grid evenly whenever it is stopped.</summary>
public class SweepOrderTests
{
    private static SweepGrid TightVsOpen(int replications) => new(
        [SweepGridTests.Numbers("state.openness", 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95),
         SweepGridTests.Numbers("transnational.alliance_probability", 0, 0.1, 0.5)],
        SweepDesign.Factorial, replications);

    [Fact]
    public void Every_run_comes_exactly_once()
    {
        var grid = TightVsOpen(7);
        var runs = new SweepOrder(grid).Runs().ToList();
        Assert.Equal(grid.RunCount, runs.Count);
        Assert.Equal(Enumerable.Range(0, (int)grid.RunCount).Select(i => (long)i), runs.Order());
    }

    [Fact]
    public void After_any_number_of_runs_the_replications_of_two_points_differ_by_at_most_one()
    {
        var grid = TightVsOpen(5);
        var counts = new int[grid.PointCount];
        foreach (var run in new SweepOrder(grid).Runs())
        {
            counts[grid.Decompose(run).Point]++;
            Assert.True(counts.Max() - counts.Min() <= 1, "an interrupted sweep would have covered some points more than others");
        }
    }

    [Fact]
    public void A_round_starts_with_the_two_extreme_corners_and_spreads_over_the_grid()
    {
        var grid = TightVsOpen(1);
        var points = new SweepOrder(grid).Points;
        Assert.Equal(0, points[0]);                     // tightest, no alliances
        Assert.Equal(grid.PointCount - 1, points[1]);   // most open, most alliances
        Assert.Equal(Enumerable.Range(0, grid.PointCount), points.Order());

        // The first ten points visit all ten openness values, the first three all three alliance probabilities.
        Assert.Equal(10, points.Take(10).Select(p => grid.LevelsOf(p)[0]).Distinct().Count());
        Assert.Equal(3, points.Take(3).Select(p => grid.LevelsOf(p)[1]).Distinct().Count());
        // At every moment of a round, the values of each parameter have been visited evenly (within one).
        var used = new[] { new int[10], new int[3] };
        foreach (var p in points)
        {
            var levels = grid.LevelsOf(p);
            used[0][levels[0]]++;
            used[1][levels[1]]++;
            Assert.True(used[0].Max() - used[0].Min() <= 1 && used[1].Max() - used[1].Min() <= 1,
                $"uneven after point {p}: openness {string.Join(",", used[0])}, alliances {string.Join(",", used[1])}");
        }
    }

    [Fact]
    public void The_order_does_not_depend_on_the_replications()
    {
        Assert.Equal(new SweepOrder(TightVsOpen(1)).Points, new SweepOrder(TightVsOpen(20)).Points);
    }

    [Fact]
    public void Large_grids_use_a_bit_reversal_order_that_is_a_permutation()
    {
        var order = SweepOrder.BitReversal(10);
        Assert.Equal([0, 8, 4, 2, 6, 1, 9, 5, 3, 7], order);
        var grid = new SweepGrid([SweepGridTests.Numbers("a", Enumerable.Range(0, 5000).Select(i => (double)i).ToArray())], SweepDesign.Factorial, 1);
        var points = new SweepOrder(grid).Points;
        Assert.Equal(Enumerable.Range(0, 5000), points.Order());
        Assert.True(points.Take(8).Max() > 4000 && points.Take(8).Min() == 0);
    }

    [Fact]
    public void Remaining_skips_done_runs_in_order()
    {
        var grid = TightVsOpen(2);
        var order = new SweepOrder(grid);
        var done = order.Runs().Take(17).ToHashSet();
        var remaining = order.Remaining(done).ToList();
        Assert.Equal(order.Runs().Skip(17), remaining);
    }
}
