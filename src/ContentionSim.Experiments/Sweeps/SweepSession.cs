using ContentionSim.Reporting;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Batches;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>How a sweep session runs (see <see cref="SweepSession.Run"/>).</summary>
public sealed record SweepSessionOptions
{
    /// <summary>Continue the sweep recorded in the folder: skip its recorded runs.</summary>
    public bool Resume { get; init; }

    /// <summary>Draw the figures when the sweep is complete.</summary>
    public bool Plots { get; init; } = true;

    /// <summary>Called once with the number of runs to do, before the first run starts.</summary>
    public Action<long>? Starting { get; init; }

    /// <summary>How the runs are executed: parallelism, cancellation, progress, checks of each run's scenario (failures are always isolated).</summary>
    public BatchOptions Execution { get; init; } = new();

    /// <summary>The git commit recorded in the manifest; null looks it up from the current folder.</summary>
    public string? GitCommit { get; init; }

    /// <summary>
    /// Run only this shard of the sweep (<c>--shard I/N</c>); null runs the whole sweep. A shard's folder
    /// gets manifest.json (with the shard) and runs.csv (sorted once the shard is complete) and its
    /// series, but no summary or figures: <see cref="SweepMerge"/> writes those for the merged sweep.
    /// </summary>
    public SweepShard? Shard { get; init; }

    /// <summary>The command line, recorded with the folder's lock so that a second writer can be told who holds it.</summary>
    public string Command { get; init; } = "contentionsim sweep";
}

/// <summary>What a session did and where the sweep stands.</summary>
public sealed record SweepSessionResult
{
    public required string Folder { get; init; }
    /// <summary>Runs of the whole sweep (of the shard, when running one).</summary>
    public long Planned { get; init; }
    /// <summary>The shard run, or null for the whole sweep.</summary>
    public SweepShard? Shard { get; init; }
    /// <summary>Runs already recorded when the session started (resume).</summary>
    public long AlreadyRecorded { get; init; }
    /// <summary>Runs recorded by this session.</summary>
    public long Ran { get; init; }
    /// <summary>Failed runs recorded in the folder, over all sessions.</summary>
    public long FailedTotal { get; init; }
    /// <summary>Runs recorded in the folder, over all sessions.</summary>
    public long RecordedTotal { get; init; }
    /// <summary>Whether every run of the sweep is recorded.</summary>
    public bool Complete => RecordedTotal >= Planned;
    /// <summary>Whether the session was stopped (Ctrl-C) before the sweep was complete.</summary>
    public bool Interrupted { get; init; }
    /// <summary>Notes for the user (a torn last line cut off, duplicates ignored, nothing to resume).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>Files written (when complete).</summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];
}

/// <summary>The sweep folder's contents do not belong to the sweep being run.</summary>
public sealed class SweepMismatchException(string message) : Exception(message);

