using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Scenarios.Tests;

/// <summary>Sweep files: expansion of lists and ranges, the base scenario, and every error with file, line and column.</summary>
public sealed class SweepLoaderTests : IDisposable
{
    private const string Base = """
        name: base
        seed: 5
        ticks: 100
        movements:
          - id: migrants
            activists:
              count: 400
        state:
          openness: 0.3
        """;

    private readonly TempDir _dir = new();

    public SweepLoaderTests() => _dir.File("base.yaml", Base);

    public void Dispose() => _dir.Dispose();

    private SweepDefinition Load(string sweep, SweepLoadOptions? options = null) =>
        SweepLoader.LoadFile(_dir.File("sweep.yaml", sweep), options);

    private IReadOnlyList<Diagnostic> Problems(string sweep, SweepLoadOptions? options = null) =>
        Assert.Throws<ScenarioException>(() => Load(sweep, options)).Diagnostics;

    private Diagnostic Problem(string sweep, SweepLoadOptions? options = null) => Assert.Single(Problems(sweep, options));

    private static string[] Texts(SweepFactor f) => f.Levels.Select(l => l.Text).ToArray();

    [Fact]
    public void Lists_and_ranges_expand_into_a_full_factorial_grid()
    {
        var sweep = Load("""
            name: demo
            base: base.yaml
            master_seed: 99
            replications: 3
            vary:
              state.openness: {from: 0.05, to: 0.95, step: 0.1}
              transnational.alliance_probability: [0, 0.1, 0.5]
              movements.migrants.activists.count: {from: 100, to: 300, count: 3}
            """);
        var grid = sweep.Plan.Grid;
        Assert.Equal("demo", sweep.Name);
        Assert.Equal(99UL, sweep.Plan.MasterSeed);
        Assert.Equal(SweepDesign.Factorial, grid.Design);
        Assert.Equal(["0.05", "0.15", "0.25", "0.35", "0.45", "0.55", "0.65", "0.75", "0.85", "0.95"], Texts(grid.Factors[0]));
        Assert.Equal(0.35, grid.Factors[0].Levels[3].Number);
        Assert.Equal(["0", "0.1", "0.5"], Texts(grid.Factors[1]));
        Assert.Equal(["100", "200", "300"], Texts(grid.Factors[2]));
        Assert.IsType<int>(grid.Factors[2].Levels[1].Value);
        Assert.Equal(90, grid.PointCount);
        Assert.Equal(270, grid.RunCount);
        var s = sweep.Plan.ScenarioAt(grid.PointOf([9, 2, 1]));
        Assert.Equal(0.95, s.State.Openness);
        Assert.Equal(0.5, s.Transnational.AllianceProbability);
        Assert.Equal(200, s.Movements[0].Activists.Count);
        Assert.Equal(new SweepPlotSettings("state.openness", "transnational.alliance_probability", SweepMetrics.DefaultHeatmap), sweep.Plots);
    }

