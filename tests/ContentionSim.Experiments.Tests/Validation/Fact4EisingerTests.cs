using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 4 on made-up inverted-U and monotone data: the fit, the vertex and the Welch comparisons decide.</summary>
public class Fact4EisingerTests
{
    private static readonly Fact4Eisinger Experiment = new();

    private static ExperimentRun[] Runs(Func<double, double> mean) =>
        Enumerable.Range(0, 11).SelectMany(i => Enumerable.Range(0, 10).Select(r =>
        {
            double x = i / 10.0;
            return Synthetic.Record(r, [(Fact4Eisinger.Openness, x)],
                ("mean_participation", mean(x) + (r % 5 - 2) * 0.005), ("peak_participation", 0.3), ("cycles", 2));
        })).ToArray();

    [Fact]
    public void An_inverted_U_passes_every_check()
    {
        var result = Experiment.Analyze(Runs(x => 0.2 - 0.4 * (x - 0.45) * (x - 0.45)));
        Assert.All(result.Checks, c => Assert.True(c.Passed, c.Name));
        Assert.Equal(0.45, result.Checks[1].Estimate.Value, 6);
        Assert.NotNull(result.Figure);
        Assert.Equal(101, result.Figure!.Curve.Count);
    }

    [Fact]
    public void A_monotone_decline_fails()
    {
        var result = Experiment.Analyze(Runs(x => 0.2 - 0.1 * x));
        Assert.False(result.Passed);
        Assert.False(result.Checks[0].Passed);
    }

    [Fact]
    public void Fewer_than_three_openness_levels_is_a_design_error() =>
        Assert.Throws<ExperimentDesignException>(() => Experiment.Analyze(Runs(x => x).Where(r => r.Level(Fact4Eisinger.Openness) < 0.15).ToArray()));
}
