using ContentionSim.Core.Organizations;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Csv;

/// <summary>The tables of a run besides the timeseries' writer, each column declared once with its writer and reader; and every reader.</summary>
public static partial class RunCsv
{
    /// <summary>
    /// A column of a table: its name, how a record's field is written, and how it is read back into
    /// a record (null for columns derived from others, e.g. <c>stage_name</c>).
    /// </summary>
    private sealed record Column<T>(string Name, Action<CsvWriter, T> Write, Func<T, CsvTable, string[], T>? Read = null);

    private static Column<T> C<T>(string name, Action<CsvWriter, T> write, Func<T, CsvTable, string[], T>? read = null) => new(name, write, read);

    private static Column<T> Int<T>(string name, Func<T, int> get, Func<T, int, T> set) =>
        new(name, (w, x) => w.Field(get(x)), (x, t, row) => set(x, t.IntOf(row, name)));

    private static Column<T> Num<T>(string name, Func<T, double> get, Func<T, double, T> set) =>
        new(name, (w, x) => w.Field(get(x)), (x, t, row) => set(x, t.NumberOf(row, name)));

    private static Column<T> Text<T>(string name, Func<T, string> get, Func<T, string, T> set) =>
        new(name, (w, x) => w.Field(get(x)), (x, t, row) => set(x, t.Get(row, name)));

    /// <summary>A column of a part of a row (the stage entry of a stages.csv row, …).</summary>
    private static Column<TRow> Lift<TRow, T>(Column<T> column, Func<TRow, T> get, Func<TRow, T, TRow> set) =>
        new(column.Name, (w, r) => column.Write(w, get(r)),
            column.Read is null ? null : (r, t, row) => set(r, column.Read(get(r), t, row)));

    /// <summary>The records of <paramref name="table"/>: each row read column by column into <paramref name="empty"/>.</summary>
    private static T[] ReadTable<T>(CsvTable table, Column<T>[] columns, T empty) =>
        table.Rows.Select(row => columns.Aggregate(empty, (x, c) => c.Read is null || !table.Has(c.Name) ? x : c.Read(x, table, row))).ToArray();

    private static string MovementOrWave(string movement) => movement.Length == 0 ? TickObservation.WaveId : movement;

    // ---- timeseries.csv (reading) ---------------------------------------------------------------

    /// <summary>The rows of a <c>timeseries.csv</c> (every movement's), in file order.</summary>
    public static IReadOnlyList<TickObservation> ReadTimeseries(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Rows.Select(r => ReadTimeseriesRow(table, r)).ToArray();
    }

    /// <summary>
    /// Reads the rows of a timeseries table (a <c>timeseries.csv</c>, or a sweep's compact series) back
    /// into observations: the key columns, then every observable of the catalog the table has (a missing
    /// column reads as 0).
    /// </summary>
    internal static TickObservation ReadTimeseriesRow(CsvTable table, string[] row)
    {
        var values = new TickValues();
        foreach (var observable in Observables.All)
            if (table.Has(observable.Name)) values = observable.With(values, table.NumberOf(row, observable.Name));
        string movement = table.Has(TimeseriesKey.Movement) ? table.Get(row, TimeseriesKey.Movement) : "";
        return new TickObservation
        {
            Tick = table.IntOf(row, TimeseriesKey.Tick),
            Movement = movement.Length == 0 ? TickObservation.WaveId : movement,
            Stage = StageOf(table, row, TimeseriesKey.Stage, TimeseriesKey.StageName),
            Cycle = table.IntOf(row, TimeseriesKey.Cycle),
            Values = values,
        };
    }

    // ---- stages.csv -----------------------------------------------------------------------------

    /// <summary>A row of stages.csv: the entry, the cycle it belongs to (when known) and the trigger in words.</summary>
    private sealed record StageRow(StageEntry Entry, CycleRecord? Cycle, string Trigger);

    private static Column<StageRow> E(Column<StageEntry> column) => Lift(column, (StageRow r) => r.Entry, (r, e) => r with { Entry = e });

