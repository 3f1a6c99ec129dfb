using System.Text.RegularExpressions;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Tests;

public class ScenarioTemplateTests
{
    private static readonly string Yaml = ScenarioTemplate.Yaml("starter");

    /// <summary>Every section of the format (records and lists of records), as ScenarioReference walks it, with its keys.</summary>
    private static List<(string Section, Type Type)> Sections()
    {
        var result = new List<(string, Type)>();
        void Walk(Type type, string path)
        {
            result.Add((path, type));
            foreach (var p in ParameterPath.PropertiesOf(type))
            {
                string key = path.Length == 0 ? ParameterPath.KeyOf(p) : $"{path}.{ParameterPath.KeyOf(p)}";
                if (ParameterPath.ElementType(p.PropertyType) is Type element && ParameterPath.PropertiesOf(element).Count > 0 && element != typeof(Distribution))
                    Walk(element, key + "[]");
                else if (p.PropertyType != typeof(Distribution) && p.PropertyType.IsClass && p.PropertyType != typeof(string) && ParameterPath.PropertiesOf(p.PropertyType).Count > 0)
                    Walk(p.PropertyType, key);
            }
        }
        Walk(typeof(Scenario), "");
        return result;
    }

    [Fact]
    public void The_starter_loads_with_the_scenario_loader()
    {
        var scenario = ScenarioLoader.Parse(Yaml, "starter.yaml");

        Assert.Equal("starter", scenario.Name);
        Assert.Equal(new StateParameters(), scenario.State);
        Assert.Equal(new ClassifierParameters(), scenario.Classifier);
        Assert.Equal(new TransnationalParameters(), scenario.Transnational);
        Assert.Equal(new ActivistParameters().Grievance, scenario.Movements[0].Activists.Grievance);
        Assert.Single(scenario.Movements[0].Organizations);
        Assert.Empty(scenario.Events); // the example events are commented out
    }

    [Fact]
    public void The_commented_example_events_load_when_switched_on()
    {
        var lines = Yaml.Split('\n').ToList();
        int at = lines.IndexOf("events: []");
        var examples = lines.Skip(at + 2).TakeWhile(l => l.StartsWith("# ")).Select(l => l[2..]).ToList();
        string switchedOn = string.Join("\n", lines.Take(at).Concat(examples).Concat(lines.Skip(at + 2 + examples.Count)));

        var scenario = ScenarioLoader.Parse(switchedOn, "starter.yaml");

        Assert.Equal(2, scenario.Events.Count);
        Assert.Contains(scenario.Events, e => e.Until is null);
        Assert.Contains(scenario.Events, e => e.Until is not null);
    }

    [Fact]
    public void The_starter_covers_every_param_key_of_every_section()
    {
        foreach (var (section, type) in Sections())
            foreach (var p in ParameterPath.PropertiesOf(type))
            {
                string key = ParameterPath.KeyOf(p);
                string commented = section.StartsWith("events") ? "(# +)?" : "";
                Assert.True(Regex.IsMatch(Yaml, $"^{commented} *(- )?{key}:", RegexOptions.Multiline), $"'{key}' of section '{section}' is missing");
            }
        foreach (var p in ParameterPath.PropertiesOf(typeof(Distribution)))
            Assert.Contains($"{ParameterPath.KeyOf(p)}: ", Yaml); // the long form of distributions names their keys too
    }

    [Fact]
    public void Every_key_line_is_explained_by_the_comment_above_it()
    {
        var lines = Yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], "^ *(- )?[a-z_]+:")) continue;
            Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith('#'), $"line {i + 1} '{lines[i]}' has no comment above it");
        }
    }

    [Fact]
    public void Each_comment_carries_the_description_and_range_of_its_key()
    {
        var openness = typeof(StateParameters).GetProperty(nameof(StateParameters.Openness))!;
        var param = (ParamAttribute)Attribute.GetCustomAttribute(openness, typeof(ParamAttribute))!;

        Assert.Contains($"# {param.Description} [from 0 to 1]\n  openness: {new StateParameters().Openness.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n", Yaml);
        Assert.Contains("[from 1 to 1,000,000; ticks; whole number]\nticks: ", Yaml);
        Assert.All(Yaml.Split('\n'), l => Assert.True(l.Length <= 120, $"line too long: {l}"));
    }

    [Fact]
    public void Names_that_need_quoting_are_quoted()
    {
        var scenario = ScenarioLoader.Parse(ScenarioTemplate.Yaml("1e5"), "x.yaml");
        Assert.Equal("1e5", scenario.Name);
    }
}

/// <summary>A scenario written out whole (the classroom's export) loads back to the same parameters.</summary>
public class ScenarioWriteBackTests
{
    public static TheoryData<string> ShippedScenarios()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(Support.RepoRoot(), "scenarios");
        foreach (var f in Directory.GetFiles(root, "*.yaml").Concat(Directory.GetFiles(Path.Combine(root, "teaching"), "*.yaml")).Order())
            data.Add(Path.GetRelativePath(root, f));
        return data;
    }

    private static string Json(Scenario s) => System.Text.Json.JsonSerializer.Serialize(s);

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void A_shipped_scenario_with_added_events_loads_back_the_same(string file)
    {
        var original = ScenarioLoader.LoadFile(Path.Combine(Support.RepoRoot(), "scenarios", file));
        var played = original with
        {
            Description = original.Description + "\n(played in the classroom: \"quotes\", a colon: and # a hash)",
            Events = [.. original.Events,
                new ScheduledEvent { At = 12, Set = "state.openness", Value = 0.85, Label = "openness slider" },
                new ScheduledEvent { At = 30, Until = 60, Set = "transnational.alliance_probability", Value = 0.3, Label = "ramp: an ally abroad" }],
        };
        string yaml = ScenarioTemplate.Yaml(played, ["Played in the classroom.", "Seed 42."]);
        Assert.StartsWith("# Played in the classroom.\n# Seed 42.\n", yaml);
        var back = ScenarioLoader.Parse(yaml, file);
        Assert.Equal(Json(played), Json(back));
    }

    [Fact]
    public void A_scenario_without_organizations_or_events_keeps_them_empty()
    {
        var s = new Scenario { Movements = [new MovementParameters { Organizations = [] }] };
        var back = ScenarioLoader.Parse(ScenarioTemplate.Yaml(s, []), "none.yaml");
        Assert.Empty(back.Movements[0].Organizations);
        Assert.Empty(back.Events);
        Assert.Equal(Json(s), Json(back));
    }
}
