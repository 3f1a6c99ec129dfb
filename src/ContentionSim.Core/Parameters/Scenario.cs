namespace ContentionSim.Core.Parameters;

/// <summary>
/// Everything a run needs: the root of a scenario. Immutable; a scheduled event or a
/// <c>--set</c> override produces a new instance through <see cref="ParameterPath"/>.
/// </summary>
public sealed record Scenario
{
    [Param("Short name of the scenario, used in output folders and plot titles.")]
    public string Name { get; init; } = "scenario";

    [Param("What the scenario represents, in a sentence or two.")]
    public string Description { get; init; } = "";

    [Param("Master seed: every random stream of the run is derived from it.", Min = 0)]
    public ulong Seed { get; init; } = 1;

    [Param("Number of ticks to simulate.", Min = 1, Max = 1_000_000, Unit = "ticks")]
    public int Ticks { get; init; } = 520;

    [Param("What one tick stands for (label only; rates are per tick).")]
    public string TimeUnit { get; init; } = "week";

    [Param("How much activity in other movements pulls an activist in, relative to their own movement's activity (Tarrow's diffusion between sectors).", Min = 0, Max = 1, Unit = "weight")]
    public double Spillover { get; init; } = 0.3;

    [Param("The social network linking activists, within and across movements.")]
    public NetworkParameters Network { get; init; } = new();

    [Param("The movements of the wave; one by default.")]
    public IReadOnlyList<MovementParameters> Movements { get; init; } = [new MovementParameters()];

    [Param("The state and its political opportunity structure.")]
    public StateParameters State { get; init; } = new();

    [Param("Transnational allies abroad and the boomerang pattern.")]
    public TransnationalParameters Transnational { get; init; } = new();

    [Param("Public sympathy for the movements.")]
    public PublicOpinionParameters Public { get; init; } = new();

    [Param("Criteria of the stage classifier.")]
    public ClassifierParameters Classifier { get; init; } = new();

    [Param("Parameter changes at a tick (shock) or over a span of ticks (ramp).")]
    public IReadOnlyList<ScheduledEvent> Events { get; init; } = [];

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

public sealed record NetworkParameters
{
    [Param("Network model: small_world, random, complete or none.")]
    public NetworkKind Kind { get; init; } = NetworkKind.SmallWorld;

    [Param("Mean number of ties per activist (even for small_world).", Min = 0, Max = 1000, Unit = "ties")]
    public int Degree { get; init; } = 8;

    [Param("Probability that a lattice tie is rewired to a random activist (small_world).", Min = 0, Max = 1, Unit = "probability")]
    public double Rewiring { get; init; } = 0.1;

    [Param("Share of rewired or random ties that go to an activist of another movement.", Min = 0, Max = 1, Unit = "share")]
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

public sealed record MovementParameters
{
    [Param("Identifier used in outputs and event keys (letters, digits, '_' or '-').")]
    public string Id { get; init; } = "movement";

    [Param("Display name of the movement.")]
    public string Name { get; init; } = "Movement";

    [Param("Shift added to every activist's baseline grievance; schedule an event on it to model a shock (a law revision) or relief.", Min = -1, Max = 1, Unit = "grievance")]
    public double GrievanceShift { get; init; }

    [Param("The movement's activists.")]
    public ActivistParameters Activists { get; init; } = new();

    [Param("The movement's organizations, in groups of the same kind (default: ten concerned citizens' groups; give [] for none).")]
    public IReadOnlyList<OrganizationGroupParameters> Organizations { get; init; } = [new OrganizationGroupParameters { Count = 10 }];
}

public sealed record ActivistParameters
{
    [Param("Number of activists (ignored when 'thresholds' lists them one by one).", Min = 1, Max = 50_000_000, Unit = "people")]
    public int Count { get; init; } = 2000;

    [Param("Hardship each activist feels (0 none, 1 extreme).", Min = 0, Max = 1)]
    public Distribution Grievance { get; init; } = Distribution.Beta(0.45, 0.15);

    [Param("How strongly an activist weighs the risk of repression (0 fearless, 1 very cautious).", Min = 0, Max = 1)]
    public Distribution RiskAversion { get; init; } = Distribution.Uniform(0, 1);

    [Param("Participation threshold, in the unit of 'threshold_unit'.", Min = 0)]
    public Distribution Threshold { get; init; } = Distribution.Normal(0.55, 0.12);

    [Param("Explicit thresholds, one per activist; sets the count. Used for Granovetter's model.", Min = 0)]
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    [Param("share: thresholds are shares of ties weighed against grievance and risk; people: numbers of active ties.")]
    public ThresholdUnit ThresholdUnit { get; init; } = ThresholdUnit.Share;

