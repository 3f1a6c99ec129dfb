using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Observation;

/// <summary>Status of one activist.</summary>
public enum ActivistStatus : byte
{
    /// <summary>Not taking part; may join when its utility reaches its threshold.</summary>
    Inactive = 0,
    /// <summary>Taking part this tick.</summary>
    Active = 1,
    /// <summary>Out of energy: resting until it has recovered.</summary>
    Exhausted = 2,
    /// <summary>Arrested: out of action for a term (<see cref="Activists.ActivistPopulation.Timer"/>).</summary>
    Repressed = 3,
    /// <summary>Co-opted by the state: out of action for a term (<see cref="Activists.ActivistPopulation.Timer"/>).</summary>
    Coopted = 4,
}

/// <summary>
/// The measured observables of one movement (or of the wave) in one tick, as numbers: what the
/// observation layer computes each tick without allocating, what the stage classifier reads, and
/// what a <see cref="TickObservation"/> keeps. Each property is an entry of the catalog
/// <see cref="Observables"/>, which gives its column name, unit, meaning and how it is computed
/// (add an observable there and here; every output and reader follows).
/// </summary>
public readonly record struct TickValues
{
    /// <summary>The <see cref="Observables.Activists"/> observable.</summary>
    public int Activists { get; init; }
    /// <summary>The <see cref="Observables.Inactive"/> observable.</summary>
    public int Inactive { get; init; }
    /// <summary>The <see cref="Observables.Active"/> observable.</summary>
    public int Active { get; init; }
    /// <summary>The <see cref="Observables.Exhausted"/> observable.</summary>
    public int Exhausted { get; init; }
    /// <summary>The <see cref="Observables.Repressed"/> observable.</summary>
    public int Repressed { get; init; }
    /// <summary>The <see cref="Observables.Coopted"/> observable.</summary>
    public int Coopted { get; init; }
    /// <summary>The <see cref="Observables.Participation"/> observable.</summary>
    public double Participation { get; init; }
    /// <summary>The <see cref="Observables.RadicalShare"/> observable.</summary>
    public double RadicalShare { get; init; }
    /// <summary>The <see cref="Observables.FrameAdoption"/> observable.</summary>
    public double FrameAdoption { get; init; }
    /// <summary>The <see cref="Observables.SectorsEngaged"/> observable.</summary>
    public int SectorsEngaged { get; init; }
    /// <summary>The <see cref="Observables.Interactions"/> observable.</summary>
    public int Interactions { get; init; }
    /// <summary>The <see cref="Observables.ViolentActs"/> observable.</summary>
    public int ViolentActs { get; init; }
    /// <summary>The <see cref="Observables.Cooptations"/> observable.</summary>
    public int Cooptations { get; init; }
    /// <summary>The <see cref="Observables.RepressionEvents"/> observable.</summary>
    public int RepressionEvents { get; init; }
    /// <summary>The <see cref="Observables.FacilitationEvents"/> observable.</summary>
    public int FacilitationEvents { get; init; }
    /// <summary>The <see cref="Observables.Concessions"/> observable.</summary>
    public int Concessions { get; init; }
    /// <summary>The <see cref="Observables.OutsidePressure"/> observable.</summary>
    public double OutsidePressure { get; init; }
    /// <summary>The <see cref="Observables.EffectiveOpenness"/> observable.</summary>
    public double EffectiveOpenness { get; init; }
    /// <summary>The <see cref="Observables.RepressionLevel"/> observable.</summary>
    public double RepressionLevel { get; init; }
    /// <summary>The <see cref="Observables.FacilitationLevel"/> observable.</summary>
    public double FacilitationLevel { get; init; }
    /// <summary>The <see cref="Observables.Sympathy"/> observable.</summary>
    public double Sympathy { get; init; }
    /// <summary>The <see cref="Observables.MeanGrievance"/> observable.</summary>
    public double MeanGrievance { get; init; }
    /// <summary>The <see cref="Observables.Alliances"/> observable.</summary>
    public int Alliances { get; init; }
}

/// <summary>
/// What was observed of one movement (or of the whole wave, <see cref="WaveId"/>) in one tick: its
/// place in the cycle (stage, cycle) and its <see cref="TickValues"/>. Counts are of this tick's
/// events; shares are of the movement's activists. The properties below <see cref="Values"/> are
/// shorthands for its members (see <see cref="Observables"/> for what each one is).
/// </summary>
public sealed record TickObservation
{
    /// <summary>Movement id used for the wave as a whole.</summary>
    public const string WaveId = "wave";

