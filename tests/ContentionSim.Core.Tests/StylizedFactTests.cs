using System.Collections.Concurrent;
using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Tests.Support;
using Xunit.Abstractions;

namespace ContentionSim.Core.Tests;

/// <summary>
/// Runs shared by the stylized-fact tests, each computed once. 2,000 activists, 520 ticks
/// and one group of ten organizations: about 0.15 s a run on one core.
/// </summary>
public sealed class StylizedFactRuns
{
    private readonly ConcurrentDictionary<(string Arm, ulong Seed), Lazy<RunResult>> _runs = new();

    public RunResult Get(string arm, ulong seed, Func<ulong, Scenario> scenario) =>
        _runs.GetOrAdd((arm, seed), _ => new Lazy<RunResult>(() => Simulator.Run(scenario(seed), new RunOptions { Threads = 1 }))).Value;

    public IReadOnlyList<RunResult> GetAll(string arm, IEnumerable<ulong> seeds, Func<ulong, Scenario> scenario)
    {
        var list = seeds.ToArray();
        var results = new RunResult[list.Length];
        Parallel.For(0, list.Length, i => results[i] = Get(arm, list[i], scenario));
        return results;
    }
}

/// <summary>
/// The stylized facts of MODEL.md, checked over several seeds. Each check states its
/// margin: either a 95% t-interval of paired per-seed differences that must exclude 0, or
/// a count of seeds k of n. For the counts, k is the smallest count that would be unlikely
/// (one-sided p &lt; 0.05) if the property held in only half of the runs (sign test):
/// 7 of 8 (p = 0.035), 9 of 10 (p = 0.011).
/// </summary>
public class StylizedFactTests(StylizedFactRuns runs, ITestOutputHelper output) : IClassFixture<StylizedFactRuns>
{
    private static readonly ulong[] EightSeeds = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly ulong[] TenSeeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    /// <summary>The default scenario with 2,000 activists and a group of ten organizations.</summary>
    private static Scenario Base(ulong seed) => new()
    {
        Seed = seed,
        Ticks = 520,
        Movements =
        [
            new MovementParameters
            {
                Activists = new ActivistParameters { Count = 2000 },
                Organizations = [new OrganizationGroupParameters { Count = 10 }],
            },
        ],
    };

    private static Scenario Openness(ulong seed, double openness) =>
        Base(seed) with { State = new StateParameters { Openness = openness } };

    private static Scenario Boomerang(ulong seed, double alliance) =>
        Base(seed) with
        {
            State = new StateParameters { Openness = 0.1 },
            Transnational = new TransnationalParameters { AllianceProbability = alliance },
        };

    private IReadOnlyList<RunResult> Default() => runs.GetAll("default", EightSeeds, Base);
    private IReadOnlyList<RunResult> Tight() => runs.GetAll("tight", TenSeeds, s => Openness(s, 0.1));
    private IReadOnlyList<RunResult> Open() => runs.GetAll("open", TenSeeds, s => Openness(s, 0.9));

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    private void Log(string label, IEnumerable<double> values) => output.WriteLine($"{label}: {string.Join(" ", values.Select(F))}");

    /// <summary>Wave cycles that ended with an outcome of stage 6 or before it (not fizzles, not cut off by the end of the run).</summary>
    private static IEnumerable<CycleRecord> Completed(RunResult r) =>
        r.Cycles.Where(c => c.Movement == TickObservation.WaveId && c.EndTick is not null && c.Outcome != Outcome.Fizzle);

    // ---------------------------------------------------------------- Fact 1

    [Fact]
    public void Fact1_ACycleRisesPeaksAndDeclines()
    {
        // For the first completed cycle of each seed: the peak lies strictly inside the cycle
        // and participation at the peak is at least twice that at the onset and at the end.
        // Margin: at least 7 of 8 seeds (p = 0.035 under a fair coin).
        int ok = 0;
        foreach (var r in Default())
        {
            var c = Completed(r).FirstOrDefault();
            if (c is null) { output.WriteLine($"seed {r.Seed}: no completed cycle"); continue; }
            var at = r.Series.ToDictionary(o => o.Tick, o => o.Participation);
            double start = at[c.StartTick], peak = at[c.PeakTick], end = at[c.EndTick!.Value];
            bool parabola = c.StartTick < c.PeakTick && c.PeakTick < c.EndTick && peak >= 2 * start && peak >= 2 * end;
            output.WriteLine($"seed {r.Seed}: onset {c.StartTick} ({F(start)}) peak {c.PeakTick} ({F(peak)}) end {c.EndTick} ({F(end)}) {(parabola ? "ok" : "NOT a parabola")}");
            if (parabola) ok++;
        }
        Assert.True(ok >= 7, $"{ok} of 8 seeds rise, peak and decline");
    }