    private static readonly Column<StageRow>[] Stages =
    [
        E(Text<StageEntry>(TimeseriesKey.Movement, e => e.Movement, (e, v) => e with { Movement = MovementOrWave(v) })),
        E(Int<StageEntry>(TimeseriesKey.Cycle, e => e.Cycle, (e, v) => e with { Cycle = v })),
        E(C<StageEntry>(TimeseriesKey.Stage, (w, e) => w.Field((int)e.Stage),
            (e, t, row) => e with { Stage = StageOf(t, row, TimeseriesKey.Stage, TimeseriesKey.StageName) })),
        E(C<StageEntry>(TimeseriesKey.StageName, (w, e) => w.Field(StageText.Key(e.Stage)))),
        E(Int<StageEntry>(TimeseriesKey.Tick, e => e.Tick, (e, v) => e with { Tick = v })),
        Text<StageRow>("trigger", r => r.Trigger, (r, v) => r with { Trigger = v }),
        E(Num<StageEntry>(Observables.Participation.Name, e => e.Participation, (e, v) => e with { Participation = v })),
        E(Num<StageEntry>(Metrics.PeakParticipation.Name, e => e.PeakParticipation, (e, v) => e with { PeakParticipation = v })),
        E(Num<StageEntry>(Observables.FrameAdoption.Name, e => e.FrameAdoption, (e, v) => e with { FrameAdoption = v })),
        E(Num<StageEntry>(Observables.RadicalShare.Name, e => e.RadicalShare, (e, v) => e with { RadicalShare = v })),
        E(Num<StageEntry>("radical_share_at_peak", e => e.RadicalShareAtPeak, (e, v) => e with { RadicalShareAtPeak = v })),
        E(Num<StageEntry>("interaction_rate", e => e.InteractionRate, (e, v) => e with { InteractionRate = v })),
        E(Int<StageEntry>(Observables.SectorsEngaged.Name, e => e.SectorsEngaged, (e, v) => e with { SectorsEngaged = v })),
        E(Int<StageEntry>(Observables.ViolentActs.Name, e => e.ViolentActs, (e, v) => e with { ViolentActs = v })),
        E(Int<StageEntry>(Observables.Cooptations.Name, e => e.Cooptations, (e, v) => e with { Cooptations = v })),
        E(Int<StageEntry>(Observables.RepressionEvents.Name, e => e.RepressionEvents, (e, v) => e with { RepressionEvents = v })),
        E(Int<StageEntry>(Observables.FacilitationEvents.Name, e => e.FacilitationEvents, (e, v) => e with { FacilitationEvents = v })),
        C<StageRow>("cycle_outcome", (w, r) => w.Field(StageText.Key(r.Cycle?.Outcome ?? Outcome.Ongoing))),
        C<StageRow>("cycle_end_tick", (w, r) => w.Field(r.Cycle?.EndTick)),
    ];

    /// <summary>Header of <c>stages.csv</c>.</summary>
    public static IReadOnlyList<string> StagesColumns { get; } = Names(Stages);

    /// <summary>
    /// <c>stages.csv</c>: a row per stage entry, in the order of <see cref="RunResult.StageEntries"/>.
    /// Each row also carries the outcome of the cycle it belongs to (<c>cycle_outcome</c>, an outcome
    /// key; <c>ongoing</c> if the cycle had not ended) and the tick that cycle ended
    /// (<c>cycle_end_tick</c>, empty if it had not), so the table alone tells how each cycle ended.
    /// </summary>
    public static void WriteStages(RunResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        WriteStages(result.StageEntries.Select(e => (e, StageCriteria.Trigger(e, result.Scenario.Classifier))), result.Cycles, output);
    }

    /// <summary><c>stages.csv</c> from entries with their triggers already in words (as <see cref="ReadStages"/> gives them back).</summary>
    internal static void WriteStages(IEnumerable<(StageEntry Entry, string Trigger)> entries, IEnumerable<CycleRecord> cycleRecords, TextWriter output)
    {
        var cycles = new Dictionary<(string, int), CycleRecord>();
        foreach (var c in cycleRecords) cycles.TryAdd((c.Movement, c.Cycle), c);
        WriteTable(output, entries.Select(x => new StageRow(x.Entry, cycles.GetValueOrDefault((x.Entry.Movement, x.Entry.Cycle)), x.Trigger)), Stages);
    }

    /// <summary>
    /// The rows of a <c>stages.csv</c>: each stage entry with its trigger as the file words it. What
    /// the file does not keep (the numbers behind the trigger) reads as 0.
    /// </summary>
    public static IReadOnlyList<(StageEntry Entry, string Trigger)> ReadStages(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadTable(table, Stages, new StageRow(new StageEntry(), null, "")).Select(r => (r.Entry, r.Trigger)).ToArray();
    }

    // ---- cycles.csv -----------------------------------------------------------------------------

    /// <summary>A row of cycles.csv: the cycle and why it got its outcome, in words.</summary>
    private sealed record CycleRow(CycleRecord Cycle, string Reason);

