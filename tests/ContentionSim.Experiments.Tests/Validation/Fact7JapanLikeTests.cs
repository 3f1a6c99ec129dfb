using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 7: the survey's checks and three more — low peaks, service over advocacy, hardly any alliances.</summary>
public class Fact7JapanLikeTests
{
    private static readonly Fact7JapanLike Experiment = new();

    private static ExperimentRun Run(int r, double peak, double alliances) => Synthetic.Record(r, [],
        ("organizations", 19), ("counselling", 0.84), ("language_classes", 0.63), ("networking", 0.74), ("regular_cooperation_japan", 0.89),
        ("cooperation_abroad", 0), ("influence_politics", 0.63), ("peak_participation", peak + 0.01 * (r % 3)),
        ("service_effort", 0.7 + 0.01 * (r % 2)), ("advocacy_effort", 0.3), ("alliances_formed", alliances));

    [Fact]
    public void Low_peaks_service_over_advocacy_and_few_alliances_are_checked_after_the_survey()
    {
        var result = Experiment.Analyze(Enumerable.Range(0, 30).Select(r => Run(r, 0.05, r % 10 == 0 ? 1 : 0)).ToArray());
        Assert.Equal(11, result.Checks.Count); // 6 shares, 2 correlations, 3 of fact 7
        Assert.All(result.Checks.Skip(8), c => Assert.True(c.Passed, c.Name));
        var high = Experiment.Analyze(Enumerable.Range(0, 30).Select(r => Run(r, 0.4, 3)).ToArray());
        Assert.False(high.Checks[8].Passed);
        Assert.True(high.Checks[9].Passed);
        Assert.False(high.Checks[10].Passed);
    }
}