    [Param("Initial radicalism (0 moderate, 1 radical).", Min = 0, Max = 1)]
    public Distribution Radicalism { get; init; } = Distribution.Beta(0.25, 0.12);

    [Param("Share of activists who hold the movement's frame at the start.", Min = 0, Max = 1, Unit = "share")]
    public double InitialFrameAdoption { get; init; } = 0.02;

    [Param("Share of activists who are members of one of the movement's organizations.", Min = 0, Max = 1, Unit = "share")]
    public double Membership { get; init; } = 0.3;

    [Param("Weight of grievance interpreted through the frame in the decision to take part.", Min = 0, Max = 10, Unit = "weight")]
    public double GrievanceWeight { get; init; } = 2.25;

    [Param("Share of grievance that counts before an activist holds the frame (injustice not yet named).", Min = 0, Max = 1, Unit = "share")]
    public double UnframedGrievance { get; init; } = 0.25;

    [Param("Weight of the pull of active ties in the decision to take part.", Min = 0, Max = 10, Unit = "weight")]
    public double SocialWeight { get; init; } = 0.6;

    [Param("Weight of perceived risk of repression in the decision to take part.", Min = 0, Max = 10, Unit = "weight")]
    public double RiskWeight { get; init; } = 1.0;

    [Param("Energy an active tick costs.", Min = 0, Max = 1, Unit = "energy/tick")]
    public double EnergyCost { get; init; } = 0.02;

    [Param("How much perceived repression raises the energy an active tick costs: the cost is energy_cost × (1 + repression_cost × perceived repression). Activism under repression is high-risk and wears people out faster (Tilly 1978; McAdam 1986).", Min = 0, Max = 10, Unit = "weight")]
    public double RepressionCost { get; init; } = 1.0;

    [Param("Energy a tick of rest restores.", Min = 0, Max = 1, Unit = "energy/tick")]
    public double EnergyRecovery { get; init; } = 0.005;

    [Param("Energy below which an active activist drops out exhausted.", Min = 0, Max = 1, Unit = "energy")]
    public double ExhaustionLevel { get; init; } = 0.2;

    [Param("Energy an exhausted activist must regain before taking part again.", Min = 0, Max = 1, Unit = "energy")]
    public double RecoveredLevel { get; init; } = 0.8;

    [Param("How much radicalism slows exhaustion (committed radicals stay longer).", Min = 0, Max = 1, Unit = "share")]
    public double RadicalCommitment { get; init; } = 0.5;

    [Param("How fast active activists radicalize when they meet repression or get no concessions.", Min = 0, Max = 1, Unit = "per tick")]
    public double RadicalizationRate { get; init; } = 0.02;

    [Param("Radicalism above which an active activist may turn to confrontational or violent action.", Min = 0, Max = 1)]
    public double ViolenceThreshold { get; init; } = 0.6;

    [Param("Chance per tick that an active activist above the violence threshold commits a violent act.", Min = 0, Max = 1, Unit = "probability")]
    public double ViolenceProbability { get; init; } = 0.05;

    [Param("How much a shrinking movement drives its radicals to confrontation: the violence chance is multiplied by 1 + escalation × (how fast participation falls, 0–1). Radicals escalate to keep attention as numbers fall (della Porta & Tarrow 1986; Koopmans 1993).", Min = 0, Max = 100, Unit = "weight")]
    public double Escalation { get; init; } = 3.0;

    [Param("Chance per tick of adopting the frame when all ties hold it and are active.", Min = 0, Max = 1, Unit = "probability")]
    public double FrameContagion { get; init; } = 0.15;

    [Param("Chance per tick that an activist not taking part, with no framed active tie, lets the frame fade.", Min = 0, Max = 1, Unit = "probability")]
    public double FrameDecay { get; init; } = 0.02;

    [Param("Rate at which radicalism returns to the activist's initial level while not taking part.", Min = 0, Max = 1, Unit = "per tick")]
    public double Deradicalization { get; init; } = 0.01;

    [Param("Weight of frustration (no facilitation from the state) in radicalization, next to repression.", Min = 0, Max = 1, Unit = "weight")]
    public double Frustration { get; init; } = 0.5;

    [Param("Chance that an activist who drops out exhausted is disillusioned and drops the frame.", Min = 0, Max = 1, Unit = "probability")]
    public double Disillusionment { get; init; } = 0.7;

    [Param("Rate at which grievance returns to its baseline after relief or backfire.", Min = 0, Max = 1, Unit = "per tick")]
    public double GrievanceRebuild { get; init; } = 0.01;

