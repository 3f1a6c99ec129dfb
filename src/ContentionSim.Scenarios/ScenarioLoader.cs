using System.Runtime.CompilerServices;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios;

/// <summary>
/// Loads scenario files: parse the YAML (keeping positions), bind it to the parameter
/// records, validate everything, and only then hand out the immutable <see cref="Scenario"/>.
/// Every problem found on the way is reported together in one <see cref="ScenarioException"/>.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The <see cref="Diagnostic.File"/> of problems with <c>--set</c> overrides.</summary>
    public const string OverrideSource = "--set";

    private static readonly ConditionalWeakTable<Scenario, SourceMap> Sources = new();

    /// <summary>Reads, validates and builds the scenario in <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable, not UTF-8 text, or not a valid scenario.</exception>
    public static Scenario LoadFile(string path) => LoadFile(path, out _);

    /// <summary>
    /// Reads, validates and builds the scenario in <paramref name="path"/>, and hands out the text it was
    /// built from (to copy into a run's outputs without reading the file a second time, when it may have
    /// changed or gone).
    /// </summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable, not UTF-8 text, or not a valid scenario.</exception>
    public static Scenario LoadFile(string path, out string text)
    {
        var read = TextFile.Read(path, out var problem);
        if (problem is not null) throw new ScenarioException([problem]);
        text = read!;
        try
        {
            return Parse(text, path);
        }
        catch (ScenarioException) when (OtherKind(read!, path) is { } wrongKind)
        {
            throw new ScenarioException([wrongKind]);
        }
    }

    /// <summary>
    /// A sweep or calibration file given where a scenario belongs (<c>run</c>, <c>sensitivity</c>, ...): one problem that says
    /// what it is and which command runs it, instead of its keys listed as unknown to a scenario. Null for anything else.
    /// </summary>
    private static Diagnostic? OtherKind(string text, string path)
    {
        if (TopLevelKeys.Find(text, path, TopLevelKeys.Sweep) is { } sweep)
            return new Diagnostic(path, sweep.Line, sweep.Column, sweep.Key, $"this is a sweep file (its top level has '{sweep.Key}:'), not a scenario",
                $"run it with 'contentionsim sweep {path}', or give the scenario it varies (its 'base:')");
        if (TopLevelKeys.Find(text, path, TopLevelKeys.Calibration) is { } calibration)
            return new Diagnostic(path, calibration.Line, calibration.Column, calibration.Key, $"this is a calibration file (its top level has '{calibration.Key}:'), not a scenario",
                $"run it with 'contentionsim calibrate {path}', or give the scenario it calibrates (its 'scenario:')");
        return null;
    }

    /// <summary>Parses, validates and builds a scenario from YAML text; <paramref name="fileName"/> is used in diagnostics.</summary>
    /// <exception cref="ScenarioException">The text is not valid YAML or not a valid scenario.</exception>
    public static Scenario Parse(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        fileName ??= "";
        var diagnostics = new List<Diagnostic>();
        var document = YamlReader.Read(yamlText, fileName, diagnostics);
        if (document.SyntaxError) throw new ScenarioException(ScenarioValidator.Order(diagnostics));
        if (document.Empty)
        {
            diagnostics.Add(new Diagnostic(fileName, 1, 1, "",
                yamlText.Trim().Length == 0 ? "the scenario file is empty" : "the scenario file holds only comments, no keys",
                "write at least 'name: my-scenario' (every other key has a default); docs/scenarios.md lists all keys"));
            throw new ScenarioException(ScenarioValidator.Order(diagnostics));
        }
        if (document.Root is not YMapping)
        {
            diagnostics.Add(new Diagnostic(fileName, document.Root!.Line, document.Root.Column, "",
                $"expected the scenario's keys (name:, ticks:, movements:, ...) at the top level, found {document.Root.Describe()}",
                "start the file with 'name: my-scenario' and put the other keys below it, not indented"));
            throw new ScenarioException(ScenarioValidator.Order(diagnostics));
        }

        var map = new SourceMap(fileName);
        var binder = new Binder(fileName, diagnostics, map);
        int read = diagnostics.Count;
        binder.TryBind(typeof(Scenario), document.Root, "", new Scenario(), out var bound);
        var scenario = (Scenario)bound!;
        // A value the reader already complained about (an alias to nothing) is not reported again by the binder.
        var placed = diagnostics.Take(read).Select(d => (d.Line, d.Column)).ToHashSet();
        for (int i = diagnostics.Count - 1; i >= read; i--)
            if (placed.Contains((diagnostics[i].Line, diagnostics[i].Column))) diagnostics.RemoveAt(i);

        // A value that failed to bind kept its default; checks on it would only add noise.
        var failed = binder.FailedPaths.Concat(diagnostics.Select(d => d.Path)).Where(p => p.Length > 0).ToHashSet();
        diagnostics.AddRange(ScenarioValidator.Validate(scenario, map)
            .Where(d => !failed.Any(f => SourceMap.IsAtOrUnder(d.Path, f))));
        if (diagnostics.Count > 0) throw new ScenarioException(ScenarioValidator.Order(diagnostics));

        Sources.AddOrUpdate(scenario, map);
        return scenario;
    }

    /// <summary>
    /// Applies <c>key.path=value</c> assignments (as given to <c>--set</c>; a leading
    /// <c>--set</c> is accepted) in order and validates the result again. Paths are those of
    /// <see cref="ParameterPath"/>: <c>state.openness</c>, <c>movements.&lt;id&gt;.activists.count</c>,
    /// <c>movements[0].activists.grievance</c>. Values are read as YAML, so numbers, true/false,
    /// enum names, quoted text and even <c>{normal: [0.5, 0.1]}</c> work.
    /// </summary>
    /// <exception cref="ScenarioException">An assignment is malformed, names no parameter, does not fit its type, or the result does not validate.</exception>
    public static Scenario ApplyOverrides(Scenario scenario, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(assignments);
        var diagnostics = new List<Diagnostic>();
        var current = scenario;
        var map = SourceOf(scenario) ?? new SourceMap(ScenarioValidator.NoSource);
        bool any = false;

        foreach (var assignment in assignments)
        {
            any = true;
            if (Overrides.Parse(assignment, diagnostics) is var (key, valueText))
                Overrides.ApplyText(ref current, ref map, key, valueText, assignment, diagnostics, out _);
        }

        if (!any) return scenario;
        // Check what the valid assignments produced as well, so all problems come at once.
        var problems = ScenarioValidator.Validate(current, map);
        if (diagnostics.Count > 0 || problems.Count > 0) throw new ScenarioException([.. diagnostics, .. problems]);
        Sources.AddOrUpdate(current, map);
        return current;
    }

    /// <summary>
    /// Where the keys of <paramref name="scenario"/> were written, if it came from
    /// <see cref="Parse"/>, <see cref="LoadFile"/> or <see cref="ApplyOverrides"/>; else null.
    /// Pass it to <see cref="ScenarioValidator.Validate"/> for scenarios derived by other means.
    /// </summary>
    public static SourceMap? SourceOf(Scenario scenario) =>
        Sources.TryGetValue(scenario, out var map) ? map : null;
}
