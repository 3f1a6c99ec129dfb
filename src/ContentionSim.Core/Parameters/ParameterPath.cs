using System.Globalization;
using System.Reflection;
using System.Text;

namespace ContentionSim.Core.Parameters;

/// <summary>
/// Reads and replaces parameters by dotted path (<c>state.openness</c>,
/// <c>movements.migrants.grievance_shift</c>, <c>movements[1].activists.energy_cost</c>).
/// One mechanism serves scheduled events, <c>--set</c> overrides and sweeps, so a key
/// that works in one works in all. Records are copied, never mutated.
/// </summary>
public static class ParameterPath
{
    /// <summary>snake_case name of a property, as it appears in scenario files.</summary>
    public static string KeyOf(PropertyInfo property) => ToSnakeCase(property.Name);

    /// <summary>Converts PascalCase to snake_case (<c>RiskAversion</c> → <c>risk_aversion</c>).</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The documented parameter properties of a record type, in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<ParamAttribute>() is not null && p.CanWrite)
            .OrderBy(p => p.MetadataToken)
            .ToArray();

    /// <summary>The property of <paramref name="type"/> whose key is <paramref name="key"/>, or null.</summary>
    public static PropertyInfo? Find(Type type, string key) =>
        PropertiesOf(type).FirstOrDefault(p => KeyOf(p) == key);

    /// <summary>Splits a path into segments; <c>a.b[2].c</c> → a, b, [2], c.</summary>
    public static IReadOnlyList<string> Split(string path)
    {
        var parts = new List<string>();
        foreach (var dotted in path.Split('.'))
        {
            var s = dotted;
            int bracket = s.IndexOf('[');
            if (bracket > 0)
            {
                parts.Add(s[..bracket]);
                s = s[bracket..];
            }
            while (s.StartsWith('['))
            {
                int close = s.IndexOf(']');
                if (close < 0) throw new ParameterPathException(path, $"'[' without ']' in '{dotted}'");
                parts.Add(s[..(close + 1)]);
                s = s[(close + 1)..];
            }
            if (s.Length > 0) parts.Add(s);
            else if (bracket < 0 && dotted.Length == 0) throw new ParameterPathException(path, "empty segment");
        }
        return parts;
    }

    /// <summary>Reads the value at <paramref name="path"/>.</summary>
    public static object? Get(object root, string path)
    {
        object? current = root;
        foreach (var segment in Split(path))
            current = Step(current ?? throw new ParameterPathException(path, "null on the way"), segment, path).Value;
        return current;
    }

    /// <summary>The declared type of the value at <paramref name="path"/>.</summary>
    public static Type TypeAt(object root, string path)
    {
        object? current = root;
        Type type = root.GetType();
        foreach (var segment in Split(path))
        {
            var step = Step(current ?? throw new ParameterPathException(path, "null on the way"), segment, path);
            current = step.Value;
            type = step.Type;
        }
        return type;
    }

    /// <summary>
    /// A copy of <paramref name="root"/> with the value at <paramref name="path"/> replaced.
    /// Numbers are converted to the target type; strings are parsed for enums and numbers.
    /// </summary>
    public static T With<T>(T root, string path, object? value) where T : class
    {
        var segments = Split(path);
        if (segments.Count == 0) throw new ParameterPathException(path, "empty path");
        return (T)WithAt(root, segments, 0, value, path);
    }

    private static object WithAt(object node, IReadOnlyList<string> segments, int index, object? value, string path)
    {
        var segment = segments[index];
        var step = Step(node, segment, path);
        object? newChild = index == segments.Count - 1
            ? Convert(value, step.Type, path)
            : WithAt(step.Value ?? throw new ParameterPathException(path, $"'{segment}' is not set"), segments, index + 1, value, path);

        if (step.ListIndex is int i)
        {
            var list = ((System.Collections.IEnumerable)node).Cast<object>().ToList();
            list[i] = newChild!;
            return MakeList(node.GetType(), step.Type, list);
        }
        var copy = CloneRecord(node);
        step.Property!.SetValue(copy, newChild);
        return copy;
    }

    private readonly record struct StepResult(object? Value, Type Type, PropertyInfo? Property, int? ListIndex);

