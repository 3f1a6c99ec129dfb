using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentionSim.Cli.Tests.Lessons;

/// <summary>
/// The teacher's run of lesson 1 (the first seed with both fizzles and cycles of contention) counted the same
/// way by the terminal summary, the report, the comparison page and cycles.csv.
/// </summary>
public sealed class CycleCountsAcrossViewsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Summary_report_compare_and_csv_count_the_same_cycles_and_fizzles()
    {
        string scenario = Path.Combine(CliHarness.RepoRoot, "scenarios", "teaching", "1-tight-state.yaml");
        // The first seed whose run has both fizzles and cycles of contention (the views must agree on both).
        string a = "", output = "";
        int all = 0, fizzles = 0, seed = 0;
        while (!(fizzles > 0 && fizzles < all) && ++seed <= 40)
        {
            a = _cli.PathOf($"tight-{seed}");
            (int code, output, string error) = _cli.Run("run", scenario, "--out", a, "--no-plots", "--seed", seed.ToString(CultureInfo.InvariantCulture));
            Assert.True(code == 0, error);
            var rows = File.ReadAllLines(Path.Combine(a, "cycles.csv")).Skip(1).Where(l => l.StartsWith("wave,", StringComparison.Ordinal)).ToList();
            all = rows.Count;
            fizzles = rows.Count(r => r.Contains(",fizzle,", StringComparison.Ordinal));
        }
        Assert.True(fizzles > 0 && fizzles < all, "none of seeds 1-40 of lesson 1 has both fizzles and cycles of contention");
        string b = _cli.PathOf("open");
        Assert.Equal(0, _cli.Run("run", scenario, "--out", b, "--no-plots", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--set", "state.openness=0.85").Code);

        // Terminal: the count line adds up to the cycles it lists.
        var count = Regex.Match(output, @"(\d+) cycles: (\d+) of contention .* and (\d+) fizzles?\b");
        Assert.True(count.Success, output);
        Assert.Equal(all, int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(all - fizzles, int.Parse(count.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(fizzles, int.Parse(count.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.Equal(all, Regex.Count(output, @"^  Cycle \d+:", RegexOptions.Multiline));
        Assert.Contains("smoothed", output);

        // Report: the same sentence at a glance, the same rows in its cycle table.
        Assert.Equal(0, _cli.Run("report", a).Code);
        string html = File.ReadAllText(Path.Combine(a, "report.html"));
        Assert.Contains(count.Value, html);
        Assert.DoesNotContain("(and fizzles)", html);
        Assert.Contains("Peak (smoothed)", html);

        // Compare: cycles in all, of contention and fizzles, for the tight run.
        Assert.Equal(0, _cli.Run("compare", a, b, "--out", _cli.PathOf("cmp")).Code);
        string page = File.ReadAllText(_cli.PathOf("cmp/compare.html"));
        Assert.Matches($@"Cycles in all[^<]*</th><td class=""num"">{all}</td>", page);
        Assert.Matches($@"Cycles of contention[^<]*</th><td class=""num"">{all - fizzles}</td>", page);
        Assert.Matches($@"Fizzles[^<]*</th><td class=""num"">{fizzles}</td>", page);
    }
}
