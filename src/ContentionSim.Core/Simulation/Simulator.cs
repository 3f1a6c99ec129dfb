using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Simulation;

/// <summary>Options of one run that do not change its results.</summary>
public sealed record RunOptions
{
    /// <summary>Worker threads for the activist update; 0 = all cores. Results are identical for any value.</summary>
    public int Threads { get; init; }
    /// <summary>Keep the per-tick series (needed for timeseries.csv and plots).</summary>
    public bool KeepSeries { get; init; } = true;
    /// <summary>Called with the wave's observation after every tick.</summary>
    public Action<TickObservation>? OnTick { get; init; }
    /// <summary>Stops the run after the current tick; the result then covers the ticks run (<see cref="RunResult.TicksRun"/>).</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>Runs the ContentionSim model (<see cref="ContentionModel"/>): parameters in, observations out.</summary>
public static class Simulator
{
    /// <summary>Runs <paramref name="scenario"/> for its number of ticks.</summary>
    public static RunResult Run(Scenario scenario, RunOptions? options = null)
    {
        var model = new ContentionModel(scenario, options);
        int ticks = model.Run(scenario.Ticks);
        return Collect(scenario, model, ticks);
    }

    internal static RunResult Collect(Scenario scenario, ContentionModel model, int ticks)
    {
        var obs = model.Observation;
        obs.Wave.Finish(ticks);
        foreach (var m in obs.Movements) m.Finish(ticks);
        var orgs = model.Organizations;
        var entries = new List<StageEntry>(obs.Wave.Entries);
        var cycles = new List<CycleRecord>(obs.Wave.Cycles);
        if (scenario.Movements.Count > 1)
            foreach (var m in obs.Movements) { entries.AddRange(m.Entries); cycles.AddRange(m.Cycles); }

        var waveCycles = obs.Wave.Cycles;
        var durations = new int[7];
        foreach (var c in waveCycles)
            for (int s = 1; s < 7; s++) durations[s] += c.StageDurations[s];
        durations[0] = ticks - durations.Sum();
        var first = waveCycles.Count > 0 ? waveCycles[0] : null;
        var ended = waveCycles.Where(c => c.Outcome != Outcome.Ongoing).ToList();
        var headline = new Headline
        {
            Cycles = waveCycles.Count(c => c.Outcome != Outcome.Fizzle),
            CompletedCycles = waveCycles.Count(c => c.Outcome is not (Outcome.Ongoing or Outcome.Fizzle)),
            Fizzles = waveCycles.Count(c => c.Outcome == Outcome.Fizzle),
            Outcomes = waveCycles.Select(c => c.Outcome).ToArray(),
            LastOutcome = ended.Count > 0 ? ended[^1].Outcome : Outcome.Ongoing,
            PeakParticipation = obs.PeakParticipation,
            PeakTick = obs.PeakTick,
            TimeToPeak = first is null ? -1 : first.PeakTick - first.StartTick,
            StageDurations = durations,
            RepressionEvents = (int)obs.RepressionTotal,
            FacilitationEvents = (int)obs.FacilitationTotal,
            Concessions = (int)obs.ConcessionTotal,
            Cooptations = (int)obs.CooptationTotal,
            ViolentActs = (int)obs.ViolenceTotal,
            LateViolenceShare = obs.ViolenceTotal > 0 ? (double)obs.ViolenceLate / obs.ViolenceTotal : 0,
            MeanOutsidePressure = obs.Ticks > 0 ? obs.PressureSum / obs.Ticks : 0,
            MaxOutsidePressure = obs.MaxPressure,
            AlliancesFormed = model.Allies.Alliances.Count,
            MeanParticipation = obs.Ticks > 0 ? obs.ParticipationSum / obs.Ticks : 0,
        };
        return new RunResult
        {
            Scenario = scenario,
            Seed = scenario.Seed,
            TicksRun = ticks,
            Movements = scenario.Movements.Select(m => m.Id).ToArray(),
            Series = obs.Series,
            StageEntries = entries,
            Cycles = cycles,
            Organizations = orgs.Organizations.Select(o => o.ToRecord(scenario.Movements[o.Movement].Id)).ToArray(),
            Events = model.Events.Applied,
            Headline = headline,
        };
    }
}
