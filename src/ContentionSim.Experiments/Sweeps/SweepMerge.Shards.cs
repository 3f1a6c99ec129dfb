using ContentionSim.Reporting;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

// The shards' folders read and checked against each other (manifests, rows), and the merged manifest.
public static partial class SweepMerge
{
    private static List<ShardFolder> ReadShards(IReadOnlyList<string> folders)
    {
        var problems = new List<string>();
        var shards = new List<ShardFolder>();
        foreach (var folder in folders)
        {
            string path = Path.Combine(folder, SweepManifest.FileName);
            try
            {
                var manifest = SweepManifest.Read(path);
                if (manifest.Shard is null)
                {
                    problems.Add($"'{folder}' holds a whole sweep, not a shard (it was not run with --shard I/N); a merge takes the shard folders of one sweep");
                    continue;
                }
                shards.Add(new ShardFolder(folder, manifest, File.ReadAllBytes(path)));
            }
            catch (SweepFolderException e)
            {
                problems.Add(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"'{path}' cannot be read ({e.Message})");
            }
        }
        if (problems.Count == 0 && shards.Count == 0) problems.Add("no shard folders were given");
        if (problems.Count > 0) throw new SweepMergeException(problems);

        var reference = shards.OrderBy(s => s.Manifest.Shard!.Index).ThenBy(s => s.Folder, StringComparer.Ordinal).First();
        var m = reference.Manifest;
        foreach (var s in shards.Where(s => s.Manifest.Fingerprint != m.Fingerprint))
            problems.Add($"'{s.Folder}' is not a shard of the same sweep as '{reference.Folder}' (manifest fingerprints {Short(s.Manifest.Fingerprint)} and {Short(m.Fingerprint)}): " +
                         Differences(s.Manifest, m));
        if (problems.Count > 0) throw new SweepMergeException(problems);

        foreach (var group in shards.GroupBy(s => s.Manifest.Shard!.Count).Where(g => g.Key != m.Shard!.Count))
            problems.Add($"{string.Join(", ", group.Select(s => $"'{s.Folder}'"))} split the sweep into {group.Key} shards, but '{reference.Folder}' into {m.Shard!.Count}; " +
                         "merge the shards of one split (the same --shard …/N)");
        foreach (var s in shards.Where(s => s.Manifest.Series != m.Series))
            problems.Add($"'{s.Folder}' kept series '{SweepManifest.SeriesKey(s.Manifest.Series)}', '{reference.Folder}' '{SweepManifest.SeriesKey(m.Series)}': run every shard with the same --series");
        foreach (var s in shards.Where(s => s.Manifest.Plots != m.Plots))
            problems.Add($"'{s.Folder}' and '{reference.Folder}' have different figure settings (plots: in the sweep file): run every shard with the same sweep file");
        if (problems.Count > 0) throw new SweepMergeException(problems);

        int count = m.Shard!.Count;
        foreach (var group in shards.GroupBy(s => s.Manifest.Shard!.Index).Where(g => g.Count() > 1).OrderBy(g => g.Key))
            problems.Add($"shard {group.Key}/{count} is given twice: {string.Join(" and ", group.Select(s => $"'{s.Folder}'"))}; keep one of them");
        var present = shards.Select(s => s.Manifest.Shard!.Index).ToHashSet();
        string root = Parent(reference.Folder);
        for (int i = 0; i < count; i++)
        {
            if (present.Contains(i)) continue;
            var missing = new SweepShard(i, count);
            problems.Add($"shard {missing} is missing ({missing.RunCount(m.Grid.RunCount):N0} runs); run it with: {ResumeCommand(m, missing, root, resume: true)}");
        }
        if (problems.Count > 0) throw new SweepMergeException(problems);
        return shards;
    }