    private static Column<CycleRow> Y(Column<CycleRecord> column) => Lift(column, (CycleRow r) => r.Cycle, (r, c) => r with { Cycle = c });

    private static readonly Column<CycleRow>[] Cycles =
    [
        Y(Text<CycleRecord>(TimeseriesKey.Movement, c => c.Movement, (c, v) => c with { Movement = MovementOrWave(v) })),
        Y(Int<CycleRecord>(TimeseriesKey.Cycle, c => c.Cycle, (c, v) => c with { Cycle = v })),
        Y(Text<CycleRecord>("outcome", c => StageText.Key(c.Outcome), (c, v) => c with { Outcome = OutcomeOf(v) })),
        Text<CycleRow>("outcome_reason", r => r.Reason, (r, v) => r with { Reason = v }),
        Y(Int<CycleRecord>("start_tick", c => c.StartTick, (c, v) => c with { StartTick = v })),
        Y(Int<CycleRecord>(Metrics.PeakTick.Name, c => c.PeakTick, (c, v) => c with { PeakTick = v })),
        Y(C<CycleRecord>("end_tick", (w, c) => w.Field(c.EndTick), (c, t, row) => c with { EndTick = t.IntOrNull(row, "end_tick") })),
        Y(Num<CycleRecord>(Metrics.PeakParticipation.Name, c => c.PeakParticipation, (c, v) => c with { PeakParticipation = v })),
        Y(C<CycleRecord>("highest_stage", (w, c) => w.Field((int)c.HighestStage),
            (c, t, row) => c with { HighestStage = StageOf(t, row, "highest_stage", "highest_stage_name") })),
        Y(C<CycleRecord>("highest_stage_name", (w, c) => w.Field(StageText.Key(c.HighestStage)))),
        .. StageText.Cycle.Select(s => Y(Int<CycleRecord>(Metrics.StageTicksName(s), c => StageDuration(c.StageDurations, s),
            (c, v) => c with { StageDurations = WithDuration(c.StageDurations, s, v) }))),
        Y(Int<CycleRecord>(Observables.RepressionEvents.Name, c => c.RepressionEvents, (c, v) => c with { RepressionEvents = v })),
        Y(Int<CycleRecord>(Observables.FacilitationEvents.Name, c => c.FacilitationEvents, (c, v) => c with { FacilitationEvents = v })),
        Y(Int<CycleRecord>(Observables.Concessions.Name, c => c.Concessions, (c, v) => c with { Concessions = v })),
        Y(Int<CycleRecord>(Observables.Cooptations.Name, c => c.Cooptations, (c, v) => c with { Cooptations = v })),
        Y(Int<CycleRecord>(Observables.ViolentActs.Name, c => c.ViolentActs, (c, v) => c with { ViolentActs = v })),
        Y(Int<CycleRecord>("violent_acts_late", c => c.ViolentActsLate, (c, v) => c with { ViolentActsLate = v })),
        Y(Int<CycleRecord>("violent_acts_after_peak", c => c.ViolentActsAfterPeak, (c, v) => c with { ViolentActsAfterPeak = v })),
        Y(Int<CycleRecord>("stage5_by_violence", c => c.Stage5ByViolence, (c, v) => c with { Stage5ByViolence = v })),
        Y(Int<CycleRecord>("stage5_by_institutionalization", c => c.Stage5ByInstitutionalization, (c, v) => c with { Stage5ByInstitutionalization = v })),
        Y(Num<CycleRecord>(Metrics.MaxOutsidePressure.Name, c => c.MaxOutsidePressure, (c, v) => c with { MaxOutsidePressure = v })),
    ];

    /// <summary>Header of <c>cycles.csv</c>.</summary>
    public static IReadOnlyList<string> CyclesColumns { get; } = Names(Cycles);

    /// <summary><c>cycles.csv</c>: a row per cycle (of the wave and of each movement), in the order of <see cref="RunResult.Cycles"/>.</summary>
    public static void WriteCycles(RunResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        WriteCycles(result.Cycles.Select(c => (c, StageCriteria.OutcomeReason(c))), output);
    }

    /// <summary><c>cycles.csv</c> from cycles with their reasons already in words (as <see cref="ReadCycles"/> gives them back).</summary>
    internal static void WriteCycles(IEnumerable<(CycleRecord Cycle, string Reason)> cycles, TextWriter output) =>
        WriteTable(output, cycles.Select(x => new CycleRow(x.Cycle, x.Reason)), Cycles);

