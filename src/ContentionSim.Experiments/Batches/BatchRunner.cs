using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Reporting;

namespace ContentionSim.Experiments.Batches;

/// <summary>What happens when a run fails (its scenario cannot be built or checked, the simulation or the reduction throws).</summary>
public enum BatchFailures
{
    /// <summary>The run is recorded as failed, with its error, and the batch goes on (sweeps).</summary>
    Isolate,
    /// <summary>The first failure stops the batch; <see cref="BatchRunner.Run{T}"/> throws <see cref="BatchRunException"/> (analyses that need every run).</summary>
    Stop,
}

/// <summary>Where a batch stands, reported after every recorded run.</summary>
/// <param name="Done">Runs recorded by this execution (finished or failed).</param>
/// <param name="Failed">Of these, runs that failed.</param>
/// <param name="ToDo">Runs this execution set out to do.</param>
public readonly record struct BatchProgress(long Done, long Failed, long ToDo);

/// <summary>How a batch is executed. None of it changes a run's result.</summary>
public sealed record BatchOptions
{
    /// <summary>Runs at once, each on one thread; 0 = one per core.</summary>
    public int Parallel { get; init; }

    /// <summary>Stops dispatching runs and cancels the ones under way (they are not recorded).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Called after each recorded run, one call at a time.</summary>
    public Action<BatchProgress>? Progress { get; init; }

    /// <summary>Runs one scenario; <see cref="Simulator.Run"/> unless replaced (tests inject failures here).</summary>
    public Func<Scenario, RunOptions, RunResult>? Simulate { get; init; }

    /// <summary>Problems of a run's scenario (empty when valid); a run with problems fails without running.</summary>
    public Func<Scenario, IReadOnlyList<string>>? Check { get; init; }

    /// <summary>Which runs keep their per-tick series (by run index); null: none.</summary>
    public Func<long, bool>? KeepSeries { get; init; }

    /// <summary>What a failed run does to the batch.</summary>
    public BatchFailures Failures { get; init; } = BatchFailures.Isolate;
}

/// <summary>A finished run, handed to the reduction: its index, seed, scenario and result.</summary>
public sealed class BatchRun
{
    private readonly Stopwatch _clock;

    internal BatchRun(long run, ulong seed, Scenario scenario, RunResult result, Stopwatch clock)
    {
        Run = run;
        Seed = seed;
        Scenario = scenario;
        Result = result;
        _clock = clock;
    }

    public long Run { get; }
    public ulong Seed { get; }
    public Scenario Scenario { get; }
    public RunResult Result { get; }

    /// <summary>Milliseconds since the run started (read when needed: it goes on counting).</summary>
    public long ElapsedMilliseconds => _clock.ElapsedMilliseconds;
}

/// <summary>A recorded run: what the reduction kept of it, or why it failed.</summary>
/// <param name="Run">Canonical run index.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Value">What the reduction returned; default when the run failed.</param>
/// <param name="Error">Why the run failed (one line), or null.</param>
/// <param name="ElapsedMilliseconds">Time from the run's start to its failure (for a finished run, see <see cref="BatchRun.ElapsedMilliseconds"/>).</param>
public sealed record BatchRecord<T>(long Run, ulong Seed, T? Value, string? Error, long ElapsedMilliseconds)
{
    public bool Failed => Error is not null;
}

/// <summary>What an execution did.</summary>
/// <param name="Recorded">Runs recorded (finished or failed).</param>
/// <param name="Failed">Of these, runs that failed.</param>
/// <param name="Interrupted">Whether it stopped before every run to do was recorded (cancelled).</param>
public sealed record BatchSummary(long Recorded, long Failed, bool Interrupted);

/// <summary>A run failed under <see cref="BatchFailures.Stop"/>; the batch stopped.</summary>
public sealed class BatchRunException(long run, Exception inner)
    : Exception($"run {run} failed: {inner.Message}", inner)
{
    public long Run { get; } = run;
}

