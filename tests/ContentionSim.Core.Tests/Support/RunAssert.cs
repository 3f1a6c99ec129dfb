using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Core.Tests.Support;

/// <summary>Exact comparison of two runs: every observation, stage entry, cycle, organization and headline.</summary>
public static class RunAssert
{
    public static void Same(RunResult a, RunResult b)
    {
        Assert.Equal(a.TicksRun, b.TicksRun);
        Assert.Equal(a.Movements, b.Movements);
        // TickObservation, StageEntry and OrganizationRecord hold only scalars: record equality is exact.
        Assert.Equal(a.Series, b.Series);
        Assert.Equal(a.StageEntries, b.StageEntries);
        Assert.Equal(a.Organizations, b.Organizations);
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.Cycles.Select(WithoutDurations), b.Cycles.Select(WithoutDurations));
        Assert.Equal(a.Cycles.SelectMany(c => c.StageDurations), b.Cycles.SelectMany(c => c.StageDurations));
        Assert.Equal(a.Headline.Outcomes, b.Headline.Outcomes);
        Assert.Equal(a.Headline.StageDurations, b.Headline.StageDurations);
        Assert.Equal(a.Headline with { Outcomes = [], StageDurations = [] }, b.Headline with { Outcomes = [], StageDurations = [] });
    }

    private static readonly int[] NoDurations = [];

    private static CycleRecord WithoutDurations(CycleRecord c) => c with { StageDurations = NoDurations };
}
