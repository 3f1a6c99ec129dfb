using ContentionSim.Core.Observation;
using ContentionSim.Experiments.Methods;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Methods.Discovery;
using ContentionSim.Reporting;

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

    private static readonly string[] DiscoveryFiles = ["prim-trajectory.csv", "prim-box.csv", "prim.png", "prim.svg", "discovery.md"];

    /// <summary>Every file of <paramref name="dir"/> (recursively) with its bytes, to compare a folder before and after.</summary>
    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => File.Exists(f) ? File.ReadAllBytes(f) : []);

    /// <summary>Staging folders (<c>NAME.partial-PID</c>, <c>NAME.old-PID</c>) left in <paramref name="dir"/>.</summary>
    private static IEnumerable<string> Staging(string dir) =>
        Directory.EnumerateFileSystemEntries(dir).Where(e => Path.GetFileName(e).Contains(".partial-", StringComparison.Ordinal) || Path.GetFileName(e).Contains(".old-", StringComparison.Ordinal));

    [Fact]
    public void A_folder_holding_a_users_file_is_refused_with_or_without_force_and_the_file_is_kept()
    {
        string dir = Design();
        string target = Path.Combine(dir, "discovery");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "my notes");
        File.WriteAllText(Path.Combine(target, "prim-box.csv"), "my own box");

        var (code, output, error) = _cli.Run("discover", dir, "--where", "cycles>=1");
        Assert.Equal(3, code);
        Assert.Equal($"error: '{target}' exists and is not empty; use --force to replace it or choose another --out.", error.Trim());
        Assert.Equal("", output);

        (code, output, error) = _cli.Run("discover", dir, "--where", "cycles>=1", "--force");
        Assert.Equal(3, code);
        Assert.Contains($"'{target}' holds 'notes.txt', which discover does not write, so --force will not replace it", error);
        Assert.Equal("", output);

        Assert.Equal(["notes.txt", "prim-box.csv"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(target, "notes.txt")));
        Assert.Equal("my own box", File.ReadAllText(Path.Combine(target, "prim-box.csv")));
        Assert.Empty(Staging(dir));
    }

    [Fact]
    public void Files_with_discoverys_names_but_not_written_by_it_are_not_replaced()
    {
        string dir = Design();
        string target = _cli.PathOf("mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "discovery.md"), "# My own notes on the discovery\n");

        var (code, _, error) = _cli.Run("discover", dir, "--where", "cycles>=1", "--out", target, "--force");
        Assert.Equal(3, code);
        Assert.Contains("is not a discovery's folder (it has no discovery.md written by contentionsim discover), so --force will not replace it", error);
        Assert.Equal("# My own notes on the discovery\n", File.ReadAllText(Path.Combine(target, "discovery.md")));
    }

    [Fact]
    public void A_file_in_place_of_the_folder_is_refused()
    {
        string dir = Design();
        var (code, _, error) = _cli.Run("discover", dir, "--where", "cycles>=1", "--out", Path.Combine(dir, "runs.csv"));
        Assert.Equal(3, code);
        Assert.Contains("runs.csv' exists and is a file, not a folder; choose another --out.", error);
        Assert.Equal(600, File.ReadAllLines(Path.Combine(dir, "runs.csv")).Length - 1);
    }

    [Fact]
    public void Rerunning_into_its_own_earlier_output_needs_force_and_then_replaces_it_whole()
    {
        string dir = Design();
        string target = Path.Combine(dir, "discovery");
        Assert.Equal(0, _cli.Run("discover", dir, "--where", "cycles>=1").Code);
        var first = Snapshot(target);
        Assert.Equal(DiscoveryFiles.Order(StringComparer.Ordinal), first.Keys.Order(StringComparer.Ordinal));

        var (code, _, error) = _cli.Run("discover", dir, "--where", "cycles<1", "--no-plots");
        Assert.Equal(3, code);
        Assert.Contains("exists and is not empty; use --force to replace it", error);
        Assert.Equal(first, Snapshot(target));

        (code, _, error) = _cli.Run("discover", dir, "--where", "cycles<1", "--no-plots", "--force");
        Assert.True(code == 0, error);
        // Replaced whole: the earlier figure is gone with the rest, not left beside the new tables.
        Assert.Equal(["discovery.md", "prim-box.csv", "prim-trajectory.csv"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("# Scenario discovery: where `cycles < 1`", File.ReadAllText(Path.Combine(target, "discovery.md")));

        // The same command again gives the same bytes.
        var second = Snapshot(target);
        Assert.Equal(0, _cli.Run("discover", dir, "--where", "cycles<1", "--no-plots", "--force").Code);
        Assert.Equal(second, Snapshot(target));
        Assert.Empty(Staging(dir));
    }

    [Fact]
    public void A_failure_part_way_leaves_no_partial_folder_and_an_earlier_discovery_as_it_was()
    {
        string dir = Design();
        var (keys, records) = SweepRunLog.Read(Path.Combine(dir, "runs.csv"));
        var result = ScenarioDiscovery.Run(keys, records, CaseCondition.Parse("cycles>=1", out _)!);
        // A chosen box with one limit for two factors: prim-trajectory.csv is written, then prim-box.csv fails half-way.
        var broken = result with { Chosen = result.Chosen with { Box = new PrimBox([0.5], [1.0]) } };

        string fresh = _cli.PathOf("fresh");
        var e = Assert.Throws<OutputException>(() => DiscoveryOutput.Write(broken, fresh, "t", plots: true, force: false));
        Assert.Contains(Path.Combine(fresh, "prim-box.csv"), e.Message);
        Assert.False(Directory.Exists(fresh));
        Assert.Empty(Staging(_cli.Root));

        string earlier = _cli.PathOf("earlier");
        DiscoveryOutput.Write(result, earlier, "t", plots: true, force: false);
        var before = Snapshot(earlier);
        Assert.Throws<OutputException>(() => DiscoveryOutput.Write(broken, earlier, "t", plots: false, force: true));
        Assert.Equal(before, Snapshot(earlier));
        Assert.Empty(Staging(_cli.Root));
    }
}
