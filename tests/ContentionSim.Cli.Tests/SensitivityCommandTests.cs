using ContentionSim.Reporting;

namespace ContentionSim.Cli.Tests;

public sealed class SensitivityCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Tiny = """
        name: tiny
        seed: 4
        ticks: 100
        transnational:
          enabled: false
        movements:
          - id: m
            activists:
              count: 300
        """;

    private static readonly string[] Few = ["--only", "*.grievance_weight,state.openness,transnational.information_amplification", "--replications", "3"];

    [Fact]
    public void It_writes_the_files_prints_the_drivers_and_exits_0()
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        string outDir = _cli.PathOf("out");
        var (code, output, error) = _cli.Run(["sensitivity", scenario, "--out", outDir, .. Few]);
        Assert.True(code == 0, error);
        foreach (var file in new[] { "sensitivity.csv", "sensitivity.md", "manifest.json", "tornado-peak-participation.png", "tornado-peak-participation.svg", "tornado-suppressed-share.png" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), $"{file} missing");
        var png = File.ReadAllBytes(Path.Combine(outDir, "tornado-cycle-length.png"));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Take(4));
        Assert.Contains("Top 3 drivers", output);
        Assert.Contains("movements[0].activists.grievance_weight", output);
        Assert.Contains("3 parameters", output);
        var manifest = CliHarness.ReadJson(Path.Combine(outDir, "manifest.json"));
        Assert.Equal(4UL, manifest.GetProperty("design").GetProperty("master_seed").GetUInt64());
    }

    [Fact]
    public void The_csv_is_byte_identical_for_parallel_1_and_2()
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        Assert.Equal(0, _cli.Run(["sensitivity", scenario, "--out", _cli.PathOf("a"), "--parallel", "1", "--no-plots", .. Few]).Code);
        Assert.Equal(0, _cli.Run(["sensitivity", scenario, "--out", _cli.PathOf("b"), "--parallel", "2", "--no-plots", .. Few]).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_cli.PathOf("a"), "sensitivity.csv")), File.ReadAllBytes(Path.Combine(_cli.PathOf("b"), "sensitivity.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_cli.PathOf("a"), "manifest.json")), File.ReadAllBytes(Path.Combine(_cli.PathOf("b"), "manifest.json")));
    }

    [Fact]
    public void A_bad_scenario_is_reported_with_its_place_and_exit_2()
    {
        var scenario = _cli.Write("bad.yaml", Tiny.Replace("ticks: 100", "ticks: -5"));
        var (code, _, error) = _cli.Run("sensitivity", scenario, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.yaml:3:", error);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Theory]
    [InlineData("--delta", "1.5")]
    [InlineData("--delta", "0")]
    [InlineData("--replications", "1")]
    [InlineData("--parallel", "-1")]
    [InlineData("--only", "no.such.*")]
    public void Bad_options_exit_2(string option, string value)
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        var (code, _, error) = _cli.Run("sensitivity", scenario, "--out", _cli.PathOf("out"), option, value);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error:", error);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var (code, _, error) = _cli.Run("sensitivity", _cli.PathOf("nope.yaml"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.yaml", error);
    }

    [Fact]
    public void An_occupied_folder_exits_3_and_is_left_alone()
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        string outDir = _cli.PathOf("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "mine.txt"), "keep");
        var (code, output, error) = _cli.Run(["sensitivity", scenario, "--out", outDir, .. Few]);
        Assert.Equal(ExitCodes.OutputFailed, code);
        // The writer's own refusal (the one rule of OutputTarget), before any run: the command has no check of its own.
        Assert.Equal($"error: {OutputTarget.NotEmpty(outDir)}\n", error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Sensitivity of", output);
        Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Force_replaces_an_earlier_analysis_but_refuses_one_beside_a_users_file_before_running()
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        string outDir = _cli.PathOf("out");
        Assert.Equal(0, _cli.Run(["sensitivity", scenario, "--out", outDir, .. Few]).Code);
        string[] ours = [.. Directory.GetFileSystemEntries(outDir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal)];
        Assert.Equal(0, _cli.Run(["sensitivity", scenario, "--out", outDir, "--force", .. Few]).Code);

        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var (code, output, error) = _cli.Run(["sensitivity", scenario, "--out", outDir, "--force", .. Few]);
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("'notes.txt'", error);
        Assert.DoesNotContain("Sensitivity of", output); // refused before any run, not after the analysis
        Assert.DoesNotContain("Exception", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
        string[] after = [.. Directory.GetFileSystemEntries(outDir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal)];
        Assert.Equal([.. ours.Append("notes.txt").Order(StringComparer.Ordinal)], after);
    }

    /// <summary>
    /// The global methods: <c>--force</c> replaces an earlier analysis (the files and stage folders its analysis.txt
    /// lists) but not a user's file beside it or inside a stage folder: exit 3 before any run, the file named with the
    /// fix, the file and the earlier analysis kept. Before, --force deleted the whole folder whenever it held an
    /// analysis.txt, the user's file with it.
    /// </summary>
    [Theory]
    [InlineData("morris", "morris.csv")]
    [InlineData("sobol", "sobol.csv")]
    [InlineData("global", "sobol.csv")]
    public void Force_replaces_an_earlier_global_analysis_but_refuses_one_beside_a_users_file_before_running(string method, string result)
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        string outDir = _cli.PathOf("out");
        string[] args = ["sensitivity", scenario, "--method", method, "--out", outDir, "--only", "state.*", "--trajectories", "3", "--sobol-n", "8", "--sobol-factors", "2", "--replications", "2"];
        var (code, _, error) = _cli.Run(args);
        Assert.True(code == 0, error);
        string earlier = File.ReadAllText(Path.Combine(outDir, result));
        (code, _, error) = _cli.Run([.. args, "--force"]);
        Assert.True(code == 0, error);
        Assert.Equal(earlier, File.ReadAllText(Path.Combine(outDir, result)));
        string[] ours = Entries(outDir);
        string stage = method == "global" ? "morris" : method;

        foreach (var user in new[] { "notes.txt", stage + "/notes.txt" })
        {
            File.WriteAllText(Path.Combine(outDir, user), "mine");
            var (refused, output, message) = _cli.Run([.. args, "--force"]);
            Assert.Equal(ExitCodes.OutputFailed, refused);
            Assert.Contains($"'{user}'", message);
            Assert.Contains("move it out of the folder or choose another --out", message);
            Assert.DoesNotContain("Exception", message);
            Assert.DoesNotContain("Global sensitivity", output); // refused before any run
            Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, user)));
            Assert.Equal([.. ours.Append(user).Order(StringComparer.Ordinal)], Entries(outDir));
            Assert.Equal(earlier, File.ReadAllText(Path.Combine(outDir, result)));
            File.Delete(Path.Combine(outDir, user));
        }
    }

    private static string[] Entries(string dir) =>
        [.. Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(dir, e).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void Ctrl_c_exits_130_and_writes_nothing()
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var (code, _, error) = _cli.Run(cts.Token, ["sensitivity", scenario, "--out", _cli.PathOf("out"), .. Few]);
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("nothing was written", error);
        Assert.Equal(["tiny.yaml"], Directory.GetFileSystemEntries(_cli.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void List_shows_the_parameters_and_the_exclusions_without_running()
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        var (code, output, error) = _cli.Run("sensitivity", scenario, "--list");
        Assert.True(code == 0, error);
        Assert.Contains("state.openness", output);
        Assert.Contains("classifier.onset_margin", output);
        Assert.Contains("the observer", output);
        Assert.False(Directory.Exists(Path.Combine(_cli.Root, "runs")));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Every_shipped_scenario_can_be_analysed_without_gaps()
    {
        var files = Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}sweeps{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}calibrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // The experiment folder holds sweep files (fact*.yaml, survey-*.yaml) and the scenarios they are based on.
            .Where(f => !(f.Contains($"{Path.DirectorySeparatorChar}experiments{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                          && (Path.GetFileName(f).StartsWith("fact", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("survey", StringComparison.Ordinal))));
        foreach (var file in files)
        {
            var (code, output, error) = _cli.Run("sensitivity", file, "--list");
            Assert.True(code == 0, $"{file}: {error}");
            Assert.DoesNotContain("cannot vary", output);
            Assert.DoesNotContain("fails the scenario", output);
        }
    }

    [Fact]
    public void An_unwritable_output_exits_3_and_leaves_no_staging_folder()
    {
        var scenario = _cli.Write("tiny.yaml", Tiny);
        _cli.Write("blocker", "a file where a folder should be");
        var (code, _, error) = _cli.Run("sensitivity", scenario, "--out", _cli.PathOf("blocker/out"), "--only", "spillover", "--replications", "2", "--no-plots");
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.StartsWith("error:", error);
        Assert.Equal(["blocker", "tiny.yaml"], Directory.GetFileSystemEntries(_cli.Root).Select(Path.GetFileName).Order());
    }
}
