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
/// Structural properties of the stylized facts that hold run by run, with no statistical margin, and
/// Granovetter's cascade tick by tick. The statistical criteria of the facts (shares, paired
/// differences over at least 30 seeds) are the experiments' in scenarios/experiments/, checked at quick
/// size by ContentionSim.Cli.Tests/Validation/ExperimentQuickTests and documented in docs/validation.md;
/// they superseded the 8–10-seed checks this class used to make for facts 1, 3 and 5.
/// One check kept from those: at least half of the completed cycles visit all six stages.
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
                Organizations = [new OrganizationGroupParameters { PerThousandActivists = 5 }],
            },
        ],
    };

    private static Scenario Openness(ulong seed, double openness) =>
        Base(seed) with { State = new StateParameters { Openness = openness } };

    private IReadOnlyList<RunResult> Default() => runs.GetAll("default", EightSeeds, Base);
    private IReadOnlyList<RunResult> Tight() => runs.GetAll("tight", TenSeeds, s => Openness(s, 0.1));
    private IReadOnlyList<RunResult> Open() => runs.GetAll("open", TenSeeds, s => Openness(s, 0.9));

    /// <summary>Wave cycles that ended with an outcome of stage 6 or before it (not fizzles, not cut off by the end of the run).</summary>
    private static IEnumerable<CycleRecord> Completed(RunResult r) =>
        r.Cycles.Where(c => c.Movement == TickObservation.WaveId && c.EndTick is not null && c.Outcome != Outcome.Fizzle);

    // ---------------------------------------------------------------- Fact 1

    [Fact]
    public void Fact1_stages_advance_in_order_within_every_cycle()
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
    public void Fact1_completed_cycles_visit_all_six_stages_is_a_known_failure()
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
        // A known failure since the mobilization funnel (issue 15): most completed cycles end from stage 5 (faded or
        // negotiated) without entering stage 6 (2 of 6 visit all six on 7 Dec 2026; docs/validation.md, fact 1).
        // Asserted as failing so that it stays visible; when it holds again, restore the assertion below.
        Assert.False(2 * full >= all, $"known failure now holds: {full} of {all} completed cycles visit all six stages — " +
            "restore Assert.True(2 * full >= all) here and remove the known failure of fact 1 (Fact1Parabola.cs, docs)");
    }

    // ---------------------------------------------------------------- Fact 9

    /// <summary>Granovetter's riot: 100 people, complete network, thresholds counted in people, nothing else.</summary>
    private static Scenario Granovetter(IReadOnlyList<double> thresholds) => new()
    {
        Seed = 1,
        Ticks = 150,
        BurnIn = 0, // Granovetter's model is the cascade from everybody inactive (as scenarios/granovetter.yaml)
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
                    Outreach = 1,
                    Availability = 1,
                },
            },
        ],
    };

    private static double[] Uniform100() => Enumerable.Range(0, 100).Select(i => (double)i).ToArray();

    [Fact]
    public void Fact9_thresholds_zero_to_ninety_nine_all_riot()
    {
        var run = Simulator.Run(Granovetter(Uniform100()), new RunOptions { Threads = 1 });

        Assert.Equal(100, run.Series[^1].Activists);
        Assert.Equal(100, run.Series[^1].Active);
        // The cascade of the threshold model: one more person joins each tick.
        Assert.Equal(Enumerable.Range(1, 150).Select(t => Math.Min(t, 100)), run.Series.Select(o => o.Active));
    }

    [Fact]
    public void Fact9_raising_the_threshold_of_one_person_stops_the_riot()
    {
        var thresholds = Uniform100();
        thresholds[1] = 2;

        var run = Simulator.Run(Granovetter(thresholds), new RunOptions { Threads = 1 });

        Assert.Equal(1, run.Series[^1].Active);
        Assert.All(run.Series, o => Assert.Equal(1, o.Active));
    }
}
