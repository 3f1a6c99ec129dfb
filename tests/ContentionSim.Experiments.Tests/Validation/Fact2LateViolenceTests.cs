using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Simulation;
using ContentionSim.Experiments.Validation;
using ContentionSim.Reporting;
using ContentionSim.Scenarios;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 2: violence split at the peak, the late share, and the arms that can be tested.</summary>
public class Fact2LateViolenceTests
{
    private static readonly Fact2LateViolence Experiment = new();

    [Fact]
    public void Violence_is_split_at_the_peak_within_each_cycle_and_quiet_weeks_do_not_count()
    {
        // Cycle 1: onset 10, peak 20, end 30, 9 violent acts of which 7 after the peak and 5 in stages 4–6;
        // a fizzle from 40 (not counted). Participant-ticks: 100 a tick, 10 ticks each side of the peak.
        var run = Synthetic.Run(
            Synthetic.Series(60, _ => 0.1, t => t switch { 15 => 2, 25 => 6, 35 => 1, 45 => 5, _ => 0 }),
            [
                new CycleRecord { Cycle = 1, StartTick = 10, PeakTick = 20, EndTick = 30, Outcome = Outcome.Suppressed, ViolentActs = 9, ViolentActsAfterPeak = 7, ViolentActsLate = 5 },
                new CycleRecord { Cycle = 2, StartTick = 40, PeakTick = 44, EndTick = 50, Outcome = Outcome.Fizzle, ViolentActs = 5 },
            ]);
        var m = Experiment.Measure(run);
        Assert.Equal([2, 7, 10 * 100, 10 * 100, 7 / 9.0, 5 / 9.0], m);
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
            ("participant_ticks_demobilization", 100), ("late_share", late), ("late_share_stages_4_6", late));
        var runs = Enumerable.Range(0, 20).Select(r => Run(r, 0.1, 0.7 + 0.01 * (r % 5)))
            .Concat(Enumerable.Range(0, 20).Select(r => Run(r, 0.5, r < 5 ? 0.2 : double.NaN))).ToArray();
        var result = Experiment.Analyze(runs);
        Assert.Equal(2, result.Checks.Count); // "arms tested" and openness 0.1 only
        Assert.All(result.Checks, c => Assert.True(c.Passed));
        Assert.Contains(result.Reported, r => r.Name.Contains("openness 0.5: mean late share (not checked", StringComparison.Ordinal));
    }

    [Fact]
    public void The_run_summary_gives_the_late_shares_fact_two_measures()
    {
        // The classroom configuration under a tight state (fact 2's first arm), three seeds.
        string file = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scenarios/experiments/base-classroom.yaml"));
        var scenario = ScenarioLoader.LoadFile(file);
        int withViolence = 0;
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var run = Simulator.Run(scenario with { Seed = seed, State = scenario.State with { Openness = 0.1 } }, new RunOptions { Threads = 1 });
            var m = Experiment.Measure(run);
            if (!double.IsFinite(m[4])) continue;
            withViolence++;
            Assert.Equal(m[4], run.Headline.ViolenceAfterPeakShare, 12);
            Assert.Equal(m[5], run.Headline.LateViolenceShare, 12);
            string summary = RunSummary.Text(run);
            Assert.Contains($"{RunSummary.Percent(m[4])} after the peak, {RunSummary.Percent(m[5])} in demobilization", summary, StringComparison.Ordinal);
        }
        Assert.True(withViolence > 0, "no seed had violence within a cycle: the test compared nothing");
    }
}
