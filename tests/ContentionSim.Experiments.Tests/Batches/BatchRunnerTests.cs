using System.Collections.Concurrent;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.Simulation;
using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting;

namespace ContentionSim.Experiments.Tests.Batches;

/// <summary>
/// The one batch runner of sweeps, sensitivity analyses and experiments, on an arbitrary list of points:
/// seeds by run index, any parallelism, a part (shard) and a resume, failures isolated or stopping,
/// cancellation, and one record call at a time.
/// </summary>
public sealed class BatchRunnerTests
{
    /// <summary>Three points that are not a grid (a design such as a Latin hypercube would give).</summary>
    private static IReadOnlyList<Scenario> Points()
    {
        var b = SweepTestSupport.TinyBase;
        return [b with { State = b.State with { Openness = 0.13 } }, b with { State = b.State with { Openness = 0.71 } }, b with { State = b.State with { Openness = 0.42 } }];
    }

    private static (BatchSummary Summary, SortedDictionary<long, (ulong Seed, double Openness, double Peak)> Runs) RunAll(Batch batch, BatchOptions options)
    {
        var runs = new SortedDictionary<long, (ulong, double, double)>();
        var summary = BatchRunner.Run(batch, options,
            r => (r.Seed, r.Scenario.State.Openness, r.Result.Headline.PeakParticipation),
            r => runs.Add(r.Run, r.Value));
        return (summary, runs);
    }