    [Param("Weight of perceived efficacy: activists join a movement that is growing and leave one that is shrinking (bandwagon and disillusionment).", Min = 0, Max = 10, Unit = "weight")]
    public double EfficacyWeight { get; init; } = 0.12;

    [Param("How far the openness of the state decides whether grievance becomes protest: grievance counts (1 − opportunity_weight × (1 − effective openness)) in the decision, so under a closed state protest looks futile (Eisinger 1973; McAdam's cognitive liberation). 0: openness does not matter.", Min = 0, Max = 1, Unit = "weight")]
    public double OpportunityWeight { get; init; } = 0.7;

    [Param("Pull of a mobilization call from one's own organization.", Min = 0, Max = 10, Unit = "weight")]
    public double CallWeight { get; init; } = 0.2;

    [Param("Rise in grievance per tick when all of one's ties are held by the state (backfire of repression), scaled up by outside attention.", Min = 0, Max = 1, Unit = "per tick")]
    public double RepressionBackfire { get; init; } = 0.05;

    /// <summary>Number of activists actually created.</summary>
    public int EffectiveCount => Thresholds.Count > 0 ? Thresholds.Count : Count;
}

/// <summary>The six kinds of migrant support organization in Shipper (2006).</summary>
public enum OrganizationKind
{
    ChristianNgo,
    CommunityUnion,
    WomensSupport,
    MedicalNgo,
    LawyersNgo,
    ConcernedCitizens,
}

public sealed record OrganizationGroupParameters
{
    [Param("Kind of organization (Shipper): christian_ngo, community_union, womens_support, medical_ngo, lawyers_ngo, concerned_citizens.")]
    public OrganizationKind Kind { get; init; } = OrganizationKind.ConcernedCitizens;

    [Param("Number of organizations in this group.", Min = 0, Max = 100_000)]
    public int Count { get; init; } = 1;

    [Param("Volunteers per organization.", Min = 0, Unit = "people")]
    public Distribution Volunteers { get; init; } = new() { Kind = DistributionKind.Uniform, Min = 5, Max = 40, Mean = 22.5 };

    [Param("Salaried staff per organization.", Min = 0, Unit = "people")]
    public Distribution SalariedStaff { get; init; } = new() { Kind = DistributionKind.Uniform, Min = 0, Max = 3, Mean = 1.5 };

    [Param("Share of the group's organizations that give counselling (service), drawn once per organization; one that does counsels its members every tick. The survey's \"84% name counselling as a means\".", Min = 0, Max = 1, Unit = "share")]
    public double Counselling { get; init; } = 0.6;

    [Param("Share of the group's organizations that hold language classes (service), drawn once per organization; one that does holds them every tick.", Min = 0, Max = 1, Unit = "share")]
    public double LanguageClasses { get; init; } = 0.4;

    [Param("Share of the group's organizations that name networking with other domestic organizations as a means, drawn once per organization; one that does networks every tick.", Min = 0, Max = 1, Unit = "share")]
    public double Networking { get; init; } = 0.5;

    [Param("Chance per tick of counselling that a case is taken up together with another domestic organization (case-to-case cooperation, Vogt & Lersch 2007).", Min = 0, Max = 1, Unit = "probability")]
    public double Referral { get; init; } = 0.3;

    [Param("Chance per tick of framing and spreading information (advocacy).", Min = 0, Max = 1, Unit = "probability")]
    public double Framing { get; init; } = 0.3;

    [Param("Chance per tick of calling members out when the movement stirs (advocacy).", Min = 0, Max = 1, Unit = "probability")]
    public double Mobilization { get; init; } = 0.3;

    [Param("Share of the group's organizations that try to influence political decisions by lobbying (advocacy), drawn once per organization. The survey's \"63% try to influence political decisions\".", Min = 0, Max = 1, Unit = "share")]
    public double Lobbying { get; init; } = 0.6;

    [Param("Chance per tick that an organization that lobbies approaches local authorities or national government.", Min = 0, Max = 1, Unit = "probability")]
    public double LobbyingRate { get; init; } = 0.5;

    [Param("Whether the organization's information is public (true) or for members only (false).")]
    public bool PublicInformation { get; init; } = true;

    [Param("Share of each member's grievance eased by a tick of counselling (language classes ease half as much).", Min = 0, Max = 1, Unit = "share")]
    public double ServiceRelief { get; init; } = 0.02;

    [Param("People reached by a tick of framing, per volunteer or staff member.", Min = 0, Max = 100, Unit = "people/worker")]
    public double FramingReach { get; init; } = 0.2;
}

public sealed record StateParameters
{
    [Param("Whether the state acts at all (off for Granovetter's pure threshold model).")]
    public bool Enabled { get; init; } = true;

