using System.Globalization;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Sweeps;

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
    public static BatchEvaluator OnDisk(string folder, BatchOptions options, Action<string, BatchProgress>? progress = null) => batch =>
    {
        string dir = Path.Combine(folder, batch.Stage);
        Directory.CreateDirectory(dir);
        int points = batch.Points.Count;
        var values = batch.Points.Select(p => (IReadOnlyList<string>)p.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var run = Batch.Create((long)points * batch.Replicates, r => batch.ScenarioOf((int)(r % points)), BatchSeeds.PerReplication(batch.Seed, points));
        var records = new SweepRunRecord?[(long)points * batch.Replicates];
        BatchSummary summary;
        using (var log = SweepRunLog.Open(Path.Combine(dir, "runs.csv"), batch.Paths))
        {
            foreach (var r in log.Recorded)
                if (r.Run >= 0 && r.Run < records.Length) records[r.Run] = r;
            run = run.Except(new HashSet<long>(log.Recorded.Select(r => r.Run)));
            summary = BatchRunner.Run(run, options with { Progress = p => { options.Progress?.Invoke(p); progress?.Invoke(batch.Stage, p); } },
                r => SweepRunRecord.Finished(r.Run, (int)(r.Run % points), (int)(r.Run / points), r.Seed, values[r.Run % points], r.Result, r.ElapsedMilliseconds),
                rec =>
                {
                    var row = rec.Value ?? SweepRunRecord.FailedRun(rec.Run, (int)(rec.Run % points), (int)(rec.Run / points), rec.Seed, values[rec.Run % points], rec.Error ?? "failed", rec.ElapsedMilliseconds);
                    log.Append(row);
                    records[rec.Run] = row;
                });
        }
        if (summary.Interrupted) return null;
        // Read back what the log holds, so that a resumed stage sees exactly the values a fresh one does
        // (runs.csv keeps six decimals).
        Array.Clear(records);
        foreach (var r in SweepRunLog.Read(Path.Combine(dir, "runs.csv")).Records)
            if (r.Run >= 0 && r.Run < records.Length) records[r.Run] ??= r;
        if (records.Any(r => r is null)) return null;
        var y = new double[points][][];
        for (int i = 0; i < points; i++)
        {
            y[i] = new double[batch.Replicates][];
            for (int k = 0; k < batch.Replicates; k++) y[i][k] = Observables.Of(records[(long)k * points + i]!);
        }
        return y;
    };
}
