namespace ContentionSim.Cli.Tests;

/// <summary>Every sweep shipped in scenarios/sweeps/ runs end to end through the CLI, reduced to one replication of a small, short population.</summary>
public sealed class SweepFilesEndToEndTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string> SweepFiles()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(CliHarness.RepoRoot, "scenarios", "sweeps");
        foreach (var file in Directory.GetFiles(dir, "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(CliHarness.RepoRoot, file));
        return data;
    }

    [Fact]
    public void The_shipped_sweeps_include_tight_vs_open_and_a_quick_one()
    {
        var names = Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "scenarios", "sweeps"), "*.yaml").Select(Path.GetFileName).ToHashSet();
        Assert.Contains("tight-vs-open.yaml", names);
        Assert.Contains("quick.yaml", names);
    }

    [Trait("Category", "Slow")]
    [Theory]
    [MemberData(nameof(SweepFiles))]
    public void Sweep_runs_end_to_end_in_reduced_form(string relativePath)
    {
        var path = Path.Combine(CliHarness.RepoRoot, relativePath);
        var outDir = _cli.PathOf(Path.GetFileNameWithoutExtension(path));

        var (code, output, error) = _cli.Run("sweep", path, "--out", outDir, "--replications", "1", "--ticks", "40",
            "--set", "movements[0].activists.count=150");

        Assert.True(code == 0, $"exit {code}: {error}");
        var manifest = CliHarness.ReadJson(Path.Combine(outDir, "manifest.json"));
        int runs = manifest.GetProperty("runs").GetInt32();
        Assert.Equal(manifest.GetProperty("points").GetInt32(), runs);
        Assert.Equal(runs + 1, File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Length);
        Assert.Equal(runs + 1, File.ReadAllLines(Path.Combine(outDir, "summary.csv")).Length);
        Assert.Contains($"{runs} of {runs} runs recorded, 0 failed", output);
        foreach (var stem in new[] { "metric-peak_participation", "outcomes", "stage-trace" })
            Assert.True(new FileInfo(Path.Combine(outDir, "plots", stem + ".png")).Length > 0, stem);
        Assert.Equal(1, manifest.GetProperty("command_line").GetProperty("replications").GetInt32());
    }
}
