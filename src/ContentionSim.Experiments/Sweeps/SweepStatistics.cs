using ContentionSim.Reporting;
namespace ContentionSim.Experiments.Sweeps;

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
    /// freedom (e.g. 0.975 and 19 → 2.093); the one implementation is <see cref="Validation.Statistics"/>'s.
    /// </summary>
    public static double StudentTQuantile(double p, double df) => Validation.Statistics.StudentTQuantile(p, df);

    /// <summary>P(T ≤ <paramref name="t"/>) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTCdf(double t, double df) => Validation.Statistics.StudentTCdf(t, df);

    /// <summary>The regularized incomplete beta function I_x(a, b).</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x) => Validation.Statistics.RegularizedIncompleteBeta(a, b, x);
}
