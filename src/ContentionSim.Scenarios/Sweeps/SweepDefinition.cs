using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;

namespace ContentionSim.Scenarios.Sweeps;

/// <summary>Settings given on the command line that change what a sweep file describes (for reduced runs in CI).</summary>
public sealed record SweepLoadOptions
{
    /// <summary>Replications per point instead of the file's <c>replications</c>.</summary>
    public int? Replications { get; init; }

    /// <summary>Ticks of every run instead of the base scenario's (applied after the file's <c>set</c>).</summary>
    public int? Ticks { get; init; }

    /// <summary><c>key.path=value</c> settings applied to the base after the file's <c>set</c>.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>
    /// Use the file's <c>quick:</c> block (reduced size: its <c>replications</c> and its <c>set</c>, applied
    /// after the file's <c>set</c> and before <see cref="Sets"/> and <see cref="Ticks"/>). A file without the
    /// block runs at its full size.
    /// </summary>
    public bool Quick { get; init; }

    /// <summary>Whether anything is overridden.</summary>
    public bool Any => Replications is not null || Ticks is not null || Sets.Count > 0 || Quick;
}

/// <summary>A sweep file, loaded and validated: the plan to run and what the manifest records about it.</summary>
public sealed class SweepDefinition
{
    internal SweepDefinition(string name, string description, string file, string text, string baseFile, string baseText,
        IReadOnlyList<string> fixedSettings, SweepLoadOptions options, SweepPlan plan, SweepPlotSettings plots, bool fullyChecked,
        bool quickApplied)
    {
        QuickApplied = quickApplied;
        FullyChecked = fullyChecked;
        Name = name;
        Description = description;
        File = file;
        Text = text;
        BaseFile = baseFile;
        BaseText = baseText;
        FixedSettings = fixedSettings;
        Options = options;
        Plan = plan;
        Plots = plots;
    }

    /// <summary>Name of the sweep (the file's <c>name</c>, or its file name without extension).</summary>
    public string Name { get; }

    public string Description { get; }

    /// <summary>The sweep file as given.</summary>
    public string File { get; }

    /// <summary>The sweep file's text.</summary>
    public string Text { get; }

    /// <summary>The base scenario's path (relative to the sweep file's folder, resolved).</summary>
    public string BaseFile { get; }

    /// <summary>The base scenario's text.</summary>
    public string BaseText { get; }

    /// <summary>Settings applied to the base for every run, as <c>key=value</c>: the file's <c>set</c>, then <c>--set</c> and <c>--ticks</c>.</summary>
    public IReadOnlyList<string> FixedSettings { get; }

    /// <summary>The command-line overrides the sweep was loaded with.</summary>
    public SweepLoadOptions Options { get; }

    /// <summary>The base (with fixed settings), the grid and the master seed.</summary>
    public SweepPlan Plan { get; }

    /// <summary>Whether the file's <c>quick:</c> block was applied (loaded with <see cref="SweepLoadOptions.Quick"/> and the file has one).</summary>
    public bool QuickApplied { get; }

    /// <summary>Whether replication r runs with the same seed at every point (the file's <c>paired: true</c>).</summary>
    public bool Paired => Plan.Paired;

    /// <summary>The negative controls of an experiment file (its <c>controls:</c> list), in the file's order; empty for other sweeps.</summary>
    public IReadOnlyList<SweepControl> Controls { get; init; } = [];

    /// <summary>The axes of the figures.</summary>
    public SweepPlotSettings Plots { get; }

    /// <summary>
    /// Whether every value and every combination of values was validated when the sweep was loaded.
    /// When not (very large sweeps), check each run's scenario with <see cref="Validate"/> as it starts.
    /// </summary>
    public bool FullyChecked { get; }

    /// <summary>The problems of a run's scenario (the same checks as a scenario file), for sweeps too large to check every point up front.</summary>
    public static IReadOnlyList<Diagnostic> Validate(Scenario scenario) => ScenarioValidator.Validate(scenario);
}
