using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting;

/// <summary>How <see cref="RunOutputWriter"/> writes a run's folder.</summary>
public sealed record RunOutputOptions
{
    /// <summary>
    /// Replace an existing, non-empty output folder (only once the new one is complete). The folder
    /// must be a previous run's (hold a <c>run.json</c>); other folders are never replaced.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>
    /// With <see cref="Force"/>: replace the folder even when it holds files that are not the previous run's
    /// (they are deleted with it). Without it <c>--force</c> refuses such a folder and lists the foreign files.
    /// </summary>
    public bool ForceDeleteForeign { get; init; }

    /// <summary>The scenario file's text; when given it is copied into the folder as <c>scenario.yaml</c> (or <c>.json</c>).</summary>
    public string? ScenarioText { get; init; }

    /// <summary>SHA-256 of the scenario file (hex), recorded in run.json; computed from <see cref="ScenarioText"/> when omitted.</summary>
    public string? ScenarioSha256 { get; init; }

    /// <summary>Path of the scenario file as the user gave it (or a built-in scenario's name), recorded in run.json.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Write the figures (PNG and SVG).</summary>
    public bool Plots { get; init; } = true;

    /// <summary>The figures to write when <see cref="Plots"/> is on.</summary>
    public IReadOnlyList<IRunPlot> Figures { get; init; } = RunPlots.Default;

    /// <summary>Figure size in pixels.</summary>
    public int PlotWidth { get; init; } = RunPlots.DefaultWidth;

    /// <summary>Figure size in pixels.</summary>
    public int PlotHeight { get; init; } = RunPlots.DefaultHeight;
}

/// <summary>A file of a run's folder and what it holds.</summary>
public sealed record OutputFile(string Name, string Description);

/// <summary>What <see cref="RunOutputWriter.Write"/> produced.</summary>
public sealed record RunOutput(string Directory, IReadOnlyList<OutputFile> Files);
