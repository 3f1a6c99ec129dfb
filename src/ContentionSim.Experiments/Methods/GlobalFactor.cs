using ContentionSim.Core.Parameters;
using ContentionSim.Experiments.Sensitivity;
using ContentionSim.Methods.Designs;

namespace ContentionSim.Experiments.Methods;

/// <summary>A parameter a global analysis varies, over [<see cref="Low"/>, <see cref="High"/>].</summary>
public sealed record GlobalFactor(SensitivityParameter Parameter, double Low, double High)
{
    public string Name => Parameter.Path;

    /// <summary>The value at unit coordinate <paramref name="u"/>, on the parameter's step (whole numbers, even degrees).</summary>
    public double At(double u)
    {
        double v = Low + u * (High - Low);
        return Parameter.Step > 0 ? Math.Clamp(Math.Round(v / Parameter.Step) * Parameter.Step, Math.Ceiling(Low / Parameter.Step) * Parameter.Step, Math.Floor(High / Parameter.Step) * Parameter.Step) : v;
    }

    public Factor AsFactor => new(Name, Low, High);
}

/// <summary>
/// The factors of a global analysis: every parameter of <see cref="SensitivityCatalog"/> over the range
/// ±delta around its value in the scenario (as the one-at-a-time analysis, so the two can be compared),
/// less those whose low or high end makes the scenario invalid, or whose range is a single value.
/// </summary>
public static class GlobalFactors
{
    public static (IReadOnlyList<GlobalFactor> Factors, SensitivityCatalog Catalog) Of(Scenario scenario, SensitivityCatalog catalog, double delta,
        Func<Scenario, IReadOnlyList<string>> check)
    {
        var factors = new List<GlobalFactor>();
        foreach (var p in catalog.Varied.ToArray())
        {
            var range = SensitivityRanges.Of(p, delta);
            if (!(range.High > range.Low))
            {
                catalog = catalog.Without(p, SkipReason.InvalidVariant, "its range is a single value");
                continue;
            }
            var problems = check(p.Apply(scenario, range.Low)).Concat(check(p.Apply(scenario, range.High))).Distinct().ToArray();
            if (problems.Length > 0)
            {
                catalog = catalog.Without(p, SkipReason.InvalidVariant, string.Join("; ", problems));
                continue;
            }
            factors.Add(new GlobalFactor(p, range.Low, range.High));
        }
        return (factors, catalog);
    }

    /// <summary>The scenario with every factor set to its value at the unit coordinates <paramref name="unit"/>.</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<GlobalFactor> factors, double[] unit)
    {
        for (int j = 0; j < factors.Count; j++) scenario = factors[j].Parameter.Apply(scenario, factors[j].At(unit[j]));
        return scenario;
    }

    /// <summary>The factor values of unit points.</summary>
    public static double[][] Values(IReadOnlyList<GlobalFactor> factors, IReadOnlyList<double[]> unit) =>
        [.. unit.Select(u => factors.Select((f, j) => f.At(u[j])).ToArray())];
}
