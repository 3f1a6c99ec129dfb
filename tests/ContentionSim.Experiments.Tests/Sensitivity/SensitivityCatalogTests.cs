using ContentionSim.Reporting.Tests;
using System.Reflection;
using ContentionSim.Core.Parameters;
using ContentionSim.Experiments.Sensitivity;

namespace ContentionSim.Experiments.Tests.Sensitivity;

public class SensitivityCatalogTests
{
    /// <summary>Two movements, two organization groups in one, explicit thresholds nowhere: every kind of place a parameter can be.</summary>
    internal static Scenario Rich() => new()
    {
        Movements =
        [
            new MovementParameters { Id = "a", Organizations = [new OrganizationGroupParameters { PerThousandActivists = 1 }, new OrganizationGroupParameters { Kind = OrganizationKind.LawyersNgo }] },
            new MovementParameters { Id = "b", Activists = new ActivistParameters { Grievance = Distribution.Constant(0.4) } },
        ],
    };

    /// <summary>Every leaf [Param] path of <paramref name="node"/>, walked independently of the catalog.</summary>
    private static IEnumerable<(string Path, Type Type)> Leaves(object node, string prefix)
    {
        foreach (var p in ParameterPath.PropertiesOf(node.GetType()))
        {
            string path = prefix + ParameterPath.KeyOf(p);
            object? value = p.GetValue(node);
            var type = p.PropertyType;
            if (type == typeof(Distribution) || type == typeof(string) || type.IsValueType || Nullable.GetUnderlyingType(type) is not null) { yield return (path, type); continue; }
            if (value is System.Collections.IList list && ParameterPath.ElementType(type) is Type element)
            {
                if (element.IsValueType || list.Count == 0) { yield return (path, type); continue; }
                for (int i = 0; i < list.Count; i++)
                    foreach (var leaf in Leaves(list[i]!, $"{path}[{i}].")) yield return leaf;
                continue;
            }
            if (value is not null)
                foreach (var leaf in Leaves(value, path + ".")) yield return leaf;
        }
    }

    [Fact]
    public void Every_parameter_is_varied_or_skipped_for_a_documented_reason()
    {
        var scenario = Rich();
        var catalog = SensitivityCatalog.Of(scenario);
        Assert.DoesNotContain(catalog.Skipped, s => s.Reason == SkipReason.Unsupported);
        var accounted = catalog.Varied.Select(p => p.Path).Concat(catalog.Skipped.Select(s => s.Path)).ToHashSet();
        foreach (var (path, type) in Leaves(scenario, ""))
        {
            if (path.StartsWith("events", StringComparison.Ordinal)) { Assert.Contains("events", accounted); continue; }
            Assert.True(accounted.Contains(path), $"'{path}' ({type.Name}) is neither varied nor skipped by the sensitivity catalog");
        }
    }

    [Fact]
    public void Every_numeric_model_parameter_outside_the_exclusions_is_varied()
    {
        // Fails when someone adds a numeric parameter the enumeration cannot vary (or skips by accident).
        var scenario = Rich();
        var varied = SensitivityCatalog.Of(scenario).Varied.Select(p => p.Path).ToHashSet();
        foreach (var (path, type) in Leaves(scenario, ""))
        {
            bool numeric = type == typeof(double) || type == typeof(int) || type == typeof(long) || type == typeof(float) || type == typeof(Distribution);
            bool excluded = path is "seed" or "ticks" || path.StartsWith("classifier.", StringComparison.Ordinal)
                || path.StartsWith("events", StringComparison.Ordinal) || path.EndsWith(".count", StringComparison.Ordinal);
            if (numeric && !excluded) Assert.True(varied.Contains(path), $"numeric parameter '{path}' is not varied");
            if (excluded || !numeric) Assert.False(varied.Contains(path), $"'{path}' should not be varied");
        }
    }

    [Fact]
    public void It_covers_the_blocks_the_analysis_promises()
    {
        var paths = SensitivityCatalog.Of(Rich()).Varied.Select(p => p.Path).ToArray();
        Assert.Contains("spillover", paths);
        Assert.Contains("network.degree", paths);
        Assert.Contains("network.rewiring", paths);
        Assert.Contains("movements[1].activists.grievance_weight", paths);
        Assert.Contains("movements[0].activists.grievance", paths);
        Assert.Contains("movements[0].organizations[1].lobbying", paths);
        Assert.Contains("movements[0].organizations[0].volunteers", paths);
        Assert.Contains("state.openness", paths);
        Assert.Contains("state.repression_term", paths);
        Assert.Contains("transnational.information_amplification", paths);
        Assert.Contains("public.recruitment_effect", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("classifier", StringComparison.Ordinal));
    }

