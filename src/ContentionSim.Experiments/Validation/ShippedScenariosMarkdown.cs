using System.Globalization;
using System.Text;
using ContentionSim.Core.Observation;
using ContentionSim.Experiments.Scale;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// The section "The shipped scenarios: magnitudes and stages" of docs/validation.md, from a
/// <see cref="ShippedScenariosResult"/>: the magnitudes against the declared <see cref="MagnitudeTargets"/>, the
/// stages' durations in completed cycles with stage 5's routes, and the scale comparison.
/// </summary>
public static class ShippedScenariosMarkdown
{
    /// <summary>The section's heading (level 2).</summary>
    public const string Heading = "## The shipped scenarios: magnitudes and stages";

    /// <summary>The section's Markdown, ending with a blank line.</summary>
    public static string Section(ShippedScenariosResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append(Heading).Append("\n\n");
        sb.Append("Every shipped scenario (`scenarios/*.yaml` and `scenarios/teaching/*.yaml`) as it is, at its own size and settings, ")
          .Append("run with seeds ").Append(Seeds(result.Seeds)).Append(" (").Append(result.Size).Append(": ").Append(N(result.Seeds))
          .Append(" seeds per scenario; full size ").Append(N(ShippedScenarios.FullSeeds)).Append(", `--quick` ").Append(N(ShippedScenarios.QuickSeeds))
          .Append("). Seed *s* of a scenario is `contentionsim run FILE --seed s`, the same numbers for any `--parallel`. ")
          .Append("Everything is measured on the wave (all movements together) over the recorded weeks (after the burn-in).\n\n");

        sb.Append("### Magnitudes\n\n");
        sb.Append("The target ranges, declared once in `src/ContentionSim.Experiments/Validation/MagnitudeTargets.cs` (why: ")
          .Append("\"Magnitudes: target ranges and their sources\" above). Peak participation is the run's highest week of participation, ")
          .Append("as a share of the scenario's activists (its mobilization potential).\n\n");
        var cap = MagnitudeTargets.Cap;
        sb.Append(ExperimentMarkdown.Table([["scenarios", "what they stand for", "target range of peak participation", "source"],
            .. MagnitudeTargets.Ranges.Select(t => (IReadOnlyList<string>)[string.Join(", ", t.Scenarios.Select(Code)), t.StandsFor,
                RangeText(t), t.Source]),
            [cap.Exempt.Count == 0 ? "every scenario" : $"every scenario but {string.Join(", ", cap.Exempt.Keys.Order(StringComparer.Ordinal).Select(Code))}", "—",
                $"above {Pct(cap.Share)} in at most {N(cap.MaxWeeks)} weeks of a run (\"never for more than a few weeks\")", cap.Source]]));
        sb.Append('\n');
        var medians = result.Scenarios.GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Statistics.Quantile(g.First().Runs.Select(r => r.PeakParticipation), 0.5), StringComparer.Ordinal);
        sb.Append(ExperimentMarkdown.Table([["scenario", "peak participation: median (min–max)", "cycles per run: mean (runs with one)", "target",
                "median in range?", "seeds in range", $"weeks above {Pct(cap.Share)}: most in a run (runs over {N(cap.MaxWeeks)})"],
            .. result.Scenarios.Select(s => MagnitudeRow(s, medians))]));
        sb.Append('\n');
        foreach (var (name, why) in cap.Exempt.OrderBy(e => e.Key, StringComparer.Ordinal))
            if (result.Scenarios.Any(s => s.Name == name)) sb.Append(Code(name)).Append(" is not held to the bound: ").Append(why).Append(".\n\n");
        sb.Append("Cycles are the wave's cycles that were not fizzles (ended or still under way at the run's end).\n\n");

        sb.Append("### Stage durations\n\n");
        sb.Append("Ticks (weeks) in each stage of the completed cycles of the wave — neither fizzles nor under way at the run's end — pooled over ")
          .Append("the seeds: median [interquartile range] (quartiles by linear interpolation); a stage a cycle skipped counts 0 ticks (and as a sliver). ")
          .Append("A stage that lasted no longer than the classifier's dwell (the ticks a stage's criterion must hold before it is entered, ")
          .Append("`classifier.dwell`) is a *sliver*: its length is the classifier's, not the dynamics' (issue 15 item 3; Tarrow 1998/2011, ch. 10). ")
          .Append("Stage 5 is entered by the route of violence (della Porta & Tarrow 1986), of institutionalization (co-optation of ")
          .Append("moderates; Koopmans 1993), or both at once; `contentionsim stages` prints every criterion.\n\n");
        sb.Append(ExperimentMarkdown.Table([["scenario", "completed cycles", "stage 1", "stage 2", "stage 3", "stage 4", "stage 5", "stage 6",
                "stage 2 a sliver", "stage 5 a sliver", "entered stage 5", "by violence", "by institutionalization"],
            .. result.Scenarios.Select(StageRow)]));
        sb.Append('\n');

