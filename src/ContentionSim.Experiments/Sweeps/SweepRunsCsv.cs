using ContentionSim.Reporting;
using System.Globalization;
using System.Text;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>
/// The layout of <c>runs.csv</c>: <c>run, point, replication, seed, status</c>, one column per varied
/// parameter (named by its path), one per metric of <see cref="SweepMetrics.All"/>, then
/// <c>outcomes</c> (the outcome of each cycle, separated by <c>;</c>), <c>last_outcome</c>,
/// <c>ticks_run</c>, <c>error</c> and <c>elapsed_ms</c> (wall-clock; the only column that differs between
/// executions of the same sweep). Every row is one line.
/// </summary>
public static class SweepRunsCsv
{
    public const string FileName = SweepFolderLayout.Runs;

    /// <summary>Columns before the varied parameters.</summary>
    public static IReadOnlyList<string> LeadingColumns { get; } = ["run", "point", "replication", "seed", "status"];

    /// <summary>Columns after the metrics.</summary>
    public static IReadOnlyList<string> TrailingColumns { get; } = ["outcomes", "last_outcome", "ticks_run", "error", "elapsed_ms"];

    /// <summary>The timing column, to leave out when comparing results.</summary>
    public const string ElapsedColumn = "elapsed_ms";

    public const string Ok = "ok", FailedStatus = "failed";

    /// <summary>The header for a sweep varying <paramref name="factorKeys"/>.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> factorKeys)
    {
        ArgumentNullException.ThrowIfNull(factorKeys);
        return [.. LeadingColumns, .. factorKeys, .. SweepMetrics.All.Select(m => m.Name), .. TrailingColumns];
    }

    /// <summary>The varied parameters named by a header, or null when it is not a runs.csv header.</summary>
    public static IReadOnlyList<string>? FactorKeys(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        int lead = LeadingColumns.Count, metrics = SweepMetrics.All.Count, trail = TrailingColumns.Count;
        int factors = header.Count - lead - metrics - trail;
        if (factors < 0) return null;
        var keys = header.Skip(lead).Take(factors).ToArray();
        return Header(keys).SequenceEqual(header, StringComparer.Ordinal) ? keys : null;
    }

    /// <summary>The header as a CSV line ending with <c>\n</c>.</summary>
    public static string HeaderLine(IReadOnlyList<string> factorKeys) =>
        string.Join(',', Header(factorKeys).Select(CsvWriter.Escape)) + "\n";

    /// <summary>The record as a CSV line ending with <c>\n</c>.</summary>
    public static string Line(SweepRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sb = new StringBuilder(256);
        void Field(string value)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(CsvWriter.Escape(value));
        }
        Field(record.Run.ToString(CultureInfo.InvariantCulture));
        Field(record.Point.ToString(CultureInfo.InvariantCulture));
        Field(record.Replication.ToString(CultureInfo.InvariantCulture));
        Field(record.Seed.ToString(CultureInfo.InvariantCulture));
        Field(record.Failed ? FailedStatus : Ok);
        foreach (var v in record.Values) Field(SweepRunRecord.OneLine(v));
        for (int i = 0; i < SweepMetrics.All.Count; i++)
        {
            double? value = i < record.Metrics.Count ? record.Metrics[i] : null;
            Field(value is double d ? FormatMetric(SweepMetrics.All[i], d) : "");
        }
        Field(record.Failed ? "" : string.Join(';', record.Outcomes.Select(StageText.Key)));
        Field(record.Failed ? "" : StageText.Key(record.LastOutcome));
        Field(record.Failed ? "" : record.TicksRun.ToString(CultureInfo.InvariantCulture));
        Field(SweepRunRecord.OneLine(record.Error));
        Field(record.ElapsedMs.ToString(CultureInfo.InvariantCulture));
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>A metric's value as written: counts as integers, others with at most six decimals.</summary>
    public static string FormatMetric(Metric metric, double value) =>
        metric.Whole ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : CsvWriter.FormatNumber(value);

    /// <summary>
    /// Reads one line (without its line end) written by <see cref="Line"/> for a sweep with
    /// <paramref name="factorCount"/> varied parameters.
    /// </summary>
    /// <exception cref="FormatException">The line is not a runs.csv row.</exception>
    /// <summary>The largest magnitude a recorded metric can have (counts of acts over a long run stay far below it).</summary>
    public const double MaxMetric = 1e15;

