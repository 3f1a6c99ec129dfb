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

    /// <summary>
    /// Where the default value comes from, in a phrase: a citation ("Epstein (2002): …"), a calibration
    /// record ("calibrated: …", naming the run), or the word "assumed" with what the value was chosen for.
    /// A value tuned by hand to make a check pass says so: "assumed (hand-tuned in &lt;commit&gt; to …; to be
    /// calibrated)"; a citation that supports only the effect says "value assumed". Labels and switches say
    /// "not a model quantity". Shown in <c>docs/scenarios.md</c> and the parameter tables of <c>docs/ODD.md</c> §8;
    /// required on every parameter that is not a section (a test checks it).
    /// </summary>
    public string Source { get; init; } = "";
}