    [Fact]
    public void Fact1_StagesAdvanceInOrderWithinEveryCycle()
    {
        // Structural: holds for every cycle of every seed, no margin.
        foreach (var r in Default().Concat(Tight()).Concat(Open()))
        {
            foreach (var cycle in r.Cycles)
            {
                var entries = r.StageEntries.Where(e => e.Movement == cycle.Movement && e.Cycle == cycle.Cycle).ToList();
                Assert.NotEmpty(entries);
                Assert.Equal(Stage.ConflictAndDiffusion, entries[0].Stage);
                Assert.Equal(cycle.StartTick, entries[0].Tick);
                for (int k = 1; k < entries.Count; k++)
                {
                    Assert.True(entries[k].Stage > entries[k - 1].Stage, $"seed {r.Seed} cycle {cycle.Cycle}: {entries[k].Stage} after {entries[k - 1].Stage}");
                    Assert.True(entries[k].Tick >= entries[k - 1].Tick);
                }
                Assert.Equal(cycle.HighestStage, entries[^1].Stage);
                Assert.All(entries, e => Assert.InRange(e.Tick, cycle.StartTick, cycle.EndTick ?? r.TicksRun));
                // A fizzle never reached stage 3; a cycle past stage 3 is never called a fizzle.
                if (cycle.Outcome == Outcome.Fizzle)
                    Assert.True(cycle.EndTick is not null && cycle.HighestStage < Stage.InformationAndInteraction);
                if (cycle.HighestStage >= Stage.InformationAndInteraction)
                    Assert.NotEqual(Outcome.Fizzle, cycle.Outcome);
            }
            // Tick by tick, the wave's stage only moves forward within a cycle.
            for (int i = 1; i < r.Series.Count; i++)
            {
                var (prev, cur) = (r.Series[i - 1], r.Series[i]);
                if (cur.Cycle == prev.Cycle && cur.Stage != Stage.Latent)
                    Assert.True(cur.Stage >= prev.Stage, $"seed {r.Seed}: stage fell from {prev.Stage} to {cur.Stage} at tick {cur.Tick}");
            }
        }
    }

    [Fact]
    public void Fact1_CompletedCyclesReachStageSixInMostSeeds()
    {
        // The first completed cycle of a seed goes on to facilitation and repression (stage 6),
        // through 4 and 5. Margin: at least 7 of 8 seeds.
        int ok = 0;
        foreach (var r in Default())
        {
            var c = Completed(r).FirstOrDefault();
            var stages = c is null ? [] : r.StageEntries.Where(e => e.Movement == c.Movement && e.Cycle == c.Cycle).Select(e => (int)e.Stage).ToArray();
            output.WriteLine($"seed {r.Seed}: stages {string.Join("→", stages)}; all completed cycles reach {string.Join(", ", Completed(r).Select(x => (int)x.HighestStage))}");
            if (c is not null && c.HighestStage == Stage.FacilitationAndRepression && stages.Contains(4) && stages.Contains(5)) ok++;
        }
        Assert.True(ok >= 7, $"{ok} of 8 seeds' first completed cycle reaches stage 6");
    }

    [Fact]
    public void Fact1_CompletedCyclesVisitAllSixStages()
    {
        // MODEL.md: a full cycle 'visits the stages in order when it completes'. Margin: at
        // least half of the completed cycles, pooled over 8 seeds, have an entry for each of 1–6.
        int all = 0, full = 0, withStage2 = 0;
        foreach (var r in Default())
        {
            foreach (var c in Completed(r))
            {
                var stages = r.StageEntries.Where(e => e.Movement == c.Movement && e.Cycle == c.Cycle).Select(e => e.Stage).ToHashSet();
                all++;
                if (stages.Contains(Stage.RepertoiresAndFrames)) withStage2++;
                if (StageText.Cycle.All(stages.Contains)) full++;
            }
        }
        output.WriteLine($"{full} of {all} completed cycles visit all six stages; {withStage2} enter stage 2");
        Assert.True(2 * full >= all, $"{full} of {all} completed cycles visit all six stages");
    }

    // ---------------------------------------------------------------- Fact 3