    /// <summary>
    /// What is wrong with <paramref name="record"/> in the sweep of <paramref name="grid"/>: a run index outside the grid,
    /// or a point and replication that are not those of its run index (a line edited, or pasted from another sweep). Null when it agrees.
    /// </summary>
    public static string? Contradiction(SweepRunRecord record, SweepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(grid);
        if (record.Run < 0 || record.Run >= grid.RunCount) return $"run {record.Run} is outside the sweep's {grid.RunCount:N0} runs";
        var (point, replication) = grid.Decompose(record.Run);
        if (point != record.Point || replication != record.Replication)
            return $"run {record.Run} is recorded as point {record.Point}, replication {record.Replication}, but in this sweep's grid it is point {point}, replication {replication}";
        if (record.Values.Count != grid.Factors.Count) return $"run {record.Run} has {record.Values.Count} varied values for {grid.Factors.Count} varied parameters";
        return null;
    }

    public static SweepRunRecord Parse(string line, int factorCount)
    {
        var fields = SplitLine(line);
        int expected = LeadingColumns.Count + factorCount + SweepMetrics.All.Count + TrailingColumns.Count;
        if (fields.Count != expected) throw new FormatException($"{fields.Count} fields, expected {expected}");
        int i = 0;
        long run = long.Parse(fields[i++], NumberStyles.None, CultureInfo.InvariantCulture);
        int point = int.Parse(fields[i++], NumberStyles.None, CultureInfo.InvariantCulture);
        int replication = int.Parse(fields[i++], NumberStyles.None, CultureInfo.InvariantCulture);
        ulong seed = ulong.Parse(fields[i++], NumberStyles.None, CultureInfo.InvariantCulture);
        string status = fields[i++];
        if (status is not (Ok or FailedStatus)) throw new FormatException($"status '{status}' is neither {Ok} nor {FailedStatus}");
        var values = fields.Skip(i).Take(factorCount).ToArray();
        i += factorCount;
        var metrics = new double?[SweepMetrics.All.Count];
        for (int m = 0; m < metrics.Length; m++, i++)
        {
            if (fields[i].Length == 0) { metrics[m] = null; continue; }
            double value = double.Parse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            // What a run writes is finite and of the size of counts, shares and ticks; NaN or 1e308 is damage, and
            // would make a summary's mean a 300-digit number.
            if (!double.IsFinite(value) || Math.Abs(value) > MaxMetric)
                throw new FormatException($"{SweepMetrics.All[m].Name} is '{fields[i]}', {(double.IsFinite(value) ? $"beyond ±{MaxMetric:0e0}, larger than any run can give" : "not a finite number")}");
            metrics[m] = value;
        }
        var outcomes = fields[i].Length == 0 ? [] : fields[i].Split(';').Select(ParseOutcome).ToArray();
        i++;
        var last = fields[i].Length == 0 ? Outcome.Ongoing : ParseOutcome(fields[i]);
        i++;
        int ticks = fields[i].Length == 0 ? 0 : int.Parse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture);
        i++;
        string error = fields[i++];
        long elapsed = fields[i].Length == 0 ? 0 : long.Parse(fields[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new SweepRunRecord
        {
            Run = run,
            Point = point,
            Replication = replication,
            Seed = seed,
            Failed = status == FailedStatus,
            Error = error,
            Values = values,
            Metrics = metrics,
            Outcomes = outcomes,
            LastOutcome = last,
            TicksRun = ticks,
            ElapsedMs = elapsed,
        };
    }

    /// <summary>The outcome with key <paramref name="key"/> (<c>negotiated</c>, <c>revolutionary_turnover</c>, …).</summary>
    public static Outcome ParseOutcome(string key)
    {
        foreach (var o in Enum.GetValues<Outcome>())
            if (StageText.Key(o) == key) return o;
        throw new FormatException($"'{key}' is not an outcome");
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting, no line breaks inside fields).</summary>
    /// <exception cref="FormatException">A quoted field is not closed.</exception>
    public static IReadOnlyList<string> SplitLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) throw new FormatException("a quoted field is not closed");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',') throw new FormatException("text after a closing quote");
            }
            else
            {
                while (i < line.Length && line[i] != ',') field.Append(line[i++]);
            }
            fields.Add(field.ToString());
            if (i >= line.Length) break;
            i++; // the comma
        }
        return fields;
    }
}
