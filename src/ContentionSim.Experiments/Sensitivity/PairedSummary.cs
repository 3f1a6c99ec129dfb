namespace ContentionSim.Experiments.Sensitivity;

/// <summary>Mean and 95% t confidence interval of a set of values (NaN where they do not exist).</summary>
/// <param name="N">Values (finite ones only).</param>
/// <param name="Mean">Arithmetic mean; NaN without values.</param>
/// <param name="CiLow">Lower end of the 95% CI of the mean: mean − t(0.975, n − 1) · sd / √n; NaN for fewer than two values.</param>
/// <param name="CiHigh">Upper end.</param>
public readonly record struct MeanInterval(int N, double Mean, double CiLow, double CiHigh)
{
    /// <summary>Confidence level of the intervals.</summary>
    public const double Confidence = 0.95;

    /// <summary>Mean and CI of the finite values in <paramref name="values"/>.</summary>
    public static MeanInterval Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var xs = values.Where(double.IsFinite).ToArray();
        int n = xs.Length;
        if (n == 0) return new MeanInterval(0, double.NaN, double.NaN, double.NaN);
        double mean = xs.Average();
        if (n == 1) return new MeanInterval(1, mean, double.NaN, double.NaN);
        double ss = 0;
        foreach (var x in xs) ss += (x - mean) * (x - mean);
        double sd = Math.Sqrt(ss / (n - 1));
        double half = Validation.Statistics.StudentTQuantile(0.5 + Confidence / 2, n - 1) * sd / Math.Sqrt(n);
        return new MeanInterval(n, mean, mean - half, mean + half);
    }
}
