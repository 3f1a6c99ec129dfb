using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>The layout of runs.csv: header, one line per run, read back exactly.</summary>
public class SweepRunsCsvTests
{
    [Fact]
    public void The_header_names_run_point_replication_seed_values_metrics_and_outcomes()
    {
        var header = SweepRunsCsv.Header(["state.openness", "transnational.alliance_probability"]);
        Assert.Equal(["run", "point", "replication", "seed", "status", "state.openness", "transnational.alliance_probability", "cycles"], header.Take(8));
        Assert.Equal(["outcomes", "last_outcome", "ticks_run", "error", "elapsed_ms"], header.TakeLast(5));
        Assert.Equal(["state.openness", "transnational.alliance_probability"], SweepRunsCsv.FactorKeys(header));
        Assert.Null(SweepRunsCsv.FactorKeys(["run", "point"]));
    }

    [Fact]
    public void A_record_is_one_line_and_reads_back()
    {
        var record = SweepTestSupport.Record(17, 5, 2, ["0.9", "0.5"], peak: 0.4567891234, cycles: 2,
            [Outcome.Negotiated, Outcome.RevolutionaryTurnover]) with { Seed = ulong.MaxValue };
        string line = SweepRunsCsv.Line(record);
        Assert.EndsWith("\n", line);
        Assert.Equal(1, line.Count(c => c == '\n'));
        Assert.Contains(",0.456789,", line);
        Assert.Contains(",negotiated;revolutionary_turnover,revolutionary_turnover,40,,3\n", line);
        var back = SweepRunsCsv.Parse(line.TrimEnd('\n'), 2);
        Assert.Equal(17, back.Run);
        Assert.Equal(5, back.Point);
        Assert.Equal(2, back.Replication);
        Assert.Equal(ulong.MaxValue, back.Seed);
        Assert.False(back.Failed);
        Assert.Equal(["0.9", "0.5"], back.Values);
        Assert.Equal(0.456789, back.Metric("peak_participation"));
        Assert.Null(back.Metric("time_to_peak"));
        Assert.Equal([Outcome.Negotiated, Outcome.RevolutionaryTurnover], back.Outcomes);
        Assert.Equal(Outcome.RevolutionaryTurnover, back.LastOutcome);
        Assert.Equal(SweepRunsCsv.Line(back), line);
    }

    [Fact]
    public void A_failed_run_keeps_its_error_on_one_line_with_quotes_and_commas_escaped()
    {
        var record = SweepRunRecord.FailedRun(3, 3, 0, 42, ["a,b", "c"], "InvalidOperationException: bad, \"very\"\nbad", 12);
        string line = SweepRunsCsv.Line(record);
        Assert.Equal(1, line.Count(c => c == '\n'));
        Assert.Contains(",failed,\"a,b\",c,", line);
        var back = SweepRunsCsv.Parse(line.TrimEnd('\n'), 2);
        Assert.True(back.Failed);
        Assert.Equal("InvalidOperationException: bad, \"very\" bad", back.Error);
        Assert.Equal(["a,b", "c"], back.Values);
        Assert.All(back.Metrics, m => Assert.Null(m));
        Assert.Empty(back.Outcomes);
    }

    [Fact]
    public void Malformed_lines_are_refused()
    {
        Assert.Throws<FormatException>(() => SweepRunsCsv.Parse("1,2,3", 0));
        Assert.Throws<FormatException>(() => SweepRunsCsv.SplitLine("a,\"b"));
        var good = SweepRunsCsv.Line(SweepTestSupport.Record(1, 1, 0, ["x"], 0.1, 1)).TrimEnd('\n');
        Assert.Throws<FormatException>(() => SweepRunsCsv.Parse(good.Replace(",ok,", ",maybe,"), 1));
        Assert.Equal(["a", "", "b,c", "d\"e"], SweepRunsCsv.SplitLine("a,,\"b,c\",\"d\"\"e\""));
        Assert.Equal(Outcome.Suppressed, SweepRunsCsv.ParseOutcome("suppressed"));
        Assert.Equal("3", SweepRunsCsv.FormatMetric(SweepMetrics.Find("cycles")!, 3.0));
    }
}
