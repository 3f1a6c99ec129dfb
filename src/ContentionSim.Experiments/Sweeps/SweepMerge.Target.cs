using ContentionSim.Reporting;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

// The merged folder: whether it may be written, and path and list helpers for messages.
public static partial class SweepMerge
{
    /// <summary>Whether <paramref name="target"/> exists with content to replace; throws when it may not be replaced.</summary>
    private static bool CheckTarget(string target, string fingerprint, bool force, List<string> notes)
    {
        OutputTarget.CheckPlace(target); // a file in its place or on its way, in every writer's words
        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any()) return false;
        if (OutputGuard.IsShardFolder(target))
            throw new OutputException(target, $"'{target}' is a shard of a sweep; merging into it would replace the shard's runs. Choose another --out.");
        string manifest = Path.Combine(target, SweepManifest.FileName);
        if (!File.Exists(manifest))
            throw new OutputException(target, $"'{target}' exists, is not empty and is not a sweep folder (it has no {SweepManifest.FileName}); choose another --out.");
        string? existing;
        try
        {
            existing = SweepManifest.Read(manifest).Fingerprint;
        }
        catch (SweepFolderException)
        {
            existing = null;
        }
        if (existing == fingerprint)
        {
            notes.Add($"replaced the earlier result of this same sweep in {target}");
            return true;
        }
        if (!force)
            throw new OutputException(target, $"'{target}' holds another sweep; use --force to replace it, or choose another --out.");
        notes.Add($"replaced the other sweep that was in {target} (--force)");
        return true;
    }

    private static string Full(string path)
    {
        try
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputException(path, $"'{path}' is not a valid folder path; choose another --out.", ex);
        }
    }

    /// <summary>The folder holding a shard folder (the <c>--out</c> its sweep was given).</summary>
    private static string Parent(string folder)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(folder);
        string? parent = Path.GetDirectoryName(trimmed);
        return string.IsNullOrEmpty(parent) ? "." : parent;
    }

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;

    private static string List(List<long> runs) =>
        string.Join(", ", runs.Take(8).Select(r => r.ToString(CultureInfo.InvariantCulture))) + (runs.Count > 8 ? $", … ({runs.Count - 8:N0} more)" : "");
}
