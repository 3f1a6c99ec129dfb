using ContentionSim.Experiments.Batches;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>Which runs of a sweep keep their compact per-tick series, and where.</summary>
/// <param name="Folder">Folder of the series files; null keeps none.</param>
/// <param name="Mode">Which runs keep theirs.</param>
/// <param name="Factor">The factor whose first and last levels keep their series in <see cref="SeriesMode.Extremes"/> (the figures' x axis; default the first factor).</param>
public sealed record SweepSeriesChoice(string? Folder, SeriesMode Mode, string? Factor = null)
{
    /// <summary>No series kept.</summary>
    public static SweepSeriesChoice None { get; } = new(null, SeriesMode.None);
}

/// <summary>
/// The runs of a sweep (or of one shard of it) not yet recorded, executed by the <see cref="BatchRunner"/>
/// in the plan's execution order: each finished run's compact series written where kept, its headline
/// metrics appended to the log as one line the moment it is recorded. A run that throws is recorded as
/// failed and the sweep goes on; an output error (disk full) stops the sweep and is rethrown.
/// </summary>
public static class SweepExecutor
{
    /// <summary>The sweep as a batch: its runs by canonical index in the plan's execution order, only <paramref name="shard"/>'s when given.</summary>
    public static Batch BatchOf(SweepPlan plan, SweepShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var order = plan.Order;
        var batch = Batch.Create(plan.Grid.RunCount, run => plan.ScenarioAt(plan.Grid.Decompose(run).Point), plan.SeedOf, order.RunAt);
        return shard is null
            ? batch
            : batch.Only(shard.RunCount(order.Count), position => shard.ContainsPosition(order, position), run => shard.Contains(order, run));
    }

    /// <param name="plan">The sweep.</param>
    /// <param name="log">Where each run is appended.</param>
    /// <param name="series">Which runs keep their series, and where.</param>
    /// <param name="done">Runs already recorded (skipped).</param>
    /// <param name="options">Parallelism, cancellation, progress, checks; failures are always isolated.</param>
    /// <param name="shard">Only this shard's runs; null: every run.</param>
    public static BatchSummary Run(SweepPlan plan, SweepRunLog log, SweepSeriesChoice series, IReadOnlySet<long> done, BatchOptions options,
        SweepShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(options);
        var grid = plan.Grid;
        int xFactor = grid.FactorIndex(series.Factor ?? SweepPlotSettings.For(grid).X);
        if (series.Folder is not null && series.Mode != SeriesMode.None) Directory.CreateDirectory(series.Folder);

        bool KeepSeries(long run)
        {
            if (series.Folder is null) return false;
            int point = grid.Decompose(run).Point;
            return series.Mode switch
            {
                SeriesMode.All => true,
                SeriesMode.Extremes when xFactor >= 0 => grid.LevelsOf(point)[xFactor] is var l && grid.ExtremeLevels(xFactor) is var (low, high) && (l == low || l == high),
                _ => false,
            };
        }

        string[] Values(int point) => grid.ValuesOf(point).Select(l => l.Text).ToArray();

        SweepRunRecord Reduce(BatchRun r)
        {
            var (point, replication) = grid.Decompose(r.Run);
            if (KeepSeries(r.Run)) SweepSeries.Write(Path.Combine(series.Folder!, SweepSeries.FileName(r.Run)), r.Result);
            return SweepRunRecord.Finished(r.Run, point, replication, r.Seed, Values(point), r.Result, r.ElapsedMilliseconds);
        }

        void Record(BatchRecord<SweepRunRecord> r)
        {
            if (r.Failed)
            {
                var (point, replication) = grid.Decompose(r.Run);
                log.Append(SweepRunRecord.FailedRun(r.Run, point, replication, r.Seed, Values(point), r.Error!, r.ElapsedMilliseconds));
            }
            else log.Append(r.Value!);
        }

        var batch = BatchOf(plan, shard).Except(done);
        return BatchRunner.Run(batch, options with { KeepSeries = KeepSeries, Failures = BatchFailures.Isolate }, Reduce, Record);
    }
}
