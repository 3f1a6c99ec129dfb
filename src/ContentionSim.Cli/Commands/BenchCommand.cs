using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim bench SCENARIO</c>: times whole runs (no output written) and prints
/// activist-ticks per second and peak memory, so users can check their own machine.
/// Start-up (population, network, organizations) is timed apart from the ticks.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var sets = new Option<string[]>("--set") { Description = "Override a parameter, e.g. --set movements[0].activists.count=10000 (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var ticks = new Option<int?>("--ticks") { Description = "Number of ticks; overrides the scenario's." };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs after one warm-up run.", DefaultValueFactory = _ => 5 };
        var threads = new Option<int[]>("--threads") { Description = "Thread counts to compare (0 = all cores).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        var command = new Command("bench", "Time whole runs of a scenario: activist-ticks per second and peak memory.") { scenario, sets, ticks, repeat, threads };
        command.SetAction(parse =>
        {
            var input = ScenarioInput.TryLoad(parse.GetValue(scenario)!, parse.GetValue(sets) ?? [], null, parse.GetValue(ticks), console.Error);
            if (input is null) return ExitCodes.BadInput;
            int n = parse.GetValue(repeat);
            if (n < 1)
            {
                console.Error.WriteLine("error: --repeat must be at least 1.");
                return ExitCodes.BadInput;
            }
            var threadCounts = parse.GetValue(threads) is { Length: > 0 } t ? t : [1, 0];
            var s = input.Scenario;
            long activistTicks = s.TotalActivists * s.Ticks;
            console.Out.WriteLine($"bench '{s.Name}': {s.TotalActivists:N0} activists × {s.Ticks} ticks, {n} timed runs after a warm-up, {Environment.ProcessorCount} cores.");
            console.Out.WriteLine($"{"threads",8} {"start-up s",11} {"ticks: median s",16} {"min s",8} {"activist-ticks/s",18}");
            double? single = null;
            foreach (int th in threadCounts)
            {
                var options = new RunOptions { Threads = th, KeepSeries = false, Cancellation = console.Cancellation };
                var startups = new List<double>();
                var times = new List<double>();
                for (int k = 0; k <= n && !console.Cancellation.IsCancellationRequested; k++)
                {
                    // Each run starts from a collected heap, so one run's garbage does not count in the next's memory.
                    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var clock = Stopwatch.StartNew();
                    var runner = new SimulationRunner(Simulator.Describe(options), new SimulationContext(s, th, console.Cancellation));
                    double startup = clock.Elapsed.TotalSeconds;
                    clock.Restart();
                    int done = runner.Run(s.Ticks);
                    double elapsed = clock.Elapsed.TotalSeconds;
                    if (done < s.Ticks) break;
                    if (k == 0) continue; // warm-up
                    startups.Add(startup);
                    times.Add(elapsed);
                }
                if (times.Count == 0) return ExitCodes.Interrupted;
                times.Sort();
                startups.Sort();
                double median = times[times.Count / 2];
                single ??= median;
                string label = th == 0 ? $"{Environment.ProcessorCount} (all)" : th.ToString();
                console.Out.WriteLine($"{label,8} {startups[startups.Count / 2],11:0.000} {median,16:0.000} {times[0],8:0.000} {activistTicks / median,18:N0}   speed-up vs first row {single.Value / median:0.00}×");
            }
            using var self = Process.GetCurrentProcess();
            console.Out.WriteLine($"peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB ({(double)self.PeakWorkingSet64 / Math.Max(1, s.TotalActivists):0} bytes per activist, runtime included).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
