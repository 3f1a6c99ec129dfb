using ContentionSim.Experiments.Batches;
using System.Collections.Concurrent;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Experiments.Tests;

/// <summary>
/// Every file a sweep writes (runs.csv, the kept series, summary.csv, manifest.json), read back with
/// the readers <c>plot</c>, <c>merge</c> and <c>report</c> use, compared column by column with the
/// runs the model produced (the run's own files: Reporting.Tests' CatalogRoundTripTests).
/// </summary>
public sealed class SweepRoundTripTests : IDisposable
{
    private readonly SweepTempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Every_file_of_a_sweep_reads_back_with_every_column()
    {
        var results = new ConcurrentDictionary<ulong, RunResult>();
        string dir = _tmp.Combine("sweep");
        var setup = SweepTestSupport.Setup(SweepTestSupport.Plan(replications: 2), SeriesMode.All);
        SweepSession.Run(setup, dir, new SweepSessionOptions
        {
            Execution = new BatchOptions { Parallel = 2, Simulate = (s, o) => results[s.Seed] = Simulator.Run(s, o) },
            Plots = false,
        });

        // runs.csv: every metric of the catalog, the outcomes and the run's length.
        var (factorKeys, records) = SweepRunLog.Read(Path.Combine(dir, SweepRunsCsv.FileName));
        Assert.Equal(setup.Plan.Grid.RunCount, records.Count);
        foreach (var record in records)
        {
            var result = results[record.Seed];
            for (int i = 0; i < SweepMetrics.All.Count; i++)
            {
                var m = SweepMetrics.All[i];
                Assert.Equal(m.Of(result) is double v ? SweepRunsCsv.FormatMetric(m, v) : null,
                    record.Metrics[i] is double r ? SweepRunsCsv.FormatMetric(m, r) : null);
            }
            Assert.Equal(result.Headline.Outcomes, record.Outcomes);
            Assert.Equal(result.Headline.LastOutcome, record.LastOutcome);
            Assert.Equal(result.TicksRun, record.TicksRun);

            // series/run-N.csv.gz: the wave's kept columns.
            var kept = SweepSeries.Read(Path.Combine(dir, SweepSeries.FolderName, SweepSeries.FileName(record.Run)));
            var wave = result.Series.Where(o => o.Movement == TickObservation.WaveId).ToList();
            Assert.Equal(wave.Select(o => (o.Tick, o.Stage, o.Cycle)), kept.Select(t => (t.Tick, t.Stage, t.Cycle)));
            Assert.Equal(wave.Select(o => SweepSeries.Kept.Select(k => CsvWriter.FormatNumber(k.Of(o)))),
                kept.Select(t => new[] { t.Participation, t.RadicalShare, t.OutsidePressure, t.EffectiveOpenness }.Select(CsvWriter.FormatNumber)));
        }

        // summary.csv: what the records read back imply, column for column.
        string summary = File.ReadAllText(Path.Combine(dir, SweepSummary.FileName));
        Assert.Equal(summary, Rewrite(w => SweepSummary.Write(w, factorKeys, SweepSummary.Compute(setup.Plan.Grid, records))));
        Assert.Equal(SweepSummary.Header(factorKeys), CsvTable.Parse(summary).Header);

        // manifest.json: read back as plot and report read it.
        var data = SweepData.Load(dir);
        Assert.Equal(setup.Plots.Heatmap, data.Manifest.Plots.Heatmap);
        Assert.Equal(records.Count, data.Records.Count);
    }

    private static string Rewrite(Action<TextWriter> write)
    {
        using var w = new StringWriter { NewLine = "\n" };
        write(w);
        return w.ToString();
    }
}
