using System.Text.Json;

namespace ContentionSim.Reporting;

/// <summary>
/// The names of a sweep folder's files, declared once: the sweep machinery (ContentionSim.Experiments)
/// writes them, and <see cref="OutputGuard"/> keeps other commands' outputs off them. Reporting owns the
/// file formats; it never runs a sweep.
/// </summary>
public static class SweepFolderLayout
{
    /// <summary>The sweep's manifest.</summary>
    public const string Manifest = "manifest.json";
    /// <summary>One row per finished run.</summary>
    public const string Runs = "runs.csv";
    /// <summary>One row per point of the design.</summary>
    public const string Summary = "summary.csv";
    /// <summary>The sweep's figures.</summary>
    public const string PlotsFolder = "plots";
    /// <summary>The per-tick series kept for some runs.</summary>
    public const string SeriesFolder = "series";
    /// <summary>How a shard's folder name begins (<c>shard-I-of-N</c>).</summary>
    public const string ShardPrefix = "shard-";

    /// <summary>Whether <paramref name="dir"/> holds a sweep manifest that names a shard (its <c>shard</c> object).</summary>
    public static bool IsShard(string dir)
    {
        string manifest = Path.Combine(dir, Manifest);
        if (!File.Exists(manifest)) return false;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("shard", out var shard) && shard.ValueKind == JsonValueKind.Object;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }
    }
}
