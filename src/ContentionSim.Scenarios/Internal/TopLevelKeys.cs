namespace ContentionSim.Scenarios.Internal;

/// <summary>
/// Tells a sweep or a calibration file from a scenario by the keys at its top level, also when its YAML is broken,
/// so that a broken sweep or calibration gets its own kind's message (the calibration has a problem), not a scenario's,
/// and a sweep or calibration given where a scenario belongs is named as what it is.
/// </summary>
internal static class TopLevelKeys
{
    /// <summary>The keys only a sweep file has at its top level.</summary>
    public static readonly string[] Sweep = ["base", "vary"];

    /// <summary>The keys only a calibration file has at its top level.</summary>
    public static readonly string[] Calibration = ["free", "targets"];

    /// <summary>
    /// Whether the file at <paramref name="path"/> has one of <paramref name="keys"/> at its top level (see <see cref="Find"/>).
    /// False when the file cannot be read (loading it then says why).
    /// </summary>
    public static bool AnyOf(string path, string[] keys)
    {
        var text = TextFile.Read(path, out var problem);
        return text is not null && problem is null && Find(text, path, keys) is not null;
    }

    /// <summary>
    /// The first of <paramref name="keys"/> at the top level of <paramref name="text"/>, with its line and column: in the
    /// parsed document, or, when its YAML has a syntax error, on a line that starts with the key and a colon. Null if none.
    /// </summary>
    public static (string Key, int Line, int Column)? Find(string text, string file, string[] keys)
    {
        var document = YamlReader.Read(text, file, []);
        if (document.Root is YMapping root)
            return root.Entries.FirstOrDefault(e => keys.Contains(e.Key.Value, StringComparer.Ordinal)) is { } entry
                ? (entry.Key.Value, entry.Key.Line, entry.Key.Column)
                : null;
        if (!document.SyntaxError) return null;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
            foreach (var key in keys)
                if (StartsWithKey(lines[i], key)) return (key, i + 1, 1);
        return null;
    }

    private static bool StartsWithKey(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) && line.AsSpan(key.Length).TrimStart(' ').StartsWith(":", StringComparison.Ordinal);
}
