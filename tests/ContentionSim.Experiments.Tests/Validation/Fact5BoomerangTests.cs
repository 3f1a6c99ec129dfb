using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 5: concessions or time in cycles, either suffices; no alliance without a probability.</summary>
public class Fact5BoomerangTests
{
    private static readonly Fact5Boomerang Experiment = new();

    private static ExperimentRun[] Runs(double concessionGain, double tickGain, double alliancesAtZero = 0) =>
        Enumerable.Range(0, 30).SelectMany(r => new[]
        {
            Synthetic.Record(r, [(Fact5Boomerang.Alliance, 0)], ("mean_outside_pressure", 0), ("mean_effective_openness", 0.1),
                ("concessions", 5 + r % 4), ("cycle_ticks", 100 + r % 7), ("alliances_formed", alliancesAtZero)),
            Synthetic.Record(r, [(Fact5Boomerang.Alliance, 0.5)], ("mean_outside_pressure", 3 + 0.1 * (r % 3)), ("mean_effective_openness", 0.4),
                ("concessions", 5 + r % 4 + concessionGain + (r % 2)), ("cycle_ticks", 100 + r % 7 + tickGain + (r % 3)), ("alliances_formed", 4)),
        }).ToArray();

    [Fact]
    public void Either_more_concessions_or_longer_cycles_satisfy_the_third_check()
    {
        Assert.True(Experiment.Analyze(Runs(3, -20)).Checks[2].Passed);
        Assert.True(Experiment.Analyze(Runs(-3, 20)).Checks[2].Passed);
        Assert.False(Experiment.Analyze(Runs(-3, -20)).Checks[2].Passed);
        Assert.True(Experiment.Analyze(Runs(3, 20)).Passed);
    }

    [Fact]
    public void An_alliance_at_probability_zero_fails_exactly() =>
        Assert.False(Experiment.Analyze(Runs(3, 20, alliancesAtZero: 1)).Checks[3].Passed);
}