    /// <summary>The rows of a <c>cycles.csv</c>: each cycle with its outcome's reason as the file words it (the mean stances behind it read as 0).</summary>
    public static IReadOnlyList<(CycleRecord Cycle, string Reason)> ReadCycles(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadTable(table, Cycles, new CycleRow(new CycleRecord(), "")).Select(r => (r.Cycle, r.Reason)).ToArray();
    }

    private static int[] WithDuration(IReadOnlyList<int> durations, Stage stage, int ticks)
    {
        var copy = new int[Math.Max(7, durations.Count)];
        for (int i = 0; i < durations.Count; i++) copy[i] = durations[i];
        copy[(int)stage] = ticks;
        return copy;
    }

    // ---- organizations.csv ----------------------------------------------------------------------

    private static readonly Column<OrganizationRecord>[] Organizations =
    [
        Int<OrganizationRecord>("id", o => o.Id, (o, v) => o with { Id = v }),
        Text<OrganizationRecord>(TimeseriesKey.Movement, o => o.Movement, (o, v) => o with { Movement = v }),
        Text<OrganizationRecord>("kind", o => KindKey(o.Kind), (o, v) => o with { Kind = KindOf(v) }),
        Int<OrganizationRecord>("volunteers", o => o.Volunteers, (o, v) => o with { Volunteers = v }),
        Int<OrganizationRecord>("salaried_staff", o => o.SalariedStaff, (o, v) => o with { SalariedStaff = v }),
        Int<OrganizationRecord>("members", o => o.Members, (o, v) => o with { Members = v }),
        C<OrganizationRecord>("public_information", (w, o) => w.Field(o.PublicInformation),
            (o, t, row) => o with { PublicInformation = t.Get(row, "public_information") == "true" }),
        Text<OrganizationRecord>("means", o => MeansText(o.Means), (o, v) => o with { Means = MeansOf(v) }),
        Int<OrganizationRecord>("counselling", o => o.Counselling, (o, v) => o with { Counselling = v }),
        Int<OrganizationRecord>("language_classes", o => o.LanguageClasses, (o, v) => o with { LanguageClasses = v }),
        Int<OrganizationRecord>("networking", o => o.Networking, (o, v) => o with { Networking = v }),
        Int<OrganizationRecord>("framing", o => o.Framing, (o, v) => o with { Framing = v }),
        Int<OrganizationRecord>("mobilization", o => o.Mobilization, (o, v) => o with { Mobilization = v }),
        Int<OrganizationRecord>("lobbying", o => o.Lobbying, (o, v) => o with { Lobbying = v }),
        Num<OrganizationRecord>("service_effort", o => o.ServiceEffort, (o, v) => o with { ServiceEffort = v }),
        Num<OrganizationRecord>("advocacy_effort", o => o.AdvocacyEffort, (o, v) => o with { AdvocacyEffort = v }),
        Int<OrganizationRecord>("contacts_local_authorities", o => o.ContactsLocalAuthorities, (o, v) => o with { ContactsLocalAuthorities = v }),
        Int<OrganizationRecord>("contacts_national_government", o => o.ContactsNationalGovernment, (o, v) => o with { ContactsNationalGovernment = v }),
        Int<OrganizationRecord>("contacts_domestic", o => o.ContactsDomestic, (o, v) => o with { ContactsDomestic = v }),
        Int<OrganizationRecord>("contacts_abroad", o => o.ContactsAbroad, (o, v) => o with { ContactsAbroad = v }),
        Int<OrganizationRecord>("contacts_international", o => o.ContactsInternational, (o, v) => o with { ContactsInternational = v }),
        Int<OrganizationRecord>("blocked", o => o.Blocked, (o, v) => o with { Blocked = v }),
        Int<OrganizationRecord>(Metrics.AlliancesFormed.Name, o => o.AlliancesFormed, (o, v) => o with { AlliancesFormed = v }),
    ];

    /// <summary>Header of <c>organizations.csv</c>.</summary>
    public static IReadOnlyList<string> OrganizationsColumns { get; } = Names(Organizations);

    /// <summary><c>organizations.csv</c>: a row per organization; <c>kind</c> as in scenario files (<c>christian_ngo</c>, …).</summary>
    public static void WriteOrganizations(RunResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        WriteTable(output, result.Organizations, Organizations);
    }

    /// <summary>The rows of an <c>organizations.csv</c>.</summary>
    public static IReadOnlyList<OrganizationRecord> ReadOrganizations(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadTable(table, Organizations, new OrganizationRecord());
    }