    [Fact]
    public void A_list_of_points_runs_every_run_once_with_its_seed_and_the_same_results_for_any_parallelism()
    {
        var batch = Batch.OfPoints(Points(), 4, BatchSeeds.PerRun(99));
        var (one, byOne) = RunAll(batch, new BatchOptions { Parallel = 1 });
        var (three, byThree) = RunAll(batch, new BatchOptions { Parallel = 3 });
        Assert.Equal(new BatchSummary(12, 0, false), one);
        Assert.Equal(one, three);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), byOne.Keys);
        Assert.Equal(byOne, byThree);
        foreach (var (run, r) in byOne)
        {
            Assert.Equal(RandomStreams.DeriveRunSeed(99, run), r.Seed);
            Assert.Equal(Points()[(int)(run % 3)].State.Openness, r.Openness);
        }
        Assert.True(byOne.Values.Select(v => v.Peak).Distinct().Count() > 1, "different points and seeds give different runs");
    }

    [Fact]
    public void Common_random_numbers_give_every_point_of_a_replication_the_same_seed()
    {
        var (_, runs) = RunAll(Batch.OfPoints(Points(), 2, BatchSeeds.PerReplication(5, 3)), new BatchOptions { Parallel = 2, Simulate = Fake });
        Assert.Equal([RandomStreams.DeriveRunSeed(5, 0)], runs.Where(r => r.Key < 3).Select(r => r.Value.Seed).Distinct());
        Assert.Equal([RandomStreams.DeriveRunSeed(5, 1)], runs.Where(r => r.Key >= 3).Select(r => r.Value.Seed).Distinct());
    }

    [Fact]
    public void A_part_and_a_resume_run_only_what_is_left_of_the_part_in_the_execution_order()
    {
        // Executed in reverse; the part is the runs at even positions; runs 1 and 4 are recorded already.
        var order = new ConcurrentQueue<long>();
        var batch = Batch.Create(10, _ => SweepTestSupport.TinyBase, run => (ulong)run + 1, position => 9 - position)
            .Only(5, position => position % 2 == 0, run => (9 - run) % 2 == 0)
            .Except(new HashSet<long> { 1, 4 });
        Assert.Equal(10, batch.RunCount);
        Assert.Equal(5, batch.PartCount);
        Assert.Equal(4, batch.ToDo); // 9, 7, 5, 3 (1 is recorded; 4 is not in the part)
        var summary = BatchRunner.Run(batch, new BatchOptions { Parallel = 1, Simulate = Fake }, r => r.Run, r => order.Enqueue(r.Value));
        Assert.Equal(new BatchSummary(4, 0, false), summary);
        Assert.Equal([9L, 7, 5, 3], order);
    }

    [Fact]
    public void Isolated_failures_are_recorded_with_their_error_and_the_batch_goes_on()
    {
        var records = new ConcurrentDictionary<long, BatchRecord<long>>();
        var batch = Batch.OfPoints(Points(), 3, BatchSeeds.PerRun(1));
        var summary = BatchRunner.Run(batch, new BatchOptions
        {
            Parallel = 2,
            Simulate = (s, o) => s.Seed == batch.SeedOf(4) ? throw new ArithmeticException("boom") : Fake(s, o),
            Check = s => s.Seed == batch.SeedOf(7) ? ["state.openness: not this one"] : [],
        }, r => r.Run, r => records[r.Run] = r);
        Assert.Equal(new BatchSummary(9, 2, false), summary);
        Assert.Equal("ArithmeticException: boom", records[4].Error);
        Assert.Equal("invalid scenario: state.openness: not this one", records[7].Error);
        Assert.Equal(batch.SeedOf(4), records[4].Seed);
        Assert.All(records.Values.Where(r => r.Run is not 4 and not 7), r => Assert.False(r.Failed));
    }

    [Fact]
    public void Under_stop_the_first_failure_stops_the_batch_and_is_thrown_with_its_run()
    {
        var batch = Batch.OfPoints(Points(), 3, BatchSeeds.PerRun(1));
        var e = Assert.Throws<BatchRunException>(() => BatchRunner.Run(batch, new BatchOptions
        {
            Parallel = 1,
            Failures = BatchFailures.Stop,
            Simulate = (s, o) => s.Seed == batch.SeedOf(2) ? throw new ArithmeticException("boom") : Fake(s, o),
        }, r => r.Run, _ => { }));
        Assert.Equal(2, e.Run);
        Assert.IsType<ArithmeticException>(e.InnerException);
        Assert.Contains("boom", e.Message);
    }

    [Fact]
    public void Output_errors_and_failures_of_the_record_callback_stop_the_batch_and_are_rethrown()
    {
        var batch = Batch.OfPoints(Points(), 2, BatchSeeds.PerRun(1));
        var options = new BatchOptions { Parallel = 2, Simulate = Fake };
        Assert.Throws<OutputException>(() => BatchRunner.Run<long>(batch, options, _ => throw new OutputException("x.csv", "disk full"), _ => { }));
        int recorded = 0;
        var e = Assert.Throws<IOException>(() => BatchRunner.Run(batch, options, r => r.Run, _ =>
        {
            if (Interlocked.Increment(ref recorded) == 2) throw new IOException("log lost");
        }));
        Assert.Equal("log lost", e.Message);
        Assert.InRange(recorded, 2, 3); // a run already under way may still be recorded
    }

    [Fact]
    public void Cancelling_keeps_what_is_recorded_drops_runs_under_way_and_reports_an_interruption()
    {
        using var cancel = new CancellationTokenSource();
        var batch = Batch.OfPoints(Points(), 10, BatchSeeds.PerRun(3));
        var (summary, runs) = RunAll(batch, new BatchOptions
        {
            Parallel = 2,
            Cancellation = cancel.Token,
            Progress = p => { if (p.Done >= 4) cancel.Cancel(); },
        });
        Assert.True(summary.Interrupted);
        Assert.InRange(summary.Recorded, 4, 5);
        Assert.Equal(summary.Recorded, runs.Count);

        // The rest, resumed, gives what one uninterrupted execution gives.
        var (rest, more) = RunAll(batch.Except(runs.Keys.ToHashSet()), new BatchOptions { Parallel = 2 });
        Assert.Equal(30 - runs.Count, rest.Recorded);
        foreach (var (k, v) in more) runs.Add(k, v);
        Assert.Equal(RunAll(batch, new BatchOptions { Parallel = 1 }).Runs, runs);
    }

    [Fact]
    public void Record_and_progress_are_called_one_at_a_time_and_series_are_kept_where_asked()
    {
        int inside = 0, overlaps = 0;
        var kept = new ConcurrentDictionary<long, bool>();
        var progress = new List<BatchProgress>();
        var batch = Batch.OfPoints(Points(), 4, BatchSeeds.PerRun(8));
        BatchRunner.Run(batch, new BatchOptions
        {
            Parallel = 3,
            KeepSeries = run => run % 2 == 0,
            Simulate = (s, o) => { var r = Fake(s, o); return o.KeepSeries ? r : r with { Series = [] }; },
            Progress = progress.Add,
        }, r => r.Result.Series.Count > 0, r =>
        {
            if (Interlocked.Increment(ref inside) > 1) Interlocked.Increment(ref overlaps);
            Thread.Sleep(2);
            kept[r.Run] = r.Value;
            Interlocked.Decrement(ref inside);
        });
        Assert.Equal(0, overlaps);
        Assert.All(kept, k => Assert.Equal(k.Key % 2 == 0, k.Value));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => new BatchProgress(i, 0, 12)), progress);
    }

    private static RunResult Fake(Scenario s, RunOptions _) =>
        Validation.Synthetic.Run(Validation.Synthetic.Series(s.Ticks, t => 0.5), ticks: s.Ticks) with { Seed = s.Seed, Scenario = s };
}
