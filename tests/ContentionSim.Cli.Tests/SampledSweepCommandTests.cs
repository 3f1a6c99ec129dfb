namespace ContentionSim.Cli.Tests;

/// <summary>
/// A sweep with a sampled design (Latin hypercube, Sobol sequence) goes through the same machinery as a grid:
/// <c>validate</c> states its size, shards merge into the single-machine sweep byte for byte.
/// </summary>
public sealed class SampledSweepCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    internal const string Sobol = """
        name: sobol-sweep
        base: small.yaml
        master_seed: 8
        replications: 2
        design:
          kind: sobol
          points: 8
          ranges:
            state.openness: [0.05, 0.95]
            movements.m.activists.count: [150, 300]
        """;

    [Fact]
    public void Validate_states_the_size_of_a_sampled_design()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli, Sobol);

        var (code, output, error) = _cli.Run("validate", sweep);

        Assert.True(code == 0, error);
        Assert.Contains("a Sobol sequence (digitally shifted) of 8 points over 2 parameters, design seed 8: state.openness in [0.05, 0.95], movements.m.activists.count in [150, 300] (whole numbers)", output);
        Assert.Contains("8 point(s) × 2 replications = 16 runs", output);
    }

    [Fact]
    public void A_bad_design_is_refused_with_its_line_and_column_and_exit_code_2()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli, Sobol.Replace("kind: sobol", "kind: sobolev"));

        var (code, _, error) = _cli.Run("validate", sweep);

        Assert.Equal(2, code);
        Assert.Contains("sweep.yaml:6:9: design.kind: 'sobolev' is not a sampled design; did you mean 'sobol'?", error);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_sharded_sampled_sweep_merges_into_the_unsharded_one_byte_for_byte()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli, Sobol);
        string whole = _cli.PathOf("whole");
        var (code, _, error) = _cli.Run("sweep", sweep, "--out", whole, "--parallel", "2");
        Assert.True(code == 0, error);
        string root = _cli.PathOf("shards");
        for (int i = 0; i < 3; i++)
        {
            (code, _, error) = _cli.Run("sweep", sweep, "--out", root, "--shard", $"{i}/3", "--parallel", "2");
            Assert.True(code == 0, error);
        }
        string merged = _cli.PathOf("merged");
        (code, _, error) = _cli.Run("merge", root, "--out", merged);
        Assert.True(code == 0, error);

        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(whole, "runs.csv")), SweepTestFiles.Comparable(Path.Combine(merged, "runs.csv")));
        Assert.Equal(17, File.ReadAllLines(Path.Combine(merged, "runs.csv")).Length);
        var files = Directory.GetFiles(whole, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(whole, f))
            .Where(f => f is not "runs.csv" and not "manifest.json" && !f.StartsWith(".contentionsim.lock", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Path.Combine("plots", "metric-peak_participation.png"), files);
        Assert.Contains("summary.csv", files);
        Assert.Contains(files, f => f.StartsWith("series", StringComparison.Ordinal));
        Assert.Equal(files, Directory.GetFiles(merged, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(merged, f))
            .Where(f => f is not "runs.csv" and not "manifest.json" && !f.StartsWith(".contentionsim.lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(whole, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, f))), $"{f} differs");
        var manifest = CliHarness.ReadJson(Path.Combine(merged, "manifest.json"));
        Assert.Equal("sampled", manifest.GetProperty("design").GetString());
        Assert.Equal("sobol", manifest.GetProperty("sampling").GetProperty("kind").GetString());
        Assert.Equal(CliHarness.ReadJson(Path.Combine(whole, "manifest.json")).GetProperty("fingerprint").GetString(), manifest.GetProperty("fingerprint").GetString());
    }
}
