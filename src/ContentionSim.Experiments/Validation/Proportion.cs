namespace ContentionSim.Experiments.Validation;

/// <summary>
/// A share k of n with its 95% Wilson score interval (Wilson 1927), which stays inside [0, 1] and
/// behaves at k = 0 and k = n, unlike the normal approximation.
/// </summary>
public static class Proportion
{
    /// <summary>k/n with its Wilson 95% interval; <see cref="Estimate.None"/> when n is 0.</summary>
    public static Estimate Wilson(int k, int n)
    {
        if (n < 0 || k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k), "need 0 ≤ k ≤ n");
        if (n == 0) return Estimate.None;
        double z = Statistics.Z975, p = (double)k / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half), n);
    }

    /// <summary>The share of <paramref name="flags"/> that are true, with its Wilson interval.</summary>
    public static Estimate Wilson(IEnumerable<bool> flags)
    {
        var list = flags.ToList();
        return Wilson(list.Count(f => f), list.Count);
    }
}
