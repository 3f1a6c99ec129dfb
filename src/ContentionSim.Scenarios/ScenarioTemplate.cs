using System.Globalization;
using System.Text;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios;

/// <summary>
/// A commented starter scenario (<c>contentionsim new NAME</c>): every key of the format with its
/// default value and a comment — its meaning, unit and valid range — written from the
/// <see cref="ParamAttribute"/>s and the default records, like <see cref="ScenarioReference"/>, so it
/// always lists the keys the loader knows. Lists that are empty by default get an example item
/// (an organization group; a shock and a ramp, commented out) so their keys are explained too.
/// </summary>
public static class ScenarioTemplate
{
    private const int Width = 96;

    /// <summary>Example organization group written into the starter.</summary>
    internal static OrganizationGroupParameters ExampleOrganizations { get; } = new() { PerThousandActivists = 2 };

    /// <summary>Example events written into the starter: a shock and a ramp.</summary>
    internal static IReadOnlyList<ScheduledEvent> ExampleEvents(Scenario defaults)
    {
        string movement = defaults.Movements.Count > 0 ? defaults.Movements[0].Id : "movement";
        int shock = Math.Max(1, defaults.Ticks / 5), rampFrom = Math.Max(shock + 1, defaults.Ticks / 2);
        return
        [
            new ScheduledEvent { At = shock, Set = $"movements.{movement}.grievance_shift", Value = 0.1, Label = "example shock: a law raises grievances" },
            new ScheduledEvent { At = rampFrom, Until = Math.Min(defaults.Ticks - 1, rampFrom + defaults.Ticks / 5), Set = "state.openness", Value = 0.3, Label = "example ramp: the state closes" },
        ];
    }

