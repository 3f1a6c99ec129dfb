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

/// <summary>How the social network is generated.</summary>
public enum NetworkKind
{
    /// <summary>Watts–Strogatz: a ring lattice with each tie rewired at random with probability <c>rewiring</c>.</summary>
    SmallWorld,
    /// <summary>Erdős–Rényi-like random graph with the given mean degree.</summary>
    Random,
    /// <summary>Everybody tied to everybody (only for small populations).</summary>
    Complete,
    /// <summary>No ties: activists respond to grievance, risk and organizations only.</summary>
    None,
}

/// <summary>The social network linking activists (<see cref="Scenario.Network"/>).</summary>
public sealed record NetworkParameters
{
    /// <summary>Network model: small_world, random, complete or none.</summary>
    [Param("Network model: small_world, random, complete or none.",
        Source = "Watts & Strogatz (1998); MODEL.md's default: social networks are clustered with short paths, and clustering lets reinforcement from several ties act (Centola & Macy 2007)")]
    public NetworkKind Kind { get; init; } = NetworkKind.SmallWorld;

    /// <summary>Mean number of ties per activist (even for small_world).</summary>
    [Param("Mean number of ties per activist (even for small_world).", Min = 0, Max = 1000, Unit = "ties",
        Source = "assumed: a small circle of close ties, enough for share thresholds to be meaningful")]
    public int Degree { get; init; } = 8;

    /// <summary>Probability that a lattice tie is rewired to a random activist (small_world).</summary>
    [Param("Probability that a lattice tie is rewired to a random activist (small_world).", Min = 0, Max = 1, Unit = "probability",
        Source = "Watts & Strogatz (1998): inside the small-world regime (high clustering, short paths); value assumed within it")]
    public double Rewiring { get; init; } = 0.1;

    /// <summary>Share of rewired or random ties that go to an activist of another movement.</summary>
    [Param("Share of rewired or random ties that go to an activist of another movement.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: few ties cross movements, enough for spillover (the share applies to rewired ties only, so about 1% of all small-world ties cross)")]
    public double CrossMovement { get; init; } = 0.1;
}

/// <summary>How activist thresholds are read.</summary>
public enum ThresholdUnit
{
    /// <summary>Thresholds are shares of one's ties (0–1), weighed against grievance and risk.</summary>
    Share,
    /// <summary>Thresholds are numbers of active ties (Granovetter's riot model).</summary>
    People,
}

/// <summary>One movement of the wave: its activists and organizations (<see cref="Scenario.Movements"/>).</summary>
public sealed record MovementParameters
{
    /// <summary>Identifier used in outputs and event keys (letters, digits, '_' or '-').</summary>
    [Param("Identifier used in outputs and event keys (letters, digits, '_' or '-').",
        Source = "not a model quantity (a label)")]
    public string Id { get; init; } = "movement";

    /// <summary>Display name of the movement.</summary>
    [Param("Display name of the movement.",
        Source = "not a model quantity (a label)")]
    public string Name { get; init; } = "Movement";

    /// <summary>Shift added to every activist's baseline grievance; schedule an event on it to model a shock (a law revision) or relief.</summary>
    [Param("Shift added to every activist's baseline grievance; schedule an event on it to model a shock (a law revision) or relief.", Min = -1, Max = 1, Unit = "grievance",
        Source = "not a model quantity at its default: 0 is no shock; the handle for shocks (a law revision) and relief through events")]
    public double GrievanceShift { get; init; }

    /// <summary>The movement's activists.</summary>
    [Param("The movement's activists.")]
    public ActivistParameters Activists { get; init; } = new();

    /// <summary>The movement's organizations, in groups of the same kind, each group's size given per 1,000 of the movement's activists (default: one group of concerned citizens' groups, 5 per 1,000 activists, i.e. ten for the default 2,000; give [] for none).</summary>
    [Param("The movement's organizations, in groups of the same kind, each group's size given per 1,000 of the movement's activists (default: one group of concerned citizens' groups, 5 per 1,000 activists, i.e. ten for the default 2,000; give [] for none).")]
    public IReadOnlyList<OrganizationGroupParameters> Organizations { get; init; } = [new OrganizationGroupParameters()];
}

/// <summary>The activists of one movement: how many, and the distributions their attributes are drawn from (<see cref="MovementParameters.Activists"/>).</summary>
public sealed record ActivistParameters
{
    /// <summary>Number of activists (ignored when 'thresholds' lists them one by one).</summary>
    [Param("Number of activists (ignored when 'thresholds' lists them one by one).", Min = 1, Max = 50_000_000, Unit = "people",
        Source = "assumed: classroom size, a run takes well under a second yet shares are smooth")]
    public int Count { get; init; } = 2000;

    /// <summary>Hardship each activist feels (0 none, 1 extreme).</summary>
    [Param("Hardship each activist feels (0 none, 1 extreme).", Min = 0, Max = 1,
        Source = "assumed: a middling, unimodal spread; loosely echoes the 2007 survey's 53% judging migrants' conditions bad or very bad (Vogt & Lersch 2007), not fitted to it")]
    public Distribution Grievance { get; init; } = Distribution.Beta(0.45, 0.15);

    /// <summary>How strongly an activist weighs the risk of repression (0 fearless, 1 very cautious).</summary>
    [Param("How strongly an activist weighs the risk of repression (0 fearless, 1 very cautious).", Min = 0, Max = 1,
        Source = "Epstein (2002): risk aversion uniform on [0, 1]")]
    public Distribution RiskAversion { get; init; } = Distribution.Uniform(0, 1);

    /// <summary>Participation threshold, in the unit of 'threshold_unit'.</summary>
    [Param("Participation threshold, in the unit of 'threshold_unit'.", Min = 0,
        Source = "Granovetter (1978) for normal threshold distributions; mean and spread assumed (a framed activist of average grievance starts below the tipping point, so ties, organizations and momentum decide)")]
    public Distribution Threshold { get; init; } = Distribution.Normal(0.55, 0.12);

    /// <summary>Explicit thresholds, one per activist; sets the count. Used for Granovetter's model.</summary>
    [Param("Explicit thresholds, one per activist; sets the count. Used for Granovetter's model.", Min = 0,
        Source = "not a model quantity at its default (empty); Granovetter (1978)'s riot example lists them one by one (pattern 9)")]
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>Share: thresholds are shares of ties weighed against grievance and risk; people: numbers of active ties.</summary>
    [Param("share: thresholds are shares of ties weighed against grievance and risk; people: numbers of active ties.",
        Source = "Granovetter (1978): 'people' reproduces his threshold model exactly; 'share' is the default of the utility form")]
    public ThresholdUnit ThresholdUnit { get; init; } = ThresholdUnit.Share;

    /// <summary>Initial radicalism (0 moderate, 1 radical).</summary>
    [Param("Initial radicalism (0 moderate, 1 radical).", Min = 0, Max = 1,
        Source = "assumed: most start moderate, few near the violence threshold, so violence must be built by the cycle (comes late)")]
    public Distribution Radicalism { get; init; } = Distribution.Beta(0.25, 0.12);

    /// <summary>Share of activists who hold the movement's frame at the start.</summary>
    [Param("Share of activists who hold the movement's frame at the start.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: a small core of early risers who have named the injustice (Tarrow's stage 1 \"critical number\")")]
    public double InitialFrameAdoption { get; init; } = 0.02;

