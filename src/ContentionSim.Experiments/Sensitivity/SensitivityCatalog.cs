using System.Reflection;
using System.Text.RegularExpressions;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// The parameters of a scenario a sensitivity analysis varies, and those it leaves alone with the
/// reason. Built from the <see cref="ParamAttribute"/>s, so a parameter added to the model is found
/// without a list to update: every numeric scalar (the top-level spillover, the network's degree and
/// rewiring, each movement's grievance shift and activists' scalars, each organization group's
/// scalars, state, transnational and public opinion) is varied; distribution-valued attributes
/// (grievance, risk aversion, threshold, radicalism, volunteers, salaried staff) are varied in their
/// location. Left out: the seed and the run length, counts of agents, names, ids, kinds and switches,
/// explicit threshold lists, the scheduled events and the stage classifier (the observer, not the model).
/// </summary>
public sealed record SensitivityCatalog(IReadOnlyList<SensitivityParameter> Varied, IReadOnlyList<SkippedParameter> Skipped)
{
    /// <summary>Every parameter of <paramref name="scenario"/>, varied or skipped, in declaration order.</summary>
    public static SensitivityCatalog Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var varied = new List<SensitivityParameter>();
        var skipped = new List<SkippedParameter>();
        Walk(scenario, "", varied, skipped);
        return new SensitivityCatalog(varied, skipped);
    }

    /// <summary>
    /// The catalog with only the parameters matching <paramref name="patterns"/> varied (the rest are
    /// skipped as not selected). A pattern is a path with <c>*</c> for any run of characters, e.g.
    /// <c>state.*</c> or <c>*.grievance_weight</c>; several are separated by commas.
    /// </summary>
    public SensitivityCatalog Only(string? patterns)
    {
        if (string.IsNullOrWhiteSpace(patterns)) return this;
        var regexes = patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Regex("^" + Regex.Escape(p).Replace(@"\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant))
            .ToArray();
        var keep = Varied.Where(p => regexes.Any(r => r.IsMatch(p.Path))).ToList();
        var skipped = Skipped.Concat(Varied.Where(p => !keep.Contains(p)).Select(p => new SkippedParameter(p.Path, SkipReason.NotSelected))).ToList();
        return new SensitivityCatalog(keep, skipped);
    }

    /// <summary>The catalog with <paramref name="parameter"/> moved to the skipped list.</summary>
    public SensitivityCatalog Without(SensitivityParameter parameter, SkipReason reason, string detail = "") =>
        new(Varied.Where(p => p != parameter).ToList(), Skipped.Append(new SkippedParameter(parameter.Path, reason, detail)).ToList());

    private static void Walk(object node, string prefix, List<SensitivityParameter> varied, List<SkippedParameter> skipped)
    {
        foreach (var property in ParameterPath.PropertiesOf(node.GetType()))
        {
            string key = ParameterPath.KeyOf(property);
            string path = prefix + key;
            var type = property.PropertyType;
            object? value = property.GetValue(node);
            var attribute = property.GetCustomAttribute<ParamAttribute>()!;

            if (prefix.Length == 0 && key is "seed" or "ticks") { skipped.Add(new(path, SkipReason.RunSetting)); continue; }
            if (prefix.Length == 0 && key == "events") { skipped.Add(new(path, SkipReason.Schedule)); continue; }
            if (prefix.Length == 0 && key == "classifier" && value is not null)
            {
                foreach (var leaf in ParameterPath.PropertiesOf(value.GetType()))
                    skipped.Add(new(path + "." + ParameterPath.KeyOf(leaf), SkipReason.Observer));
                continue;
            }
            if (type == typeof(string) || type == typeof(bool) || type.IsEnum) { skipped.Add(new(path, SkipReason.NotNumeric)); continue; }
            if (key == "count") { skipped.Add(new(path, SkipReason.Count)); continue; }

            if (type == typeof(Distribution))
            {
                var d = (Distribution)value!;
                if (node is ActivistParameters { Thresholds.Count: > 0 } && key == "threshold")
                {
                    skipped.Add(new(path, SkipReason.List, "explicit 'thresholds' replace this distribution"));
                    continue;
                }
                varied.Add(ForDistribution(path, d, attribute));
                continue;
            }
            if (ParameterPath.ElementType(type) is Type element && value is System.Collections.IList list)
            {
                if (element == typeof(double) || element == typeof(int)) { skipped.Add(new(path, SkipReason.List)); continue; }
                for (int i = 0; i < list.Count; i++)
                    Walk(list[i]!, $"{path}[{i}].", varied, skipped);
                continue;
            }
            if (type == typeof(double))
            {
                varied.Add(new SensitivityParameter(path, VariationKind.Value, attribute.Min, attribute.Max, 0, (double)value!));
                continue;
            }
            if (type == typeof(int))
            {
                // A small-world ring lattice needs an even degree: vary it in steps of two.
                double step = node is NetworkParameters { Kind: NetworkKind.SmallWorld } && key == "degree" ? 2 : 1;
                varied.Add(new SensitivityParameter(path, VariationKind.Value, attribute.Min, attribute.Max, step, (int)value!));
                continue;
            }
            if (value is not null && type.IsClass && ParameterPath.PropertiesOf(type).Count > 0)
            {
                Walk(value, path + ".", varied, skipped);
                continue;
            }
            skipped.Add(new(path, SkipReason.Unsupported, type.Name));
        }
    }

    private static SensitivityParameter ForDistribution(string path, Distribution d, ParamAttribute attribute)
    {
        if (d.Kind == DistributionKind.Uniform)
            return new SensitivityParameter(path, VariationKind.DistributionBounds, attribute.Min, attribute.Max, 0,
                SensitivityParameter.LocationOf(d, VariationKind.DistributionBounds));
        double min = attribute.Min, max = attribute.Max;
        if (d.Kind is DistributionKind.Normal or DistributionKind.Beta)
        {
            // The draws lie in the distribution's own [min, max]: a mean outside it means nothing.
            double lo = Math.Min(d.Min, d.Max), hi = Math.Max(d.Min, d.Max);
            min = double.IsNaN(min) ? lo : Math.Max(min, lo);
            max = double.IsNaN(max) ? hi : Math.Min(max, hi);
        }
        return new SensitivityParameter(path, VariationKind.DistributionMean, min, max, 0, d.Mean);
    }
}
