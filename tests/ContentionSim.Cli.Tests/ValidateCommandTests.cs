namespace ContentionSim.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_valid_scenario_is_reported_with_its_size()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);

        var (code, output, _) = _cli.Run("validate", scenario);

        Assert.Equal(0, code);
        Assert.Contains("300 activists", output);
        Assert.Contains("2 organization(s)", output);
    }

    [Fact]
    public void An_invalid_scenario_reports_every_problem_at_once()
    {
        var scenario = _cli.Write("bad.yaml", "ticks: -5\nstate:\n  openness: 3\n  repression_capacity: 2\n");

        var (code, _, error) = _cli.Run("validate", scenario);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("3 problems", error);
        Assert.Contains("bad.yaml:1:", error);
        Assert.Contains("bad.yaml:3:", error);
        Assert.Contains("bad.yaml:4:", error);
    }

    [Fact]
    public void A_directory_given_as_the_scenario_is_bad_input()
    {
        var (code, _, error) = _cli.Run("validate", _cli.Root);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_valid_sweep_is_reported_with_its_grid()
    {
        _cli.Write("small.yaml", CliHarness.SmallScenario);
        var sweep = _cli.Write("sweep.yaml", """
            name: tight-vs-open
            base: small.yaml
            replications: 3
            vary:
              state.openness: [0.1, 0.5, 0.9]
              transnational.alliance_probability: [0, 0.2]
            """);

        var (code, output, error) = _cli.Run("validate", sweep, "--set", "ticks=20");

        Assert.True(code == 0, error);
        Assert.Contains("is a valid sweep (every point checked).", output);
        Assert.Contains("Sweep 'tight-vs-open' of ", output);
        Assert.Contains("6 point(s) × 3 replications = 18 runs of 300 activists for 20 ", output);
        Assert.DoesNotContain("at a time", output);
    }

    [Fact]
    public void An_invalid_sweep_reports_its_problems_with_the_sweep_file_line()
    {
        _cli.Write("small.yaml", CliHarness.SmallScenario);
        var sweep = _cli.Write("sweep.yaml", """
            name: bad
            base: small.yaml
            vary:
              state.openness: [0.1, 1.5]
              state.opennes: [0.2]
            """);

        var (code, output, error) = _cli.Run("validate", sweep);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("the sweep has 2 problems", error);
        Assert.Contains("sweep.yaml:4:", error);
        Assert.Contains("sweep.yaml:5:", error);
        Assert.DoesNotContain("unknown key 'base'", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Every_shipped_sweep_file_validates()
    {
        var files = Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => ContentionSim.Scenarios.Sweeps.SweepLoader.IsSweepFile(f)).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var (code, output, error) = _cli.Run("validate", file);
            Assert.True(code == 0, $"{file}: {error}");
            Assert.Contains("valid sweep", output);
        }
    }

    [Fact]
    public void Every_shipped_calibration_file_validates_and_states_its_size()
    {
        var files = Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "scenarios", "calibrations"), "*.yaml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var (code, output, error) = _cli.Run("validate", file);
            Assert.True(code == 0, $"{file}: {error}");
            Assert.Contains("valid calibration", output);
            Assert.Contains("runs (a population under way is finished)", output);
        }
    }

    [Fact]
    public void A_sweep_or_calibration_given_to_run_is_named_as_what_it_is_with_the_command_that_runs_it()
    {
        string sweep = Path.Combine(CliHarness.RepoRoot, "scenarios", "sweeps", "quick.yaml");
        var (code, output, error) = _cli.Run("run", sweep, "--out", _cli.PathOf("out"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: the scenario has a problem:\n", error.ReplaceLineEndings("\n"));
        Assert.Matches(@"quick\.yaml:\d+:1: base: this is a sweep file \(its top level has 'base:'\), not a scenario\. Run it with 'contentionsim sweep .*quick\.yaml'", error);
        Assert.DoesNotContain("unknown key", error);

        string calibration = Path.Combine(CliHarness.RepoRoot, "scenarios", "calibrations", "japan-recovery.yaml");
        var (code2, _, error2) = _cli.Run("sensitivity", calibration, "--out", _cli.PathOf("out2"));
        Assert.Equal(2, code2);
        Assert.Matches(@"japan-recovery\.yaml:\d+:1: (free|targets): this is a calibration file .*not a scenario\. Run it with 'contentionsim calibrate ", error2);
        Assert.False(Directory.Exists(_cli.PathOf("out")) || Directory.Exists(_cli.PathOf("out2")));
    }

    [Fact]
    public void A_bad_calibration_file_is_reported_with_line_and_column()
    {
        string scenario = Path.Combine(CliHarness.RepoRoot, "scenarios", "japan-2007.yaml");
        string file = _cli.Write("bad-calibration.yaml", $"scenario: {scenario}\nfree:\n  state.openness: {{uniform: [0.2, 0.1]}}\ntargets:\n  peak_participation: {{observed: 0.1}}\n");
        var (code, _, error) = _cli.Run("validate", file);
        Assert.Equal(2, code);
        Assert.Contains("bad-calibration.yaml:3:", error);
        Assert.Contains("bad-calibration.yaml:5:", error);
        Assert.Contains("needs both 'observed' and 'tolerance'", error);
    }
}
