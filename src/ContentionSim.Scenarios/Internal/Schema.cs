using System.Globalization;
using System.Reflection;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Internal;

/// <summary>The kinds of value a scenario key can hold.</summary>
internal enum Shape { Number, Whole, Unsigned, Bool, Text, Enum, Distribution, List, Record }

/// <summary>Classifies schema types and describes them and their ranges in words.</summary>
internal static class Schema
{
    public static Shape ShapeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(double) || type == typeof(float)) return Shape.Number;
        if (type == typeof(int) || type == typeof(long)) return Shape.Whole;
        if (type == typeof(ulong) || type == typeof(uint)) return Shape.Unsigned;
        if (type == typeof(bool)) return Shape.Bool;
        if (type == typeof(string)) return Shape.Text;
        if (type.IsEnum) return Shape.Enum;
        if (type == typeof(Distribution)) return Shape.Distribution;
        if (ParameterPath.ElementType(type) is not null) return Shape.List;
        if (ParameterPath.PropertiesOf(type).Count > 0) return Shape.Record;
        throw new NotSupportedException($"scenario values of type {type.Name} are not supported");
    }

    public static bool IsNumeric(Type type) => ShapeOf(type) is Shape.Number or Shape.Whole or Shape.Unsigned;

    public static ParamAttribute? ParamOf(PropertyInfo property) => property.GetCustomAttribute<ParamAttribute>();

    /// <summary>snake_case names of an enum's values.</summary>
    public static string[] EnumNames(Type type) =>
        Enum.GetNames(Nullable.GetUnderlyingType(type) ?? type).Select(ParameterPath.ToSnakeCase).ToArray();

    public static string EnumName(object value) => ParameterPath.ToSnakeCase(value.ToString()!);

    /// <summary>The first few keys of a section, for "expected a section of keys (...)".</summary>
    public static string KeysOf(Type type)
    {
        var keys = ParameterPath.PropertiesOf(type).Select(ParameterPath.KeyOf).ToList();
        return keys.Count <= 8 ? string.Join(", ", keys) : string.Join(", ", keys.Take(6)) + ", ...";
    }

    /// <summary>What a value of <paramref name="type"/> looks like, for "expected ..." in messages.</summary>
    public static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        string text = ShapeOf(t) switch
        {
            Shape.Number => "a number",
            Shape.Whole => "a whole number",
            Shape.Unsigned => "a whole number (0 or more)",
            Shape.Bool => "true or false",
            Shape.Text => "text",
            Shape.Enum => "one of: " + string.Join(", ", EnumNames(t)),
            Shape.Distribution => "a number or a distribution such as {kind: normal, mean: 0.5, sd: 0.1}",
            Shape.List => $"a list of {Plural(ParameterPath.ElementType(t)!)}",
            Shape.Record => $"a section of keys ({KeysOf(t)})",
            _ => t.Name,
        };
        return Nullable.GetUnderlyingType(type) is not null ? text + " (or nothing)" : text;
    }

    /// <summary>Short type name for the reference page.</summary>
    public static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        string text = ShapeOf(t) switch
        {
            Shape.Number => "number",
            Shape.Whole => "whole number",
            Shape.Unsigned => "whole number ≥ 0",
            Shape.Bool => "true/false",
            Shape.Text => "text",
            Shape.Enum => string.Join(" \\| ", EnumNames(t).Select(n => $"`{n}`")),
            Shape.Distribution => "[distribution](#distributions)",
            Shape.List => $"list of {Plural(ParameterPath.ElementType(t)!)}",
            Shape.Record => "section",
            _ => t.Name,
        };
        return Nullable.GetUnderlyingType(type) is not null ? text + " (optional)" : text;
    }

    private static string Plural(Type element) => ShapeOf(element) switch
    {
        Shape.Number => "numbers",
        Shape.Whole or Shape.Unsigned => "whole numbers",
        Shape.Record => ParameterPath.ToSnakeCase(element.Name.Replace("Parameters", "")).Replace('_', ' ') switch
        {
            "movement" => "movements",
            "organization group" => "organization groups",
            "scheduled event" => "events",
            var other => other + " items",
        },
        _ => element.Name.ToLowerInvariant() + " values",
    };

    /// <summary>The valid range in words ("from 0 to 1", "≥ 0"), or null when unbounded.</summary>
    public static string? Range(ParamAttribute? param)
    {
        if (param is null) return null;
        bool lo = !double.IsNaN(param.Min), hi = !double.IsNaN(param.Max);
        return (lo, hi) switch
        {
            (true, true) => $"from {Num(param.Min)} to {Num(param.Max)}",
            (true, false) => $"≥ {Num(param.Min)}",
            (false, true) => $"≤ {Num(param.Max)}",
            _ => null,
        };
    }

    /// <summary>The valid range for the reference table ("0 – 1", "≥ 0"), or "any".</summary>
    public static string RangeShort(ParamAttribute? param)
    {
        if (param is null) return "";
        bool lo = !double.IsNaN(param.Min), hi = !double.IsNaN(param.Max);
        return (lo, hi) switch
        {
            (true, true) => $"{Num(param.Min)} – {Num(param.Max)}",
            (true, false) => $"≥ {Num(param.Min)}",
            (false, true) => $"≤ {Num(param.Max)}",
            _ => "",
        };
    }

    /// <summary>Where in the schema a key exists: section patterns such as <c>state</c> or <c>movements[].activists</c>.</summary>
    public static IReadOnlyList<string> SectionsWithKey(string key) =>
        KeyIndex.TryGetValue(key, out var sections) ? sections : [];

    private static readonly Dictionary<string, List<string>> KeyIndex = BuildKeyIndex();

    private static Dictionary<string, List<string>> BuildKeyIndex()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Walk(Type type, string section)
        {
            foreach (var property in ParameterPath.PropertiesOf(type))
            {
                string key = ParameterPath.KeyOf(property);
                if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                list.Add(section.Length == 0 ? "the top level" : section);
                var shape = ShapeOf(property.PropertyType);
                if (shape == Shape.Record) Walk(property.PropertyType, Child(section, key));
                else if (shape == Shape.List && ShapeOf(ParameterPath.ElementType(property.PropertyType)!) == Shape.Record)
                    Walk(ParameterPath.ElementType(property.PropertyType)!, Child(section, key) + "[]");
            }
        }
        Walk(typeof(Scenario), "");
        return index;
    }

    /// <summary>Whether <paramref name="value"/> lies within the param's bounds.</summary>
    public static bool InRange(double value, ParamAttribute? param) =>
        param is null || ((double.IsNaN(param.Min) || value >= param.Min) && (double.IsNaN(param.Max) || value <= param.Max));

    /// <summary>A number as a person would write it: 0.35, 26, 50,000,000.</summary>
    public static string Num(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "infinity" : "-infinity";
        if (Math.Abs(value) >= 10_000 && Math.Abs(value) < 1e18 && value == Math.Floor(value))
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A number as it would be written in a scenario file (no digit grouping): for fixes.</summary>
    public static string Plain(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A byte count as "3.2 GB".</summary>
    public static string Bytes(double bytes) => bytes switch
    {
        >= 1e12 => (bytes / 1e12).ToString("0.#", CultureInfo.InvariantCulture) + " TB",
        >= 1e9 => (bytes / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1e6 => (bytes / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + " kB",
    };

    /// <summary>A distribution in words: beta(mean 0.5, sd 0.15), uniform(0, 1), constant 0.3.</summary>
    public static string Describe(Distribution d)
    {
        string bounds = d.Min == 0 && d.Max == 1 ? "" : $" on [{Num(d.Min)}, {Num(d.Max)}]";
        return d.Kind switch
        {
            DistributionKind.Constant => $"constant {Num(d.Mean)}",
            DistributionKind.Uniform => $"uniform({Num(d.Min)}, {Num(d.Max)})",
            DistributionKind.Normal => $"normal(mean {Num(d.Mean)}, sd {Num(d.Sd)}){bounds}",
            DistributionKind.Beta => $"beta(mean {Num(d.Mean)}, sd {Num(d.Sd)}){bounds}",
            _ => d.Kind.ToString(),
        };
    }

    /// <summary>Path of a child key: <c>a</c> + <c>b</c> → <c>a.b</c>; root + <c>b</c> → <c>b</c>.</summary>
    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
