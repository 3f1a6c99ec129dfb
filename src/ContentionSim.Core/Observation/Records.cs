using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Observation;

/// <summary>Status of one activist.</summary>
public enum ActivistStatus : byte
{
    Inactive = 0,
    Active = 1,
    Exhausted = 2,
    Repressed = 3,
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
    public int Activists { get; init; }
    public int Inactive { get; init; }
    public int Active { get; init; }
    public int Exhausted { get; init; }
    public int Repressed { get; init; }
    public int Coopted { get; init; }
    public double Participation { get; init; }
    public double RadicalShare { get; init; }
    public double FrameAdoption { get; init; }
    public int SectorsEngaged { get; init; }
    public int Interactions { get; init; }
    public int ViolentActs { get; init; }
    public int Cooptations { get; init; }
    public int RepressionEvents { get; init; }
    public int FacilitationEvents { get; init; }
    public int Concessions { get; init; }
    public double OutsidePressure { get; init; }
    public double EffectiveOpenness { get; init; }
    public double RepressionLevel { get; init; }
    public double FacilitationLevel { get; init; }
    public double Sympathy { get; init; }
    public double MeanGrievance { get; init; }
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

    public int Tick { get; init; }
    public string Movement { get; init; } = WaveId;
    public Stage Stage { get; init; }
    /// <summary>Number of the current cycle (1-based), 0 before the first.</summary>
    public int Cycle { get; init; }
    /// <summary>The observables of the tick.</summary>
    public TickValues Values { get; init; }

    public int Activists { get => Values.Activists; init => Values = Values with { Activists = value }; }
    public int Inactive { get => Values.Inactive; init => Values = Values with { Inactive = value }; }
    public int Active { get => Values.Active; init => Values = Values with { Active = value }; }
    public int Exhausted { get => Values.Exhausted; init => Values = Values with { Exhausted = value }; }
    public int Repressed { get => Values.Repressed; init => Values = Values with { Repressed = value }; }
    public int Coopted { get => Values.Coopted; init => Values = Values with { Coopted = value }; }
    public double Participation { get => Values.Participation; init => Values = Values with { Participation = value }; }
    public double RadicalShare { get => Values.RadicalShare; init => Values = Values with { RadicalShare = value }; }
    public double FrameAdoption { get => Values.FrameAdoption; init => Values = Values with { FrameAdoption = value }; }
    public int SectorsEngaged { get => Values.SectorsEngaged; init => Values = Values with { SectorsEngaged = value }; }
    public int Interactions { get => Values.Interactions; init => Values = Values with { Interactions = value }; }
    public int ViolentActs { get => Values.ViolentActs; init => Values = Values with { ViolentActs = value }; }
    public int Cooptations { get => Values.Cooptations; init => Values = Values with { Cooptations = value }; }
    public int RepressionEvents { get => Values.RepressionEvents; init => Values = Values with { RepressionEvents = value }; }
    public int FacilitationEvents { get => Values.FacilitationEvents; init => Values = Values with { FacilitationEvents = value }; }
    public int Concessions { get => Values.Concessions; init => Values = Values with { Concessions = value }; }
    public double OutsidePressure { get => Values.OutsidePressure; init => Values = Values with { OutsidePressure = value }; }
    public double EffectiveOpenness { get => Values.EffectiveOpenness; init => Values = Values with { EffectiveOpenness = value }; }
    public double RepressionLevel { get => Values.RepressionLevel; init => Values = Values with { RepressionLevel = value }; }
    public double FacilitationLevel { get => Values.FacilitationLevel; init => Values = Values with { FacilitationLevel = value }; }
    public double Sympathy { get => Values.Sympathy; init => Values = Values with { Sympathy = value }; }
    public double MeanGrievance { get => Values.MeanGrievance; init => Values = Values with { MeanGrievance = value }; }
    public int Alliances { get => Values.Alliances; init => Values = Values with { Alliances = value }; }
}

/// <summary>One entry into a stage, with the observable values that triggered it.</summary>
public sealed record StageEntry
{
    public string Movement { get; init; } = TickObservation.WaveId;
    public int Cycle { get; init; }
    public Stage Stage { get; init; }
    public int Tick { get; init; }
    /// <summary>Smoothed participation when the stage was entered.</summary>
    public double Participation { get; init; }
    /// <summary>The cycle's peak (smoothed) participation so far.</summary>
    public double PeakParticipation { get; init; }
    public double FrameAdoption { get; init; }
    public double RadicalShare { get; init; }
    /// <summary>Radical share of the active at the cycle's peak, to show polarization.</summary>
    public double RadicalShareAtPeak { get; init; }
    public double InteractionRate { get; init; }
    public int SectorsEngaged { get; init; }
    public int ViolentActs { get; init; }
    public int Cooptations { get; init; }
    public int RepressionEvents { get; init; }
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
    /// <summary>The route that met the criterion when a stage has several (stage 4: "exhaustion", "polarization"; stage 5: "violence", "institutionalization"), both joined by '+' when both held; empty otherwise.</summary>
    public string Route { get; init; } = "";
    /// <summary>The classifier's measures when the stage was entered (not recorded for stage 1, nor read back from a file).</summary>
    public StageMeasureValues Measures { get; init; }

    /// <summary>The value of <paramref name="measure"/> when the stage was entered (NaN if not recorded).</summary>
    public double Measure(StageMeasure measure) => Measures.Recorded ? Measures[measure] : double.NaN;
}

