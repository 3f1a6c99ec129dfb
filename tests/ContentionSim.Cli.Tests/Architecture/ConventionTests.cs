using System.Text.RegularExpressions;

namespace ContentionSim.Cli.Tests.Architecture;

/// <summary>
/// Conventions of the test code itself (CONTRIBUTING.md): test names are sentences in snake case, and the test
/// categories that keep a plain <c>dotnet test</c> quick are spelt the way tests/quick.runsettings filters them.
/// Read from the sources of every test project, so a test in any project counts.
/// </summary>
public sealed partial class ConventionTests
{
    /// <summary>The categories tests/quick.runsettings leaves out and .ci/run runs.</summary>
    private static readonly string[] Categories = ["Slow", "Process", "Browser", "Root"];

    private static IEnumerable<(string File, string Text)> TestSources() =>
        Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(CliHarness.RepoRoot, f), File.ReadAllText(f)));

    [Fact]
    public void Test_names_are_sentences_in_snake_case()
    {
        int tests = 0;
        var deviating = new List<string>();
        foreach (var (file, text) in TestSources())
            foreach (Match test in TestMethod().Matches(text))
            {
                tests++;
                string name = test.Groups["name"].Value;
                // The first word may name the code under test (LoadFile_reads_…), and a later one a type
                // (…_of_TickValues_is_…); a phrase written in PascalCase (Fact1_StagesAdvanceInOrder…) may not.
                var words = name.Split('_');
                if (words.Length < 2 || words.Skip(1).Any(w => CamelHump().Count(w) > 2))
                    deviating.Add($"{file}: {name}");
            }
        Assert.True(tests > 500, $"only {tests} tests found: the pattern no longer sees the test methods");
        Assert.True(deviating.Count == 0,
            $"{deviating.Count} test names are not sentences in snake case (e.g. A_run_on_a_full_disk_fails_with_exit_3; CONTRIBUTING.md):\n" + string.Join("\n", deviating));
    }

    [Fact]
    public void Test_categories_are_the_four_the_quick_run_leaves_out()
    {
        var runsettings = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "tests", "quick.runsettings"));
        foreach (var category in Categories)
            Assert.Contains($"Category!={category}", runsettings, StringComparison.Ordinal);

        var unknown = new List<string>();
        int marked = 0;
        foreach (var (file, text) in TestSources())
            foreach (Match trait in CategoryTrait().Matches(text))
            {
                marked++;
                if (!Categories.Contains(trait.Groups["value"].Value)) unknown.Add($"{file}: \"{trait.Groups["value"].Value}\"");
            }
        Assert.True(marked >= 20, $"only {marked} category traits found");
        Assert.True(unknown.Count == 0, $"unknown test categories (a plain dotnet test would run them; use {string.Join(", ", Categories)}): {string.Join("; ", unknown)}");
    }

    /// <summary>A method under [Fact], [Theory] or an attribute derived from them, possibly after other attributes.</summary>
    [GeneratedRegex(@"^\s*\[(?:[\w.]+(?:\([^\]]*\))?,\s*)*(?:Fact|Theory|SkippableFact|SkippableTheory|BrowserFact|PlaywrightFact)\b[^\n]*\n(?:\s*(?://[^\n]*|\[[^\n]*)\n)*\s*public (?:async Task|void) (?<name>\w+)\(", RegexOptions.Multiline)]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"[a-z][A-Z]")]
    private static partial Regex CamelHump();

    [GeneratedRegex(@"Trait\(\s*""Category""\s*,\s*""(?<value>[^""]*)""\s*\)")]
    private static partial Regex CategoryTrait();
}
