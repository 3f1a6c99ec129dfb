using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>Shards of a sweep: disjoint, balanced, interleaved slices of its runs, chosen by option or by a job array's environment.</summary>
public class SweepShardTests
{
    private static SweepFactor Numbers(string key, params double[] values) =>
        new(key, values.Select(v => new SweepLevel(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray());

    private static SweepGrid TightVsOpen(int replications) => new(
        [Numbers("state.openness", 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95),
         Numbers("transnational.alliance_probability", 0, 0.1, 0.5)],
        SweepDesign.Factorial, replications);

    public static TheoryData<string> Grids => ["tight-vs-open", "zip", "one-point", "bit-reversal"];

    private static SweepGrid Grid(string name) => name switch
    {
        "tight-vs-open" => TightVsOpen(3),
        "zip" => new SweepGrid([Numbers("a", 1, 2, 3, 4, 5), Numbers("b", 5, 4, 3, 2, 1)], SweepDesign.Zip, 4),
        "one-point" => new SweepGrid([], SweepDesign.Factorial, 7),
        // More points than the maximin order handles: the bit-reversal order.
        "bit-reversal" => new SweepGrid([Numbers("a", Enumerable.Range(0, 4100).Select(i => (double)i).ToArray())], SweepDesign.Factorial, 2),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Grids))]
    public void The_shards_of_any_N_hold_every_run_exactly_once_and_differ_in_size_by_at_most_one(string name)
    {
        var grid = Grid(name);
        var order = new SweepOrder(grid);
        var counts = Enumerable.Range(1, 13).Concat([(int)grid.RunCount - 1, (int)grid.RunCount, (int)grid.RunCount + 3]).Where(n => n >= 1).Distinct();
        foreach (int n in counts)
        {
            // Which shard each position of the execution order belongs to: every run in exactly one.
            var sizes = new long[n];
            var shardOfRun = new int[grid.RunCount];
            for (long p = 0; p < order.Count; p++)
            {
                int owner = (int)(SweepShard.SequenceOf(order, p) % n);
                sizes[owner]++;
                shardOfRun[order.RunAt(p)] = owner;
                Assert.True(new SweepShard(owner, n).ContainsPosition(order, p));
            }
            Assert.Equal(grid.RunCount, sizes.Sum());
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"N={n}: shard sizes {string.Join(",", sizes)}");
            for (int i = 0; i < n; i++) Assert.Equal(new SweepShard(i, n).RunCount(grid.RunCount), sizes[i]);
            foreach (int i in new[] { 0, n / 2, n - 1 }.Distinct())
            {
                var shard = new SweepShard(i, n);
                var runs = shard.Runs(order).ToList();
                Assert.Equal(sizes[i], runs.Count);
                Assert.All(runs, r => Assert.Equal(i, shardOfRun[r]));
                Assert.All(runs, r => Assert.True(shard.Contains(order, r)));
            }
        }
    }

    [Fact]
    public void Shard_I_of_N_is_every_Nth_run_of_the_execution_order_with_each_round_rotated()
    {
        var grid = TightVsOpen(3); // 30 points a round
        var order = new SweepOrder(grid);
        // Round 0 as executed; round 1 starts at its second point; round 2 at its third.
        Assert.Equal(0, SweepShard.SequenceOf(order, 0));
        Assert.Equal(30 + 29, SweepShard.SequenceOf(order, 30));
        Assert.Equal(30, SweepShard.SequenceOf(order, 31));
        Assert.Equal(60, SweepShard.SequenceOf(order, 62));
        for (long p = 0; p < order.Count; p++)
        {
            Assert.Equal(p, order.PositionOf(order.RunAt(p)));
            Assert.Equal(p, SweepShard.PositionOf(order, SweepShard.SequenceOf(order, p)));
        }
        // Shard 2/7: the places 2, 9, 16, … of that sequence, run in the sweep's execution order.
        var shard = new SweepShard(2, 7);
        var expected = Enumerable.Range(0, (int)grid.RunCount).Where(s => s % 7 == 2).Select(s => SweepShard.PositionOf(order, s)).Order().Select(order.RunAt).ToList();
        Assert.Equal(expected, shard.Runs(order));
        Assert.Equal(order.Runs(), SweepShard.Whole.Runs(order));
    }

    [Fact]
    public void Each_shard_is_spread_over_the_whole_grid_even_when_N_divides_the_points()
    {
        // 30 points × 5 replications in 2 … 6 shards (2, 3, 5 and 6 divide 30): every shard has runs at every
        // openness and every alliance probability, and its runs are spread over points, not piled on a few.
        var grid = TightVsOpen(5);
        var order = new SweepOrder(grid);
        for (int n = 2; n <= 6; n++)
            for (int i = 0; i < n; i++)
            {
                var points = new SweepShard(i, n).Runs(order).Select(r => grid.Decompose(r).Point).ToList();
                var levels = points.Select(grid.LevelsOf).ToList();
                Assert.Equal(10, levels.Select(l => l[0]).Distinct().Count());
                Assert.Equal(3, levels.Select(l => l[1]).Distinct().Count());
                Assert.True(points.Distinct().Count() >= Math.Min(30, points.Count) * 5 / 6, $"shard {i}/{n} has runs at only {points.Distinct().Count()} points");
            }
    }

    [Fact]
    public void A_shard_is_written_I_slash_N_counted_from_zero()
    {
        Assert.Equal(new SweepShard(2, 4), SweepShard.TryParse("2/4", out _));
        Assert.Equal(new SweepShard(0, 1), SweepShard.TryParse(" 0 / 1 ", out _));
        Assert.Equal("3/8", new SweepShard(3, 8).ToString());
        Assert.Equal("shard-3-of-8", new SweepShard(3, 8).FolderName);
        Assert.Equal(new SweepShard(3, 8), SweepShard.FromFolderName("shard-3-of-8"));
        Assert.Null(SweepShard.FromFolderName("shard-8-of-8"));
        Assert.Null(SweepShard.FromFolderName("logs"));
        Assert.Null(SweepShard.TryParse("4/4", out var error));
        Assert.Contains("counted from 0", error);
        Assert.Null(SweepShard.TryParse("1of4", out error));
        Assert.Contains("is not I/N", error);
        Assert.Null(SweepShard.TryParse("0/0", out _));
        Assert.Null(SweepShard.TryParse("-1/4", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SweepShard(4, 4));
        Assert.Equal(0, new SweepShard(5, 8).RunCount(5));
        Assert.Equal(1, new SweepShard(4, 8).RunCount(5));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_slurm_array_task_is_its_shard_whatever_the_arrays_first_index_and_step()
    {
        var zeroBased = SweepShardEnvironment.Resolve(null, null,
            Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4")));
        Assert.Equal(new SweepShard(3, 4), zeroBased.Shard);
        Assert.Contains("SLURM_ARRAY_TASK_ID=3", zeroBased.Source);

        // --array=1-4: task 1 is shard 0.
        Assert.Equal(new SweepShard(0, 4), SweepShardEnvironment.Resolve(null, null,
            Env(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4"))).Shard);
        // --array=10-16:2: task 14 is shard 2 of 4.
        Assert.Equal(new SweepShard(2, 4), SweepShardEnvironment.Resolve(null, null,
            Env(("SLURM_ARRAY_TASK_ID", "14"), ("SLURM_ARRAY_TASK_MIN", "10"), ("SLURM_ARRAY_TASK_STEP", "2"), ("SLURM_ARRAY_TASK_COUNT", "4"))).Shard);
        // --shards agreeing with the array changes nothing.
        Assert.Equal(new SweepShard(3, 4), SweepShardEnvironment.Resolve(null, 4,
            Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4"))).Shard);
    }

    [Fact]
    public void A_resubmitted_subset_of_the_shards_runs_the_shards_named_by_its_task_ids()
    {
        // sbatch --array=1,3 quick.sbatch (which passes --shards 4): two tasks, IDs 1 and 3 = shards 1/4 and 3/4.
        var choice = SweepShardEnvironment.Resolve(null, 4,
            Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "2")));
        Assert.Equal(new SweepShard(3, 4), choice.Shard);
        Assert.Contains("resubmitted", choice.Source);
        var e = Assert.Throws<SweepShardException>(() => SweepShardEnvironment.Resolve(null, 4,
            Env(("SLURM_ARRAY_TASK_ID", "7"), ("SLURM_ARRAY_TASK_MIN", "5"), ("SLURM_ARRAY_TASK_COUNT", "3"))));
        Assert.Contains("not below 4", e.Message);
    }

    [Fact]
    public void A_kubernetes_indexed_job_needs_the_number_of_shards()
    {
        Assert.Equal(new SweepShard(5, 8), SweepShardEnvironment.Resolve(null, 8, Env(("JOB_COMPLETION_INDEX", "5"))).Shard);
        var e = Assert.Throws<SweepShardException>(() => SweepShardEnvironment.Resolve(null, null, Env(("JOB_COMPLETION_INDEX", "5"))));
        Assert.Contains("--shards N", e.Message);
        Assert.Throws<SweepShardException>(() => SweepShardEnvironment.Resolve(null, 4, Env(("JOB_COMPLETION_INDEX", "4"))));
    }

    [Fact]
    public void The_option_wins_over_the_environment_and_contradictions_are_refused()
    {
        var slurm = Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4"));
        Assert.Equal(new SweepShard(1, 2), SweepShardEnvironment.Resolve("1/2", null, slurm).Shard);
        Assert.Null(SweepShardEnvironment.Resolve("0/1", null, slurm).Shard); // the whole sweep inside an array task
        Assert.Null(SweepShardEnvironment.Resolve(null, null, Env()).Shard);
        Assert.Null(SweepShardEnvironment.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_COUNT", "1"))).Shard);

        Assert.Contains("disagree", Assert.Throws<SweepShardException>(() => SweepShardEnvironment.Resolve("1/2", 3, Env())).Message);
        Assert.Contains("neither is set", Assert.Throws<SweepShardException>(() => SweepShardEnvironment.Resolve(null, 4, Env())).Message);
        Assert.Contains("SLURM_ARRAY_TASK_COUNT is not", Assert.Throws<SweepShardException>(() =>
            SweepShardEnvironment.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "2")))).Message);
        Assert.Contains("not a whole number", Assert.Throws<SweepShardException>(() =>
            SweepShardEnvironment.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "x"), ("SLURM_ARRAY_TASK_COUNT", "4")))).Message);
        Assert.Contains("--array=0-3", Assert.Throws<SweepShardException>(() =>
            SweepShardEnvironment.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "9"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4")))).Message);
        Assert.Throws<SweepShardException>(() => SweepShardEnvironment.Resolve("4/4", null, Env()));
        Assert.Throws<SweepShardException>(() => SweepShardEnvironment.Resolve(null, 0, Env()));
    }
}
