using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 9's exact checks.</summary>
public class Fact9GranovetterTests
{
    private static readonly Fact9Granovetter Experiment = new();

    private static ExperimentRun[] Runs(double uniform, double raised) => Enumerable.Range(0, 5).SelectMany(r => new[]
    {
        Synthetic.Record(r, [(Fact9Granovetter.Threshold, 1)], ("final_active", uniform), ("activists", 100)),
        Synthetic.Record(r, [(Fact9Granovetter.Threshold, 2)], ("final_active", raised), ("activists", 100)),
    }).ToArray();

    [Fact]
    public void All_riot_against_one_rioter_passes_and_anything_else_fails()
    {
        Assert.True(Experiment.Analyze(Runs(100, 1)).Passed);
        var result = Experiment.Analyze(Runs(99, 2));
        Assert.False(result.Checks[0].Passed);
        Assert.False(result.Checks[1].Passed);
    }
}