    /// <summary>Share of activists who are members of one of the movement's organizations.</summary>
    [Param("Share of activists who are members of one of the movement's organizations.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: organizations reach a minority directly; the survey gives no membership share")]
    public double Membership { get; init; } = 0.3;

    /// <summary>Weight of grievance interpreted through the frame in the decision to take part.</summary>
    [Param("Weight of grievance interpreted through the frame in the decision to take part.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed (hand-tuned in c8ce119 from 1.0 to keep several cycles in a classroom run after opportunity_weight and the new absorption form scaled grievance down; to be calibrated)")]
    public double GrievanceWeight { get; init; } = 2.25;

    /// <summary>Share of grievance that counts before an activist holds the frame (injustice not yet named).</summary>
    [Param("Share of grievance that counts before an activist holds the frame (injustice not yet named).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: injustice not yet named mobilizes weakly; holding the frame multiplies it by 4")]
    public double UnframedGrievance { get; init; } = 0.25;

    /// <summary>Weight of the pull of active ties in the decision to take part.</summary>
    [Param("Weight of the pull of active ties in the decision to take part.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed: strong enough that, for framed activists near threshold, a majority of active ties tips them")]
    public double SocialWeight { get; init; } = 0.6;

    /// <summary>Weight of perceived risk of repression in the decision to take part.</summary>
    [Param("Weight of perceived risk of repression in the decision to take part.", Min = 0, Max = 10, Unit = "weight",
        Source = "Epstein (2002) for the form (grievance against net risk); value assumed: the same scale as grievance")]
    public double RiskWeight { get; init; } = 1.0;

    /// <summary>Energy an active tick costs.</summary>
    [Param("Energy an active tick costs.", Min = 0, Max = 1, Unit = "energy/tick",
        Source = "assumed: from full energy to exhaustion_level in 40 active weeks for a moderate (about 46 at the mean initial radicalism), months of activity before exhaustion (Tarrow's stage 4)")]
    public double EnergyCost { get; init; } = 0.02;

    /// <summary>How much perceived repression raises the energy an active tick costs: the cost is energy_cost × (1 + repression_cost × perceived repression). Activism under repression is high-risk and wears people out faster (Tilly 1978; McAdam 1986).</summary>
    [Param("How much perceived repression raises the energy an active tick costs: the cost is energy_cost × (1 + repression_cost × perceived repression). Activism under repression is high-risk and wears people out faster (Tilly 1978; McAdam 1986).", Min = 0, Max = 10, Unit = "weight",
        Source = "Tilly (1978), McAdam (1986) for the effect; value assumed (hand-tuned in fab5595 to 2 and back to 1 in 893c5fb while facts 3 and 4 were made to hold; to be calibrated)")]
    public double RepressionCost { get; init; } = 1.0;

    /// <summary>Energy a tick of rest restores.</summary>
    [Param("Energy a tick of rest restores.", Min = 0, Max = 1, Unit = "energy/tick",
        Source = "assumed: recovery from 0.2 to 0.8 takes 120 weeks, the refractory period that spaces cycles (pattern 8)")]
    public double EnergyRecovery { get; init; } = 0.005;

    /// <summary>Energy below which an active activist drops out exhausted.</summary>
    [Param("Energy below which an active activist drops out exhausted.", Min = 0, Max = 1, Unit = "energy",
        Source = "assumed: with recovered_level, a hysteresis band")]
    public double ExhaustionLevel { get; init; } = 0.2;

    /// <summary>Energy an exhausted activist must regain before taking part again.</summary>
    [Param("Energy an exhausted activist must regain before taking part again.", Min = 0, Max = 1, Unit = "energy",
        Source = "assumed: with exhaustion_level, a hysteresis band")]
    public double RecoveredLevel { get; init; } = 0.8;

    /// <summary>How much radicalism slows exhaustion (committed radicals stay longer).</summary>
    [Param("How much radicalism slows exhaustion (committed radicals stay longer).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed (hand-tuned in b8053e2 from 0.8 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): committed radicals stay longest, so the active core radicalizes as moderates tire (polarization, stage 4)")]
    public double RadicalCommitment { get; init; } = 0.5;

    /// <summary>How fast active activists radicalize when they meet repression or get no concessions.</summary>
    [Param("How fast active activists radicalize when they meet repression or get no concessions.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: slow, radicalization takes a year or more of contention, so violence comes late")]
    public double RadicalizationRate { get; init; } = 0.02;

    /// <summary>Radicalism above which an active activist may turn to confrontational or violent action.</summary>
    [Param("Radicalism above which an active activist may turn to confrontational or violent action.", Min = 0, Max = 1,
        Source = "assumed (hand-tuned in b8053e2 from 0.7 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): only the radical tail, above the 0.5 line that counts radicals")]
    public double ViolenceThreshold { get; init; } = 0.6;

    /// <summary>Chance per tick that an active activist above the violence threshold commits a violent act.</summary>
    [Param("Chance per tick that an active activist above the violence threshold commits a violent act.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: violent acts are rare")]
    public double ViolenceProbability { get; init; } = 0.05;

    /// <summary>How much a shrinking movement drives its radicals to confrontation: the violence chance is multiplied by 1 + escalation × (how fast participation falls, 0–1). Radicals escalate to keep attention as numbers fall (della Porta &amp; Tarrow 1986; Koopmans 1993).</summary>
    [Param("How much a shrinking movement drives its radicals to confrontation: the violence chance is multiplied by 1 + escalation × (how fast participation falls, 0–1). Radicals escalate to keep attention as numbers fall (della Porta & Tarrow 1986; Koopmans 1993).", Min = 0, Max = 100, Unit = "weight",
        Source = "della Porta & Tarrow (1986), Koopmans (1993) for the effect (violence concentrates in the decline, pattern 2); value assumed (hand-tuned in b8053e2 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): at most ×4, 0.05 → 0.2 a tick")]
    public double Escalation { get; init; } = 3.0;

    /// <summary>How far radicals' violence is competition in a shrinking movement (the radical flank): with d the share of the movement's recent peak of participation that has been lost (0 while it grows), a radical's chance of a violent act is multiplied by 1 − radical_flank + radical_flank × d, and the push towards radicalism of those still active grows by radical_flank × d. Moderates tire or are co-opted; the committed remnant competes for a shrinking pool of supporters by escalation, while in the rise radicals' action is carried by mass action (della Porta &amp; Tarrow 1986; della Porta 1995; Tarrow 1989). 0 switches the mechanism off (violence at any point of the cycle).</summary>
    [Param("How far radicals' violence is competition in a shrinking movement (the radical flank): with d the share of the movement's recent peak of participation that has been lost (0 while it grows), a radical's chance of a violent act is multiplied by 1 − radical_flank + radical_flank × d, and the push towards radicalism of those still active grows by radical_flank × d. Moderates tire or are co-opted; the committed remnant competes for a shrinking pool of supporters by escalation, while in the rise radicals' action is carried by mass action (della Porta & Tarrow 1986; della Porta 1995; Tarrow 1989). 0 switches the mechanism off (violence at any point of the cycle).", Min = 0, Max = 1, Unit = "share",
        Source = "della Porta & Tarrow (1986), della Porta (1995), Tarrow (1989) for the mechanism (competitive escalation of the remnant as mass participation declines); value assumed: 1, the mechanism fully on (radicals' violence is competition, not a constant hazard)")]
    public double RadicalFlank { get; init; } = 1.0;