    /// <summary>The tick (1-based).</summary>
    public int Tick { get; init; }
    /// <summary>Id of the movement, or <see cref="WaveId"/> for the wave.</summary>
    public string Movement { get; init; } = WaveId;
    /// <summary>Stage of the cycle after this tick's classification.</summary>
    public Stage Stage { get; init; }
    /// <summary>Number of the current cycle (1-based), 0 before the first.</summary>
    public int Cycle { get; init; }
    /// <summary>The observables of the tick.</summary>
    public TickValues Values { get; init; }

    /// <summary>The <see cref="Observables.Activists"/> observable.</summary>
    public int Activists { get => Values.Activists; init => Values = Values with { Activists = value }; }
    /// <summary>The <see cref="Observables.Inactive"/> observable.</summary>
    public int Inactive { get => Values.Inactive; init => Values = Values with { Inactive = value }; }
    /// <summary>The <see cref="Observables.Active"/> observable.</summary>
    public int Active { get => Values.Active; init => Values = Values with { Active = value }; }
    /// <summary>The <see cref="Observables.Exhausted"/> observable.</summary>
    public int Exhausted { get => Values.Exhausted; init => Values = Values with { Exhausted = value }; }
    /// <summary>The <see cref="Observables.Repressed"/> observable.</summary>
    public int Repressed { get => Values.Repressed; init => Values = Values with { Repressed = value }; }
    /// <summary>The <see cref="Observables.Coopted"/> observable.</summary>
    public int Coopted { get => Values.Coopted; init => Values = Values with { Coopted = value }; }
    /// <summary>The <see cref="Observables.Participation"/> observable.</summary>
    public double Participation { get => Values.Participation; init => Values = Values with { Participation = value }; }
    /// <summary>The <see cref="Observables.RadicalShare"/> observable.</summary>
    public double RadicalShare { get => Values.RadicalShare; init => Values = Values with { RadicalShare = value }; }
    /// <summary>The <see cref="Observables.FrameAdoption"/> observable.</summary>
    public double FrameAdoption { get => Values.FrameAdoption; init => Values = Values with { FrameAdoption = value }; }
    /// <summary>The <see cref="Observables.SectorsEngaged"/> observable.</summary>
    public int SectorsEngaged { get => Values.SectorsEngaged; init => Values = Values with { SectorsEngaged = value }; }
    /// <summary>The <see cref="Observables.Interactions"/> observable.</summary>
    public int Interactions { get => Values.Interactions; init => Values = Values with { Interactions = value }; }
    /// <summary>The <see cref="Observables.ViolentActs"/> observable.</summary>
    public int ViolentActs { get => Values.ViolentActs; init => Values = Values with { ViolentActs = value }; }
    /// <summary>The <see cref="Observables.Cooptations"/> observable.</summary>
    public int Cooptations { get => Values.Cooptations; init => Values = Values with { Cooptations = value }; }
    /// <summary>The <see cref="Observables.RepressionEvents"/> observable.</summary>
    public int RepressionEvents { get => Values.RepressionEvents; init => Values = Values with { RepressionEvents = value }; }
    /// <summary>The <see cref="Observables.FacilitationEvents"/> observable.</summary>
    public int FacilitationEvents { get => Values.FacilitationEvents; init => Values = Values with { FacilitationEvents = value }; }
    /// <summary>The <see cref="Observables.Concessions"/> observable.</summary>
    public int Concessions { get => Values.Concessions; init => Values = Values with { Concessions = value }; }
    /// <summary>The <see cref="Observables.OutsidePressure"/> observable.</summary>
    public double OutsidePressure { get => Values.OutsidePressure; init => Values = Values with { OutsidePressure = value }; }
    /// <summary>The <see cref="Observables.EffectiveOpenness"/> observable.</summary>
    public double EffectiveOpenness { get => Values.EffectiveOpenness; init => Values = Values with { EffectiveOpenness = value }; }
    /// <summary>The <see cref="Observables.RepressionLevel"/> observable.</summary>
    public double RepressionLevel { get => Values.RepressionLevel; init => Values = Values with { RepressionLevel = value }; }
    /// <summary>The <see cref="Observables.FacilitationLevel"/> observable.</summary>
    public double FacilitationLevel { get => Values.FacilitationLevel; init => Values = Values with { FacilitationLevel = value }; }
    /// <summary>The <see cref="Observables.Sympathy"/> observable.</summary>
    public double Sympathy { get => Values.Sympathy; init => Values = Values with { Sympathy = value }; }
    /// <summary>The <see cref="Observables.MeanGrievance"/> observable.</summary>
    public double MeanGrievance { get => Values.MeanGrievance; init => Values = Values with { MeanGrievance = value }; }
    /// <summary>The <see cref="Observables.Alliances"/> observable.</summary>
    public int Alliances { get => Values.Alliances; init => Values = Values with { Alliances = value }; }
}

