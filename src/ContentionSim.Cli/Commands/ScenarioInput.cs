using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Commands;

/// <summary>A scenario loaded from a file with the command line's overrides applied.</summary>
internal sealed record ScenarioInput(Scenario Scenario, string Path, string Text)
{
    /// <summary>Loads <paramref name="path"/>, applies --set, --seed and --ticks; throws <see cref="ScenarioException"/> on bad input.</summary>
    public static ScenarioInput Load(string path, IReadOnlyList<string> sets, ulong? seed, int? ticks)
    {
        var scenario = ScenarioLoader.LoadFile(path, out string text);
        var overrides = new List<string>(sets);
        if (seed is not null) overrides.Add($"seed={seed}");
        if (ticks is not null) overrides.Add($"ticks={ticks}");
        if (overrides.Count > 0) scenario = ScenarioLoader.ApplyOverrides(scenario, overrides);
        if (sets.Count > 0) scenario = Renamed(scenario, sets);
        return new ScenarioInput(scenario, path, text); // the text that was parsed, not a second read of the file
    }

    /// <summary>
    /// A scenario changed by --set is named and described as what it is: its name gets the changes
    /// ("teaching-tight-state, state.openness=0.85", so its default folder differs from the file's own run
    /// and figures and pages carry it), and its description says the file's words were for the unchanged scenario.
    /// (--seed and --ticks do not change what the scenario is, and keep the name.)
    /// </summary>
    public static Scenario Renamed(Scenario scenario, IReadOnlyList<string> sets)
    {
        string changes = string.Join(", ", sets.Select(a => a.Trim()));
        string description = $"'{scenario.Name}' changed on the command line: {changes}.";
        if (!string.IsNullOrWhiteSpace(scenario.Description))
            description += $" The file describes the scenario before the change: \"{scenario.Description.Trim()}\"";
        return scenario with { Name = $"{scenario.Name}, {changes}", Description = description };
    }

    /// <summary>
    /// Loads like <see cref="Load"/>; on bad input writes the diagnostics to <paramref name="error"/>
    /// and returns null (the caller exits with <see cref="ExitCodes.BadInput"/>).
    /// </summary>
    public static ScenarioInput? TryLoad(string path, IReadOnlyList<string> sets, ulong? seed, int? ticks, TextWriter error)
    {
        try
        {
            return Load(path, sets, seed, ticks);
        }
        catch (ScenarioException e)
        {
            Report(e, error);
            return null;
        }
    }

    /// <summary>Writes the diagnostics of a bad scenario, one a line.</summary>
    public static void Report(ScenarioException e, TextWriter error)
    {
        int n = e.Diagnostics.Count;
        error.WriteLine(n == 1 ? "error: the scenario has a problem:" : $"error: the scenario has {n} problems:");
        foreach (var d in e.Diagnostics) error.WriteLine("  " + d);
    }
}
