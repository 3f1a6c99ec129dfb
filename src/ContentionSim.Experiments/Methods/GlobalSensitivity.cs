using ContentionSim.Core.Parameters;
using ContentionSim.Methods;
using ContentionSim.Methods.Designs;
using ContentionSim.Methods.Sensitivity;

namespace ContentionSim.Experiments.Methods;

/// <summary>Sizes of a global sensitivity analysis.</summary>
public sealed record GlobalSensitivityOptions
{
    /// <summary>Morris trajectories.</summary>
    public int Trajectories { get; init; } = 10;
    /// <summary>Levels of the Morris grid (even).</summary>
    public int Levels { get; init; } = 4;
    /// <summary>Candidate trajectories the spread-out ones are chosen from (Campolongo et al. 2007); 0: none.</summary>
    public int Candidates { get; init; } = 40;
    /// <summary>Replicate seeds per design point.</summary>
    public int Replicates { get; init; } = 2;
    /// <summary>Base sample size N of the Sobol stage (a power of two).</summary>
    public int SobolN { get; init; } = 64;
    /// <summary>Most factors taken to the Sobol stage.</summary>
    public int SobolFactors { get; init; } = 6;
    /// <summary>A factor goes to the Sobol stage when its μ* reaches this share of the largest μ* of some outcome.</summary>
    public double Screen { get; init; } = 0.1;
    public bool Morris { get; init; } = true;
    public bool Sobol { get; init; } = true;
    public int Resamples { get; init; } = 1000;
}

/// <summary>
/// The Morris indices of one outcome, with its replicate noise and the noise floor: the μ* a parameter with
/// no effect would get from the noise alone, E|ε₁ − ε₂| / Δ = √(2/π) · √(2σ²_ε / R) / Δ for independent noise
/// of variance σ²_ε in means of R replicates.
/// </summary>
public sealed record MorrisOutcome(Observable Outcome, IReadOnlyList<MorrisIndex> Indices, ReplicateNoise Noise, double NoiseFloor);

/// <summary>The Sobol indices of one outcome, with its replicate noise.</summary>
public sealed record SobolOutcome(Observable Outcome, SobolResult Result, ReplicateNoise Noise);

public sealed record GlobalSensitivityResult(
    IReadOnlyList<GlobalFactor> Factors,
    MorrisDesign? MorrisDesign,
    IReadOnlyList<MorrisOutcome> Morris,
    IReadOnlyList<GlobalFactor> SobolFactors,
    SaltelliDesign? SobolDesign,
    IReadOnlyList<SobolOutcome> Sobol,
    long Runs);