        if (result.Scale is { } scale) sb.Append(ScaleSection(scale));
        return sb.ToString();
    }

    private static IReadOnlyList<string> MagnitudeRow(ShippedScenarioRuns s, Dictionary<string, double> medians)
    {
        var peaks = s.Runs.Select(r => r.PeakParticipation).ToArray();
        double median = Statistics.Quantile(peaks, 0.5);
        string peak = peaks.Length == 0 ? "–" : $"{Pct(median)} ({Pct(peaks.Min())}–{Pct(peaks.Max())})";
        string cycles = s.Runs.Count == 0 ? "–"
            : $"{Experiment.F(Math.Round(s.Runs.Average(r => r.Cycles), 2))} ({N(s.Runs.Count(r => r.Cycles > 0))} of {N(s.Runs.Count)})";
        var cap = MagnitudeTargets.Cap;
        string weeks = cap.Exempt.ContainsKey(s.Name) ? "– (not held to it)"
            : s.Runs.Count == 0 ? "–"
            : $"{N(s.Runs.Max(r => r.WeeksAboveCap))} ({N(s.Runs.Count(r => r.WeeksAboveCap > cap.MaxWeeks))} of {N(s.Runs.Count)})";
        var target = MagnitudeTargets.For(s.Name);
        if (target is null) return [Code(s.File), peak, cycles, "–", "–", "–", weeks];
        string inRange = peaks.Length == 0 ? "–" : target.Contains(median) ? "yes" : median < target.Low ? "**no** (below)" : "**no** (above)";
        if (target.Below is { } other && peaks.Length > 0)
        {
            string versus = medians.TryGetValue(other, out double m) && double.IsFinite(m)
                ? (median < m ? $"; below {Code(other)}'s {Pct(m)}: yes" : $"; below {Code(other)}'s {Pct(m)}: **no**")
                : $"; {Code(other)} not run";
            inRange += versus;
        }
        string seeds = $"{N(peaks.Count(target.Contains))} of {N(peaks.Length)}";
        return [Code(s.File), peak, cycles, RangeText(target), inRange, seeds, weeks];
    }

    private static IReadOnlyList<string> StageRow(ShippedScenarioRuns s)
    {
        var cycles = s.Runs.SelectMany(r => r.CompletedCycles).ToArray();
        var row = new List<string> { Code(s.File), N(cycles.Length) };
        for (int stage = 1; stage <= 6; stage++)
        {
            var d = cycles.Select(c => (double)c.StageDurations[stage]).ToArray();
            row.Add(d.Length == 0 ? "–"
                : $"{Experiment.F(Statistics.Quantile(d, 0.5))} [{Experiment.F(Statistics.Quantile(d, 0.25))}–{Experiment.F(Statistics.Quantile(d, 0.75))}]");
        }
        row.Add(Share(cycles.Count(c => c.StageDurations[2] <= s.Dwell), cycles.Length));
        row.Add(Share(cycles.Count(c => c.StageDurations[5] <= s.Dwell), cycles.Length));
        int entered = cycles.Count(c => c.EnteredStage5);
        row.Add(cycles.Length == 0 ? "–" : $"{N(entered)} of {N(cycles.Length)}");
        row.Add(entered == 0 ? "–" : N(cycles.Count(c => c.EnteredStage5 && c.Stage5ByViolence)));
        row.Add(entered == 0 ? "–" : N(cycles.Count(c => c.EnteredStage5 && c.Stage5ByInstitutionalization)));
        return row;
    }

    private static string ScaleSection(ScaleSummary scale)
    {
        var sb = new StringBuilder();
        sb.Append("### Scale\n\n");
        sb.Append("A scenario must mean the same at any population size (issue 15 item 1). The classroom configuration (")
          .Append(Code(scale.File)).Append("), every movement scaled by the same factor and everything else as written, at ")
          .Append(string.Join(", ", scale.Samples.Select(x => N(x.Size)))).Append(" activists, seeds ").Append(Seeds(scale.Seeds))
          .Append(" at each size:\n\n");
        sb.Append(ExperimentMarkdown.Table([["size (activists)", "peak participation: mean (median)", "cycles per run: mean (runs with one)", "completed cycles"],
            .. scale.Samples.Select(x => (IReadOnlyList<string>)[N(x.Size),
                x.Peaks.Length == 0 ? "–" : $"{Pct(x.Peaks.Average())} ({Pct(Statistics.Quantile(x.Peaks, 0.5))})",
                x.Cycles.Length == 0 ? "–" : $"{Experiment.F(Math.Round(x.Cycles.Average(), 2))} ({N(x.Cycles.Count(c => c > 0))} of {N(x.Cycles.Length)})",
                N(x.Durations[1].Length)])]));
        sb.Append('\n');
        sb.Append("Each size against ").Append(N(scale.Reference)).Append(" activists by an equivalence test (two one-sided tests at ")
          .Append(Pct(ScaleEquivalence.Alpha)).Append(": equivalent when the 90% interval of the difference lies inside ± the margin; the ")
          .Append("margins are fixed in `src/ContentionSim.Experiments/Scale/ScaleEquivalence.cs`: peak participation max(")
          .Append(R(ScaleEquivalence.PeakMarginAbsolute * 100)).Append(" percentage points, ").Append(Pct(ScaleEquivalence.PeakMarginRelative))
          .Append(" of the reference mean), cycles per run max(").Append(Experiment.F(ScaleEquivalence.CyclesMarginAbsolute)).Append(", ")
          .Append(Pct(ScaleEquivalence.CyclesMarginRelative)).Append(" of the reference mean)):\n\n");
        sb.Append(ExperimentMarkdown.Table([["measure", "size (activists)", "mean", $"mean at {N(scale.Reference)}", "difference [90% interval]", "margin", "verdict"],
            .. scale.Comparisons().Select(x => ComparisonRow(x.Size, x.Comparison))]));
        sb.Append('\n');
        sb.Append("Few seeds give wide intervals: \"not shown equivalent\" is not \"different\". The slow test ")
          .Append("`ScaleEquivalenceTests.Every_measure_is_the_same_from_one_to_a_hundred_thousand_activists` (category Slow, run by `.ci/run`) ")
          .Append("compares every shipped scenario at 1,000, 5,000 and 100,000 activists with 20,000 on every measure — peak, cycles, each stage's ")
          .Append("duration, each outcome's share; the scenarios it does not show size-invariant are its known failures, each with the measured ")
          .Append("reason (its `KnownNotInvariant`; docs/ODD.md, Known limitations 10).\n\n");
        return sb.ToString();
    }

    /// <summary>A row of the equivalence table; peak participation in per cent and percentage points, like the tables above.</summary>
    private static IReadOnlyList<string> ComparisonRow(int size, ScaleEquivalence.Comparison c)
    {
        bool share = c.Measure == Metrics.PeakParticipation.Name;
        string V(double x) => share ? Pct(Math.Round(x, 4)) : R(x);
        string D(double x) => share ? R(x * 100) : R(x);
        string unit = share ? " points" : "";
        return [Metrics.Find(c.Measure)?.Label ?? c.Measure, N(size), V(c.Other), V(c.Reference),
            double.IsNaN(c.Difference) ? "–" : $"{D(c.Difference)} [{D(c.Low)}, {D(c.High)}]{unit}",
            $"±{D(c.Margin)}{unit}",
            c.Equivalent ? "equivalent" : c.Testable ? "**not shown equivalent**" : "no data"];
    }

    private static string RangeText(MagnitudeTarget t) =>
        $"{Pct(t.Low)}–{Pct(t.High)}" + (t.Below is null ? "" : $", below {Code(t.Below)}");

    private static string Share(int count, int of) =>
        of == 0 ? "–" : $"{Pct((double)count / of, whole: true)} ({N(count)} of {N(of)})";

    /// <summary>A number rounded to three decimals, without a negative zero.</summary>
    private static string R(double x) => Experiment.F(Math.Round(x, 3) + 0.0);

    private static string Seeds(int n) => n == 1 ? "1" : $"1–{N(n)}";

    private static string Code(string text) => $"`{text}`";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage: one decimal from 1%, two below (japan-2007's peaks are fractions of a per cent); whole per cents when asked.</summary>
    private static string Pct(double share, bool whole = false)
    {
        double p = share * 100;
        string format = whole ? "0" : Math.Abs(p) >= 1 || p == 0 ? "0.#" : "0.##";
        return p.ToString(format, CultureInfo.InvariantCulture) + "%";
    }
}