    private static double LateRadicalShare(RunResult r)
    {
        var late = r.Series.Where(o => o.Movement == TickObservation.WaveId && o.Stage >= Stage.ExhaustionAndPolarization && o.Active > 0).ToList();
        return late.Count == 0 ? double.NaN : late.Average(o => o.RadicalShare);
    }

    private void AssertPairedIncrease(string what, IReadOnlyList<double> higher, IReadOnlyList<double> lower)
    {
        Log($"{what} (higher arm)", higher);
        Log($"{what} (lower arm)", lower);
        var ci = Stats.PairedDifference95(higher, lower);
        output.WriteLine($"{what}: difference {ci}");
        Assert.True(ci.Low > 0, $"{what}: the 95% interval of the paired difference includes 0 ({ci})");
    }

    [Fact]
    public void Fact3_TightPosRepressesMore()
    {
        // Paired by seed over 10 seeds: repression events, tight (openness 0.1) minus open (0.9);
        // the 95% t-interval must lie above 0.
        AssertPairedIncrease("repression events",
            Tight().Select(r => (double)r.Headline.RepressionEvents).ToArray(),
            Open().Select(r => (double)r.Headline.RepressionEvents).ToArray());
    }

    [Fact]
    public void Fact3_OpenPosFacilitatesAndCooptsMore()
    {
        // Paired by seed over 10 seeds, open minus tight; each 95% t-interval must lie above 0.
        // An open state also absorbs protest into institutions, so it meets fewer protesters
        // in all: institutionalization is read as the rate at which those who take part are
        // co-opted, and facilitation as the share of the state's responses.
        AssertPairedIncrease("co-optations per 1,000 activist-ticks of participation",
            Open().Select(CooptationRate).ToArray(),
            Tight().Select(CooptationRate).ToArray());
        AssertPairedIncrease("facilitative share of state responses",
            Open().Select(FacilitativeShare).ToArray(),
            Tight().Select(FacilitativeShare).ToArray());
    }

    /// <summary>Co-optations per 1,000 activist-ticks of participation.</summary>
    private static double CooptationRate(RunResult r)
    {
        double activeTicks = r.Series.Where(o => o.Movement == TickObservation.WaveId).Sum(o => (double)o.Active);
        return activeTicks > 0 ? 1000.0 * r.Headline.Cooptations / activeTicks : 0;
    }

    /// <summary>(talks + concessions + co-optations) / (those + arrests) over the run.</summary>
    private static double FacilitativeShare(RunResult r)
    {
        double soft = r.Headline.FacilitationEvents + r.Headline.Cooptations;
        double all = soft + r.Headline.RepressionEvents;
        return all > 0 ? soft / all : 0;
    }

    [Fact]
    public void Fact3_TightPosRadicalizesTheActiveLate()
    {
        // Mean radical share of the active over the ticks in stages 4–6, paired by seed (seeds
        // where both arms reach stage 4); tight minus open, 95% t-interval above 0, with at
        // least 8 of the 10 pairs present.
        var pairs = Tight().Zip(Open(), (t, o) => (Tight: LateRadicalShare(t), Open: LateRadicalShare(o)))
            .Where(p => !double.IsNaN(p.Tight) && !double.IsNaN(p.Open)).ToArray();
        Assert.True(pairs.Length >= 8, $"only {pairs.Length} seeds reach stage 4 under both POS");
        AssertPairedIncrease("late radical share", pairs.Select(p => p.Tight).ToArray(), pairs.Select(p => p.Open).ToArray());
    }

    /// <summary>
    /// The outcome more common than any other among a run's completed wave cycles, or null
    /// if none completed or two outcomes tie (a tie counts against the expected outcome).
    /// </summary>
    private Outcome? MostCommonOutcome(RunResult r)
    {
        var groups = Completed(r).GroupBy(c => c.Outcome).OrderByDescending(g => g.Count()).ToList();
        output.WriteLine($"seed {r.Seed}: {string.Join(", ", r.Headline.Outcomes.Select(StageText.Key))}");
        if (groups.Count == 0 || (groups.Count > 1 && groups[1].Count() == groups[0].Count())) return null;
        return groups[0].Key;
    }

    [Fact]
    public void Fact3_TightPosEndsMostlySuppressed()
    {
        // Suppressed is more common than any other outcome of completed cycles in at least
        // 9 of 10 seeds (p = 0.011 under a fair coin).
        int n = Tight().Count(r => MostCommonOutcome(r) == Outcome.Suppressed);
        Assert.True(n >= 9, $"Suppressed is the most common outcome in {n} of 10 tight-POS seeds");
    }

