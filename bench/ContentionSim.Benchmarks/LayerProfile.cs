using System.Diagnostics;
using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Network;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Benchmarks;

/// <summary>
/// Where a tick's time goes: times every phase of every layer over a run (a Stopwatch
/// profile, not a BenchmarkDotNet measurement; for finding hot spots).
/// </summary>
internal static class LayerProfile
{
    public static void Run(Scenario scenario, int threads, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        int n = (int)scenario.TotalActivists;
        var net = SocialNetwork.Build(scenario.Network, [0, n], new Core.Randomness.Rng(1), threads);
        double netSeconds = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(net);
        net = null;
        GC.Collect();

        clock.Restart();
        var options = new RunOptions { Threads = threads, KeepSeries = false };
        var model = new ContentionModel(scenario, options);
        double initSeconds = clock.Elapsed.TotalSeconds;
        var times = new long[ContentionModel.Phases.Length];
        model.PhaseTimes = times;
        long allocated = GC.GetTotalAllocatedBytes(true);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        double best = double.MaxValue;
        var block = Stopwatch.StartNew();
        for (int t = 0; t < scenario.Ticks; t++)
        {
            if (t % 5 == 0)
            {
                if (t > 0) best = Math.Min(best, block.Elapsed.TotalMilliseconds / 5);
                block.Restart();
            }
            model.Step();
        }
        double seconds = total.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        output.WriteLine($"{n:N0} activists × {scenario.Ticks} ticks, {threads} thread(s)");
        output.WriteLine($"network build alone {netSeconds:0.000} s; initialisation (population, network, organizations) {initSeconds:0.000} s");
        output.WriteLine($"ticks {seconds:0.000} s = {1000 * seconds / scenario.Ticks:0.000} ms/tick, {(double)n * scenario.Ticks / seconds:N0} activist-ticks/s; cpu {1000 * cpu / scenario.Ticks:0.000} ms/tick; best 5-tick block {best:0.000} ms/tick; allocated {allocated / (double)scenario.Ticks:0} bytes/tick");
        output.WriteLine($"{"phase of the step",-22} {"ms/tick",12}");
        for (int p = 0; p < times.Length; p++)
            output.WriteLine($"{ContentionModel.Phases[p],-22} {1000.0 * times[p] / Stopwatch.Frequency / scenario.Ticks,12:0.000}");
        using var self = Process.GetCurrentProcess();
        output.WriteLine($"peak working set {self.PeakWorkingSet64 / 1048576.0:0} MiB");
    }
}