/// <summary>One entry into a stage, with the observable values that triggered it.</summary>
public sealed record StageEntry
{
    /// <summary>Id of the movement, or <see cref="TickObservation.WaveId"/> for the wave.</summary>
    public string Movement { get; init; } = TickObservation.WaveId;
    /// <summary>Number of the cycle (1-based) the stage belongs to.</summary>
    public int Cycle { get; init; }
    /// <summary>The stage entered.</summary>
    public Stage Stage { get; init; }
    /// <summary>Tick the stage was entered.</summary>
    public int Tick { get; init; }
    /// <summary>Smoothed participation when the stage was entered.</summary>
    public double Participation { get; init; }
    /// <summary>The cycle's peak (smoothed) participation so far.</summary>
    public double PeakParticipation { get; init; }
    /// <summary>Smoothed <see cref="Observables.FrameAdoption"/> when the stage was entered.</summary>
    public double FrameAdoption { get; init; }
    /// <summary>Smoothed <see cref="Observables.RadicalShare"/> when the stage was entered.</summary>
    public double RadicalShare { get; init; }
    /// <summary>Radical share of the active at the cycle's peak, to show polarization.</summary>
    public double RadicalShareAtPeak { get; init; }
    /// <summary>Smoothed <see cref="Observables.Interactions"/> per 1,000 activists when the stage was entered.</summary>
    public double InteractionRate { get; init; }
    /// <summary><see cref="Observables.SectorsEngaged"/> in the tick the stage was entered.</summary>
    public int SectorsEngaged { get; init; }
    /// <summary><see cref="Observables.ViolentActs"/> summed over the cycle so far.</summary>
    public int ViolentActs { get; init; }
    /// <summary><see cref="Observables.Cooptations"/> summed over the cycle so far.</summary>
    public int Cooptations { get; init; }
    /// <summary><see cref="Observables.RepressionEvents"/> summed over the cycle so far.</summary>
    public int RepressionEvents { get; init; }
    /// <summary><see cref="Observables.FacilitationEvents"/> summed over the cycle so far.</summary>
    public int FacilitationEvents { get; init; }

    // What met the criterion of the stage (docs/ODD.md §7.10), besides the smoothed observables
    // above; Reporting words them (StageCriteria.Trigger).

    /// <summary>The baseline participation when the stage was entered (the onset compares against it).</summary>
    public double Baseline { get; init; }
    /// <summary>Smoothed frame adoption when the cycle opened (stage 2 measures the rise from it).</summary>
    public double FrameAtStart { get; init; }
    /// <summary>Violent acts since stage 4 was entered (stage 5's criterion; 0 before stage 5).</summary>
    public int ViolentActsSinceExhaustion { get; init; }
    /// <summary>Co-optations since stage 4 was entered (stage 5's criterion; 0 before stage 5).</summary>
    public int CooptationsSinceExhaustion { get; init; }
    /// <summary>Those violent acts plus co-optations per 1,000 mobilized at the cycle's peak (stage 5's measure).</summary>
    public double ConfrontationsPerThousandMobilized { get; init; }
    /// <summary>State responses as a share of state and confrontational acts since stage 5 (stage 6's measure).</summary>
    public double StateResponseShare { get; init; }
}

