using System.Globalization;
using System.Text;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Csv;
using ContentionSim.Reporting.Methods;

namespace ContentionSim.Experiments.Methods;

/// <summary>
/// Writes a global sensitivity analysis: <c>morris.csv</c>, <c>sobol.csv</c>, <c>noise.csv</c>, a μ*–σ figure
/// and a Sobol figure per outcome, and <c>global-sensitivity.md</c>. Each file is written whole or not at all.
/// </summary>
public static class GlobalSensitivityWriter
{
    public static IReadOnlyList<OutputFile> Write(GlobalSensitivityResult r, string scenarioName, string folder, string command, bool plots)
    {
        Directory.CreateDirectory(folder);
        var files = new List<OutputFile>();
        if (r.Morris.Count > 0)
        {
            AtomicFile.WriteText(Path.Combine(folder, "morris.csv"), w =>
            {
                var csv = new CsvWriter(w);
                csv.Header(["outcome", "parameter", "varied", "low", "high", "mu", "mu_star", "mu_star_low", "mu_star_high", "sigma", "effects"]);
                foreach (var m in r.Morris)
                    for (int j = 0; j < r.Factors.Count; j++)
                    {
                        var i = m.Indices[j];
                        csv.Field(m.Outcome.Name).Field(i.Factor).Field(r.Factors[j].Parameter.Varied).Field(r.Factors[j].Low).Field(r.Factors[j].High)
                            .Field(i.Mu).Field(i.MuStar.Value).Field(i.MuStar.Lower).Field(i.MuStar.Upper).Field(i.Sigma).Field(i.Effects);
                        csv.EndRow();
                    }
            });
            files.Add(new("morris.csv", "Morris elementary effects per outcome and parameter: μ, μ* with its 95% bootstrap interval, σ (effects in outcome units per full range)."));
        }
        if (r.Sobol.Count > 0)
        {
            AtomicFile.WriteText(Path.Combine(folder, "sobol.csv"), w =>
            {
                var csv = new CsvWriter(w);
                csv.Header(["outcome", "parameter", "low", "high", "s1", "s1_low", "s1_high", "st", "st_low", "st_high", "rows_used", "rows_dropped"]);
                foreach (var s in r.Sobol)
                    for (int j = 0; j < r.SobolFactors.Count; j++)
                    {
                        var i = s.Result.Indices[j];
                        csv.Field(s.Outcome.Name).Field(i.Factor).Field(r.SobolFactors[j].Low).Field(r.SobolFactors[j].High)
                            .Field(i.First.Value).Field(i.First.Lower).Field(i.First.Upper).Field(i.Total.Value).Field(i.Total.Lower).Field(i.Total.Upper)
                            .Field(s.Result.RowsUsed).Field(s.Result.RowsDropped);
                        csv.EndRow();
                    }
            });
            files.Add(new("sobol.csv", "Sobol first-order (S1) and total (ST) indices per outcome and parameter with 95% bootstrap intervals (Saltelli et al. 2010)."));
        }
        AtomicFile.WriteText(Path.Combine(folder, "noise.csv"), w =>
        {
            var csv = new CsvWriter(w);
            csv.Header(["stage", "outcome", "replicates", "noise_variance", "noise_share_of_runs", "noise_share_of_means"]);
            foreach (var (stage, outcome, noise) in r.Morris.Select(m => ("morris", m.Outcome.Name, m.Noise)).Concat(r.Sobol.Select(s => ("sobol", s.Outcome.Name, s.Noise))))
            {
                csv.Field(stage).Field(outcome).Field(noise.Replicates).Field(noise.NoiseVariance).Field(noise.NoiseShareOfRuns).Field(noise.NoiseShare);
                csv.EndRow();
            }
        });
        files.Add(new("noise.csv", "The model's own noise per outcome: variance between replicate seeds at the same point, as a share of all runs' variance and of the variance of the point means the indices decompose."));
        if (plots)
        {
            foreach (var m in r.Morris)
            {
                var (png, svg) = MethodPlots.Morris(m.Indices, $"{scenarioName}: {m.Outcome.Label}", m.Outcome.Name);
                AtomicFile.WriteAllBytes(Path.Combine(folder, $"morris-{m.Outcome.Name}.png"), png);
                AtomicFile.WriteAllText(Path.Combine(folder, $"morris-{m.Outcome.Name}.svg"), svg);
                files.Add(new($"morris-{m.Outcome.Name}.png/.svg", $"μ*–σ plane of {m.Outcome.Name}."));
            }
            foreach (var s in r.Sobol)
            {
                var (png, svg) = MethodPlots.Sobol(s.Result.Indices, $"{scenarioName}: {s.Outcome.Label}", s.Noise.NoiseShare);
                AtomicFile.WriteAllBytes(Path.Combine(folder, $"sobol-{s.Outcome.Name}.png"), png);
                AtomicFile.WriteAllText(Path.Combine(folder, $"sobol-{s.Outcome.Name}.svg"), svg);
                files.Add(new($"sobol-{s.Outcome.Name}.png/.svg", $"Sobol indices of {s.Outcome.Name} with intervals and the noise share."));
            }
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "global-sensitivity.md"), Markdown(r, scenarioName, command));
        files.Add(new("global-sensitivity.md", "What was done, the screening and the indices per outcome, the noise, in words."));
        return files;
    }

    public static string Markdown(GlobalSensitivityResult r, string scenarioName, string command)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Global sensitivity of `{scenarioName}`");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}` ({r.Runs:N0} runs).");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{r.Factors.Count} parameters, each over ± its one-at-a-time range around the scenario's value (table below). ");
        if (r.MorrisDesign is { } md0)
            md.AppendLine(CultureInfo.InvariantCulture, $"Morris screening (Morris 1991; trajectories spread out after Campolongo et al. 2007): {md0.Trajectories.Count} trajectories on a {md0.Levels}-level grid, step Δ = {F(md0.Delta)} of each range; an elementary effect is the change of the outcome (mean over the replicate seeds) per full range. μ* ranks importance, σ flags non-linearity or interaction.");
        if (r.SobolDesign is { } sd)
            md.AppendLine(CultureInfo.InvariantCulture, $"Sobol indices (Saltelli et al. 2010 design and estimators, Jansen total) for the {r.SobolFactors.Count} parameters that matter most in the screening, N = {sd.N} ({sd.Rows.Count:N0} points), 95% percentile-bootstrap intervals.");
        md.AppendLine();
        md.AppendLine("Each point runs with the same replicate seeds (common random numbers); indices are computed on the replicate means, and the model's own noise is reported beside them: *noise share* is the share of the variance of those means that is noise, which inflates total indices (first-order estimates stay unbiased).");
        md.AppendLine();
        foreach (var m in r.Morris)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {m.Outcome.Label}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Noise: {Pct(m.Noise.NoiseShareOfRuns)} of one run's variance; {Pct(m.Noise.NoiseShare)} of the variance of the means over {F(m.Noise.Replicates)} seeds. Noise floor of μ* (what a parameter without effect gets from the noise alone): {F(m.NoiseFloor)}.");
            md.AppendLine();
            md.AppendLine("| parameter | μ* [95%] | μ | σ |");
            md.AppendLine("|---|---|---|---|");
            foreach (var i in m.Indices.OrderByDescending(i => double.IsFinite(i.MuStar.Value) ? i.MuStar.Value : -1).Take(12))
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{i.Factor}` | {F(i.MuStar.Value)} [{F(i.MuStar.Lower)}, {F(i.MuStar.Upper)}] | {F(i.Mu)} | {F(i.Sigma)} |");
            md.AppendLine();
            if (r.Sobol.FirstOrDefault(s => s.Outcome.Name == m.Outcome.Name) is { } so) AppendSobol(md, so);
        }
        if (r.Morris.Count == 0) foreach (var s in r.Sobol) { md.AppendLine(CultureInfo.InvariantCulture, $"## {s.Outcome.Label}"); md.AppendLine(); AppendSobol(md, s); }
        md.AppendLine("## Ranges");
        md.AppendLine();
        md.AppendLine("| parameter | what | low | high |");
        md.AppendLine("|---|---|---|---|");
        foreach (var f in r.Factors) md.AppendLine(CultureInfo.InvariantCulture, $"| `{f.Name}` | {f.Parameter.Varied} | {F(f.Low)} | {F(f.High)} |");
        return md.ToString();
    }

    private static void AppendSobol(StringBuilder md, SobolOutcome s)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"Sobol indices ({s.Result.RowsUsed} base rows{(s.Result.RowsDropped > 0 ? $", {s.Result.RowsDropped} left out for a missing value" : "")}; noise share {Pct(s.Noise.NoiseShare)}):");
        md.AppendLine();
        md.AppendLine("| parameter | S1 [95%] | ST [95%] |");
        md.AppendLine("|---|---|---|");
        foreach (var i in s.Result.Indices.OrderByDescending(i => i.Total.Value))
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{i.Factor}` | {F(i.First.Value)} [{F(i.First.Lower)}, {F(i.First.Upper)}] | {F(i.Total.Value)} [{F(i.Total.Lower)}, {F(i.Total.Upper)}] |");
        md.AppendLine();
    }

    public static string F(double v) => double.IsFinite(v) ? v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture) : "–";

    public static string Pct(double v) => double.IsFinite(v) ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";
}