    [Fact]
    public void Exclusions_carry_their_reasons()
    {
        var skipped = SensitivityCatalog.Of(Rich()).Skipped.ToDictionary(s => s.Path, s => s.Reason);
        Assert.Equal(SkipReason.RunSetting, skipped["seed"]);
        Assert.Equal(SkipReason.RunSetting, skipped["ticks"]);
        Assert.Equal(SkipReason.Count, skipped["movements[0].activists.count"]);
        // Organizations per 1,000 activists is a density, not a size: it changes members per organization.
        Assert.DoesNotContain("movements[0].organizations[1].per_thousand_activists", skipped.Keys);
        Assert.Equal(SkipReason.Observer, skipped["classifier.onset_margin"]);
        Assert.Equal(SkipReason.NotNumeric, skipped["state.enabled"]);
        Assert.Equal(SkipReason.NotNumeric, skipped["network.kind"]);
        Assert.Equal(SkipReason.Schedule, skipped["events"]);
    }

    [Fact]
    public void Distributions_are_varied_in_their_location()
    {
        var varied = SensitivityCatalog.Of(Rich()).Varied.ToDictionary(p => p.Path);
        Assert.Equal(VariationKind.DistributionMean, varied["movements[0].activists.grievance"].Kind);
        Assert.Equal(0.45, varied["movements[0].activists.grievance"].Base);
        Assert.Equal(VariationKind.DistributionBounds, varied["movements[0].activists.risk_aversion"].Kind);
        Assert.Equal(0.5, varied["movements[0].activists.risk_aversion"].Base);
        Assert.Equal(VariationKind.DistributionMean, varied["movements[1].activists.grievance"].Kind);
        Assert.Equal(2, varied["network.degree"].Step);
        Assert.Equal(1, varied["state.repression_term"].Step);
    }

    [Fact]
    public void Explicit_thresholds_take_the_threshold_distribution_out()
    {
        var s = new Scenario { Movements = [new MovementParameters { Activists = new ActivistParameters { Thresholds = [0, 1, 2] } }] };
        var catalog = SensitivityCatalog.Of(s);
        Assert.DoesNotContain(catalog.Varied, p => p.Path == "movements[0].activists.threshold");
        Assert.Contains(catalog.Skipped, p => p.Path == "movements[0].activists.threshold" && p.Reason == SkipReason.List);
    }

    [Fact]
    public void Only_keeps_matching_paths()
    {
        var catalog = SensitivityCatalog.Of(Rich()).Only("state.*, *.grievance_weight");
        Assert.All(catalog.Varied, p => Assert.True(p.Path.StartsWith("state.", StringComparison.Ordinal) || p.Path.EndsWith(".grievance_weight", StringComparison.Ordinal)));
        Assert.Contains(catalog.Varied, p => p.Path == "movements[1].activists.grievance_weight");
        Assert.Contains(catalog.Skipped, p => p.Path == "spillover" && p.Reason == SkipReason.NotSelected);
    }

    [Fact]
    public void Apply_moves_the_parameter_and_nothing_else()
    {
        var s = Rich();
        var varied = SensitivityCatalog.Of(s).Varied.ToDictionary(p => p.Path);
        var t = varied["state.repression_term"].Apply(s, 20);
        Assert.Equal(20, t.State.RepressionTerm);
        Assert.Equal(s.State, t.State with { RepressionTerm = s.State.RepressionTerm });
        Assert.Same(s.Movements, t.Movements);
        var g = varied["movements[0].activists.grievance"].Apply(s, 0.3);
        Assert.Equal(0.3, g.Movements[0].Activists.Grievance.Mean);
        Assert.Equal(DistributionKind.Beta, g.Movements[0].Activists.Grievance.Kind);
        var r = varied["movements[0].activists.risk_aversion"].Apply(s, 0.625);
        Assert.Equal(0.125, r.Movements[0].Activists.RiskAversion.Min, 12);
        Assert.Equal(1.0, r.Movements[0].Activists.RiskAversion.Max, 12);
        Assert.Equal(0.5625, varied["movements[0].activists.risk_aversion"].Reached(s, 0.625), 12);
    }
}
