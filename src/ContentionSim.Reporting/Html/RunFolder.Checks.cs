using System.Text.Json;

namespace ContentionSim.Reporting.Html;

// How a run folder's files are checked as they are read: run.json's size, types and checksums, and a damaged table turned into a message with the fix.
public sealed partial class RunFolder
{
    /// <summary>The largest run.json read (a real one is tens of kB).</summary>
    private const int MaxManifestBytes = 64 * 1024 * 1024;

    /// <summary>Runs a table reader; a damaged table (torn, other columns, a field that is not a number) becomes a message with the fix.</summary>
    private static T Checked<T>(Func<T> read, string rewrite)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new ReportInputException("", $"{e.Message}. The run folder is damaged; {rewrite}.", e);
        }
    }

    /// <summary>How to rewrite the folder: the run command with the scenario run.json names, if it names one.</summary>
    private static string RewriteHint(JsonElement manifest, string dir)
    {
        var scenario = manifest.TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        string? source = Text(scenario, "source_file");
        return source is { Length: > 0 } && manifest.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number
            ? $"rewrite it by running the scenario again: contentionsim run {Terminal.Safe(source)} --seed {seed.GetRawText()} --out {dir} --force"
            : "rewrite it by running the scenario again with --out and --force";
    }

    /// <summary>
    /// The values report and compare read from run.json have the types run.json gives them: a number written as
    /// text ("ticks_run": "100") is told with its line, not met later as an internal error.
    /// </summary>
    private static void CheckManifestTypes(JsonElement manifest, byte[] bytes, string path, string rewrite)
    {
        void Expect(JsonElement parent, string name, string where, bool nullable, params JsonValueKind[] kinds)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var v)) return;
            if (kinds.Contains(v.ValueKind) || (nullable && v.ValueKind == JsonValueKind.Null)) return;
            string found = v.ValueKind switch
            {
                JsonValueKind.String => $"the text \"{Terminal.Safe(Shorten(v.GetString() ?? ""))}\"",
                JsonValueKind.Object => "an object",
                JsonValueKind.Array => "a list",
                JsonValueKind.Null => "null",
                JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => v.GetRawText(),
            };
            string expected = kinds[0] switch { JsonValueKind.Number => "a number", JsonValueKind.String => "text", JsonValueKind.Array => "a list", _ => "an object" };
            int line = LineOf(bytes, where);
            throw new ReportInputException(path, $"{path}{(line > 0 ? $":{line}" : "")}: '{where}' is {found}, expected {expected}. The run folder is damaged or was edited; {rewrite}.");
        }

        Expect(manifest, "seed", "seed", false, JsonValueKind.Number);
        Expect(manifest, "ticks_run", "ticks_run", false, JsonValueKind.Number);
        Expect(manifest, "time_unit", "time_unit", false, JsonValueKind.String);
        Expect(manifest, "scenario", "scenario", false, JsonValueKind.Object);
        Expect(manifest, "movements", "movements", false, JsonValueKind.Array);
        Expect(manifest, "files", "files", false, JsonValueKind.Array);
        Expect(manifest, "headline", "headline", false, JsonValueKind.Object);
        if (manifest.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.Object)
            foreach (var p in h.EnumerateObject())
                switch (p.Name)
                {
                    case "outcomes": Expect(h, p.Name, "headline.outcomes", false, JsonValueKind.Array); break;
                    case "last_outcome": Expect(h, p.Name, "headline.last_outcome", false, JsonValueKind.String); break;
                    case "stage_durations":
                        Expect(h, p.Name, "headline.stage_durations", false, JsonValueKind.Object);
                        foreach (var d in p.Value.EnumerateObject()) Expect(p.Value, d.Name, $"headline.stage_durations.{d.Name}", false, JsonValueKind.Number);
                        break;
                    default: Expect(h, p.Name, $"headline.{p.Name}", true, JsonValueKind.Number); break;
                }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>1-based line of the property at dotted <paramref name="where"/> in the JSON <paramref name="bytes"/>, or 0.</summary>
    private static int LineOf(byte[] bytes, string where)
    {
        var want = where.Split('.');
        var path = new List<string>();
        string? pending = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = reader.GetString();
                        if (path.Count == want.Length - 1 && pending == want[^1] && path.SequenceEqual(want[..^1]))
                            return 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth == 0:
                        break; // the document itself
                    case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == 0:
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(pending ?? "[]");
                        pending = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        break;
                    default:
                        pending = null;
                        break;
                }
            }
        }
        catch (JsonException) { }
        return 0;
    }

    /// <summary>
    /// Each file run.json lists with a SHA-256 must be there and unchanged; a folder written before checksums
    /// were recorded is read without this check.
    /// </summary>
    private static void VerifyChecksums(JsonElement manifest, string dir, string rewrite)
    {
        if (!manifest.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) return;
        foreach (var f in files.EnumerateArray())
        {
            if (Text(f, "name") is not string name || Text(f, "sha256") is not string expected || !IsPlainFileName(name)) continue;
            string path = System.IO.Path.Combine(dir, name);
            if (!File.Exists(path))
                throw new ReportInputException(path, $"'{path}' is missing: run.json lists it as a file of the run. The run folder is incomplete; {rewrite}.");
            string actual;
            try
            {
                actual = RunManifest.Sha256File(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReportInputException(path, $"Could not read '{path}': {Terminal.Safe(e.Message)}", e);
            }
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                throw new ReportInputException(path,
                    $"'{path}' has changed since the run wrote it (its SHA-256 is not the one run.json records): it was edited, cut short or damaged. " +
                    $"Restore it from a copy, or {rewrite}.");
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(path, $"Could not read '{path}': {e.Message}", e);
        }
    }
}
