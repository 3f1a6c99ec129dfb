using ContentionSim.Core.Observation;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Tests;

public sealed class DiscoverCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A runs.csv of a Latin-hypercube-like design over two factors where a cycle happens when a ≥ 0.6 and b ≤ 0.4.</summary>
    private string Design()
    {
        string dir = _cli.PathOf("design");
        Directory.CreateDirectory(dir);
        int cycles = SweepMetrics.All.ToList().FindIndex(m => m.Name == "cycles");
        using var log = SweepRunLog.Open(Path.Combine(dir, "runs.csv"), ["state.openness", "state.tolerance"]);
        var rng = new Random(3);
        for (int i = 0; i < 600; i++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            var metrics = new double?[SweepMetrics.All.Count];
            metrics[cycles] = a >= 0.6 && b <= 0.4 ? 1 : 0;
            log.Append(new SweepRunRecord
            {
                Run = i, Point = i, Replication = 0, Seed = (ulong)i,
                Values = [a.ToString("R", System.Globalization.CultureInfo.InvariantCulture), b.ToString("R", System.Globalization.CultureInfo.InvariantCulture)],
                Metrics = metrics,
            });
        }
        return dir;
    }

    [Fact]
    public void Discover_finds_the_box_of_the_cases_and_writes_it()
    {
        string dir = Design();
        var (code, output, error) = _cli.Run("discover", dir, "--where", "cycles>=1");
        Assert.True(code == 0, error);
        Assert.Contains("state.openness", output);
        Assert.Contains("state.tolerance", output);
        foreach (var f in new[] { "prim-trajectory.csv", "prim-box.csv", "prim.png", "prim.svg", "discovery.md" })
            Assert.True(File.Exists(Path.Combine(dir, "discovery", f)), f);
        var box = File.ReadAllLines(Path.Combine(dir, "discovery", "prim-box.csv"));
        var open = box[1].Split(',');
        Assert.Equal("true", open[1]);
        Assert.InRange(double.Parse(open[2], System.Globalization.CultureInfo.InvariantCulture), 0.5, 0.7);
    }

    [Theory]
    [InlineData("cyles>=1", "not an observable")]
    [InlineData("cycles>=x", "not a number")]
    [InlineData("cycles", "not a condition")]
    [InlineData("turnover_share>0", "no run has turnover_share > 0")]
    public void Bad_conditions_and_designs_without_cases_are_refused_with_the_fix(string where, string message)
    {
        string dir = Design();
        var (code, _, error) = _cli.Run("discover", dir, "--where", where);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(Path.Combine(dir, "discovery")));
    }

    [Fact]
    public void A_folder_without_runs_is_refused()
    {
        var (code, _, error) = _cli.Run("discover", _cli.Root, "--where", "cycles>=1");
        Assert.Equal(2, code);
        Assert.Contains("holds no runs.csv", error);
    }
}
