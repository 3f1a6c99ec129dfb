using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Internal;

// Binding a distribution: a plain number (a constant), a shorthand such as {normal: [0.5, 0.1]}, or kind, mean, sd, min and max.
internal sealed partial class Binder
{
    private static readonly string[] DistributionShorthands = ["constant", "uniform", "normal", "beta"];

    private bool BindDistribution(YNode node, string path, out object? value)
    {
        value = null;
        switch (node)
        {
            case YScalar { IsNull: true }:
                return Fail(node, path, $"a value is required: expected {Schema.Expected(typeof(Distribution))}", null);
            case YScalar scalar:
                if (scalar.IsPlain && Scalars.TryNumber(scalar.Value, out double constant))
                {
                    value = Distribution.Constant(constant);
                    return true;
                }
                if (DistributionShorthands.Contains(scalar.Value.Trim()) || scalar.Value.Trim() == "kind")
                    return Fail(node, path, $"expected a number or a distribution, found {scalar.Describe()} without parameters",
                        $"write e.g. {{{ShorthandExample(scalar.Value.Trim())}}} or {{kind: normal, mean: 0.5, sd: 0.1}}");
                return Fail(node, path, $"expected {Schema.Expected(typeof(Distribution))}, found {scalar.Describe()}",
                    !scalar.IsPlain && Scalars.TryNumber(scalar.Value, out _) ? "remove the quotes: quoted values are text" : NumberFix(scalar));
            case YSequence:
                return Fail(node, path, $"expected {Schema.Expected(typeof(Distribution))}, found {node.Describe()}",
                    "name the shape before the list: {uniform: [min, max]}, {normal: [mean, sd]} or {beta: [mean, sd]}");
        }
        var mapping = (YMapping)node;
        var d = new Distribution();
        DistributionKind? kind = null;
        YScalar? kindKey = null;
        bool ok = true;
        var given = new Dictionary<string, YNode>(StringComparer.Ordinal); // mean/sd/min/max → where it was given
        var suggested = new HashSet<string>(StringComparer.Ordinal); // keys an unknown key was taken for (said once, not twice)

        bool SetNumber(string key, YNode at, YNode valueNode)
        {
            string keyPath = Schema.Child(path, key);
            if (given.TryGetValue(key, out var earlier))
                return Fail(at, keyPath, $"'{key}' is given twice (also on line {earlier.Line})", $"remove one of them");
            given[key] = at;
            map.Set(keyPath, valueNode.Line, valueNode.Column);
            if (!BindScalar(typeof(double), valueNode, keyPath, out var number)) return false;
            double x = (double)number!;
            d = key switch
            {
                "mean" => d with { Mean = x },
                "sd" => d with { Sd = x },
                "min" => d with { Min = x },
                _ => d with { Max = x },
            };
            return true;
        }

        foreach (var (key, child) in mapping.Entries)
        {
            string name = key.Value;
            string keyPath = Schema.Child(path, name);
            if (name == "kind" || DistributionShorthands.Contains(name))
            {
                if (kindKey is not null)
                {
                    ok = Fail(key, keyPath, $"'{name}' and '{kindKey.Value}' both set the kind of distribution", "keep one of them");
                    continue;
                }
                kindKey = key;
                map.Set(Schema.Child(path, "kind"), key.Line, key.Column);
                if (name == "kind")
                {
                    if (BindScalar(typeof(DistributionKind), child, keyPath, out var k)) kind = (DistributionKind)k!;
                    else ok = false;
                    continue;
                }
                kind = Enum.Parse<DistributionKind>(name, ignoreCase: true);
                string[] parts = kind switch
                {
                    DistributionKind.Constant => ["mean"],
                    DistributionKind.Uniform => ["min", "max"],
                    _ => ["mean", "sd"],
                };
                if (parts.Length == 1 && child is YScalar)
                    ok &= SetNumber("mean", key, child);
                else if (child is YSequence seq && seq.Items.Count == parts.Length)
                    for (int i = 0; i < parts.Length; i++) ok &= SetNumber(parts[i], seq.Items[i], seq.Items[i]);
                else
                    ok = Fail(child, keyPath, $"'{name}' expects [{string.Join(", ", parts)}], found {child.Describe()}",
                        $"write {{{ShorthandExample(name)}}}");
                continue;
            }
            if (ParameterPath.Find(typeof(Distribution), name) is null)
            {
                string? closest = Suggest.Closest(name, ["kind", "mean", "sd", "min", "max", .. DistributionShorthands]);
                if (closest is not null) suggested.Add(closest);
                ok = Fail(key, keyPath,
                    $"unknown key '{name}' in a distribution" + (closest is string s ? $"; did you mean '{s}'?" : ""),
                    "a distribution has kind, mean, sd, min and max, or is a shorthand such as {normal: [0.5, 0.1]}");
                continue;
            }
            ok &= SetNumber(name, key, child);
        }

        if (kindKey is null)
        {
            if (ok)
                return Fail(mapping, path, "a distribution needs a 'kind' (constant, uniform, normal or beta)",
                    given.ContainsKey("sd") ? "add 'kind: normal' or 'kind: beta'" : "add e.g. 'kind: normal', or write a plain number for a constant");
            return false;
        }
        if (kind is DistributionKind resolved)
        {
            var (allowed, required) = resolved switch
            {
                DistributionKind.Constant => (new[] { "mean" }, new[] { "mean" }),
                DistributionKind.Uniform => (["min", "max"], []),
                _ => (["mean", "sd", "min", "max"], new[] { "mean", "sd" }),
            };
            string kindName = Schema.EnumName(resolved);
            foreach (var (key, at) in given)
                if (!allowed.Contains(key))
                    ok = Fail(at, Schema.Child(path, key), $"'{key}' does not apply to a {kindName} distribution (it uses {string.Join(", ", allowed)})",
                        resolved == DistributionKind.Uniform && key == "mean" ? "remove 'mean': a uniform's mean is halfway between min and max" : $"remove '{key}'");
            foreach (var key in required)
                if (!given.ContainsKey(key) && !suggested.Contains(key))
                    ok = Fail(kindKey, path, $"a {kindName} distribution needs '{key}'", $"add '{key}: ...' next to 'kind'");
            d = d with { Kind = resolved };
            if (resolved == DistributionKind.Uniform) d = d with { Mean = (d.Min + d.Max) / 2 };
        }
        if (!ok) return false;
        value = d;
        return true;
    }

    private static string ShorthandExample(string name) => name switch
    {
        "constant" => "constant: 0.5",
        "uniform" => "uniform: [0, 1]",
        "beta" => "beta: [0.5, 0.15]",
        _ => "normal: [0.5, 0.1]",
    };
}
