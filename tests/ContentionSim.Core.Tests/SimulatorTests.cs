using ContentionSim.Core.Activists;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The run as a whole: parameters in, observations out. A run must be a pure function of
/// its scenario (seed included): not of the number of threads, not of the run before it.
/// </summary>
public class SimulatorTests
{
    /// <summary>
    /// Two movements of 12,000 and 10,000 activists: six chunks of <see cref="ActivistLayer.ChunkSize"/>,
    /// one of them split between the movements, with organizations in both so the
    /// organization records and calls take part.
    /// </summary>
    private static Scenario Large(ulong seed) => new()
    {
        Seed = seed,
        Ticks = 150,
        // From the initial state (no burn-in): the start-up surge is the something-happens these tests need in 150 ticks.
        BurnIn = 0,
        Movements =
        [
            new MovementParameters
            {
                Id = "migrants",
                GrievanceShift = 0.2,
                Activists = new ActivistParameters { Count = 12_000 },
                Organizations = [new OrganizationGroupParameters { Kind = OrganizationKind.ChristianNgo, PerThousandActivists = 0.5 }],
            },
            new MovementParameters
            {
                Id = "labour",
                GrievanceShift = 0.05,
                // The mobilization funnel off in this movement (on in the other), so that the run reaches stage 3.
                Activists = new ActivistParameters { Count = 10_000, Outreach = 1, Availability = 1 },
                Organizations = [new OrganizationGroupParameters { Kind = OrganizationKind.CommunityUnion, PerThousandActivists = 0.4 }],
            },
        ],
    };

    private static Scenario Small(ulong seed, int ticks = 200) => new()
    {
        Seed = seed,
        Ticks = ticks,
        Movements =
        [
            new MovementParameters
            {
                Activists = new ActivistParameters { Count = 2_000 },
                Organizations = [new OrganizationGroupParameters { PerThousandActivists = 5 }],
            },
        ],
    };

    /// <summary>The serial run of <see cref="Large"/>, shared by the tests that need it (a build of its network takes seconds).</summary>
    private static readonly Lazy<RunResult> LargeSerial = new(() => Simulator.Run(Large(11), new RunOptions { Threads = 1 }));

    [Fact]
    public void Large_scenario_spans_several_chunks_and_moves_through_stages()
    {
        // Guards the premise of the thread test below: several chunks, a chunk shared by two
        // movements, and a run in which something happens (else identical output proves little).
        var scenario = Large(11);
        Assert.True(scenario.TotalActivists >= 5 * ActivistLayer.ChunkSize);
        Assert.NotEqual(0, 12_000 % ActivistLayer.ChunkSize);

        var run = LargeSerial.Value;

        Assert.Equal(150 * 3, run.Series.Count); // wave + two movements per tick
        Assert.Contains(run.StageEntries, e => e.Stage >= Stages.Stage.InformationAndInteraction);
        Assert.True(run.Series.Max(o => o.Participation) > 2 * run.Series[0].Participation);
        Assert.Contains(run.Organizations, o => o.Members > 0 && o.Lobbying > 0);
    }

    [Fact]
    public void Same_scenario_and_seed_give_identical_runs()
    {
        var first = Simulator.Run(Small(5), new RunOptions { Threads = 1 });
        var second = Simulator.Run(Small(5), new RunOptions { Threads = 1 });

        AssertSameRun(first, second);
    }

    [Fact]
    public void One_thread_and_four_threads_give_identical_runs()
    {
        var serial = LargeSerial.Value;
        var parallel = Simulator.Run(Large(11), new RunOptions { Threads = 4 });

        AssertSameRun(serial, parallel);
    }

    [Fact]
    public void A_different_seed_gives_a_different_series()
    {
        var a = Simulator.Run(Small(5), new RunOptions { Threads = 1 });
        var b = Simulator.Run(Small(6), new RunOptions { Threads = 1 });

        Assert.Equal(a.Series.Count, b.Series.Count);
        int differing = a.Series.Zip(b.Series).Count(p => p.First != p.Second);
        // Not just one tick: the draws of every activist differ from the start.
        Assert.True(differing > a.Series.Count / 2, $"only {differing} of {a.Series.Count} ticks differ");
        Assert.NotEqual(a.Organizations, b.Organizations);
    }

    [Fact]
    public void Dropping_the_series_does_not_change_the_headline()
    {
        var kept = Simulator.Run(Small(8), new RunOptions { Threads = 1 });
        var dropped = Simulator.Run(Small(8), new RunOptions { Threads = 1, KeepSeries = false });

        Assert.Empty(dropped.Series);
        AssertSameHeadline(kept.Headline, dropped.Headline);
        Assert.Equal(kept.StageEntries, dropped.StageEntries);
    }

