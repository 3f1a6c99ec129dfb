namespace ContentionSim.Scenarios.Sweeps;

/// <summary>How the levels of several varied parameters are combined into points.</summary>
public enum SweepDesign
{
    /// <summary>Every combination of levels (the full factorial): points = product of the level counts.</summary>
    Factorial,
    /// <summary>The i-th level of every factor together (all factors have the same number of levels).</summary>
    Zip,
    /// <summary>
    /// A sampled design (a Latin hypercube or a Sobol sequence: <see cref="SweepSampling"/>). As with <see cref="Zip"/>,
    /// point i is the i-th level of every factor; its points are executed in the design's own order.
    /// </summary>
    Sampled,
}

/// <summary>
/// One value a varied parameter takes. <see cref="Value"/> is typed for the parameter
/// (a double, an int, an enum, a <see cref="Parameters.Distribution"/>, ...); it is null when the
/// level was read back from a finished sweep's manifest, which keeps only <see cref="Text"/> and
/// <see cref="Number"/>.
/// </summary>
/// <param name="Value">The value to set, of the parameter's type.</param>
/// <param name="Text">The value as written in outputs (numbers in invariant culture, shortest form).</param>
/// <param name="Number">The value on a numeric axis, or null for values that are not numbers (enums, booleans, text).</param>
public sealed record SweepLevel(object? Value, string Text, double? Number);

/// <summary>A varied parameter: its path (as in <c>--set</c>, e.g. <c>state.openness</c>) and its levels, in order.</summary>
public sealed record SweepFactor
{
    public SweepFactor(string key, IReadOnlyList<SweepLevel> levels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0) throw new ArgumentException($"factor '{key}' has no levels", nameof(levels));
        Key = key;
        Levels = levels;
    }

    /// <summary>Parameter path, e.g. <c>transnational.alliance_probability</c>.</summary>
    public string Key { get; }

    public IReadOnlyList<SweepLevel> Levels { get; }

    /// <summary>Whether every level has a <see cref="SweepLevel.Number"/>, so the factor can be an x axis.</summary>
    public bool IsNumeric => Levels.All(l => l.Number is not null);
}
