namespace ContentionSim.Experiments.Validation;

/// <summary>
/// A point estimate with its 95% confidence interval and the number of observations behind it.
/// <see cref="Low"/> and <see cref="High"/> are NaN when no interval can be computed (fewer than two
/// observations, or a quantity without sampling error such as an exact count).
/// </summary>
public readonly record struct Estimate(double Value, double Low, double High, int N)
{
    /// <summary>An estimate without an interval (exact, or not enough data).</summary>
    public static Estimate Exact(double value, int n) => new(value, double.NaN, double.NaN, n);

    /// <summary>Nothing to estimate from.</summary>
    public static Estimate None { get; } = new(double.NaN, double.NaN, double.NaN, 0);

    /// <summary>Whether the interval exists.</summary>
    public bool HasInterval => double.IsFinite(Low) && double.IsFinite(High);
}
