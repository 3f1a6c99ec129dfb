using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 8: several cycles with rebuilding grievances, more than without.</summary>
public class Fact8RepeatedCyclesTests
{
    private static readonly Fact8RepeatedCycles Experiment = new();

    private static ExperimentRun[] Runs(double with, double without) => Enumerable.Range(0, 30).SelectMany(r => new[]
    {
        Synthetic.Record(r, [(Fact8RepeatedCycles.Rebuild, 0.01)], ("cycles", with + r % 2), ("completed_cycles", 1), ("fizzles", 0)),
        Synthetic.Record(r, [(Fact8RepeatedCycles.Rebuild, 0)], ("cycles", without + r % 3), ("completed_cycles", 1), ("fizzles", 0)),
    }).ToArray();

    [Fact]
    public void Several_cycles_with_rebuild_pass_and_one_cycle_fails()
    {
        Assert.True(Experiment.Analyze(Runs(3, 1)).Passed);
        var one = Experiment.Analyze(Runs(1, 0));
        Assert.False(one.Checks[0].Passed);
        Assert.True(one.Checks[1].Passed);
    }
}
