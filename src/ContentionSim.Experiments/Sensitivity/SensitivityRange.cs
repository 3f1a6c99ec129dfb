namespace ContentionSim.Experiments.Sensitivity;

/// <summary>The low and high values of a parameter in a one-at-a-time design.</summary>
public readonly record struct SensitivityRange(double Low, double Base, double High);

/// <summary>
/// How far a one-at-a-time analysis moves a parameter: low = value × (1 − δ), high = value × (1 + δ),
/// clamped to the parameter's [Min, Max]. A value of 0 has no relative neighbourhood, so its low is 0
/// and its high is δ × (Max − Min), or δ when the range is unbounded. Whole-number parameters are
/// rounded to their step; when rounding would give back the base value, the variant moves one step
/// instead (if the range allows), so that a small count is still varied.
/// </summary>
public static class SensitivityRanges
{
    /// <summary>The default relative change δ.</summary>
    public const double DefaultDelta = 0.25;

    /// <summary>The low and high values of <paramref name="p"/> for relative change <paramref name="delta"/>.</summary>
    public static SensitivityRange Of(SensitivityParameter p, double delta)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Of(p.Base, p.Min, p.Max, p.Step, delta);
    }

    /// <summary>The low and high values around <paramref name="value"/> for relative change <paramref name="delta"/>.</summary>
    /// <param name="value">The base value.</param>
    /// <param name="min">Smallest valid value, or NaN.</param>
    /// <param name="max">Largest valid value, or NaN.</param>
    /// <param name="step">0 for continuous values, else the step of the values (1 for whole numbers).</param>
    /// <param name="delta">Relative change, more than 0 and less than 1.</param>
    public static SensitivityRange Of(double value, double min, double max, double step, double delta)
    {
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must lie strictly between 0 and 1");
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "the base value must be finite");
        double low, high;
        if (value == 0)
        {
            double width = double.IsNaN(min) || double.IsNaN(max) ? 1 : max - min;
            low = 0;
            high = delta * width;
        }
        else
        {
            low = value * (1 - delta);
            high = value * (1 + delta);
            if (low > high) (low, high) = (high, low); // negative values
        }
        if (step > 0)
        {
            low = RoundTo(low, step);
            high = RoundTo(high, step);
            if (low == value && Fits(value - step, min, max)) low = value - step;
            if (high == value && Fits(value + step, min, max)) high = value + step;
        }
        return new SensitivityRange(Clamp(low, min, max, step), value, Clamp(high, min, max, step));
    }

    private static double RoundTo(double v, double step) => Math.Round(v / step, MidpointRounding.AwayFromZero) * step;

    private static bool Fits(double v, double min, double max) =>
        (double.IsNaN(min) || v >= min) && (double.IsNaN(max) || v <= max);

    private static double Clamp(double v, double min, double max, double step)
    {
        if (!double.IsNaN(min) && v < min) v = step > 0 ? Math.Ceiling(min / step) * step : min;
        if (!double.IsNaN(max) && v > max) v = step > 0 ? Math.Floor(max / step) * step : max;
        return v;
    }
}
