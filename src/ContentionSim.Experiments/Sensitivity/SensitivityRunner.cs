using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>How a sensitivity analysis is executed; none of it changes the results.</summary>
public sealed record SensitivityRunOptions
{
    /// <summary>Runs at once; 0 = one per core. Each run uses one thread.</summary>
    public int Parallel { get; init; }
    public CancellationToken Cancellation { get; init; }
    /// <summary>Called after each run with the number of runs done (from several threads; keep it cheap).</summary>
    public Action<long>? Progress { get; init; }
    /// <summary>Replaces <see cref="Simulator.Run"/> (tests).</summary>
    public Func<Scenario, RunOptions, RunResult>? Simulate { get; init; }
}

/// <summary>The outcomes of every run of a design, by run index, and whether every run finished.</summary>
/// <param name="Design">The design run.</param>
/// <param name="Values">[run][outcome]: the value of each <see cref="SensitivityOutcomes.All"/> outcome, null where it does not exist.</param>
/// <param name="Complete">False when the analysis was cancelled before every run finished.</param>
public sealed record SensitivityResults(SensitivityDesign Design, double?[][] Values, bool Complete);

/// <summary>
/// Runs every run of a <see cref="SensitivityDesign"/> with one thread each, several at once, and
/// keeps only the outcomes. Results are stored by run index, so they are identical for any parallelism.
/// </summary>
public static class SensitivityRunner
{
    public static SensitivityResults Run(SensitivityDesign design, SensitivityRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        options ??= new SensitivityRunOptions();
        var simulate = options.Simulate ?? Simulator.Run;
        var outcomes = SensitivityOutcomes.All;
        long total = design.RunCount;
        var values = new double?[total][];
        long done = 0;
        int stopped = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Parallel > 0 ? options.Parallel : Environment.ProcessorCount,
        };
        // Replication-major order: every variant's first replication comes before any second one, so an
        // interrupted analysis has spread its runs evenly (and the progress bar's estimate is fair).
        System.Threading.Tasks.Parallel.For(0L, total, parallel, (k, state) =>
        {
            if (options.Cancellation.IsCancellationRequested) { Interlocked.Exchange(ref stopped, 1); state.Stop(); return; }
            long run = (k % design.VariantCount) * design.Replications + k / design.VariantCount;
            var scenario = design.ScenarioOf(run);
            var result = simulate(scenario, new RunOptions { Threads = 1, KeepSeries = false, Cancellation = options.Cancellation });
            if (result.TicksRun < scenario.Ticks) { Interlocked.Exchange(ref stopped, 1); state.Stop(); return; }
            var row = new double?[outcomes.Count];
            for (int o = 0; o < outcomes.Count; o++) row[o] = outcomes[o].Of(result);
            values[run] = row;
            options.Progress?.Invoke(Interlocked.Increment(ref done));
        });
        bool complete = stopped == 0 && values.All(v => v is not null);
        return new SensitivityResults(design, values, complete);
    }
}
