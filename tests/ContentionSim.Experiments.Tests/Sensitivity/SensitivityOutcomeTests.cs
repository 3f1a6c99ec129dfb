using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Experiments.Sensitivity;
using ContentionSim.Core.Stages;

namespace ContentionSim.Experiments.Tests.Sensitivity;

public class SensitivityOutcomeTests
{
    private static RunResult With(int ticks, params CycleRecord[] cycles) => new()
    {
        Scenario = new Scenario(),
        Seed = 1,
        TicksRun = ticks,
        Cycles = cycles,
        Headline = new Headline { PeakParticipation = 0.3, MeanParticipation = 0.1 },
    };

    [Fact]
    public void Cycle_length_averages_non_fizzle_cycles_and_runs_an_ongoing_one_to_the_end()
    {
        var r = With(100,
            new CycleRecord { StartTick = 0, EndTick = 5, Outcome = Outcome.Fizzle },
            new CycleRecord { StartTick = 10, EndTick = 40, Outcome = Outcome.Negotiated },
            new CycleRecord { StartTick = 60, EndTick = null, Outcome = Outcome.Ongoing },
            new CycleRecord { Movement = "other", StartTick = 0, EndTick = 99, Outcome = Outcome.Suppressed });
        Assert.Equal((30 + 40) / 2.0, SensitivityOutcomes.CycleLength(r));
        Assert.Equal(1.0, SensitivityOutcomes.OutcomeShare(r, Outcome.Negotiated));
        Assert.Equal(0.0, SensitivityOutcomes.OutcomeShare(r, Outcome.Suppressed));
    }

    [Fact]
    public void Without_a_cycle_the_cycle_outcomes_do_not_exist()
    {
        var r = With(100, new CycleRecord { StartTick = 0, EndTick = 5, Outcome = Outcome.Fizzle });
        Assert.Null(SensitivityOutcomes.CycleLength(r));
        Assert.Null(SensitivityOutcomes.OutcomeShare(r, Outcome.Negotiated));
        Assert.Equal(0.3, SensitivityOutcomes.Find("peak_participation")!.Of(r));
        Assert.Equal(0.0, SensitivityOutcomes.Find("cycle_share")!.Of(r));
        Assert.Equal(1.0, SensitivityOutcomes.Find("cycle_share")!.Of(With(100, new CycleRecord { StartTick = 1, Outcome = Outcome.Ongoing })));
    }

    [Theory]
    [InlineData(2, 12.706)]
    [InlineData(3, 4.303)]
    [InlineData(5, 2.776)]
    [InlineData(20, 2.093)]
    [InlineData(101, 1.984)]
    public void Mean_interval_half_width_is_the_tables_t_value_times_the_standard_error(int n, double t)
    {
        // Values alternating 0 and 2 (and a middle 1 for odd counts) have a known sd; the half width
        // divided by sd/√n is the critical value the interval used.
        var values = Enumerable.Range(0, n).Select(i => n % 2 == 1 && i == n - 1 ? 1.0 : i % 2 * 2.0).ToArray();
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));

        var interval = MeanInterval.Of(values);

        Assert.Equal(t, (interval.CiHigh - interval.Mean) / (sd / Math.Sqrt(n)), 3);
    }

    [Fact]
    public void Mean_interval_uses_the_t_distribution()
    {
        var m = MeanInterval.Of([1, 2, 3, double.NaN]);
        Assert.Equal(3, m.N);
        Assert.Equal(2, m.Mean, 12);
        Assert.Equal(2 - 4.302652729911275 / Math.Sqrt(3), m.CiLow, 9);
        Assert.True(double.IsNaN(MeanInterval.Of([1]).CiLow));
        Assert.Equal(0, MeanInterval.Of([0, 0, 0]).CiHigh);
    }
}
