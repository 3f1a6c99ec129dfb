using System.Diagnostics;
using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Opinion;
using ContentionSim.Core.Organizations;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;
using ContentionSim.Core.State;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Simulation;

/// <summary>
/// The ContentionSim model: its submodels (layers, in MARS's word) and the schedule of a tick,
/// <see cref="Step()"/> (Mesa's <c>step()</c>). Each submodel takes what it reads as arguments and
/// gives what it did as its result; none holds another. docs/ODD.md, Section 3.
/// </summary>
public sealed class ContentionModel
{
    /// <summary>The phases of <see cref="Step()"/>, in order (for <see cref="PhaseTimes"/>).</summary>
    internal static readonly string[] Phases = ["events", "organizations", "allies", "state", "activists", "sectors", "opinion", "observation"];

    private readonly MovementSignals[] _signals;
    private OrganizationsActed _organizationsActed;

    /// <summary>Initialises the model: activists and their network, organizations and their members, allies, state, public, observer.</summary>
    public ContentionModel(Scenario scenario, RunOptions? options = null)
    {
        options ??= new RunOptions();
        Context = new SimulationContext(scenario, options.Threads, options.Cancellation);
        Events = new EventLayer(scenario);
        Activists = new ActivistLayer(Context);
        Organizations = new OrganizationLayer(Context, Activists.Population);
        Activists.AttachOrganizations(Organizations.Organizations.Count, Organizations.MemberCount);
        Allies = new TransnationalLayer(Organizations.Organizations.Count, Context.Random);
        State = new StateLayer(scenario, Context.Random);
        Opinion = new PublicOpinionLayer(scenario);
        Observation = new ObservationLayer(scenario, options.KeepSeries, options.OnTick);
        _signals = new MovementSignals[scenario.Movements.Count];
        BurnIn(scenario.BurnIn);
    }

    /// <summary>
    /// The burn-in (docs/ODD.md 5): <paramref name="ticks"/> ticks, and then as many more as it takes,
    /// up to <paramref name="ticks"/> again, for the wave to be quiet (no cycle open by the classifier's
    /// own criteria), run with the schedule of <see cref="Step()"/> but not recorded — no series, no
    /// cycle, no headline — and without scheduled events (those start at tick 1), so that the start-up
    /// transient of the initial state (everybody inactive, rested, at baseline grievance) has passed and
    /// no wave is under way when tick 1 is recorded. Its ticks are numbered <c>1 − 2·ticks</c> upwards
    /// and end at 0 (those of an unused extension are skipped). The classifiers watch it to learn the
    /// routine (baseline of participation, quiet level of interaction) and forget its cycles.
    /// What the organizations counted during it is cleared; alliances formed in it stand on.
    /// </summary>
    private void BurnIn(int ticks)
    {
        if (ticks <= 0) return;
        Context.CurrentTick = -2 * ticks;
        for (int k = 0; k < ticks && !Context.Cancellation.IsCancellationRequested; k++) Step(warmUp: true);
        while (Observation.Wave.Current != Stage.Latent && Context.CurrentTick < 0 && !Context.Cancellation.IsCancellationRequested)
            Step(warmUp: true);
        BurnInTicks = Context.CurrentTick + 2 * ticks;
        Context.CurrentTick = 0;
        Observation.EndWarmUp();
        Organizations.ClearRecords();
    }

    /// <summary>Ticks the burn-in ran: <see cref="Scenario.BurnIn"/> and its extension until the wave was quiet (at most twice the burn-in).</summary>
    public int BurnInTicks { get; private set; }

    /// <summary>Parameters in force, the current tick, the random streams, threads and cancellation.</summary>
    internal SimulationContext Context { get; }
    /// <summary>Scheduled events: what changes the parameters in force, and what was applied.</summary>
    public EventLayer Events { get; }
    /// <summary>The activists, their network and their decisions.</summary>
    public ActivistLayer Activists { get; }
    /// <summary>The organizations of all movements.</summary>
    public OrganizationLayer Organizations { get; }
    /// <summary>Allies abroad: alliances and outside pressure.</summary>
    public TransnationalLayer Allies { get; }
    /// <summary>The state: openness, repression, facilitation and relief.</summary>
    public StateLayer State { get; }
    /// <summary>Public sympathy for each movement.</summary>
    public PublicOpinionLayer Opinion { get; }
    /// <summary>The observer: per-tick observations and the stage classification.</summary>
    public ObservationLayer Observation { get; }

