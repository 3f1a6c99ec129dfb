using ContentionSim.Methods.Designs;

namespace ContentionSim.Methods.Sensitivity;

/// <summary>
/// Elementary effects of one factor (Morris 1991; Campolongo et al. 2007): μ, the mean effect; μ*, the
/// mean absolute effect (its importance), with a bootstrap interval; σ, the effects' standard deviation
/// (non-linearity or interactions); and how many effects went into them.
/// </summary>
public sealed record MorrisIndex(string Factor, double Mu, Interval MuStar, double Sigma, int Effects);

/// <summary>Morris screening: elementary effects EE = (f(x ± Δe_i) − f(x)) / (±Δ) along each trajectory.</summary>
public static class MorrisAnalysis
{
    /// <summary>
    /// The indices of each factor from the outputs <paramref name="y"/> of <paramref name="design"/>'s
    /// rows (same order). An effect whose either output is not finite (a failed run) is left out.
    /// Effects are in units of the output per unit-cube step (a factor's whole range is 1).
    /// </summary>
    public static MorrisIndex[] Analyze(MorrisDesign design, IReadOnlyList<double> y, IReadOnlyList<string> names,
        ulong seed = 1, int resamples = 1000, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(names);
        int d = design.Dimensions, r = design.Trajectories.Count;
        if (y.Count != r * (d + 1)) throw new ArgumentException($"{y.Count} outputs for a design of {r * (d + 1)} points", nameof(y));
        if (names.Count != d) throw new ArgumentException($"{names.Count} names for {d} factors", nameof(names));
        var effects = new double[d, r];
        for (int t = 0; t < r; t++)
        {
            var tr = design.Trajectories[t];
            for (int k = 0; k < d; k++)
            {
                double y0 = y[t * (d + 1) + k], y1 = y[t * (d + 1) + k + 1];
                effects[tr.Factors[k], t] = double.IsFinite(y0) && double.IsFinite(y1) ? (y1 - y0) / tr.Steps[k] : double.NaN;
            }
        }
        var result = new MorrisIndex[d];
        for (int i = 0; i < d; i++)
        {
            var ee = Enumerable.Range(0, r).Select(t => effects[i, t]).Where(double.IsFinite).ToArray();
            if (ee.Length == 0) { result[i] = new MorrisIndex(names[i], double.NaN, new Interval(double.NaN, double.NaN, double.NaN), double.NaN, 0); continue; }
            double mu = ee.Average(), muStar = ee.Average(Math.Abs);
            double sigma = ee.Length > 1 ? Math.Sqrt(ee.Sum(e => (e - mu) * (e - mu)) / (ee.Length - 1)) : double.NaN;
            var rng = StreamRandom.For(seed, "morris-bootstrap", i);
            var reps = new double[resamples];
            for (int b = 0; b < resamples; b++)
            {
                double s = 0;
                for (int k = 0; k < ee.Length; k++) s += Math.Abs(ee[rng.Next(ee.Length)]);
                reps[b] = s / ee.Length;
            }
            result[i] = new MorrisIndex(names[i], mu, Interval.Percentile(muStar, reps, confidence), sigma, ee.Length);
        }
        return result;
    }
}
