using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Html;

namespace ContentionSim.Reporting.Tests;

public sealed class RunFolderTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Reading_a_run_folder_gives_back_the_records_that_were_written()
    {
        var result = TestRuns.Sample(events: true);
        RunOutputWriter.Write(result, _tmp["run"], new RunOutputOptions { ScenarioText = "name: x\n" });

        var run = RunFolder.Read(_tmp["run"]);

        Assert.Equal("Test wave", run.Name);
        Assert.Equal("week", run.TimeUnit);
        Assert.Equal(TestRuns.Seed.ToString(CultureInfo.InvariantCulture), run.Seed);
        Assert.Equal(TestRuns.Ticks, run.TicksRun);
        Assert.Equal("name: x\n", run.ScenarioText);
        Assert.Equal("scenario.yaml", run.ScenarioFile);
        Assert.Equal(result.StageEntries.Select(e => (e.Movement, e.Cycle, e.Stage, e.Tick, StageCriteria.Trigger(e, result.Scenario.Classifier))),
            run.StageEntries.Select(e => (e.Movement, e.Cycle, e.Stage, e.Tick, run.TriggerOf(e))));
        Assert.Equal(result.Cycles.Select(StageCriteria.OutcomeReason), run.Cycles.Select(run.ReasonOf));
        Assert.Equal(result.Cycles.Select(c => (c.Cycle, c.Outcome, c.EndTick, c.RepressionEvents, c.Concessions, c.Cooptations)),
            run.Cycles.Select(c => (c.Cycle, c.Outcome, c.EndTick, c.RepressionEvents, c.Concessions, c.Cooptations)));
        Assert.Equal(TestRuns.Ticks, run.Wave.Count);
        Assert.Equal(result.Series.Where(o => o.Movement == TickObservation.WaveId).Select(o => o.Stage), run.Wave.Select(o => o.Stage));
        Assert.Single(run.Events);
        Assert.Equal(["stages.png", "actors.png"], run.Figures.Select(f => f.Name));
        Assert.NotNull(run.Parameters);
        Assert.Equal(TestRuns.Activists, run.Parameters!.Movements[0].Activists.Count);
        Assert.Equal("Migrant support", run.MovementName(TickObservation.WaveId));
    }

    [Fact]
    public void Outcome_keys_read_back_as_outcomes()
    {
        foreach (var o in Enum.GetValues<Outcome>())
            Assert.Equal(o, RunFolder.OutcomeOf(StageText.Key(o)));
        Assert.Equal(Outcome.Ongoing, RunFolder.OutcomeOf("something new"));
    }

    [Fact]
    public void A_run_folder_missing_stages_csv_is_refused_with_what_to_do()
    {
        RunOutputWriter.Write(TestRuns.Sample(), _tmp["run"], new RunOutputOptions { Plots = false });
        File.Delete(_tmp["run/stages.csv"]);

        var e = Assert.Throws<ReportInputException>(() => RunFolder.Read(_tmp["run"]));

        Assert.Contains("stages.csv", e.Message);
        Assert.Contains("the scenario again", e.Message, StringComparison.OrdinalIgnoreCase); // the checksum check tells the file is missing
    }

    [Fact]
    public void Unreadable_parameters_leave_the_rest_readable()
    {
        RunOutputWriter.Write(TestRuns.Sample(), _tmp["run"], new RunOutputOptions { Plots = false });
        string manifest = File.ReadAllText(_tmp["run/run.json"]);
        File.WriteAllText(_tmp["run/run.json"], System.Text.RegularExpressions.Regex.Replace(manifest, "\"spillover\": [0-9.]+", "\"spillover\": \"lots\""));

        var run = RunFolder.Read(_tmp["run"]);

        Assert.Null(run.Parameters);
        Assert.NotEmpty(run.StageEntries);
        string html = RunReport.Build(run);
        Assert.Contains("could not be read by this version", html);
        Assert.Contains("How the cycle unfolded", html);
    }
}