    [Fact]
    public void On_tick_sees_every_wave_observation_of_the_series()
    {
        var seen = new List<TickObservation>();
        var run = Simulator.Run(Small(3, ticks: 60), new RunOptions { Threads = 1, OnTick = seen.Add });

        Assert.Equal(run.Series, seen);
        Assert.Equal(Enumerable.Range(1, 60), seen.Select(o => o.Tick));
    }

    [Fact]
    public void Cancelling_stops_the_run_early()
    {
        using var cts = new CancellationTokenSource();
        const int stopAt = 10;
        var options = new RunOptions
        {
            Threads = 1,
            Cancellation = cts.Token,
            OnTick = o => { if (o.Tick == stopAt) cts.Cancel(); },
        };

        var run = Simulator.Run(Small(4), options);

        Assert.True(run.TicksRun < run.Scenario.Ticks);
        Assert.Equal(stopAt, run.TicksRun);
        Assert.Equal(stopAt, run.Series.Count);
        Assert.Equal(stopAt, run.Series[^1].Tick);
        // The ticks that were run are the ticks of the full run.
        var full = Simulator.Run(Small(4), new RunOptions { Threads = 1 });
        Assert.Equal(full.Series.Take(stopAt), run.Series);
    }

    [Fact]
    public void A_cancelled_token_runs_no_ticks()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var run = Simulator.Run(Small(4), new RunOptions { Threads = 1, Cancellation = cts.Token });

        Assert.Equal(0, run.TicksRun);
        Assert.Empty(run.Series);
        Assert.Empty(run.Cycles);
        Assert.Equal(0, run.Headline.Cycles);
    }

    [Fact]
    public void Series_holds_the_wave_then_each_movement_every_tick()
    {
        var run = Simulator.Run(Large(2) with { Ticks = 5, Network = new NetworkParameters { Kind = NetworkKind.Random } },
            new RunOptions { Threads = 2 });

        Assert.Equal(["migrants", "labour"], run.Movements);
        Assert.Equal(
            Enumerable.Range(1, 5).SelectMany(t => new[] { (t, TickObservation.WaveId), (t, "migrants"), (t, "labour") }),
            run.Series.Select(o => (o.Tick, o.Movement)));
        foreach (var tick in run.Series.GroupBy(o => o.Tick))
        {
            var wave = tick.Single(o => o.Movement == TickObservation.WaveId);
            var movements = tick.Where(o => o.Movement != TickObservation.WaveId).ToArray();
            Assert.Equal(22_000, wave.Activists);
            Assert.Equal(wave.Activists, movements.Sum(o => o.Activists));
            Assert.Equal(wave.Active, movements.Sum(o => o.Active));
            Assert.Equal(wave.RepressionEvents, movements.Sum(o => o.RepressionEvents));
            Assert.Equal(wave.Activists, wave.Inactive + wave.Active + wave.Exhausted + wave.Repressed + wave.Coopted);
        }
    }

    private static void AssertSameRun(RunResult a, RunResult b)
    {
        Assert.Equal(a.TicksRun, b.TicksRun);
        Assert.Equal(a.Movements, b.Movements);
        // TickObservation, StageEntry and OrganizationRecord hold only scalars: record equality is exact.
        Assert.Equal(a.Series, b.Series);
        Assert.Equal(a.StageEntries, b.StageEntries);
        Assert.Equal(a.Organizations, b.Organizations);
        Assert.Equal(a.Events, b.Events);
        // CycleRecord holds an array (stage durations), which records compare by reference.
        Assert.Equal(a.Cycles.Select(WithoutDurations), b.Cycles.Select(WithoutDurations));
        Assert.Equal(a.Cycles.SelectMany(c => c.StageDurations), b.Cycles.SelectMany(c => c.StageDurations));
        AssertSameHeadline(a.Headline, b.Headline);
    }

    private static void AssertSameHeadline(Headline a, Headline b)
    {
        Assert.Equal(a.Outcomes, b.Outcomes);
        Assert.Equal(a.StageDurations, b.StageDurations);
        Assert.Equal(a with { Outcomes = [], StageDurations = [] }, b with { Outcomes = [], StageDurations = [] });
    }

    private static readonly int[] NoDurations = [];

    private static CycleRecord WithoutDurations(CycleRecord c) => c with { StageDurations = NoDurations };
}
