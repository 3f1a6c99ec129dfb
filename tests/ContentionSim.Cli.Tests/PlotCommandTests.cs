namespace ContentionSim.Cli.Tests;

/// <summary><c>contentionsim plot</c>: rebuilding a sweep's summary and figures without rerunning.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Trait("Category", "Slow")]
    [Fact]
    public void Plot_rebuilds_summary_and_figures_of_a_sweep_folder()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli, SweepTestFiles.Small.Replace("replications: 3", "replications: 2"));
        var outDir = _cli.PathOf("out");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", outDir, "--no-plots").Code);
        string runsBefore = File.ReadAllText(Path.Combine(outDir, "runs.csv"));
        string summary = File.ReadAllText(Path.Combine(outDir, "summary.csv"));
        File.Delete(Path.Combine(outDir, "summary.csv"));

        var (code, output, error) = _cli.Run("plot", outDir, "--metric", "cooptations");

        Assert.True(code == 0, error);
        Assert.Contains("12 of 12 runs recorded (0 failed)", output);
        Assert.Equal(summary, File.ReadAllText(Path.Combine(outDir, "summary.csv")));
        Assert.Equal(runsBefore, File.ReadAllText(Path.Combine(outDir, "runs.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "heatmap-cooptations.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "stage-trace.svg")));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Plot_of_a_shard_folder_counts_the_shards_runs_not_the_whole_sweeps()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        var root = _cli.PathOf("shards");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", root, "--shard", "1/3", "--no-plots").Code);

        var (code, output, error) = _cli.Run("plot", Path.Combine(root, "shard-1-of-3"));

        Assert.True(code == 0, error);
        Assert.Contains("6 of 6 runs of shard 1/3 (the whole sweep has 18) recorded (0 failed).", output);
        Assert.DoesNotContain("the figures show what is recorded so far", output);
    }

    [Fact]
    public void A_bad_metric_or_a_folder_that_is_not_a_sweep_is_bad_input()
    {
        var (code, _, error) = _cli.Run("plot", _cli.Root, "--metric", "peak_particpation");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("did you mean 'peak_participation'?", error);

        var (notSweep, _, notSweepError) = _cli.Run("plot", _cli.Root);
        Assert.Equal(ExitCodes.BadInput, notSweep);
        Assert.Contains("manifest.json", notSweepError);
        Assert.Equal(ExitCodes.BadInput, _cli.Run("plot", _cli.PathOf("nowhere")).Code);
    }
}
