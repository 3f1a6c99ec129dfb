using ContentionSim.Reporting;
using System.Text;

namespace ContentionSim.Experiments.Validation;

/// <summary>The Markdown of an experiment's results: claim, source, how to rerun it, the checks, the numbers and the figure.</summary>
public static class ExperimentMarkdown
{
    /// <summary>PASS or FAIL.</summary>
    public static string Verdict(bool passed) => passed ? "PASS" : "FAIL";

    /// <summary>PASS, FAIL, or "FAIL (known)" for a failure the ODD documents.</summary>
    public static string Verdict(Check check) => check.Passed ? "PASS" : check.KnownFailure is null ? "FAIL" : "FAIL (known)";

    /// <summary>An interval as text, "[low, high]", or "–" without one.</summary>
    public static string Interval(Estimate e) => e.HasInterval ? $"[{Experiment.F(e.Low)}, {Experiment.F(e.High)}]" : "–";

    /// <summary>
    /// The section of one experiment. <paramref name="image"/> is the figure's path relative to the
    /// Markdown file; <paramref name="size"/> says how large the run was (e.g. "quick size: 30 replications").
    /// </summary>
    public static string Section(ExperimentResult result, string image, string size, int level = 2, string notes = "")
    {
        var e = result.Experiment;
        var sb = new StringBuilder();
        string h = new('#', level);
        sb.Append(h).Append(' ').Append(e.Id).Append(" — ").Append(e.Title).Append("\n\n");
        sb.Append("**Claim.** ").Append(e.Claim).Append("\n\n");
        sb.Append("**Source.** ").Append(e.Source).Append("\n\n");
        sb.Append("**Experiment.** [`scenarios/experiments/").Append(e.FileName).Append("`](../scenarios/experiments/").Append(e.FileName)
          .Append("); rerun with `contentionsim experiment ").Append(e.Id).Append("` (add `--quick` for the reduced size). ")
          .Append(result.Runs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Append(" runs, ").Append(size).Append(".\n\n");
        sb.Append("**Verdict: ").Append(result.Passed ? "PASS" : "FAIL").Append("**");
        if (!result.Passed)
            sb.Append(" — the model does not meet ").Append(result.Checks.Count(c => !c.Passed) == 1 ? "this criterion" : "these criteria")
              .Append(": ").Append(string.Join("; ", result.Checks.Where(c => !c.Passed).Select(c => c.KnownFailure is null ? c.Name : $"{c.Name} (known: {c.KnownFailure})"))).Append('.');
        sb.Append("\n\n");
        sb.Append(ChecksTable(result)).Append('\n');
        if (result.DeclaredControls.Count > 0 || result.Checks.Count > 0) sb.Append(ControlsSection(result)).Append('\n');
        if (result.Table.Count > 1) sb.Append(Table(result.Table)).Append('\n');
        if (result.Reported.Count > 0)
        {
            sb.Append("<details><summary>Further numbers (mean or share, 95% CI)</summary>\n\n");
            sb.Append(Table([["number", "estimate", "95% CI", "n", "note"],
                .. result.Reported.Select(r => (IReadOnlyList<string>)[r.Name, Experiment.F(r.Estimate.Value), Interval(r.Estimate), r.Estimate.N.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Note])]));
            sb.Append("\n</details>\n\n");
        }
        if (result.Figure is not null) sb.Append("![").Append(result.Figure.Title).Append("](").Append(image).Append(")\n\n");
        if (notes.Length > 0) sb.Append(notes.Trim()).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>The checks as a Markdown table.</summary>
    public static string ChecksTable(ExperimentResult result) =>
        Table([["check", "label", "estimate", "95% CI", "criterion (fixed beforehand)", "result", "note"],
            .. result.Checks.Select(c => (IReadOnlyList<string>)[c.Name, KindText(c), Experiment.F(c.Estimate.Value), Interval(c.Estimate), c.Criterion, Verdict(c), c.Note])]);

    /// <summary>The label of a check with why it has it, e.g. "input check (the survey's 84%, set in japan-2007)".</summary>
    public static string KindText(Check c) => c.KindReason.Length == 0 ? Check.Label(c.Kind) : $"{Check.Label(c.Kind)} ({c.KindReason})";

    /// <summary>
    /// The negative controls of an experiment: each control with the mechanism it removes and its settings,
    /// then every check with its label, its controls, whether it passes on the model and whether it fails on them.
    /// </summary>
    public static string ControlsSection(ExperimentResult result)
    {
        var sb = new StringBuilder();
        sb.Append("**Negative controls.** ");
        if (result.DeclaredControls.Count == 0) sb.Append("None declared: no check of this experiment is shown to be able to fail.\n\n");
        else
        {
            sb.Append("The same runs (same seeds) with one mechanism switched off; the checks each names must fail under it");
            sb.Append(result.Controls is null ? " (not run this time: `--no-controls`).\n\n" : ".\n\n");
            sb.Append(Table([["control", "removes", "settings", "must break"],
                .. result.DeclaredControls.Select(c => (IReadOnlyList<string>)[c.Id, c.Removes, c.SettingsText, string.Join(", ", c.Breaks)])]));
            sb.Append('\n');
        }
        sb.Append(ControlsTable(result));
        return sb.ToString();
    }

    private static readonly string[] ExperimentColumn = ["experiment"];

    /// <summary>Every check: label, control, passes on the model?, fails on the control? (with the control's estimate).</summary>
    public static string ControlsTable(ExperimentResult result, bool withExperiment = false) =>
        Table([[.. withExperiment ? ExperimentColumn : [], "check", "label", "control", "passes on model?", "fails on control?", "under the control"],
            .. ExperimentControls.Verdicts(result).Select(v => (IReadOnlyList<string>)[
                .. withExperiment ? new[] { result.Experiment.Id } : [], v.Check.Name, Check.Label(v.Check.Kind), v.ControlText,
                v.Check.Passed ? "yes" : v.Check.KnownFailure is null ? "no" : "no (known)", v.StatusText, v.Detail])]);

    /// <summary>Rows as a Markdown table, the first row the header.</summary>
    public static string Table(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < rows.Count; i++)
        {
            sb.Append("| ").Append(string.Join(" | ", rows[i].Select(Cell))).Append(" |\n");
            if (i == 0) sb.Append('|').Append(string.Concat(rows[0].Select(_ => "---|"))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
