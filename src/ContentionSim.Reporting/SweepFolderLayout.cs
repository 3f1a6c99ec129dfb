using System.Text.Json;

namespace ContentionSim.Reporting;

/// <summary>
/// The names in a sweep folder, as far as Reporting needs them (the sweep page of <c>report</c> and the guards
/// that keep outputs off their inputs). The analysis project writes these folders and takes its names from here.
/// </summary>
public static class SweepFolderLayout
{
    /// <summary>The manifest: settings, grid, seed scheme, state, and a <c>shard</c> object in a shard's folder.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>A row per run.</summary>
    public const string Runs = "runs.csv";

    /// <summary>A row per point: mean, spread and interval of every metric.</summary>
    public const string Summary = "summary.csv";

    /// <summary>The folder of the figures.</summary>
    public const string Plots = "plots";

    /// <summary>The folder of the compact per-tick series.</summary>
    public const string Series = "series";

    /// <summary>Whether <paramref name="dir"/> holds a sweep manifest that says it is one shard of a sweep (false when it cannot be read).</summary>
    public static bool IsShard(string dir)
    {
        string manifest = Path.Combine(dir, Manifest);
        if (ContentionSim.Shared.FileKinds.Of(manifest) != ContentionSim.Shared.FileKind.Regular) return false;
        try
        {
            // A manifest is kilobytes; a huge file here is not ours (and is not read into memory).
            if (new FileInfo(manifest).Length > 256 * 1024 * 1024) return false;
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
                && (format.GetString() ?? "").StartsWith("contentionsim-sweep/", StringComparison.Ordinal)
                && root.TryGetProperty("shard", out var shard) && shard.ValueKind == JsonValueKind.Object;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
