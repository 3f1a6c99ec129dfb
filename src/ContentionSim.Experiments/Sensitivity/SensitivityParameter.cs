using ContentionSim.Core.Parameters;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>What of a parameter a one-at-a-time analysis moves.</summary>
public enum VariationKind
{
    /// <summary>A numeric scalar, set as it is.</summary>
    Value,
    /// <summary>The mean of a constant, normal or beta distribution (its shape is kept).</summary>
    DistributionMean,
    /// <summary>The location of a uniform distribution: both bounds shifted by the same amount (each clamped to the parameter's range).</summary>
    DistributionBounds,
}

/// <summary>
/// One parameter a sensitivity analysis varies: its dotted path (as <see cref="ParameterPath"/> reads it),
/// what of it is moved, its valid range from its <see cref="ParamAttribute"/>, the step of its values
/// (0 for continuous, 1 for whole numbers, 2 for a small-world degree) and its value in the scenario.
/// </summary>
/// <param name="Path">Dotted path, e.g. <c>state.openness</c> or <c>movements[0].activists.grievance</c>.</param>
/// <param name="Kind">What is moved.</param>
/// <param name="Min">Smallest valid value (NaN when unbounded).</param>
/// <param name="Max">Largest valid value (NaN when unbounded).</param>
/// <param name="Step">Granularity of the values: 0 continuous, otherwise values are multiples of it.</param>
/// <param name="Base">The value (or the distribution's location) in the scenario.</param>
public sealed record SensitivityParameter(string Path, VariationKind Kind, double Min, double Max, double Step, double Base)
{
    /// <summary>What is moved, in words for tables: "value", "mean" or "location (both bounds)".</summary>
    public string Varied => Kind switch
    {
        VariationKind.DistributionMean => "mean",
        VariationKind.DistributionBounds => "location (both bounds)",
        _ => "value",
    };

    /// <summary>
    /// A copy of <paramref name="scenario"/> with the parameter moved to <paramref name="value"/>.
    /// For a uniform distribution the bounds are shifted so that their midpoint moves by
    /// <paramref name="value"/> − <see cref="Base"/>, each clamped to [<see cref="Min"/>, <see cref="Max"/>].
    /// </summary>
    public Scenario Apply(Scenario scenario, double value)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        switch (Kind)
        {
            case VariationKind.Value:
                return ParameterPath.With(scenario, Path, Step > 0 ? (object)(long)Math.Round(value) : value);
            case VariationKind.DistributionMean:
                return ParameterPath.With(scenario, Path + ".mean", value);
            case VariationKind.DistributionBounds:
            {
                var d = (Distribution)ParameterPath.Get(scenario, Path)!;
                double shift = value - Base;
                double lo = Clamp(d.Min + shift), hi = Clamp(d.Max + shift);
                return ParameterPath.With(scenario, Path, d with { Min = lo, Max = hi, Mean = (lo + hi) / 2 });
            }
            default:
                throw new InvalidOperationException($"unknown variation {Kind}");
        }
    }

    /// <summary>The location actually reached by <see cref="Apply"/> (for bounds clamped at the range, the midpoint of the clamped bounds).</summary>
    public double Reached(Scenario scenario, double value) => Kind == VariationKind.DistributionBounds
        ? LocationOf((Distribution)ParameterPath.Get(Apply(scenario, value), Path)!, Kind)
        : value;

    /// <summary>The location of a distribution as this kind of variation reads it.</summary>
    public static double LocationOf(Distribution d, VariationKind kind) =>
        kind == VariationKind.DistributionBounds ? (d.Min + d.Max) / 2 : d.Mean;

    private double Clamp(double v)
    {
        if (!double.IsNaN(Min)) v = Math.Max(v, Min);
        if (!double.IsNaN(Max)) v = Math.Min(v, Max);
        return v;
    }
}
