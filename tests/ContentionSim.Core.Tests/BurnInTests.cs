using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Tests.Support;
using Xunit.Abstractions;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The burn-in (issue 15 item 6): ticks simulated before tick 1 and not recorded, so that the start-up
/// transient of the initial state — everybody inactive, rested, at baseline grievance, which before the
/// burn-in started the first cycle at ticks 10–21 in 90–100% of runs — is not what experiments measure.
/// </summary>
public class BurnInTests(ITestOutputHelper log)
{
    /// <summary>The classroom configuration: the default scenario with 2,000 activists (ten default organizations).</summary>
    private static Scenario Classroom(ulong seed, int burnIn) => new()
    {
        Seed = seed,
        Ticks = 520,
        BurnIn = burnIn,
        Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 2000 } }],
    };

    private const int Window = 25;
    private const int Seeds = 30;

    /// <summary>Share of runs whose first cycle (fizzles included) opens in the first 25 recorded ticks, and the rate of cycle openings per tick.</summary>
    private static (double FirstEarly, double OpeningsPerTick) Starts(int burnIn)
    {
        var runs = new RunResult[Seeds];
        Parallel.For(0, Seeds, k => runs[k] = Simulator.Run(Classroom((ulong)(k + 1), burnIn), new RunOptions { Threads = 1, KeepSeries = false }));
        var wave = runs.Select(r => r.Cycles.Where(c => c.Movement == TickObservation.WaveId).OrderBy(c => c.StartTick).ToList()).ToList();
        double early = wave.Count(c => c.Count > 0 && c[0].StartTick <= Window) / (double)Seeds;
        double rate = wave.Sum(c => c.Count) / (double)(Seeds * 520);
        return (early, rate);
    }

    [Fact]
    public void With_the_default_burn_in_the_first_cycle_is_not_bunched_at_the_start()
    {
        var (before, _) = Starts(0);
        var (after, rate) = Starts(Scenario.DefaultBurnIn);
        // If cycle openings were spread evenly at the rate the runs show, the first would fall in the first
        // 25 ticks with chance 1 − e^(−25 · rate).
        double even = 1 - Math.Exp(-Window * rate);
        log.WriteLine($"first cycle in ticks 1–{Window}: {before:P0} without burn-in, {after:P0} with {Scenario.DefaultBurnIn} ticks; even spread {even:P0} ({rate * 520:0.0} openings a run)");

        // Before the mobilization funnel (issue 15), a run from the initial state opened its first cycle in the
        // first 25 ticks in 90–100% of runs, and this test also asserted that bunching without a burn-in. The
        // funnel slows the first joiners and the bunching is gone from burn-in 0 as well (0% of 30 runs on
        // 7 Dec 2026; docs/ODD.md, "Initialization"); the burn-in stays as protection, and this asserts its effect.
        Assert.True(after <= Math.Max(0.35, 2 * even), $"after the burn-in {after:P0} of first cycles still open in the first {Window} ticks (even spread: {even:P0})");
        Assert.True(before <= Math.Max(0.35, 2 * even) || after < before, $"the burn-in does not lessen a bunching at the start ({before:P0} → {after:P0})");
    }

    [Fact]
    public void The_burn_in_runs_on_until_no_wave_is_under_way_and_the_classifier_keeps_the_routine_it_learnt()
    {
        // The open-POS movement surges about four times in ten years, so a fixed burn-in ends inside a
        // wave in a good share of seeds; then it runs on (at most as long again) until the wave is quiet.
        var models = Enumerable.Range(1, Seeds).Select(k => new ContentionModel(Classroom((ulong)k, Scenario.DefaultBurnIn) with
        {
            State = new StateParameters { Openness = 0.7 },
        }, new RunOptions { Threads = 1, KeepSeries = false })).ToList();
        var extended = models.Count(m => m.BurnInTicks > Scenario.DefaultBurnIn);
        log.WriteLine($"burn-in extended in {extended} of {Seeds} runs; ticks: {string.Join(' ', models.Select(m => m.BurnInTicks))}");

        Assert.All(models, m => Assert.InRange(m.BurnInTicks, Scenario.DefaultBurnIn, 2 * Scenario.DefaultBurnIn));
        Assert.True(extended > 0, "no run ended its fixed burn-in inside a wave: the extension was not exercised");
        foreach (var m in models.Where(m => m.BurnInTicks < 2 * Scenario.DefaultBurnIn))
        {
            var wave = m.Observation.Wave;
            Assert.Equal(Stages.Stage.Latent, wave.Current);
            Assert.Equal(0, wave.Cycle);
            Assert.Empty(wave.Entries);
            Assert.Empty(wave.Cycles);
        }
    }

    [Fact]
    public void The_burn_in_is_not_recorded_and_events_keep_their_ticks()
    {
        var s = Classroom(3, 40) with
        {
            Ticks = 60,
            Events = [new ScheduledEvent { At = 10, Set = "state.openness", Value = 0.9, Label = "opening" }],
        };
        var run = Simulator.Run(s);

        Assert.Equal(60, run.TicksRun);
        Assert.Equal(Enumerable.Range(1, 60), run.Series.Where(o => o.Movement == TickObservation.WaveId).Select(o => o.Tick));
        Assert.Equal(10, Assert.Single(run.Events).Tick);
        Assert.All(run.Cycles, c => Assert.True(c.StartTick >= 1));
        // What organizations counted is of the recorded ticks only: at most one lobbying attempt a tick each.
        Assert.All(run.Organizations, o => Assert.InRange(o.Lobbying, 0, 60));
    }

    [Fact]
    public void A_burn_in_changes_what_is_recorded_and_zero_is_the_run_from_the_initial_state()
    {
        var none = Simulator.Run(Classroom(5, 0) with { Ticks = 80 });
        var burnt = Simulator.Run(Classroom(5, 100) with { Ticks = 80 });

        Assert.NotEqual(none.Series.Select(o => o.Active), burnt.Series.Select(o => o.Active));
        // Without a burn-in the first tick sees everybody inactive, as initialised.
        Assert.Equal(0, none.Series[0].Exhausted);
        Assert.True(burnt.Series[0].Exhausted + burnt.Series[0].Active > 0, "after 100 ticks some activists have taken part");
    }

    [Fact]
    public void The_burn_in_gives_the_same_bytes_on_one_two_and_eight_threads()
    {
        var s = Classroom(11, 120) with { Ticks = 120, Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 12_000 } }] };
        var one = Simulator.Run(s, new RunOptions { Threads = 1 });

        RunAssert.Same(one, Simulator.Run(s, new RunOptions { Threads = 2 }));
        RunAssert.Same(one, Simulator.Run(s, new RunOptions { Threads = 8 }));
    }
}