/// <summary>
/// The one batch runner of sweeps, sensitivity analyses and experiments: runs the runs of a
/// <see cref="Batch"/> still to do, in its execution order, on a bounded pool of workers (each run
/// single-threaded). Each finished run goes through <c>reduce</c> on its worker (keep only what is needed:
/// a metrics row, the experiment's measures), then to <c>record</c>, one call at a time (append it to a log,
/// store it by index). A run cancelled part-way is not recorded at all. Failures are isolated or stop the
/// batch (<see cref="BatchOptions.Failures"/>). An <see cref="OutputException"/> (our files cannot be
/// written) and any exception thrown by <c>record</c> stop the batch and are rethrown.
/// </summary>
public static class BatchRunner
{
    /// <exception cref="BatchRunException">A run failed under <see cref="BatchFailures.Stop"/>.</exception>
    /// <exception cref="OutputException">A file could not be written (thrown by <paramref name="reduce"/> or <paramref name="record"/>).</exception>
    public static BatchSummary Run<T>(Batch batch, BatchOptions options, Func<BatchRun, T> reduce, Action<BatchRecord<T>> record)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reduce);
        ArgumentNullException.ThrowIfNull(record);
        long toDo = batch.ToDo;
        int workers = (int)Math.Max(1, Math.Min(options.Parallel <= 0 ? Environment.ProcessorCount : options.Parallel, Math.Max(toDo, 1)));
        var simulate = options.Simulate ?? ((s, o) => Simulator.Run(s, o));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        var gate = new object();
        long next = -1, recorded = 0, failed = 0;
        Exception? fatal = null;

        void Stop(Exception e)
        {
            Interlocked.CompareExchange(ref fatal, e, null);
            stop.Cancel();
        }

        void Record(BatchRecord<T> r)
        {
            lock (gate)
            {
                record(r);
                recorded++;
                if (r.Failed) failed++;
                options.Progress?.Invoke(new BatchProgress(recorded, failed, toDo));
            }
        }

        void Work()
        {
            while (!stop.IsCancellationRequested)
            {
                long position = Interlocked.Increment(ref next);
                if (position >= batch.RunCount) return;
                if (!batch.Runs(position, out long run)) continue; // another part's run, or recorded already
                ulong seed = batch.SeedOf(run);
                var clock = Stopwatch.StartNew();
                BatchRecord<T> outcome;
                try
                {
                    var scenario = batch.ScenarioOf(run);
                    var problems = options.Check?.Invoke(scenario) ?? [];
                    if (problems.Count > 0)
                    {
                        string error = "invalid scenario: " + string.Join("; ", problems);
                        if (options.Failures == BatchFailures.Stop) { Stop(new BatchRunException(run, new InvalidOperationException(error))); return; }
                        outcome = new BatchRecord<T>(run, seed, default, error, clock.ElapsedMilliseconds);
                    }
                    else
                    {
                        bool keep = options.KeepSeries?.Invoke(run) ?? false;
                        var result = simulate(scenario, new RunOptions { Threads = 1, KeepSeries = keep, Cancellation = stop.Token });
                        if (result.TicksRun < scenario.Ticks) return; // cancelled part-way: not recorded
                        var value = reduce(new BatchRun(run, seed, scenario, result, clock));
                        outcome = new BatchRecord<T>(run, seed, value, null, clock.ElapsedMilliseconds);
                    }
                }
                catch (OutputException e)
                {
                    Stop(e);
                    return;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    if (options.Failures == BatchFailures.Stop) { Stop(new BatchRunException(run, e)); return; }
                    outcome = new BatchRecord<T>(run, seed, default, $"{e.GetType().Name}: {e.Message}", clock.ElapsedMilliseconds);
                }
                try
                {
                    Record(outcome);
                }
                catch (Exception e)
                {
                    Stop(e);
                    return;
                }
            }
        }

        var threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = $"batch-worker-{i}" };
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        if (fatal is not null) ExceptionDispatchInfo.Throw(fatal);
        return new BatchSummary(recorded, failed, recorded < toDo);
    }
}
