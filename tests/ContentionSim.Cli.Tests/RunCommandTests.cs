namespace ContentionSim.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Run_writes_every_output_and_prints_where_they_are()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        var outDir = _cli.PathOf("out");

        var (code, output, error) = _cli.Run("run", scenario, "--out", outDir);

        Assert.True(code == 0, error);
        foreach (var file in new[] { "timeseries.csv", "stages.csv", "cycles.csv", "organizations.csv", "run.json", "stages.png", "stages.svg", "actors.png", "actors.svg" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), $"{file} missing");
        Assert.Contains(outDir, output);
        Assert.Contains("Peak participation", output);
        // One header and one row per tick for a single movement.
        Assert.Equal(61, File.ReadAllLines(Path.Combine(outDir, "timeseries.csv")).Length);
    }

    [Fact]
    public void A_run_changed_by_set_is_named_and_described_as_what_it_is()
    {
        // The teacher opened the state with --set state.openness=0.85 and the page still said "a tight state - arrests, not talks".
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario.Replace("name: small", "name: small\ndescription: A tight state."));
        string plain = _cli.PathOf("plain");
        Assert.Equal(0, _cli.Run("run", scenario, "--out", plain, "--no-plots").Code);
        string changed = _cli.PathOf("changed");

        var (code, output, error) = _cli.Run("run", scenario, "--out", changed, "--no-plots", "--set", "state.openness=0.85");

        Assert.True(code == 0, error);
        Assert.Contains("'small, state.openness=0.85'", output);
        var scenarioJson = CliHarness.ReadJson(Path.Combine(changed, "run.json")).GetProperty("scenario");
        Assert.Equal("small, state.openness=0.85", scenarioJson.GetProperty("name").GetString());
        Assert.Equal(0, _cli.Run("report", changed).Code);
        string html = File.ReadAllText(Path.Combine(changed, "report.html"));
        Assert.Contains("<h1>small, state.openness=0.85</h1>", html);
        Assert.Contains("changed on the command line: state.openness=0.85. The file describes the scenario before the change", html);
        // The unchanged run keeps the file's name and words.
        Assert.Equal("small", CliHarness.ReadJson(Path.Combine(plain, "run.json")).GetProperty("scenario").GetProperty("name").GetString());
        // --seed alone does not rename.
        Assert.Equal("small", ContentionSim.Cli.Commands.ScenarioInput.Load(scenario, [], 5, null).Scenario.Name);
        Assert.Equal("small-state-openness-0-85", ContentionSim.Cli.Commands.RunCommand.Slug(ContentionSim.Cli.Commands.ScenarioInput.Load(scenario, ["state.openness=0.85"], null, null).Scenario.Name));
    }

    [Fact]
    public void Seed_and_ticks_on_the_command_line_override_the_scenario_and_are_recorded()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        var outDir = _cli.PathOf("out");

        var (code, _, error) = _cli.Run("run", scenario, "--out", outDir, "--seed", "99", "--ticks", "25", "--no-plots");

        Assert.True(code == 0, error);
        var manifest = CliHarness.ReadJson(Path.Combine(outDir, "run.json"));
        Assert.Equal("99", manifest.GetProperty("seed").ToString());
        Assert.Equal(26, File.ReadAllLines(Path.Combine(outDir, "timeseries.csv")).Length);
        Assert.False(File.Exists(Path.Combine(outDir, "stages.png")));
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_whatever_the_thread_count()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario.Replace("count: 300", "count: 3000"));
        var a = _cli.PathOf("a");
        var b = _cli.PathOf("b");

        Assert.Equal(0, _cli.Run("run", scenario, "--out", a, "--threads", "1", "--no-plots").Code);
        Assert.Equal(0, _cli.Run("run", scenario, "--out", b, "--threads", "4", "--no-plots").Code);

        foreach (var file in new[] { "timeseries.csv", "stages.csv", "cycles.csv", "organizations.csv", "run.json" })
            Assert.True(File.ReadAllBytes(Path.Combine(a, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), $"{file} differs");
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        Assert.Equal(0, _cli.Run("run", scenario, "--out", _cli.PathOf("a"), "--seed", "1", "--no-plots").Code);
        Assert.Equal(0, _cli.Run("run", scenario, "--out", _cli.PathOf("b"), "--seed", "2", "--no-plots").Code);
        Assert.NotEqual(File.ReadAllText(_cli.PathOf("a/timeseries.csv")), File.ReadAllText(_cli.PathOf("b/timeseries.csv")));
    }

    [Fact]
    public void A_missing_scenario_file_is_bad_input_named_with_its_path()
    {
        var (code, _, error) = _cli.Run("run", _cli.PathOf("nope.yaml"), "--out", _cli.PathOf("out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.yaml", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public void A_scenario_with_errors_lists_them_with_line_and_column_and_writes_nothing()
    {
        var scenario = _cli.Write("bad.yaml", "name: bad\nticks: 0\nstate:\n  opennes: 0.5\n");

        var (code, _, error) = _cli.Run("run", scenario, "--out", _cli.PathOf("out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.yaml:2:", error);   // ticks out of range, on line 2
        Assert.Contains("bad.yaml:4:", error);   // unknown key, on line 4
        Assert.Contains("openness", error);       // the suggestion
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public void A_bad_override_is_bad_input_with_a_suggestion()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);

        var (code, _, error) = _cli.Run("run", scenario, "--set", "state.opennes=0.8", "--out", _cli.PathOf("out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("openness", error);
    }

    [Fact]
    public void An_existing_output_folder_is_refused_without_force_and_replaced_with_it()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        var outDir = _cli.PathOf("out");
        Assert.Equal(0, _cli.Run("run", scenario, "--out", outDir, "--no-plots", "--seed", "1").Code);

        var (code, _, error) = _cli.Run("run", scenario, "--out", outDir, "--no-plots", "--seed", "2");
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("--force", error);
        Assert.Equal("1", CliHarness.ReadJson(Path.Combine(outDir, "run.json")).GetProperty("seed").ToString());

        Assert.Equal(0, _cli.Run("run", scenario, "--out", outDir, "--no-plots", "--seed", "2", "--force").Code);
        Assert.Equal("2", CliHarness.ReadJson(Path.Combine(outDir, "run.json")).GetProperty("seed").ToString());
    }

    [Fact]
    public void An_interrupted_run_writes_nothing_and_says_so()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var (code, _, error) = _cli.Run(cts.Token, "run", scenario, "--out", _cli.PathOf("out"));

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("nothing was written", error);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
        Assert.Empty(Directory.GetDirectories(_cli.Root));
    }
}
