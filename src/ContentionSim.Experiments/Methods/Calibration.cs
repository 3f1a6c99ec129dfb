using ContentionSim.Core.Parameters;
using ContentionSim.Methods.Abc;
using ContentionSim.Scenarios.Calibration;

namespace ContentionSim.Experiments.Methods;

/// <summary>What a calibration produced: every ABC population, and the patterns' observables in summary order (targets, then held-out).</summary>
public sealed record CalibrationResult(CalibrationDefinition Definition, IReadOnlyList<AbcPopulation> Populations, IReadOnlyList<TargetPattern> Patterns, long Runs)
{
    public AbcPopulation Posterior => Populations[^1];
}

/// <summary>
/// Approximate Bayesian computation of a calibration file's free parameters: a first population by
/// rejection from the priors (the closest of the initial draws), then ABC-SMC populations with tolerances
/// shrinking to a quantile of the previous distances. A parameter set's summaries are the means over its
/// replicate runs of every target and held-out observable; its distance is the scaled Euclidean distance of
/// the targets alone (each miss in units of its tolerance), so the held-out patterns check the fit without
/// having shaped it. Every batch of proposals runs on the batch runner as its own stage.
/// </summary>
public static class Calibration
{
    public static Prior PriorOf(FreeParameter p) => p.Prior switch
    {
        PriorKind.Normal => new NormalPrior(p.A, p.B),
        PriorKind.LogUniform => new LogUniformPrior(p.A, p.B),
        _ => new UniformPrior(p.A, p.B),
    };

    /// <summary>The scenario with the free parameters set to <paramref name="theta"/> (whole numbers rounded).</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<FreeParameter> free, double[] theta)
    {
        for (int j = 0; j < free.Count; j++)
            scenario = ParameterPath.With(scenario, free[j].Path, free[j].Whole ? (object)(long)Math.Round(theta[j]) : theta[j]);
        return scenario;
    }

    public static CalibrationResult? Run(CalibrationDefinition c, BatchEvaluator evaluate, Action<AbcPopulation>? onPopulation = null)
    {
        var parameters = c.Free.Select(f => new AbcParameter(f.Path, PriorOf(f))).ToArray();
        var patterns = c.Targets.Concat(c.HeldOut).ToArray();
        var all = Observables.All.ToList();
        int[] columns = [.. patterns.Select(p => all.FindIndex(o => o.Name == p.Observable))];
        if (columns.Any(i => i < 0)) throw new ArgumentException("a pattern names an unknown observable");
        int targets = c.Targets.Count;
        var distance = AbcDistance.ScaledEuclidean(c.Targets.Select(t => t.Observed).ToArray(), c.Targets.Select(t => t.Tolerance).ToArray());
        Func<double[], double> targetDistance = s => distance(s[..targets]);
        long runs = 0;
        bool interrupted = false;
        using var stop = new CancellationTokenSource();
        int batchIndex = 0;

        IReadOnlyList<double[]?> Simulate(IReadOnlyList<AbcProposal> batch)
        {
            if (interrupted) return [.. batch.Select(_ => (double[]?)null)];
            var g = batch[0].Generation;
            var stage = $"abc-g{g}-b{batchIndex++}";
            var thetas = batch.Select(p => p.Theta).ToArray();
            var y = evaluate(new PointBatch(stage, c.Scenario, c.Free.Select(f => f.Path).ToArray(), thetas, c.Replicates,
                c.MasterSeed ^ (ulong)g * 0x9E3779B97F4A7C15UL ^ (ulong)batchIndex, i => Apply(c.Scenario, c.Free, thetas[i])));
            if (y is null) { interrupted = true; stop.Cancel(); return [.. batch.Select(_ => (double[]?)null)]; }
            runs += batch.Count * (long)c.Replicates;
            var result = new double[]?[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                var s = new double[patterns.Length];
                bool ok = true;
                for (int k = 0; k < patterns.Length; k++)
                {
                    var values = y[i].Select(rep => rep[columns[k]]).Where(double.IsFinite).ToArray();
                    s[k] = values.Length == 0 ? double.NaN : values.Average();
                    if (k < targets && double.IsNaN(s[k])) ok = false;   // a target that does not exist in any replicate: no fit
                }
                result[i] = ok ? s : null;
            }
            return result;
        }

        var options = new AbcSmcOptions
        {
            Particles = c.Abc.Particles,
            InitialDraws = c.Abc.InitialDraws,
            Generations = c.Abc.Generations,
            Quantile = c.Abc.Quantile,
            MinAcceptanceRate = c.Abc.MinAcceptance,
            MaxSimulations = c.Abc.MaxSimulations,
            MaxBatch = Math.Max(c.Abc.Particles, 64),
            Cancellation = stop.Token,
        };
        var populations = AbcSmc.Run(parameters, Simulate, targetDistance, options, c.MasterSeed, p => { if (!interrupted) onPopulation?.Invoke(p); });
        if (interrupted) return null;
        return new CalibrationResult(c, populations, patterns, runs);
    }
}
