using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios;

/// <summary>
/// The one place where a setting <c>key.path = value</c> is applied to a scenario, for every way of giving
/// one: <c>--set</c> on a scenario (<see cref="ScenarioLoader.ApplyOverrides"/>), and a sweep's <c>set:</c>,
/// <c>quick.set:</c>, <c>--set</c> and <c>--ticks</c> (<see cref="Sweeps.SweepLoader"/>). The key is resolved
/// (<see cref="ParameterPath"/>: <c>state.openness</c>, <c>movements.&lt;id&gt;.…</c>, <c>movements[0].…</c>),
/// the value bound like a value in a file, set with <see cref="ParameterPath.With"/> and recorded in the
/// source map. A sweep's varied values and a scheduled event's changes are set at run time with the same
/// <see cref="ParameterPath.With"/> (<see cref="Sweeps.SweepPlan.ScenarioAt"/>, the model's event layer).
/// </summary>
internal static class Overrides
{
    /// <summary>Where a value comes from, for messages and the source map.</summary>
    /// <param name="File">The file (or <see cref="ScenarioLoader.OverrideSource"/> for the command line).</param>
    /// <param name="Line">Line of the value (0 on the command line).</param>
    /// <param name="Column">Column of the value (0 on the command line).</param>
    /// <param name="Path">The path shown when the key is not a parameter (e.g. <c>set.state.openness</c>).</param>
    /// <param name="Given">The command-line assignment as typed, quoted in messages; null for a value in a file.</param>
    /// <param name="Of">What the key should be a parameter of, in messages (e.g. " of the base scenario").</param>
    internal sealed record Origin(string File, int Line, int Column, string Path, string? Given = null, string Of = "");

    /// <summary>
    /// Splits a command-line assignment <c>key.path=value</c> (a leading <c>--set</c> is accepted) into its key and
    /// value text; null, with a diagnostic, when it is not an assignment.
    /// </summary>
    public static (string Key, string Value)? Parse(string? assignment, List<Diagnostic> diagnostics)
    {
        string text = (assignment ?? "").Trim();
        if (text.StartsWith("--set", StringComparison.Ordinal)) text = text[5..].TrimStart(' ', '=');
        int eq = text.IndexOf('=');
        if (eq <= 0)
        {
            diagnostics.Add(new Diagnostic(ScenarioLoader.OverrideSource, 0, 0, "",
                $"'{assignment}' is not an assignment: expected key.path=value", "write e.g. --set state.openness=0.9"));
            return null;
        }
        return (text[..eq].Trim(), text[(eq + 1)..]);
    }

    /// <summary>
    /// Applies a command-line setting: <paramref name="valueText"/> is read as YAML (numbers, true/false, enum
    /// names, quoted text, <c>{normal: [0.5, 0.1]}</c>) and applied with <see cref="Apply"/>. Problems are
    /// added to <paramref name="diagnostics"/> (without line, with the assignment quoted); false when the
    /// setting was not applied.
    /// </summary>
    public static bool ApplyText(ref Scenario scenario, ref SourceMap map, string key, string valueText, string given,
        List<Diagnostic> diagnostics, out string canonical)
    {
        canonical = "";
        var origin = new Origin(ScenarioLoader.OverrideSource, 0, 0, key, given);
        if (!Resolve(scenario, key, origin, diagnostics, out var target)) return false;
        var local = new List<Diagnostic>();
        var document = YamlReader.Read(valueText, ScenarioLoader.OverrideSource, local);
        if (document.SyntaxError || local.Count > 0)
        {
            diagnostics.AddRange(CommandLine(local, target, given));
            return false;
        }
        return Apply(ref scenario, ref map, key, target, document.Root ?? new YScalar("", true, 0, 0), origin, diagnostics, out canonical);
    }

    /// <summary>Resolves <paramref name="key"/> on the scenario; false, with a diagnostic, when it names no parameter.</summary>
    public static bool Resolve(Scenario scenario, string key, Origin origin, List<Diagnostic> diagnostics, out ResolvedPath target)
    {
        target = null!;
        try
        {
            target = Paths.Resolve(scenario, key);
            return true;
        }
        catch (ParameterPathException e)
        {
            diagnostics.Add(new Diagnostic(origin.File, origin.Line, origin.Column, origin.Path,
                $"'{key}' is not a parameter{origin.Of}: {Paths.Explain(scenario, key, e)}",
                "see docs/scenarios.md for every key; list items are addressed as movements.<id>.… or movements[0].…; a distribution's mean as ….grievance.mean"));
            return false;
        }
    }

    /// <summary>
    /// Binds <paramref name="valueNode"/> to the resolved parameter, sets it and records where it came from in
    /// <paramref name="map"/>; false, with diagnostics, when the value does not fit (the scenario is then unchanged).
    /// </summary>
    public static bool Apply(ref Scenario scenario, ref SourceMap map, string key, ResolvedPath target, YNode valueNode, Origin origin,
        List<Diagnostic> diagnostics, out string canonical)
    {
        canonical = target.Canonical;
        var local = new List<Diagnostic>();
        var binder = new Binder(origin.File, local, new SourceMap(origin.File));
        binder.TryBind(target.Type, valueNode, target.Canonical, ParameterPath.Get(scenario, key), out var value, target.Property);
        if (local.Count > 0)
        {
            diagnostics.AddRange(origin.Given is null ? local : CommandLine(local, target, origin.Given));
            return false;
        }
        try
        {
            scenario = ParameterPath.With(scenario, key, value);
        }
        catch (ParameterPathException e)
        {
            diagnostics.Add(origin.Given is null
                ? new Diagnostic(origin.File, valueNode.Line, valueNode.Column, origin.Path, e.Reason, null)
                : new Diagnostic(origin.File, 0, 0, target.Canonical, $"{e.Reason} (in '{origin.Given}')", null));
            return false;
        }
        map = map.Overridden(target.Canonical, new SourceLocation(origin.File, origin.Given is null ? valueNode.Line : 0, origin.Given is null ? valueNode.Column : 0));
        return true;
    }

    /// <summary>Problems of a command-line value: no line or column, the parameter's path, the assignment quoted.</summary>
    private static IEnumerable<Diagnostic> CommandLine(List<Diagnostic> local, ResolvedPath target, string given) =>
        local.Select(d => d with
        {
            Line = 0,
            Column = 0,
            Path = d.Path.Length > 0 ? d.Path : target.Canonical,
            Message = $"{d.Message.TrimEnd('.')} (in '{given}')",
        });
}