/// <summary>One cycle of contention of a movement (or of the wave) from onset to outcome.</summary>
public sealed record CycleRecord
{
    /// <summary>Id of the movement, or <see cref="TickObservation.WaveId"/> for the wave.</summary>
    public string Movement { get; init; } = TickObservation.WaveId;
    /// <summary>Number of the cycle (1-based), per movement.</summary>
    public int Cycle { get; init; }
    /// <summary>Tick of onset (the cycle entered stage 1).</summary>
    public int StartTick { get; init; }
    /// <summary>Tick the cycle ended, or null if still under way when the run ended.</summary>
    public int? EndTick { get; init; }
    /// <summary>Tick of the cycle's peak of smoothed participation.</summary>
    public int PeakTick { get; init; }
    /// <summary>The cycle's peak of smoothed participation (share of activists, 0–1).</summary>
    public double PeakParticipation { get; init; }
    /// <summary>How the cycle ended (<see cref="Outcome.Ongoing"/> if it was under way when the run ended).</summary>
    public Outcome Outcome { get; init; }
    /// <summary>The highest stage reached.</summary>
    public Stage HighestStage { get; init; }
    /// <summary>Ticks spent in each stage 1–6 (index 0 unused).</summary>
    public IReadOnlyList<int> StageDurations { get; init; } = new int[7];
    /// <summary><see cref="Observables.RepressionEvents"/> summed over the cycle.</summary>
    public int RepressionEvents { get; init; }
    /// <summary><see cref="Observables.FacilitationEvents"/> summed over the cycle.</summary>
    public int FacilitationEvents { get; init; }
    /// <summary><see cref="Observables.Concessions"/> summed over the cycle.</summary>
    public int Concessions { get; init; }
    /// <summary><see cref="Observables.Cooptations"/> summed over the cycle.</summary>
    public int Cooptations { get; init; }
    /// <summary><see cref="Observables.ViolentActs"/> summed over the cycle.</summary>
    public int ViolentActs { get; init; }
    /// <summary>Violent acts in the demobilization phase (stages 4–6).</summary>
    public int ViolentActsLate { get; init; }
    /// <summary>Highest <see cref="Observables.OutsidePressure"/> in a tick of the cycle.</summary>
    public double MaxOutsidePressure { get; init; }
    /// <summary>The state's facilitative stance towards the movement, averaged over the cycle's ticks (the outcome weighs it).</summary>
    public double MeanFacilitationStance { get; init; }
    /// <summary>The state's repressive stance towards the movement, averaged over the cycle's ticks.</summary>
    public double MeanRepressionStance { get; init; }
}

/// <summary>An organization at the end of a run, with what it did over the run.</summary>
public sealed record OrganizationRecord
{
    /// <summary>Index of the organization (<see cref="Organizations.Organization.Id"/>).</summary>
    public int Id { get; init; }
    /// <summary>Id of the movement it belongs to.</summary>
    public string Movement { get; init; } = "";
    /// <summary>Its kind, from its group.</summary>
    public OrganizationKind Kind { get; init; }
    /// <summary>Volunteers (people).</summary>
    public int Volunteers { get; init; }
    /// <summary>Salaried staff (people).</summary>
    public int SalariedStaff { get; init; }
    /// <summary>Activists who are its members.</summary>
    public int Members { get; init; }
    /// <summary>Whether its framing reaches the whole movement (else only its members), from its group.</summary>
    public bool PublicInformation { get; init; }
    /// <summary>The means the organization uses (drawn once at the start from its group's shares).</summary>
    public Organizations.OrganizationMeans Means { get; init; }
    /// <summary>Ticks with counselling.</summary>
    public int Counselling { get; init; }
    /// <summary><see cref="Organizations.Organization.LanguageClasses"/> at the end of the run.</summary>
    public int LanguageClasses { get; init; }
    /// <summary><see cref="Organizations.Organization.Networking"/> at the end of the run.</summary>
    public int Networking { get; init; }
    /// <summary><see cref="Organizations.Organization.Framing"/> at the end of the run.</summary>
    public int Framing { get; init; }
    /// <summary><see cref="Organizations.Organization.Mobilization"/> at the end of the run.</summary>
    public int Mobilization { get; init; }
    /// <summary><see cref="Organizations.Organization.Lobbying"/> at the end of the run.</summary>
    public int Lobbying { get; init; }
    /// <summary>Share of activity ticks spent on service (counselling, language classes).</summary>
    public double ServiceEffort { get; init; }
    /// <summary>Share of activity ticks spent on advocacy (framing, mobilization, lobbying).</summary>
    public double AdvocacyEffort { get; init; }
    /// <summary><see cref="Organizations.Organization.ContactsLocal"/> at the end of the run.</summary>
    public int ContactsLocalAuthorities { get; init; }
    /// <summary><see cref="Organizations.Organization.ContactsNational"/> at the end of the run.</summary>
    public int ContactsNationalGovernment { get; init; }
    /// <summary><see cref="Organizations.Organization.ContactsDomestic"/> at the end of the run.</summary>
    public int ContactsDomestic { get; init; }
    /// <summary><see cref="Organizations.Organization.ContactsAbroad"/> at the end of the run.</summary>
    public int ContactsAbroad { get; init; }
    /// <summary><see cref="Organizations.Organization.ContactsInternational"/> at the end of the run.</summary>
    public int ContactsInternational { get; init; }
    /// <summary>Times the organization was blocked at national level.</summary>
    public int Blocked { get; init; }
    /// <summary>Alliances with NGOs or international organizations abroad it formed.</summary>
    public int AlliancesFormed { get; init; }
}

