using System.Globalization;
using System.Reflection;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Classroom;

/// <summary>
/// One thing a class can change: a parameter of the model by its path, with its meaning, range and
/// unit read from the parameter's <see cref="ParamAttribute"/> (the schema the loader validates
/// against), not written a second time here. A path may hold <c>[*]</c>: every movement or every
/// organization group of the scenario gets the same value.
/// </summary>
public sealed record Control
{
    /// <summary>Short id used in the page (and its tests).</summary>
    public required string Id { get; init; }
    /// <summary>What the class sees as the slider's name.</summary>
    public required string Title { get; init; }
    /// <summary>Parameter path, e.g. <c>state.openness</c>, <c>movements[*].grievance_shift</c>.</summary>
    public required string Path { get; init; }
    /// <summary>True when a change can be made while the run goes on (an event); false: before the start only (it shapes the population or network).</summary>
    public bool MidRun { get; init; } = true;
    /// <summary>A word on what low and high values mean, when the description does not say it.</summary>
    public string Hint { get; init; } = "";
    /// <summary>Slider step.</summary>
    public double Step { get; init; } = 0.01;

    /// <summary>The parameter's documentation: meaning, range, unit.</summary>
    public ParamAttribute Param => Schema.ParamAt(Path);
    public double Min => double.IsNaN(Param.Min) ? 0 : Param.Min;
    public double Max => double.IsNaN(Param.Max) ? 1 : Param.Max;

    /// <summary>The range in words, e.g. "0 to 1 (probability)".</summary>
    public string Range =>
        $"{Num(Min)} to {Num(Max)}" + (Param.Unit.Length > 0 ? $" ({Param.Unit})" : "");

    /// <summary>The concrete paths of this control in <paramref name="scenario"/> (one per movement or group for <c>[*]</c>).</summary>
    public IReadOnlyList<string> Expand(Scenario scenario)
    {
        var paths = new List<string> { Path };
        if (Path.Contains("movements[*]"))
            paths = scenario.Movements.Select((m, i) => Path.Replace("movements[*]", $"movements[{i}]")).ToList();
        if (Path.Contains("organizations[*]"))
            paths = paths.SelectMany(p =>
            {
                int m = int.Parse(p[(p.IndexOf('[') + 1)..p.IndexOf(']')], CultureInfo.InvariantCulture);
                return scenario.Movements[m].Organizations.Select((_, k) => p.Replace("organizations[*]", $"organizations[{k}]"));
            }).ToList();
        return paths;
    }

    /// <summary>The path as an event names it: movements by id (<c>movements.migrants.grievance_shift</c>).</summary>
    public static string EventPath(Scenario scenario, string path)
    {
        const string prefix = "movements[";
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return path;
        int close = path.IndexOf(']');
        int m = int.Parse(path[prefix.Length..close], CultureInfo.InvariantCulture);
        return $"movements.{scenario.Movements[m].Id}{path[(close + 1)..]}";
    }

    /// <summary>The value in <paramref name="scenario"/> (the first movement's or group's for <c>[*]</c>), or null when the scenario has none (no organizations).</summary>
    public double? ValueIn(Scenario scenario)
    {
        var paths = Expand(scenario);
        if (paths.Count == 0) return null;
        return Convert.ToDouble(ParameterPath.Get(scenario, paths[0]), CultureInfo.InvariantCulture);
    }

    internal static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>The controls of the page and the shocks, in the order shown.</summary>
public static class Controls
{
    public static IReadOnlyList<Control> All { get; } =
    [
        new() { Id = "openness", Title = "Openness of the state", Path = "state.openness", Hint = "0 closed (few channels, protest looks futile), 1 open" },
        new() { Id = "repression", Title = "Repression propensity", Path = "state.repression_propensity", Hint = "0 tolerates, 1 represses" },
        new() { Id = "alliance", Title = "Alliance probability (allies abroad)", Path = "transnational.alliance_probability", Hint = "the boomerang: allies abroad press the state" },
        new() { Id = "grievance", Title = "Grievance shift", Path = "movements[*].grievance_shift", Hint = "added to every activist's hardship; a law raises it, relief lowers it" },
        new() { Id = "framing", Title = "Framing by organizations", Path = "movements[*].organizations[*].framing", Hint = "how often organizations spread the movement's frame" },
        new() { Id = "clustering", Title = "Network rewiring (clustering)", Path = "network.rewiring", MidRun = false, Hint = "0: tight local circles (clustered), 1: ties at random; set before the start" },
        new() { Id = "membership", Title = "Members of organizations", Path = "movements[*].activists.membership", MidRun = false, Hint = "share of activists in an organization; set before the start" },
    ];

    public static Control Get(string id) => All.First(c => c.Id == id);
}

/// <summary>A shock a button applies at the next tick: one or more parameter changes with a label.</summary>
public sealed record Shock(string Id, string Title, string Label, Func<Scenario, IReadOnlyList<(string Path, double Value)>> Changes);

public static class Shocks
{
    public static IReadOnlyList<Shock> All { get; } =
    [
        new("law", "A law (grievances rise)", "a law raises grievances (grievance shift +0.15)",
            s => s.Movements.Select((m, i) => ($"movements[{i}].grievance_shift", Math.Min(1, m.GrievanceShift + 0.15))).ToList()),
        new("crackdown", "A crackdown", "a crackdown (repression propensity to 0.95, capacity doubled)",
            s => [("state.repression_propensity", 0.95), ("state.repression_capacity", Math.Min(1, s.State.RepressionCapacity * 2))]),
        new("ally", "An ally abroad", "allies abroad take up the cause (alliance probability to 0.5)",
            s => [("transnational.alliance_probability", Math.Max(0.5, s.Transnational.AllianceProbability))]),
    ];
}

/// <summary>The schema of the parameters, read from their <see cref="ParamAttribute"/>s.</summary>
public static class Schema
{
    /// <summary>The documentation of the parameter at <paramref name="path"/> (indices and <c>[*]</c> skipped).</summary>
    public static ParamAttribute ParamAt(string path)
    {
        Type type = typeof(Scenario);
        PropertyInfo? property = null;
        foreach (var segment in ParameterPath.Split(path.Replace("[*]", "[0]")))
        {
            if (segment.StartsWith('[')) { type = ParameterPath.ElementType(type) ?? type; continue; }
            property = ParameterPath.Find(type, segment) ?? throw new ArgumentException($"no parameter '{segment}' in '{path}'");
            type = property.PropertyType;
        }
        return property?.GetCustomAttribute<ParamAttribute>() ?? throw new ArgumentException($"'{path}' is not a documented parameter");
    }
}
