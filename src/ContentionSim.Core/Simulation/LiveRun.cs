using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Simulation;

/// <summary>
/// A run advanced tick by tick by its caller (the classroom page: play, pause, step), into which
/// parameter changes can be scheduled while it runs. Every change is a <see cref="ScheduledEvent"/>
/// at a tick still to come, applied exactly as a scenario's own events are, so
/// <see cref="Replay"/> — the scenario with the changes added to its <c>events</c> — run by
/// <see cref="Simulator.Run"/> gives the same numbers tick for tick.
/// </summary>
public sealed class LiveRun
{
    private readonly ContentionModel _model;
    private readonly List<ScheduledEvent> _added = [];
    private RunResult? _result;

    /// <summary>Initialises the run (builds the population, network and organizations); no tick is run yet.</summary>
    public LiveRun(Scenario scenario, RunOptions? options = null)
    {
        Scenario = scenario;
        _model = new ContentionModel(scenario, options);
    }

    /// <summary>The scenario the run started from.</summary>
    public Scenario Scenario { get; }

    /// <summary>Ticks run so far.</summary>
    public int Tick => _model.Context.CurrentTick;

    /// <summary>The run's length, <c>ticks</c> of the scenario.</summary>
    public int Ticks => Scenario.Ticks;

    /// <summary>True once every tick has run or <see cref="Finish"/> was called.</summary>
    public bool Finished => _result is not null || Tick >= Ticks;

    /// <summary>The parameters in force now (the scenario with every event applied so far).</summary>
    public Scenario Current => _model.Context.Scenario;

    /// <summary>The changes scheduled with <see cref="Schedule"/>, in the order given.</summary>
    public IReadOnlyList<ScheduledEvent> Added => _added;

    /// <summary>The scenario with the scheduled changes appended to its events: running it gives this run.</summary>
    public Scenario Replay => Scenario with { Events = [.. Scenario.Events, .. _added] };

    /// <summary>Per-tick observations so far: the wave, then each movement when there are several, tick by tick.</summary>
    public IReadOnlyList<TickObservation> Series => _model.Observation.Series;

    /// <summary>The wave's stage entries so far.</summary>
    public IReadOnlyList<StageEntry> WaveEntries => _model.Observation.Wave.Entries;

    /// <summary>The wave's cycles so far (the one under way included, with its outcome still open).</summary>
    public IReadOnlyList<CycleRecord> WaveCycles => _model.Observation.Wave.Cycles;

    /// <summary>The wave's current stage.</summary>
    public Stage Stage => _model.Observation.Wave.Current;

    /// <summary>Scheduled events applied so far.</summary>
    public IReadOnlyList<AppliedEvent> Applied => _model.Events.Applied;

    /// <summary>The activists (status of each, read between ticks).</summary>
    public ActivistPopulation Population => _model.Activists.Population;

    /// <summary>The social network linking the activists.</summary>
    public SocialNetwork Network => _model.Activists.Network;

    /// <summary>Runs one tick; false when the run has already ended.</summary>
    public bool Step()
    {
        if (Finished) return false;
        _model.Step();
        return true;
    }

    /// <summary>
    /// Schedules a change at a tick still to come (<c>At</c> above <see cref="Tick"/>; a ramp's
    /// <c>Until</c> after it). Throws <see cref="ArgumentException"/> for a past tick or a parameter
    /// path that does not exist or does not take a number.
    /// </summary>
    public void Schedule(ScheduledEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Finished) throw new InvalidOperationException("the run has ended; no change can be scheduled");
        if (change.At <= Tick)
            throw new ArgumentException($"a change must come after tick {Tick} (the last tick run); it was given tick {change.At}", nameof(change));
        if (change.Until is int until && until <= change.At)
            throw new ArgumentException($"a ramp must end after it starts (at {change.At}, until {until})", nameof(change));
        Type type;
        try { type = ParameterPath.TypeAt(Current, change.Set); }
        catch (ParameterPathException ex) { throw new ArgumentException($"'{change.Set}': {ex.Reason}", nameof(change), ex); }
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t != typeof(double) && t != typeof(int) && t != typeof(bool))
            throw new ArgumentException($"'{change.Set}' is not a number, so an event cannot set it", nameof(change));
        _model.Events.Schedule(change);
        _added.Add(change);
    }

    /// <summary>Ends the run where it stands and returns what it produced (as <see cref="Simulator.Run"/> would for this many ticks).</summary>
    public RunResult Finish() => _result ??= Simulator.Collect(Replay with { Ticks = Math.Max(1, Tick) }, _model, Tick);
}
