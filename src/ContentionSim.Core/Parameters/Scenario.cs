namespace ContentionSim.Core.Parameters;

/// <summary>
/// Everything a run needs: the root of a scenario. Immutable; a scheduled event or a
/// <c>--set</c> override produces a new instance through <see cref="ParameterPath"/>.
/// </summary>
public sealed record Scenario
{
    /// <summary>Short name of the scenario, used in output folders and plot titles.</summary>
    [Param("Short name of the scenario, used in output folders and plot titles.",
        Source = "not a model quantity (a label)")]
    public string Name { get; init; } = "scenario";

    /// <summary>What the scenario represents, in a sentence or two.</summary>
    [Param("What the scenario represents, in a sentence or two.",
        Source = "not a model quantity (a label)")]
    public string Description { get; init; } = "";

    /// <summary>Master seed: every random stream of the run is derived from it.</summary>
    [Param("Master seed: every random stream of the run is derived from it.", Min = 0,
        Source = "not a model quantity (reproducibility: any seed is as good)")]
    public ulong Seed { get; init; } = 1;

    /// <summary>Number of ticks to simulate.</summary>
    [Param("Number of ticks to simulate.", Min = 1, Max = 1_000_000, Unit = "ticks",
        Source = "assumed: ten years of weeks, room for several cycles (pattern 8)")]
    public int Ticks { get; init; } = 520;

    /// <summary>Ticks simulated before tick 1 and not recorded (a burn-in). A run starts with every activist inactive, rested and at baseline grievance, which sets off a synchronized surge in the first weeks (before issue 15 the first cycle began at ticks 10–21 in 90–100% of runs); the burn-in lets that start-up transient pass, so that what is recorded — and every experiment — starts from the model's own dynamics. Scheduled events, the stage classifier and every output start at tick 1; 0 records from the initial state.</summary>
    [Param("Ticks simulated before tick 1 and not recorded (a burn-in). A run starts with every activist inactive, rested and at baseline grievance, which sets off a synchronized surge in the first weeks (before issue 15 the first cycle began at ticks 10–21 in 90–100% of runs); the burn-in lets that start-up transient pass, so that what is recorded — and every experiment — starts from the model's own dynamics. Scheduled events, the stage classifier and every output start at tick 1; 0 records from the initial state.", Min = 0, Max = 100_000, Unit = "ticks",
        Source = BurnInSource)]
    public int BurnIn { get; init; } = DefaultBurnIn;

    /// <summary>What one tick stands for (label only; rates are per tick).</summary>
    [Param("What one tick stands for (label only; rates are per tick).",
        Source = "not a model quantity (a label); weekly is the grain at which protest event data are usually counted, and MODEL.md speaks of \"week 61\"")]
    public string TimeUnit { get; init; } = "week";

    /// <summary>How much activity in other movements pulls an activist in, relative to their own movement's activity (Tarrow's diffusion between sectors).</summary>
    [Param("How much activity in other movements pulls an activist in, relative to their own movement's activity (Tarrow's diffusion between sectors).", Min = 0, Max = 1, Unit = "weight",
        Source = "Tarrow (1998) for the effect (cycles spread from more to less mobilized sectors); value assumed (weaker than one's own movement's pull)")]
    public double Spillover { get; init; } = 0.3;

    /// <summary>The social network linking activists, within and across movements.</summary>
    [Param("The social network linking activists, within and across movements.")]
    public NetworkParameters Network { get; init; } = new();

    /// <summary>The movements of the wave; one by default.</summary>
    [Param("The movements of the wave; one by default.")]
    public IReadOnlyList<MovementParameters> Movements { get; init; } = [new MovementParameters()];

    /// <summary>The state and its political opportunity structure.</summary>
    [Param("The state and its political opportunity structure.")]
    public StateParameters State { get; init; } = new();

    /// <summary>Transnational allies abroad and the boomerang pattern.</summary>
    [Param("Transnational allies abroad and the boomerang pattern.")]
    public TransnationalParameters Transnational { get; init; } = new();

    /// <summary>Public sympathy for the movements.</summary>
    [Param("Public sympathy for the movements.")]
    public PublicOpinionParameters Public { get; init; } = new();

    /// <summary>Criteria of the stage classifier.</summary>
    [Param("Criteria of the stage classifier.")]
    public ClassifierParameters Classifier { get; init; } = new();

    /// <summary>Parameter changes at a tick (shock) or over a span of ticks (ramp).</summary>
    [Param("Parameter changes at a tick (shock) or over a span of ticks (ramp).")]
    public IReadOnlyList<ScheduledEvent> Events { get; init; } = [];

    /// <summary>The default burn-in (see <see cref="BurnIn"/>).</summary>
    public const int DefaultBurnIn = 156;

    private const string BurnInSource =
        "assumed (derived from the defaults of energy_cost, exhaustion_level, recovered_level and energy_recovery; issue 15 item 6): the start-up surge opens at ticks 10-21 and a moderate activist is exhausted after 40 active ticks (energy 1 to exhaustion_level 0.2 at energy_cost 0.02); " +
        "those it exhausted take part again after (recovered_level - exhaustion_level) / energy_recovery = 0.6 / 0.005 = 120 ticks; about 36 + 120 = 156 ticks (three years of weeks) is one start-up surge and one refractory period. " +
        "Checked afterwards (classroom, 20 seeds): the first cycle opened in the first 25 recorded ticks in 20 of 20 runs without burn-in, 8 with 104, 5 with 156 (an even spread of its 4.6 openings a run gives 20%), 4 with 208; open-pos 12 of 12 without, 1 of 12 with 156";

    /// <summary>Total number of activists over all movements.</summary>
    public long TotalActivists => Movements.Sum(m => (long)m.Activists.EffectiveCount);
}
