namespace ContentionSim.Methods.Designs;

/// <summary>A named factor with the range [<see cref="Lower"/>, <see cref="Upper"/>] that a design spans.</summary>
public sealed record Factor(string Name, double Lower, double Upper)
{
    /// <summary>The value at unit coordinate <paramref name="u"/> ∈ [0, 1].</summary>
    public double Scale(double u) => Lower + u * (Upper - Lower);

    /// <summary>The unit coordinate of <paramref name="value"/>.</summary>
    public double Unscale(double value) => Upper == Lower ? 0 : (value - Lower) / (Upper - Lower);
}

/// <summary>Maps unit-cube designs onto factors' ranges.</summary>
public static class Scaling
{
    /// <summary>Each row of <paramref name="unit"/> mapped onto <paramref name="factors"/>' ranges.</summary>
    public static double[][] ToFactors(IReadOnlyList<double[]> unit, IReadOnlyList<Factor> factors)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(factors);
        var rows = new double[unit.Count][];
        for (int i = 0; i < unit.Count; i++)
        {
            if (unit[i].Length != factors.Count) throw new ArgumentException($"row {i} has {unit[i].Length} coordinates for {factors.Count} factors", nameof(unit));
            rows[i] = new double[factors.Count];
            for (int j = 0; j < factors.Count; j++) rows[i][j] = factors[j].Scale(unit[i][j]);
        }
        return rows;
    }
}
