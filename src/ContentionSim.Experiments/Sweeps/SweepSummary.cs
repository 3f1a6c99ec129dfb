using ContentionSim.Reporting;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>The statistics of one point of a sweep.</summary>
/// <param name="Point">Point index.</param>
/// <param name="Values">Value of each varied parameter.</param>
/// <param name="Runs">Runs that finished without error.</param>
/// <param name="Failed">Runs that failed.</param>
/// <param name="Metrics">One summary per metric of <see cref="SweepMetrics.All"/>.</param>
/// <param name="Cycles">Cycles of the wave over all finished runs (including fizzles and ongoing ones).</param>
/// <param name="OutcomeShares">Share of those cycles ending in each outcome of <see cref="SweepSummary.Outcomes"/> (NaN without cycles).</param>
public sealed record PointSummary(int Point, IReadOnlyList<string> Values, int Runs, int Failed,
    IReadOnlyList<MetricSummary> Metrics, int Cycles, IReadOnlyList<double> OutcomeShares);

/// <summary>
/// <c>summary.csv</c>: a row per point (in point order) with the number of runs and failures, the
/// n, mean, standard deviation and 95% confidence interval of each metric, the number of cycles and
/// the share of them ending in each outcome. Computed from the records only, sorted by run index,
/// so it is the same whatever order or parallelism the runs had.
/// </summary>
public static class SweepSummary
{
    public const string FileName = SweepFolderLayout.Summary;

    /// <summary>The outcomes whose shares are reported, in column order.</summary>
    public static IReadOnlyList<Outcome> Outcomes { get; } =
        [Outcome.Fizzle, Outcome.Negotiated, Outcome.Suppressed, Outcome.Faded, Outcome.RevolutionaryTurnover, Outcome.Ongoing];

    /// <summary>Statistics of every point of <paramref name="grid"/> from <paramref name="records"/>.</summary>
    public static IReadOnlyList<PointSummary> Compute(SweepGrid grid, IEnumerable<SweepRunRecord> records)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(records);
        var byPoint = new List<SweepRunRecord>[grid.PointCount];
        for (int p = 0; p < byPoint.Length; p++) byPoint[p] = [];
        foreach (var r in records.OrderBy(r => r.Run))
            if (r.Point >= 0 && r.Point < grid.PointCount) byPoint[r.Point].Add(r);
        var rows = new PointSummary[grid.PointCount];
        for (int p = 0; p < rows.Length; p++)
        {
            var values = grid.ValuesOf(p).Select(l => l.Text).ToArray();
            rows[p] = Of(p, values, byPoint[p]);
        }
        return rows;
    }

    /// <summary>Statistics of a group of runs (a point, or several pooled).</summary>
    public static PointSummary Of(int point, IReadOnlyList<string> values, IEnumerable<SweepRunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var all = runs.ToList();
        var ok = all.Where(r => !r.Failed).ToList();
        var metrics = new MetricSummary[SweepMetrics.All.Count];
        for (int m = 0; m < metrics.Length; m++)
        {
            int index = m;
            metrics[m] = SweepStatistics.Describe(ok.Select(r => index < r.Metrics.Count ? r.Metrics[index] : null)
                .Where(v => v is not null).Select(v => v!.Value));
        }
        var (cycles, shares) = OutcomeShares(ok);
        return new PointSummary(point, values, ok.Count, all.Count - ok.Count, metrics, cycles, shares);
    }

    /// <summary>Number of cycles in <paramref name="runs"/> and the share ending in each of <see cref="Outcomes"/>.</summary>
    public static (int Cycles, IReadOnlyList<double> Shares) OutcomeShares(IEnumerable<SweepRunRecord> runs)
    {
        var counts = new int[Outcomes.Count];
        int total = 0;
        foreach (var r in runs)
        {
            if (r.Failed) continue;
            foreach (var o in r.Outcomes)
            {
                total++;
                int i = IndexOf(o);
                if (i >= 0) counts[i]++;
            }
        }
        return (total, counts.Select(c => total == 0 ? double.NaN : (double)c / total).ToArray());
    }

    private static int IndexOf(Outcome o)
    {
        for (int i = 0; i < Outcomes.Count; i++) if (Outcomes[i] == o) return i;
        return -1;
    }

    /// <summary>The header of summary.csv.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> factorKeys)
    {
        var header = new List<string> { "point" };
        header.AddRange(factorKeys);
        header.Add("runs");
        header.Add("failed");
        foreach (var m in SweepMetrics.All)
            header.AddRange([$"{m.Name}_n", $"{m.Name}_mean", $"{m.Name}_sd", $"{m.Name}_ci_low", $"{m.Name}_ci_high"]);
        header.Add("cycles_total");
        header.AddRange(Outcomes.Select(o => $"share_{StageText.Key(o)}"));
        return header;
    }

    /// <summary>Writes summary.csv (empty fields where a statistic does not exist, e.g. the sd of one run).</summary>
    public static void Write(TextWriter output, IReadOnlyList<string> factorKeys, IEnumerable<PointSummary> rows)
    {
        var csv = new CsvWriter(output);
        csv.Header(Header(factorKeys));
        foreach (var row in rows)
        {
            csv.Field(row.Point);
            foreach (var v in row.Values) csv.Field(v);
            csv.Field(row.Runs).Field(row.Failed);
            foreach (var m in row.Metrics)
                csv.Field(m.N).Field(m.Mean).Field(m.Sd).Field(m.CiLow).Field(m.CiHigh);
            csv.Field(row.Cycles);
            foreach (var s in row.OutcomeShares) csv.Field(s);
            csv.EndRow();
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically.</summary>
    public static void WriteFile(string path, IReadOnlyList<string> factorKeys, IEnumerable<PointSummary> rows) =>
        AtomicFile.WriteText(path, w => Write(w, factorKeys, rows));
}
