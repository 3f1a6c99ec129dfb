extern alias reporting;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios;
using Palette = reporting::ContentionSim.Reporting.Plots.Palette;

namespace ContentionSim.Classroom.Tests;

/// <summary>The page's logic without a browser: changes, events, exports.</summary>
public class SessionTests
{
    private static Session Open(string file)
    {
        var session = new Session();
        var shipped = session.Shipped.Single(s => s.File == file);
        session.Load(shipped.File, shipped.Text);
        return session;
    }

    [Fact]
    public void Every_shipped_scenario_is_embedded_and_loads()
    {
        var session = new Session();
        var onDisk = Directory.GetFiles(Path.Combine(Support.RepoRoot(), "scenarios"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(Support.RepoRoot(), "scenarios", "teaching"), "*.yaml"))
            .Select(f => Path.GetRelativePath(Support.RepoRoot(), f).Replace('\\', '/')).Order().ToArray();
        Assert.Equal(onDisk, session.Shipped.Select(s => s.File).ToArray());
        foreach (var s in session.Shipped) session.Load(s.File, s.Text);
    }

    [Fact]
    public void Every_stage_the_live_run_entered_is_named_on_its_stage_plot_however_short()
    {
        var session = Open("scenarios/teaching/1-tight-state.yaml");
        var run = session.Run;
        // a one-week stage 5 after a long stage 4: too narrow to hold its number, named in the second row
        Band four = new(1, Core.Stages.Stage.ExhaustionAndPolarization, 10, 100), five = new(1, Core.Stages.Stage.ViolenceAndInstitutionalization, 101, 101);
        var labels = Figures.Labelled(run, [four, five]);
        Assert.Equal(0, labels[four]);
        Assert.Equal(1, labels[five]);

        while (!run.Finished) run.Step();
        var bands = Figures.Bands(run);
        Assert.NotEmpty(bands);
        var labelled = Figures.Labelled(run, bands);
        Assert.Equal(bands.Select(b => b.Stage).Distinct().Order(), labelled.Keys.Select(b => b.Stage).Distinct().Order());
        Assert.All(labelled.Keys, b => Assert.Contains(b, bands));
    }

    [Fact]
    public void Controls_take_their_range_and_words_from_the_parameter_schema()
    {
        foreach (var c in Controls.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Param.Description));
            Assert.True(c.Max > c.Min, c.Id);
        }
        Assert.Equal("0 to 1 (probability)", Controls.Get("alliance").Range);
        Assert.Equal(0.02, Controls.Get("alliance").ValueIn(new Scenario()));
    }

    [Fact]
    public void A_change_before_the_start_edits_the_scenario_and_a_change_during_the_run_is_an_event_at_the_next_tick()
    {
        var session = Open("scenarios/wave.yaml");
        session.Set(Controls.Get("clustering"), 0.4);
        Assert.Equal(0.4, session.Base.Network.Rewiring);
        Assert.Equal(0, session.Run.Tick);
        for (int t = 0; t < 20; t++) session.Run.Step();
        session.Set(Controls.Get("grievance"), 0.3);
        // one event per movement, at tick 21, named by movement id
        var added = session.Run.Added;
        Assert.Equal(session.Base.Movements.Count, added.Count);
        Assert.All(added, e => Assert.Equal(21, e.At));
        Assert.Equal(session.Base.Movements.Select(m => $"movements.{m.Id}.grievance_shift"), added.Select(e => e.Set));
        Assert.Throws<InvalidOperationException>(() => session.Set(Controls.Get("clustering"), 0.9));
        session.Run.Step();
        Assert.All(session.Run.Current.Movements, m => Assert.Equal(0.3, m.GrievanceShift));
        Assert.Contains(session.Changes, c => c.Tick == 21 && c.Text.Contains("Grievance shift"));
    }

    [Fact]
    public void The_exported_scenario_replays_the_page_run_to_the_same_timeseries()
    {
        var session = Open("scenarios/teaching/1-tight-state.yaml");
        session.Set(Controls.Get("openness"), 0.3);
        for (int t = 0; t < 40; t++) session.Run.Step();
        session.Set(Controls.Get("openness"), 0.9);
        session.Apply(Shocks.All.Single(s => s.Id == "ally"));
        for (int t = 0; t < 40; t++) session.Run.Step();
        session.Apply(Shocks.All.Single(s => s.Id == "crackdown"));
        for (int t = 0; t < 30; t++) session.Run.Step();

        string yaml = session.ExportYaml();
        var replay = ScenarioLoader.Parse(yaml, "export.yaml");
        Assert.Equal(0.3, replay.State.Openness); // set before the start: in place
        Assert.Contains(replay.Events, e => e.At == 41 && e.Set == "state.openness" && e.Value == 0.9);
        Assert.Contains(replay.Events, e => e.At == 81 && e.Set == "state.repression_propensity" && e.Value == 0.95);

        var result = Simulator.Run(replay with { Ticks = session.Run.Tick }, new RunOptions { Threads = 2 });
        var csv = new StringWriter { NewLine = "\n" };
        reporting::ContentionSim.Reporting.Csv.RunCsv.WriteTimeseries(result, csv);
        Assert.Equal(csv.ToString(), session.ExportTimeseries());
    }

    [Fact]
    public void The_page_colours_are_the_reports_palette()
    {
        Assert.Equal(Palette.Stages, Colours.Stages);
        Assert.Equal(Palette.Statuses, Colours.Statuses);
    }

    [Fact]
    public void A_bad_upload_names_the_place_and_keeps_the_scenario_loaded()
    {
        var session = Open("scenarios/open-pos.yaml");
        var ex = Assert.Throws<ScenarioException>(() => session.Load("mine.yaml", "name: x\nstate:\n  openess: 0.5\n"));
        Assert.Contains("mine.yaml", ex.Message);
        Assert.Contains("openness", ex.Message);
        Assert.Equal("scenarios/open-pos.yaml", session.SourceName);
    }

    [Fact]
    public void A_scenario_too_large_for_a_browser_is_refused_with_the_way_out()
    {
        var session = Open("scenarios/open-pos.yaml");
        var ex = Assert.Throws<ArgumentException>(() => session.Load("big.yaml", "name: big\nmovements:\n  - id: m\n    activists: {count: 1000000}\n"));
        Assert.Contains("big.yaml", ex.Message);
        Assert.Contains("contentionsim run", ex.Message);
        Assert.Equal("scenarios/open-pos.yaml", session.SourceName);
    }

    [Fact]
    public void The_network_sample_shows_ties_among_neighbours()
    {
        var session = Open("scenarios/open-pos.yaml");
        var sample = new NetworkSample(session.Run);
        Assert.Equal(NetworkSample.Size, sample.Nodes.Length);
        Assert.True(sample.Ties.Count >= sample.Nodes.Length, $"{sample.Ties.Count} ties among {sample.Nodes.Length}");
    }
}
