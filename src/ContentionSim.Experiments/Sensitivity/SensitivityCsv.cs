using ContentionSim.Reporting;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// <c>sensitivity.csv</c>: a row per parameter and outcome, in parameter order then outcome order:
/// the parameter's low, base and high value; the outcome's mean at each with the number of runs that
/// have it (runs without a cycle have no cycle length or outcome share); the paired differences
/// low − base, high − base and high − low with their 95% t confidence intervals; and the swing
/// |mean_high − mean_low|. Outcomes are in their natural units (shares as 0–1, lengths in ticks).
/// </summary>
public static class SensitivityCsv
{
    public const string FileName = "sensitivity.csv";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "parameter", "varied", "low_value", "base_value", "high_value", "outcome",
        "n_low", "n_base", "n_high", "mean_low", "mean_base", "mean_high",
        "diff_low", "diff_low_ci_low", "diff_low_ci_high",
        "diff_high", "diff_high_ci_low", "diff_high_ci_high",
        "high_minus_low", "high_minus_low_ci_low", "high_minus_low_ci_high",
        "swing",
    ];

    public static void Write(SensitivityAnalysis analysis, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var csv = new CsvWriter(output);
        csv.Header(Columns);
        foreach (var e in analysis.Effects)
        {
            csv.Field(e.Parameter.Path).Field(e.Parameter.Varied)
               .Field(e.Values.Low).Field(e.Values.Base).Field(e.Values.High)
               .Field(e.Outcome.Name)
               .Field(e.Low.N).Field(e.Base.N).Field(e.High.N)
               .Field(e.Low.Mean).Field(e.Base.Mean).Field(e.High.Mean);
            foreach (var d in new[] { e.LowMinusBase, e.HighMinusBase, e.HighMinusLow })
                csv.Field(d.Mean).Field(d.CiLow).Field(d.CiHigh);
            csv.Field(e.Swing);
            csv.EndRow();
        }
    }
}
