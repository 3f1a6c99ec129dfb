namespace ContentionSim.Scenarios;

/// <summary>A position in a scenario source: file, 1-based line and column (0 when unknown).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column);

/// <summary>
/// Where each key of a loaded scenario was written (key path → position), kept so that
/// validation of a derived scenario (an override, a sweep point) can still point at the
/// line of the key. Paths use list indices: <c>movements[0].activists.count</c>.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> _entries;

    internal SourceMap(string file) : this(file, new Dictionary<string, SourceLocation>(StringComparer.Ordinal)) { }

    private SourceMap(string file, Dictionary<string, SourceLocation> entries)
    {
        File = file;
        _entries = entries;
    }

    /// <summary>The file the scenario was read from.</summary>
    public string File { get; }

    /// <summary>
    /// Position of <paramref name="path"/>, or of the nearest enclosing key that was written
    /// (a default value points at its section); line 0 if nothing on the way was written.
    /// </summary>
    public SourceLocation Locate(string path)
    {
        for (string? p = path; p is not null; p = Parent(p))
            if (_entries.TryGetValue(p, out var location)) return location;
        return new SourceLocation(File, 0, 0);
    }

    /// <summary>Whether <paramref name="path"/> itself (not just a parent) was written.</summary>
    public bool Contains(string path) => _entries.ContainsKey(path);

    internal void Set(string path, SourceLocation location) => _entries[path] = location;

    internal void Set(string path, int line, int column) => _entries[path] = new SourceLocation(File, line, column);

    /// <summary>A copy in which <paramref name="path"/> and everything under it come from <paramref name="location"/>.</summary>
    internal SourceMap Overridden(string path, SourceLocation location)
    {
        var copy = new Dictionary<string, SourceLocation>(_entries, StringComparer.Ordinal);
        foreach (var key in copy.Keys.Where(k => IsAtOrUnder(k, path)).ToList()) copy.Remove(key);
        copy[path] = location;
        return new SourceMap(File, copy);
    }

    /// <summary>The enclosing path: <c>a.b[2]</c> → <c>a.b</c>, <c>a.b</c> → <c>a</c>, <c>a</c> → "", "" → null.</summary>
    internal static string? Parent(string path)
    {
        if (path.Length == 0) return null;
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestor"/> or lies under it.</summary>
    internal static bool IsAtOrUnder(string path, string ancestor) =>
        ancestor.Length == 0
        || path == ancestor
        || (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length && path[ancestor.Length] is '.' or '[');
}
