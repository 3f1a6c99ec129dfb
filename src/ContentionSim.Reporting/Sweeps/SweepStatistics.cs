namespace ContentionSim.Reporting.Sweeps;

/// <summary>Mean, standard deviation and confidence interval of one metric over the runs of a point.</summary>
/// <param name="N">Runs with a value.</param>
/// <param name="Mean">Arithmetic mean (NaN when <paramref name="N"/> is 0).</param>
/// <param name="Sd">Sample standard deviation, with n − 1 (NaN when <paramref name="N"/> &lt; 2).</param>
/// <param name="CiLow">Lower end of the 95% confidence interval of the mean (NaN when <paramref name="N"/> &lt; 2).</param>
/// <param name="CiHigh">Upper end of the 95% confidence interval of the mean.</param>
public readonly record struct MetricSummary(int N, double Mean, double Sd, double CiLow, double CiHigh);

/// <summary>
/// The statistics of sweep summaries: mean, sample standard deviation and the 95% confidence
/// interval of the mean from Student's t distribution with n − 1 degrees of freedom
/// (mean ± t(0.975, n − 1) · sd / √n).
/// </summary>
public static class SweepStatistics
{
    /// <summary>Confidence level of the intervals.</summary>
    public const double Confidence = 0.95;

    /// <summary>Mean, sd and 95% CI of <paramref name="values"/> (non-finite values are ignored).</summary>
    public static MetricSummary Describe(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var xs = values.Where(double.IsFinite).ToArray();
        int n = xs.Length;
        if (n == 0) return new MetricSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        // Two-pass for accuracy.
        double mean = 0;
        foreach (var x in xs) mean += x;
        mean /= n;
        if (n == 1) return new MetricSummary(1, mean, double.NaN, double.NaN, double.NaN);
        double ss = 0, comp = 0;
        foreach (var x in xs)
        {
            ss += (x - mean) * (x - mean);
            comp += x - mean;
        }
        double variance = (ss - comp * comp / n) / (n - 1);
        double sd = Math.Sqrt(Math.Max(variance, 0));
        double half = StudentTQuantile(0.5 + Confidence / 2, n - 1) * sd / Math.Sqrt(n);
        return new MetricSummary(n, mean, sd, mean - half, mean + half);
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile of Student's t distribution with <paramref name="df"/> degrees of
    /// freedom (e.g. 0.975 and 19 → 2.093), by bisection on the distribution function.
    /// </summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), "p must lie strictly between 0 and 1");
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df), "degrees of freedom must be positive");
        if (p == 0.5) return 0;
        if (p < 0.5) return -StudentTQuantile(1 - p, df);
        double lo = 0, hi = 1;
        while (StudentTCdf(hi, df) < p) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, hi); i++)
        {
            double mid = (lo + hi) / 2;
            if (StudentTCdf(mid, df) < p) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>P(T ≤ <paramref name="t"/>) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTCdf(double t, double df)
    {
        if (double.IsNaN(t)) return double.NaN;
        double x = df / (df + t * t);
        double tail = 0.5 * RegularizedIncompleteBeta(df / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz's method).</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        if (x < (a + 1) / (a + b + 2)) return front * BetaContinuedFraction(a, b, x) / a;
        return 1 - front * BetaContinuedFraction(b, a, 1 - x) / b;
    }

    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300, eps = 1e-15;
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 1000; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < eps) break;
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, n = 9).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) sum += g[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
