using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Randomness;

/// <summary>Draws from the scenario's <see cref="Distribution"/>s.</summary>
internal static class Sampling
{
    /// <summary>One draw from <paramref name="d"/>, within [Min, Max].</summary>
    public static double Draw(this Distribution d, ref Rng rng)
    {
        double lo = Math.Min(d.Min, d.Max), hi = Math.Max(d.Min, d.Max);
        switch (d.Kind)
        {
            case DistributionKind.Constant:
                return d.Mean;
            case DistributionKind.Uniform:
                return lo + (hi - lo) * rng.NextDouble();
            case DistributionKind.Normal:
                return Math.Clamp(d.Mean + d.Sd * rng.NextNormal(), lo, hi);
            case DistributionKind.Beta:
            {
                double width = hi - lo;
                if (width <= 0) return lo;
                double m = Math.Clamp((d.Mean - lo) / width, 1e-6, 1 - 1e-6);
                double v = d.Sd / width;
                v *= v;
                double maxVar = m * (1 - m);
                if (v <= 0) return d.Mean;
                if (v >= maxVar) v = maxVar * 0.999;
                double k = maxVar / v - 1;
                double a = m * k, b = (1 - m) * k;
                double x = rng.NextGamma(a), y = rng.NextGamma(b);
                double s = x + y;
                return lo + width * (s > 0 ? x / s : m);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(d), d.Kind, "unknown distribution");
        }
    }
}
