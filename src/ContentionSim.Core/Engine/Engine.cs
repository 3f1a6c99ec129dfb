using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Engine;

/// <summary>
/// An agent in the shape of the MARS framework: initialised once with the layer that
/// owns it, then ticked once per simulation step. It reads the tick's inputs from its layer
/// (which the model's step gives them explicitly) and writes only its own state and the
/// layer's outputs.
/// </summary>
public interface IAgent<in TLayer>
{
    /// <summary>Called once, before the first tick, with the owning layer.</summary>
    void Init(TLayer layer);

    /// <summary>Called once per tick, by its layer.</summary>
    void Tick();
}

/// <summary>What one tick stands for; rates in a scenario are per tick.</summary>
public sealed record TimeUnit(string Name)
{
    /// <summary>A tick is a week (the default).</summary>
    public static TimeUnit Week { get; } = new("week");
    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}

/// <summary>Shared context of one simulation: current parameters, tick, random streams.</summary>
internal sealed class SimulationContext
{
    public SimulationContext(Scenario scenario, int threads, CancellationToken cancellation = default)
    {
        Scenario = scenario;
        Random = new RandomStreams(scenario.Seed);
        Threads = threads <= 0 ? Environment.ProcessorCount : threads;
        TimeUnit = new TimeUnit(scenario.TimeUnit);
        Cancellation = cancellation;
    }

    /// <summary>Parameters in force this tick (scheduled events replace them).</summary>
    public Scenario Scenario { get; internal set; }

    /// <summary>The tick being simulated (1-based during a run; 0 during initialisation).</summary>
    public int CurrentTick { get; internal set; }

    public TimeUnit TimeUnit { get; }

    public RandomStreams Random { get; }

    /// <summary>Worker threads for population updates. Results do not depend on it.</summary>
    public int Threads { get; }

    public CancellationToken Cancellation { get; }
}
