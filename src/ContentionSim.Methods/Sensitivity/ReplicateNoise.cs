namespace ContentionSim.Methods.Sensitivity;

/// <summary>
/// A stochastic model's outputs with R replicate seeds per design point, separated into the parameters'
/// effect and the model's own noise. The indices are computed on each point's mean (<see cref="Means"/>);
/// the noise variance σ²_ε is the mean within-point variance; <see cref="NoiseShare"/> = (σ²_ε / R) / Var(means),
/// the share of the variance the indices decompose that is noise, not parameters (it inflates total
/// indices and leaves first-order numerators unbiased; report it next to them). Points with fewer than
/// two finite replicates give no noise estimate; a point without any finite replicate has a NaN mean.
/// </summary>
public sealed record ReplicateNoise(double[] Means, double NoiseVariance, double RunVariance, double MeansVariance, double Replicates)
{
    /// <summary>Share of one run's variance that is noise: σ²_ε / Var(all runs).</summary>
    public double NoiseShareOfRuns => RunVariance > 0 ? NoiseVariance / RunVariance : double.NaN;

    /// <summary>Share of the variance of the point means that is noise: (σ²_ε / R) / Var(means).</summary>
    public double NoiseShare => MeansVariance > 0 ? NoiseVariance / Replicates / MeansVariance : double.NaN;

    /// <summary>From <paramref name="runs"/>[point][replicate].</summary>
    public static ReplicateNoise Of(IReadOnlyList<IReadOnlyList<double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var means = new double[runs.Count];
        double within = 0, replicates = 0;
        int withinPoints = 0, meanPoints = 0;
        var all = new List<double>();
        for (int i = 0; i < runs.Count; i++)
        {
            var xs = runs[i].Where(double.IsFinite).ToArray();
            all.AddRange(xs);
            if (xs.Length == 0) { means[i] = double.NaN; continue; }
            means[i] = xs.Average();
            replicates += xs.Length;
            meanPoints++;
            if (xs.Length > 1)
            {
                within += xs.Sum(x => (x - means[i]) * (x - means[i])) / (xs.Length - 1);
                withinPoints++;
            }
        }
        double noise = withinPoints > 0 ? within / withinPoints : double.NaN;
        var finiteMeans = means.Where(double.IsFinite).ToArray();
        return new ReplicateNoise(means, noise, SampleVariance(all), SampleVariance(finiteMeans), meanPoints > 0 ? replicates / meanPoints : double.NaN);
    }

    private static double SampleVariance(IReadOnlyCollection<double> xs)
    {
        if (xs.Count < 2) return double.NaN;
        double m = xs.Average();
        return xs.Sum(x => (x - m) * (x - m)) / (xs.Count - 1);
    }
}
