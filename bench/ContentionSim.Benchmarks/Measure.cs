using System.Diagnostics;
using System.Globalization;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Benchmarks;

/// <summary>
/// One run in a fresh process (so its peak working set is its own): start-up and ticks timed
/// apart, with the peak working set and the managed heap at the end. Prints one CSV line.
/// </summary>
internal static class Measure
{
    public const string Header = "activists,ticks,threads,startup_s,ticks_s,best_block_ms_per_tick,activist_ticks_per_s,peak_working_set_mib,bytes_per_activist,heap_mib,cpu_ticks_s";

    public static string Run(Scenario scenario, int threads, Action<TickObservation>? onTick = null)
    {
        var clock = Stopwatch.StartNew();
        var options = new RunOptions { Threads = threads, KeepSeries = false, OnTick = onTick };
        var runner = new ContentionModel(scenario, options);
        double startup = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        // Blocks of 10 ticks: the fastest block is the least disturbed by other processes.
        double best = double.MaxValue;
        var block = Stopwatch.StartNew();
        for (int done = 0; done < scenario.Ticks;)
        {
            int n = Math.Min(10, scenario.Ticks - done);
            block.Restart();
            runner.Run(n);
            if (n == 10) best = Math.Min(best, block.Elapsed.TotalMilliseconds / n);
            done += n;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        long activists = scenario.TotalActivists;
        using var self = Process.GetCurrentProcess();
        double peak = self.PeakWorkingSet64 / 1048576.0;
        var inv = CultureInfo.InvariantCulture;
        return string.Join(',',
            activists.ToString(inv), scenario.Ticks.ToString(inv), threads.ToString(inv),
            startup.ToString("0.000", inv), seconds.ToString("0.000", inv),
            (best == double.MaxValue ? 1000 * seconds / scenario.Ticks : best).ToString("0.000", inv),
            (activists * scenario.Ticks / seconds).ToString("0", inv),
            peak.ToString("0.0", inv), (self.PeakWorkingSet64 / (double)activists).ToString("0", inv),
            (GC.GetTotalMemory(false) / 1048576.0).ToString("0.0", inv), cpuSeconds.ToString("0.000", inv));
    }
}
