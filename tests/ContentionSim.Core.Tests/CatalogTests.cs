using System.Reflection;
using System.Text.RegularExpressions;
using ContentionSim.Core.Observation;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The observables and metrics catalog (<see cref="Observables"/>, <see cref="Metrics"/>) is the one
/// place their names are declared: every observable of <see cref="TickValues"/> is in it, and no
/// name of it is spelled out as a string literal anywhere else in <c>src/</c>.
/// </summary>
public sealed partial class CatalogTests
{
    [Fact]
    public void Every_member_of_TickValues_is_one_observable_of_the_catalog_that_reads_and_writes_it()
    {
        var members = typeof(TickValues).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order().ToList();
        var values = new TickValues();
        var seen = new List<string>();
        foreach (var (o, i) in Observables.All.Select((o, i) => (o, i)))
        {
            // Each observable sets exactly one member, which it also reads back.
            double x = 7 + i;
            var set = o.With(values, x);
            Assert.Equal(x, o.Of(set));
            var changed = typeof(TickValues).GetProperties().Where(p => !Equals(p.GetValue(set), p.GetValue(values))).Select(p => p.Name).ToList();
            seen.Add(Assert.Single(changed));
            Assert.Matches("^[a-z][a-z0-9_]*$", o.Name);
            Assert.False(string.IsNullOrWhiteSpace(o.Unit) || string.IsNullOrWhiteSpace(o.Description) || string.IsNullOrWhiteSpace(o.Computation), o.Name);
        }
        Assert.Equal(members, seen.Order());
        Assert.Equal(Observables.All.Count, Observables.All.Select(o => o.Name).Distinct().Count());
    }

    [Fact]
    public void Metrics_have_unique_names_and_the_headline_ones_read_the_headline()
    {
        Assert.Equal(Metrics.All.Count, Metrics.All.Select(m => m.Name).Distinct().Count());
        Assert.All(Metrics.All, m => Assert.Matches("^[a-z][a-z0-9_]*$", m.Name));
        Assert.All(Metrics.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Label) || string.IsNullOrWhiteSpace(m.Description), m.Name));
        Assert.All(Metrics.OfHeadline, m => Assert.True(m.InHeadline, m.Name));
        var h = new Headline { Cycles = 3, PeakParticipation = 0.4, TimeToPeak = -1, StageDurations = [10, 1, 2, 3, 4, 5, 6], AlliancesFormed = 2 };
        Assert.Equal(3, Metrics.Cycles.Of(h));
        Assert.Equal(0.4, Metrics.PeakParticipation.Of(h));
        Assert.Null(Metrics.TimeToPeak.Of(h));
        Assert.Equal(-1, Metrics.TimeToPeak.Stored(h));
        Assert.Equal([10.0, 1, 2, 3, 4, 5, 6], Metrics.StageTicks.Select(m => m.Of(h)!.Value));
        Assert.Throws<InvalidOperationException>(() => Metrics.CycleLength.Stored(h));
    }

    /// <summary>
    /// Literals that are a catalog name but mean an English word or another thing, with the reason.
    /// Anything else spelling a catalog name outside the catalog fails the test below.
    /// </summary>
    private static readonly (string File, string Literal, string Why)[] Allowed =
    [
        ("src/ContentionSim.Cli/Commands/Watch/LiveView.cs", "active", "label of the live view's status line"),
        ("src/ContentionSim.Cli/Commands/Watch/LiveView.cs", "exhausted", "label of the live view's status line"),
        ("src/ContentionSim.Cli/Commands/Watch/LiveView.cs", "inactive", "label of the live view's status line"),
        ("src/ContentionSim.Reporting/Plots/ActorsPlot.cs", "inactive", "legend of the actors figure (a status, in words)"),
        ("src/ContentionSim.Reporting/Plots/ActorsPlot.cs", "active", "legend of the actors figure (a status, in words)"),
        ("src/ContentionSim.Reporting/Plots/ActorsPlot.cs", "exhausted", "legend of the actors figure (a status, in words)"),
        ("src/ContentionSim.Reporting/Plots/StagesPlot.cs", "participation", "legend of the stages figure"),
        ("src/ContentionSim.Reporting/RunSummary.cs", "cycles", "the plural of 'cycle' in the run's summary"),
        ("src/ContentionSim.Reporting/RunManifest.cs", "cycles", "run.json's list of cycle records, not the metric"),
        ("src/ContentionSim.Core/Simulation/ContentionModel.cs", "activists", "name of the activists' step of the schedule"),
        ("src/ContentionSim.Experiments/Sensitivity/SensitivityManifest.cs", "activists", "the scenario's size in the manifest, not the observable"),
        ("src/ContentionSim.Experiments/Validation/Fact5Boomerang.cs", "concessions", "a figure label and a check's words"),
    ];

    [Fact]
    public void No_observable_or_metric_name_is_a_string_literal_outside_the_catalog()
    {
        string root = RepoRoot();
        var names = Observables.All.Select(o => o.Name).Concat(Metrics.All.Select(m => m.Name)).ToHashSet(StringComparer.Ordinal);
        string[] catalog = ["src/ContentionSim.Core/Observation/Observables.cs", "src/ContentionSim.Core/Observation/Metrics.cs"];
        var found = new List<string>();
        foreach (string path in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            string file = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal) || catalog.Contains(file)) continue;
            var lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                foreach (Match m in Literal().Matches(lines[i]))
                {
                    string literal = m.Groups[1].Value;
                    if (names.Contains(literal) && !Allowed.Any(a => a.File == file && a.Literal == literal))
                        found.Add($"{file}:{i + 1}: \"{literal}\" (use the catalog: Observables.X.Name or Metrics.X.Name)");
                }
            }
        }
        Assert.True(found.Count == 0, string.Join('\n', found));
        // Every allowance is still needed (a stale one would hide a new use).
        foreach (var (file, literal, _) in Allowed)
            Assert.Contains($"\"{literal}\"", File.ReadAllText(Path.Combine(root, file)));
    }

    [GeneratedRegex("(?<![\\w$@])\"([a-z0-9_]+)\"")]
    private static partial Regex Literal();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (with ContentionSim.sln) is not above the test's folder");
    }
}
