using ContentionSim.Core.Organizations;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Csv;

/// <summary>
/// The CSV tables of a run. Column names are snake_case; see the <c>*Columns</c> lists for each
/// table's header. Each method writes a header row and one row per record, in the result's order.
/// </summary>
public static class RunCsv
{
    /// <summary>Names of the key columns of <c>timeseries.csv</c> (and of a sweep's compact series).</summary>
    public static class TimeseriesKey
    {
        public const string Tick = "tick";
        public const string Movement = "movement";
        public const string Stage = "stage";
        public const string StageName = "stage_name";
        public const string Cycle = "cycle";
    }

    private sealed record Column<T>(string Name, Action<CsvWriter, T> Write);

    private static Column<T> C<T>(string name, Action<CsvWriter, T> write) => new(name, write);

    // ---- timeseries.csv -------------------------------------------------------------------------

    /// <summary>The key columns of a timeseries row (which movement, tick and place in the cycle), before the observables.</summary>
    private static readonly Column<TickObservation>[] TimeseriesKeys =
    [
        C<TickObservation>(TimeseriesKey.Tick, (w, o) => w.Field(o.Tick)),
        C<TickObservation>(TimeseriesKey.Movement, (w, o) => w.Field(o.Movement)),
        C<TickObservation>(TimeseriesKey.Stage, (w, o) => w.Field((int)o.Stage)),
        C<TickObservation>(TimeseriesKey.StageName, (w, o) => w.Field(StageText.Key(o.Stage))),
        C<TickObservation>(TimeseriesKey.Cycle, (w, o) => w.Field(o.Cycle)),
    ];

    /// <summary>The columns of <c>timeseries.csv</c>: the keys, then every observable of the catalog (<see cref="Observables.All"/>).</summary>
    private static readonly Column<TickObservation>[] Timeseries =
        [.. TimeseriesKeys, .. Observables.All.Select(ObservableColumn)];

    private static Column<TickObservation> ObservableColumn(Observable observable) =>
        C<TickObservation>(observable.Name, (w, o) => WriteValue(w, observable, observable.Of(o.Values)));

    /// <summary>Writes one observable's value: a count as a whole number, anything else as <see cref="CsvWriter.FormatNumber"/>.</summary>
    internal static void WriteValue(CsvWriter w, Observable observable, double value)
    {
        if (observable.Whole) w.Field((long)value); else w.Field(value);
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
            if (table.Has(observable.Name)) values = observable.With(values, table.Double(row, observable.Name));
        string movement = table.Has(TimeseriesKey.Movement) ? table.Get(row, TimeseriesKey.Movement) : "";
        return new TickObservation
        {
            Tick = table.Int(row, TimeseriesKey.Tick),
            Movement = movement.Length == 0 ? TickObservation.WaveId : movement,
            Stage = StageOf(table, row, TimeseriesKey.Stage, TimeseriesKey.StageName),
            Cycle = table.Int(row, TimeseriesKey.Cycle),
            Values = values,
        };
    }

    /// <summary>Header of <c>timeseries.csv</c>.</summary>
    public static IReadOnlyList<string> TimeseriesColumns { get; } = Names(Timeseries);

    /// <summary><c>timeseries.csv</c>: a row per tick and movement, in the order of <see cref="RunResult.Series"/>.</summary>
    public static void WriteTimeseries(RunResult result, TextWriter output) =>
        WriteTable(output, result.Series, Timeseries);

    // ---- stages.csv -----------------------------------------------------------------------------

    private sealed record StageRow(StageEntry Entry, CycleRecord? Cycle, ClassifierParameters Criteria);

