namespace ContentionSim.Methods.Designs;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman &amp; Conover 1979): n points in the unit cube [0, 1)^d such
/// that, in every dimension, each of the n equal strata [k/n, (k + 1)/n) holds exactly one point. Each
/// dimension's strata are shuffled independently and each point is placed uniformly within its stratum
/// (or at its centre with <c>centered</c>).
/// </summary>
public static class LatinHypercube
{
    /// <summary>The design: <paramref name="n"/> rows of <paramref name="dimensions"/> coordinates in [0, 1).</summary>
    public static double[][] Sample(int n, int dimensions, ulong seed, bool centered = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        var points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = new double[dimensions];
        for (int j = 0; j < dimensions; j++)
        {
            var rng = StreamRandom.For(seed, "latin-hypercube", j);
            var strata = rng.Permutation(n);
            for (int i = 0; i < n; i++)
                points[i][j] = (strata[i] + (centered ? 0.5 : rng.NextDouble())) / n;
        }
        return points;
    }
}
