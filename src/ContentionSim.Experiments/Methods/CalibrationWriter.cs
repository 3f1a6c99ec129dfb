using System.Globalization;
using System.Text;
using ContentionSim.Methods.Abc;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Csv;
using ContentionSim.Reporting.Methods;

namespace ContentionSim.Experiments.Methods;

/// <summary>The posterior predictive fit of one pattern: the weighted distribution of the accepted parameter sets' simulated values.</summary>
public sealed record PatternFit(string Observable, bool HeldOut, double Observed, double Tolerance, PosteriorSummary Predictive, double WithinTolerance)
{
    /// <summary>Whether the observed value lies in the 95% predictive interval.</summary>
    public bool Covered => Observed >= Predictive.Lower && Observed <= Predictive.Upper;
}

/// <summary>
/// Writes a calibration: <c>particles.csv</c> (the accepted parameter sets of the last population with weights,
/// distances and simulated patterns), <c>populations.csv</c>, <c>posterior.csv</c>, <c>fit.csv</c> (the posterior
/// predictive check of every target and held-out pattern), <c>pairs.png</c> and <c>calibration.md</c>.
/// </summary>
public static class CalibrationWriter
{
    public static IReadOnlyList<PatternFit> Fits(CalibrationResult r)
    {
        var post = r.Posterior;
        var w = post.Particles.Select(p => p.Weight).ToArray();
        int targets = r.Definition.Targets.Count;
        var fits = new List<PatternFit>();
        for (int k = 0; k < r.Patterns.Count; k++)
        {
            var p = r.Patterns[k];
            var values = post.Particles.Select(x => x.Summaries[k]).ToArray();
            var finite = values.Select((v, i) => (v, i)).Where(t => double.IsFinite(t.v)).ToArray();
            var summary = PosteriorSummary.Of(finite.Select(t => t.v).ToArray(), finite.Select(t => w[t.i]).ToArray());
            double within = finite.Where(t => Math.Abs(t.v - p.Observed) <= p.Tolerance).Sum(t => w[t.i]) / Math.Max(w.Sum(), 1e-300);
            fits.Add(new PatternFit(p.Observable, k >= targets, p.Observed, p.Tolerance, summary, within));
        }
        return fits;
    }

