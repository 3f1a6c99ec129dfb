using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Tests.Support;
using Xunit.Abstractions;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The tick allocates nothing: bytes allocated are measured across hundreds of ticks, on the
/// ticking thread (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) and, with helper threads,
/// in the whole process (<see cref="GC.GetTotalAllocatedBytes"/>, with no other test running).
/// Only events that the run must record allocate: a stage entered, a cycle closed, an alliance
/// formed, a scheduled event applied.
/// </summary>
[Collection(MeasurementGroup.Name)]
public class AllocationTests(ITestOutputHelper output)
{
    private static ContentionModel Runner(Scenario scenario, int threads, bool keepSeries = false, Action<TickObservation>? onTick = null) =>
        new(scenario, new RunOptions { Threads = threads, KeepSeries = keepSeries, OnTick = onTick });

    /// <summary>Things a tick may record (and so allocate for): stage entries, cycles, alliances, applied events.</summary>
    private static int Records(ContentionModel model)
    {
        var obs = model.Observation;
        return obs.Wave.Entries.Count + obs.Wave.Cycles.Count
               + obs.Movements.Sum(m => m.Entries.Count + m.Cycles.Count)
               + model.Allies.Alliances.Count
               + model.Events.Applied.Count;
    }

    [Fact]
    public void The_activist_update_allocates_nothing()
    {
        var runner = Runner(BenchLikeScenarios.JapanLike(20_000, 1000), threads: 1);
        runner.Run(40); // past first-call work (tiering, static constructors)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 300; t++)
        {
            runner.RepeatActivistStep();
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    /// <summary>Steps <paramref name="ticks"/> ticks; the ticks that recorded nothing, and the bytes they allocated on this thread.</summary>
    private static (int Quiet, long Bytes) QuietTicks(ContentionModel runner, int ticks)
    {
        int quiet = 0;
        long quietBytes = 0;
        for (int t = 0; t < ticks; t++)
        {
            int records = Records(runner);
            long before = GC.GetAllocatedBytesForCurrentThread();
            runner.Step();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (Records(runner) == records)
            {
                quiet++;
                quietBytes += bytes;
            }
        }
        return (quiet, quietBytes);
    }

    [Fact]
    public void Whole_ticks_allocate_nothing_unless_they_record_something()
    {
        var runner = Runner(BenchLikeScenarios.JapanLike(20_000, 1000), threads: 1);
        runner.Run(40);

        const int measured = 300;
        var (quiet, quietBytes) = QuietTicks(runner, measured);
        output.WriteLine($"{quiet} of {measured} ticks recorded nothing; they allocated {quietBytes} bytes");

        Assert.True(quiet >= measured * 9 / 10, $"only {quiet} of {measured} ticks were free of stage entries, cycles, alliances and events");
        Assert.Equal(0, quietBytes);
    }

    [Fact]
    public void Ticks_with_triggering_events_allocate_nothing_unless_they_record_something()
    {
        var scenario = BenchLikeScenarios.JapanLike(20_000, 1000);
        var movement = scenario.Movements[0];
        scenario = scenario with
        {
            Movements = [movement with { Organizations = [.. movement.Organizations.Select(g => g with { TriggerRate = 0.05 })] }],
        };
        var runner = Runner(scenario, threads: 1);
        runner.Run(40);

        const int measured = 300;
        int events = runner.Organizations.Organizations.Sum(o => o.TriggeringEvents);
        var (quiet, quietBytes) = QuietTicks(runner, measured);
        events = runner.Organizations.Organizations.Sum(o => o.TriggeringEvents) - events;
        output.WriteLine($"{events} triggering events; {quiet} of {measured} ticks recorded nothing; they allocated {quietBytes} bytes");

        Assert.True(events > 100, $"only {events} triggering events in {measured} ticks");
        Assert.True(quiet >= measured / 2, $"only {quiet} of {measured} ticks were free of stage entries, cycles, alliances and events");
        Assert.Equal(0, quietBytes);
    }

    [Fact]
    public void Ticks_on_two_threads_allocate_nothing_in_the_process()
    {
        // Helpers run on thread-pool threads, so every thread's allocations are counted (no other
        // test runs meanwhile). Rounds of 100 updates; the quietest round counts, so that work of
        // the runtime itself (a method compiled again on a background thread, a pool thread started
        // when the machine is loaded: about 1.5 KB at a time, more often the longer a round) does
        // not. Up to 20 rounds, stopping at the first quiet one.
        const int updates = 100, limit = 1024;
        var runner = Runner(BenchLikeScenarios.JapanLike(60_000, 10_000), threads: 2);
        runner.Run(40);

        long quietest = long.MaxValue;
        var rounds = new List<long>();
        for (int round = 0; round < 20 && quietest >= limit; round++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int t = 0; t < updates; t++)
            {
                runner.RepeatActivistStep();
            }
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            rounds.Add(allocated);
            quietest = Math.Min(quietest, allocated);
        }
        output.WriteLine($"bytes allocated in the process per round of {updates} two-thread updates: {string.Join(", ", rounds)}");

        // One small object per tick (a closure, a delegate, an options object: 24 bytes or more)
        // would be at least 2,400 bytes a round.
        Assert.True(quietest < limit, $"the quietest round of {updates} updates allocated {quietest} bytes");
    }

    [Fact]
    public void Memory_does_not_grow_with_ticks_when_each_tick_is_written_out()
    {
        // Per-tick output streamed as it happens (KeepSeries off, a row per tick written out):
        // what the process holds after 1,100 ticks is what it held after 100.
        using var sink = new StreamWriter(Stream.Null);
        void Write(TickObservation o) => sink.WriteLine($"{o.Tick},{o.Stage},{o.Active},{o.Participation},{o.MeanGrievance}");
        var runner = Runner(BenchLikeScenarios.JapanLike(50_000, 5000), threads: 1, onTick: Write);

        runner.Run(100);
        long early = GC.GetTotalMemory(forceFullCollection: true);
        runner.Run(1000);
        long late = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"heap after 100 ticks {early:N0} bytes, after 1,100 ticks {late:N0} bytes");

        // Kept series grow by about 200 bytes a tick (a record per tick), 200 KB over 1,000 ticks;
        // streamed output must not come near that.
        Assert.True(late - early < 64 * 1024, $"the heap grew by {late - early:N0} bytes over 1,000 ticks");
        GC.KeepAlive(runner);
    }

    [Fact]
    public void Kept_series_do_grow_which_the_measurement_above_would_see()
    {
        // The control for the test above: the same measurement sees the growth of a kept series.
        var runner = Runner(BenchLikeScenarios.JapanLike(50_000, 5000), threads: 1, keepSeries: true);

        runner.Run(100);
        long early = GC.GetTotalMemory(forceFullCollection: true);
        runner.Run(1000);
        long late = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(late - early > 100 * 1024, $"the heap grew by only {late - early:N0} bytes over 1,000 kept ticks");
        GC.KeepAlive(runner);
    }
}
