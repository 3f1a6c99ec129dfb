using ContentionSim.Methods.Designs;

namespace ContentionSim.Methods.Sensitivity;

/// <summary>First-order (S1) and total (ST) Sobol indices of one factor, with bootstrap intervals.</summary>
public sealed record SobolIndex(string Factor, Interval First, Interval Total);

/// <summary>The indices of every factor, the output variance and the base rows used (rows with a failed run are left out).</summary>
public sealed record SobolResult(IReadOnlyList<SobolIndex> Indices, double Variance, int RowsUsed, int RowsDropped);

/// <summary>
/// Variance-based sensitivity indices from a <see cref="SaltelliDesign"/> with the estimators recommended by
/// Saltelli et al. (2010, Comput. Phys. Commun. 181, 259–270, table 2): first order
/// S_j = mean(f(B)(f(AB_j) − f(A))) / V and total ST_j = mean((f(A) − f(AB_j))²) / (2V) (Jansen 1999), with
/// V the variance of f over A and B together. Intervals are percentile bootstraps over the N base rows.
/// </summary>
public static class SobolAnalysis
{
    public static SobolResult Analyze(SaltelliOutputs outputs, IReadOnlyList<string> names,
        ulong seed = 1, int resamples = 1000, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(names);
        int d = outputs.AB.Length;
        if (names.Count != d) throw new ArgumentException($"{names.Count} names for {d} factors", nameof(names));
        int n0 = outputs.A.Length;
        var keep = Enumerable.Range(0, n0)
            .Where(i => double.IsFinite(outputs.A[i]) && double.IsFinite(outputs.B[i]) && outputs.AB.All(ab => double.IsFinite(ab[i])))
            .ToArray();
        int n = keep.Length;
        var a = keep.Select(i => outputs.A[i]).ToArray();
        var b = keep.Select(i => outputs.B[i]).ToArray();
        var abs = outputs.AB.Select(ab => keep.Select(i => ab[i]).ToArray()).ToArray();
        var all = Enumerable.Range(0, n).ToArray();
        double variance = Variance(a, b, all);
        var rng = StreamRandom.For(seed, "sobol-bootstrap");
        var samples = new int[resamples][];
        for (int r = 0; r < resamples; r++)
        {
            samples[r] = new int[n];
            for (int k = 0; k < n; k++) samples[r][k] = rng.Next(n);
        }
        var vars = samples.Select(s => Variance(a, b, s)).ToArray();
        var indices = new SobolIndex[d];
        for (int j = 0; j < d; j++)
        {
            double s1 = First(a, b, abs[j], all, variance), st = Total(a, abs[j], all, variance);
            var s1r = new double[resamples];
            var str = new double[resamples];
            for (int r = 0; r < resamples; r++)
            {
                s1r[r] = First(a, b, abs[j], samples[r], vars[r]);
                str[r] = Total(a, abs[j], samples[r], vars[r]);
            }
            indices[j] = new SobolIndex(names[j], Interval.Percentile(s1, s1r, confidence), Interval.Percentile(st, str, confidence));
        }
        return new SobolResult(indices, variance, n, n0 - n);
    }

    private static double First(double[] a, double[] b, double[] ab, int[] rows, double v)
    {
        double s = 0;
        foreach (int i in rows) s += b[i] * (ab[i] - a[i]);
        return s / rows.Length / v;
    }

    private static double Total(double[] a, double[] ab, int[] rows, double v)
    {
        double s = 0;
        foreach (int i in rows) s += (a[i] - ab[i]) * (a[i] - ab[i]);
        return s / (2.0 * rows.Length) / v;
    }

    /// <summary>Variance (1/n) of f over the rows of A and of B together.</summary>
    private static double Variance(double[] a, double[] b, int[] rows)
    {
        double sum = 0, sq = 0;
        foreach (int i in rows) { sum += a[i] + b[i]; }
        double mean = sum / (2.0 * rows.Length);
        foreach (int i in rows) sq += (a[i] - mean) * (a[i] - mean) + (b[i] - mean) * (b[i] - mean);
        return sq / (2.0 * rows.Length);
    }
}
