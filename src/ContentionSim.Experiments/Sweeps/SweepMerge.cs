using ContentionSim.Reporting;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>How <see cref="SweepMerge.Merge"/> writes its result.</summary>
public sealed record SweepMergeOptions
{
    /// <summary>Draw the figures (as a single-machine sweep does).</summary>
    public bool Plots { get; init; } = true;

    /// <summary>
    /// Replace an output folder that holds another sweep. Without it, a non-empty output folder is
    /// replaced only when it holds this same sweep (same fingerprint), e.g. an earlier merge.
    /// </summary>
    public bool Force { get; init; }
}

/// <summary>What a merge wrote.</summary>
public sealed record SweepMergeResult
{
    public required string Folder { get; init; }
    public required string Name { get; init; }
    /// <summary>Number of shards merged (N).</summary>
    public int ShardCount { get; init; }
    /// <summary>Runs in the merged sweep (all of them: a merge needs every shard complete).</summary>
    public long Runs { get; init; }
    /// <summary>Of these, runs that failed (recorded with their error).</summary>
    public long Failed { get; init; }
    public IReadOnlyList<OutputFile> Files { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The shard folders cannot be merged: every problem found, each with how to fix it.</summary>
public sealed class SweepMergeException(IReadOnlyList<string> problems)
    : Exception(string.Join("\n", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Merges the folders of the N shards of a sweep (<c>sweep --shard I/N</c>) into one sweep folder that
/// is what a single-machine sweep writes: it checks that the shards are of the same sweep (the same
/// manifest fingerprint, the same N, the same series and figure settings), that each shard 0 … N−1 is
/// there exactly once and complete (each names its missing runs and the command that resumes it), then
/// writes runs.csv (every shard's rows, as recorded, sorted by run index), the kept series, and
/// summary.csv and the figures through <see cref="SweepReport"/>, the code a single-machine sweep uses.
/// runs.csv is then identical to a single-machine sweep's except the wall-clock <c>elapsed_ms</c>
/// column; summary.csv, the figures and the series files are identical byte for byte. The manifest is
/// the first shard's with the state of the whole sweep and, instead of <c>shard</c>, <c>merged_from</c>
/// (each shard's folder, git commit, runtime and counts). Everything is written into a staging folder
/// that is renamed into place when complete.
/// </summary>
public static partial class SweepMerge
{
    /// <summary>The manifest key that lists the merged shards.</summary>
    public const string MergedFromKey = "merged_from";

    private sealed record ShardFolder(string Folder, SweepManifestData Manifest, byte[] ManifestBytes);

    /// <summary>
    /// The shard folders named by <paramref name="paths"/>: a folder holding manifest.json is one; a
    /// folder without one is searched for subfolders named <c>shard-I-of-N</c> (what <c>sweep --shard</c>
    /// creates inside <c>--out</c>). The same folder named twice counts once.
    /// </summary>
    /// <exception cref="SweepMergeException">A path is neither.</exception>
    public static IReadOnlyList<string> ShardFolders(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<string>();
        var folders = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(Path.Combine(path, SweepManifest.FileName)))
            {
                folders.Add(path);
                continue;
            }
            if (!Directory.Exists(path))
            {
                problems.Add($"'{path}' does not exist: give the folders of the shards (or the --out folder that holds their shard-I-of-N folders)");
                continue;
            }
            var shards = Directory.EnumerateDirectories(path)
                .Select(d => (Dir: d, Shard: SweepShard.FromFolderName(Path.GetFileName(d))))
                .Where(d => d.Shard is not null)
                .OrderBy(d => d.Shard!.Count).ThenBy(d => d.Shard!.Index)
                .Select(d => d.Dir)
                .ToList();
            if (shards.Count == 0)
                problems.Add($"'{path}' is neither a shard folder (it has no {SweepManifest.FileName}) nor a folder holding shard-I-of-N folders");
            folders.AddRange(shards);
        }
        if (problems.Count > 0) throw new SweepMergeException(problems);
        return folders.DistinctBy(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).ToList();
    }

    /// <summary>Checks the shard folders and writes the merged sweep into <paramref name="outDir"/>.</summary>
    /// <param name="paths">Shard folders, or folders holding them (see <see cref="ShardFolders"/>).</param>
    /// <exception cref="SweepMergeException">The shards do not make one complete sweep; nothing is written.</exception>
    /// <exception cref="OutputException">The output cannot be written (or exists and holds something else).</exception>
    public static SweepMergeResult Merge(IReadOnlyList<string> paths, string outDir, SweepMergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        options ??= new SweepMergeOptions();
        var shards = ReadShards(ShardFolders(paths));
        var reference = shards.OrderBy(s => s.Manifest.Shard!.Index).First();
        var grid = reference.Manifest.Grid;
        var order = new SweepOrder(grid);
        int count = reference.Manifest.Shard!.Count;
        var keys = grid.Factors.Select(f => f.Key).ToArray();
        string header = SweepRunsCsv.HeaderLine(keys);

        // Every shard's rows, as recorded; each shard complete and holding only its own runs.
        var problems = new List<string>();
        var rows = new List<(long Run, string Line)>();
        var failed = 0L;
        foreach (var shard in shards.OrderBy(s => s.Manifest.Shard!.Index))
        {
            var s = shard.Manifest.Shard!;
            var (lines, rowProblems) = ReadRows(shard.Folder, header, keys.Length);
            problems.AddRange(rowProblems);
            if (rowProblems.Count > 0) continue;
            var foreign = lines.Where(l => !s.Contains(order, l.Run)).Select(l => l.Run).ToList();
            if (foreign.Count > 0)
                problems.Add($"'{shard.Folder}' records run(s) {List(foreign)}, which do not belong to shard {s} (was the folder renamed or copied?)");
            var have = lines.Select(l => l.Run).ToHashSet();
            var missing = s.Runs(order).Where(r => !have.Contains(r)).Order().ToList();
            if (missing.Count > 0)
                problems.Add($"shard {s} in '{shard.Folder}' is incomplete: {missing.Count:N0} of its {s.RunCount(grid.RunCount):N0} runs are not recorded " +
                             $"(run{(missing.Count == 1 ? "" : "s")} {List(missing)}); resume it with: {ResumeCommand(shard.Manifest, s, Parent(shard.Folder), resume: true)}");
            rows.AddRange(lines.Select(l => (l.Run, l.Line)));
            failed += lines.Count(l => l.Failed);
        }
        if (problems.Count > 0) throw new SweepMergeException(problems);
        rows.Sort((a, b) => a.Run.CompareTo(b.Run));
        for (int i = 1; i < rows.Count; i++)
            if (rows[i].Run == rows[i - 1].Run)
                throw new SweepMergeException([$"run {rows[i].Run} is recorded by two shards; the shard folders are not of one split of the sweep"]);

        var notes = new List<string>();
        string target = Full(outDir);
        foreach (var shard in shards)
            if (OutputGuard.IsInside(OutputGuard.Resolve(target), OutputGuard.Resolve(shard.Folder)))
                throw new OutputException(target, $"'{outDir}' is {(OutputGuard.Resolve(target) == OutputGuard.Resolve(shard.Folder) ? "" : "inside ")}the shard folder '{shard.Folder}', one of the inputs; " +
                                                  "the merged sweep goes in a folder of its own. Choose another --out, e.g. the shards' parent folder's sibling.");
        Litter.Clean(target);
        bool replacing = CheckTarget(target, reference.Manifest.Fingerprint, options.Force, notes);
        if (Path.GetDirectoryName(target) is null) throw new OutputException(target, $"Cannot write a sweep into '{target}'; choose a folder inside it with --out.");
        var files = new List<OutputFile>();
        StagingFolder.Write(target, stage =>
        {
            AtomicFile.WriteAllBytes(stage.File(SweepManifest.FileName), MergedManifest(shards, reference, grid.RunCount, failed));

            var runs = new StringBuilder(header, header.Length + rows.Sum(r => r.Line.Length + 1));
            foreach (var (_, line) in rows) runs.Append(line).Append('\n');
            AtomicFile.WriteAllText(stage.File(SweepRunsCsv.FileName), runs.ToString());
            files.Add(new OutputFile(SweepRunsCsv.FileName, "a row per run: point, replication, seed, status, varied values, headline metrics, outcomes, error"));

            string series = stage.File(SweepSeries.FolderName);
            if (reference.Manifest.Series != SeriesMode.None)
            {
                Directory.CreateDirectory(series);
                int copied = 0;
                foreach (var shard in shards)
                {
                    string from = Path.Combine(shard.Folder, SweepSeries.FolderName);
                    if (!Directory.Exists(from)) continue;
                    foreach (var file in Directory.EnumerateFiles(from).Order(StringComparer.Ordinal))
                    {
                        if (SweepSeries.RunOf(file) is not long run || !shard.Manifest.Shard!.Contains(order, run)) continue; // temporary or stray files
                        File.Copy(file, Path.Combine(series, Path.GetFileName(file)));
                        copied++;
                    }
                }
                files.Add(new OutputFile(SweepSeries.FolderName + "/",
                    $"compact per-tick series (gzip CSV) of {(reference.Manifest.Series == SeriesMode.All ? "every run" : "the runs at the lowest and highest x")} ({copied:N0} files)"));
            }

            stage.File(SweepSummary.FileName);
            files.AddRange(SweepReport.Write(stage.Path, null, options.Plots));
            files.Add(new OutputFile(SweepManifest.FileName, "the sweep's manifest (from shard 0), its state as a whole and the shards it was merged from"));
        },
        beforeCommit: () =>
        {
            if (!replacing && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
                throw new OutputException(target, $"'{target}' was filled while the merge was writing; choose another --out.");
        },
        keep: e => e is SweepFolderException);
        return new SweepMergeResult
        {
            Folder = target,
            Name = reference.Manifest.Name,
            ShardCount = count,
            Runs = rows.Count,
            Failed = failed,
            Files = files,
            Notes = notes,
        };
    }

    /// <summary>The command that runs (or, with <paramref name="resume"/>, resumes) shard <paramref name="shard"/> of the sweep of <paramref name="manifest"/>.</summary>
    public static string ResumeCommand(SweepManifestData manifest, SweepShard shard, string outRoot, bool resume)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(shard);
        var parts = new List<string> { "contentionsim", "sweep", Quote(manifest.SweepFile.Length > 0 ? manifest.SweepFile : "SWEEP_FILE"), "--shard", shard.ToString(), "--out", Quote(outRoot) };
        if (manifest.ReplicationsOverride is int r) parts.AddRange(["--replications", r.ToString(CultureInfo.InvariantCulture)]);
        if (manifest.TicksOverride is int t) parts.AddRange(["--ticks", t.ToString(CultureInfo.InvariantCulture)]);
        foreach (var s in manifest.SetOverrides) parts.AddRange(["--set", Quote(s)]);
        if (manifest.Series != SeriesMode.Extremes) parts.AddRange(["--series", SweepManifest.SeriesKey(manifest.Series)]);
        if (resume) parts.Add("--resume");
        return string.Join(' ', parts);
    }

    /// <summary>A word for a POSIX shell: as is when it has no special characters (glob brackets included), else in single quotes.</summary>
    public static string Quote(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',' or '+' or '@')
            ? s
            : "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