/// <summary>One cycle of contention of a movement (or of the wave) from onset to outcome.</summary>
public sealed record CycleRecord
{
    public string Movement { get; init; } = TickObservation.WaveId;
    public int Cycle { get; init; }
    public int StartTick { get; init; }
    /// <summary>Tick the cycle ended, or null if still under way when the run ended.</summary>
    public int? EndTick { get; init; }
    public int PeakTick { get; init; }
    public double PeakParticipation { get; init; }
    public Outcome Outcome { get; init; }
    /// <summary>The highest stage reached.</summary>
    public Stage HighestStage { get; init; }
    /// <summary>Ticks spent in each stage 1–6 (index 0 unused).</summary>
    public IReadOnlyList<int> StageDurations { get; init; } = new int[7];
    public int RepressionEvents { get; init; }
    public int FacilitationEvents { get; init; }
    public int Concessions { get; init; }
    public int Cooptations { get; init; }
    public int ViolentActs { get; init; }
    /// <summary>Violent acts of the cycle in the demobilization phase (stages 4–6).</summary>
    public int ViolentActsLate { get; init; }
    /// <summary>Violent acts of the cycle after its peak tick, up to its end (within the cycle's own start and end).</summary>
    public int ViolentActsAfterPeak { get; init; }
    /// <summary>1 when stage 5 was entered by the violence route (della Porta &amp; Tarrow 1986), else 0.</summary>
    public int Stage5ByViolence { get; init; }
    /// <summary>1 when stage 5 was entered by the institutionalization route (co-optation of moderates), else 0 (both may be 1).</summary>
    public int Stage5ByInstitutionalization { get; init; }
    public double MaxOutsidePressure { get; init; }
    /// <summary>The state's facilitative stance towards the movement, averaged over the cycle's ticks (the outcome weighs it).</summary>
    public double MeanFacilitationStance { get; init; }
    /// <summary>The state's repressive stance towards the movement, averaged over the cycle's ticks.</summary>
    public double MeanRepressionStance { get; init; }
}

/// <summary>An organization at the end of a run, with what it did over the run.</summary>
public sealed record OrganizationRecord
{
    public int Id { get; init; }
    public string Movement { get; init; } = "";
    public OrganizationKind Kind { get; init; }
    public int Volunteers { get; init; }
    public int SalariedStaff { get; init; }
    public int Members { get; init; }
    public bool PublicInformation { get; init; }
    /// <summary>The means the organization uses (drawn once at the start from its group's shares).</summary>
    public Organizations.OrganizationMeans Means { get; init; }
    /// <summary>Ticks with counselling.</summary>
    public int Counselling { get; init; }
    public int LanguageClasses { get; init; }
    public int Networking { get; init; }
    public int Framing { get; init; }
    public int Mobilization { get; init; }
    public int Lobbying { get; init; }
    /// <summary>Share of activity ticks spent on service (counselling, language classes).</summary>
    public double ServiceEffort { get; init; }
    /// <summary>Share of activity ticks spent on advocacy (framing, mobilization, lobbying).</summary>
    public double AdvocacyEffort { get; init; }
    public int ContactsLocalAuthorities { get; init; }
    public int ContactsNationalGovernment { get; init; }
    public int ContactsDomestic { get; init; }
    public int ContactsAbroad { get; init; }
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
    public int Cycles { get; init; }
    public int CompletedCycles { get; init; }
    public int Fizzles { get; init; }
    /// <summary>Outcome of each cycle of the wave, in order.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];
    /// <summary>Outcome of the last ended cycle of the wave, or Ongoing.</summary>
    public Outcome LastOutcome { get; init; }
    public double PeakParticipation { get; init; }
    public int PeakTick { get; init; }
    /// <summary>Ticks from the onset of the first cycle to its peak, or -1.</summary>
    public int TimeToPeak { get; init; }
    /// <summary>Ticks spent in each stage 1–6 summed over cycles of the wave (index 0: latent).</summary>
    public IReadOnlyList<int> StageDurations { get; init; } = new int[7];
    public int RepressionEvents { get; init; }
    public int FacilitationEvents { get; init; }
    public int Concessions { get; init; }
    public int Cooptations { get; init; }
    public int ViolentActs { get; init; }
    /// <summary>Of the violent acts within the wave's cycles of contention (fizzles excluded), the share in demobilization stages (4–6); 0 without any.</summary>
    public double LateViolenceShare { get; init; }
    /// <summary>Of the violent acts within the wave's cycles of contention (fizzles excluded), the share after each cycle's peak; 0 without any.</summary>
    public double ViolenceAfterPeakShare { get; init; }
    public double MeanOutsidePressure { get; init; }
    public double MaxOutsidePressure { get; init; }
    public int AlliancesFormed { get; init; }
    public double MeanParticipation { get; init; }
}

/// <summary>Everything a run produced.</summary>
public sealed record RunResult
{
    /// <summary>The scenario as run, after overrides (events are applied during the run, not here).</summary>
    public required Scenario Scenario { get; init; }
    public required ulong Seed { get; init; }
    public int TicksRun { get; init; }
    /// <summary>Movement ids in scenario order.</summary>
    public IReadOnlyList<string> Movements { get; init; } = [];
    /// <summary>Per-tick observations: the wave first, then each movement (when there are several), tick by tick.</summary>
    public IReadOnlyList<TickObservation> Series { get; init; } = [];
    public IReadOnlyList<StageEntry> StageEntries { get; init; } = [];
    public IReadOnlyList<CycleRecord> Cycles { get; init; } = [];
    public IReadOnlyList<OrganizationRecord> Organizations { get; init; } = [];
    public IReadOnlyList<AppliedEvent> Events { get; init; } = [];
    public required Headline Headline { get; init; }
}