/// <summary>
/// Runs a sweep into a folder: manifest.json first, then every run appended to runs.csv as it finishes
/// (with its compact series where kept), then, once every run is recorded, runs.csv sorted by run
/// index, summary.csv and the figures. With <see cref="SweepSessionOptions.Resume"/> the runs already in
/// runs.csv are skipped, after checking that the folder belongs to the same sweep (same fingerprint).
/// </summary>
public static class SweepSession
{
    /// <exception cref="SweepFolderException">The folder is in use by something else, or its files are damaged.</exception>
    /// <exception cref="SweepMismatchException">Resuming a folder recorded by a different sweep.</exception>
    /// <exception cref="OutputException">A file cannot be written.</exception>
    public static SweepSessionResult Run(SweepSetup setup, string folder, SweepSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        string manifestPath = Path.Combine(folder, SweepManifest.FileName);
        string runsPath = Path.Combine(folder, SweepRunsCsv.FileName);

        // One writer at a time: a second sweep, a resume started while this one runs, or a requeued Slurm task is
        // refused at once instead of appending to runs.csv at its own offsets. The kernel releases the lock when
        // this process ends in any way, so a dead writer's lock never blocks. A folder that has a lock file is a
        // sweep's: its lock is taken first, so a writer at work is named before anything else is said. Any other
        // folder is checked before it is touched (one that is not ours gets no lock file), and again under the lock.
        FolderLock? taken = File.Exists(Path.Combine(folder, FolderLock.FileName)) ? FolderLock.Acquire(folder, options.Command) : null;
        bool occupied;
        try
        {
            if (taken is null)
            {
                CheckFolder(setup, folder, options);
                try
                {
                    Directory.CreateDirectory(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw OutputException.From(folder, e);
                }
            }
            taken ??= FolderLock.Acquire(folder, options.Command);
            occupied = CheckFolder(setup, folder, options);
        }
        catch
        {
            taken?.Dispose();
            throw;
        }
        using var held = taken;
        if (!occupied && options.Resume) notes.Add($"nothing to resume in {folder}: starting the sweep");

        string? commit = options.GitCommit ?? GitInfo.Commit(Environment.CurrentDirectory);
        var plan = setup.Plan;
        var shard = options.Shard;
        var keys = plan.Grid.Factors.Select(f => f.Key).ToArray();
        long planned = (shard ?? SweepShard.Whole).RunCount(plan.Grid.RunCount);
        long already, failedBefore;
        BatchSummary execution;
        if (!occupied) SweepManifest.Write(manifestPath, setup, SweepManifest.Running, 0, 0, commit, shard); // before any run is recorded
        using (var log = SweepRunLog.Open(runsPath, keys))
        {
            SweepData.CheckAgainstGrid(runsPath, log.Recorded, plan.Grid);
            var recorded = log.Recorded.Where(r => r.Run >= 0 && r.Run < plan.Grid.RunCount && (shard is null || shard.Contains(plan.Order, r.Run))).ToList();
            already = recorded.Count;
            failedBefore = recorded.Count(r => r.Failed);
            if (log.TornBytes > 0) notes.Add($"cut off an incomplete last line of runs.csv ({log.TornBytes} bytes): that run is run again");
            if (log.Duplicates > 0) notes.Add($"runs.csv lists {log.Duplicates} run(s) twice; the first of each is used");
            if (recorded.Count < log.Recorded.Count)
                notes.Add($"runs.csv holds {log.Recorded.Count - recorded.Count} run(s) outside this {(shard is null ? "sweep's grid" : "shard")}; they are ignored");
            SweepManifest.Write(manifestPath, setup, SweepManifest.Running, already, failedBefore, commit, shard);

            var done = recorded.Select(r => r.Run).ToHashSet();
            options.Starting?.Invoke(planned - done.Count);
            execution = SweepExecutor.Run(plan, log, new SweepSeriesChoice(Path.Combine(folder, SweepSeries.FolderName), setup.Series, setup.Plots.X),
                done, options.Execution, shard);
        }

        long total = already + execution.Recorded;
        long failedTotal = failedBefore + execution.Failed;
        bool complete = total >= planned;
        var files = new List<OutputFile>();
        if (complete)
        {
            SortRuns(runsPath);
            files.Add(new OutputFile(SweepRunsCsv.FileName, "a row per run: point, replication, seed, status, varied values, headline metrics, outcomes, error"));
            if (shard is null) files.AddRange(SweepReport.Write(folder, null, options.Plots)); // a shard's summary and figures come from the merge
            files.Add(new OutputFile(SweepManifest.FileName, "tool version, git commit, runtime, the sweep and base scenario (text and hash), the grid, the seed scheme"));
            if (setup.Series != SeriesMode.None && Directory.Exists(Path.Combine(folder, SweepSeries.FolderName)))
                files.Add(new OutputFile(SweepSeries.FolderName + "/", $"compact per-tick series (gzip CSV) of {(setup.Series == SeriesMode.All ? "every run" : "the runs at the lowest and highest x")}"));
        }
        SweepManifest.Write(manifestPath, setup, complete ? SweepManifest.Complete : SweepManifest.Interrupted, total, failedTotal, commit, shard);
        return new SweepSessionResult
        {
            Folder = folder,
            Planned = planned,
            Shard = shard,
            AlreadyRecorded = already,
            Ran = execution.Recorded,
            FailedTotal = failedTotal,
            RecordedTotal = total,
            Interrupted = !complete,
            Notes = notes,
            Files = files,
        };
    }

    /// <summary>Whether <paramref name="folder"/> holds something (its lock files aside); throws when this session may not write into it.</summary>
    private static bool CheckFolder(SweepSetup setup, string folder, SweepSessionOptions options)
    {
        string manifestPath = Path.Combine(folder, SweepManifest.FileName);
        string runsPath = Path.Combine(folder, SweepRunsCsv.FileName);
        OutputTarget.CheckPlace(Path.GetFullPath(folder)); // a file in its place or on its way: named, with the fix, as for every writer
        Litter.Clean(folder); // a killed writer's stale temporary files are ours to remove before the folder is judged, as OutputTarget.Check does
        bool occupied = Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(e => !FolderLock.IsLockFile(Path.GetFileName(e)));
        if (occupied && !options.Resume)
        {
            throw new SweepFolderException(folder, File.Exists(runsPath)
                ? "already holds a sweep; add --resume to continue it, or choose another --out"
                : "exists and is not empty; choose another --out");
        }
        if (occupied)
        {
            if (!File.Exists(manifestPath))
                throw new SweepFolderException(folder, "is not a sweep folder (it has no manifest.json); choose another --out");
            var recordedManifest = SweepManifest.Read(manifestPath);
            if (recordedManifest.Fingerprint != setup.Fingerprint())
                throw new SweepMismatchException(Mismatch(recordedManifest, setup, folder));
            if (recordedManifest.Shard != options.Shard)
                throw new SweepMismatchException($"'{folder}' holds {Describe(recordedManifest.Shard)} of this sweep, not {Describe(options.Shard)}. " +
                    $"Resume it with {(recordedManifest.Shard is null ? "no --shard" : $"--shard {recordedManifest.Shard}")}, or choose another --out");
        }
        return occupied;
    }

    /// <summary>Rewrites runs.csv (atomically) with its rows in run-index order.</summary>
    public static void SortRuns(string runsPath)
    {
        var text = File.ReadAllText(runsPath);
        int headerEnd = text.IndexOf('\n');
        if (headerEnd < 0) return;
        var rows = text[(headerEnd + 1)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (Run: long.Parse(line.AsSpan(0, line.IndexOf(',')), System.Globalization.CultureInfo.InvariantCulture), Line: line))
            .OrderBy(r => r.Run)
            .ToList();
        var sb = new System.Text.StringBuilder(text.Length);
        sb.Append(text, 0, headerEnd + 1);
        var seen = new HashSet<long>();
        foreach (var (run, line) in rows)
            if (seen.Add(run)) sb.Append(line).Append('\n');
        AtomicFile.WriteAllText(runsPath, sb.ToString());
    }

    private static string Describe(SweepShard? shard) => shard is null ? "the whole sweep" : $"shard {shard}";

    private static string Mismatch(SweepManifestData recorded, SweepSetup setup, string folder)
    {
        var reasons = new List<string>();
        if (recorded.SweepSha256 != RunManifest.Sha256(setup.SweepText)) reasons.Add("the sweep file has changed");
        if (recorded.BaseSha256 != RunManifest.Sha256(setup.BaseText)) reasons.Add("the base scenario has changed");
        if (recorded.Grid.Replications != setup.Plan.Grid.Replications)
            reasons.Add($"replications differ ({recorded.Grid.Replications} recorded, {setup.Plan.Grid.Replications} now)");
        if (!recorded.FixedSettings.SequenceEqual(setup.FixedSettings))
            reasons.Add($"fixed settings differ (recorded: {string.Join(", ", recorded.FixedSettings)}; now: {string.Join(", ", setup.FixedSettings)})");
        if (recorded.MasterSeed != setup.Plan.MasterSeed) reasons.Add("the master seed differs");
        if (reasons.Count == 0) reasons.Add("the tool version or the resolved parameters differ");
        return $"the sweep recorded in '{folder}' is not this sweep: {string.Join("; ", reasons)}. " +
               "Resume with the same sweep file and options (--replications, --ticks, --set), or choose another --out";
    }
}
