namespace ContentionSim.Methods.Abc;

/// <summary>A parameter set to simulate: its generation, its index in the generation's proposals (the order that decides acceptance), and the seed its simulation uses.</summary>
public sealed record AbcProposal(int Generation, long Index, double[] Theta, ulong Seed);

/// <summary>
/// Simulates a batch of proposals (in any order or in parallel) and returns, in the batch's order, each
/// one's summary statistics, or null when its simulation failed (a failed proposal is never accepted).
/// </summary>
public delegate IReadOnlyList<double[]?> AbcSimulator(IReadOnlyList<AbcProposal> batch);

/// <summary>An accepted parameter set with its importance weight (normalised over the population), distance and summaries.</summary>
public sealed record AbcParticle(double[] Theta, double Weight, double Distance, double[] Summaries, ulong Seed);

/// <summary>One population of ABC: its tolerance, particles, simulations run and acceptance rate.</summary>
public sealed record AbcPopulation(int Generation, double Epsilon, IReadOnlyList<AbcParticle> Particles, long Simulations, long Failed)
{
    /// <summary>Accepted particles per simulation run.</summary>
    public double AcceptanceRate => Simulations == 0 ? 0 : (double)Particles.Count / Simulations;

    /// <summary>Effective sample size (Σw)² / Σw² (Kish).</summary>
    public double EffectiveSampleSize
    {
        get
        {
            double s = Particles.Sum(p => p.Weight), s2 = Particles.Sum(p => p.Weight * p.Weight);
            return s2 == 0 ? 0 : s * s / s2;
        }
    }

    /// <summary>The weighted posterior summary of parameter <paramref name="j"/>.</summary>
    public PosteriorSummary Summary(int j, double credibility = 0.95) =>
        PosteriorSummary.Of(Particles.Select(p => p.Theta[j]).ToArray(), Particles.Select(p => p.Weight).ToArray(), credibility);
}

/// <summary>A weighted sample's mean, standard deviation, median and equal-tailed credible interval.</summary>
public sealed record PosteriorSummary(double Mean, double Sd, double Median, double Lower, double Upper)
{
    public static PosteriorSummary Of(double[] values, double[] weights, double credibility = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Length != weights.Length) throw new ArgumentException("one weight per value", nameof(weights));
        if (values.Length == 0) return new PosteriorSummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double w = weights.Sum();
        double mean = values.Zip(weights, (x, v) => x * v).Sum() / w;
        double ess = w * w / weights.Sum(v => v * v);
        double var = values.Zip(weights, (x, v) => v * (x - mean) * (x - mean)).Sum() / w;
        if (ess > 1) var *= ess / (ess - 1);
        double tail = (1 - credibility) / 2;
        return new PosteriorSummary(mean, Math.Sqrt(var), WeightedQuantile(values, weights, 0.5),
            WeightedQuantile(values, weights, tail), WeightedQuantile(values, weights, 1 - tail));
    }

    /// <summary>The <paramref name="p"/>-quantile of a weighted sample (the smallest value whose cumulative weight reaches p).</summary>
    public static double WeightedQuantile(double[] values, double[] weights, double p)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        double total = weights.Sum(), cum = 0;
        foreach (int i in order)
        {
            cum += weights[i];
            if (cum >= p * total) return values[i];
        }
        return values[order[^1]];
    }
}

/// <summary>Distances between simulated and observed summary statistics.</summary>
public static class AbcDistance
{
    /// <summary>√Σ((s_i − o_i) / scale_i)²: each pattern's miss in units of its tolerance.</summary>
    public static Func<double[], double> ScaledEuclidean(IReadOnlyList<double> observed, IReadOnlyList<double> scales)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(scales);
        if (observed.Count != scales.Count) throw new ArgumentException("one scale per observed value", nameof(scales));
        if (scales.Any(s => !(s > 0))) throw new ArgumentException("scales are positive", nameof(scales));
        var o = observed.ToArray();
        var sc = scales.ToArray();
        return s =>
        {
            if (s.Length != o.Length) throw new ArgumentException($"{s.Length} summaries for {o.Length} observed values");
            double d = 0;
            for (int i = 0; i < o.Length; i++) d += (s[i] - o[i]) / sc[i] * ((s[i] - o[i]) / sc[i]);
            return Math.Sqrt(d);
        };
    }
}
