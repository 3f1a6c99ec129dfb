using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>Executing a sweep's runs: parallelism, failures, cancellation, kept series.</summary>
public sealed class SweepExecutorTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Keys = ["state.openness", "transnational.alliance_probability"];

    private (BatchSummary Result, string Runs) Execute(string name, SweepPlan plan, BatchOptions options,
        SeriesMode series = SeriesMode.None, string? seriesFactor = null)
    {
        string folder = _dir.Combine(name);
        Directory.CreateDirectory(folder);
        string runs = Path.Combine(folder, SweepRunsCsv.FileName);
        using var log = SweepRunLog.Open(runs, Keys);
        var result = SweepExecutor.Run(plan, log, new SweepSeriesChoice(Path.Combine(folder, SweepSeries.FolderName), series, seriesFactor), new HashSet<long>(), options);
        return (result, runs);
    }

    [Fact]
    public void Every_run_is_recorded_once_with_the_same_results_for_any_parallelism()
    {
        var plan = SweepTestSupport.Plan(replications: 3);
        var (one, runsOne) = Execute("one", plan, new BatchOptions { Parallel = 1 });
        var (three, runsThree) = Execute("three", plan, new BatchOptions { Parallel = 3 });
        Assert.Equal(18, one.Recorded);
        Assert.False(one.Interrupted);
        Assert.Equal(18, three.Recorded);
        var a = SweepTestSupport.Comparable(runsOne);
        Assert.Equal(a, SweepTestSupport.Comparable(runsThree));
        Assert.Equal(19, a.Length);
        var (_, records) = SweepRunLog.Read(runsOne);
        Assert.All(records, r => Assert.Equal(plan.SeedOf(r.Run), r.Seed));
        Assert.All(records, r => Assert.Equal(plan.Grid.Decompose(r.Run), (r.Point, r.Replication)));
        // One worker records the runs in the execution order.
        Assert.Equal(plan.Order.Runs(), records.Select(r => r.Run));
    }

    [Fact]
    public void A_failing_run_is_recorded_with_its_error_and_the_sweep_goes_on()
    {
        var plan = SweepTestSupport.Plan(replications: 2);
        var (result, runs) = Execute("fail", plan, new BatchOptions
        {
            Parallel = 2,
            Simulate = SweepTestSupport.FailingFor(plan, 0, 7),
        });
        Assert.Equal(12, result.Recorded);
        Assert.Equal(2, result.Failed);
        var (_, records) = SweepRunLog.Read(runs);
        var failed = records.Where(r => r.Failed).OrderBy(r => r.Run).ToList();
        Assert.Equal([0L, 7L], failed.Select(r => r.Run));
        Assert.All(failed, r => Assert.StartsWith("InvalidOperationException: injected failure", r.Error));
        Assert.All(failed, r => Assert.DoesNotContain("\n", r.Error));
        Assert.Equal(10, records.Count(r => !r.Failed && r.Metric("peak_participation") is not null));
    }

    [Fact]
    public void A_run_whose_scenario_does_not_check_fails_without_running()
    {
        var plan = SweepTestSupport.Plan(replications: 1);
        int ran = 0;
        var (result, runs) = Execute("check", plan, new BatchOptions
        {
            Parallel = 1,
            Check = s => s.State.Openness > 0.8 ? ["state.openness: too open for this test"] : [],
            Simulate = (s, o) => { Interlocked.Increment(ref ran); return Simulator.Run(s, o); },
        });
        Assert.Equal(2, result.Failed);
        Assert.Equal(4, ran);
        Assert.All(SweepRunLog.Read(runs).Records.Where(r => r.Failed), r => Assert.Contains("invalid scenario: state.openness: too open", r.Error));
    }

    [Fact]
    public void Cancelling_keeps_finished_runs_drops_runs_under_way_and_the_rest_can_follow()
    {
        var plan = SweepTestSupport.Plan(replications: 3);
        using var cancel = new CancellationTokenSource();
        var (stopped, runs) = Execute("stop", plan, new BatchOptions
        {
            Parallel = 2,
            Cancellation = cancel.Token,
            Progress = p => { if (p.Done >= 5) cancel.Cancel(); },
        });
        Assert.True(stopped.Interrupted);
        Assert.InRange(stopped.Recorded, 5, 6);
        var (_, first) = SweepRunLog.Read(runs);
        Assert.Equal(stopped.Recorded, first.Count);
        Assert.All(first, r => Assert.False(r.Failed));

        // Continue in the same file with what is recorded skipped.
        using (var log = SweepRunLog.Open(runs, Keys))
        {
            var done = log.Recorded.Select(r => r.Run).ToHashSet();
            var rest = SweepExecutor.Run(plan, log, SweepSeriesChoice.None, done, new BatchOptions { Parallel = 2 });
            Assert.Equal(18 - first.Count, rest.Recorded);
        }
        var (_, uninterrupted) = Execute("whole", plan, new BatchOptions { Parallel = 1 });
        Assert.Equal(SweepTestSupport.Comparable(uninterrupted), SweepTestSupport.Comparable(runs));
    }

    [Fact]
    public void Series_are_kept_for_the_extremes_of_x_for_all_runs_or_for_none()
    {
        var plan = SweepTestSupport.Plan(replications: 1);
        Execute("extremes", plan, new BatchOptions { Parallel = 2 }, SeriesMode.Extremes, "state.openness");
        var kept = Directory.GetFiles(_dir.Combine("extremes", SweepSeries.FolderName)).Select(f => SweepSeries.RunOf(f)!.Value).Order().ToList();
        var expected = plan.Order.Runs().Where(r => plan.Grid.LevelsOf(plan.Grid.Decompose(r).Point)[0] is 0 or 2).Order().ToList();
        Assert.Equal(expected, kept);
        Assert.Equal(4, kept.Count);
        Assert.Equal(40, SweepSeries.Read(Path.Combine(_dir.Combine("extremes", SweepSeries.FolderName), SweepSeries.FileName(kept[0]))).Count);

        Execute("by-lines", plan, new BatchOptions { Parallel = 2 }, SeriesMode.Extremes, "transnational.alliance_probability");
        Assert.Equal(6, Directory.GetFiles(_dir.Combine("by-lines", SweepSeries.FolderName)).Length); // both of its two levels are extremes

        Execute("all", plan, new BatchOptions { Parallel = 2 }, SeriesMode.All);
        Assert.Equal(6, Directory.GetFiles(_dir.Combine("all", SweepSeries.FolderName)).Length);

        Execute("none", plan, new BatchOptions { Parallel = 2 });
        Assert.False(Directory.Exists(_dir.Combine("none", SweepSeries.FolderName)));
    }
}
