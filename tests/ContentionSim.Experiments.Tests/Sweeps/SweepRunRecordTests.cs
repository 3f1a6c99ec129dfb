using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>Records of finished and failed runs.</summary>
public class SweepRunRecordTests
{
    [Fact]
    public void A_finished_run_records_every_metric_of_its_headline()
    {
        var result = new RunResult
        {
            Scenario = new Scenario(),
            Seed = 9,
            TicksRun = 30,
            Headline = new Headline { Cycles = 2, PeakParticipation = 0.25, TimeToPeak = -1, Outcomes = [Outcome.Fizzle], LastOutcome = Outcome.Ongoing },
        };
        var r = SweepRunRecord.Finished(4, 1, 2, 9, ["a"], result, 55);
        Assert.Equal(SweepMetrics.All.Count, r.Metrics.Count);
        Assert.Equal(2, r.Metric("cycles"));
        Assert.Equal(0.25, r.Metric("peak_participation"));
        Assert.Null(r.Metric("time_to_peak"));
        Assert.Equal([Outcome.Fizzle], r.Outcomes);
        Assert.Equal(30, r.TicksRun);
        Assert.False(r.Failed);
    }

    [Fact]
    public void Errors_are_kept_on_one_line_and_bounded()
    {
        Assert.Equal("a b c", SweepRunRecord.OneLine("a\r\n b\tc"));
        Assert.Equal(2000, SweepRunRecord.OneLine(new string('x', 5000)).Length);
        Assert.Equal("", SweepRunRecord.OneLine(null));
        var failed = SweepRunRecord.FailedRun(1, 1, 0, 2, [], "x\ny", 0);
        Assert.True(failed.Failed);
        Assert.Equal("x y", failed.Error);
    }
}
