using System.CommandLine;
using ContentionSim.Cli.Commands;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.Simulation;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Tests;

/// <summary><c>contentionsim sweep</c>: outputs, parallelism, failures, interruption and bad input.</summary>
public sealed class SweepCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Runs the sweep command alone with an injected simulation.</summary>
    private static (int Code, string Out, string Error) RunWith(Func<Scenario, RunOptions, RunResult> simulate, CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = CliConsole.Capture(output, error, cancellation);
        var root = new RootCommand { SweepCommand.Create(console, simulate) };
        int code = ContentionSimCli.Invoke(root.Parse(["sweep", .. args]), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_sweep_writes_runs_summary_manifest_and_figures()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        var outDir = _cli.PathOf("out");

        var (code, output, error) = _cli.Run("sweep", sweep, "--out", outDir);

        Assert.True(code == 0, error);
        Assert.Contains("6 point(s) × 3 replications = 18 runs", output);
        Assert.Contains("18 of 18 runs recorded, 0 failed", output);
        Assert.Equal(19, File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Length);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(outDir, "summary.csv")).Length);
        var manifest = CliHarness.ReadJson(Path.Combine(outDir, "manifest.json"));
        Assert.Equal("complete", manifest.GetProperty("state").GetProperty("state").GetString());
        Assert.Equal(77UL, manifest.GetProperty("seeds").GetProperty("master_seed").GetUInt64());
        Assert.Equal(File.ReadAllText(sweep), manifest.GetProperty("sweep").GetProperty("text").GetString());
        Assert.Equal(CliHarness.SmallScenario, manifest.GetProperty("base_scenario").GetProperty("text").GetString());
        foreach (var stem in new[] { "metric-peak_participation", "metric-stage4_ticks", "heatmap-peak_participation", "outcomes", "stage-trace" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, "plots", stem + ".png")), stem);
            Assert.True(File.Exists(Path.Combine(outDir, "plots", stem + ".svg")), stem);
        }
        // Series kept for the lowest and highest openness only: 2 of 3 openness values × 2 × 3 replications.
        Assert.Equal(12, Directory.GetFiles(Path.Combine(outDir, "series")).Length);
        // Each row's seed is derived from the master seed and its run index.
        foreach (var line in File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Skip(1))
        {
            var f = SweepRunsCsv.SplitLine(line);
            Assert.Equal(RandomStreams.DeriveRunSeed(77, long.Parse(f[0])).ToString(), f[3]);
        }
    }

    [Fact]
    public void Results_are_identical_whatever_parallel_is()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        var a = _cli.PathOf("a");
        var b = _cli.PathOf("b");

        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", a, "--parallel", "1", "--no-plots").Code);
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", b, "--parallel", "2", "--no-plots").Code);

        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(a, "runs.csv")), SweepTestFiles.Comparable(Path.Combine(b, "runs.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "summary.csv")), File.ReadAllText(Path.Combine(b, "summary.csv")));
    }

    [Fact]
    public void Failed_runs_are_recorded_the_sweep_goes_on_and_the_exit_code_says_so()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        var outDir = _cli.PathOf("out");
        int calls = 0;
        RunResult Simulate(Scenario s, RunOptions o) =>
            Interlocked.Increment(ref calls) % 5 == 0 ? throw new InsufficientMemoryException("pretend the run did not fit") : Simulator.Run(s, o);

        var (code, output, error) = RunWith(Simulate, default, sweep, "--out", outDir, "--no-plots");

        Assert.Equal(ExitCodes.SomeRunsFailed, code);
        Assert.Equal(4, ExitCodes.SomeRunsFailed);
        Assert.Contains("3 run(s) failed", error);
        Assert.Contains("18 of 18 runs recorded, 3 failed", output);
        var rows = File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Skip(1).Select(SweepRunsCsv.SplitLine).ToList();
        Assert.Equal(18, rows.Count);
        Assert.Equal(3, rows.Count(r => r[4] == "failed" && r[^2].Contains("InsufficientMemoryException: pretend", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(outDir, "summary.csv")));
    }

    [Fact]
    public void Ctrl_c_keeps_the_finished_runs_and_says_how_to_resume()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        var outDir = _cli.PathOf("out");
        using var cancel = new CancellationTokenSource();
        int calls = 0;
        RunResult Simulate(Scenario s, RunOptions o)
        {
            if (Interlocked.Increment(ref calls) == 6) cancel.Cancel();
            return Simulator.Run(s, o);
        }

        var (code, _, error) = RunWith(Simulate, cancel.Token, sweep, "--out", outDir, "--parallel", "1", "--no-plots");

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("5 of 18 runs are recorded", error);
        Assert.Contains($"Resume with: contentionsim sweep {sweep} --out {outDir} --parallel 1 --no-plots --resume", error);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Length);

        var (resumed, output, resumeError) = _cli.Run("sweep", sweep, "--out", outDir, "--parallel", "1", "--no-plots", "--resume");
        Assert.True(resumed == 0, resumeError);
        Assert.Contains("13 runs in", output);
        Assert.Contains("(5 were recorded before)", output);
        Assert.Equal(19, File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Length);
    }

    [Fact]
    public void A_bad_sweep_is_reported_with_file_line_and_column()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli, SweepTestFiles.Small.Replace("[0.1, 0.5, 0.9]", "[0.1, 5, 0.9]"));

        var (code, _, error) = _cli.Run("sweep", sweep, "--out", _cli.PathOf("out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("error: the sweep has a problem:", error);
        Assert.Contains($"{sweep}:6:25: state.openness: 5 is out of range", error);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public void An_existing_sweep_folder_needs_resume_and_bad_options_are_refused()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli, SweepTestFiles.Small.Replace("replications: 3", "replications: 1"));
        var outDir = _cli.PathOf("out");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", outDir, "--no-plots").Code);

        var (code, _, error) = _cli.Run("sweep", sweep, "--out", outDir, "--no-plots");
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("--resume", error);

        var (mismatch, _, mismatchError) = _cli.Run("sweep", sweep, "--out", outDir, "--resume", "--replications", "2");
        Assert.Equal(ExitCodes.BadInput, mismatch);
        Assert.Contains("is not this sweep", mismatchError);

        Assert.Equal(ExitCodes.BadInput, _cli.Run("sweep", sweep, "--series", "some").Code);
        Assert.Equal(ExitCodes.BadInput, _cli.Run("sweep", sweep, "--parallel", "-1").Code);
        Assert.Equal(ExitCodes.BadInput, _cli.Run("sweep", _cli.PathOf("missing.yaml")).Code);
    }

    [Fact]
    public void A_dry_run_checks_and_describes_without_running()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        var (code, output, _) = _cli.Run("sweep", sweep, "--out", _cli.PathOf("out"), "--dry-run", "--replications", "2", "--ticks", "20");
        Assert.Equal(0, code);
        Assert.Contains("6 point(s) × 2 replications = 12 runs of 300 activists for 20 weeks", output);
        Assert.Contains("Dry run", output);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }
}
