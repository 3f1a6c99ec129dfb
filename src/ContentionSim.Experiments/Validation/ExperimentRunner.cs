using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Validation;

/// <summary>How <see cref="ExperimentRunner"/> runs an experiment.</summary>
public sealed record ExperimentRunOptions
{
    /// <summary>Runs at once; 0 = one per core. Results are identical for any value.</summary>
    public int Parallel { get; init; }
    /// <summary>Called after every run with (runs done, runs in all), from the worker threads.</summary>
    public Action<long, long>? Progress { get; init; }
    public CancellationToken Cancellation { get; init; }
    /// <summary>Replaces <see cref="Simulator.Run"/> (tests).</summary>
    public Func<Scenario, RunOptions, RunResult>? Simulate { get; init; }
}

/// <summary>
/// Runs every run of an experiment's sweep plan, one thread each, and keeps the experiment's
/// measures of each. Runs are stored by their canonical index, so the result does not depend on the
/// order they finish in or on how many run at once.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the plan and returns the runs in canonical order.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before every run finished.</exception>
    public static IReadOnlyList<ExperimentRun> Run(Experiment experiment, SweepPlan plan, ExperimentRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new ExperimentRunOptions();
        var simulate = options.Simulate ?? Simulator.Run;
        var grid = plan.Grid;
        long total = grid.RunCount;
        var results = new ExperimentRun[total];
        long next = -1, done = 0;
        int workers = options.Parallel > 0 ? options.Parallel : Environment.ProcessorCount;
        workers = (int)Math.Max(1, Math.Min(workers, total));
        Exception? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);

        void Work()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    long run = Interlocked.Increment(ref next);
                    if (run >= total) return;
                    var scenario = plan.ScenarioOf(run);
                    var result = simulate(scenario, new RunOptions { Threads = 1, KeepSeries = true, Cancellation = stop.Token });
                    if (result.TicksRun < scenario.Ticks) return; // cancelled part-way
                    results[run] = Reduce(experiment, grid, run, result);
                    long d = Interlocked.Increment(ref done);
                    options.Progress?.Invoke(d, total);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                stop.Cancel();
            }
        }

        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(Work) { IsBackground = true, Name = "experiment-run" }).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failure is not null) throw new InvalidOperationException($"a run of {experiment.Id} failed: {failure.Message}", failure);
        options.Cancellation.ThrowIfCancellationRequested();
        if (Array.IndexOf(results, null) is int missing and >= 0)
            throw new InvalidOperationException($"run {missing} of {experiment.Id} stopped before its last tick");
        return results;
    }

    /// <summary>The experiment's record of one finished run.</summary>
    public static ExperimentRun Reduce(Experiment experiment, SweepGrid grid, long run, RunResult result)
    {
        var (point, replication) = grid.Decompose(run);
        var values = experiment.Measure(result);
        var measures = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < experiment.Measures.Count; i++) measures[experiment.Measures[i]] = values[i];
        var levels = grid.ValuesOf(point);
        return new ExperimentRun
        {
            Run = run,
            Point = point,
            Replication = replication,
            Seed = result.Seed,
            Levels = levels.Select((l, f) => new ExperimentLevel(grid.Factors[f].Key, l.Text, l.Number)).ToArray(),
            Measures = measures,
            Organizations = experiment.KeepsOrganizations ? result.Organizations : [],
        };
    }
}