/// <summary>
/// Global sensitivity of a scenario's outcomes: Morris screening of every factor (elementary effects on
/// r spread-out trajectories), then Sobol first-order and total indices (Saltelli 2010 design and
/// estimators) of the factors that matter, each design point run with the same R replicate seeds, the
/// indices computed on the replicate means and the model's own noise reported beside them.
/// </summary>
public static class GlobalSensitivity
{
    public static GlobalSensitivityResult? Run(Scenario scenario, IReadOnlyList<GlobalFactor> factors, IReadOnlyList<Observable> outcomes,
        GlobalSensitivityOptions options, ulong seed, BatchEvaluator evaluate, Action<string>? log = null)
    {
        var all = Observables.All;
        int[] columns = [.. outcomes.Select(o => all.ToList().FindIndex(a => a.Name == o.Name))];
        long runs = 0;
        MorrisDesign? morrisDesign = null;
        var morris = new List<MorrisOutcome>();
        var sobolFactors = factors;
        if (options.Morris)
        {
            morrisDesign = new MorrisDesign(options.Trajectories, factors.Count, seed, options.Levels, options.Candidates);
            var unit = morrisDesign.Rows;
            log?.Invoke($"Morris screening: {factors.Count} factors, {options.Trajectories} trajectories = {unit.Count:N0} points × {options.Replicates} seeds = {unit.Count * (long)options.Replicates:N0} runs");
            var y = evaluate(Batch("morris", scenario, factors, unit, options.Replicates, seed));
            if (y is null) return null;
            runs += unit.Count * (long)options.Replicates;
            var names = factors.Select(f => f.Name).ToArray();
            for (int o = 0; o < outcomes.Count; o++)
            {
                var noise = ReplicateNoise.Of(Column(y, columns[o]));
                double floor = double.IsFinite(noise.NoiseVariance)
                    ? Math.Sqrt(2 / Math.PI) * Math.Sqrt(2 * noise.NoiseVariance / noise.Replicates) / morrisDesign.Delta
                    : 0;
                morris.Add(new MorrisOutcome(outcomes[o], MorrisAnalysis.Analyze(morrisDesign, noise.Means, names, seed, options.Resamples), noise, floor));
            }
            sobolFactors = Select(factors, morris, options);
        }
        SaltelliDesign? sobolDesign = null;
        var sobol = new List<SobolOutcome>();
        if (options.Sobol && sobolFactors.Count > 0)
        {
            sobolDesign = new SaltelliDesign(options.SobolN, sobolFactors.Count, scrambleSeed: seed);
            log?.Invoke($"Sobol indices: {sobolFactors.Count} factors, N = {options.SobolN}: {sobolDesign.Rows.Count:N0} points × {options.Replicates} seeds = {sobolDesign.Rows.Count * (long)options.Replicates:N0} runs");
            var y = evaluate(Batch("sobol", scenario, sobolFactors, sobolDesign.Rows, options.Replicates, seed));
            if (y is null) return null;
            runs += sobolDesign.Rows.Count * (long)options.Replicates;
            var names = sobolFactors.Select(f => f.Name).ToArray();
            for (int o = 0; o < outcomes.Count; o++)
            {
                var noise = ReplicateNoise.Of(Column(y, columns[o]));
                sobol.Add(new SobolOutcome(outcomes[o], SobolAnalysis.Analyze(sobolDesign.Split(noise.Means), names, seed, options.Resamples), noise));
            }
        }
        return new GlobalSensitivityResult(factors, morrisDesign, morris, sobolFactors, sobolDesign, sobol, runs);
    }

    /// <summary>
    /// The factors taken to the Sobol stage: those whose μ* reaches <see cref="GlobalSensitivityOptions.Screen"/>
    /// of the largest μ* for some outcome and whose μ* interval lies above that outcome's noise floor (an
    /// effect the replicate noise alone would not give), the most influential first (by their best such
    /// share), at most <see cref="GlobalSensitivityOptions.SobolFactors"/>.
    /// </summary>
    public static IReadOnlyList<GlobalFactor> Select(IReadOnlyList<GlobalFactor> factors, IReadOnlyList<MorrisOutcome> morris, GlobalSensitivityOptions options)
    {
        var best = new double[factors.Count];
        foreach (var m in morris)
        {
            double max = m.Indices.Select(i => i.MuStar.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max();
            if (!(max > 0)) continue;
            for (int j = 0; j < factors.Count; j++)
                if (double.IsFinite(m.Indices[j].MuStar.Value) && !(m.Indices[j].MuStar.Lower <= m.NoiseFloor))
                    best[j] = Math.Max(best[j], m.Indices[j].MuStar.Value / max);
        }
        return [.. Enumerable.Range(0, factors.Count).Where(j => best[j] >= options.Screen)
            .OrderByDescending(j => best[j]).ThenBy(j => j).Take(options.SobolFactors).OrderBy(j => j).Select(j => factors[j])];
    }

    private static PointBatch Batch(string stage, Scenario scenario, IReadOnlyList<GlobalFactor> factors, IReadOnlyList<double[]> unit, int replicates, ulong seed)
    {
        var values = GlobalFactors.Values(factors, unit);
        return new PointBatch(stage, scenario, factors.Select(f => f.Name).ToArray(), values, replicates, seed,
            i => GlobalFactors.Apply(scenario, factors, unit[i]));
    }

    private static IReadOnlyList<IReadOnlyList<double>> Column(double[][][] y, int column) =>
        [.. y.Select(point => (IReadOnlyList<double>)point.Select(rep => rep[column]).ToArray())];
}