    /// <summary>When set, <see cref="Step()"/> adds the <see cref="Stopwatch"/> ticks each phase took (profiling).</summary>
    internal long[]? PhaseTimes { get; set; }

    /// <summary>
    /// One tick. The order is the model's: organizations, allies and the state move first, then every
    /// activist decides in their light, simultaneously; public opinion and the observer judge what
    /// happened. What a submodel reads from the tick before is named <c>last…</c>: those are the
    /// model's lags (docs/ODD.md 3.2).
    /// </summary>
    public void Step() => Step(warmUp: false);

    private void Step(bool warmUp)
    {
        long clock = PhaseTimes is null ? 0 : Stopwatch.GetTimestamp();
        int tick = ++Context.CurrentTick;
        // What the last tick left (views of the submodels' state, read before those submodels move).
        var lastTallies = Activists.Tallies;
        double lastOpenness = State.EffectiveOpenness;
        double lastFrameBoost = Allies.Now.Outside.FrameBoost;
        var lastSympathy = Opinion.Sympathy;
        var lastMomentum = Activists.Momentum;
        var lastDecline = Activists.Decline;

        // 1. Scheduled events change the parameters in force.
        var scenario = Context.Scenario = Events.Apply(tick, Context.Scenario);
        Lap(0, ref clock);
        // 2. Organizations serve, network, frame, call their members out and lobby; blocked ones ally abroad.
        var organizations = _organizationsActed = Organizations.Act(scenario, tick, lastTallies, lastOpenness, lastFrameBoost, Allies.StandingByOrganization);
        Lap(1, ref clock);
        // 3. Allies: new alliances stand, neglected ones lapse, outside pressure moves.
        var allies = Allies.Step(scenario.Transnational, tick, organizations.Formed, organizations.Advocated, lastTallies);
        Lap(2, ref clock);
        // 4. The state sets its openness, repression and facilitation, and grants relief.
        var policy = State.Decide(scenario, tick, allies.Pressure, lastTallies, lastSympathy, organizations.NationalContacts);
        Lap(3, ref clock);
        // 5. Every activist decides, on its ties' states of the last tick.
        for (int m = 0; m < _signals.Length; m++)
            _signals[m] = new MovementSignals(policy[m], allies.Outside, lastSympathy[m], lastMomentum[m], lastDecline[m]);
        var tallies = Activists.Step(scenario, tick, _signals, organizations.Calling, organizations.Relief);
        Lap(4, ref clock);
        // 6. Kinds of organization whose members took part.
        var sectors = Organizations.CountEngaged(Activists.ActiveMembers);
        Lap(5, ref clock);
        // 7. Public sympathy answers this tick's information, repression and violence.
        var sympathy = Opinion.Update(scenario, tallies, organizations.PublicInformation, allies.Pressure);
        Lap(6, ref clock);
        // 8. The observer measures the tick and classifies the stage.
        Observation.Observe(scenario, tick, tallies, State, organizations.NationalContacts, sectors, sympathy, allies, warmUp);
        Lap(7, ref clock);
    }

    /// <summary>Runs <paramref name="ticks"/> ticks, or until cancelled; returns the ticks run.</summary>
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

    /// <summary>
    /// Runs the activists' step once more with the inputs of the last tick (benchmarks and allocation
    /// tests measure the update alone). It advances the activists, not the model.
    /// </summary>
    internal void RepeatActivistStep() =>
        Activists.Step(Context.Scenario, Context.CurrentTick, _signals, _organizationsActed.Calling, _organizationsActed.Relief);

    private void Lap(int phase, ref long clock)
    {
        if (PhaseTimes is not { } times) return;
        long now = Stopwatch.GetTimestamp();
        times[phase] += now - clock;
        clock = now;
    }
}
