using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Simulation;

/// <summary>
/// Applies the scenario's scheduled events at the start of each tick, before any agent
/// acts: a shock sets a parameter at its tick; a ramp moves it linearly from its value at
/// the start tick to the target at the end tick.
/// </summary>
public sealed class EventLayer
{
    private ScheduledEvent[] _events;
    private double[] _rampStart;
    private readonly List<AppliedEvent> _applied = [];

    /// <summary>Takes the schedule of <paramref name="scenario"/> (events sorted by tick, ties in file order).</summary>
    internal EventLayer(Scenario scenario)
    {
        _events = scenario.Events.OrderBy(e => e.At).ToArray();
        _rampStart = new double[_events.Length];
    }

    /// <summary>
    /// Adds an event while the run goes on (<see cref="LiveRun.Schedule"/>): placed after every
    /// event at the same or an earlier tick, where a scenario listing it last would put it, so a
    /// replay applies the events of a tick in the same order.
    /// </summary>
    internal void Schedule(ScheduledEvent e)
    {
        int k = 0;
        while (k < _events.Length && _events[k].At <= e.At) k++;
        _events = [.. _events[..k], e, .. _events[k..]];
        _rampStart = [.. _rampStart[..k], 0, .. _rampStart[k..]];
    }

    /// <summary>The events as applied so far (tick, key, value, label).</summary>
    public IReadOnlyList<AppliedEvent> Applied => _applied;

    /// <summary>
    /// The parameters in force during tick <paramref name="tick"/>: <paramref name="inForce"/> (those
    /// of the tick before) with the events due at this tick applied.
    /// </summary>
    internal Scenario Apply(int tick, Scenario inForce)
    {
        var scenario = inForce;
        for (int k = 0; k < _events.Length; k++)
        {
            var e = _events[k];
            // Ticks run from 1: an event at tick 0 takes effect before the first tick.
            int at = Math.Max(e.At, 1);
            if (tick < at) continue;
            if (e.Until is int until && until > at)
            {
                if (tick > until) continue;
                if (tick == at)
                {
                    _rampStart[k] = System.Convert.ToDouble(ParameterPath.Get(scenario, e.Set), System.Globalization.CultureInfo.InvariantCulture);
                    _applied.Add(new AppliedEvent(tick, e.Set, e.Value, e.Label));
                }
                double value = _rampStart[k] + (e.Value - _rampStart[k]) * (tick - at) / (until - at);
                scenario = Set(scenario, e.Set, value);
            }
            else if (tick == at)
            {
                scenario = Set(scenario, e.Set, e.Value);
                _applied.Add(new AppliedEvent(tick, e.Set, e.Value, e.Label));
            }
        }
        return scenario;
    }

    private static Scenario Set(Scenario scenario, string path, double value)
    {
        var type = Nullable.GetUnderlyingType(ParameterPath.TypeAt(scenario, path)) ?? ParameterPath.TypeAt(scenario, path);
        object boxed = type == typeof(int) ? (int)Math.Round(value)
            : type == typeof(bool) ? value != 0
            : value;
        return ParameterPath.With(scenario, path, boxed);
    }
}
