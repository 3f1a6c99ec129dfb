using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Internal;

/// <summary>
/// How a file names the scenario it is about: a sweep's <c>base:</c>, a calibration's <c>scenario:</c>.
/// <paramref name="Key"/> is the key, <paramref name="Name"/> what the messages call the scenario ("base scenario"),
/// <paramref name="Owner"/> the kind of file that names it ("sweep"), <paramref name="Example"/> a path for the fix.
/// </summary>
internal sealed record ScenarioFileReference(string Key, string Name, string Owner, string Example)
{
    /// <summary>The scenario read from a referenced file: its path as shown in messages, its text, the scenario and where its values are in the file.</summary>
    public sealed record Loaded(string File, string Text, Scenario Scenario, SourceMap Map);

    /// <summary>
    /// Reads and parses the scenario that <paramref name="entry"/> of <paramref name="referringFile"/> names,
    /// by a path relative to <paramref name="referringFile"/>'s folder (or absolute). On failure adds
    /// diagnostics at the entry's value (why it cannot be read, with the reader's fix; or that the scenario
    /// has problems, followed by those problems under the scenario's own file name) and returns null.
    /// </summary>
    public Loaded? Load(string referringFile, YEntry entry, List<Diagnostic> diagnostics)
    {
        string relative = $"relative to the {Owner} file's folder";
        if (entry.Value is not YScalar { IsNull: false } scalar)
        {
            diagnostics.Add(new Diagnostic(referringFile, entry.Value.Line, entry.Value.Column, Key,
                $"expected the path of a scenario file, found {entry.Value.Describe()}", $"write e.g. '{Key}: {Example}' ({relative})"));
            return null;
        }
        string given = scalar.Value.Trim();
        string folder = Path.GetDirectoryName(referringFile) ?? "";
        string resolved = Path.IsPathRooted(given) ? given : Path.Combine(folder, given);
        string shown = Path.IsPathRooted(given) ? given : Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(resolved));
        var text = TextFile.Read(resolved, out var problem);
        if (problem is not null)
        {
            diagnostics.Add(new Diagnostic(referringFile, scalar.Line, scalar.Column, Key,
                $"the {Name} '{given}' ({shown}) cannot be read: {problem.Message.TrimEnd('.')}",
                problem.Fix is null ? $"the path is {relative}" : $"{problem.Fix.TrimEnd('.')} (the path is {relative})"));
            return null;
        }
        try
        {
            var scenario = ScenarioLoader.Parse(text!, shown);
            return new Loaded(shown, text!, scenario, ScenarioLoader.SourceOf(scenario) ?? new SourceMap(shown));
        }
        catch (ScenarioException e)
        {
            diagnostics.Add(new Diagnostic(referringFile, scalar.Line, scalar.Column, Key,
                $"the {Name} '{given}' has {e.Diagnostics.Count} problem{(e.Diagnostics.Count == 1 ? "" : "s")}, listed with its file name",
                $"fix the {Name} (contentionsim validate checks it on its own)"));
            diagnostics.AddRange(e.Diagnostics);
            return null;
        }
    }
}
