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
        return new ScenarioInput(scenario, path, text); // the text that was parsed, not a second read of the file
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
