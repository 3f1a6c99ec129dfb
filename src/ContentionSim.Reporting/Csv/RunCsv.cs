using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Csv;

/// <summary>
/// The CSV tables of a run. Column names are snake_case; see the <c>*Columns</c> lists for each
/// table's header. Each method writes a header row and one row per record, in the result's order.
/// This file holds <c>timeseries.csv</c>'s writer, whose columns are the observables catalog
/// (<see cref="Observables"/>); the classroom app links it alone. The other tables and every
/// reader are in RunCsv.Tables.cs.
/// </summary>
public static partial class RunCsv
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

    // ---- timeseries.csv -------------------------------------------------------------------------

    /// <summary>Header of <c>timeseries.csv</c>: the key columns (which tick, movement and place in the cycle), then every observable of the catalog.</summary>
    public static IReadOnlyList<string> TimeseriesColumns { get; } =
    [
        TimeseriesKey.Tick, TimeseriesKey.Movement, TimeseriesKey.Stage, TimeseriesKey.StageName, TimeseriesKey.Cycle,
        .. Observables.All.Select(o => o.Name),
    ];

    /// <summary><c>timeseries.csv</c>: a row per tick and movement, in the order of <see cref="RunResult.Series"/>.</summary>
    public static void WriteTimeseries(RunResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new CsvWriter(output);
        csv.Header(TimeseriesColumns);
        foreach (var o in result.Series)
        {
            // The key columns, in the order of TimeseriesColumns.
            csv.Field(o.Tick).Field(o.Movement).Field((int)o.Stage).Field(StageText.Key(o.Stage)).Field(o.Cycle);
            foreach (var observable in Observables.All) WriteValue(csv, observable, observable.Of(o.Values));
            csv.EndRow();
        }
    }

    /// <summary>Writes one observable's value: a count as a whole number, anything else as <see cref="CsvWriter.FormatNumber"/>.</summary>
    public static void WriteValue(CsvWriter w, Observable observable, double value)
    {
        if (observable.Whole) w.Field((long)value); else w.Field(value);
    }
}
