namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Spearman's rank correlation ρ (Pearson's correlation of the ranks, ties given their mean rank)
/// with a 95% interval from Fisher's z-transform, z = atanh ρ, with the standard error
/// √(1.06 / (n − 3)) that Fieller, Hartley and Pearson (1957) give for Spearman's ρ.
/// </summary>
public static class RankCorrelation
{
    /// <summary>ρ of <paramref name="x"/> and <paramref name="y"/> with its 95% interval (none for n &lt; 4 or constant data).</summary>
    public static Estimate Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException("x and y have the same length", nameof(y));
        int n = x.Count;
        if (n < 2) return Estimate.None;
        double rho = Pearson(Ranks(x), Ranks(y));
        if (!double.IsFinite(rho)) return new Estimate(double.NaN, double.NaN, double.NaN, n);
        if (n < 4) return Estimate.Exact(rho, n);
        double z = Math.Atanh(Math.Clamp(rho, -0.9999999999, 0.9999999999));
        double se = Math.Sqrt(1.06 / (n - 3));
        return new Estimate(rho, Math.Tanh(z - Statistics.Z975 * se), Math.Tanh(z + Statistics.Z975 * se), n);
    }

    /// <summary>Ranks 1..n, ties given the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        int n = values.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    /// <summary>Pearson's correlation; NaN if either variable is constant.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
