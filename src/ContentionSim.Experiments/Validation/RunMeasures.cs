using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Measures of one run that the experiments share, all computed from the wave (the movements
/// together): its per-tick series, its cycles and stage entries, the headline numbers.
/// </summary>
public static class RunMeasures
{
    /// <summary>The wave's observations, tick by tick.</summary>
    public static IReadOnlyList<TickObservation> Wave(RunResult run) =>
        run.Series.Where(o => o.Movement == TickObservation.WaveId).ToArray();

    /// <summary>The wave's cycles in order of onset.</summary>
    public static IReadOnlyList<CycleRecord> WaveCycles(RunResult run) =>
        run.Cycles.Where(c => c.Movement == TickObservation.WaveId).OrderBy(c => c.StartTick).ToArray();

    /// <summary>Wave cycles that are not fizzles (they reached stage 3), ended or still under way.</summary>
    public static IReadOnlyList<CycleRecord> Mobilizations(RunResult run) =>
        WaveCycles(run).Where(c => c.Outcome != Outcome.Fizzle).ToArray();

    /// <summary>Wave cycles that ended with an outcome other than a fizzle.</summary>
    public static IReadOnlyList<CycleRecord> Completed(RunResult run) =>
        WaveCycles(run).Where(c => c.EndTick is not null && c.Outcome is not (Outcome.Fizzle or Outcome.Ongoing)).ToArray();

    /// <summary>The stage entries of a cycle, in order.</summary>
    public static IReadOnlyList<StageEntry> EntriesOf(RunResult run, CycleRecord cycle) =>
        run.StageEntries.Where(e => e.Movement == cycle.Movement && e.Cycle == cycle.Cycle).OrderBy(e => e.Tick).ToArray();

    /// <summary>Whether the stage entries of <paramref name="cycle"/> strictly increase (1, then higher stages only).</summary>
    public static bool StagesIncrease(RunResult run, CycleRecord cycle)
    {
        var entries = EntriesOf(run, cycle);
        if (entries.Count == 0 || entries[0].Stage != Stage.ConflictAndDiffusion) return false;
        for (int i = 1; i < entries.Count; i++)
            if (entries[i].Stage <= entries[i - 1].Stage || entries[i].Tick < entries[i - 1].Tick) return false;
        return true;
    }

    /// <summary>Length in ticks of a cycle (to the end of the run when it is still under way).</summary>
    public static int Length(RunResult run, CycleRecord cycle) => (cycle.EndTick ?? run.TicksRun) - cycle.StartTick;

    /// <summary>Participant-ticks: the wave's active activists summed over the ticks.</summary>
    public static double ParticipantTicks(RunResult run) => Wave(run).Sum(o => (double)o.Active);

    /// <summary>Co-optations per 1,000 participant-ticks (0 without participation).</summary>
    public static double CooptationRate(RunResult run)
    {
        double ticks = ParticipantTicks(run);
        return ticks > 0 ? 1000.0 * run.Headline.Cooptations / ticks : 0;
    }

    /// <summary>(talks + concessions + co-optations) / (those + arrests) over the run; NaN without any response.</summary>
    public static double FacilitativeShare(RunResult run)
    {
        double soft = run.Headline.FacilitationEvents + run.Headline.Cooptations;
        double all = soft + run.Headline.RepressionEvents;
        return all > 0 ? soft / all : double.NaN;
    }

    /// <summary>Mean radical share of the active over the wave's ticks in stages 4–6 (with someone active); NaN if none.</summary>
    public static double LateRadicalShare(RunResult run)
    {
        var late = Wave(run).Where(o => o.Stage >= Stage.ExhaustionAndPolarization && o.Active > 0).ToList();
        return late.Count == 0 ? double.NaN : late.Average(o => o.RadicalShare);
    }

    /// <summary>
    /// The outcome more common than any other among the run's completed wave cycles, or null when none
    /// completed or two outcomes tie.
    /// </summary>
    public static Outcome? ModalOutcome(RunResult run)
    {
        var groups = Completed(run).GroupBy(c => c.Outcome).Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        if (groups.Count == 0 || (groups.Count > 1 && groups[1].Count == groups[0].Count)) return null;
        return groups[0].Key;
    }

    /// <summary>Mean effective openness of the state over the run's ticks.</summary>
    public static double MeanEffectiveOpenness(RunResult run)
    {
        var wave = Wave(run);
        return wave.Count == 0 ? double.NaN : wave.Average(o => o.EffectiveOpenness);
    }

    /// <summary>Whether some cycle of the wave ended in revolutionary turnover.</summary>
    public static bool HadTurnover(RunResult run) => WaveCycles(run).Any(c => c.Outcome == Outcome.RevolutionaryTurnover);
}
