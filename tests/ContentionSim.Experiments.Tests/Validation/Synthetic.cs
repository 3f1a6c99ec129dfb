using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Hand-made runs and experiment records for testing analyses without simulating.</summary>
internal static class Synthetic
{
    /// <summary>A run with the given wave series, cycles, stage entries and organizations.</summary>
    public static RunResult Run(IReadOnlyList<TickObservation>? series = null, IReadOnlyList<CycleRecord>? cycles = null,
        IReadOnlyList<StageEntry>? entries = null, IReadOnlyList<OrganizationRecord>? organizations = null, Headline? headline = null, int ticks = 100) => new()
    {
        Scenario = new Scenario { Ticks = ticks },
        Seed = 1,
        TicksRun = ticks,
        Series = series ?? [],
        Cycles = cycles ?? [],
        StageEntries = entries ?? [],
        Organizations = organizations ?? [],
        Headline = headline ?? new Headline(),
    };

    /// <summary>A wave series of <paramref name="ticks"/> ticks (1-based) with participation and violence by tick.</summary>
    public static TickObservation[] Series(int ticks, Func<int, double> participation, Func<int, int>? violence = null, Func<int, Stage>? stage = null) =>
        Enumerable.Range(1, ticks).Select(t => new TickObservation
        {
            Tick = t,
            Activists = 1000,
            Active = (int)Math.Round(participation(t) * 1000),
            Participation = participation(t),
            ViolentActs = violence?.Invoke(t) ?? 0,
            Stage = stage?.Invoke(t) ?? Stage.Latent,
        }).ToArray();

    public static StageEntry[] Entries(int cycle, params (Stage Stage, int Tick)[] entries) =>
        entries.Select(e => new StageEntry { Cycle = cycle, Stage = e.Stage, Tick = e.Tick }).ToArray();

    /// <summary>An experiment record with the given levels and measures.</summary>
    public static ExperimentRun Record(int replication, (string Key, double Value)[] levels, params (string Name, double Value)[] measures) => new()
    {
        Replication = replication,
        Levels = levels.Select(l => new ExperimentLevel(l.Key, l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Value)).ToArray(),
        Measures = measures.ToDictionary(m => m.Name, m => m.Value),
    };
}