    /// <summary>Chance per tick that a motivated activist who is not yet taking part, and is neither called by its organization nor asked by an active tie, is reached by the movement's outreach (public meetings, leaflets, media): the targeting step of Klandermans &amp; Oegema's (1987) funnel. Only those reached join; those already taking part stay while motivated. 1 switches the funnel off (everyone motivated is reached).</summary>
    [Param("Chance per tick that a motivated activist who is not yet taking part, and is neither called by its organization nor asked by an active tie, is reached by the movement's outreach (public meetings, leaflets, media): the targeting step of Klandermans & Oegema's (1987) funnel. Only those reached join; those already taking part stay while motivated. 1 switches the funnel off (everyone motivated is reached).", Min = 0, Max = 1, Unit = "probability",
        Source = "Klandermans & Oegema (1987) for the mechanism (sympathizers must be targeted by a mobilization attempt before they can be motivated to take part); value calibrated with `contentionsim calibrate scenarios/calibrations/funnel-magnitudes.yaml --quick` to open-pos (as shipped) peaking at 3–15% of its potential; its second target, two cycles a run, was not met (posterior mean 0.118, 95% interval [0.012, 0.188]; docs/validation.md, calibrated parameters)")]
    public double Outreach { get; init; } = 0.12;

    /// <summary>Chance per tick that one active tie's request reaches a motivated activist who is not yet taking part (recruitment through personal networks; active ties of other movements count by 'spillover'). The reach of a tick is min(1, outreach + tie_recruitment × active ties). Ignored when outreach is 1.</summary>
    [Param("Chance per tick that one active tie's request reaches a motivated activist who is not yet taking part (recruitment through personal networks; active ties of other movements count by 'spillover'). The reach of a tick is min(1, outreach + tie_recruitment × active ties). Ignored when outreach is 1.", Min = 0, Max = 1, Unit = "probability",
        Source = "Klandermans & Oegema (1987), Snow, Zurcher & Ekland-Olson (1980) for the mechanism (most participants are recruited through people they know); value calibrated with `contentionsim calibrate scenarios/calibrations/funnel-magnitudes.yaml --quick` to open-pos (as shipped) peaking at 3–15% of its potential; its second target, two cycles a run, was not met (posterior mean 0.127, 95% interval [0.011, 0.272]; docs/validation.md, calibrated parameters)")]
    public double TieRecruitment { get; init; } = 0.13;

    /// <summary>Chance that a motivated activist can take part in a given tick: the barriers step of Klandermans &amp; Oegema's (1987) funnel (work, family, distance, illness keep people home even when they want to go). A motivated activist who cannot this tick stays inactive (and must be reached again to join). 1 switches barriers off.</summary>
    [Param("Chance that a motivated activist can take part in a given tick: the barriers step of Klandermans & Oegema's (1987) funnel (work, family, distance, illness keep people home even when they want to go). A motivated activist who cannot this tick stays inactive (and must be reached again to join). 1 switches barriers off.", Min = 0, Max = 1, Unit = "probability",
        Source = "Klandermans & Oegema (1987) for the mechanism (of those motivated to take part, barriers keep many away); McAdam (1986) on biographical availability; value calibrated with `contentionsim calibrate scenarios/calibrations/funnel-magnitudes.yaml --quick` to open-pos (as shipped) peaking at 3–15% of its potential; its second target, two cycles a run, was not met (posterior mean 0.803, 95% interval [0.648, 0.963]; docs/validation.md, calibrated parameters)")]
    public double Availability { get; init; } = 0.8;

    /// <summary>Chance per tick of adopting the frame when all ties hold it and are active.</summary>
    [Param("Chance per tick of adopting the frame when all ties hold it and are active.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: frames spread over weeks, not days")]
    public double FrameContagion { get; init; } = 0.15;

    /// <summary>Chance per tick that an activist not taking part, with no framed active tie, lets the frame fade.</summary>
    [Param("Chance per tick that an activist not taking part, with no framed active tie, lets the frame fade.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: frames outlive the episode by about a year")]
    public double FrameDecay { get; init; } = 0.02;

    /// <summary>Rate at which radicalism returns to the activist's initial level while not taking part.</summary>
    [Param("Rate at which radicalism returns to the activist's initial level while not taking part.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed (hand-tuned in b8053e2 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): half-life about 69 ticks, the time scale of grievance rebuilding; keeps radicalism from ratcheting up over cycles")]
    public double Deradicalization { get; init; } = 0.01;

    /// <summary>Weight of frustration (no facilitation from the state) in radicalization, next to repression.</summary>
    [Param("Weight of frustration (no facilitation from the state) in radicalization, next to repression.", Min = 0, Max = 1, Unit = "weight",
        Source = "Koopmans (1993) for the effect (lack of success radicalizes, next to repression); value assumed")]
    public double Frustration { get; init; } = 0.5;

    /// <summary>Chance that an activist who drops out exhausted is disillusioned and drops the frame.</summary>
    [Param("Chance that an activist who drops out exhausted is disillusioned and drops the frame.", Min = 0, Max = 1, Unit = "probability",
        Source = "Tarrow (1998) for the effect (exhaustion is weariness and disillusionment); value assumed")]
    public double Disillusionment { get; init; } = 0.7;

    /// <summary>Rate at which grievance returns to its baseline after relief or backfire.</summary>
    [Param("Rate at which grievance returns to its baseline after relief or backfire.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: half-life about 69 weeks, relief lasts a year or so before grievances build up again (pattern 8)")]
    public double GrievanceRebuild { get; init; } = 0.01;

    /// <summary>Weight of perceived efficacy: activists join a movement that is growing and leave one that is shrinking (bandwagon and disillusionment).</summary>
    [Param("Weight of perceived efficacy: activists join a movement that is growing and leave one that is shrinking (bandwagon and disillusionment).", Min = 0, Max = 10, Unit = "weight",
        Source = "Kim & Hanneman (2011) for the effect (bandwagon and disillusionment); value assumed (hand-tuned in b8053e2 from 0.15 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated)")]
    public double EfficacyWeight { get; init; } = 0.12;

    /// <summary>How far the openness of the state decides whether grievance becomes protest: grievance counts (1 − opportunity_weight × (1 − effective openness)) in the decision, so under a closed state protest looks futile (Eisinger 1973; McAdam's cognitive liberation). 0: openness does not matter.</summary>
    [Param("How far the openness of the state decides whether grievance becomes protest: grievance counts (1 − opportunity_weight × (1 − effective openness)) in the decision, so under a closed state protest looks futile (Eisinger 1973; McAdam's cognitive liberation). 0: openness does not matter.", Min = 0, Max = 1, Unit = "weight",
        Source = "Eisinger (1973), McAdam (1982) for the effect; value assumed (set in c8ce119, with absorption 0.7, so that participation is curvilinear in openness, fact 4; to be calibrated)")]
    public double OpportunityWeight { get; init; } = 0.7;

    /// <summary>Pull of a mobilization call from one's own organization.</summary>
    [Param("Pull of a mobilization call from one's own organization.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed: organizations bring members out but do not override grievance")]
    public double CallWeight { get; init; } = 0.2;