    [Param("Openness of the political opportunity structure (0 closed, 1 open).", Min = 0, Max = 1)]
    public double Openness { get; init; } = 0.5;

    [Param("Chance per tick that the state arrests an active activist of radicalism 0.5 at full repression (more for radicals, three times for the violent).", Min = 0, Max = 1, Unit = "share/tick")]
    public double RepressionCapacity { get; init; } = 0.05;

    [Param("Inclination to repress rather than tolerate, before openness and costs.", Min = 0, Max = 1)]
    public double RepressionPropensity { get; init; } = 0.6;

    [Param("Inclination to talk, concede and co-opt when the POS lets it.", Min = 0, Max = 1)]
    public double Responsiveness { get; init; } = 0.5;

    [Param("How much outside (material and moral) leverage moves the state.", Min = 0, Max = 1)]
    public double Vulnerability { get; init; } = 0.5;

    [Param("Share of a movement's activists active that a fully open state ignores; a state tolerates this times its effective openness, so a closed state reacts to the smallest protest (Davenport 2007: democracies tolerate what autocracies repress).", Min = 0, Max = 1, Unit = "share")]
    public double Tolerance { get; init; } = 0.06;

    [Param("Ticks an arrested activist is held.", Min = 0, Max = 10_000, Unit = "ticks")]
    public int RepressionTerm { get; init; } = 26;

    [Param("Grievance relief a full concession gives the movement's activists.", Min = 0, Max = 1, Unit = "grievance")]
    public double ConcessionSize { get; init; } = 0.1;

    [Param("Chance per tick that a moderate active activist is co-opted while the state facilitates.", Min = 0, Max = 1, Unit = "probability")]
    public double Cooptation { get; init; } = 0.01;

    [Param("Ticks a co-opted activist stays in institutional channels.", Min = 0, Max = 10_000, Unit = "ticks")]
    public int CooptationTerm { get; init; } = 104;

    [Param("How far an open state's institutional channels substitute for protest: grievance counts (1 − absorption × effective openness) in the decision to take to the street (Eisinger 1973; Kitschelt 1986).", Min = 0, Max = 1, Unit = "share")]
    public double Absorption { get; init; } = 0.7;

    [Param("Share of the movement's grievance eased per national contact that gets through: claims handled through institutions instead of the street (Eisinger's open systems absorb protest).", Min = 0, Max = 1, Unit = "share/contact")]
    public double InstitutionalRelief { get; init; } = 0.005;

    [Param("Strength of the state's campaign framing the movement as a threat (lowers sympathy each tick).", Min = 0, Max = 1)]
    public double ThreatFraming { get; init; }

    [Param("Share of all activists active at which the state can be overwhelmed (revolutionary turnover).", Min = 0, Max = 1, Unit = "share")]
    public double TurnoverThreshold { get; init; } = 0.75;
}

public sealed record TransnationalParameters
{
    [Param("Whether transnational allies exist at all.")]
    public bool Enabled { get; init; } = true;

    [Param("Chance that an organization blocked by its own state allies with NGOs or international organizations abroad (the boomerang).", Min = 0, Max = 1, Unit = "probability")]
    public double AllianceProbability { get; init; } = 0.02;

    [Param("Outside pressure one active alliance adds per tick.", Min = 0, Max = 1, Unit = "pressure/tick")]
    public double PressurePerAlliance { get; init; } = 0.02;

    [Param("Share of outside pressure that fades each tick unless kept up.", Min = 0, Max = 1, Unit = "per tick")]
    public double PressureDecay { get; init; } = 0.05;

    [Param("Chance per tick that an alliance lapses when the organization does not keep it up by advocacy.", Min = 0, Max = 1, Unit = "probability")]
    public double AllianceLapse { get; init; } = 0.02;

    [Param("Share of an alliance that is with an international organization rather than NGOs abroad.", Min = 0, Max = 1, Unit = "share")]
    public double InternationalShare { get; init; } = 0.3;

    [Param("How much outside pressure amplifies the movement's information (frame spread).", Min = 0, Max = 10, Unit = "weight")]
    public double InformationAmplification { get; init; } = 1.0;
}

public sealed record PublicOpinionParameters
{
    [Param("Whether public sympathy is modelled (off: held at its initial value).")]
    public bool Enabled { get; init; } = true;

    [Param("Sympathy at the start and the level it relaxes to.", Min = 0, Max = 1)]
    public double InitialSympathy { get; init; } = 0.5;

