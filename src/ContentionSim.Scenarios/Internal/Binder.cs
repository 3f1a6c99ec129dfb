using System.Collections.ObjectModel;
using System.Reflection;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Internal;

/// <summary>
/// Binds YAML nodes to the parameter records by reflection: mapping keys are matched to
/// <see cref="ParamAttribute"/> properties by their snake_case name (<see cref="ParameterPath.KeyOf"/>).
/// Records start from their defaults (or from <c>current</c>, for overrides), so omitted keys
/// keep their default. Every problem becomes a diagnostic and binding goes on; the position
/// of every key written is recorded in the <see cref="SourceMap"/>. Distributions, with their
/// shorthands, are bound in Binder.Distributions.cs.
/// </summary>
internal sealed partial class Binder(string file, List<Diagnostic> diagnostics, SourceMap map)
{
    /// <summary>Paths at which a value could not be bound (its default was kept).</summary>
    public List<string> FailedPaths { get; } = [];

    /// <param name="property">The property bound (for a list item, the list's), for its range in messages; null if unknown.</param>
    public bool TryBind(Type type, YNode node, string path, object? current, out object? value, PropertyInfo? property = null)
    {
        if (Nullable.GetUnderlyingType(type) is Type underlying)
        {
            if (node is YScalar { IsNull: true }) { value = null; return true; }
            return TryBind(underlying, node, path, current, out value, property);
        }
        return Schema.ShapeOf(type) switch
        {
            Shape.Record => BindRecord(type, node, path, current, out value),
            Shape.List => BindList(type, node, path, out value, property),
            Shape.Distribution => BindDistribution(node, path, out value),
            _ => BindScalar(type, node, path, out value, property),
        };
    }

    // ---- records -------------------------------------------------------------------------

    private bool BindRecord(Type type, YNode node, string path, object? current, out object? value)
    {
        value = null;
        if (node is YScalar { IsNull: true })
        {
            value = current ?? Activator.CreateInstance(type)!;
            return true;
        }
        if (node is not YMapping mapping)
        {
            string name = LastKey(path);
            string firstKey = ParameterPath.KeyOf(ParameterPath.PropertiesOf(type)[0]);
            return Fail(node, path, $"expected {Schema.Expected(type)}, found {node.Describe()}",
                path.EndsWith(']')
                    ? $"each item of '{name}' is a section of keys: write it as '- {firstKey}: ...'"
                    : node is YSequence
                        ? $"remove the '- ': '{name}' is one section, not a list"
                        : $"write the keys of '{name}' on the lines below it, indented by two spaces");
        }
        var instance = current is null ? Activator.CreateInstance(type)! : CloneRecord(current);
        foreach (var (key, child) in mapping.Entries)
        {
            string childPath = Schema.Child(path, key.Value);
            var property = ParameterPath.Find(type, key.Value);
            if (property is null)
            {
                UnknownKey(type, key, path);
                continue;
            }
            map.Set(childPath, child is YScalar ? child.Line : key.Line, child is YScalar ? child.Column : key.Column);
            if (TryBind(property.PropertyType, child, childPath, property.GetValue(instance), out var bound, property))
                property.SetValue(instance, bound);
        }
        value = instance;
        return true;
    }

    private void UnknownKey(Type type, YScalar key, string path)
    {
        var keys = ParameterPath.PropertiesOf(type).Select(ParameterPath.KeyOf).ToArray();
        string where = path.Length == 0 ? "at the top level" : $"in '{path}'";
        string childPath = Schema.Child(path, key.Value);
        if (key.Value == "<<")
        {
            Error(key, childPath, "merge keys ('<<') are not supported",
                "write the keys out, or put an anchor (&name) on a whole section and use *name as the value of another");
            return;
        }
        if (RetiredKeys.Find(type, key.Value) is { } retired)
        {
            Error(key, childPath, RetiredKeys.Message(retired), RetiredKeys.Fix(retired));
            return;
        }
        string normalized = ParameterPath.ToSnakeCase(key.Value.Trim().Replace('-', '_').Replace(' ', '_'));
        string? suggestion = keys.Contains(normalized) ? normalized : Suggest.Closest(key.Value, keys);
        string message = $"unknown key '{key.Value}' {where}";
        if (suggestion is not null) message += $"; did you mean '{suggestion}'?";
        else if (Schema.SectionsWithKey(key.Value) is { Count: > 0 } elsewhere)
            message += $"; '{key.Value}' is a key of {string.Join(" and ", elsewhere.Select(s => s.StartsWith("the ") ? s : $"'{s}'"))}";
        Error(key, childPath, message, $"valid keys {where}: {string.Join(", ", keys)}");
    }