    // ---- events.csv -----------------------------------------------------------------------------

    private static readonly Column<AppliedEvent>[] Events =
    [
        Int<AppliedEvent>(TimeseriesKey.Tick, e => e.Tick, (e, v) => e with { Tick = v }),
        Text<AppliedEvent>("key", e => e.Key, (e, v) => e with { Key = v }),
        Num<AppliedEvent>("value", e => e.Value, (e, v) => e with { Value = v }),
        Text<AppliedEvent>("label", e => e.Label, (e, v) => e with { Label = v }),
    ];

    /// <summary>Header of <c>events.csv</c>.</summary>
    public static IReadOnlyList<string> EventsColumns { get; } = Names(Events);

    /// <summary><c>events.csv</c>: a row per scheduled event as applied.</summary>
    public static void WriteEvents(RunResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        WriteTable(output, result.Events, Events);
    }

    /// <summary>The rows of an <c>events.csv</c>.</summary>
    public static IReadOnlyList<AppliedEvent> ReadEvents(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadTable(table, Events, new AppliedEvent(0, "", 0, ""));
    }

    // ---- helpers --------------------------------------------------------------------------------

    /// <summary>An organization kind as in scenario files, e.g. <c>christian_ngo</c>.</summary>
    public static string KindKey(OrganizationKind kind) => ParameterPath.ToSnakeCase(kind.ToString());

    /// <summary>The means an organization uses, snake_case and joined by '+' (<c>counselling+networking</c>), or <c>none</c>.</summary>
    public static string MeansText(OrganizationMeans means) => means == OrganizationMeans.None
        ? "none"
        : string.Join('+', Enum.GetValues<OrganizationMeans>()
            .Where(m => m != OrganizationMeans.None && means.HasFlag(m))
            .Select(m => ParameterPath.ToSnakeCase(m.ToString())));

    /// <summary>The organization kind with key <paramref name="key"/> (as <see cref="KindKey"/> writes it); the first kind if unknown.</summary>
    public static OrganizationKind KindOf(string key) =>
        Enum.GetValues<OrganizationKind>().FirstOrDefault(k => KindKey(k) == key);

    /// <summary>The means written as <see cref="MeansText"/> writes them (unknown parts are left out).</summary>
    public static OrganizationMeans MeansOf(string text) => text.Split('+')
        .Select(part => Enum.GetValues<OrganizationMeans>().FirstOrDefault(m => m != OrganizationMeans.None && ParameterPath.ToSnakeCase(m.ToString()) == part))
        .Aggregate(OrganizationMeans.None, (all, m) => all | m);

    /// <summary>Ticks in <paramref name="stage"/> from a durations list indexed by stage number (0 if missing).</summary>
    internal static int StageDuration(IReadOnlyList<int> durations, Stage stage)
    {
        int i = (int)stage;
        return i >= 0 && i < durations.Count ? durations[i] : 0;
    }

    private static readonly Dictionary<string, Stage> StageKeys =
        Enum.GetValues<Stage>().ToDictionary(StageText.Key, s => s, StringComparer.Ordinal);

    private static readonly Dictionary<string, Outcome> OutcomeKeys =
        Enum.GetValues<Outcome>().ToDictionary(StageText.Key, o => o, StringComparer.Ordinal);

    /// <summary>The stage of a row: its number column if valid, else its key column, else latent.</summary>
    internal static Stage StageOf(CsvTable table, string[] row, string numberColumn, string keyColumn)
    {
        if (table.IntOrNull(row, numberColumn) is int n && Enum.IsDefined((Stage)n)) return (Stage)n;
        return table.Has(keyColumn) ? StageKeys.GetValueOrDefault(table.Get(row, keyColumn), Stage.Latent) : Stage.Latent;
    }

    /// <summary>The outcome with key <paramref name="key"/> (e.g. <c>revolutionary_turnover</c>); ongoing if unknown.</summary>
    public static Outcome OutcomeOf(string key) => OutcomeKeys.GetValueOrDefault(key, Outcome.Ongoing);

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> Names<T>(Column<T>[] columns) => Array.AsReadOnly(columns.Select(c => c.Name).ToArray());

    private static void WriteTable<T>(TextWriter output, IEnumerable<T> rows, Column<T>[] columns)
    {
        var csv = new CsvWriter(output);
        csv.Header(Names(columns));
        foreach (var row in rows)
        {
            foreach (var column in columns) column.Write(csv, row);
            csv.EndRow();
        }
    }
}
