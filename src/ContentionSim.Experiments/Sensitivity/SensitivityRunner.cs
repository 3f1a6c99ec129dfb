using ContentionSim.Experiments.Batches;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>The outcomes of every run of a design, by run index, and whether every run finished.</summary>
/// <param name="Design">The design run.</param>
/// <param name="Values">[run][outcome]: the value of each <see cref="SensitivityOutcomes.All"/> outcome, null where it does not exist.</param>
/// <param name="Complete">False when the analysis was cancelled before every run finished.</param>
public sealed record SensitivityResults(SensitivityDesign Design, double?[][] Values, bool Complete);

/// <summary>
/// Runs every run of a <see cref="SensitivityDesign"/> on the <see cref="BatchRunner"/> and keeps only the
/// outcomes. Results are stored by run index, so they are identical for any parallelism. A run that fails
/// stops the analysis (<see cref="BatchRunException"/>): a tornado needs every run.
/// </summary>
public static class SensitivityRunner
{
    /// <summary>The design as a batch: run <c>variant × replications + replication</c>, executed replication-major, so an
    /// interrupted analysis has spread its runs evenly over the variants (and the progress bar's estimate is fair).</summary>
    public static Batch BatchOf(SensitivityDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        int variants = design.VariantCount, replications = design.Replications;
        return Batch.Create(design.RunCount,
            run => design.Variant((int)(run / replications)),
            run => design.SeedOf((int)(run % replications)),
            position => (position % variants) * replications + position / variants);
    }

    /// <param name="design">The design.</param>
    /// <param name="options">Parallelism, cancellation, progress; failures always stop the analysis.</param>
    public static SensitivityResults Run(SensitivityDesign design, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        var outcomes = SensitivityOutcomes.All;
        var values = new double?[design.RunCount][];
        var summary = BatchRunner.Run(BatchOf(design), (options ?? new BatchOptions()) with { Failures = BatchFailures.Stop, KeepSeries = null },
            r =>
            {
                var row = new double?[outcomes.Count];
                for (int o = 0; o < outcomes.Count; o++) row[o] = outcomes[o].Of(r.Result);
                return row;
            },
            r => values[r.Run] = r.Value!);
        bool complete = !summary.Interrupted && values.All(v => v is not null);
        return new SensitivityResults(design, values, complete);
    }
}