    private static object CloneRecord(object record)
    {
        var clone = record.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record");
        return clone.Invoke(record, null)!;
    }

    // ---- lists ---------------------------------------------------------------------------

    private bool BindList(Type type, YNode node, string path, out object? value, PropertyInfo? property)
    {
        var elementType = ParameterPath.ElementType(type)!;
        value = null;
        List<YNode> items;
        if (node is YScalar { IsNull: true }) items = [];
        else if (node is YSequence sequence) items = sequence.Items;
        else
        {
            bool records = Schema.ShapeOf(elementType) == Shape.Record;
            return Fail(node, path, $"expected {Schema.Expected(type)}, found {node.Describe()}",
                records
                    ? $"start each item of '{LastKey(path)}' with '- ' on its own line (e.g. '- {ParameterPath.KeyOf(ParameterPath.PropertiesOf(elementType)[0])}: ...')"
                    : "write the items as [a, b, c] or one '- item' per line");
        }
        var array = Array.CreateInstance(elementType, items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            map.Set(itemPath, items[i].Line, items[i].Column);
            // A failed item keeps a default so that later items keep their index.
            array.SetValue(TryBind(elementType, items[i], itemPath, null, out var item, property) && item is not null
                ? item
                : Activator.CreateInstance(elementType), i);
        }
        value = typeof(Array).GetMethod(nameof(Array.AsReadOnly))!.MakeGenericMethod(elementType).Invoke(null, [array]);
        return true;
    }

    // ---- scalars -------------------------------------------------------------------------