    [Fact]
    public void Fact3_OpenPosEndsMostlyNegotiated()
    {
        // Negotiated is more common than any other outcome of completed cycles in at least 9 of 10 seeds.
        int n = Open().Count(r => MostCommonOutcome(r) == Outcome.Negotiated);
        int pooled = Open().Sum(r => Completed(r).Count(c => c.Outcome == Outcome.Negotiated));
        int all = Open().Sum(r => Completed(r).Count());
        output.WriteLine($"pooled: {pooled} of {all} completed cycles negotiated");
        Assert.True(n >= 9, $"Negotiated is the most common outcome in {n} of 10 open-POS seeds");
    }

    // ---------------------------------------------------------------- Fact 5

    private IReadOnlyList<RunResult> NoAllies() => runs.GetAll("boomerang-0", TenSeeds, s => Boomerang(s, 0.0));
    private IReadOnlyList<RunResult> Allies() => runs.GetAll("boomerang-0.5", TenSeeds, s => Boomerang(s, 0.5));

    [Fact]
    public void Fact5_TheBoomerangRaisesOutsidePressure()
    {
        // Tight POS (0.1); alliance probability 0.5 minus 0.0, paired by seed, 95% t-interval above 0.
        Assert.All(NoAllies(), r => Assert.Equal(0, r.Headline.AlliancesFormed));
        AssertPairedIncrease("mean outside pressure",
            Allies().Select(r => r.Headline.MeanOutsidePressure).ToArray(),
            NoAllies().Select(r => r.Headline.MeanOutsidePressure).ToArray());
    }

    [Fact]
    public void Fact5_TheBoomerangOpensTheState()
    {
        AssertPairedIncrease("mean effective openness",
            Allies().Select(r => r.Series.Average(o => o.EffectiveOpenness)).ToArray(),
            NoAllies().Select(r => r.Series.Average(o => o.EffectiveOpenness)).ToArray());
    }

    [Fact]
    public void Fact5_TheBoomerangWinsConcessions()
    {
        AssertPairedIncrease("concessions",
            Allies().Select(r => (double)r.Headline.Concessions).ToArray(),
            NoAllies().Select(r => (double)r.Headline.Concessions).ToArray());
    }

    // ---------------------------------------------------------------- Fact 9

    /// <summary>Granovetter's riot: 100 people, complete network, thresholds counted in people, nothing else.</summary>
    private static Scenario Granovetter(IReadOnlyList<double> thresholds) => new()
    {
        Seed = 1,
        Ticks = 150,
        Network = new NetworkParameters { Kind = NetworkKind.Complete },
        State = new StateParameters { Enabled = false },
        Transnational = new TransnationalParameters { Enabled = false },
        Public = new PublicOpinionParameters { Enabled = false },
        Movements =
        [
            new MovementParameters
            {
                Organizations = [],
                Activists = new ActivistParameters
                {
                    Thresholds = thresholds,
                    ThresholdUnit = ThresholdUnit.People,
                    GrievanceWeight = 0,
                    RiskWeight = 0,
                    SocialWeight = 1,
                    EfficacyWeight = 0,
                    CallWeight = 0,
                    EnergyCost = 0,
                    InitialFrameAdoption = 0,
                    FrameContagion = 0,
                },
            },
        ],
    };

    private static double[] Uniform100() => Enumerable.Range(0, 100).Select(i => (double)i).ToArray();

    [Fact]
    public void Fact9_ThresholdsZeroToNinetyNineAllRiot()
    {
        var run = Simulator.Run(Granovetter(Uniform100()), new RunOptions { Threads = 1 });

        Assert.Equal(100, run.Series[^1].Activists);
        Assert.Equal(100, run.Series[^1].Active);
        // The cascade of the threshold model: one more person joins each tick.
        Assert.Equal(Enumerable.Range(1, 150).Select(t => Math.Min(t, 100)), run.Series.Select(o => o.Active));
    }

    [Fact]
    public void Fact9_RaisingTheThresholdOfOnePersonStopsTheRiot()
    {
        var thresholds = Uniform100();
        thresholds[1] = 2;

        var run = Simulator.Run(Granovetter(thresholds), new RunOptions { Threads = 1 });

        Assert.Equal(1, run.Series[^1].Active);
        Assert.All(run.Series, o => Assert.Equal(1, o.Active));
    }
}
