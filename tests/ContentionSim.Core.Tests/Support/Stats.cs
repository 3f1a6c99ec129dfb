namespace ContentionSim.Core.Tests.Support;

/// <summary>Small statistics for the seed-replicated checks of the stylized facts.</summary>
internal static class Stats
{
    /// <summary>Two-sided 97.5% quantiles of Student's t for 1–30 degrees of freedom (95% intervals).</summary>
    private static readonly double[] T975 =
    [
        double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>A 95% t-interval for the mean of <paramref name="values"/>.</summary>
    public static Interval MeanInterval95(IReadOnlyList<double> values)
    {
        int n = values.Count;
        if (n < 2 || n - 1 >= T975.Length) throw new ArgumentOutOfRangeException(nameof(values), n, "need 2 to 31 values");
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        double half = T975[n - 1] * sd / Math.Sqrt(n);
        return new Interval(mean, mean - half, mean + half, n);
    }

    /// <summary>The 95% t-interval of the paired differences <c>a[i] − b[i]</c>.</summary>
    public static Interval PairedDifference95(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("paired samples differ in size");
        return MeanInterval95(a.Zip(b, (x, y) => x - y).ToArray());
    }

    public readonly record struct Interval(double Mean, double Low, double High, int N)
    {
        public override string ToString() => FormattableString.Invariant($"mean {Mean:G4}, 95% CI [{Low:G4}, {High:G4}], n = {N}");
    }
}
