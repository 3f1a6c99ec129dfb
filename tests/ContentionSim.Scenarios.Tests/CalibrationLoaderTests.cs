using ContentionSim.Scenarios.Calibration;

namespace ContentionSim.Scenarios.Tests;

public class CalibrationLoaderTests
{
    private static readonly string[] Observables = ["peak_participation", "mean_participation", "cycles"];

    private static string ScenarioPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scenarios/japan-2007.yaml"));

    private const string Valid = """
        name: recovery
        scenario: SCENARIO
        master_seed: 7
        replicates: 2
        set:
          ticks: 260
        free:
          state.openness: {uniform: [0.05, 0.6]}
          movements[0].activists.grievance.mean: {normal: [0.5, 0.05]}
          network.degree: {uniform: [4, 12]}
        targets:
          peak_participation: {observed: 0.12, tolerance: 0.02}
          cycles: {observed: 1, tolerance: 0.5}
        held_out:
          mean_participation: {observed: 0.05, tolerance: 0.01}
        abc:
          particles: 100
          initial_draws: 400
          generations: 3
        quick:
          replicates: 1
          abc: {particles: 20, initial_draws: 60, generations: 1}
          set: {ticks: 104}
        """;

    private static CalibrationDefinition Load(string text, bool quick = false)
    {
        using var dir = new TempDir();
        var path = dir.File("calibration.yaml", text.Replace("SCENARIO", ScenarioPath));
        return CalibrationLoader.LoadFile(path, Observables, new CalibrationLoadOptions { Quick = quick });
    }

    private static ScenarioException Fails(string text) => Assert.Throws<ScenarioException>(() => Load(text));

    [Fact]
    public void A_calibration_file_gives_its_scenario_free_parameters_patterns_and_settings()
    {
        var c = Load(Valid);
        Assert.Equal("recovery", c.Name);
        Assert.Equal(7UL, c.MasterSeed);
        Assert.Equal(2, c.Replicates);
        Assert.Equal(260, c.Scenario.Ticks);
        Assert.Equal(["state.openness", "movements[0].activists.grievance.mean", "network.degree"], c.Free.Select(f => f.Path));
        Assert.Equal(PriorKind.Normal, c.Free[1].Prior);
        Assert.False(c.Free[0].Whole);
        Assert.True(c.Free[2].Whole);
        Assert.Equal("uniform on [0.05, 0.6]", c.Free[0].PriorText);
        Assert.Equal(["peak_participation", "cycles"], c.Targets.Select(t => t.Observable));
        Assert.Equal(0.02, c.Targets[0].Tolerance);
        Assert.Equal("mean_participation", Assert.Single(c.HeldOut).Observable);
        Assert.Equal(100, c.Abc.Particles);
        Assert.False(c.QuickApplied);

        var q = Load(Valid, quick: true);
        Assert.True(q.QuickApplied);
        Assert.Equal(1, q.Replicates);
        Assert.Equal(20, q.Abc.Particles);
        Assert.Equal(104, q.Scenario.Ticks);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_line_column_and_a_fix()
    {
        var e = Fails("""
            scenario: SCENARIO
            replicate: 2
            free:
              state.opennes: {uniform: [0.05, 0.6]}
              state.repression_propensity: {uniform: [0.6, 0.2]}
              state.openness: {gamma: [1, 2]}
            targets:
              peak_participaton: {observed: 0.1, tolerance: 0.02}
              cycles: {observed: 1, tolerance: 0}
            """);
        var text = e.Diagnostics.Select(d => d.ToString()).ToArray();
        Assert.Contains(e.Diagnostics, d => d.Line == 2 && d.Column == 1 && d.Message.Contains("unknown key 'replicate'") && d.Fix!.Contains("did you mean 'replicates'"));
        Assert.Contains(e.Diagnostics, d => d.Line == 4 && d.Message.Contains("'state.opennes' is not a parameter"));
        Assert.Contains(e.Diagnostics, d => d.Line == 5 && d.Message.Contains("range [0.6, 0.2] is empty"));
        Assert.Contains(e.Diagnostics, d => d.Line == 6 && d.Message.Contains("unknown key 'gamma'"));
        Assert.Contains(e.Diagnostics, d => d.Line == 8 && d.Message.Contains("unknown observable 'peak_participaton'") && d.Fix!.Contains("did you mean 'peak_participation'"));
        Assert.Contains(e.Diagnostics, d => d.Line == 9 && d.Message.Contains("tolerance is positive"));
        Assert.All(e.Diagnostics, d => Assert.EndsWith("calibration.yaml", d.File));
    }

    [Fact]
    public void A_prior_reaching_invalid_values_is_refused_at_its_line()
    {
        var e = Fails("""
            scenario: SCENARIO
            free:
              state.openness: {uniform: [0.2, 1.5]}
            targets:
              cycles: {observed: 1, tolerance: 0.5}
            """);
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(3, d.Line);
        Assert.Contains("at 1.5 the scenario is not valid", d.Message);
    }

    [Fact]
    public void A_missing_scenario_targets_or_free_parameters_are_named()
    {
        var e = Fails("""
            scenario: nowhere.yaml
            free:
              state.openness: {uniform: [0.2, 0.5]}
            """);
        Assert.Contains(e.Diagnostics, d => d.Line == 1 && d.Message.Contains("'nowhere.yaml'") && d.Message.Contains("cannot be read"));
        var f = Fails("scenario: SCENARIO\n");
        Assert.Contains(f.Diagnostics, d => d.Path == "free");
        Assert.Contains(f.Diagnostics, d => d.Path == "targets");
        var g = Fails("""
            scenario: SCENARIO
            free:
              state.openness: {uniform: [0.2, 0.5]}
            targets:
              cycles: {observed: 1, tolerance: 0.5}
            held_out:
              cycles: {observed: 1, tolerance: 0.5}
            """);
        Assert.Contains(g.Diagnostics, d => d.Line == 7 && d.Message.Contains("both a target and held out"));
    }
}
