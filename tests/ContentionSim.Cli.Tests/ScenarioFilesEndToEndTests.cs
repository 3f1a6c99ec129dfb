namespace ContentionSim.Cli.Tests;

/// <summary>Every scenario shipped in scenarios/ runs through the CLI and writes all its outputs (Mesa's habit).</summary>
public sealed class ScenarioFilesEndToEndTests : IDisposable
{
    private const int Ticks = 420;
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(CliHarness.RepoRoot, "scenarios");
        foreach (var file in Directory.GetFiles(dir, "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(CliHarness.RepoRoot, file));
        return data;
    }

    [Fact]
    public void The_shipped_scenarios_include_the_five_of_the_brief()
    {
        var names = Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "scenarios"), "*.yaml").Select(Path.GetFileName).ToHashSet();
        foreach (var expected in new[] { "japan-2007.yaml", "open-pos.yaml", "boomerang.yaml", "granovetter.yaml", "wave.yaml" })
            Assert.Contains(expected, names);
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Scenario_runs_end_to_end_and_writes_every_output(string relativePath)
    {
        var path = Path.Combine(CliHarness.RepoRoot, relativePath);
        var outDir = _cli.PathOf(Path.GetFileNameWithoutExtension(path));

        var (code, output, error) = _cli.Run("run", path, "--ticks", Ticks.ToString(), "--seed", "12345", "--out", outDir);

        Assert.True(code == 0, $"exit {code}: {error}");
        foreach (var file in new[] { "timeseries.csv", "stages.csv", "cycles.csv", "organizations.csv", "run.json", "stages.png", "stages.svg", "actors.png", "actors.svg" })
        {
            var full = Path.Combine(outDir, file);
            Assert.True(File.Exists(full), $"{file} missing");
            Assert.True(new FileInfo(full).Length > 0, $"{file} empty");
        }
        var manifest = CliHarness.ReadJson(Path.Combine(outDir, "run.json"));
        Assert.Equal("12345", manifest.GetProperty("seed").ToString());
        var lines = File.ReadAllLines(Path.Combine(outDir, "timeseries.csv"));
        Assert.True((lines.Length - 1) % Ticks == 0, $"{lines.Length - 1} rows is not a multiple of {Ticks} ticks");
        Assert.Contains(outDir, output);
        Assert.DoesNotContain(Directory.GetDirectories(_cli.Root), d => d.Contains(".partial"));
        FiniteOutputs.Check(outDir); // no NaN or infinity reached an output
    }
}
