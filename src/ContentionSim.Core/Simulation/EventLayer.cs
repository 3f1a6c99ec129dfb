using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Simulation;

/// <summary>
/// Applies the scenario's scheduled events at the start of each tick, before any agent
/// acts: a shock sets a parameter at its tick; a ramp moves it linearly from its value at
/// the start tick to the target at the end tick.
/// </summary>
public sealed class EventLayer : ISteppedLayer
{
    private SimulationContext _ctx = null!;
    private ScheduledEvent[] _events = [];
    private double[] _rampStart = [];
    private readonly List<AppliedEvent> _applied = [];

    public IReadOnlyList<AppliedEvent> Applied => _applied;

    public void InitLayer(SimulationContext context)
    {
        _ctx = context;
        _events = context.Scenario.Events.OrderBy(e => e.At).ToArray();
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

    public void PreTick()
    {
        int tick = _ctx.CurrentTick;
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
                    _rampStart[k] = System.Convert.ToDouble(ParameterPath.Get(_ctx.Scenario, e.Set), System.Globalization.CultureInfo.InvariantCulture);
                    _applied.Add(new AppliedEvent(tick, e.Set, e.Value, e.Label));
                }
                double value = _rampStart[k] + (e.Value - _rampStart[k]) * (tick - at) / (until - at);
                Set(e.Set, value);
            }
            else if (tick == at)
            {
                Set(e.Set, e.Value);
                _applied.Add(new AppliedEvent(tick, e.Set, e.Value, e.Label));
            }
        }
    }

    private void Set(string path, double value)
    {
        var type = Nullable.GetUnderlyingType(ParameterPath.TypeAt(_ctx.Scenario, path)) ?? ParameterPath.TypeAt(_ctx.Scenario, path);
        object boxed = type == typeof(int) ? (int)Math.Round(value)
            : type == typeof(bool) ? value != 0
            : value;
        _ctx.Scenario = ParameterPath.With(_ctx.Scenario, path, boxed);
    }

    public void Tick() { }
    public void PostTick() { }
}