    /// <summary>Rise in grievance per tick when all of one's ties are held by the state (backfire of repression), scaled up by outside attention.</summary>
    [Param("Rise in grievance per tick when all of one's ties are held by the state (backfire of repression), scaled up by outside attention.", Min = 0, Max = 1, Unit = "per tick",
        Source = "MODEL.md; Keck & Sikkink (1998) for the effect (repression can backfire, more so under outside attention); value assumed")]
    public double RepressionBackfire { get; init; } = 0.05;

    /// <summary>Number of activists actually created.</summary>
    public int EffectiveCount => Thresholds.Count > 0 ? Thresholds.Count : Count;
}

/// <summary>The six kinds of migrant support organization in Shipper (2006).</summary>
public enum OrganizationKind
{
    /// <summary>A Christian NGO.</summary>
    ChristianNgo,
    /// <summary>A community union.</summary>
    CommunityUnion,
    /// <summary>A women's support group.</summary>
    WomensSupport,
    /// <summary>A medical NGO.</summary>
    MedicalNgo,
    /// <summary>A lawyers' NGO.</summary>
    LawyersNgo,
    /// <summary>A group of concerned citizens.</summary>
    ConcernedCitizens,
}

/// <summary>A group of organizations of one kind in a movement: how many, their size and behaviour (<see cref="MovementParameters.Organizations"/>).</summary>
public sealed record OrganizationGroupParameters
{
    /// <summary>Kind of organization (Shipper): christian_ngo, community_union, womens_support, medical_ngo, lawyers_ngo, concerned_citizens.</summary>
    [Param("Kind of organization (Shipper): christian_ngo, community_union, womens_support, medical_ngo, lawyers_ngo, concerned_citizens.",
        Source = "Shipper (2006): the six kinds of migrant support organization")]
    public OrganizationKind Kind { get; init; } = OrganizationKind.ConcernedCitizens;

    /// <summary>Organizations in this group per 1,000 of the movement's activists: the number of organizations grows with the movement, so members per organization (membership × 1,000 / this) and what the organizations do per activist stay the same at any population size. The number built is this × activists / 1,000, rounded over the movement's groups by largest remainder (ODD 5).</summary>
    [Param("Organizations in this group per 1,000 of the movement's activists: the number of organizations grows with the movement, so members per organization (membership × 1,000 / this) and what the organizations do per activist stay the same at any population size. The number built is this × activists / 1,000, rounded over the movement's groups by largest remainder (ODD 5).", Min = 0, Max = 1_000_000, Unit = "per 1,000 activists",
        Source = "assumed (unit conversion of the former 'count': the default movement's ten organizations for 2,000 activists are 5 per 1,000; each shipped scenario gives its former count × 1,000 / its activists; issue 15 item 1)")]
    public double PerThousandActivists { get; init; } = 5;

    /// <summary>Organizations this group would have among <paramref name="activists"/> activists before rounding.</summary>
    public double ExactCount(int activists) => PerThousandActivists * activists / 1000.0;

    /// <summary>Volunteers per organization.</summary>
    [Param("Volunteers per organization.", Min = 0, Unit = "people",
        Source = "assumed: small local organizations, below the survey's \"more than 50 volunteers\" that have frequent local contact (Vogt & Lersch 2007)")]
    public Distribution Volunteers { get; init; } = new() { Kind = DistributionKind.Uniform, Min = 5, Max = 40, Mean = 22.5 };

    /// <summary>Salaried staff per organization.</summary>
    [Param("Salaried staff per organization.", Min = 0, Unit = "people",
        Source = "assumed: few staff, below the \"more than four salaried staff\" the survey links to subsidies (Vogt & Lersch 2007)")]
    public Distribution SalariedStaff { get; init; } = new() { Kind = DistributionKind.Uniform, Min = 0, Max = 3, Mean = 1.5 };

