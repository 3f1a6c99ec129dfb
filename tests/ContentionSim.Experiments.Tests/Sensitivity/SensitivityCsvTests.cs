using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Globalization;
using ContentionSim.Experiments.Sensitivity;

namespace ContentionSim.Experiments.Tests.Sensitivity;

public class SensitivityCsvTests
{
    private static string Csv(SensitivityAnalysis analysis)
    {
        var w = new StringWriter { NewLine = "\n" };
        SensitivityCsv.Write(analysis, w);
        return w.ToString();
    }

    [Fact]
    public void It_has_a_row_per_parameter_and_outcome_with_the_promised_columns()
    {
        var lines = Csv(SensitivityTestData.Analysis).TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(',', SensitivityCsv.Columns), lines[0]);
        Assert.Equal(1 + 3 * SensitivityOutcomes.All.Count, lines.Length);
        foreach (var column in new[] { "parameter", "low_value", "base_value", "high_value", "outcome", "mean_low", "mean_base", "mean_high", "swing" })
            Assert.Contains(column, SensitivityCsv.Columns);
        var row = lines.Skip(1).Select(l => l.Split(',')).First(f => f[0] == "state.openness" && f[5] == "peak_participation");
        Assert.Equal("0.375", row[2]);
        Assert.Equal("0.5", row[3]);
        Assert.Equal("0.625", row[4]);
        double low = double.Parse(row[9], CultureInfo.InvariantCulture), high = double.Parse(row[11], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Abs(high - low), double.Parse(row[^1], CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public void The_inert_parameter_has_swing_zero_in_the_csv()
    {
        var rows = Csv(SensitivityTestData.Analysis).Split('\n').Where(l => l.StartsWith("transnational.information_amplification,", StringComparison.Ordinal) && l.Contains("participation", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("0", r.Split(',')[^1]));
    }

    [Fact]
    public void The_bytes_are_the_same_for_any_parallelism()
    {
        Assert.Equal(Csv(SensitivityTestData.Analyse(1)), Csv(SensitivityTestData.Analyse(2)));
    }
}