    private static StepResult Step(object node, string segment, string path)
    {
        if (node is System.Collections.IList list && ElementType(node.GetType()) is Type elementType)
        {
            if (segment.StartsWith('['))
            {
                if (!int.TryParse(segment[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i < 0 || i >= list.Count)
                    throw new ParameterPathException(path, $"index {segment} is outside the list of {list.Count}");
                return new StepResult(list[i], elementType, null, i);
            }
            // Address list items by their Id property (movements.<id>).
            var idProp = elementType.GetProperty("Id");
            if (idProp is not null)
            {
                for (int i = 0; i < list.Count; i++)
                    if (string.Equals(idProp.GetValue(list[i]) as string, segment, StringComparison.Ordinal))
                        return new StepResult(list[i], elementType, null, i);
                var ids = string.Join(", ", list.Cast<object>().Select(o => idProp.GetValue(o)));
                throw new ParameterPathException(path, $"no item with id '{segment}' (ids: {ids})");
            }
            throw new ParameterPathException(path, $"'{segment}' must be an index like [0]");
        }
        if (segment.StartsWith('['))
            throw new ParameterPathException(path, $"{segment} indexes something that is not a list");
        var property = Find(node.GetType(), segment);
        if (property is null)
        {
            var keys = PropertiesOf(node.GetType()).Select(KeyOf).ToArray();
            var suggestion = Suggest.Closest(segment, keys);
            throw new ParameterPathException(path,
                $"unknown key '{segment}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $" (valid here: {string.Join(", ", keys)})");
        }
        return new StepResult(property.GetValue(node), property.PropertyType, property, null);
    }

    /// <summary>Element type of IReadOnlyList&lt;T&gt; and friends, or null.</summary>
    public static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
        return list?.GetGenericArguments()[0];
    }

    private static Array MakeList(Type listType, Type elementType, List<object> items)
    {
        var array = Array.CreateInstance(elementType, items.Count);
        for (int i = 0; i < items.Count; i++) array.SetValue(items[i], i);
        return array;
    }

    private static object CloneRecord(object record)
    {
        var clone = record.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record");
        return clone.Invoke(record, null)!;
    }

    private static object? Convert(object? value, Type target, string path)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is null)
        {
            if (!target.IsValueType || Nullable.GetUnderlyingType(target) is not null) return null;
            throw new ParameterPathException(path, "a value is required");
        }
        if (underlying.IsInstanceOfType(value)) return value;
        try
        {
            if (underlying == typeof(Distribution))
                return Distribution.Constant(System.Convert.ToDouble(value is string s0 ? double.Parse(s0, CultureInfo.InvariantCulture) : value, CultureInfo.InvariantCulture));
            if (underlying.IsEnum)
            {
                var text = value.ToString()!;
                foreach (var name in Enum.GetNames(underlying))
                    if (ToSnakeCase(name) == text || name.Equals(text, StringComparison.OrdinalIgnoreCase))
                        return Enum.Parse(underlying, name);
                throw new ParameterPathException(path, $"'{text}' is not one of {string.Join(", ", Enum.GetNames(underlying).Select(ToSnakeCase))}");
            }
            if (underlying == typeof(bool) && value is string b) return bool.Parse(b);
            if (value is string str)
                value = double.Parse(str, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(ulong))
            {
                double d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (d != Math.Floor(d)) throw new ParameterPathException(path, $"{d.ToString(CultureInfo.InvariantCulture)} is not a whole number");
            }
            return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new ParameterPathException(path, $"'{value}' cannot be read as {underlying.Name.ToLowerInvariant()}");
        }
    }
}

/// <summary>A parameter path that does not name a parameter, or a value that does not fit it.</summary>
public sealed class ParameterPathException(string path, string reason)
    : Exception($"{path}: {reason}")
{
    /// <summary>The parameter path as given (e.g. <c>state.openness</c>).</summary>
    public string Path { get; } = path;
    /// <summary>What is wrong with it, in words.</summary>
    public string Reason { get; } = reason;
}

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggest
{
    /// <summary>The candidate closest to <paramref name="word"/>, if it is close enough to be a likely typo.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(word.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best is not null && bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