/// <summary>A scheduled event as it happened.</summary>
public sealed record AppliedEvent(int Tick, string Key, double Value, string Label);

/// <summary>The headline numbers of a run, for summaries and sweeps.</summary>
public sealed record Headline
{
    /// <summary>The <see cref="Metrics.Cycles"/> metric.</summary>
    public int Cycles { get; init; }
    /// <summary>The <see cref="Metrics.CompletedCycles"/> metric.</summary>
    public int CompletedCycles { get; init; }
    /// <summary>The <see cref="Metrics.Fizzles"/> metric.</summary>
    public int Fizzles { get; init; }
    /// <summary>Outcome of each cycle of the wave, in order.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];
    /// <summary>Outcome of the last ended cycle of the wave, or Ongoing.</summary>
    public Outcome LastOutcome { get; init; }
    /// <summary>The <see cref="Metrics.PeakParticipation"/> metric.</summary>
    public double PeakParticipation { get; init; }
    /// <summary>The <see cref="Metrics.PeakTick"/> metric.</summary>
    public int PeakTick { get; init; }
    /// <summary>The <see cref="Metrics.TimeToPeak"/> metric; -1 without a cycle.</summary>
    public int TimeToPeak { get; init; }
    /// <summary>Ticks spent in each stage 1–6 summed over cycles of the wave (index 0: latent).</summary>
    public IReadOnlyList<int> StageDurations { get; init; } = new int[7];
    /// <summary>The <see cref="Metrics.RepressionEvents"/> metric.</summary>
    public int RepressionEvents { get; init; }
    /// <summary>The <see cref="Metrics.FacilitationEvents"/> metric.</summary>
    public int FacilitationEvents { get; init; }
    /// <summary>The <see cref="Metrics.Concessions"/> metric.</summary>
    public int Concessions { get; init; }
    /// <summary>The <see cref="Metrics.Cooptations"/> metric.</summary>
    public int Cooptations { get; init; }
    /// <summary>The <see cref="Metrics.ViolentActs"/> metric.</summary>
    public int ViolentActs { get; init; }
    /// <summary>The <see cref="Metrics.LateViolenceShare"/> metric.</summary>
    public double LateViolenceShare { get; init; }
    /// <summary>The <see cref="Metrics.MeanOutsidePressure"/> metric.</summary>
    public double MeanOutsidePressure { get; init; }
    /// <summary>The <see cref="Metrics.MaxOutsidePressure"/> metric.</summary>
    public double MaxOutsidePressure { get; init; }
    /// <summary>The <see cref="Metrics.AlliancesFormed"/> metric.</summary>
    public int AlliancesFormed { get; init; }
    /// <summary>The <see cref="Metrics.MeanParticipation"/> metric.</summary>
    public double MeanParticipation { get; init; }
}

/// <summary>Everything a run produced.</summary>
public sealed record RunResult
{
    /// <summary>The scenario as run, after overrides (events are applied during the run, not here).</summary>
    public required Scenario Scenario { get; init; }
    /// <summary>The master seed the run used (<see cref="Scenario.Seed"/>).</summary>
    public required ulong Seed { get; init; }
    /// <summary>Ticks actually run: <see cref="Scenario.Ticks"/>, or fewer when cancelled.</summary>
    public int TicksRun { get; init; }
    /// <summary>Movement ids in scenario order.</summary>
    public IReadOnlyList<string> Movements { get; init; } = [];
    /// <summary>Per-tick observations: the wave first, then each movement (when there are several), tick by tick.</summary>
    public IReadOnlyList<TickObservation> Series { get; init; } = [];
    /// <summary>Every stage entered: the wave's first, then each movement's (when there are several).</summary>
    public IReadOnlyList<StageEntry> StageEntries { get; init; } = [];
    /// <summary>Every cycle: the wave's first, then each movement's (when there are several).</summary>
    public IReadOnlyList<CycleRecord> Cycles { get; init; } = [];
    /// <summary>Every organization at the end of the run, by id.</summary>
    public IReadOnlyList<OrganizationRecord> Organizations { get; init; } = [];
    /// <summary>The scheduled events as they were applied, in order.</summary>
    public IReadOnlyList<AppliedEvent> Events { get; init; } = [];
    /// <summary>The run's headline numbers.</summary>
    public required Headline Headline { get; init; }
}
