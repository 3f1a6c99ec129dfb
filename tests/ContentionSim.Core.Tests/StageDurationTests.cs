using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Tests;

/// <summary>
/// Stage durations come from the dynamics, not from the classifier's dwell: the wave series of
/// classroom-sized runs (2,000 activists, ten organizations, 520 ticks) read again with a dwell of
/// one tick gives each stage about the same median duration as the default dwell of three.
/// Observation is passive (nothing the classifier computes feeds back into the agents), so reading
/// a run's series again with other classifier settings is the same as running it with them.
/// </summary>
public class StageDurationTests
{
    // 100 seeds: since the funnel (issue 15) the default movement completes few cycles at openness 0.7 (2 in 12 seeds, 6 in 40).
    private static readonly ulong[] Seeds = [.. Enumerable.Range(1, 100).Select(s => (ulong)s)];

    /// <summary>The stated tolerance: a stage's median changes by at most this many ticks, or this share of it, whichever is larger.</summary>
    private const int ToleranceTicks = 3;
    private const double ToleranceShare = 0.3;

    private static Scenario Base(ulong seed, double openness) => new()
    {
        Seed = seed,
        Ticks = 520,
        // No burn-in: its warm-up teaches the classifier the routine before tick 1 and the recorded
        // series does not hold it, so reading the series again would not reproduce the run's cycles.
        BurnIn = 0,
        State = new StateParameters { Openness = openness },
        Movements =
        [
            new MovementParameters
            {
                Activists = new ActivistParameters { Count = 2000 },
                Organizations = [new OrganizationGroupParameters { PerThousandActivists = 5 }],
            },
        ],
    };

    /// <summary>The wave's cycles when its series is read by a classifier with <paramref name="p"/>.</summary>
    private static IReadOnlyList<CycleRecord> Reclassify(RunResult run, ClassifierParameters p)
    {
        var classifier = new StageClassifier(TickObservation.WaveId, p);
        foreach (var o in run.Series.Where(o => o.Movement == TickObservation.WaveId))
            classifier.Observe(new StageInput { Tick = o.Tick, Values = o.Values });
        classifier.Finish(run.TicksRun);
        return classifier.Cycles;
    }

    private static double Median(IEnumerable<int> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2.0;
    }

    private static IEnumerable<CycleRecord> Completed(IEnumerable<CycleRecord> cycles) =>
        cycles.Where(c => c.EndTick is not null && c.Outcome is not (Outcome.Fizzle or Outcome.Ongoing));

    [SkippableTheory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void Cutting_the_dwell_to_one_tick_leaves_each_stages_median_duration_about_the_same(double openness)
    {
        var runs = Seeds.Select(s => Simulator.Run(Base(s, openness), new RunOptions { Threads = 1 })).ToArray();
        var defaults = new ClassifierParameters();

        // Reading a series again reproduces the run's own cycles (so the dwell-1 reading is what a dwell-1 run would give).
        foreach (var run in runs.Where(r => !r.Cycles.Any(c => c.Outcome == Outcome.RevolutionaryTurnover)))
            Assert.Equal(run.Cycles.Where(c => c.Movement == TickObservation.WaveId), Reclassify(run, defaults), new CycleComparer());

        var three = runs.SelectMany(r => Completed(Reclassify(r, defaults))).ToArray();
        var one = runs.SelectMany(r => Completed(Reclassify(r, defaults with { Dwell = 1 }))).ToArray();
        // Since the funnel (issue 15) the default movement at openness 0.7 completes a cycle in few seeds (8 of 100 on
        // 7 Dec 2026): its mobilizations are mostly still under way or fizzle. Too few to compare is a skip, not a pass.
        Skip.If(three.Length < 10 || one.Length < 10, $"too few completed cycles to compare durations at openness {openness} ({three.Length} and {one.Length} in {Seeds.Length} seeds)");

        foreach (var stage in StageText.Cycle)
        {
            double m3 = Median(three.Select(c => c.StageDurations[(int)stage]));
            double m1 = Median(one.Select(c => c.StageDurations[(int)stage]));
            double tolerance = Math.Max(ToleranceTicks, ToleranceShare * m3);
            Assert.True(Math.Abs(m1 - m3) <= tolerance,
                $"stage {(int)stage}: median {m3} ticks with dwell 3, {m1} with dwell 1 (tolerance {tolerance:0.#}); {three.Length} and {one.Length} completed cycles");
        }
    }

    /// <summary>Cycles compared by what the classifier decided (the record holds a list, compared by value here).</summary>
    private sealed class CycleComparer : IEqualityComparer<CycleRecord>
    {
        public bool Equals(CycleRecord? a, CycleRecord? b) => a is not null && b is not null
            && (a.Cycle, a.StartTick, a.EndTick, a.PeakTick, a.Outcome, a.HighestStage, a.ViolentActs, a.ViolentActsAfterPeak)
            == (b.Cycle, b.StartTick, b.EndTick, b.PeakTick, b.Outcome, b.HighestStage, b.ViolentActs, b.ViolentActsAfterPeak)
            && a.StageDurations.SequenceEqual(b.StageDurations);

        public int GetHashCode(CycleRecord c) => HashCode.Combine(c.Cycle, c.StartTick);
    }
}
