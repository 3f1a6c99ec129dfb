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
        var context = new SimulationContext(scenario, threads);
        var runner = new SimulationRunner(Simulator.Describe(options), context);
        double initSeconds = clock.Elapsed.TotalSeconds;
        var layers = runner.Layers.OfType<ISteppedLayer>().ToArray();
        var times = new double[layers.Length, 3];
        long allocated = GC.GetTotalAllocatedBytes(true);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var phase = new Stopwatch();
        double best = double.MaxValue;
        var block = Stopwatch.StartNew();
        for (int t = 0; t < scenario.Ticks; t++)
        {
            if (t % 5 == 0)
            {
                if (t > 0) best = Math.Min(best, block.Elapsed.TotalMilliseconds / 5);
                block.Restart();
            }
            context.CurrentTick++;
            for (int l = 0; l < layers.Length; l++) { phase.Restart(); layers[l].PreTick(); times[l, 0] += phase.Elapsed.TotalMilliseconds; }
            for (int l = 0; l < layers.Length; l++) { phase.Restart(); layers[l].Tick(); times[l, 1] += phase.Elapsed.TotalMilliseconds; }
            for (int l = 0; l < layers.Length; l++) { phase.Restart(); layers[l].PostTick(); times[l, 2] += phase.Elapsed.TotalMilliseconds; }
        }
        double seconds = total.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        output.WriteLine($"{n:N0} activists × {scenario.Ticks} ticks, {threads} thread(s)");
        output.WriteLine($"network build alone {netSeconds:0.000} s; initialisation (population, network, organizations) {initSeconds:0.000} s");
        output.WriteLine($"ticks {seconds:0.000} s = {1000 * seconds / scenario.Ticks:0.000} ms/tick, {(double)n * scenario.Ticks / seconds:N0} activist-ticks/s; cpu {1000 * cpu / scenario.Ticks:0.000} ms/tick; best 5-tick block {best:0.000} ms/tick; allocated {allocated / (double)scenario.Ticks:0} bytes/tick");
        output.WriteLine($"{"layer",-22} {"pre ms/tick",12} {"tick ms/tick",13} {"post ms/tick",13}");
        for (int l = 0; l < layers.Length; l++)
            output.WriteLine($"{layers[l].GetType().Name,-22} {times[l, 0] / scenario.Ticks,12:0.000} {times[l, 1] / scenario.Ticks,13:0.000} {times[l, 2] / scenario.Ticks,13:0.000}");
        using var self = Process.GetCurrentProcess();
        output.WriteLine($"peak working set {self.PeakWorkingSet64 / 1048576.0:0} MiB");
    }
}
