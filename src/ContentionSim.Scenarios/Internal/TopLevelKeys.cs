namespace ContentionSim.Scenarios.Internal;

/// <summary>
/// Tells a sweep or a calibration file from a scenario by the keys at its top level, also when its YAML is broken,
/// so that a broken sweep or calibration gets its own kind's message (the calibration has a problem), not a scenario's.
/// </summary>
internal static class TopLevelKeys
{
    /// <summary>
    /// Whether the file at <paramref name="path"/> has one of <paramref name="keys"/> at its top level: in the parsed
    /// document, or, when its YAML has a syntax error, on a line that starts with the key and a colon. False when the
    /// file cannot be read (loading it then says why).
    /// </summary>
    public static bool AnyOf(string path, params string[] keys)
    {
        var text = TextFile.Read(path, out var problem);
        if (text is null || problem is not null) return false;
        var document = YamlReader.Read(text, path, []);
        if (document.Root is YMapping root) return root.Entries.Any(e => keys.Contains(e.Key.Value, StringComparer.Ordinal));
        return document.SyntaxError && text.Split('\n').Any(line => keys.Any(key => StartsWithKey(line, key)));
    }

    private static bool StartsWithKey(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) && line.AsSpan(key.Length).TrimStart(' ').StartsWith(":", StringComparison.Ordinal);
}