    /// <summary>Share of the group's organizations that give counselling (service), drawn once per organization; one that does counsels its members every tick. The survey's \"84% name counselling as a means\".</summary>
    [Param("Share of the group's organizations that give counselling (service), drawn once per organization; one that does counsels its members every tick. The survey's \"84% name counselling as a means\".", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 84% (Vogt & Lersch 2007; docs/validation.md)")]
    public double Counselling { get; init; } = 0.6;

    /// <summary>Share of the group's organizations that hold language classes (service), drawn once per organization; one that does holds them every tick.</summary>
    [Param("Share of the group's organizations that hold language classes (service), drawn once per organization; one that does holds them every tick.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 63% (Vogt & Lersch 2007; docs/validation.md)")]
    public double LanguageClasses { get; init; } = 0.4;

    /// <summary>Share of the group's organizations that name networking with other domestic organizations as a means, drawn once per organization; one that does networks every tick.</summary>
    [Param("Share of the group's organizations that name networking with other domestic organizations as a means, drawn once per organization; one that does networks every tick.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 74% (Vogt & Lersch 2007; docs/validation.md)")]
    public double Networking { get; init; } = 0.5;

    /// <summary>Chance per tick of counselling that a case is taken up together with another domestic organization (case-to-case cooperation, Vogt &amp; Lersch 2007).</summary>
    [Param("Chance per tick of counselling that a case is taken up together with another domestic organization (case-to-case cooperation, Vogt & Lersch 2007).", Min = 0, Max = 1, Unit = "probability",
        Source = "Vogt & Lersch (2007) for the effect (cooperation case by case); value assumed, set with the survey's 89% cooperating often or regularly in mind, not fitted")]
    public double Referral { get; init; } = 0.3;

    /// <summary>Chance per tick of framing and spreading information (advocacy).</summary>
    [Param("Chance per tick of framing and spreading information (advocacy).", Min = 0, Max = 1, Unit = "probability",
        Source = "Pekkanen (2006) for the order (highly active in service, highly passive in advocacy); value assumed")]
    public double Framing { get; init; } = 0.3;

    /// <summary>Chance per tick of calling members out when the movement stirs (advocacy).</summary>
    [Param("Chance per tick of calling members out when the movement stirs (advocacy).", Min = 0, Max = 1, Unit = "probability",
        Source = "Pekkanen (2006) for the order (advocacy below service); value assumed")]
    public double Mobilization { get; init; } = 0.3;

    /// <summary>Share of the group's organizations that try to influence political decisions by lobbying (advocacy), drawn once per organization. The survey's \"63% try to influence political decisions\".</summary>
    [Param("Share of the group's organizations that try to influence political decisions by lobbying (advocacy), drawn once per organization. The survey's \"63% try to influence political decisions\".", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 63% (Vogt & Lersch 2007; docs/validation.md)")]
    public double Lobbying { get; init; } = 0.6;

    /// <summary>Chance per tick that an organization that lobbies approaches local authorities or national government.</summary>
    [Param("Chance per tick that an organization that lobbies approaches local authorities or national government.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: with lobbying 0.6 it gives 0.3 attempts per organization-tick, the per-tick chance before the survey's means were drawn per organization")]
    public double LobbyingRate { get; init; } = 0.5;

    /// <summary>Whether the organization's information is public (true) or for members only (false).</summary>
    [Param("Whether the organization's information is public (true) or for members only (false).",
        Source = "assumed: public by default; Japan-like scenarios set members-only (Ijuren's members' newsletter and mailing list, Vogt & Lersch 2007)")]
    public bool PublicInformation { get; init; } = true;

    /// <summary>Share of each member's grievance eased by a tick of counselling (language classes ease half as much).</summary>
    [Param("Share of each member's grievance eased by a tick of counselling (language classes ease half as much).", Min = 0, Max = 1, Unit = "share",
        Source = "Pekkanen (2006) for the effect (service eases hardship and damps contention among members); value assumed")]
    public double ServiceRelief { get; init; } = 0.02;

    /// <summary>Hours a volunteer gives the organization per tick (a week in the shipped scenarios). Volunteers' time goes to casework first, then to visits to local authorities. 0 is a negative control: volunteers give no time.</summary>
    [Param("Hours a volunteer gives the organization per tick (a week in the shipped scenarios). Volunteers' time goes to casework first, then to visits to local authorities. 0 is a negative control: volunteers give no time.", Min = 0, Max = 168, Unit = "hours/tick",
        Source = "assumed: a few hours a week; 0 is a switch for negative controls")]
    public double VolunteerHours { get; init; } = 4;

    /// <summary>Hours a salaried staff member gives the organization per tick: casework the volunteers could not cover.</summary>
    [Param("Hours a salaried staff member gives the organization per tick: casework the volunteers could not cover.", Min = 0, Max = 168, Unit = "hours/tick",
        Source = "assumed: a full-time week less administration")]
    public double StaffHours { get; init; } = 35;

    /// <summary>Cases (residence status, work, health insurance, schooling) each member brings to an organization that counsels, per tick.</summary>
    [Param("Cases (residence status, work, health insurance, schooling) each member brings to an organization that counsels, per tick.", Min = 0, Max = 1, Unit = "cases/member/tick",
        Source = "Vogt & Lersch (2007) for the effect (counselling is the most common means, done case by case); value assumed: a member brings a case about once in 20 weeks")]
    public double CaseRate { get; init; } = 0.05;

    /// <summary>Hours one case of counselling takes (a weekly language class takes as long).</summary>
    [Param("Hours one case of counselling takes (a weekly language class takes as long).", Min = 0.01, Max = 168, Unit = "hours/case",
        Source = "assumed: an interview and a follow-up")]
    public double CaseHours { get; init; } = 2;

    /// <summary>Share of the cases handled that take the worker to a local authority's office (contacts with local authorities).</summary>
    [Param("Share of the cases handled that take the worker to a local authority's office (contacts with local authorities).", Min = 0, Max = 1, Unit = "share",
        Source = "Vogt & Lersch (2007) for the effect (contacts with local authorities rise with volunteers: casework meets city offices); value assumed")]
    public double LocalOfficeShare { get; init; } = 0.3;

    /// <summary>Hours one outward action takes: a lobbying visit, a framing action, a call to members, a networking meeting.</summary>
    [Param("Hours one outward action takes: a lobbying visit, a framing action, a call to members, a networking meeting.", Min = 0.01, Max = 168, Unit = "hours/action",
        Source = "assumed: half a working day")]
    public double ActionHours { get; init; } = 4;

    /// <summary>Chance per tick that a suddenly imposed grievance hits the organization's members (a raid, a deportation, a dismissal among them): their grievance rises by trigger_grievance of the way to 1, the event names the injustice (each member adopts the frame with chance equal to its new grievance), and the organization calls its members out for trigger_call_ticks ticks whatever the movement does. Suddenly imposed grievances mobilize through existing organizations (Walsh 1981); local organizations, not a movement-wide wave, start protest (McCarthy &amp; Zald 1977; Morris 1984). 0 switches it off.</summary>
    [Param("Chance per tick that a suddenly imposed grievance hits the organization's members (a raid, a deportation, a dismissal among them): their grievance rises by trigger_grievance of the way to 1, the event names the injustice (each member adopts the frame with chance equal to its new grievance), and the organization calls its members out for trigger_call_ticks ticks whatever the movement does. Suddenly imposed grievances mobilize through existing organizations (Walsh 1981); local organizations, not a movement-wide wave, start protest (McCarthy & Zald 1977; Morris 1984). 0 switches it off.", Min = 0, Max = 1, Unit = "probability",
        Source = "Walsh (1981), McCarthy & Zald (1977), Morris (1984) for the mechanism; value 0 (off): no source gives a rate, and no shipped scenario sets one (docs/ODD.md Known limitations 14 records what 0.005-0.02 do to japan-2007)")]
    public double TriggerRate { get; init; }

    /// <summary>Share of the way to 1 by which a triggering event raises each member's grievance (see trigger_rate).</summary>
    [Param("Share of the way to 1 by which a triggering event raises each member's grievance (see trigger_rate).", Min = 0, Max = 1, Unit = "share",
        Source = "Walsh (1981) for the effect (a sudden grievance on top of standing ones); value assumed: half the way, a member of grievance 0.5 is raised to 0.75")]
    public double TriggerGrievance { get; init; } = 0.5;

    /// <summary>Ticks for which an organization hit by a triggering event calls its members out (see trigger_rate).</summary>
    [Param("Ticks for which an organization hit by a triggering event calls its members out (see trigger_rate).", Min = 0, Max = 1000, Unit = "ticks",
        Source = "assumed: a month of weekly ticks, a campaign around a case")]
    public int TriggerCallTicks { get; init; } = 4;

    /// <summary>People reached by a tick of framing, per volunteer or staff member.</summary>
    [Param("People reached by a tick of framing, per volunteer or staff member.", Min = 0, Max = 100, Unit = "people/worker",
        Source = "assumed: a mid-sized organization (capacity about 25) reaches about 5 people a tick")]
    public double FramingReach { get; init; } = 0.2;
}

/// <summary>The state and its political opportunity structure (<see cref="Scenario.State"/>).</summary>
public sealed record StateParameters
{
    /// <summary>Whether the state acts at all (off for Granovetter's pure threshold model).</summary>
    [Param("Whether the state acts at all (off for Granovetter's pure threshold model).",
        Source = "not a model quantity (a switch); off for Granovetter's model")]
    public bool Enabled { get; init; } = true;

    /// <summary>Openness of the political opportunity structure (0 closed, 1 open).</summary>
    [Param("Openness of the political opportunity structure (0 closed, 1 open).", Min = 0, Max = 1,
        Source = "assumed: the neutral middle; scenarios set their own, and Eisinger's (1973) curve is explored by sweeping it")]
    public double Openness { get; init; } = 0.5;

    /// <summary>Chance per tick that the state arrests an active activist of radicalism 0.5 at full repression (more for radicals, three times for the violent).</summary>
    [Param("Chance per tick that the state arrests an active activist of radicalism 0.5 at full repression (more for radicals, three times for the violent).", Min = 0, Max = 1, Unit = "share/tick",
        Source = "assumed: a few per cent of the active per week at most for a typical activist (not a cap: up to 1.5× for radicals, 4.5× for violent radicals)")]
    public double RepressionCapacity { get; init; } = 0.05;

    /// <summary>Inclination to repress rather than tolerate, before openness and costs.</summary>
    [Param("Inclination to repress rather than tolerate, before openness and costs.", Min = 0, Max = 1,
        Source = "assumed: slightly more repressive than responsive, states defend the status quo")]
    public double RepressionPropensity { get; init; } = 0.6;

    /// <summary>Inclination to talk, concede and co-opt when the POS lets it.</summary>
    [Param("Inclination to talk, concede and co-opt when the POS lets it.", Min = 0, Max = 1,
        Source = "assumed: the middle")]
    public double Responsiveness { get; init; } = 0.5;

    /// <summary>How much outside (material and moral) leverage moves the state.</summary>
    [Param("How much outside (material and moral) leverage moves the state.", Min = 0, Max = 1,
        Source = "Keck & Sikkink (1998) for the effect (leverage works on vulnerable states); value assumed (the middle)")]
    public double Vulnerability { get; init; } = 0.5;

    /// <summary>Share of outside leverage that opens the state without domestic mobilization (the boomerang's 'tactical concessions'): effective openness = openness + (1 − openness) × vulnerability × saturated pressure × (tactical_share + (1 − tactical_share) × the threat of last tick's domestic mobilization). Pressure from above opens a tight state only part of the way unless it meets pressure from below (Risse, Ropp &amp; Sikkink 1999, the spiral model; Keck &amp; Sikkink 1998). 1 switches the bound off (outside pressure alone opens the state fully).</summary>
    [Param("Share of outside leverage that opens the state without domestic mobilization (the boomerang's 'tactical concessions'): effective openness = openness + (1 − openness) × vulnerability × saturated pressure × (tactical_share + (1 − tactical_share) × the threat of last tick's domestic mobilization). Pressure from above opens a tight state only part of the way unless it meets pressure from below (Risse, Ropp & Sikkink 1999, the spiral model; Keck & Sikkink 1998). 1 switches the bound off (outside pressure alone opens the state fully).", Min = 0, Max = 1, Unit = "share",
        Source = "Risse, Ropp & Sikkink (1999) for the mechanism (outside pressure wins tactical concessions first; further change needs domestic mobilization); value assumed (to be calibrated, docs/validation.md)")]
    public double TacticalShare { get; init; } = 0.3;

    /// <summary>Share of a movement's activists active that a fully open state ignores; a state tolerates this times its effective openness, so a closed state reacts to the smallest protest (Davenport 2007: democracies tolerate what autocracies repress).</summary>
    [Param("Share of a movement's activists active that a fully open state ignores; a state tolerates this times its effective openness, so a closed state reacts to the smallest protest (Davenport 2007: democracies tolerate what autocracies repress).", Min = 0, Max = 1, Unit = "share",
        Source = "Davenport (2007) for the effect (democracies tolerate protest that autocracies repress); value assumed (hand-tuned in fab5595, when tolerance was scaled by openness so that facts 3 and 4 hold; to be calibrated): 3% at openness 0.5 as before the scaling, 0.6% at 0.1, 5.4% at 0.9")]
    public double Tolerance { get; init; } = 0.06;

    /// <summary>Ticks an arrested activist is held.</summary>
    [Param("Ticks an arrested activist is held.", Min = 0, Max = 10_000, Unit = "ticks",
        Source = "assumed: half a year (the baseline closes 1/baseline_window of the gap per tick, an EMA)")]
    public int RepressionTerm { get; init; } = 26;

    /// <summary>Grievance relief a full concession gives the movement's activists.</summary>
    [Param("Grievance relief a full concession gives the movement's activists.", Min = 0, Max = 1, Unit = "grievance",
        Source = "assumed: a partial concession")]
    public double ConcessionSize { get; init; } = 0.1;

    /// <summary>Chance per tick that a moderate active activist is co-opted while the state facilitates.</summary>
    [Param("Chance per tick that a moderate active activist is co-opted while the state facilitates.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed (hand-tuned in b8053e2 from 0.005 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated)")]
    public double Cooptation { get; init; } = 0.01;

    /// <summary>Ticks a co-opted activist stays in institutional channels.</summary>
    [Param("Ticks a co-opted activist stays in institutional channels.", Min = 0, Max = 10_000, Unit = "ticks",
        Source = "assumed: two years, an institutional term")]
    public int CooptationTerm { get; init; } = 104;

    /// <summary>How far an open state's institutional channels substitute for protest: grievance counts (1 − absorption × effective openness) in the decision to take to the street (Eisinger 1973; Kitschelt 1986).</summary>
    [Param("How far an open state's institutional channels substitute for protest: grievance counts (1 − absorption × effective openness) in the decision to take to the street (Eisinger 1973; Kitschelt 1986).", Min = 0, Max = 1, Unit = "share",
        Source = "Eisinger (1973), Kitschelt (1986) for the effect (open systems absorb protest into institutions); value assumed (introduced at 0.4 in b8053e2 and hand-tuned to 0.7 in c8ce119 so that participation is curvilinear in openness, fact 4; to be calibrated): grievance counts 93% at openness 0.1, 65% at 0.5, 30% at 1")]
    public double Absorption { get; init; } = 0.7;

    /// <summary>Share of a movement's grievance eased per tick per national contact that gets through, per 1,000 activists of the scenario (all movements): relief = this × national contacts × 1,000 / activists, so claims handled through institutions instead of the street ease a movement of any size alike (Eisinger's open systems absorb protest).</summary>
    [Param("Share of a movement's grievance eased per tick per national contact that gets through, per 1,000 activists of the scenario (all movements): relief = this × national contacts × 1,000 / activists, so claims handled through institutions instead of the street ease a movement of any size alike (Eisinger's open systems absorb protest).", Min = 0, Max = 1000, Unit = "share per contact per 1,000 activists",
        Source = "Eisinger (1973) for the effect (claims handled through institutions instead of the street); value assumed (hand-tuned in b8053e2 as 0.005 per contact at 2,000 activists to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated). Unit conversion of the former 'institutional_relief' (issue 15 item 1): old value × activists / 1,000, so 0.005 at 2,000 activists is 0.01; ten default organizations at openness 0.5 ease about 0.36% of grievance a tick against a rebuild of 1% of the gap")]
    public double InstitutionalReliefPerThousand { get; init; } = 0.01;

    /// <summary>Talks the state may hold per tick with a movement, per 1,000 of its activists, each with chance facilitation × threat (a talk is a state–movement interaction; a larger movement meets the state more often). Fractions are a last draw of that weight.</summary>
    [Param("Talks the state may hold per tick with a movement, per 1,000 of its activists, each with chance facilitation × threat (a talk is a state–movement interaction; a larger movement meets the state more often). Fractions are a last draw of that weight.", Min = 0, Max = 1000, Unit = "per 1,000 activists/tick",
        Source = "assumed (unit conversion of the former one talk draw per movement per tick: one per 2,000 activists, the default movement, is 0.5; each shipped scenario gives 1,000 / its activists per movement; issue 15 item 1)")]
    public double TalksPerThousand { get; init; } = 0.5;

    /// <summary>Strength of the state's campaign framing the movement as a threat (lowers sympathy each tick).</summary>
    [Param("Strength of the state's campaign framing the movement as a threat (lowers sympathy each tick).", Min = 0, Max = 1,
        Source = "not a model quantity at its default: 0 is no campaign; Japan-like scenarios model the Ministry of Justice's campaign (Vogt & Lersch 2007)")]
    public double ThreatFraming { get; init; }

    /// <summary>Share of all activists active at which the state can be overwhelmed (revolutionary turnover).</summary>
    [Param("Share of all activists active at which the state can be overwhelmed (revolutionary turnover).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: three quarters of all activists active at once, so turnover is rare (pattern 6); with the current defaults it does not occur at all (ODD, Known limitations)")]
    public double TurnoverThreshold { get; init; } = 0.75;
}

/// <summary>Transnational allies abroad and the boomerang pattern (<see cref="Scenario.Transnational"/>).</summary>
public sealed record TransnationalParameters
{
    /// <summary>Whether transnational allies exist at all.</summary>
    [Param("Whether transnational allies exist at all.",
        Source = "not a model quantity (a switch)")]
    public bool Enabled { get; init; } = true;

    /// <summary>Chance that an organization blocked by its own state allies with NGOs or international organizations abroad (the boomerang).</summary>
    [Param("Chance that an organization blocked by its own state allies with NGOs or international organizations abroad (the boomerang).", Min = 0, Max = 1, Unit = "probability",
        Source = "Vogt & Lersch (2007) for its order (transnational ties are rare); value assumed (hand-tuned in b8053e2 from 0.05 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated); japan-2007 sets 0.001, fact 5 compares 0 with 0.5")]
    public double AllianceProbability { get; init; } = 0.02;

    /// <summary>Outside pressure added per tick per standing alliance per 1,000 activists of the scenario (all movements): pressure grows with the share of the movement's organizations allied abroad, not with their number, so a movement of any size with the same density of alliances meets the same pressure.</summary>
    [Param("Outside pressure added per tick per standing alliance per 1,000 activists of the scenario (all movements): pressure grows with the share of the movement's organizations allied abroad, not with their number, so a movement of any size with the same density of alliances meets the same pressure.", Min = 0, Max = 1000, Unit = "pressure/tick per alliance per 1,000 activists",
        Source = "assumed (unit conversion of the former 'pressure_per_alliance' 0.02 per alliance at the default 2,000 activists: old value × activists / 1,000 = 0.04; issue 15 item 1): with pressure_decay a steady 0.8 per alliance per 1,000 activists, so one alliance among the default ten organizations moves the state noticeably and a few move it a lot")]
    public double PressurePerAlliancePerThousand { get; init; } = 0.04;

    /// <summary>Share of outside pressure that fades each tick unless kept up.</summary>
    [Param("Share of outside pressure that fades each tick unless kept up.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: attention lasts about 20 weeks unless kept up")]
    public double PressureDecay { get; init; } = 0.05;

    /// <summary>Chance per tick that an alliance lapses when the organization does not keep it up by advocacy.</summary>
    [Param("Chance per tick that an alliance lapses when the organization does not keep it up by advocacy.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: alliances must be kept up, about 50 idle weeks on average")]
    public double AllianceLapse { get; init; } = 0.02;

    /// <summary>Share of an alliance that is with an international organization rather than NGOs abroad.</summary>
    [Param("Share of an alliance that is with an international organization rather than NGOs abroad.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: most boomerangs start with NGOs abroad (Keck & Sikkink 1998); output only")]
    public double InternationalShare { get; init; } = 0.3;

    /// <summary>How much outside pressure amplifies the movement's information (frame spread).</summary>
    [Param("How much outside pressure amplifies the movement's information (frame spread).", Min = 0, Max = 10, Unit = "weight",
        Source = "Keck & Sikkink (1998) for the effect (information politics); value assumed (at most doubles frame spread)")]
    public double InformationAmplification { get; init; } = 1.0;
}

/// <summary>Public sympathy for the movements (<see cref="Scenario.Public"/>).</summary>
public sealed record PublicOpinionParameters
{
    /// <summary>Whether public sympathy is modelled (off: held at its initial value).</summary>
    [Param("Whether public sympathy is modelled (off: held at its initial value).",
        Source = "not a model quantity (a switch)")]
    public bool Enabled { get; init; } = true;

    /// <summary>Sympathy at the start and the level it relaxes to.</summary>
    [Param("Sympathy at the start and the level it relaxes to.", Min = 0, Max = 1,
        Source = "assumed: a neutral public (the 2004 poll's 53.1% viewing the foreign-worker issue with great concern, Vogt & Lersch 2007, can be expressed with a lower value or threat_framing)")]
    public double InitialSympathy { get; init; } = 0.5;

    /// <summary>Rise in sympathy per unit of public information per tick.</summary>
    [Param("Rise in sympathy per unit of public information per tick.", Min = 0, Max = 1,
        Source = "assumed: information politics moves sympathy slowly")]
    public double InformationEffect { get; init; } = 0.02;

    /// <summary>Rise in sympathy per share of the active repressed while peaceful.</summary>
    [Param("Rise in sympathy per share of the active repressed while peaceful.", Min = 0, Max = 10,
        Source = "MODEL.md for the effect (repression of peaceful protest wins sympathy); value assumed")]
    public double RepressionBackfire { get; init; } = 1.0;

    /// <summary>Fall in sympathy per violent act per 1,000 activists.</summary>
    [Param("Fall in sympathy per violent act per 1,000 activists.", Min = 0, Max = 1,
        Source = "assumed: violence costs sympathy")]
    public double ViolenceEffect { get; init; } = 0.02;

    /// <summary>Share of the gap to the initial level closed each tick.</summary>
    [Param("Share of the gap to the initial level closed each tick.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: a public memory of about a year")]
    public double Relaxation { get; init; } = 0.02;

    /// <summary>How much sympathy adds to the pull towards taking part.</summary>
    [Param("How much sympathy adds to the pull towards taking part.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed: sympathy helps recruitment but does not drive it")]
    public double RecruitmentEffect { get; init; } = 0.1;
}

/// <summary>Criteria of the stage classifier (<see cref="Scenario.Classifier"/>).</summary>
public sealed record ClassifierParameters
{
    /// <summary>Weight of the newest tick in the smoothed observables (exponential moving average).</summary>
    [Param("Weight of the newest tick in the smoothed observables (exponential moving average).", Min = 0.01, Max = 1,
        Source = "assumed: about a 4-tick memory, filters weekly noise and keeps turning points within a month")]
    public double Smoothing { get; init; } = 0.25;

    /// <summary>Ticks a stage's entry condition must hold before the stage is entered (hysteresis).</summary>
    [Param("Ticks a stage's entry condition must hold before the stage is entered (hysteresis).", Min = 1, Max = 1000, Unit = "ticks",
        Source = "assumed: hysteresis against flicker")]
    public int Dwell { get; init; } = 3;

    /// <summary>Participation above the baseline that opens a cycle (stage 1).</summary>
    [Param("Participation above the baseline that opens a cycle (stage 1).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: two percentage points, above the noise of 2,000 activists")]
    public double OnsetMargin { get; init; } = 0.02;

    /// <summary>Participation above the baseline below which a cycle has ended (lower than the onset margin: hysteresis).</summary>
    [Param("Participation above the baseline below which a cycle has ended (lower than the onset margin: hysteresis).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: half the onset margin (hysteresis)")]
    public double EndMargin { get; init; } = 0.01;

    /// <summary>Rise in frame adoption since the cycle opened that marks repertoires and frames (stage 2).</summary>
    [Param("Rise in frame adoption since the cycle opened that marks repertoires and frames (stage 2).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: five points of the population newly framed")]
    public double FrameRise { get; init; } = 0.05;

    /// <summary>State–movement interactions per 1,000 activists per tick that mark increased interaction (stage 3).</summary>
    [Param("State–movement interactions per 1,000 activists per tick that mark increased interaction (stage 3).", Min = 0, Unit = "per 1,000/tick",
        Source = "assumed")]
    public double InteractionRate { get; init; } = 1.0;

    /// <summary>Rise of smoothed participation in a tick, as a share of its fastest rise so far in the cycle, at or below which the rise has slowed (stage 3, with the interaction rate).</summary>
    [Param("Rise of smoothed participation in a tick, as a share of its fastest rise so far in the cycle, at or below which the rise has slowed (stage 3, with the interaction rate).", Min = 0, Max = 1, Unit = "share of fastest rise",
        Source = "Koopmans (1993) for the criterion (the expansion of a wave slows at its height); value assumed: half the fastest pace, past the inflection of the rise")]
    public double RiseSlowdown { get; init; } = 0.5;

    /// <summary>Participation, as a share of the cycle's peak, at or below which exhaustion and polarization can begin (stage 4, with exhaustion_share).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which exhaustion and polarization can begin (stage 4, with exhaustion_share).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed (issue 15: 0.85 before exhaustion was also required; with it, a 5% fall from the peak marks the turn, so the decline's stages begin near the peak)")]
    public double DeclineFraction { get; init; } = 0.95;

    /// <summary>Exhausted activists per activist mobilized at the cycle's peak that mark exhaustion (stage 4, with decline_fraction).</summary>
    [Param("Exhausted activists per activist mobilized at the cycle's peak that mark exhaustion (stage 4, with decline_fraction).", Min = 0, Max = 10, Unit = "per mobilized",
        Source = "Tarrow (2011) ch. 10 for the criterion (exhaustion); value assumed: one in twenty of those mobilized at the peak")]
    public double ExhaustionShare { get; init; } = 0.05;

    /// <summary>Rise of the radical share of the active since the cycle's peak that marks polarization (stage 4, route polarization, with decline_fraction).</summary>
    [Param("Rise of the radical share of the active since the cycle's peak that marks polarization (stage 4, route polarization, with decline_fraction).", Min = 0, Max = 1, Unit = "share of the active",
        Source = "Tarrow (2011) ch. 10 for the criterion (the declining movement polarizes); value assumed: five points")]
    public double PolarizationRise { get; init; } = 0.05;

    /// <summary>Participation, as a share of the cycle's peak, at or below which participants have withdrawn even without exhaustion or polarization (stage 4, route withdrawal).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which participants have withdrawn even without exhaustion or polarization (stage 4, route withdrawal).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed: a 15% fall from the peak is a decline, not noise (decline_fraction's default before issue 15)")]
    public double WithdrawalFraction { get; init; } = 0.85;

    /// <summary>Violent acts per 1,000 active activists per tick that mark radicals' turn to violence (stage 5, route violence, with confrontation_rise).</summary>
    [Param("Violent acts per 1,000 active activists per tick that mark radicals' turn to violence (stage 5, route violence, with confrontation_rise).", Min = 0, Unit = "per 1,000 active/tick",
        Source = "della Porta & Tarrow (1986) for the criterion; value assumed: one act a tick per 1,000 still active")]
    public double ViolenceRate { get; init; } = 1.0;

    /// <summary>Co-opted activists per activist still active that mark moderates' move into institutions (stage 5, route institutionalization, with confrontation_rise).</summary>
    [Param("Co-opted activists per activist still active that mark moderates' move into institutions (stage 5, route institutionalization, with confrontation_rise).", Min = 0, Unit = "co-opted per active",
        Source = "Tarrow (2011) ch. 10 for the criterion; value assumed: one in institutions for every ten still on the street")]
    public double InstitutionalizedShare { get; init; } = 0.1;

    /// <summary>Rise of the violence rate (or of the co-opted per active) over its value at the cycle's peak that marks the turn to violence (or institutions) (stage 5).</summary>
    [Param("Rise of the violence rate (or of the co-opted per active) over its value at the cycle's peak that marks the turn to violence (or institutions) (stage 5).", Min = 1, Unit = "times the rate at the peak",
        Source = "della Porta & Tarrow (1986) for the criterion (the turn comes as the movement shrinks); value assumed: a doubling")]
    public double ConfrontationRise { get; init; } = 2.0;

    /// <summary>Share of state responses (arrests, talks, concessions, co-optations) among state and confrontational acts that marks facilitation and repression (stage 6).</summary>
    [Param("Share of state responses (arrests, talks, concessions, co-optations) among state and confrontational acts that marks facilitation and repression (stage 6).", Min = 0, Max = 1, Unit = "share",
        Source = "Tarrow (1998) for the criterion (the state's response dominates stage 6); value assumed")]
    public double StateResponseShare { get; init; } = 0.5;

    /// <summary>Participation, as a share of the cycle's peak, at or below which the state's response is taken to dominate (stage 6).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which the state's response is taken to dominate (stage 6).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed (issue 15: 0.6 before; half the peak, so that the state's response closes a movement that has clearly ebbed)")]
    public double ResponseFraction { get; init; } = 0.5;

    /// <summary>Arrests per concession and co-optation at or above which a cycle the state leaned to repress is suppressed (else it faded).</summary>
    [Param("Arrests per concession and co-optation at or above which a cycle the state leaned to repress is suppressed (else it faded).", Min = 0, Unit = "arrests per concession or co-optation",
        Source = "assumed: repression dominated when arrests at least doubled the state's concessions and co-optations")]
    public double SuppressionRatio { get; init; } = 2.0;

    /// <summary>Participation, as a share of the cycle's peak, at or below which the cycle has ended even if it stays above the old baseline (mobilization back to routine).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which the cycle has ended even if it stays above the old baseline (mobilization back to routine).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed (hand-tuned in b8053e2 from 0.3 so that the peak is at least twice the participation at the end, fact 1; to be calibrated)")]
    public double EndFraction { get; init; } = 0.2;

    /// <summary>Time scale, in ticks, of the slow average the baseline of participation rises by between cycles (it falls at once).</summary>
    [Param("Time scale, in ticks, of the slow average the baseline of participation rises by between cycles (it falls at once).", Min = 1, Max = 100_000, Unit = "ticks",
        Source = "assumed: half a year (the baseline closes 1/baseline_window of the gap per tick, an EMA)")]
    public int BaselineWindow { get; init; } = 26;
}

/// <summary>
/// A change of one parameter during the run: at tick <see cref="At"/> (a shock) or linearly
/// from its value at <see cref="At"/> to <see cref="Value"/> at <see cref="Until"/> (a ramp).
/// </summary>
public sealed record ScheduledEvent
{
    /// <summary>Tick at which the change happens or the ramp starts.</summary>
    [Param("Tick at which the change happens or the ramp starts.", Min = 0, Unit = "tick")]
    public int At { get; init; }

    /// <summary>Tick at which a ramp ends; omit for a one-tick shock.</summary>
    [Param("Tick at which a ramp ends; omit for a one-tick shock.", Min = 0, Unit = "tick")]
    public int? Until { get; init; }

    /// <summary>Parameter to change, as a dotted path: state.openness, movements.&lt;id&gt;.grievance_shift, spillover, ...</summary>
    [Param("Parameter to change, as a dotted path: state.openness, movements.<id>.grievance_shift, spillover, ...")]
    public string Set { get; init; } = "";

    /// <summary>New value (the end value of a ramp).</summary>
    [Param("New value (the end value of a ramp).")]
    public double Value { get; init; }

    /// <summary>What the event represents, shown in reports (e.g. 'NPO law revision').</summary>
    [Param("What the event represents, shown in reports (e.g. 'NPO law revision').")]
    public string Label { get; init; } = "";
}
