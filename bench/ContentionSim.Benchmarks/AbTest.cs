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
        var context = new SimulationContext(scenario, threads);
        var runner = new SimulationRunner(Simulator.Describe(new RunOptions { Threads = threads, KeepSeries = false }), context);
        runner.Run(20); // warm up, past tier-0 code
        var best = variants.Select(_ => double.MaxValue).ToArray();
        var sum = new double[variants.Count];
        for (int r = 0; r < rounds; r++)
        {
            for (int v = 0; v < variants.Count; v++)
            {
                variants[v].Apply();
                var clock = Stopwatch.StartNew();
                runner.Run(ticksPerBlock);
                double ms = clock.Elapsed.TotalMilliseconds / ticksPerBlock;
                best[v] = Math.Min(best[v], ms);
                sum[v] += ms;
            }
        }
        for (int v = 0; v < variants.Count; v++)
            output.WriteLine($"{variants[v].Name,-16} best {best[v],8:0.00} ms/tick   mean {sum[v] / rounds,8:0.00} ms/tick");
    }
}
