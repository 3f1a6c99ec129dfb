using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Engine;

/// <summary>
/// An agent in the shape of the MARS framework: initialised once with the layer that
/// owns it, then ticked once per simulation step.
/// </summary>
public interface IAgent<in TLayer> where TLayer : ILayer
{
    /// <summary>Called once, before the first tick, with the owning layer.</summary>
    void Init(TLayer layer);

    /// <summary>Called once per tick.</summary>
    void Tick();
}

/// <summary>A layer owns a population or an environment (MARS's <c>ILayer</c>).</summary>
public interface ILayer
{
    /// <summary>Creates the layer's agents and state from the scenario.</summary>
    void InitLayer(SimulationContext context);
}

/// <summary>A layer that is stepped every tick (MARS's <c>ISteppedActiveLayer</c>).</summary>
public interface ISteppedLayer : ILayer
{
    /// <summary>Before any layer ticks: read what others left at the end of the last tick.</summary>
    void PreTick();

    /// <summary>The layer's own step: ticks its agents.</summary>
    void Tick();

    /// <summary>After every layer has ticked: publish this tick's results.</summary>
    void PostTick();
}

/// <summary>What one tick stands for; rates in a scenario are per tick.</summary>
public sealed record TimeUnit(string Name)
{
    public static TimeUnit Week { get; } = new("week");
    public override string ToString() => Name;
}

/// <summary>Shared context of one simulation: current parameters, tick, random streams.</summary>
public sealed class SimulationContext
{
    private readonly Dictionary<Type, ILayer> _layers = new();

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

    /// <summary>The registered layer of type <typeparamref name="T"/>.</summary>
    public T GetLayer<T>() where T : ILayer =>
        _layers.TryGetValue(typeof(T), out var layer) ? (T)layer : throw new InvalidOperationException($"no layer {typeof(T).Name} registered");

    internal void Register(ILayer layer) => _layers[layer.GetType()] = layer;
}

/// <summary>
/// Registers the layers of a model, in the order they tick (MARS's <c>ModelDescription</c>).
/// </summary>
public sealed class ModelDescription
{
    private readonly List<ILayer> _layers = [];

    /// <summary>Adds a layer; layers are initialised and ticked in the order added.</summary>
    public ModelDescription AddLayer(ILayer layer)
    {
        if (_layers.Any(l => l.GetType() == layer.GetType()))
            throw new InvalidOperationException($"layer {layer.GetType().Name} is registered twice");
        _layers.Add(layer);
        return this;
    }

    public IReadOnlyList<ILayer> Layers => _layers;
}

/// <summary>
/// Runs a model: initialises every layer, then for each tick calls PreTick on all
/// stepped layers, Tick on all, PostTick on all, in registration order.
/// </summary>
public sealed class SimulationRunner
{
    private readonly ModelDescription _model;
    private readonly ISteppedLayer[] _stepped;

    public SimulationRunner(ModelDescription model, SimulationContext context)
    {
        _model = model;
        Context = context;
        foreach (var layer in model.Layers) context.Register(layer);
        foreach (var layer in model.Layers) layer.InitLayer(context);
        _stepped = model.Layers.OfType<ISteppedLayer>().ToArray();
    }

    public SimulationContext Context { get; }

    /// <summary>Advances the simulation by one tick.</summary>
    public void Step()
    {
        Context.CurrentTick++;
        foreach (var l in _stepped) l.PreTick();
        foreach (var l in _stepped) l.Tick();
        foreach (var l in _stepped) l.PostTick();
    }

    /// <summary>Runs <paramref name="ticks"/> ticks, or until cancelled.</summary>
    public int Run(int ticks)
    {
        int done = 0;
        while (done < ticks && !Context.Cancellation.IsCancellationRequested)
        {
            Step();
            done++;
        }
        return done;
    }

    /// <summary>The registered layers.</summary>
    public IReadOnlyList<ILayer> Layers => _model.Layers;
}