    private bool BindScalar(Type type, YNode node, string path, out object? value, PropertyInfo? property = null)
    {
        value = null;
        var shape = Schema.ShapeOf(type);
        string expected = Schema.Expected(type);
        if (node is not YScalar scalar)
            return Fail(node, path, $"expected {expected}, found {node.Describe()}",
                node is YMapping
                    ? $"'{LastKey(path)}' takes a single value; if the lines below belong to another section, indent them less"
                    : $"'{LastKey(path)}' takes a single value, not a list");
        if (shape == Shape.Text)
        {
            value = scalar.IsNull ? "" : scalar.Value;
            return true;
        }
        if (scalar.IsNull)
            return Fail(node, path, $"a value is required: expected {expected}", $"write a value after '{LastKey(path)}:' or remove the key to keep the default");
        string text = scalar.Value.Trim();
        switch (shape)
        {
            case Shape.Enum:
            {
                var names = Enum.GetNames(type);
                string normalized = text.Replace('-', '_');
                foreach (var name in names)
                    if (ParameterPath.ToSnakeCase(name) == normalized || name.Equals(text, StringComparison.OrdinalIgnoreCase))
                    {
                        value = Enum.Parse(type, name);
                        return true;
                    }
                var snake = Schema.EnumNames(type);
                string? suggestion = Suggest.Closest(text, snake) ?? snake.FirstOrDefault(n => string.Equals(n.Replace("_", "", StringComparison.Ordinal), text, StringComparison.OrdinalIgnoreCase));
                return Fail(node, path,
                    $"{scalar.Describe()} is not a valid {EnumLabel(type)}" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                    $"use one of: {string.Join(", ", snake)}");
            }
            case Shape.Bool:
                if (scalar.IsPlain && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)))
                {
                    value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
                    return true;
                }
                return Fail(node, path, $"expected true or false, found {scalar.Describe()}",
                    text.ToLowerInvariant() is "yes" or "on" or "y" or "1" ? "write true"
                    : text.ToLowerInvariant() is "no" or "off" or "n" or "0" ? "write false"
                    : "write true or false");
        }

        // Numbers.
        if (!scalar.IsPlain)
            return Fail(node, path, $"expected {expected}, found {scalar.Describe()}",
                Scalars.TryNumber(text, out _) ? "remove the quotes: quoted values are text" : NumberFix(scalar));
        if (shape == Shape.Unsigned)
        {
            if (Scalars.TryULong(text, out ulong u))
            {
                value = Convert.ChangeType(u, type, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            }
            if (text.TrimStart('+').All(char.IsAsciiDigit))
                return Fail(node, path, $"{text} is too large: expected a whole number from 0 to {ulong.MaxValue}",
                    LastKey(path) == "seed" ? "write a smaller whole number, such as 2024" : "write a smaller whole number");
        }
        else if (shape == Shape.Whole && Scalars.TryLong(text, out long whole))
        {
            if (type == typeof(int) && whole is > int.MaxValue or < int.MinValue)
                return TooLarge(node, path, text, whole, $"{int.MinValue} to {int.MaxValue}", property);
            value = type == typeof(int) ? (object)(int)whole : whole;
            return true;
        }
        if (!Scalars.TryNumber(text, out double number))
            return Fail(node, path, $"expected {expected}, found {scalar.Describe()}", NumberFix(scalar));
        if (!double.IsFinite(number))
            return Fail(node, path, $"expected a finite number, found {scalar.Describe()}", "write an ordinary number");
        if (shape == Shape.Number)
        {
            value = number;
            return true;
        }
        // Whole numbers written as 1e6 or 26.0 are fine; 2.5 is not.
        if (number != Math.Floor(number))
            return Fail(node, path, $"expected {expected}, found {Schema.Num(number)}",
                $"write {Schema.Plain(Math.Floor(number))} or {Schema.Plain(Math.Ceiling(number))}");
        if (shape == Shape.Unsigned && number < 0)
            return Fail(node, path, $"expected {expected}, found {Schema.Num(number)}", "write 0 or a positive whole number");
        double lo = type == typeof(int) ? int.MinValue : type == typeof(long) ? long.MinValue : 0;
        double hi = type == typeof(int) ? int.MaxValue : type == typeof(long) ? long.MaxValue : ulong.MaxValue;
        if (number < lo || number > hi)
        {
            string range = type == typeof(int) ? $"{int.MinValue} to {int.MaxValue}" : type == typeof(long) ? $"{long.MinValue} to {long.MaxValue}" : $"0 to {ulong.MaxValue}";
            return TooLarge(node, path, text, number, range, property);
        }
        value = Convert.ChangeType(number, type, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// A whole number beyond what its type holds: the parameter's own range when known, and for a number
    /// of activists the memory it would take, so that 10^12 activists is refused before anything is allocated.
    /// </summary>
    private bool TooLarge(YNode node, string path, string text, double number, string typeRange, PropertyInfo? property)
    {
        string key = LastKey(path);
        if (key == "count" && path.EndsWith(".activists.count", StringComparison.Ordinal) && number > 0)
            return Fail(node, path,
                $"{Schema.Num(number)} activists is more than the limit of {Schema.Num(ScenarioValidator.MaxActivists)}: " +
                $"they would need at least {Schema.Bytes(number * ScenarioValidator.BytesPerActivist)} of memory ({ScenarioValidator.BytesPerActivist} bytes per activist, before their ties)",
                $"set count to at most {Schema.Plain(ScenarioValidator.MaxActivists)}; the shape of a cycle seldom changes above a few hundred thousand");
        var param = property is null ? null : Schema.ParamOf(property);
        string? range = Schema.Range(param);
        string unit = string.IsNullOrEmpty(param?.Unit) ? "" : $" ({param.Unit})";
        string what = number < 0 ? "too far below zero" : "too large";
        return range is null
            ? Fail(node, path, $"{text} is {what}: expected a whole number from {typeRange}", $"write a whole number from {typeRange}")
            : Fail(node, path, $"{text} is {what}: expected a whole number {range}{unit}", $"set {key} {range}");
    }

    private static string EnumLabel(Type type) => type.Name switch
    {
        nameof(NetworkKind) => "network kind",
        nameof(DistributionKind) => "distribution kind",
        nameof(OrganizationKind) => "organization kind",
        nameof(ThresholdUnit) => "threshold unit",
        _ => ParameterPath.ToSnakeCase(type.Name).Replace('_', ' '),
    };

    private static string NumberFix(YScalar scalar)
    {
        if (Scalars.TryPercent(scalar.Value, out double share)) return $"write shares as fractions: {Schema.Num(share)} for {scalar.Value.Trim()}";
        if (Scalars.TryDecimalComma(scalar.Value, out string point)) return $"write {point} (a decimal point, not a comma)";
        if (Scalars.TryThousands(scalar.Value, out double plain))
        {
            string bare = plain.ToString(System.Globalization.CultureInfo.InvariantCulture), grouped = Schema.Num(plain).Replace(",", "_");
            return $"write {(grouped == bare ? bare : $"{grouped} or {bare}")} (',' is not a digit separator; '_' is)";
        }
        return "write a number such as 0.5";
    }

    // ---- helpers -------------------------------------------------------------------------

    private static string LastKey(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), -1);
        var last = path[(cut + 1)..];
        int bracket = last.IndexOf('[');
        return bracket > 0 ? last[..bracket] : last;
    }

    private bool Fail(YNode at, string path, string message, string? fix)
    {
        Error(at, path, message, fix);
        return false;
    }

    private void Error(YNode at, string path, string message, string? fix)
    {
        diagnostics.Add(new Diagnostic(file, at.Line, at.Column, path, message, fix));
        FailedPaths.Add(path);
    }
}
