using System.Reflection;
using System.Text.RegularExpressions;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Tests;

/// <summary>
/// The parameter tables of docs/ODD.md §8 come from the [Param] attributes, like docs/scenarios.md, and every
/// parameter says where its default comes from: a citation, a calibration record, or "assumed".
/// </summary>
public sealed partial class ParameterTablesTests
{
    [Fact]
    public void Odd_parameter_tables_match_the_generator()
    {
        var path = Path.Combine(Support.RepoRoot(), "docs", "ODD.md");
        var document = File.ReadAllText(path).Replace("\r\n", "\n");
        var expected = ParameterTables.Replace(document);
        Assert.True(expected is not null, $"docs/ODD.md has no '{ParameterTables.Begin}' … '{ParameterTables.End}' block for the generated tables");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1" && expected != document)
        {
            File.WriteAllText(path, expected);
            document = expected;
        }
        Assert.True(document == expected,
            "docs/ODD.md's parameter tables (§8) are out of date with the [Param] attributes or ParameterTables. " +
            "Regenerate them with: UPDATE_DOCS=1 dotnet test tests/ContentionSim.Scenarios.Tests");
    }

    [Fact]
    public void The_tables_have_a_row_for_every_key_with_its_default_and_source()
    {
        var md = ParameterTables.Markdown();
        var rows = md.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        int keys = 0;
        foreach (var (type, property, param) in Parameters())
        {
            keys++;
            string key = ParameterPath.KeyOf(property);
            Assert.True(rows.Any(r => r.StartsWith($"| `{key}` |", StringComparison.Ordinal) && r.Contains(param.Description.Replace("|", "\\|"), StringComparison.Ordinal)
                                      && r.Contains(param.Source.Replace("|", "\\|"), StringComparison.Ordinal)),
                $"no row for {type.Name}.{property.Name}");
        }
        Type[] sections = [typeof(Scenario), typeof(NetworkParameters), typeof(MovementParameters), typeof(ActivistParameters), typeof(OrganizationGroupParameters),
                           typeof(StateParameters), typeof(TransnationalParameters), typeof(PublicOpinionParameters), typeof(ClassifierParameters), typeof(ScheduledEvent)];
        Assert.Equal(sections.Sum(t => ParameterPath.PropertiesOf(t).Count), rows.Count); // one row per key, sections included
        Assert.True(keys > 100, $"only {keys} parameters found");
        Assert.Contains("| `openness` | 0.5 | 0 – 1 |", md);
        Assert.Contains("### 8.4 `movements[].activists`", md);
        Assert.Contains("### 8.10 `events[]`", md);
        // The movement's default organizations, which the hand-written table once got wrong ("none by default").
        Assert.Contains("| `organizations` | 1 item, see §8.5 |", md);
    }

    [Fact]
    public void Every_parameter_says_where_its_default_comes_from()
    {
        var problems = new List<string>();
        foreach (var (type, property, param) in Parameters())
        {
            string name = $"{type.Name}.{property.Name}";
            string source = param.Source;
            if (source.Length == 0) { problems.Add($"{name}: no Source"); continue; }
            bool assumed = source.StartsWith("assumed", StringComparison.Ordinal) || source.Contains("value assumed", StringComparison.Ordinal)
                           || source.StartsWith("assumed for", StringComparison.Ordinal);
            bool cited = Citation().IsMatch(source);
            bool calibrated = source.StartsWith("calibrated", StringComparison.Ordinal);
            bool label = source.StartsWith("not a model quantity", StringComparison.Ordinal);
            if (!(assumed || cited || calibrated || label))
                problems.Add($"{name}: '{source}' is neither a citation (Author (year)), a calibration record ('calibrated: …'), 'assumed …' nor 'not a model quantity'");
            if (source.Contains("tuned", StringComparison.Ordinal) && !(assumed && source.Contains("to be calibrated", StringComparison.Ordinal)))
                problems.Add($"{name}: a value tuned by hand says 'assumed (hand-tuned in <commit> to <purpose>; to be calibrated)': '{source}'");
            if (HandTuned().Match(source) is { Success: true } commit && !Commits.Contains(commit.Groups[1].Value))
                problems.Add($"{name}: names commit {commit.Groups[1].Value}, which is not one the tuning history knows ({string.Join(", ", Commits)})");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Sections_and_events_carry_no_source_and_the_model_parameters_all_do()
    {
        // A section (a record or a list of records) is not a value; events are a schedule, not parameters.
        foreach (var property in ParameterPath.PropertiesOf(typeof(ScheduledEvent)))
            Assert.Equal("", property.GetCustomAttribute<ParamAttribute>()!.Source);
        Assert.Equal("", typeof(Scenario).GetProperty(nameof(Scenario.State))!.GetCustomAttribute<ParamAttribute>()!.Source);
        Assert.True(Parameters().Count() > 100, "the model has more than a hundred parameters");
    }

    /// <summary>The commits that tuned defaults by hand (docs/ODD.md §8 and Known limitations, 9).</summary>
    private static readonly string[] Commits = ["b8053e2", "c8ce119", "fab5595", "893c5fb"];

    [GeneratedRegex(@"[A-Z][\p{L}'-]+( (&|and) [A-Z][\p{L}'-]+| et al\.)? \(?(1[89]|20)\d\d\)?")]
    private static partial Regex Citation();

    [GeneratedRegex(@"hand-tuned in ([0-9a-f]{7})")]
    private static partial Regex HandTuned();

    /// <summary>Every key of the scenario tree that holds a value (not a section), outside events.</summary>
    private static IEnumerable<(Type Type, PropertyInfo Property, ParamAttribute Param)> Parameters()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(Scenario)]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type) || type == typeof(ScheduledEvent) || type == typeof(Distribution)) continue;
            foreach (var property in ParameterPath.PropertiesOf(type))
            {
                var element = ParameterPath.ElementType(property.PropertyType);
                var inner = element ?? property.PropertyType;
                if (inner != typeof(Distribution) && ParameterPath.PropertiesOf(inner).Count > 0)
                {
                    queue.Enqueue(inner);
                    continue;
                }
                yield return (type, property, property.GetCustomAttribute<ParamAttribute>()!);
            }
        }
    }
}
