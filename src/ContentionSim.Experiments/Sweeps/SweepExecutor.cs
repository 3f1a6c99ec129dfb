using ContentionSim.Reporting;
using System.Diagnostics;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>Where a sweep stands, reported after every recorded run.</summary>
/// <param name="Done">Runs recorded in this session (finished or failed).</param>
/// <param name="Failed">Of these, runs that failed.</param>
/// <param name="ToDo">Runs this session set out to do.</param>
public readonly record struct SweepProgress(long Done, long Failed, long ToDo);

/// <summary>How a sweep's runs are executed (none of it changes their results).</summary>
public sealed record SweepExecutionOptions
{
    /// <summary>Runs at once (each on one thread); 0 = one per core.</summary>
    public int Parallel { get; init; }

    /// <summary>Which runs keep their compact per-tick series.</summary>
    public SeriesMode Series { get; init; } = SeriesMode.Extremes;

    /// <summary>The factor whose first and last levels keep their series in <see cref="SeriesMode.Extremes"/> (the figures' x axis; default the first factor).</summary>
    public string? SeriesFactor { get; init; }

    /// <summary>Stops dispatching runs and cancels the ones under way (they are not recorded).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Runs only this shard's runs (see <see cref="SweepShard"/>); null runs every run.</summary>
    public SweepShard? Shard { get; init; }

    /// <summary>Called (one call at a time) after each recorded run.</summary>
    public Action<SweepProgress>? Progress { get; init; }

    /// <summary>Runs one scenario; <see cref="Simulator.Run"/> unless replaced (tests inject failures here).</summary>
    public Func<Scenario, RunOptions, RunResult>? Simulate { get; init; }

    /// <summary>Problems of a run's scenario (empty when valid); a run with problems fails without running.</summary>
    public Func<Scenario, IReadOnlyList<string>>? Check { get; init; }
}

/// <summary>What an execution did.</summary>
/// <param name="Recorded">Runs recorded (finished or failed).</param>
/// <param name="Failed">Of these, runs that failed.</param>
/// <param name="Interrupted">Whether it stopped before every run was recorded (cancelled).</param>
public sealed record SweepExecutionResult(long Recorded, long Failed, bool Interrupted);

/// <summary>
/// Runs the runs of a sweep (or of one shard of it) not yet recorded, in the plan's execution order, on a bounded pool of
/// workers (each run single-threaded), appending each run to the log as it finishes. A run that throws
/// is recorded as failed and the sweep goes on; a run cancelled part-way is not recorded at all. An
/// output error (disk full) stops the sweep and is rethrown.
/// </summary>
public static class SweepExecutor
{
    public static SweepExecutionResult Run(SweepPlan plan, SweepRunLog log, string? seriesFolder, IReadOnlySet<long> done,
        SweepExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(options);
        var grid = plan.Grid;
        var order = plan.Order;
        var shard = options.Shard;
        long toDo = shard is null
            ? grid.RunCount - done.Count(r => r >= 0 && r < grid.RunCount)
            : shard.RunCount(order.Count) - done.Count(r => r >= 0 && r < grid.RunCount && shard.Contains(order, r));
        int workers = (int)Math.Max(1, Math.Min(options.Parallel <= 0 ? Environment.ProcessorCount : options.Parallel, Math.Max(toDo, 1)));
        var simulate = options.Simulate ?? ((s, o) => Simulator.Run(s, o));
        int xFactor = grid.FactorIndex(options.SeriesFactor ?? SweepPlotSettings.For(grid).X);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        var progressGate = new object();
        long next = -1, recorded = 0, failed = 0;
        Exception? fatal = null;
        if (seriesFolder is not null && options.Series != SeriesMode.None) Directory.CreateDirectory(seriesFolder);

        bool KeepSeries(int point)
        {
            if (seriesFolder is null) return false;
            return options.Series switch
            {
                SeriesMode.All => true,
                SeriesMode.Extremes when xFactor >= 0 => grid.LevelsOf(point)[xFactor] is var l && (l == 0 || l == grid.Factors[xFactor].Levels.Count - 1),
                _ => false,
            };
        }

        void Record(SweepRunRecord record)
        {
            log.Append(record);
            lock (progressGate)
            {
                recorded++;
                if (record.Failed) failed++;
                options.Progress?.Invoke(new SweepProgress(recorded, failed, toDo));
            }
        }

        void Work()
        {
            while (!stop.IsCancellationRequested)
            {
                long position = Interlocked.Increment(ref next);
                if (position >= order.Count) return;
                if (shard is not null && !shard.ContainsPosition(order, position)) continue; // another shard's run
                long run = order.RunAt(position);
                if (done.Contains(run)) continue;
                var (point, replication) = grid.Decompose(run);
                ulong seed = plan.SeedOf(run);
                var values = grid.ValuesOf(point).Select(l => l.Text).ToArray();
                var clock = Stopwatch.StartNew();
                try
                {
                    var scenario = plan.ScenarioOf(run);
                    var problems = options.Check?.Invoke(scenario) ?? [];
                    if (problems.Count > 0)
                    {
                        Record(SweepRunRecord.FailedRun(run, point, replication, seed, values,
                            "invalid scenario: " + string.Join("; ", problems), clock.ElapsedMilliseconds));
                        continue;
                    }
                    bool keep = KeepSeries(point);
                    var result = simulate(scenario, new RunOptions { Threads = 1, KeepSeries = keep, Cancellation = stop.Token });
                    if (result.TicksRun < scenario.Ticks) return; // cancelled part-way: not recorded
                    if (keep) SweepSeries.Write(Path.Combine(seriesFolder!, SweepSeries.FileName(run)), result);
                    Record(SweepRunRecord.Finished(run, point, replication, seed, values, result, clock.ElapsedMilliseconds));
                }
                catch (OutputException e)
                {
                    Interlocked.CompareExchange(ref fatal, e, null);
                    stop.Cancel();
                    return;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    try
                    {
                        Record(SweepRunRecord.FailedRun(run, point, replication, seed, values, $"{e.GetType().Name}: {e.Message}", clock.ElapsedMilliseconds));
                    }
                    catch (OutputException oe)
                    {
                        Interlocked.CompareExchange(ref fatal, oe, null);
                        stop.Cancel();
                        return;
                    }
                }
            }
        }

        var threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = $"sweep-worker-{i}" };
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        if (fatal is not null) throw fatal;
        return new SweepExecutionResult(recorded, failed, recorded < toDo);
    }
}
