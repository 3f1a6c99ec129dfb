using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>summary.csv: per-point statistics and outcome shares against values computed by hand.</summary>
public class SweepSummaryTests
{
    private static readonly SweepGrid Grid = SweepTestSupport.Plan(replications: 3).Grid;

    private static List<SweepRunRecord> Records() =>
    [
        // Point 0 (openness 0.1, alliances 0): two finished runs and one failure.
        SweepTestSupport.Record(0, 0, 0, ["0.1", "0"], peak: 0.2, cycles: 1, [Outcome.Negotiated]),
        SweepTestSupport.Record(6, 0, 1, ["0.1", "0"], peak: 0.4, cycles: 3, [Outcome.Suppressed, Outcome.Fizzle, Outcome.Negotiated]),
        SweepTestSupport.Record(12, 0, 2, ["0.1", "0"], peak: 0, cycles: 0, failed: true),
        // Point 1: one run.
        SweepTestSupport.Record(1, 1, 0, ["0.1", "0.5"], peak: 0.5, cycles: 0),
    ];

    [Fact]
    public void Statistics_per_point_match_hand_computed_values()
    {
        var rows = SweepSummary.Compute(Grid, Records());
        Assert.Equal(6, rows.Count);
        var p0 = rows[0];
        Assert.Equal(["0.1", "0"], p0.Values);
        Assert.Equal(2, p0.Runs);
        Assert.Equal(1, p0.Failed);
        int peak = SweepMetrics.All.ToList().FindIndex(m => m.Name == "peak_participation");
        int cycles = SweepMetrics.All.ToList().FindIndex(m => m.Name == "cycles");
        int toPeak = SweepMetrics.All.ToList().FindIndex(m => m.Name == "time_to_peak");
        // peak: 0.2 and 0.4 → mean 0.3, sd √0.02 = 0.141421, half-width t(0.975, 1) · sd / √2 = 12.706205 · 0.1 = 1.2706205.
        Assert.Equal(2, p0.Metrics[peak].N);
        Assert.Equal(0.3, p0.Metrics[peak].Mean, 9);
        Assert.Equal(0.1414214, p0.Metrics[peak].Sd, 6);
        Assert.Equal(-0.9706205, p0.Metrics[peak].CiLow, 6);
        Assert.Equal(1.5706205, p0.Metrics[peak].CiHigh, 6);
        // cycles: 1 and 3 → mean 2, sd √2, half-width 12.706205.
        Assert.Equal(2, p0.Metrics[cycles].Mean, 9);
        Assert.Equal(14.706205, p0.Metrics[cycles].CiHigh, 5);
        Assert.Equal(0, p0.Metrics[toPeak].N); // missing for every run
        // Outcomes over the 4 cycles of the finished runs: fizzle 1, negotiated 2, suppressed 1.
        Assert.Equal(4, p0.Cycles);
        Assert.Equal([0.25, 0.5, 0.25, 0, 0, 0], p0.OutcomeShares);

        Assert.Equal(1, rows[1].Runs);
        Assert.Equal(0.5, rows[1].Metrics[peak].Mean);
        Assert.True(double.IsNaN(rows[1].Metrics[peak].Sd));
        Assert.True(double.IsNaN(rows[1].OutcomeShares[0])); // no cycles: no shares
        Assert.Equal(0, rows[5].Runs);
        Assert.Equal(["0.9", "0.5"], rows[5].Values);
    }

    [Fact]
    public void Summary_csv_has_the_statistics_in_named_columns_and_empty_fields_where_none_exist()
    {
        var keys = Grid.Factors.Select(f => f.Key).ToArray();
        var writer = new StringWriter();
        SweepSummary.Write(writer, keys, SweepSummary.Compute(Grid, Records()));
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(SweepSummary.Header(keys), header);
        string Cell(int row, string column) => lines[row + 1].Split(',')[Array.IndexOf(header, column)];
        Assert.Equal("0", Cell(0, "point"));
        Assert.Equal("0.1", Cell(0, "state.openness"));
        Assert.Equal("2", Cell(0, "runs"));
        Assert.Equal("1", Cell(0, "failed"));
        Assert.Equal("0.3", Cell(0, "peak_participation_mean"));
        Assert.Equal("0.141421", Cell(0, "peak_participation_sd"));
        Assert.Equal("-0.97062", Cell(0, "peak_participation_ci_low"));  // 0.3 − 1.27062047
        Assert.Equal("1.57062", Cell(0, "peak_participation_ci_high"));
        Assert.Equal("0.5", Cell(0, "share_negotiated"));
        Assert.Equal("4", Cell(0, "cycles_total"));
        Assert.Equal("", Cell(1, "peak_participation_sd"));
        Assert.Equal("", Cell(4, "peak_participation_mean"));
    }

    [Fact]
    public void The_summary_does_not_depend_on_the_order_of_the_records()
    {
        var keys = Grid.Factors.Select(f => f.Key).ToArray();
        var a = new StringWriter();
        var b = new StringWriter();
        SweepSummary.Write(a, keys, SweepSummary.Compute(Grid, Records()));
        var reversed = Records();
        reversed.Reverse();
        SweepSummary.Write(b, keys, SweepSummary.Compute(Grid, reversed));
        Assert.Equal(a.ToString(), b.ToString());
    }
}