    private static readonly Column<StageRow>[] Stages =
    [
        C<StageRow>("movement", (w, r) => w.Field(r.Entry.Movement)),
        C<StageRow>("cycle", (w, r) => w.Field(r.Entry.Cycle)),
        C<StageRow>("stage", (w, r) => w.Field((int)r.Entry.Stage)),
        C<StageRow>("stage_name", (w, r) => w.Field(StageText.Key(r.Entry.Stage))),
        C<StageRow>("tick", (w, r) => w.Field(r.Entry.Tick)),
        C<StageRow>("trigger", (w, r) => w.Field(StageCriteria.Trigger(r.Entry, r.Criteria))),
        C<StageRow>("participation", (w, r) => w.Field(r.Entry.Participation)),
        C<StageRow>("peak_participation", (w, r) => w.Field(r.Entry.PeakParticipation)),
        C<StageRow>("frame_adoption", (w, r) => w.Field(r.Entry.FrameAdoption)),
        C<StageRow>("radical_share", (w, r) => w.Field(r.Entry.RadicalShare)),
        C<StageRow>("radical_share_at_peak", (w, r) => w.Field(r.Entry.RadicalShareAtPeak)),
        C<StageRow>("interaction_rate", (w, r) => w.Field(r.Entry.InteractionRate)),
        C<StageRow>("sectors_engaged", (w, r) => w.Field(r.Entry.SectorsEngaged)),
        C<StageRow>("violent_acts", (w, r) => w.Field(r.Entry.ViolentActs)),
        C<StageRow>("cooptations", (w, r) => w.Field(r.Entry.Cooptations)),
        C<StageRow>("repression_events", (w, r) => w.Field(r.Entry.RepressionEvents)),
        C<StageRow>("facilitation_events", (w, r) => w.Field(r.Entry.FacilitationEvents)),
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
        var cycles = new Dictionary<(string, int), CycleRecord>();
        foreach (var c in result.Cycles) cycles.TryAdd((c.Movement, c.Cycle), c);
        WriteTable(output,
            result.StageEntries.Select(e => new StageRow(e, cycles.GetValueOrDefault((e.Movement, e.Cycle)), result.Scenario.Classifier)),
            Stages);
    }

    // ---- cycles.csv -----------------------------------------------------------------------------

    private static readonly Column<CycleRecord>[] Cycles =
    [
        C<CycleRecord>("movement", (w, c) => w.Field(c.Movement)),
        C<CycleRecord>("cycle", (w, c) => w.Field(c.Cycle)),
        C<CycleRecord>("outcome", (w, c) => w.Field(StageText.Key(c.Outcome))),
        C<CycleRecord>("outcome_reason", (w, c) => w.Field(StageCriteria.OutcomeReason(c))),
        C<CycleRecord>("start_tick", (w, c) => w.Field(c.StartTick)),
        C<CycleRecord>("peak_tick", (w, c) => w.Field(c.PeakTick)),
        C<CycleRecord>("end_tick", (w, c) => w.Field(c.EndTick)),
        C<CycleRecord>("peak_participation", (w, c) => w.Field(c.PeakParticipation)),
        C<CycleRecord>("highest_stage", (w, c) => w.Field((int)c.HighestStage)),
        C<CycleRecord>("highest_stage_name", (w, c) => w.Field(StageText.Key(c.HighestStage))),
        .. StageText.Cycle.Select(s => C<CycleRecord>($"stage{(int)s}_ticks", (w, c) => w.Field(StageDuration(c.StageDurations, s)))),
        C<CycleRecord>("repression_events", (w, c) => w.Field(c.RepressionEvents)),
        C<CycleRecord>("facilitation_events", (w, c) => w.Field(c.FacilitationEvents)),
        C<CycleRecord>("concessions", (w, c) => w.Field(c.Concessions)),
        C<CycleRecord>("cooptations", (w, c) => w.Field(c.Cooptations)),
        C<CycleRecord>("violent_acts", (w, c) => w.Field(c.ViolentActs)),
        C<CycleRecord>("violent_acts_late", (w, c) => w.Field(c.ViolentActsLate)),
        C<CycleRecord>("max_outside_pressure", (w, c) => w.Field(c.MaxOutsidePressure)),
    ];

    /// <summary>Header of <c>cycles.csv</c>.</summary>
    public static IReadOnlyList<string> CyclesColumns { get; } = Names(Cycles);

    /// <summary><c>cycles.csv</c>: a row per cycle (of the wave and of each movement), in the order of <see cref="RunResult.Cycles"/>.</summary>
    public static void WriteCycles(RunResult result, TextWriter output) =>
        WriteTable(output, result.Cycles, Cycles);

    // ---- organizations.csv ----------------------------------------------------------------------

