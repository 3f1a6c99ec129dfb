namespace ContentionSim.Core.Parameters;

/// <summary>Shape of a per-activist attribute distribution.</summary>
public enum DistributionKind
{
    /// <summary>Every activist gets <see cref="Distribution.Mean"/>.</summary>
    Constant,
    /// <summary>Uniform between <see cref="Distribution.Min"/> and <see cref="Distribution.Max"/>.</summary>
    Uniform,
    /// <summary>Normal with <see cref="Distribution.Mean"/> and <see cref="Distribution.Sd"/>, clamped to [Min, Max].</summary>
    Normal,
    /// <summary>Beta with the given <see cref="Distribution.Mean"/> and <see cref="Distribution.Sd"/>, rescaled to [Min, Max].</summary>
    Beta,
}

/// <summary>
/// A distribution from which each activist draws one attribute at initialisation.
/// In YAML a plain number means a constant; a mapping gives the shape.
/// </summary>
public sealed record Distribution
{
    /// <summary>Shape of the distribution: constant, uniform, normal or beta.</summary>
    [Param("Shape of the distribution: constant, uniform, normal or beta.")]
    public DistributionKind Kind { get; init; } = DistributionKind.Constant;

    /// <summary>Mean (constant value for 'constant').</summary>
    [Param("Mean (constant value for 'constant').")]
    public double Mean { get; init; }

    /// <summary>Standard deviation (normal, beta).</summary>
    [Param("Standard deviation (normal, beta).", Min = 0)]
    public double Sd { get; init; }

    /// <summary>Lower bound; draws are clamped (normal) or rescaled (uniform, beta) to it.</summary>
    [Param("Lower bound; draws are clamped (normal) or rescaled (uniform, beta) to it.")]
    public double Min { get; init; } = 0;

    /// <summary>Upper bound; draws are clamped (normal) or rescaled (uniform, beta) to it.</summary>
    [Param("Upper bound; draws are clamped (normal) or rescaled (uniform, beta) to it.")]
    public double Max { get; init; } = 1;

    /// <summary>A distribution that always yields <paramref name="value"/>.</summary>
    public static Distribution Constant(double value) => new() { Kind = DistributionKind.Constant, Mean = value };

    /// <summary>A normal distribution clamped to [0, 1].</summary>
    public static Distribution Normal(double mean, double sd) => new() { Kind = DistributionKind.Normal, Mean = mean, Sd = sd };

    /// <summary>A uniform distribution on [min, max].</summary>
    public static Distribution Uniform(double min, double max) => new() { Kind = DistributionKind.Uniform, Min = min, Max = max, Mean = (min + max) / 2 };

    /// <summary>A beta distribution on [0, 1] with the given mean and standard deviation.</summary>
    public static Distribution Beta(double mean, double sd) => new() { Kind = DistributionKind.Beta, Mean = mean, Sd = sd };
}
