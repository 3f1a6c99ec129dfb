using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Core.Tests;

/// <summary>Scheduled shocks and ramps, stepped on their own so the parameters in force can be read each tick.</summary>
public class EventLayerTests
{
    private sealed class Harness
    {
        private int _tick;

        public Harness(params ScheduledEvent[] events)
        {
            Scenario = new Scenario { Events = events, State = new StateParameters { Openness = 0.5 } };
            Layer = new EventLayer(Scenario);
        }

        public EventLayer Layer { get; }
        public Scenario Scenario { get; private set; }

        /// <summary>Steps to <paramref name="tick"/> and returns the scenario in force during each tick.</summary>
        public List<Scenario> StepTo(int tick)
        {
            var seen = new List<Scenario>();
            while (_tick < tick)
            {
                Scenario = Layer.Apply(++_tick, Scenario);
                seen.Add(Scenario);
            }
            return seen;
        }
    }

    [Fact]
    public void A_shock_takes_effect_at_its_tick_and_stays()
    {
        var h = new Harness(new ScheduledEvent { At = 5, Set = "state.openness", Value = 0.1, Label = "crackdown" });

        var during = h.StepTo(10);

        Assert.Equal(new[] { 0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 }, during.Select(s => s.State.Openness));
        Assert.Equal(new[] { new AppliedEvent(5, "state.openness", 0.1, "crackdown") }, h.Layer.Applied);
    }

    [Fact]
    public void A_ramp_moves_linearly_from_the_value_at_its_start()
    {
        var h = new Harness(new ScheduledEvent { At = 10, Until = 20, Set = "state.openness", Value = 0.9 });

        var during = h.StepTo(25);

        Assert.Equal(0.5, during[9].State.Openness, 12);   // tick 10
        Assert.Equal(0.7, during[14].State.Openness, 12);  // tick 15, halfway
        Assert.Equal(0.9, during[19].State.Openness, 12);  // tick 20
        Assert.All(during.Skip(20), s => Assert.Equal(0.9, s.State.Openness, 12));
        Assert.All(during.Take(9), s => Assert.Equal(0.5, s.State.Openness));
        Assert.Equal(10, Assert.Single(h.Layer.Applied).Tick);
    }

    [Fact]
    public void An_event_at_tick_zero_takes_effect_before_the_first_tick()
    {
        var h = new Harness(new ScheduledEvent { At = 0, Set = "state.openness", Value = 0.2 });

        var during = h.StepTo(3);

        Assert.All(during, s => Assert.Equal(0.2, s.State.Openness));
        Assert.Single(h.Layer.Applied);
    }

    [Fact]
    public void A_ramp_from_tick_zero_starts_from_the_scenario_value()
    {
        var h = new Harness(new ScheduledEvent { At = 0, Until = 11, Set = "state.openness", Value = 1.0 });

        var during = h.StepTo(11);

        // Ticks run from 1: the ramp goes from 0.5 at tick 1 to 1.0 at tick 11, never below 0.5.
        Assert.Equal(0.5, during[0].State.Openness, 12);
        Assert.Equal(1.0, during[10].State.Openness, 12);
        for (int i = 1; i < during.Count; i++) Assert.True(during[i].State.Openness > during[i - 1].State.Openness);
    }

    [Fact]
    public void Events_on_integer_and_boolean_parameters_are_converted()
    {
        var h = new Harness(
            new ScheduledEvent { At = 2, Set = "state.repression_term", Value = 12.6 },
            new ScheduledEvent { At = 3, Set = "state.enabled", Value = 0 });

        var during = h.StepTo(3);

        Assert.Equal(13, during[1].State.RepressionTerm);
        Assert.True(during[1].State.Enabled);
        Assert.False(during[2].State.Enabled);
    }

    [Fact]
    public void Later_events_on_the_same_key_override_earlier_ones()
    {
        var h = new Harness(
            new ScheduledEvent { At = 6, Set = "state.openness", Value = 0.8 },
            new ScheduledEvent { At = 3, Set = "state.openness", Value = 0.2 });

        var during = h.StepTo(8);

        Assert.Equal(new[] { 0.5, 0.5, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8 }, during.Select(s => s.State.Openness));
        Assert.Equal(new[] { 3, 6 }, h.Layer.Applied.Select(a => a.Tick));
    }

    [Fact]
    public void A_run_applies_events_before_the_state_acts_in_the_same_tick()
    {
        // Without allies and with turnover out of reach, the effective openness is the openness in force.
        var scenario = new Scenario
        {
            Ticks = 40,
            Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 300 } }],
            Transnational = new TransnationalParameters { Enabled = false },
            State = new StateParameters { Openness = 0.5, TurnoverThreshold = 1 },
            Events =
            [
                new ScheduledEvent { At = 10, Set = "state.openness", Value = 0.1 },
                new ScheduledEvent { At = 20, Until = 30, Set = "state.openness", Value = 0.6 },
            ],
        };

        var run = Simulator.Run(scenario, new RunOptions { Threads = 1 });
        var at = run.Series.ToDictionary(o => o.Tick, o => o.EffectiveOpenness);

        Assert.Equal(0.5, at[9], 12);
        Assert.Equal(0.1, at[10], 12);
        Assert.Equal(0.1, at[20], 12);
        Assert.Equal(0.35, at[25], 12);
        Assert.Equal(0.6, at[30], 12);
        Assert.Equal(new[] { 10, 20 }, run.Events.Select(e => e.Tick));
    }
}
