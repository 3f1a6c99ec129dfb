using ContentionSim.Reporting;
using System.Globalization;
using System.Text;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// <c>sensitivity.md</c>: the design in a paragraph, each outcome at the base scenario, the top drivers
/// of each outcome (largest swing first) with their 95% intervals, the parameters with no effect at
/// all, and what was not varied and why.
/// </summary>
public static class SensitivityMarkdown
{
    public const string FileName = "sensitivity.md";

    /// <summary>Drivers listed per outcome.</summary>
    public const int TopDrivers = 10;

    public static string Create(SensitivityAnalysis analysis, SensitivitySetup setup)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(setup);
        var d = analysis.Design;
        var sb = new StringBuilder();
        string pct = Pct(d.Delta);
        sb.Append("# Sensitivity of ").Append(d.Base.Name).Append("\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"One-at-a-time analysis of `{setup.ScenarioFile}`: each of {d.Parameters.Count} parameters set {pct}% below and above its value ")
          .Append("(clamped to its range; distributions moved in their location), the others left as they are. ")
          .Append(CultureInfo.InvariantCulture, $"Every variant ran the same {d.Replications} seeds (common random numbers, master seed {d.MasterSeed}): ")
          .Append(CultureInfo.InvariantCulture, $"{d.VariantCount} variants × {d.Replications} = {d.RunCount:N0} runs of {d.Base.TotalActivists:N0} activists for {d.Base.Ticks:N0} {d.Base.TimeUnit}s.");
        if (setup.Quick) sb.Append(" Quick mode" + (setup.QuickChanges.Length > 0 ? ": " + setup.QuickChanges : "") + ".");
        if (setup.Only is not null) sb.Append(CultureInfo.InvariantCulture, $" Only parameters matching `{setup.Only}`.");
        sb.Append("\n\n");
        if (setup.Command.Length > 0) sb.Append("Run again with:\n\n```\n").Append(setup.Command).Append("\n```\n\n");
        sb.Append("Swing = |mean at high − mean at low|. The interval is the 95% t confidence interval of the mean paired (same-seed) difference high − low; ")
          .Append("when it contains 0 the swing is within the noise of this many replications. Shares are in percent.\n\n");

        sb.Append("## The base scenario\n\n| outcome | mean | 95% CI | runs with a value |\n|---|---:|---|---:|\n");
        for (int o = 0; o < SensitivityOutcomes.All.Count; o++)
        {
            var outcome = SensitivityOutcomes.All[o];
            var b = analysis.Baseline[o];
            sb.Append(CultureInfo.InvariantCulture, $"| {outcome.Label} | {Num(b.Mean * outcome.PlotScale)} | {Ci(b.CiLow, b.CiHigh, outcome.PlotScale)} | {b.N} of {d.Replications} |\n");
        }
        sb.Append('\n');

        sb.Append("## Top drivers\n\n");
        foreach (var outcome in SensitivityOutcomes.All)
        {
            sb.Append("### ").Append(outcome.Label).Append("\n\n");
            var ranked = analysis.Ranked(outcome).Where(e => double.IsFinite(e.Swing) && e.Swing > 0).Take(TopDrivers).ToArray();
            if (ranked.Length == 0) { sb.Append("No parameter moved this outcome (or it had no value: no cycles).\n\n"); continue; }
            sb.Append("| # | parameter | low · base · high | mean at low | mean at high | swing | high − low, 95% CI |\n|---:|---|---|---:|---:|---:|---|\n");
            for (int i = 0; i < ranked.Length; i++)
            {
                var e = ranked[i];
                double s = outcome.PlotScale;
                sb.Append(CultureInfo.InvariantCulture,
                    $"| {i + 1} | `{e.Parameter.Path}`{(e.Parameter.Kind == VariationKind.Value ? "" : " (" + e.Parameter.Varied + ")")} | {Num(e.Values.Low)} · {Num(e.Values.Base)} · {Num(e.Values.High)} | " +
                    $"{Num(e.Low.Mean * s)} | {Num(e.High.Mean * s)} | {Num(e.Swing * s)} | {Ci(e.HighMinusLow.CiLow, e.HighMinusLow.CiHigh, s)}{(e.Clear || !double.IsFinite(e.HighMinusLow.CiLow) ? "" : " (noise)")} |\n");
            }
            sb.Append('\n');
        }

        var inert = d.Parameters.Where(p => analysis.Effects.Where(e => e.Parameter == p).All(e => e.Swing == 0 || double.IsNaN(e.Swing))).Select(p => $"`{p.Path}`").ToArray();
        sb.Append("## Parameters with no effect\n\n");
        sb.Append(inert.Length == 0 ? "Every parameter varied moved at least one outcome.\n\n"
            : $"With the same seeds these gave exactly the results of the base scenario on every outcome (they do nothing in this scenario, e.g. switched off): {string.Join(", ", inert)}.\n\n");

        sb.Append("## Not varied\n\n");
        foreach (var group in d.Catalog.Skipped.GroupBy(s => s.Reason))
        {
            var paths = group.Select(s => s.Path).ToArray();
            string list = group.Key == SkipReason.Observer ? $"`classifier.*` ({paths.Length} parameters)"
                : string.Join(", ", paths.Take(30).Select(p => $"`{p}`")) + (paths.Length > 30 ? $" and {paths.Length - 30} more" : "");
            string detail = group.Key == SkipReason.InvalidVariant ? " (" + string.Join("; ", group.Select(s => $"{s.Path}: {s.Detail}")) + ")" : "";
            sb.Append("- ").Append(new SkippedParameter("", group.Key).Explanation).Append(": ").Append(list).Append(detail).Append('\n');
        }
        return sb.ToString();
    }

    private static string Pct(double delta) => (delta * 100).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Num(double v) => double.IsFinite(v) ? TornadoPlot.Number(v) : "–";

    private static string Ci(double lo, double hi, double scale) =>
        double.IsFinite(lo) && double.IsFinite(hi) ? $"[{Num(lo * scale)}, {Num(hi * scale)}]" : "–";
}
