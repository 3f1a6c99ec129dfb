using System.Globalization;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Methods.Discovery;
using ContentionSim.Reporting;

namespace ContentionSim.Experiments.Methods;

/// <summary>A case of interest: an observable compared with a number, e.g. <c>turnover_share&gt;0</c> or <c>cycles&gt;=2</c>.</summary>
public sealed record CaseCondition(Observable Observable, string Operator, double Value)
{
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<"];

    /// <summary>Whether a run with value <paramref name="v"/> is a case of interest (a missing value never is).</summary>
    public bool Holds(double v) => double.IsFinite(v) && Operator switch
    {
        ">=" => v >= Value,
        "<=" => v <= Value,
        "==" => v == Value,
        "!=" => v != Value,
        ">" => v > Value,
        _ => v < Value,
    };

    public override string ToString() => $"{Observable.Name} {Operator} {Value.ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary>Parses <c>name OP number</c>; null with a message naming the fix.</summary>
    public static CaseCondition? Parse(string text, out string? problem)
    {
        problem = null;
        string t = (text ?? "").Replace(" ", "", StringComparison.Ordinal);
        foreach (var op in Operators)
        {
            int i = t.IndexOf(op, StringComparison.Ordinal);
            if (i <= 0) continue;
            string name = t[..i], number = t[(i + op.Length)..];
            var obs = Observables.Find(name);
            if (obs is null)
            {
                problem = $"'{name}' is not an observable; use one of: {string.Join(", ", Observables.All.Select(o => o.Name))}";
                return null;
            }
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            {
                problem = $"'{number}' is not a number: write e.g. '{name}{op}0.5'";
                return null;
            }
            return new CaseCondition(obs, op, v);
        }
        problem = $"'{text}' is not a condition: write an observable, an operator (>=, >, <=, <, ==, !=) and a number, e.g. 'turnover_share>0' or 'cycles>=2'";
        return null;
    }
}

/// <summary>What scenario discovery found in a design's runs.</summary>
public sealed record DiscoveryResult(IReadOnlyList<string> Factors, CaseCondition Condition, int Runs, int Cases, int Skipped, Prim Prim, PrimStep Chosen);

/// <summary>
/// Scenario discovery (Bryant &amp; Lempert 2010) over a batch's or sweep's <c>runs.csv</c>: every finished run is
/// a point (the varied parameters' values) and a case of interest or not (the condition on an observable);
/// PRIM (Friedman &amp; Fisher 1999) peels the box where the cases concentrate, and the densest box on the
/// trajectory with at least the coverage asked for is pasted and reported.
/// </summary>
public static class ScenarioDiscovery
{
    /// <exception cref="ArgumentException">No finished run, a factor that is not numeric, or no case of interest.</exception>
    public static DiscoveryResult Run(IReadOnlyList<string> factorKeys, IReadOnlyList<SweepRunRecord> records, CaseCondition condition,
        double minCoverage = 0.8, PrimOptions? options = null)
    {
        var x = new List<double[]>();
        var y = new List<bool>();
        int skipped = 0;
        foreach (var r in records)
        {
            if (r.Failed) { skipped++; continue; }
            var point = new double[factorKeys.Count];
            for (int j = 0; j < factorKeys.Count; j++)
                if (!double.TryParse(r.Values[j], NumberStyles.Float, CultureInfo.InvariantCulture, out point[j]))
                    throw new ArgumentException($"the factor '{factorKeys[j]}' has the value '{r.Values[j]}', not a number: PRIM needs numeric factors");
            x.Add(point);
            y.Add(condition.Holds(Observables.Of(r)[Observables.All.ToList().FindIndex(o => o.Name == condition.Observable.Name)]));
        }
        if (x.Count == 0) throw new ArgumentException("no run finished: there is nothing to discover");
        if (!y.Any(b => b)) throw new ArgumentException($"no run has {condition}: there is no case of interest to find a box for");
        var prim = new Prim(x, y, options);
        var chosen = prim.Paste(prim.Select(minCoverage));
        return new DiscoveryResult(factorKeys, condition, x.Count, y.Count(b => b), skipped, prim, chosen);
    }
}
