using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 6: no turnover at default settings; a small share over the grid.</summary>
public class Fact6TurnoverTests
{
    private static readonly Fact6Turnover Experiment = new();

    private static ExperimentRun[] Grid(Func<double, double, double, int, bool> turnover)
    {
        var runs = new List<ExperimentRun>();
        int point = 0;
        foreach (var o in new[] { 0.1, 0.5 })
            foreach (var s in new[] { 0.0, 0.3 })
                foreach (var c in new[] { 0.05, 0.02 })
                {
                    for (int r = 0; r < 30; r++)
                        runs.Add(Synthetic.Record(r, [(Fact6Turnover.Openness, o), (Fact6Turnover.Shift, s), (Fact6Turnover.Capacity, c)],
                            ("turnover", turnover(o, s, c, r) ? 1 : 0), ("cycles", 1)) with { Point = point });
                    point++;
                }
        return runs.ToArray();
    }

    [Fact]
    public void Turnover_only_under_extreme_settings_passes()
    {
        var result = Experiment.Analyze(Grid((o, s, c, r) => s == 0.3 && c == 0.02 && r < 3));
        Assert.All(result.Checks, c => Assert.True(c.Passed, c.Name));
        Assert.Equal(8, result.Figure!.Series[0].Points.Count);
    }

    [Fact]
    public void Turnover_at_default_settings_or_too_often_fails()
    {
        Assert.False(Experiment.Analyze(Grid((o, s, c, r) => s == 0 && c == 0.05 && r == 0)).Checks[0].Passed);
        Assert.False(Experiment.Analyze(Grid((o, s, c, r) => s == 0.3 && r < 15)).Checks[1].Passed);
    }
}
