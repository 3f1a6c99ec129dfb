using ContentionSim.Reporting;
namespace ContentionSim.Experiments.Sensitivity;

/// <summary>What the command that ran a sensitivity analysis knows about it (the manifest's and summary's input) and how to write its folder.</summary>
public sealed record SensitivitySetup
{
    /// <summary>The scenario file as given on the command line.</summary>
    public required string ScenarioFile { get; init; }
    /// <summary>The scenario file's text as parsed.</summary>
    public required string ScenarioText { get; init; }
    /// <summary>Whether <c>--quick</c> was given.</summary>
    public bool Quick { get; init; }
    /// <summary>What <c>--quick</c> changed in the scenario, in words (empty when nothing).</summary>
    public string QuickChanges { get; init; } = "";
    /// <summary>The <c>--only</c> patterns, or null.</summary>
    public string? Only { get; init; }
    /// <summary>The command to run the analysis again, as written in the summary.</summary>
    public string Command { get; init; } = "";
    /// <summary>Replace an existing folder that holds an earlier sensitivity analysis.</summary>
    public bool Force { get; init; }
    /// <summary>Write the tornado figures.</summary>
    public bool Plots { get; init; } = true;
    /// <summary>Rows of each tornado figure and of each outcome's table in the summary.</summary>
    public int Rows { get; init; } = TornadoPlot.DefaultRows;
    /// <summary>The git commit of the working copy, or null.</summary>
    public string? GitCommit { get; init; }
}
