using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>Small sweeps for the sweep tests: a tiny base scenario, a 3 × 2 grid, records built by hand.</summary>
internal static class SweepTestSupport
{
    public static SweepFactor Numbers(string key, params double[] values) =>
        new(key, values.Select(v => new SweepLevel(v, v.ToString(CultureInfo.InvariantCulture), v)).ToArray());

    /// <summary>150 activists for 40 ticks: a run takes milliseconds.</summary>
    public static Scenario TinyBase => new()
    {
        Name = "tiny",
        Seed = 7,
        Ticks = 40,
        Network = new NetworkParameters { Degree = 4 },
        Movements = [new MovementParameters { Id = "m", Activists = new ActivistParameters { Count = 150 } }],
    };

    public static SweepPlan Plan(int replications = 3, ulong master = 11) => new(
        TinyBase,
        new SweepGrid([Numbers("state.openness", 0.1, 0.5, 0.9), Numbers("transnational.alliance_probability", 0, 0.5)], SweepDesign.Factorial, replications),
        master);

    public static SweepSetup Setup(SweepPlan? plan = null, SeriesMode series = SeriesMode.Extremes) => new()
    {
        Name = "tiny-sweep",
        Description = "a test sweep",
        SweepFile = "tiny-sweep.yaml",
        SweepText = "base: tiny.yaml\nvary:\n  state.openness: [0.1, 0.5, 0.9]\n  transnational.alliance_probability: [0, 0.5]\n",
        BaseFile = "tiny.yaml",
        BaseText = "name: tiny\n",
        FixedSettings = ["ticks=40"],
        Plan = plan ?? Plan(),
        Plots = new SweepPlotSettings("state.openness", "transnational.alliance_probability", "peak_participation"),
        Series = series,
    };

    /// <summary>A record with the given metric values (others 0) and outcomes.</summary>
    public static SweepRunRecord Record(long run, int point, int replication, string[] values, double peak, double cycles,
        Outcome[]? outcomes = null, bool failed = false)
    {
        var metrics = SweepMetrics.All.Select(m => m.Name switch
        {
            "peak_participation" => peak,
            "cycles" => cycles,
            "time_to_peak" => (double?)null,
            _ => 0.0,
        }).ToArray();
        return failed
            ? SweepRunRecord.FailedRun(run, point, replication, (ulong)run + 1000, values, "boom", 5)
            : new SweepRunRecord
            {
                Run = run,
                Point = point,
                Replication = replication,
                Seed = (ulong)run + 1000,
                Values = values,
                Metrics = metrics,
                Outcomes = outcomes ?? [],
                LastOutcome = outcomes is { Length: > 0 } ? outcomes[^1] : Outcome.Ongoing,
                TicksRun = 40,
                ElapsedMs = 3,
            };
    }

    /// <summary>runs.csv without the timing column, sorted by run index: what must be equal between executions.</summary>
    public static string[] Comparable(string runsCsv)
    {
        var lines = File.ReadAllLines(runsCsv);
        var header = SweepRunsCsv.SplitLine(lines[0]);
        int elapsed = header.ToList().IndexOf(SweepRunsCsv.ElapsedColumn);
        return lines.Skip(1)
            .Select(l => SweepRunsCsv.SplitLine(l).Where((_, i) => i != elapsed).ToArray())
            .OrderBy(f => long.Parse(f[0], CultureInfo.InvariantCulture))
            .Select(f => string.Join(",", f))
            .Prepend(string.Join(",", header.Where((_, i) => i != elapsed)))
            .ToArray();
    }

    /// <summary>A simulate function that runs the real model but throws for the given runs' seeds.</summary>
    public static Func<Scenario, RunOptions, RunResult> FailingFor(SweepPlan plan, params long[] runs)
    {
        var seeds = runs.Select(plan.SeedOf).ToHashSet();
        return (s, o) => seeds.Contains(s.Seed) ? throw new InvalidOperationException($"injected failure, seed {s.Seed}\nsecond line, with \"quotes\"") : Simulator.Run(s, o);
    }
}

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class SweepTempDir : IDisposable
{
    public SweepTempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contentionsim-sweep-" + Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
