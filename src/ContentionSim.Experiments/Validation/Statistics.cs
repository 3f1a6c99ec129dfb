using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Means and differences of means with t-based 95% confidence intervals: the mean of n values
/// ± t(0.975, n − 1) · sd / √n; a paired difference is the mean of the per-seed differences; two
/// independent groups are compared with Welch's interval (Welch–Satterthwaite degrees of freedom).
/// Non-finite values (NaN: the measure does not exist in that run) are left out.
/// </summary>
public static class Statistics
{
    /// <summary>Confidence level of every interval.</summary>
    public const double Confidence = 0.95;

    /// <summary>
    /// The <paramref name="p"/>-quantile of <paramref name="values"/> by linear interpolation between order statistics
    /// (Hyndman &amp; Fan's type 7, R's default): the median is <c>Quantile(xs, 0.5)</c>. NaN when there are no values.
    /// </summary>
    public static double Quantile(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var xs = values.Where(double.IsFinite).Order().ToArray();
        if (xs.Length == 0) return double.NaN;
        double h = (xs.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        return lo + 1 < xs.Length ? xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
    }

    /// <summary>Mean of <paramref name="values"/> with its 95% t-interval.</summary>
    public static Estimate Mean(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var xs = values.Where(double.IsFinite).ToArray();
        int n = xs.Length;
        if (n == 0) return Estimate.None;
        double mean = xs.Average();
        if (n == 1) return Estimate.Exact(mean, 1);
        double sd = Math.Sqrt(Variance(xs, mean));
        double half = StudentTQuantile(0.5 + Confidence / 2, n - 1) * sd / Math.Sqrt(n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /// <summary>
    /// Mean of the differences <paramref name="a"/>[i] − <paramref name="b"/>[i] (pairs where both are
    /// finite) with its 95% t-interval.
    /// </summary>
    public static Estimate PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException("paired samples have the same length", nameof(b));
        return Mean(a.Zip(b, (x, y) => double.IsFinite(x) && double.IsFinite(y) ? x - y : double.NaN));
    }

    /// <summary>Difference of the means of two independent samples, mean(a) − mean(b), with Welch's 95% interval.</summary>
    public static Estimate WelchDifference(IEnumerable<double> a, IEnumerable<double> b)
    {
        var xs = a.Where(double.IsFinite).ToArray();
        var ys = b.Where(double.IsFinite).ToArray();
        if (xs.Length == 0 || ys.Length == 0) return Estimate.None;
        double diff = xs.Average() - ys.Average();
        if (xs.Length < 2 || ys.Length < 2) return Estimate.Exact(diff, xs.Length + ys.Length);
        double va = Variance(xs, xs.Average()) / xs.Length, vb = Variance(ys, ys.Average()) / ys.Length;
        double se = Math.Sqrt(va + vb);
        if (se == 0) return new Estimate(diff, diff, diff, xs.Length + ys.Length);
        double df = (va + vb) * (va + vb) / (va * va / (xs.Length - 1) + vb * vb / (ys.Length - 1));
        double half = StudentTQuantile(0.5 + Confidence / 2, df) * se;
        return new Estimate(diff, diff - half, diff + half, xs.Length + ys.Length);
    }

    /// <summary>Sample variance (n − 1) about <paramref name="mean"/>.</summary>
    public static double Variance(IReadOnlyList<double> xs, double mean)
    {
        if (xs.Count < 2) return double.NaN;
        double ss = 0, comp = 0;
        foreach (var x in xs)
        {
            ss += (x - mean) * (x - mean);
            comp += x - mean;
        }
        return Math.Max(0, (ss - comp * comp / xs.Count) / (xs.Count - 1));
    }

    /// <summary>The <paramref name="p"/>-quantile of Student's t with <paramref name="df"/> degrees of freedom (0.975, 29 → 2.045), by MathNet.Numerics.</summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), "p must lie strictly between 0 and 1");
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df), "degrees of freedom must be positive");
        if (p == 0.5) return 0;
        return StudentT.InvCDF(0, 1, df, p);
    }

    /// <summary>P(T ≤ <paramref name="t"/>) for Student's t with <paramref name="df"/> degrees of freedom, by MathNet.Numerics.</summary>
    public static double StudentTCdf(double t, double df) => double.IsNaN(t) ? double.NaN : StudentT.CDF(0, 1, df, t);

    /// <summary>The 0.975 quantile of the standard normal distribution.</summary>
    public const double Z975 = 1.959963984540054;

    /// <summary>The regularized incomplete beta function I_x(a, b), by MathNet.Numerics.</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x) =>
        x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(a, b, x);

    /// <summary>ln Γ(x), by MathNet.Numerics.</summary>
    public static double LogGamma(double x) => SpecialFunctions.GammaLn(x);
}
