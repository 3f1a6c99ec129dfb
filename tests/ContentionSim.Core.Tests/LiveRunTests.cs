using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Core.Tests;

/// <summary>
/// A run stepped by hand with changes scheduled while it runs (the classroom page) must be the
/// run of its <see cref="LiveRun.Replay"/> scenario: same observations tick for tick.
/// </summary>
public class LiveRunTests
{
    private static Scenario Small(ulong seed) => new()
    {
        Seed = seed,
        Ticks = 160,
        Movements = [new MovementParameters { Id = "m", GrievanceShift = 0.1, Activists = new ActivistParameters { Count = 1500 } }],
        Events = [new ScheduledEvent { At = 40, Set = "state.repression_propensity", Value = 0.9, Label = "scenario's own" }],
    };

    [Fact]
    public void Stepping_without_changes_gives_the_run()
    {
        var scenario = Small(7);
        var live = new LiveRun(scenario, new RunOptions { Threads = 1 });
        while (live.Step()) { }
        var expected = Simulator.Run(scenario, new RunOptions { Threads = 1 });
        Assert.Equal(expected.Series, live.Series);
        Assert.Equal(expected.Headline.Outcomes, live.Finish().Headline.Outcomes);
    }

    [Fact]
    public void Changes_scheduled_mid_run_replay_to_the_same_numbers()
    {
        var scenario = Small(11);
        var live = new LiveRun(scenario, new RunOptions { Threads = 1 });
        for (int t = 0; t < 30; t++) live.Step();
        // a change at the next tick, one at the same tick as the scenario's own event, a ramp
        live.Schedule(new ScheduledEvent { At = 31, Set = "state.openness", Value = 0.9, Label = "slider" });
        live.Schedule(new ScheduledEvent { At = 40, Set = "state.repression_propensity", Value = 0.2, Label = "slider after the scenario's" });
        for (int t = 0; t < 30; t++) live.Step();
        live.Schedule(new ScheduledEvent { At = 61, Until = 90, Set = "movements.m.grievance_shift", Value = 0.4, Label = "ramp" });
        live.Schedule(new ScheduledEvent { At = 70, Set = "state.repression_term", Value = 5.4, Label = "whole number" });
        while (live.Step()) { }

        var replay = live.Replay;
        Assert.Equal(5, replay.Events.Count);
        var expected = Simulator.Run(replay, new RunOptions { Threads = 1 });
        Assert.Equal(expected.Series, live.Series);
        Assert.Equal(expected.Events, live.Applied);
        // the change took effect: openness in force is the slider's, and the later change won at tick 40
        Assert.Equal(0.9, live.Current.State.Openness);
        Assert.Equal(0.2, live.Current.State.RepressionPropensity);
        Assert.Equal(5, live.Current.State.RepressionTerm);
        // and it made a difference: the run without the changes differs
        var untouched = Simulator.Run(scenario, new RunOptions { Threads = 1 });
        Assert.NotEqual(untouched.Series.Select(o => o.Active), live.Series.Select(o => o.Active));
    }

    [Fact]
    public void A_change_in_the_past_or_to_an_unknown_parameter_is_refused()
    {
        var live = new LiveRun(Small(3), new RunOptions { Threads = 1 });
        live.Step(); live.Step();
        Assert.Throws<ArgumentException>(() => live.Schedule(new ScheduledEvent { At = 2, Set = "state.openness", Value = 0.1 }));
        var unknown = Assert.Throws<ArgumentException>(() => live.Schedule(new ScheduledEvent { At = 3, Set = "state.opennes", Value = 0.1 }));
        Assert.Contains("state.opennes", unknown.Message);
        Assert.Throws<ArgumentException>(() => live.Schedule(new ScheduledEvent { At = 3, Set = "name", Value = 1 }));
        Assert.Empty(live.Added);
    }

    [Fact]
    public void Finishing_early_gives_the_run_of_that_many_ticks()
    {
        var scenario = Small(5);
        var live = new LiveRun(scenario, new RunOptions { Threads = 1 });
        for (int t = 0; t < 75; t++) live.Step();
        var result = live.Finish();
        var expected = Simulator.Run(scenario with { Ticks = 75 }, new RunOptions { Threads = 1 });
        Assert.Equal(75, result.TicksRun);
        Assert.Equal(expected.Series, result.Series);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected.Cycles), System.Text.Json.JsonSerializer.Serialize(result.Cycles));
        Assert.False(live.Step());
    }
}
