namespace ContentionSim.Experiments.Sensitivity;

/// <summary>Why a parameter is not varied by a sensitivity analysis.</summary>
public enum SkipReason
{
    /// <summary>Not a number: a name, id, kind, switch or unit.</summary>
    NotNumeric,
    /// <summary>The seed or the run length: settings of the experiment, not assumptions of the model.</summary>
    RunSetting,
    /// <summary>A count of agents (activists, organizations): changes the size of the system, not a behaviour.</summary>
    Count,
    /// <summary>The stage classifier: the observer that reads cycles off the series, not the model.</summary>
    Observer,
    /// <summary>Scheduled events: the scenario's story, not a parameter.</summary>
    Schedule,
    /// <summary>A list of values (explicit thresholds), or a distribution that such a list replaces.</summary>
    List,
    /// <summary>Left out by <c>--only</c>.</summary>
    NotSelected,
    /// <summary>Its low or high variant does not pass the scenario's checks.</summary>
    InvalidVariant,
    /// <summary>A parameter of a type the analysis does not know how to vary (a gap to fix: the tests fail on it).</summary>
    Unsupported,
}

/// <summary>A parameter the analysis does not vary, and why.</summary>
/// <param name="Path">Dotted path, e.g. <c>seed</c> or <c>classifier.*</c> for a whole block.</param>
/// <param name="Reason">Why.</param>
/// <param name="Detail">More words where the reason needs them (the check a variant failed).</param>
public sealed record SkippedParameter(string Path, SkipReason Reason, string Detail = "")
{
    /// <summary>The reason in words, for manifests and tables.</summary>
    public string Explanation => (Reason switch
    {
        SkipReason.NotNumeric => "not a number",
        SkipReason.RunSetting => "a setting of the experiment (seed, run length), not an assumption of the model",
        SkipReason.Count => "a count of agents: it changes the size of the system, not how agents behave",
        SkipReason.Observer => "the stage classifier is the observer that reads cycles off the series, not part of the model",
        SkipReason.Schedule => "scheduled events are the scenario's story, not parameters",
        SkipReason.List => "a list of values (or a distribution an explicit list replaces)",
        SkipReason.NotSelected => "not selected by --only",
        SkipReason.InvalidVariant => "a variant fails the scenario's checks",
        SkipReason.Unsupported => "a type the analysis cannot vary",
        _ => Reason.ToString(),
    }) + (Detail.Length > 0 ? ": " + Detail : "");
}
