using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 2: violence split at the peak, the late share, and the arms that can be tested.</summary>
public class Fact2LateViolenceTests
{
    private static readonly Fact2LateViolence Experiment = new();

    [Fact]
    public void Violence_is_split_at_the_peak_until_the_next_cycle_starts()
    {
        // Cycle 1: onset 10, peak 20, end 30; a fizzle starts at 40. Acts: 2 at 15 (mobilization), 6 at 25 and
        // 1 at 35 (demobilization: after the peak, before the next onset), 5 at 45 (in the fizzle: not counted).
        var run = Synthetic.Run(
            Synthetic.Series(60, _ => 0.1, t => t switch { 15 => 2, 25 => 6, 35 => 1, 45 => 5, _ => 0 }),
            [
                new CycleRecord { Cycle = 1, StartTick = 10, PeakTick = 20, EndTick = 30, Outcome = Outcome.Suppressed },
                new CycleRecord { Cycle = 2, StartTick = 40, PeakTick = 44, EndTick = 50, Outcome = Outcome.Fizzle },
            ]);
        var m = Experiment.Measure(run);
        Assert.Equal([2, 7, 11 * 100, 19 * 100, 7 / 9.0], m);
    }

    [Fact]
    public void A_run_without_violence_has_no_late_share() =>
        Assert.True(double.IsNaN(Experiment.Measure(Synthetic.Run(Synthetic.Series(30, _ => 0.1),
            [new CycleRecord { Cycle = 1, StartTick = 5, PeakTick = 10, EndTick = 20, Outcome = Outcome.Negotiated }]))[^1]));

    [Fact]
    public void Arms_with_violence_in_fewer_than_ten_seeds_are_reported_not_checked()
    {
        ExperimentRun Run(int r, double openness, double late) => Synthetic.Record(r, [(Fact2LateViolence.Openness, openness)],
            ("violence_mobilization", 1), ("violence_demobilization", 3), ("participant_ticks_mobilization", 100),
            ("participant_ticks_demobilization", 100), ("late_share", late));
        var runs = Enumerable.Range(0, 20).Select(r => Run(r, 0.1, 0.7 + 0.01 * (r % 5)))
            .Concat(Enumerable.Range(0, 20).Select(r => Run(r, 0.5, r < 5 ? 0.2 : double.NaN))).ToArray();
        var result = Experiment.Analyze(runs);
        Assert.Equal(2, result.Checks.Count); // "arms tested" and openness 0.1 only
        Assert.All(result.Checks, c => Assert.True(c.Passed));
        Assert.Contains(result.Reported, r => r.Name.Contains("openness 0.5: mean late share (not checked", StringComparison.Ordinal));
    }
}
