using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Reporting.Csv;
using ContentionSim.Reporting.Html;

namespace ContentionSim.Reporting.Tests;

/// <summary>
/// Every file a run writes, read back with the readers that <c>report</c> and <c>compare</c> use, compared column by column with what the model produced: a column the writer
/// writes and the reader drops (as <c>repression_level</c> once was) fails here.
/// </summary>
public sealed class CatalogRoundTripTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Numbers are written with six decimals.</summary>
    private const double Written = 5.000001e-7;

    /// <summary>Two movements, organizations, allies abroad and a scheduled event: every file of a run has rows.</summary>
    private static RunResult SimulateWave() => Simulator.Run(new Scenario
    {
        Name = "round trip",
        Seed = 11,
        Ticks = 160,
        Movements =
        [
            new MovementParameters
            {
                Id = "a", Activists = new ActivistParameters { Count = 500, Grievance = Distribution.Beta(0.5, 0.15) },
                Organizations = [new OrganizationGroupParameters { PerThousandActivists = 6, Framing = 0.4, Mobilization = 0.4, Lobbying = 0.5 }],
            },
            new MovementParameters { Id = "b", Activists = new ActivistParameters { Count = 300 } },
        ],
        State = new StateParameters { Openness = 0.3, RepressionPropensity = 0.6, Responsiveness = 0.4, Vulnerability = 0.7 },
        Transnational = new TransnationalParameters { AllianceProbability = 0.3 },
        Events = [new ScheduledEvent { At = 40, Set = "state.openness", Value = 0.6, Label = "opening" }],
    }, new RunOptions { Threads = 1 });

    [Fact]
    public void Every_file_of_a_run_reads_back_with_every_column()
    {
        var result = SimulateWave();
        Assert.NotEmpty(result.StageEntries); // premises: every table has rows
        Assert.NotEmpty(result.Organizations);
        Assert.NotEmpty(result.Events);
        Assert.Contains(result.Series, o => o.RepressionLevel > 0);
        Assert.Contains(result.Series, o => o.FacilitationLevel > 0);
        string dir = _tmp["run"];
        RunOutputWriter.Write(result, dir, new RunOutputOptions { Plots = false, ScenarioText = "name: round trip\n" });
        CsvTable Table(string file) => CsvTable.Read(Path.Combine(dir, file));
        string Text(string file) => File.ReadAllText(Path.Combine(dir, file));

        // timeseries.csv: the keys and every observable of the catalog, every movement.
        var ts = Table(RunOutputWriter.TimeseriesFile);
        Assert.Equal([.. new[] { "tick", "movement", "stage", "stage_name", "cycle" }, .. Observables.All.Select(o => o.Name)], ts.Header);
        var series = RunCsv.ReadTimeseries(ts);
        Assert.Equal(result.Series.Count, series.Count);
        for (int i = 0; i < series.Count; i++)
        {
            var (a, b) = (result.Series[i], series[i]);
            Assert.Equal((a.Tick, a.Movement, a.Stage, a.Cycle), (b.Tick, b.Movement, b.Stage, b.Cycle));
            foreach (var o in Observables.All)
                Assert.True(Math.Abs(o.Of(a) - o.Of(b)) <= Written, $"row {i}, {o.Name}: wrote {o.Of(a)}, read {o.Of(b)}");
        }
        Assert.Equal(Text(RunOutputWriter.TimeseriesFile), Rewrite(w => RunCsv.WriteTimeseries(result with { Series = series }, w)));

        // stages.csv and cycles.csv: the numbers and the words.
        var stages = RunCsv.ReadStages(Table(RunOutputWriter.StagesFile));
        Assert.Equal(result.StageEntries.Select(e => (e.Movement, e.Cycle, e.Stage, e.Tick, StageCriteria.Trigger(e, result.Scenario.Classifier))),
            stages.Select(x => (x.Entry.Movement, x.Entry.Cycle, x.Entry.Stage, x.Entry.Tick, x.Trigger)));
        Assert.All(result.StageEntries.Zip(stages), p =>
        {
            Assert.Equal(p.First.Participation, p.Second.Entry.Participation, Written);
            Assert.Equal(p.First.InteractionRate, p.Second.Entry.InteractionRate, Written);
            Assert.Equal((p.First.SectorsEngaged, p.First.ViolentActs, p.First.Cooptations, p.First.RepressionEvents, p.First.FacilitationEvents),
                (p.Second.Entry.SectorsEngaged, p.Second.Entry.ViolentActs, p.Second.Entry.Cooptations, p.Second.Entry.RepressionEvents, p.Second.Entry.FacilitationEvents));
        });
        var cycles = RunCsv.ReadCycles(Table(RunOutputWriter.CyclesFile));
        Assert.Equal(result.Cycles.Select(c => (c.Movement, c.Cycle, c.Outcome, c.StartTick, c.PeakTick, c.EndTick, c.HighestStage, StageCriteria.OutcomeReason(c))),
            cycles.Select(x => (x.Cycle.Movement, x.Cycle.Cycle, x.Cycle.Outcome, x.Cycle.StartTick, x.Cycle.PeakTick, x.Cycle.EndTick, x.Cycle.HighestStage, x.Reason)));
        Assert.Equal(result.Cycles.Select(c => c.StageDurations.Skip(1)), cycles.Select(x => x.Cycle.StageDurations.Skip(1)));
        Assert.Equal(Text(RunOutputWriter.StagesFile), Rewrite(w => RunCsv.WriteStages(stages, cycles.Select(x => x.Cycle), w)));
        Assert.Equal(Text(RunOutputWriter.CyclesFile), Rewrite(w => RunCsv.WriteCycles(cycles, w)));

        // organizations.csv and events.csv.
        var organizations = RunCsv.ReadOrganizations(Table(RunOutputWriter.OrganizationsFile));
        Assert.Equal(result.Organizations.Select(o => (o.Id, o.Movement, o.Kind, o.Means, o.PublicInformation, o.Members, o.AlliancesFormed)),
            organizations.Select(o => (o.Id, o.Movement, o.Kind, o.Means, o.PublicInformation, o.Members, o.AlliancesFormed)));
        Assert.Equal(Text(RunOutputWriter.OrganizationsFile), Rewrite(w => RunCsv.WriteOrganizations(result with { Organizations = organizations }, w)));
        var events = RunCsv.ReadEvents(Table(RunOutputWriter.EventsFile));
        Assert.Equal(result.Events, events);
        Assert.Equal(Text(RunOutputWriter.EventsFile), Rewrite(w => RunCsv.WriteEvents(result with { Events = events }, w)));

        // run.json's headline: every headline metric of the catalog.
        using var manifest = JsonDocument.Parse(Text(RunOutputWriter.ManifestFile));
        var headline = manifest.RootElement.GetProperty("headline");
        foreach (var m in Metrics.OfHeadline)
        {
            double? wrote = m.Of(result.Headline), read = RunManifest.ReadMetric(headline, m);
            Assert.True(wrote is null ? read is null : read is double r && Math.Abs(r - wrote.Value) <= Written, $"{m.Name}: wrote {wrote}, read {read}");
        }

        // What report and compare read: the folder with the wave's series and the headline.
        var folder = RunFolder.Read(dir);
        Assert.Equal(result.Series.Where(o => o.Movement == TickObservation.WaveId).Select(o => (o.Tick, o.RepressionLevel, o.FacilitationLevel)),
            folder.Wave.Select(o => (o.Tick, o.RepressionLevel, o.FacilitationLevel)), (x, y) => x.Tick == y.Tick
                && Math.Abs(x.RepressionLevel - y.RepressionLevel) <= Written && Math.Abs(x.FacilitationLevel - y.FacilitationLevel) <= Written);
        Assert.Equal(result.Headline.PeakParticipation, folder.Metric(Metrics.PeakParticipation)!.Value, Written);
    }

    private static string Rewrite(Action<TextWriter> write)
    {
        using var w = new StringWriter { NewLine = "\n" };
        write(w);
        return w.ToString();
    }
}