    /// <summary>The starter scenario named <paramref name="name"/>, as YAML with "\n" line ends.</summary>
    public static string Yaml(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var defaults = new Scenario() with { Name = name, Description = "A starter scenario: edit the values below." };
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        Line($"# {name}: a ContentionSim scenario, written by 'contentionsim new'.");
        Line("#");
        foreach (var l in Wrap("Every key is listed with its default value and a comment: what it means, its unit and its valid range. " +
                               "A key you delete keeps its default, so you can keep only what you change. The organization group is an example " +
                               "to edit or delete, and 'events' shows a shock and a ramp to switch on. The full reference is docs/scenarios.md; " +
                               "'contentionsim validate' checks the file and 'contentionsim run' runs it.", "# "))
            Line(l);
        Line("#");
        Line("# Distributions (grievance, risk_aversion, threshold, radicalism, volunteers, salaried_staff) are written");
        Line("# {kind: constant|uniform|normal|beta, mean, sd, min, max}: each activist or organization draws its own");
        Line("# value. Short forms also work: 0.4 (constant), {uniform: [0.2, 0.8]}, {normal: [0.5, 0.1]}, {beta: [0.5, 0.15]}.");
        Line("#");
        Line("# What the class should notice: (write it here)");
        WriteRecord(sb, typeof(Scenario), defaults, 0, "", topLevel: true, defaults);
        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="scenario"/> written out whole, every key with its value and the same comments
    /// as the starter, its lists as they are (no examples): the scenario a classroom run played,
    /// its changes in <c>events</c>. Loading the text gives back the same parameters.
    /// </summary>
    /// <param name="header">Comment lines written first (without '# ').</param>
    public static string Yaml(Scenario scenario, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sb = new StringBuilder();
        foreach (var h in header)
            foreach (var l in Wrap(h, "# ")) sb.Append(l).Append('\n');
        WriteRecord(sb, typeof(Scenario), scenario, 0, "", topLevel: true, scenario, resolved: true);
        return sb.ToString();
    }

    private static void WriteRecord(StringBuilder sb, Type type, object value, int indent, string firstPrefix, bool topLevel, Scenario defaults, bool resolved = false)
    {
        var properties = ParameterPath.PropertiesOf(type);
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var param = Schema.ParamOf(property)!;
            string key = ParameterPath.KeyOf(property);
            object? v = property.GetValue(value);
            var shape = Schema.ShapeOf(property.PropertyType);
            string pad = new(' ', indent);
            string keyPad = pad + (i == 0 ? firstPrefix : new string(' ', firstPrefix.Length));
            string commentPad = i == 0 ? pad : keyPad;
            if (v is null) continue; // optional keys without a default (an event's 'until' in a shock)

            if (topLevel) sb.Append('\n');
            foreach (var line in Wrap(Comment(param, property.PropertyType), commentPad + "# ")) sb.Append(line).Append('\n');

            switch (shape)
            {
                case Shape.Record:
                    sb.Append(keyPad).Append(key).Append(":\n");
                    WriteRecord(sb, property.PropertyType, v, keyPad.Length + 2, "", topLevel: false, defaults, resolved);
                    break;
                case Shape.List when ParameterPath.ElementType(property.PropertyType) is Type element && Schema.ShapeOf(element) == Shape.Record:
                {
                    var items = ((System.Collections.IEnumerable)v).Cast<object>().ToList();
                    if (items.Count == 0 && resolved)
                    {
                        sb.Append(keyPad).Append(key).Append(": []\n");
                        break;
                    }
                    if (items.Count == 0 && element == typeof(ScheduledEvent))
                    {
                        // No events by default: the examples are written commented out, so the starter
                        // runs like the defaults (and with any --ticks) until they are switched on.
                        sb.Append(keyPad).Append(key).Append(": []\n");
                        sb.Append(commentPad).Append("# Examples, a shock and a ramp: to use them, replace the line above with these lines without their '# '.\n");
                        var example = new StringBuilder();
                        example.Append(key).Append(":\n");
                        foreach (var item in ExampleEvents(defaults)) WriteRecord(example, element, item, 2, "- ", topLevel: false, defaults);
                        foreach (var line in example.ToString().TrimEnd('\n').Split('\n')) sb.Append(commentPad).Append("# ").Append(line).Append('\n');
                        break;
                    }
                    if (items.Count == 0)
                        items.Add(element == typeof(OrganizationGroupParameters) ? ExampleOrganizations : Activator.CreateInstance(element)!);
                    sb.Append(keyPad).Append(key).Append(":\n");
                    foreach (var item in items) WriteRecord(sb, element, item, keyPad.Length + 2, "- ", topLevel: false, defaults, resolved);
                    break;
                }
                default:
                    sb.Append(keyPad).Append(key).Append(": ").Append(Scalar(v)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>The comment of a key: meaning, then range and unit.</summary>
    private static string Comment(ParamAttribute param, Type type)
    {
        var extra = new List<string>();
        if (Schema.Range(param) is string range) extra.Add(range);
        if (param.Unit.Length > 0) extra.Add(param.Unit);
        var shape = Schema.ShapeOf(type);
        if (shape is Shape.Whole or Shape.Unsigned) extra.Add("whole number");
        string text = param.Description.TrimEnd();
        if (extra.Count > 0) text += " [" + string.Join("; ", extra) + "]";
        return text;
    }

    private static string Scalar(object value) => value switch
    {
        string s => Text(s),
        bool b => b ? "true" : "false",
        Enum e => Schema.EnumName(e),
        double d => Number(d),
        float f => Number(f),
        int or long or ulong or uint => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        Distribution d => Distribution(d),
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object>().Select(Scalar)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Distribution(Distribution d) => d.Kind switch
    {
        DistributionKind.Constant => $"{{kind: constant, mean: {Number(d.Mean)}}}",
        DistributionKind.Uniform => $"{{kind: uniform, min: {Number(d.Min)}, max: {Number(d.Max)}}}",
        _ => $"{{kind: {Schema.EnumName(d.Kind)}, mean: {Number(d.Mean)}, sd: {Number(d.Sd)}, min: {Number(d.Min)}, max: {Number(d.Max)}}}",
    };

    private static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Text as YAML: plain when safe, else double-quoted.</summary>
    private static string Text(string s)
    {
        bool plain = s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
                     && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                     && s is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~");
        if (plain) return s;
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static IEnumerable<string> Wrap(string text, string prefix)
    {
        var line = new StringBuilder(prefix);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > prefix.Length && line.Length + 1 + word.Length > Width)
            {
                yield return line.ToString().TrimEnd();
                line.Clear().Append(prefix);
            }
            if (line.Length > prefix.Length) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > prefix.Length) yield return line.ToString().TrimEnd();
    }
}
