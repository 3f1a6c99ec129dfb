using ContentionSim.Core.Observation;
using ContentionSim.Experiments.Batches;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Runs every run of an experiment's sweep plan on the <see cref="BatchRunner"/> and keeps the experiment's
/// measures of each. Runs are stored by their canonical index, so the result does not depend on the
/// order they finish in or on how many run at once. A run that fails stops the experiment.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the plan and returns the runs in canonical order.</summary>
    /// <param name="experiment">The experiment whose measures are kept.</param>
    /// <param name="plan">Its sweep.</param>
    /// <param name="options">Parallelism, cancellation, progress; every run keeps its series (the measures need them) and a failure stops the experiment.</param>
    /// <exception cref="OperationCanceledException">Cancelled before every run finished.</exception>
    /// <exception cref="InvalidOperationException">A run failed.</exception>
    /// <param name="control">A negative control whose settings are applied to every run's scenario after its point's values, or null.</param>
    public static IReadOnlyList<ExperimentRun> Run(Experiment experiment, SweepPlan plan, BatchOptions? options = null, SweepControl? control = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new BatchOptions();
        var grid = plan.Grid;
        var results = new ExperimentRun[grid.RunCount];
        var batch = Batch.Create(grid.RunCount, run =>
        {
            var scenario = plan.ScenarioAt(grid.Decompose(run).Point);
            return control is null ? scenario : control.Apply(scenario);
        }, plan.SeedOf);
        try
        {
            BatchRunner.Run(batch, options with { Failures = BatchFailures.Stop, KeepSeries = _ => true },
                r => Reduce(experiment, grid, r.Run, r.Result),
                r => results[r.Run] = r.Value!);
        }
        catch (BatchRunException e)
        {
            var cause = e.InnerException!;
            throw new InvalidOperationException($"a run of {experiment.Id}{(control is null ? "" : $" (control {control.Id})")} failed: {cause.Message}", cause);
        }
        options.Cancellation.ThrowIfCancellationRequested();
        if (Array.IndexOf(results, null) is int missing and >= 0)
            throw new InvalidOperationException($"run {missing} of {experiment.Id} stopped before its last tick");
        return results;
    }

    /// <summary>
    /// Runs the experiment under each of <paramref name="controls"/> and analyses each (same plan, same
    /// seeds). An analysis that cannot be made on a control's runs is kept as its error: the checks the
    /// control names then count as failing on it.
    /// </summary>
    public static IReadOnlyList<ControlRun> RunControls(Experiment experiment, SweepPlan plan, IReadOnlyList<SweepControl> controls, BatchOptions? options = null,
        Action<SweepControl>? starting = null)
    {
        ArgumentNullException.ThrowIfNull(controls);
        var results = new List<ControlRun>();
        foreach (var control in controls)
        {
            starting?.Invoke(control);
            var runs = Run(experiment, plan, options, control);
            try
            {
                results.Add(new ControlRun(control, experiment.Analyze(runs)));
            }
            catch (ExperimentDesignException e)
            {
                results.Add(new ControlRun(control, null, e.Message));
            }
        }
        return results;
    }

    /// <summary>
    /// The whole experiment as the command and the tests run it: the model's runs and analysis, then every
    /// negative control of <paramref name="definition"/> (unless <paramref name="withControls"/> is false).
    /// </summary>
    public static ExperimentResult RunAll(Experiment experiment, SweepDefinition definition, BatchOptions? options = null, bool withControls = true)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var runs = Run(experiment, definition.Plan, options);
        var result = experiment.Analyze(runs) with { DeclaredControls = definition.Controls };
        return withControls ? result with { Controls = RunControls(experiment, definition.Plan, definition.Controls, options) } : result;
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
