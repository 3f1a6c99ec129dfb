using System.Globalization;
using System.Text;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Methods.Discovery;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Csv;
using ContentionSim.Reporting.Methods;

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

    /// <summary>Writes <c>prim-trajectory.csv</c>, <c>prim-box.csv</c>, <c>prim.png/.svg</c> and <c>discovery.md</c> into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<OutputFile> Write(DiscoveryResult d, string folder, string title, bool plots)
    {
        Directory.CreateDirectory(folder);
        var files = new List<OutputFile>();
        AtomicFile.WriteText(Path.Combine(folder, "prim-trajectory.csv"), w =>
        {
            var csv = new CsvWriter(w);
            csv.Header(["step", "coverage", "density", "mass", "points", "restricted", .. d.Factors.SelectMany(f => new[] { f + "_low", f + "_high" })]);
            foreach (var s in d.Prim.Trajectory)
            {
                csv.Field(s.Index).Field(s.Coverage).Field(s.Density).Field(s.Mass).Field(s.Points).Field(string.Join(" ", s.Restricted.Select(j => d.Factors[j])));
                for (int j = 0; j < d.Factors.Count; j++) csv.Field(s.Box.Lower[j]).Field(s.Box.Upper[j]);
                csv.EndRow();
            }
        });
        files.Add(new("prim-trajectory.csv", "PRIM's peeling trajectory: each box's coverage, density, mass and limits."));
        var bounds = d.Prim.Trajectory[0].Box;
        AtomicFile.WriteText(Path.Combine(folder, "prim-box.csv"), w =>
        {
            var csv = new CsvWriter(w);
            csv.Header(["factor", "restricted", "low", "high", "range_low", "range_high"]);
            for (int j = 0; j < d.Factors.Count; j++)
            {
                csv.Field(d.Factors[j]).Field(d.Chosen.Restricted.Contains(j)).Field(d.Chosen.Box.Lower[j]).Field(d.Chosen.Box.Upper[j]).Field(bounds.Lower[j]).Field(bounds.Upper[j]);
                csv.EndRow();
            }
        });
        files.Add(new("prim-box.csv", "The box chosen (pasted): each factor's limits against its range in the design."));
        if (plots)
        {
            var (png, svg) = MethodPlots.PrimTradeoff(d.Prim.Trajectory, title, d.Chosen);
            AtomicFile.WriteAllBytes(Path.Combine(folder, "prim.png"), png);
            AtomicFile.WriteAllText(Path.Combine(folder, "prim.svg"), svg);
            files.Add(new("prim.png/.svg", "The coverage–density trade-off of the peeling trajectory, the chosen box ringed."));
        }
        var md = new StringBuilder();
        string F(double v) => GlobalSensitivityWriter.F(v);
        md.AppendLine(CultureInfo.InvariantCulture, $"# Scenario discovery: where `{d.Condition}`");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{d.Cases} of {d.Runs} finished runs are cases of interest{(d.Skipped > 0 ? $" ({d.Skipped} failed runs left out)" : "")}. PRIM (Friedman & Fisher 1999; peeling α = 0.05, pasting, as in the EMA Workbench) found the box below: it holds **{GlobalSensitivityWriter.Pct(d.Chosen.Coverage)}** of the cases (coverage) and **{GlobalSensitivityWriter.Pct(d.Chosen.Density)}** of its runs are cases (density; {GlobalSensitivityWriter.Pct(d.Cases / (double)d.Runs)} in the whole design), {GlobalSensitivityWriter.Pct(d.Chosen.Mass)} of the runs.");
        md.AppendLine();
        md.AppendLine("| factor | box | design's range |");
        md.AppendLine("|---|---|---|");
        for (int j = 0; j < d.Factors.Count; j++)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{d.Factors[j]}` | {(d.Chosen.Restricted.Contains(j) ? $"**[{F(d.Chosen.Box.Lower[j])}, {F(d.Chosen.Box.Upper[j])}]**" : "not restricted")} | [{F(bounds.Lower[j])}, {F(bounds.Upper[j])}] |");
        md.AppendLine();
        md.AppendLine("Other boxes on the trajectory trade coverage for density (`prim-trajectory.csv`, `prim.png`).");
        AtomicFile.WriteAllText(Path.Combine(folder, "discovery.md"), md.ToString());
        files.Add(new("discovery.md", "The box in words."));
        return files;
    }
}