    /// <summary>The rows of a shard's runs.csv as written (a torn last line ignored), with their run index and status.</summary>
    private static (List<(long Run, string Line, bool Failed)> Rows, List<string> Problems) ReadRows(string folder, string header, int factorCount)
    {
        var rows = new List<(long, string, bool)>();
        var problems = new List<string>();
        string path = Path.Combine(folder, SweepRunsCsv.FileName);
        if (!File.Exists(path))
        {
            problems.Add($"'{path}' does not exist: the shard recorded no run");
            return (rows, problems);
        }
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"'{path}' cannot be read ({e.Message})");
            return (rows, problems);
        }
        if (!text.StartsWith(header, StringComparison.Ordinal))
        {
            problems.Add($"'{path}' does not start with the header of this sweep's runs.csv");
            return (rows, problems);
        }
        var seen = new HashSet<long>();
        int pos = header.Length, lineNumber = 1;
        while (pos < text.Length)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) break; // a torn last line: that run counts as not recorded
            lineNumber++;
            string line = text[pos..end];
            pos = end + 1;
            if (line.Length == 0) continue;
            try
            {
                var record = SweepRunsCsv.Parse(line, factorCount);
                if (seen.Add(record.Run)) rows.Add((record.Run, line, record.Failed));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                problems.Add($"'{path}' line {lineNumber} cannot be read ({e.Message})");
            }
        }
        return (rows, problems);
    }

    /// <summary>The merged manifest: the reference shard's, its state that of the whole sweep, <c>shard</c> replaced by <c>merged_from</c>.</summary>
    private static byte[] MergedManifest(IReadOnlyList<ShardFolder> shards, ShardFolder reference, long runs, long failed)
    {
        var root = JsonNode.Parse(reference.ManifestBytes)!.AsObject();
        root["state"] = new JsonObject
        {
            ["state"] = SweepManifest.Complete,
            ["runs_recorded"] = runs,
            ["runs_failed"] = failed,
            ["runs_planned"] = runs,
        };
        var from = new JsonArray();
        foreach (var s in shards.OrderBy(s => s.Manifest.Shard!.Index))
        {
            var m = JsonNode.Parse(s.ManifestBytes)!.AsObject();
            from.Add(new JsonObject
            {
                ["shard"] = s.Manifest.Shard!.ToString(),
                ["folder"] = Path.GetFullPath(s.Folder),
                ["runs"] = s.Manifest.Shard!.RunCount(s.Manifest.Grid.RunCount),
                ["runs_failed"] = s.Manifest.RunsFailed,
                ["git_commit"] = m["tool"]?["git_commit"]?.DeepClone(),
                ["runtime"] = m["runtime"]?.DeepClone(),
            });
        }
        int at = root.IndexOf("shard");
        root.Remove("shard");
        var merged = new JsonObject
        {
            ["count"] = shards.Count,
            ["selection"] = SweepManifest.ShardSelection,
            ["shards"] = from,
        };
        if (at >= 0) root.Insert(at, MergedFromKey, merged);
        else root[MergedFromKey] = merged;

        return ManifestJson.Document(w => root.WriteTo(w));
    }

    private static string Differences(SweepManifestData a, SweepManifestData b)
    {
        var reasons = new List<string>();
        if (a.SweepSha256 != b.SweepSha256) reasons.Add("the sweep files differ");
        if (a.BaseSha256 != b.BaseSha256) reasons.Add("the base scenarios differ");
        if (a.Grid.Replications != b.Grid.Replications) reasons.Add($"replications differ ({a.Grid.Replications} and {b.Grid.Replications})");
        if (!a.FixedSettings.SequenceEqual(b.FixedSettings))
            reasons.Add($"fixed settings differ ({string.Join(", ", a.FixedSettings)}; {string.Join(", ", b.FixedSettings)})");
        if (a.MasterSeed != b.MasterSeed) reasons.Add("the master seeds differ");
        if (reasons.Count == 0) reasons.Add("the tool versions or the resolved parameters differ");
        return string.Join("; ", reasons) + ". Run every shard with the same sweep file, options and contentionsim version";
    }
}
