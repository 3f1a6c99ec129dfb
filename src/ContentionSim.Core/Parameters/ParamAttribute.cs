namespace ContentionSim.Core.Parameters;

/// <summary>
/// Documents one model parameter: its meaning, unit and valid range. The scenario loader
/// validates against these bounds and the reference page in <c>docs/scenarios.md</c> is
/// written from them, so the range a user reads is the range the loader enforces.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ParamAttribute(string description) : Attribute
{
    /// <summary>What the parameter means, in one sentence.</summary>
    public string Description { get; } = description;

    /// <summary>Smallest valid value (inclusive); NaN when unbounded.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Largest valid value (inclusive); NaN when unbounded.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>Unit or scale of the value, e.g. "share", "ticks", "people".</summary>
    public string Unit { get; init; } = "";
}