    [Fact]
    public void Ranges_include_the_end_only_when_it_lies_on_the_step()
    {
        Assert.Equal([0.0, 0.3, 0.6, 0.9], SweepLoader.RangeValues(0, 1, 0.3));
        Assert.Equal([0.1, 0.2, 0.3], SweepLoader.RangeValues(0.1, 0.3, 0.1)); // 0.1 + 2 × 0.1 is 0.30000000000000004 before rounding
        Assert.Equal([1.0, 0.5, 0.0], SweepLoader.RangeValues(1, 0, -0.5));
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], SweepLoader.RangeValuesByCount(0, 1, 5));
        Assert.Equal(0, SweepLoader.RangeCount(0, 1, -0.1));
    }

    [Fact]
    public void Defaults_fixed_settings_and_a_zip_design()
    {
        var sweep = Load("""
            base: base.yaml
            design: zip
            set:
              ticks: 60
              state.repression_term: 10
            vary:
              state.openness: [0.1, 0.9]
              state.responsiveness: [0.2, 0.8]
            plots:
              heatmap: repression_events
            """);
        Assert.Equal("sweep", sweep.Name);                       // file name without extension
        Assert.Equal(5UL, sweep.Plan.MasterSeed);                // the base scenario's seed
        Assert.Equal(SweepLoader.DefaultReplications, sweep.Plan.Grid.Replications);
        Assert.Equal(2, sweep.Plan.Grid.PointCount);
        Assert.Equal(60, sweep.Plan.Base.Ticks);
        Assert.Equal(10, sweep.Plan.Base.State.RepressionTerm);
        Assert.Equal(["ticks=60", "state.repression_term=10"], sweep.FixedSettings);
        Assert.Equal(0.8, sweep.Plan.ScenarioAt(1).State.Responsiveness);
        Assert.Equal("repression_events", sweep.Plots.Heatmap);
        Assert.Contains("name: base", sweep.BaseText);
    }

    [Fact]
    public void Command_line_options_reduce_a_sweep()
    {
        var sweep = Load("""
            base: base.yaml
            replications: 50
            vary:
              state.openness: [0.1, 0.9]
            """, new SweepLoadOptions { Replications = 2, Ticks = 30, Sets = ["movements[0].activists.count=120"] });
        Assert.Equal(2, sweep.Plan.Grid.Replications);
        Assert.Equal(30, sweep.Plan.Base.Ticks);
        Assert.Equal(120, sweep.Plan.Base.Movements[0].Activists.Count);
        Assert.Equal(["movements[0].activists.count=120", "ticks=30"], sweep.FixedSettings);
    }

    [Fact]
    public void Values_can_be_enums_and_distributions()
    {
        var sweep = Load("""
            base: base.yaml
            vary:
              network.kind: [small_world, random]
              movements[0].activists.grievance: [0.4, {normal: [0.5, 0.1]}]
            """);
        Assert.Equal(["small_world", "random"], Texts(sweep.Plan.Grid.Factors[0]));
        Assert.Null(sweep.Plan.Grid.Factors[0].Levels[0].Number);
        Assert.Equal(["0.4", "{normal: [0.5, 0.1]}"], Texts(sweep.Plan.Grid.Factors[1]));
    }

    [Fact]
    public void Unknown_keys_get_a_did_you_mean_at_their_line()
    {
        var d = Problem("""
            base: base.yaml
            replicatons: 5
            vary:
              state.openness: [0.1]
            """);
        Support.AssertAt(d, 2, 1, "replicatons");
        Assert.Contains("did you mean 'replications'?", d.Message);
        Assert.EndsWith("sweep.yaml", d.File);
    }

    [Fact]
    public void A_varied_key_that_is_no_parameter_is_reported_at_the_key()
    {
        var d = Problem("""
            base: base.yaml
            vary:
              state.opennes: [0.1, 0.2]
            """);
        Support.AssertAt(d, 3, 3, "vary.state.opennes");
        Assert.Contains("did you mean 'openness'?", d.Message);
    }

    [Fact]
    public void A_value_out_of_range_is_reported_at_the_value_in_the_sweep_file()
    {
        var problems = Problems("""
            base: base.yaml
            vary:
              state.openness: [0.1, 1.5]
              state.repression_term: [2.5]
            """);
        Assert.Equal(2, problems.Count);
        Support.AssertAt(problems[0], 3, 25, "state.openness");
        Assert.Contains("1.5 is out of range", problems[0].Message);
        Assert.EndsWith("sweep.yaml", problems[0].File);
        Support.AssertAt(problems[1], 4, 27, "state.repression_term");
        Assert.Contains("whole number", problems[1].Message);
    }

    [Fact]
    public void A_range_past_the_parameter_range_is_reported_at_the_range()
    {
        var problems = Problems("""
            base: base.yaml
            vary:
              state.openness: {from: 0.5, to: 1.5, step: 0.5}
            """);
        var d = Assert.Single(problems);
        Support.AssertAt(d, 3, 19, "state.openness");
        Assert.Contains("1.5 is out of range", d.Message);
    }

    [Fact]
    public void Malformed_ranges_say_what_is_wrong()
    {
        Assert.Contains("never leads", Problem("""
            base: base.yaml
            vary:
              state.openness: {from: 0.9, to: 0.1, step: 0.1}
            """).Message);
        Assert.Contains("both 'step' and 'count'", Problem("""
            base: base.yaml
            vary:
              state.openness: {from: 0.1, to: 0.9, step: 0.1, count: 3}
            """).Message);
        var d = Problem("""
            base: base.yaml
            vary:
              state.openness: {from: 0.1, to: 0.9, stpe: 0.1}
            """);
        Assert.Contains("did you mean 'step'?", d.Message);
        Support.AssertAt(d, 3, 40, "vary.state.openness.stpe");
        Assert.Contains("needs a numeric parameter", Problem("""
            base: base.yaml
            vary:
              network.kind: {from: 0, to: 1, step: 1}
            """).Message);
    }

    [Fact]
    public void Grids_over_ten_million_runs_are_refused_with_their_size()
    {
        var d = Problem("""
            base: base.yaml
            replications: 1000
            vary:
              state.openness: {from: 0, to: 1, step: 0.0001}
              state.responsiveness: [0.1, 0.2]
            """);
        Support.AssertAt(d, 3, 1, "vary");
        Assert.Contains("10,001 × 2 = 20,002 points × 1,000 replications = 20,002,000 runs", d.Message);
        var huge = Problem("""
            base: base.yaml
            vary:
              state.openness: {from: 0, to: 1, step: 1e-9}
            """);
        Assert.Contains("more than 1,000,000", huge.Message);
    }

    [Fact]
    public void The_base_scenario_must_exist_and_be_valid()
    {
        var missing = Problem("""
            base: nowhere.yaml
            vary:
              state.openness: [0.1]
            """);
        Support.AssertAt(missing, 1, 7, "base");
        Assert.Contains("cannot be read", missing.Message);

        _dir.File("broken.yaml", "name: broken\nticks: 0\n");
        var problems = Problems("""
            base: broken.yaml
            vary:
              state.openness: [0.1]
            """);
        Assert.Contains(problems, p => p.File.EndsWith("sweep.yaml") && p.Line == 1 && p.Message.Contains("has 1 problem"));
        Assert.Contains(problems, p => p.File.EndsWith("broken.yaml") && p.Line == 2 && p.Path == "ticks");

        Assert.Contains("does not say which scenario", Problem("vary:\n  state.openness: [0.1]\n").Message);
    }

    [Fact]
    public void Combinations_that_contradict_each_other_are_reported()
    {
        var problems = Problems("""
            base: base.yaml
            vary:
              classifier.onset_margin: [0.01, 0.05]
              classifier.end_margin: [0.005, 0.02]
            """);
        var d = Assert.Single(problems);
        Assert.EndsWith("sweep.yaml", d.File);
        Assert.Contains("with classifier.onset_margin = 0.01, classifier.end_margin = 0.02: end_margin 0.02 is above onset_margin 0.01", d.Message);
        Assert.Equal(4, d.Line);
    }

    [Fact]
    public void Seeds_duplicates_conflicts_and_plot_settings_are_checked()
    {
        Assert.Contains("master_seed", Problem("base: base.yaml\nvary:\n  seed: [1, 2]\n").Message);
        var duplicate = Problem("base: base.yaml\nvary:\n  state.openness: [0.1, 0.10]\n");
        Assert.Contains("listed twice", duplicate.Message);
        Support.AssertAt(duplicate, 3, 25, "vary.state.openness[1]");
        Assert.Contains("same parameter", Problem("base: base.yaml\nvary:\n  movements.migrants.grievance_shift: [0.1]\n  movements[0].grievance_shift: [0.2]\n").Message);
        Assert.Contains("both varied and fixed", Problem("base: base.yaml\nset:\n  state.openness: 0.2\nvary:\n  state.openness: [0.1]\n").Message);
        Assert.Contains("both varied and fixed by --ticks", Problem("base: base.yaml\nvary:\n  ticks: [10, 20]\n", new SweepLoadOptions { Ticks = 5 }).Message);
        var plot = Problem("base: base.yaml\nvary:\n  state.openness: [0.1]\nplots:\n  x: state.opennes\n");
        Support.AssertAt(plot, 5, 6, "plots.x");
        Assert.Contains("did you mean 'state.openness'?", plot.Message);
        Assert.Contains("did you mean 'peak_participation'?", Problem("base: base.yaml\nvary:\n  state.openness: [0.1]\nplots:\n  heatmap: peak_particpation\n").Message);
        Assert.Contains("different numbers of values", Problem("base: base.yaml\ndesign: zip\nvary:\n  state.openness: [0.1, 0.2]\n  state.responsiveness: [0.1]\n").Message);
        Assert.Contains("out of range", Problem("base: base.yaml\nvary:\n  state.openness: [0.1]\n", new SweepLoadOptions { Replications = 0 }).Message);
        Assert.Contains("go under 'set:'", Problem("base: base.yaml\nopenness: 0.3\n").Message);
    }

    [Fact]
    public void Fixed_settings_are_checked_at_their_line_in_the_sweep_file()
    {
        var problems = Problems("""
            base: base.yaml
            set:
              state.openness: 2
              state.opennes: 0.2
            vary:
              state.responsiveness: [0.1]
            """);
        Assert.Equal(2, problems.Count);
        Support.AssertAt(problems[0], 3, 19, "state.openness");
        Assert.Contains("2 is out of range", problems[0].Message);
        Support.AssertAt(problems[1], 4, 3, "set.state.opennes");
        Assert.Contains("did you mean 'openness'?", problems[1].Message);

        var cli = Problem("base: base.yaml\nvary:\n  state.openness: [0.1]\n", new SweepLoadOptions { Sets = ["network.degree=7"] });
        Assert.Equal("--set", cli.File);
        Assert.Contains("odd", cli.Message);
    }

    [Fact]
    public void Empty_and_non_mapping_files_are_refused()
    {
        Assert.Contains("empty", Problem("").Message);
        Assert.Contains("at the top level", Problem("- base.yaml\n").Message);
    }

    [Fact]
    public void Every_shipped_sweep_loads()
    {
        var dir = Path.Combine(Support.RepoRoot(), "scenarios", "sweeps");
        var files = Directory.GetFiles(dir, "*.yaml");
        Assert.Contains(files, f => f.EndsWith("tight-vs-open.yaml"));
        Assert.Contains(files, f => f.EndsWith("quick.yaml"));
        foreach (var file in files)
        {
            var sweep = SweepLoader.LoadFile(file);
            Assert.True(sweep.Plan.Grid.RunCount > 0, file);
        }
        var tightVsOpen = SweepLoader.LoadFile(Path.Combine(dir, "tight-vs-open.yaml"));
        Assert.Equal("state.openness", tightVsOpen.Plan.Grid.Factors[0].Key);
        Assert.Equal(0.05, tightVsOpen.Plan.Grid.Factors[0].Levels[0].Number);
        Assert.Equal(0.95, tightVsOpen.Plan.Grid.Factors[0].Levels[^1].Number);
        Assert.Equal(["0", "0.1", "0.5"], Texts(tightVsOpen.Plan.Grid.Factors[1]));
        Assert.True(tightVsOpen.Plan.Grid.Replications >= 20);
    }

    // ---- paired and quick -----------------------------------------------------------------------

    private const string QuickSweep = """
        base: base.yaml
        master_seed: 7
        replications: 100
        paired: true
        set:
          ticks: 520
        vary:
          state.openness: [0.1, 0.9]
        quick:
          replications: 30
          set:
            ticks: 260
            movements.migrants.activists.count: 200
        """;

    [Fact]
    public void Paired_sweeps_give_replication_r_the_same_seed_at_every_point()
    {
        var sweep = Load(QuickSweep);
        Assert.True(sweep.Paired);
        var plan = sweep.Plan;
        for (int r = 0; r < 5; r++)
            Assert.Equal(plan.SeedOf(plan.Grid.RunIndex(0, r)), plan.SeedOf(plan.Grid.RunIndex(1, r)));
        Assert.NotEqual(plan.SeedOf(plan.Grid.RunIndex(0, 0)), plan.SeedOf(plan.Grid.RunIndex(0, 1)));
        Assert.False(Load(QuickSweep.Replace("paired: true", "paired: false")).Paired);
        Assert.False(Load(QuickSweep.Replace("paired: true\n", "")).Paired);
    }

    [Fact]
    public void A_paired_value_that_is_not_a_boolean_is_reported_where_it_is()
    {
        var d = Problem(QuickSweep.Replace("paired: true", "paired: maybe"));
        Assert.Equal("paired", d.Path);
        Assert.Equal(4, d.Line);
        Assert.Equal(9, d.Column);
        Assert.Contains("true or false", d.Message);
    }

    [Fact]
    public void The_quick_block_is_applied_only_with_the_quick_option()
    {
        var full = Load(QuickSweep);
        Assert.False(full.QuickApplied);
        Assert.Equal(100, full.Plan.Grid.Replications);
        Assert.Equal(520, full.Plan.Base.Ticks);
        Assert.Equal(400, full.Plan.Base.Movements[0].Activists.Count);

        var quick = Load(QuickSweep, new SweepLoadOptions { Quick = true });
        Assert.True(quick.QuickApplied);
        Assert.Equal(30, quick.Plan.Grid.Replications);
        Assert.Equal(260, quick.Plan.Base.Ticks);
        Assert.Equal(200, quick.Plan.Base.Movements[0].Activists.Count);
        Assert.Contains("ticks=260", quick.FixedSettings);

        // --replications still wins over the quick block's.
        Assert.Equal(5, Load(QuickSweep, new SweepLoadOptions { Quick = true, Replications = 5 }).Plan.Grid.Replications);
        // A file without a quick block runs at its full size.
        var plain = Load(QuickSweep[..QuickSweep.IndexOf("quick:", StringComparison.Ordinal)], new SweepLoadOptions { Quick = true });
        Assert.False(plain.QuickApplied);
        Assert.Equal(100, plain.Plan.Grid.Replications);
    }

    [Fact]
    public void The_quick_block_is_checked_even_when_it_is_not_applied()
    {
        var unknown = Problem(QuickSweep.Replace("  replications: 30", "  replicates: 30"));
        Assert.Equal("quick.replicates", unknown.Path);
        Assert.Equal(10, unknown.Line);
        Assert.Equal(3, unknown.Column);
        Assert.Contains("did you mean 'replications'", unknown.Message);

        var badCount = Problem(QuickSweep.Replace("  replications: 30", "  replications: 0"));
        Assert.Equal("quick.replications", badCount.Path);
        Assert.Equal(10, badCount.Line);

        var badValue = Problems(QuickSweep.Replace("ticks: 260", "ticks: many"));
        Assert.Contains(badValue, d => d.Line == 12 && d.Path.Contains("ticks", StringComparison.Ordinal));

        var invalid = Problems(QuickSweep.Replace("count: 200", "count: -5"));
        Assert.Contains(invalid, d => d.Path.Contains("count", StringComparison.Ordinal));

        var varied = Problem(QuickSweep.Replace("    ticks: 260", "    state.openness: 0.5"));
        Assert.Contains("both varied and fixed", varied.Message);
        Assert.Contains("quick.set", varied.Message);
    }

    [Theory]
    [InlineData("state.opennes=0.8")]
    [InlineData("ticks=2.5")]
    [InlineData("network.degree=7")]
    [InlineData("state.openness")]
    [InlineData("state.openness=[1, 2")]
    public void A_set_on_a_sweep_is_applied_and_refused_as_on_a_scenario(string assignment)
    {
        // One applier: the same words for the same mistake, whether it is given to run/validate or to sweep.
        var onScenario = Assert.Throws<ScenarioException>(() => ScenarioLoader.ApplyOverrides(ScenarioLoader.LoadFile(System.IO.Path.Combine(_dir.Path, "base.yaml")), [assignment]))
            .Diagnostics.Select(d => d.ToString()).ToArray();
        var onSweep = Problems("base: base.yaml\nvary:\n  state.responsiveness: [0.1]\n", new SweepLoadOptions { Sets = [assignment] })
            .Select(d => d.ToString()).ToArray();
        Assert.NotEmpty(onScenario);
        Assert.Equal(onScenario, onSweep);
        Assert.All(onSweep, d => Assert.StartsWith("--set", d));
    }

    [Fact]
    public void A_good_set_gives_a_sweep_the_same_base_as_the_scenario()
    {
        string[] sets = ["state.openness=0.8", "movements[0].activists.count=120"];
        var scenario = ScenarioLoader.ApplyOverrides(ScenarioLoader.LoadFile(System.IO.Path.Combine(_dir.Path, "base.yaml")), sets);
        var sweep = Load("base: base.yaml\nvary:\n  state.responsiveness: [0.1]\n", new SweepLoadOptions { Sets = sets });
        Assert.Equal(0.8, sweep.Plan.Base.State.Openness);
        Assert.Equal(scenario.State, sweep.Plan.Base.State);
        Assert.Equal(120, sweep.Plan.Base.Movements[0].Activists.Count);
        Assert.Equal(scenario.Movements[0].Activists.Count, sweep.Plan.Base.Movements[0].Activists.Count);
        Assert.Equal(["state.openness=0.8", "movements[0].activists.count=120"], sweep.FixedSettings);
    }

    [Fact]
    public void A_grid_of_more_points_than_a_manifest_can_list_is_refused_before_anything_is_built()
    {
        // 4,000,000 points (20 × 20 × 100 × 100), under the run cap: issue 17's sweep that filled memory.
        var d = Problem("""
            name: huge
            base: base.yaml
            vary:
              state.openness: {from: 0.01, to: 0.2, step: 0.01}
              state.repression_propensity: {from: 0.01, to: 0.2, step: 0.01}
              state.responsiveness: {from: 0.001, to: 0.1, step: 0.001}
              state.tolerance: {from: 0.001, to: 0.1, step: 0.001}
            """);
        Assert.Contains("the grid is too large: 20 × 20 × 100 × 100 = 4,000,000 points, more than the 1,000,000", d.Message);
        Assert.Equal(3, d.Line); // at vary:
    }

}
