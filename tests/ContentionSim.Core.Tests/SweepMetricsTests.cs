using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Tests;

/// <summary>The metrics a sweep records per run.</summary>
public class SweepMetricsTests
{
    [Fact]
    public void Names_are_unique_snake_case_and_include_the_headline_of_the_issue()
    {
        var names = SweepMetrics.All.Select(m => m.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9_]*$", n));
        foreach (var required in new[] { "cycles", "peak_participation", "time_to_peak", "stage1_ticks", "stage6_ticks", "repression_events",
                     "facilitation_events", "cooptations", "mean_outside_pressure", "concessions" })
            Assert.Contains(required, names);
        Assert.NotNull(SweepMetrics.Find(SweepMetrics.DefaultHeatmap));
        Assert.Null(SweepMetrics.Find("nope"));
    }

    [Fact]
    public void Values_come_from_the_headline()
    {
        var h = new Headline
        {
            Cycles = 2,
            PeakParticipation = 0.4,
            TimeToPeak = 12,
            StageDurations = [100, 1, 2, 3, 4, 5, 6],
            RepressionEvents = 7,
            Concessions = 3,
        };
        double? Get(string name) => SweepMetrics.Find(name)!.Of(h);
        Assert.Equal(2, Get("cycles"));
        Assert.Equal(0.4, Get("peak_participation"));
        Assert.Equal(12, Get("time_to_peak"));
        Assert.Equal(100, Get(SweepMetrics.StageColumn(Stage.Latent)));
        Assert.Equal(3, Get("stage3_ticks"));
        Assert.Equal(7, Get("repression_events"));
        Assert.Equal(3, Get("concessions"));
        Assert.Null(SweepMetrics.Find("time_to_peak")!.Of(h with { TimeToPeak = -1 }));
    }
}
