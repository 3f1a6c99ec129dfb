using System.CommandLine;
using ContentionSim.Cli.Commands;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Cli.Tests;

/// <summary><c>contentionsim experiment</c>: ids, outputs, exit codes.</summary>
public sealed class ExperimentCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string ExperimentsFolder => Path.Combine(CliHarness.RepoRoot, "scenarios", "experiments");

    private static (int Code, string Out, string Error) RunWith(Func<Scenario, RunOptions, RunResult> simulate, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = CliConsole.Capture(output, error);
        var root = new RootCommand { ExperimentCommand.Create(console, simulate) };
        int code = ContentionSimCli.Invoke(root.Parse(["experiment", .. args]), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void An_unknown_id_is_bad_input_and_the_valid_ids_are_listed()
    {
        var (code, _, error) = _cli.Run("experiment", "fact10", "--experiments", ExperimentsFolder, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no experiment 'fact10'", error);
        Assert.Contains("fact1, fact2, fact3, fact4, fact5, fact6, fact7, fact8, fact9, survey, all", error);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public void An_experiment_folder_holding_a_file_it_does_not_write_is_kept_and_nothing_is_run()
    {
        var outDir = _cli.PathOf("out");
        var folder = Directory.CreateDirectory(Path.Combine(outDir, "fact9")).FullName;
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(folder, "runs.csv"), "an earlier result");
        var (code, output, error) = _cli.Run("experiment", "fact9", "--quick", "--experiments", ExperimentsFolder, "--out", outDir);
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains($"'{folder}' holds notes.txt, which an experiment does not write", error);
        Assert.Contains("Move it elsewhere or choose another --out", error);
        Assert.DoesNotContain("fact9:", output); // refused before running
        Assert.Equal(["notes.txt", "runs.csv"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.Equal("an earlier result", File.ReadAllText(Path.Combine(folder, "runs.csv")));

        // An earlier result alone is the experiment's own, and is replaced.
        File.Delete(Path.Combine(folder, "notes.txt"));
        var (again, _, error2) = _cli.Run("experiment", "fact9", "--quick", "--experiments", ExperimentsFolder, "--out", outDir);
        Assert.True(again == ExitCodes.Ok, error2);
        Assert.NotEqual("an earlier result", File.ReadAllText(Path.Combine(folder, "runs.csv")));
    }

    [Fact]
    public void Fact9_at_quick_size_passes_and_writes_its_folder()
    {
        var outDir = _cli.PathOf("out");
        var (code, output, error) = _cli.Run("experiment", "fact9", "--quick", "--experiments", ExperimentsFolder, "--out", outDir, "--parallel", "2");
        Assert.True(code == ExitCodes.Ok, output + error);
        Assert.Matches(@"PASS\s+thresholds 0\.\.99: runs where all 100 are active at the end\s+30\s+–\s+all 30 runs", output);
        Assert.Contains("1 of 1 experiments pass every check", output);
        var folder = Path.Combine(outDir, "fact9");
        foreach (var file in new[] { "runs.csv", "checks.csv", "figure.png", "figure.svg", "results.md" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        Assert.Equal(61, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length); // 2 arms × 30 replications
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder, "checks.csv")).Length);
        Assert.Contains("**Verdict: PASS**", File.ReadAllText(Path.Combine(folder, "results.md")));
        Assert.DoesNotContain(Directory.GetDirectories(outDir), d => d.Contains(".partial-", StringComparison.Ordinal));

        // Run again with another parallelism: the same files, byte for byte.
        var again = _cli.PathOf("again");
        Assert.Equal(ExitCodes.Ok, _cli.Run("experiment", "fact9", "--quick", "--experiments", ExperimentsFolder, "--out", again, "--parallel", "1").Code);
        foreach (var file in new[] { "runs.csv", "checks.csv", "results.md" })
            Assert.Equal(File.ReadAllText(Path.Combine(folder, file)), File.ReadAllText(Path.Combine(again, "fact9", file)));
    }

    [Fact]
    public void Failing_checks_give_exit_code_five_and_say_which()
    {
        // Nobody ever becomes active: both of fact 9's checks fail.
        var (code, output, _) = RunWith((s, o) => Simulator.Run(s with { Ticks = 1 }, o) with { TicksRun = s.Ticks },
            "fact9", "--quick", "--replications", "2", "--experiments", ExperimentsFolder, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.ChecksFailed, code);
        Assert.Equal(5, ExitCodes.ChecksFailed);
        Assert.Matches(@"FAIL\s+thresholds 0\.\.99", output);
        Assert.Contains("failing: fact9", output);
        Assert.Contains("FAIL", File.ReadAllText(Path.Combine(_cli.PathOf("out"), "fact9", "checks.csv")));
    }

    [Fact]
    public void Docs_need_every_experiment_and_bad_files_are_bad_input()
    {
        var (code, _, error) = _cli.Run("experiment", "fact9", "--docs", _cli.PathOf("docs"), "--experiments", ExperimentsFolder);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--docs", error);

        var folder = _cli.PathOf("experiments");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "fact9-granovetter.yaml"), "base: nowhere.yaml\nquick:\n  replicates: 3\n");
        (code, _, error) = _cli.Run("experiment", "fact9", "--experiments", folder, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("fact9-granovetter.yaml:1:7", error);

        (code, _, error) = _cli.Run("experiment", "fact3", "--experiments", folder, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("fact3-tight-vs-open.yaml", error);
    }

    [Fact]
    public void Docs_check_the_shipped_scenarios_before_anything_runs()
    {
        var (code, _, error) = _cli.Run("experiment", "all", "--docs", _cli.PathOf("docs"), "--scenarios", _cli.PathOf("nowhere"),
            "--experiments", ExperimentsFolder, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--scenarios", error);

        var shipped = _cli.PathOf("scenarios");
        Directory.CreateDirectory(Path.Combine(shipped, "teaching"));
        File.WriteAllText(Path.Combine(shipped, "teaching", "broken.yaml"), "name: broken\nticks: -5\n");
        (code, _, error) = _cli.Run("experiment", "all", "--docs", _cli.PathOf("docs"), "--scenarios", shipped,
            "--experiments", ExperimentsFolder, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("broken.yaml", error);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
        Assert.False(Directory.Exists(_cli.PathOf("docs")));
    }

    [Fact]
    public void A_sweep_file_without_the_design_an_experiment_needs_is_bad_input()
    {
        var folder = _cli.PathOf("experiments");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(CliHarness.RepoRoot, "scenarios", "granovetter.yaml"), _cli.PathOf("granovetter.yaml"));
        File.WriteAllText(Path.Combine(folder, "fact9-granovetter.yaml"), "base: ../granovetter.yaml\nreplications: 2\nvary:\n  ticks: [5, 10]\n");
        var (code, _, error) = _cli.Run("experiment", "fact9", "--experiments", folder, "--out", _cli.PathOf("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("does not have the design fact9 needs", error);
    }

    [Fact]
    public void Experiment_files_are_sweep_files_and_sweep_quick_uses_their_quick_block()
    {
        var file = Path.Combine(ExperimentsFolder, "fact8-repeated-cycles.yaml");
        var (code, output, error) = _cli.Run("sweep", file, "--quick", "--dry-run");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("2 point(s) × 30 replications = 60 runs of 2,000 activists for 1,040 weeks", output);
        (code, output, _) = _cli.Run("sweep", file, "--dry-run");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("2 point(s) × 100 replications = 200 runs of 2,000 activists for 1,560 weeks", output);
    }
}
