using System.Globalization;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting;

namespace ContentionSim.Experiments.Methods;

/// <summary>
/// A <see cref="BatchEvaluator"/> on the batch runner with a durable log per stage: stage S of an analysis
/// writes <c>FOLDER/S/runs.csv</c> (the sweep's format: run, point, replication, seed, the parameters' values,
/// the metrics and outcomes, or the error of a failed run) as runs finish. Evaluating a stage again (the same
/// command after Ctrl-C or a kill) runs only the runs its log does not hold; a failed run is recorded and
/// counts as missing. Run r = replication × points + point; replication r has the same seed at every point.
/// The values returned are those read back from the log, so a resumed stage gives exactly what a fresh one does.
/// </summary>
public static class BatchEvaluation
{
    /// <summary>The log of a stage run on one machine (or by the final step of a job array): <c>STAGE/runs.csv</c>.</summary>
    public const string LogName = "runs.csv";

    /// <summary>
    /// The evaluator. With <paramref name="shard"/>, each stage runs only the shard's runs into the shard's own log
    /// and waits for the other shards' logs (see <see cref="AnalysisShard"/>); without, it runs every run that no log
    /// of the stage holds, into <see cref="LogName"/>.
    /// </summary>
    public static BatchEvaluator OnDisk(string folder, BatchOptions options, Action<string, BatchProgress>? progress = null, AnalysisShard? shard = null,
        Action<string>? say = null) => batch =>
    {
        string dir = Path.Combine(folder, batch.Stage);
        Directory.CreateDirectory(dir);
        int points = batch.Points.Count;
        long total = (long)points * batch.Replicates;
        var values = batch.Points.Select(p => (IReadOnlyList<string>)p.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var run = Batch.Create(total, r => batch.ScenarioOf((int)(r % points)), BatchSeeds.PerReplication(batch.Seed, points));
        BatchSummary summary;
        string own = Path.Combine(dir, shard?.LogName ?? LogName);
        using (var log = SweepRunLog.Open(own, batch.Paths))
        {
            var done = RecordedElsewhere(dir, own);
            done.UnionWith(log.Recorded.Select(r => r.Run));
            run = run.Except(shard is null ? done : [.. Enumerable.Range(0, (int)Math.Min(total, int.MaxValue)).Select(i => (long)i).Where(r => !shard.Owns(r) || done.Contains(r))]);
            summary = BatchRunner.Run(run, options with { Progress = p => { options.Progress?.Invoke(p); progress?.Invoke(batch.Stage, p); } },
                r => SweepRunRecord.Finished(r.Run, (int)(r.Run % points), (int)(r.Run / points), r.Seed, values[r.Run % points], r.Result, r.ElapsedMilliseconds),
                rec => log.Append(rec.Value ?? SweepRunRecord.FailedRun(rec.Run, (int)(rec.Run % points), (int)(rec.Run / points), rec.Seed, values[rec.Run % points], rec.Error ?? "failed", rec.ElapsedMilliseconds)));
        }
        if (summary.Interrupted) return null;
        if (shard is not null && !WaitForOthers(dir, total, shard, batch.Stage, say, options.Cancellation)) return null;
        // Read back what the logs hold, so that a resumed stage sees exactly the values a fresh one does
        // (runs.csv keeps six decimals).
        var records = Read(dir, total);
        if (records.Any(r => r is null)) return null;
        var y = new double[points][][];
        for (int i = 0; i < points; i++)
        {
            y[i] = new double[batch.Replicates][];
            for (int k = 0; k < batch.Replicates; k++) y[i][k] = Observables.Of(records[(long)k * points + i]!);
        }
        return y;
    };

    /// <summary>The logs of a stage: <see cref="LogName"/> first, then the shards' logs in name order.</summary>
    private static IEnumerable<string> Logs(string dir) =>
        Directory.EnumerateFiles(dir, "runs*.csv").Select(Path.GetFileName).OfType<string>()
            .Where(n => n == LogName || (n.StartsWith("runs-shard-", StringComparison.Ordinal) && !AtomicFile.IsTempName(n)))
            .OrderBy(n => n == LogName ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => Path.Combine(dir, n));

    /// <summary>Runs recorded by the stage's other logs (a finished or failed run counts as recorded).</summary>
    private static HashSet<long> RecordedElsewhere(string dir, string own)
    {
        var done = new HashSet<long>();
        foreach (var path in Logs(dir).Where(p => Path.GetFullPath(p) != Path.GetFullPath(own)))
            foreach (var r in SweepRunLog.Read(path).Records) done.Add(r.Run);
        return done;
    }

    /// <summary>Each run's record from the stage's logs (the first log holding it wins); null where none does.</summary>
    private static SweepRunRecord?[] Read(string dir, long total)
    {
        var records = new SweepRunRecord?[total];
        foreach (var path in Logs(dir))
            foreach (var r in SweepRunLog.Read(path).Records)
                if (r.Run >= 0 && r.Run < total) records[r.Run] ??= r;
        return records;
    }

    /// <summary>Waits until the stage's logs hold every run; false when cancelled or when nothing new came for the shard's wait.</summary>
    private static bool WaitForOthers(string dir, long total, AnalysisShard shard, string stage, Action<string>? say, CancellationToken cancellation)
    {
        long last = -1;
        var quiet = System.Diagnostics.Stopwatch.StartNew();
        bool told = false;
        while (true)
        {
            long have = Read(dir, total).Count(r => r is not null);
            if (have == total) return true;
            if (have != last)
            {
                last = have;
                quiet.Restart();
            }
            else if (quiet.Elapsed >= shard.Wait)
            {
                shard.WaitedOut = true;
                shard.WaitedOutAt = stage;
                return false;
            }
            if (!told)
            {
                say?.Invoke($"{stage}: shard {shard.Shard} has recorded its runs; waiting for the other shards ({have:N0} of {total:N0} runs recorded)");
                told = true;
            }
            if (cancellation.WaitHandle.WaitOne(shard.Poll)) return false;
        }
    }
}