    public static IReadOnlyList<OutputFile> Write(CalibrationResult r, string folder, string command, bool plots, IReadOnlyList<double>? truth = null)
    {
        Directory.CreateDirectory(folder);
        var c = r.Definition;
        var post = r.Posterior;
        var files = new List<OutputFile>();
        AtomicFile.WriteText(Path.Combine(folder, "particles.csv"), w =>
        {
            var csv = new CsvWriter(w);
            csv.Header([.. c.Free.Select(f => f.Path), "weight", "distance", "seed", .. r.Patterns.Select(p => "sim_" + p.Observable)]);
            foreach (var p in post.Particles)
            {
                foreach (var t in p.Theta) csv.Field(t);
                csv.Field(p.Weight).Field(p.Distance).Field(p.Seed);
                foreach (var s in p.Summaries) csv.Field(s);
                csv.EndRow();
            }
        });
        files.Add(new("particles.csv", "The accepted parameter sets of the last population: values, importance weight, distance, and each pattern's simulated value (mean over the replicates)."));
        AtomicFile.WriteText(Path.Combine(folder, "populations.csv"), w =>
        {
            var csv = new CsvWriter(w);
            csv.Header(["generation", "epsilon", "particles", "simulations", "failed", "acceptance_rate", "effective_sample_size"]);
            foreach (var p in r.Populations)
            {
                csv.Field(p.Generation).Field(p.Epsilon).Field(p.Particles.Count).Field(p.Simulations).Field(p.Failed).Field(p.AcceptanceRate).Field(p.EffectiveSampleSize);
                csv.EndRow();
            }
        });
        files.Add(new("populations.csv", "Each ABC population: tolerance, simulations, acceptance rate, effective sample size."));
        var summaries = c.Free.Select((f, j) => post.Summary(j)).ToArray();
        AtomicFile.WriteText(Path.Combine(folder, "posterior.csv"), w =>
        {
            var csv = new CsvWriter(w);
            csv.Header(["parameter", "prior", "mean", "sd", "median", "lower_95", "upper_95"]);
            for (int j = 0; j < c.Free.Count; j++)
            {
                var s = summaries[j];
                csv.Field(c.Free[j].Path).Field(c.Free[j].PriorText).Field(s.Mean).Field(s.Sd).Field(s.Median).Field(s.Lower).Field(s.Upper);
                csv.EndRow();
            }
        });
        files.Add(new("posterior.csv", "Posterior summaries of each free parameter: weighted mean, sd, median and 95% credible interval."));
        var fits = Fits(r);
        AtomicFile.WriteText(Path.Combine(folder, "fit.csv"), w =>
        {
            var csv = new CsvWriter(w);
            csv.Header(["pattern", "role", "observed", "tolerance", "predictive_mean", "predictive_lower_95", "predictive_upper_95", "share_within_tolerance", "observed_in_interval"]);
            foreach (var f in fits)
            {
                csv.Field(f.Observable).Field(f.HeldOut ? "held_out" : "target").Field(f.Observed).Field(f.Tolerance).Field(f.Predictive.Mean)
                    .Field(f.Predictive.Lower).Field(f.Predictive.Upper).Field(f.WithinTolerance).Field(f.Covered);
                csv.EndRow();
            }
        });
        files.Add(new("fit.csv", "Posterior predictive check of every target and held-out pattern."));
        if (plots)
        {
            var ranges = c.Free.Select(f => Calibration.PriorOf(f).Range).ToArray();
            var png = MethodPlots.Pairs(c.Free.Select(f => f.Path).ToArray(), post.Particles.Select(p => p.Theta).ToArray(),
                post.Particles.Select(p => p.Weight).ToArray(), ranges, $"{c.Name}: posterior", truth);
            AtomicFile.WriteAllBytes(Path.Combine(folder, "pairs.png"), png);
            files.Add(new("pairs.png", "Pair plot of the posterior: each parameter's histogram over its prior range, each pair's particles."));
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "calibration.md"), Markdown(r, summaries, fits, command, truth));
        files.Add(new("calibration.md", "The calibration for a reviewer: what was fitted to what, how, the posterior and the fit of every pattern."));
        return files;
    }

    private static string Markdown(CalibrationResult r, PosteriorSummary[] summaries, IReadOnlyList<PatternFit> fits, string command, IReadOnlyList<double>? truth)
    {
        var c = r.Definition;
        var post = r.Posterior;
        string F(double v) => GlobalSensitivityWriter.F(v);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Calibration `{c.Name}`");
        md.AppendLine();
        if (c.Description.Length > 0) { md.AppendLine(c.Description.Trim()); md.AppendLine(); }
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`. Scenario `{c.ScenarioFile}`{(c.FixedSettings.Count > 0 ? $" with {string.Join(", ", c.FixedSettings.Select(s => $"`{s}`"))}" : "")}{(c.QuickApplied ? " (quick size)" : "")}; master seed {c.MasterSeed}; {r.Runs:N0} runs.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Method: approximate Bayesian computation: a first population of the {c.Abc.Particles} closest of {c.Abc.InitialDraws} prior draws (rejection), then ABC-SMC (Toni et al. 2009; Beaumont et al. 2009) populations of {c.Abc.Particles} particles with tolerances at the {F(c.Abc.Quantile)} quantile of the previous distances, a Gaussian kernel of twice the weighted covariance, and importance weights. A parameter set is compared by the mean of {c.Replicates} replicate run{(c.Replicates == 1 ? "" : "s")}; its distance is √Σ((simulated − observed)/tolerance)² over the targets only. Held-out patterns play no part in the fit: they check it.");
        md.AppendLine();
        md.AppendLine("## Populations");
        md.AppendLine();
        md.AppendLine("| generation | tolerance | simulations | acceptance | ESS |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var p in r.Populations)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Generation} | {F(p.Epsilon)} | {p.Simulations:N0} | {GlobalSensitivityWriter.Pct(p.AcceptanceRate)} | {p.EffectiveSampleSize:0} |");
        md.AppendLine();
        md.AppendLine("## Posterior");
        md.AppendLine();
        md.AppendLine(truth is null ? "| parameter | prior | mean | sd | 95% interval |" : "| parameter | prior | mean | sd | 95% interval | true value | recovered |");
        md.AppendLine(truth is null ? "|---|---|---|---|---|" : "|---|---|---|---|---|---|---|");
        for (int j = 0; j < c.Free.Count; j++)
        {
            var s = summaries[j];
            string row = $"| `{c.Free[j].Path}` | {c.Free[j].PriorText} | {F(s.Mean)} | {F(s.Sd)} | [{F(s.Lower)}, {F(s.Upper)}] |";
            if (truth is not null) row += $" {F(truth[j])} | {(truth[j] >= s.Lower && truth[j] <= s.Upper ? "yes" : "**no**")} |";
            md.AppendLine(row);
        }
        md.AppendLine();
        md.AppendLine("![posterior pair plot](pairs.png)");
        md.AppendLine();
        md.AppendLine("## Fit of every pattern (posterior predictive)");
        md.AppendLine();
        md.AppendLine("| pattern | role | observed ± tolerance | predictive mean [95%] | within tolerance | observed in interval |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var f in fits)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{f.Observable}` | {(f.HeldOut ? "held out" : "target")} | {F(f.Observed)} ± {F(f.Tolerance)} | {F(f.Predictive.Mean)} [{F(f.Predictive.Lower)}, {F(f.Predictive.Upper)}] | {GlobalSensitivityWriter.Pct(f.WithinTolerance)} | {(f.Covered ? "yes" : "**no**")} |");
        md.AppendLine();
        md.AppendLine("## Limits");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"The posterior is approximate: it conditions on the targets lying within the final tolerance ({F(post.Epsilon)} in tolerance units), not on their exact values, and on the summaries chosen. With {post.Particles.Count} particles (effective sample size {post.EffectiveSampleSize:0}) intervals carry Monte Carlo error. A held-out pattern outside its predictive interval says the model, so calibrated, does not reproduce it.");
        return md.ToString();
    }
}