    [Param("Rise in sympathy per unit of public information per tick.", Min = 0, Max = 1)]
    public double InformationEffect { get; init; } = 0.02;

    [Param("Rise in sympathy per share of the active repressed while peaceful.", Min = 0, Max = 10)]
    public double RepressionBackfire { get; init; } = 1.0;

    [Param("Fall in sympathy per violent act per 1,000 activists.", Min = 0, Max = 1)]
    public double ViolenceEffect { get; init; } = 0.02;

    [Param("Share of the gap to the initial level closed each tick.", Min = 0, Max = 1, Unit = "per tick")]
    public double Relaxation { get; init; } = 0.02;

    [Param("How much sympathy adds to the pull towards taking part.", Min = 0, Max = 10, Unit = "weight")]
    public double RecruitmentEffect { get; init; } = 0.1;
}

public sealed record ClassifierParameters
{
    [Param("Weight of the newest tick in the smoothed observables (exponential moving average).", Min = 0.01, Max = 1)]
    public double Smoothing { get; init; } = 0.25;

    [Param("Ticks a stage's entry condition must hold before the stage is entered (hysteresis).", Min = 1, Max = 1000, Unit = "ticks")]
    public int Dwell { get; init; } = 3;

    [Param("Participation above the baseline that opens a cycle (stage 1).", Min = 0, Max = 1, Unit = "share")]
    public double OnsetMargin { get; init; } = 0.02;

    [Param("Participation above the baseline below which a cycle has ended (lower than the onset margin: hysteresis).", Min = 0, Max = 1, Unit = "share")]
    public double EndMargin { get; init; } = 0.01;

    [Param("Rise in frame adoption since the cycle opened that marks repertoires and frames (stage 2).", Min = 0, Max = 1, Unit = "share")]
    public double FrameRise { get; init; } = 0.05;

    [Param("State–movement interactions per 1,000 activists per tick that mark increased interaction (stage 3).", Min = 0, Unit = "per 1,000/tick")]
    public double InteractionRate { get; init; } = 1.0;

    [Param("Participation, as a share of the cycle's running peak, needed for stage 3 (near the peak).", Min = 0, Max = 1, Unit = "share of peak")]
    public double NearPeak { get; init; } = 0.8;

    [Param("Participation, as a share of the cycle's peak, below which exhaustion and polarization begin (stage 4).", Min = 0, Max = 1, Unit = "share of peak")]
    public double DeclineFraction { get; init; } = 0.85;

    [Param("Violent acts plus co-optations since stage 4, per 1,000 activists mobilized at the cycle's peak, that mark violence and institutionalization (stage 5).", Min = 0, Unit = "per 1,000 mobilized")]
    public double ConfrontationCount { get; init; } = 5.0;

    [Param("Share of state responses (arrests, talks, concessions, co-optations) among state and confrontational acts that marks facilitation and repression (stage 6).", Min = 0, Max = 1, Unit = "share")]
    public double StateResponseShare { get; init; } = 0.5;

    [Param("Participation, as a share of the cycle's peak, at or below which the state's response is taken to dominate (stage 6).", Min = 0, Max = 1, Unit = "share of peak")]
    public double ResponseFraction { get; init; } = 0.6;

    [Param("Participation, as a share of the cycle's peak, at or below which the cycle has ended even if it stays above the old baseline (mobilization back to routine).", Min = 0, Max = 1, Unit = "share of peak")]
    public double EndFraction { get; init; } = 0.2;

    [Param("Time scale, in ticks, of the slow average the baseline of participation rises by between cycles (it falls at once).", Min = 1, Max = 100_000, Unit = "ticks")]
    public int BaselineWindow { get; init; } = 26;
}

/// <summary>
/// A change of one parameter during the run: at tick <see cref="At"/> (a shock) or linearly
/// from its value at <see cref="At"/> to <see cref="Value"/> at <see cref="Until"/> (a ramp).
/// </summary>
public sealed record ScheduledEvent
{
    [Param("Tick at which the change happens or the ramp starts.", Min = 0, Unit = "tick")]
    public int At { get; init; }

    [Param("Tick at which a ramp ends; omit for a one-tick shock.", Min = 0, Unit = "tick")]
    public int? Until { get; init; }

    [Param("Parameter to change, as a dotted path: state.openness, movements.<id>.grievance_shift, spillover, ...")]
    public string Set { get; init; } = "";

    [Param("New value (the end value of a ramp).")]
    public double Value { get; init; }

    [Param("What the event represents, shown in reports (e.g. 'NPO law revision').")]
    public string Label { get; init; } = "";
}
