using ContentionSim.Reporting;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>
/// One row of a sweep's <c>runs.csv</c>: which run (canonical index, point, replication, seed), the
/// values of the varied parameters, and either its headline metrics or the error it failed with.
/// </summary>
public sealed record SweepRunRecord
{
    /// <summary>Canonical run index (replication × points + point).</summary>
    public long Run { get; init; }
    public int Point { get; init; }
    public int Replication { get; init; }
    public ulong Seed { get; init; }

    /// <summary>Whether the run failed; then <see cref="Error"/> says why and the metrics are empty.</summary>
    public bool Failed { get; init; }

    /// <summary>The error of a failed run, on one line; empty otherwise.</summary>
    public string Error { get; init; } = "";

    /// <summary>Value of each varied parameter, in factor order, as text.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Value of each metric of <see cref="SweepMetrics.All"/> (null: none, or the run failed).</summary>
    public IReadOnlyList<double?> Metrics { get; init; } = [];

    /// <summary>Outcome of each cycle of the wave, in order.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>Outcome of the last ended cycle (Ongoing when none ended).</summary>
    public Outcome LastOutcome { get; init; }

    public int TicksRun { get; init; }

    /// <summary>Wall-clock time of the run in milliseconds (not part of the results: differs between executions).</summary>
    public long ElapsedMs { get; init; }

    /// <summary>The value of metric <paramref name="name"/>, or null.</summary>
    public double? Metric(string name)
    {
        for (int i = 0; i < SweepMetrics.All.Count && i < Metrics.Count; i++)
            if (SweepMetrics.All[i].Name == name) return Metrics[i];
        return null;
    }

    /// <summary>The record of a finished run.</summary>
    public static SweepRunRecord Finished(long run, int point, int replication, ulong seed, IReadOnlyList<string> values,
        RunResult result, long elapsedMs) => new()
        {
            Run = run,
            Point = point,
            Replication = replication,
            Seed = seed,
            Values = values,
            Metrics = SweepMetrics.All.Select(m => Round(m, m.Of(result.Headline))).ToArray(),
            Outcomes = result.Headline.Outcomes,
            LastOutcome = result.Headline.LastOutcome,
            TicksRun = result.TicksRun,
            ElapsedMs = elapsedMs,
        };

    /// <summary>The record of a run that failed with <paramref name="error"/>.</summary>
    public static SweepRunRecord FailedRun(long run, int point, int replication, ulong seed, IReadOnlyList<string> values,
        string error, long elapsedMs) => new()
        {
            Run = run,
            Point = point,
            Replication = replication,
            Seed = seed,
            Values = values,
            Failed = true,
            Error = OneLine(error),
            Metrics = new double?[SweepMetrics.All.Count],
            ElapsedMs = elapsedMs,
        };

    private static double? Round(Metric metric, double? value)
    {
        if (value is not double v || !double.IsFinite(v)) return null;
        return metric.Whole ? Math.Round(v) : v;
    }

    /// <summary>Text on one line (newlines and tabs become spaces), at most 2,000 characters.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var chars = text.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var line = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 2000 ? line : line[..1997] + "...";
    }
}
