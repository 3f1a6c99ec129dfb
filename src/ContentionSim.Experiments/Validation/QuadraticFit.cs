namespace ContentionSim.Experiments.Validation;

/// <summary>
/// The least-squares fit y = b0 + b1·x + b2·x² with 95% t-intervals of the coefficients
/// (n − 3 degrees of freedom, from the residual variance and (XᵀX)⁻¹) and the vertex −b1 / (2·b2).
/// </summary>
public sealed record QuadraticFit(Estimate Intercept, Estimate Linear, Estimate Quadratic, double ResidualSd)
{
    /// <summary>The x of the curve's extremum.</summary>
    public double Vertex => -Linear.Value / (2 * Quadratic.Value);

    /// <summary>The fitted value at <paramref name="x"/>.</summary>
    public double At(double x) => Intercept.Value + Linear.Value * x + Quadratic.Value * x * x;

    /// <summary>Fits the points; needs at least three distinct x values.</summary>
    public static QuadraticFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException("x and y have the same length", nameof(y));
        int n = x.Count;
        if (x.Distinct().Count() < 3) throw new ArgumentException("a quadratic needs at least three distinct x values", nameof(x));
        // Centre x for a well-conditioned system, then transform back.
        double c = x.Average();
        var xtx = new double[3, 3];
        var xty = new double[3];
        for (int i = 0; i < n; i++)
        {
            double u = x[i] - c;
            double[] row = [1, u, u * u];
            for (int a = 0; a < 3; a++)
            {
                xty[a] += row[a] * y[i];
                for (int b = 0; b < 3; b++) xtx[a, b] += row[a] * row[b];
            }
        }
        var inv = Invert3(xtx);
        var beta = new double[3];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) beta[a] += inv[a, b] * xty[b];
        double rss = 0;
        for (int i = 0; i < n; i++)
        {
            double u = x[i] - c;
            double e = y[i] - (beta[0] + beta[1] * u + beta[2] * u * u);
            rss += e * e;
        }
        int df = n - 3;
        double s2 = df > 0 ? rss / df : double.NaN;
        // Back to x: y = a0 + a1 x + a2 x² with a2 = b2, a1 = b1 − 2 c b2, a0 = b0 − c b1 + c² b2 (linear maps of beta).
        double[][] maps = [[1, -c, c * c], [0, 1, -2 * c], [0, 0, 1]];
        var estimates = new Estimate[3];
        double t = df > 0 ? Statistics.StudentTQuantile(0.5 + Statistics.Confidence / 2, df) : double.NaN;
        for (int k = 0; k < 3; k++)
        {
            var m = maps[k];
            double value = 0, variance = 0;
            for (int a = 0; a < 3; a++)
            {
                value += m[a] * beta[a];
                for (int b = 0; b < 3; b++) variance += m[a] * m[b] * inv[a, b];
            }
            double half = t * Math.Sqrt(Math.Max(0, variance * s2));
            estimates[k] = df > 0 ? new Estimate(value, value - half, value + half, n) : Estimate.Exact(value, n);
        }
        return new QuadraticFit(estimates[0], estimates[1], estimates[2], Math.Sqrt(s2));
    }

    private static double[,] Invert3(double[,] m)
    {
        double det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
                   - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
                   + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        if (det == 0) throw new ArgumentException("singular design: the x values do not determine a quadratic");
        var r = new double[3, 3];
        r[0, 0] = (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) / det;
        r[0, 1] = (m[0, 2] * m[2, 1] - m[0, 1] * m[2, 2]) / det;
        r[0, 2] = (m[0, 1] * m[1, 2] - m[0, 2] * m[1, 1]) / det;
        r[1, 0] = (m[1, 2] * m[2, 0] - m[1, 0] * m[2, 2]) / det;
        r[1, 1] = (m[0, 0] * m[2, 2] - m[0, 2] * m[2, 0]) / det;
        r[1, 2] = (m[0, 2] * m[1, 0] - m[0, 0] * m[1, 2]) / det;
        r[2, 0] = (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]) / det;
        r[2, 1] = (m[0, 1] * m[2, 0] - m[0, 0] * m[2, 1]) / det;
        r[2, 2] = (m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]) / det;
        return r;
    }
}
