using System.Diagnostics;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Benchmarks;

/// <summary>Compares variants of an internal setting within one process, alternating blocks of ticks (for tuning on a noisy machine).</summary>
internal static class AbTest
{
    public static void Run(Scenario scenario, int threads, IReadOnlyList<(string Name, Action Apply)> variants, int rounds, int ticksPerBlock, TextWriter output)
    {
        var runner = new ContentionModel(scenario, new RunOptions { Threads = threads, KeepSeries = false });
        runner.Run(20); // warm up, past tier-0 code
        var best = variants.Select(_ => double.MaxValue).ToArray();
        var sum = new double[variants.Count];
        var bestCpu = variants.Select(_ => double.MaxValue).ToArray();
        var sumCpu = new double[variants.Count];
        for (int r = 0; r < rounds; r++)
        {
            for (int v = 0; v < variants.Count; v++)
            {
                variants[v].Apply();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                runner.Run(ticksPerBlock);
                double ms = clock.Elapsed.TotalMilliseconds / ticksPerBlock;
                double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / ticksPerBlock;
                best[v] = Math.Min(best[v], ms);
                sum[v] += ms;
                bestCpu[v] = Math.Min(bestCpu[v], cpuMs);
                sumCpu[v] += cpuMs;
            }
        }
        for (int v = 0; v < variants.Count; v++)
            output.WriteLine($"{variants[v].Name,-16} best {best[v],8:0.00} ms/tick   mean {sum[v] / rounds,8:0.00} ms/tick   CPU best {bestCpu[v],8:0.00} ms/tick   mean {sumCpu[v] / rounds,8:0.00}");
    }

    /// <summary>
    /// Compares runs set up differently (each variant builds its own run, e.g. with another network
    /// form), alternating blocks of ticks of the runs in one process, so every variant sees the same
    /// disturbances. Prints best and mean ms per tick of each.
    /// </summary>
    public static void RunSetups(Scenario scenario, int threads, IReadOnlyList<(string Name, Action Before, Action After)> setups, int rounds, int ticksPerBlock, TextWriter output)
        => RunSetups(scenario, setups.Select(s => (s.Name, threads, s.Before, s.After)).ToList(), rounds, ticksPerBlock, output);

    /// <summary>As above, each setup with its own number of threads (e.g. the same run on one and on two threads).</summary>
    public static void RunSetups(Scenario scenario, IReadOnlyList<(string Name, int Threads, Action Before, Action After)> setups, int rounds, int ticksPerBlock, TextWriter output)
    {
        var runners = new List<ContentionModel>();
        foreach (var (_, threads, before, after) in setups)
        {
            before();
            try
            {
                runners.Add(new ContentionModel(scenario, new RunOptions { Threads = threads, KeepSeries = false }));
            }
            finally
            {
                after();
            }
        }
        foreach (var runner in runners) runner.Run(20); // warm up, past tier-0 code
        var best = runners.Select(_ => double.MaxValue).ToArray();
        var sum = new double[runners.Count];
        var bestCpu = runners.Select(_ => double.MaxValue).ToArray();
        var sumCpu = new double[runners.Count];
        var perRound = new double[rounds, runners.Count];
        for (int r = 0; r < rounds; r++)
        {
            for (int v = 0; v < runners.Count; v++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                runners[v].Run(ticksPerBlock);
                double ms = clock.Elapsed.TotalMilliseconds / ticksPerBlock;
                double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / ticksPerBlock;
                perRound[r, v] = ms;
                best[v] = Math.Min(best[v], ms);
                sum[v] += ms;
                bestCpu[v] = Math.Min(bestCpu[v], cpuMs);
                sumCpu[v] += cpuMs;
            }
        }
        for (int v = 0; v < runners.Count; v++)
            output.WriteLine($"{setups[v].Name,-16} best {best[v],8:0.00} ms/tick   mean {sum[v] / rounds,8:0.00} ms/tick   CPU best {bestCpu[v],8:0.00} ms/tick   mean {sumCpu[v] / rounds,8:0.00}");
        for (int v = 1; v < runners.Count; v++)
        {
            var ratios = Enumerable.Range(0, rounds).Select(r => perRound[r, 0] / perRound[r, v]).Order().ToArray();
            output.WriteLine($"{setups[0].Name} ÷ {setups[v].Name}: best {best[0] / best[v]:0.00}×, mean {sum[0] / sum[v]:0.00}×, " +
                $"per round median {ratios[rounds / 2]:0.00}× (quartiles {ratios[rounds / 4]:0.00}–{ratios[3 * rounds / 4]:0.00}, {rounds} rounds)");
        }
    }
}
