namespace ContentionSim.Cli.Tests.Architecture;

/// <summary>
/// No source file longer than a reader can hold (issue 13): every file under src/ has at most
/// <see cref="MaxLines"/> lines, unless it is on <see cref="Allowed"/> with the reason it should stay whole.
/// A long file is split by what it does (one record a file, a partial class's parts such as
/// <c>ScenarioValidator.CrossChecks.cs</c>, a helper class), not cut at a line number.
/// </summary>
public sealed class FileSizeTests
{
    /// <summary>The most lines a source file under src/ may have.</summary>
    private const int MaxLines = 400;

    /// <summary>
    /// Files allowed to be longer, by path relative to the repository root (with '/'), each with the reason it
    /// should stay whole. Keep it short: an entry is a decision, written where the next reader will see it.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
    };

    private static IEnumerable<(string File, int Lines)> Sources() =>
        Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(CliHarness.RepoRoot, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllLines(f).Length));

    [Fact]
    public void No_source_file_is_longer_than_400_lines_unless_allowed_with_a_reason()
    {
        var sources = Sources().ToList();
        Assert.True(sources.Count > 100, $"only {sources.Count} source files found under src/: the search no longer sees them");
        var tooLong = sources.Where(s => s.Lines > MaxLines && !Allowed.ContainsKey(s.File))
            .Select(s => $"{s.File}: {s.Lines} lines").ToList();
        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} source file(s) are longer than {MaxLines} lines; split each by what it does (a file per type, " +
            "a partial class's parts, a helper class), or add it to FileSizeTests.Allowed with the reason it should stay whole:\n" +
            string.Join("\n", tooLong));
    }

    [Fact]
    public void Every_file_allowed_to_be_long_exists_is_long_and_says_why()
    {
        var lines = Sources().ToDictionary(s => s.File, s => s.Lines, StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var (file, reason) in Allowed)
        {
            if (string.IsNullOrWhiteSpace(reason)) stale.Add($"{file}: no reason given");
            else if (!lines.TryGetValue(file, out int n)) stale.Add($"{file}: no such file under src/");
            else if (n <= MaxLines) stale.Add($"{file}: {n} lines, within the limit (remove it from the list)");
        }
        Assert.True(stale.Count == 0, "FileSizeTests.Allowed is out of date:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_activists_rule_fits_on_one_screen()
    {
        // Issue 13: the behaviour a political scientist reads and changes is one function of at most 80 lines
        // (ActivistRules.Decide, docs/ODD.md 7.5), from its signature to its closing brace.
        var lines = File.ReadAllLines(Path.Combine(CliHarness.RepoRoot, "src", "ContentionSim.Core", "Activists", "ActivistRules.cs"));
        int start = Array.FindIndex(lines, l => l.Contains("public static ActivistOutcome Decide(", StringComparison.Ordinal));
        Assert.True(start >= 0, "ActivistRules.Decide not found");
        int end = Array.FindIndex(lines, start, l => l == "    }");
        Assert.True(end - start + 1 <= 80, $"ActivistRules.Decide is {end - start + 1} lines; move a self-contained part into a named helper");
    }
}
