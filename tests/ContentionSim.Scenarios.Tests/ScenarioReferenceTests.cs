using System.Text.RegularExpressions;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Tests;

public class ScenarioReferenceTests
{
    [Fact]
    public void Docs_file_matches_the_generator()
    {
        var path = Path.Combine(Support.RepoRoot(), "docs", "scenarios.md");
        var expected = ScenarioReference.Markdown();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        Assert.True(actual == expected,
            "docs/scenarios.md is out of date with the [Param] attributes or ScenarioReference. " +
            "Regenerate it with: UPDATE_DOCS=1 dotnet test tests/ContentionSim.Scenarios.Tests");
    }

    [Fact]
    public void Every_key_of_every_section_is_documented_with_its_range()
    {
        var md = ScenarioReference.Markdown();
        void Check(Type type)
        {
            foreach (var property in ParameterPath.PropertiesOf(type))
            {
                var param = (ParamAttribute)Attribute.GetCustomAttribute(property, typeof(ParamAttribute))!;
                var row = md.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{ParameterPath.KeyOf(property)}` |") && l.Contains(param.Description.Replace("|", "\\|")));
                Assert.True(row is not null, $"no row for {type.Name}.{property.Name}");
                if (!double.IsNaN(param.Min) && !double.IsNaN(param.Max))
                    Assert.Contains($"{param.Min.ToString(System.Globalization.CultureInfo.InvariantCulture)} – ", row);
            }
        }
        foreach (var type in new[] { typeof(Scenario), typeof(NetworkParameters), typeof(MovementParameters), typeof(ActivistParameters),
                     typeof(OrganizationGroupParameters), typeof(StateParameters), typeof(TransnationalParameters),
                     typeof(PublicOpinionParameters), typeof(ClassifierParameters), typeof(ScheduledEvent) })
            Check(type);
    }

    [Fact]
    public void Defaults_on_the_page_are_the_record_defaults()
    {
        var md = ScenarioReference.Markdown();
        var activists = new ActivistParameters();
        Assert.Contains($"| `openness` | number | {new StateParameters().Openness.ToString(System.Globalization.CultureInfo.InvariantCulture)} | 0 – 1 |", md);
        Assert.Contains($"| `count` | whole number | {(activists.Count >= 10_000 ? activists.Count.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) : activists.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} | 1 – 50,000,000 | people |", md);
        Assert.Contains($"| `grievance` | [distribution](#distributions) | beta(mean {activists.Grievance.Mean.ToString(System.Globalization.CultureInfo.InvariantCulture)}, sd {activists.Grievance.Sd.ToString(System.Globalization.CultureInfo.InvariantCulture)}) | 0 – 1 |", md);
        Assert.Contains("| `kind` | `small_world` \\| `random` \\| `complete` \\| `none` | `small_world` |", md);
        Assert.Contains("| `until` | whole number (optional) | (none) | ≥ 0 | tick |", md);
    }

    [Fact]
    public void Every_yaml_example_on_the_page_loads()
    {
        var md = ScenarioReference.Markdown();
        var blocks = Regex.Matches(md, "```yaml\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 4, "expected the examples on the page");
        int loaded = 0;
        foreach (var yaml in blocks)
        {
            if (yaml.StartsWith("name: broken")) continue; // the error example
            ScenarioLoader.Parse(yaml, "example.yaml");
            loaded++;
        }
        Assert.Equal(blocks.Count - 1, loaded);
    }

    [Fact]
    public void Error_example_on_the_page_is_the_real_loader_output()
    {
        var md = ScenarioReference.Markdown();
        Assert.Contains("broken.yaml:4:9: network.kind: 'ring' is not a valid network kind. Use one of: small_world, random, complete, none", md);
        Assert.Contains("--set: state.opennes: 'state.opennes' is not a parameter", md);
    }

    [Fact]
    public void Links_point_at_headings_on_the_page()
    {
        var md = ScenarioReference.Markdown();
        var anchors = Regex.Matches(md, @"^#+ (.+)$", RegexOptions.Multiline)
            .Select(m => new string(m.Groups[1].Value.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Replace(' ', '-'))
            .ToHashSet();
        foreach (Match link in Regex.Matches(md, @"\]\(#([^)]+)\)"))
            Assert.True(anchors.Contains(link.Groups[1].Value), $"dangling link #{link.Groups[1].Value}");
    }
}