    private static readonly Column<OrganizationRecord>[] Organizations =
    [
        C<OrganizationRecord>("id", (w, o) => w.Field(o.Id)),
        C<OrganizationRecord>("movement", (w, o) => w.Field(o.Movement)),
        C<OrganizationRecord>("kind", (w, o) => w.Field(KindKey(o.Kind))),
        C<OrganizationRecord>("volunteers", (w, o) => w.Field(o.Volunteers)),
        C<OrganizationRecord>("salaried_staff", (w, o) => w.Field(o.SalariedStaff)),
        C<OrganizationRecord>("members", (w, o) => w.Field(o.Members)),
        C<OrganizationRecord>("public_information", (w, o) => w.Field(o.PublicInformation)),
        C<OrganizationRecord>("means", (w, o) => w.Field(MeansText(o.Means))),
        C<OrganizationRecord>("counselling", (w, o) => w.Field(o.Counselling)),
        C<OrganizationRecord>("language_classes", (w, o) => w.Field(o.LanguageClasses)),
        C<OrganizationRecord>("networking", (w, o) => w.Field(o.Networking)),
        C<OrganizationRecord>("framing", (w, o) => w.Field(o.Framing)),
        C<OrganizationRecord>("mobilization", (w, o) => w.Field(o.Mobilization)),
        C<OrganizationRecord>("lobbying", (w, o) => w.Field(o.Lobbying)),
        C<OrganizationRecord>("service_effort", (w, o) => w.Field(o.ServiceEffort)),
        C<OrganizationRecord>("advocacy_effort", (w, o) => w.Field(o.AdvocacyEffort)),
        C<OrganizationRecord>("contacts_local_authorities", (w, o) => w.Field(o.ContactsLocalAuthorities)),
        C<OrganizationRecord>("contacts_national_government", (w, o) => w.Field(o.ContactsNationalGovernment)),
        C<OrganizationRecord>("contacts_domestic", (w, o) => w.Field(o.ContactsDomestic)),
        C<OrganizationRecord>("contacts_abroad", (w, o) => w.Field(o.ContactsAbroad)),
        C<OrganizationRecord>("contacts_international", (w, o) => w.Field(o.ContactsInternational)),
        C<OrganizationRecord>("blocked", (w, o) => w.Field(o.Blocked)),
        C<OrganizationRecord>("alliances_formed", (w, o) => w.Field(o.AlliancesFormed)),
    ];

    /// <summary>Header of <c>organizations.csv</c>.</summary>
    public static IReadOnlyList<string> OrganizationsColumns { get; } = Names(Organizations);

    /// <summary><c>organizations.csv</c>: a row per organization; <c>kind</c> as in scenario files (<c>christian_ngo</c>, …).</summary>
    public static void WriteOrganizations(RunResult result, TextWriter output) =>
        WriteTable(output, result.Organizations, Organizations);

    // ---- events.csv -----------------------------------------------------------------------------

    private static readonly Column<AppliedEvent>[] Events =
    [
        C<AppliedEvent>("tick", (w, e) => w.Field(e.Tick)),
        C<AppliedEvent>("key", (w, e) => w.Field(e.Key)),
        C<AppliedEvent>("value", (w, e) => w.Field(e.Value)),
        C<AppliedEvent>("label", (w, e) => w.Field(e.Label)),
    ];

    /// <summary>Header of <c>events.csv</c>.</summary>
    public static IReadOnlyList<string> EventsColumns { get; } = Names(Events);

    /// <summary><c>events.csv</c>: a row per scheduled event as applied.</summary>
    public static void WriteEvents(RunResult result, TextWriter output) =>
        WriteTable(output, result.Events, Events);

    // ---- helpers --------------------------------------------------------------------------------

    /// <summary>An organization kind as in scenario files, e.g. <c>christian_ngo</c>.</summary>
    public static string KindKey(OrganizationKind kind) => ParameterPath.ToSnakeCase(kind.ToString());

    /// <summary>The means an organization uses, snake_case and joined by '+' (<c>counselling+networking</c>), or <c>none</c>.</summary>
    public static string MeansText(OrganizationMeans means) => means == OrganizationMeans.None
        ? "none"
        : string.Join('+', Enum.GetValues<OrganizationMeans>()
            .Where(m => m != OrganizationMeans.None && means.HasFlag(m))
            .Select(m => ParameterPath.ToSnakeCase(m.ToString())));

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

    private static IReadOnlyList<string> Names<T>(Column<T>[] columns) => Array.AsReadOnly(columns.Select(c => c.Name).ToArray());

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
