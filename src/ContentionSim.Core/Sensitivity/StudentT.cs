namespace ContentionSim.Core.Sensitivity;

/// <summary>
/// Quantiles of Student's t distribution with a whole number of degrees of freedom, from the exact
/// closed form of its distribution function (Abramowitz &amp; Stegun 26.7.3–4) by bisection.
/// </summary>
public static class StudentT
{
    /// <summary>P(|T| ≤ <paramref name="t"/>) for <paramref name="df"/> degrees of freedom.</summary>
    public static double CentralProbability(double t, int df)
    {
        if (df < 1) throw new ArgumentOutOfRangeException(nameof(df), df, "degrees of freedom must be at least 1");
        if (t <= 0) return 0;
        if (double.IsPositiveInfinity(t)) return 1;
        double theta = Math.Atan(t / Math.Sqrt(df));
        double s = Math.Sin(theta), c = Math.Cos(theta), c2 = c * c;
        if (df % 2 == 1)
        {
            if (df == 1) return 2 * theta / Math.PI;
            double term = 1, sum = 1;
            for (int k = 2; k <= df - 2; k += 2)
            {
                term *= c2 * k / (k + 1);
                sum += term;
            }
            return 2 / Math.PI * (theta + s * c * sum);
        }
        else
        {
            double term = 1, sum = 1;
            for (int k = 1; k <= df - 3; k += 2)
            {
                term *= c2 * k / (k + 1);
                sum += term;
            }
            return s * sum;
        }
    }

    /// <summary>The two-sided critical value t with P(|T| ≤ t) = <paramref name="confidence"/> (0.95, 19 → 2.093).</summary>
    public static double Critical(double confidence, int df)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie strictly between 0 and 1");
        double lo = 0, hi = 1;
        while (CentralProbability(hi, df) < confidence) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, hi); i++)
        {
            double mid = (lo + hi) / 2;
            if (CentralProbability(mid, df) < confidence) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
