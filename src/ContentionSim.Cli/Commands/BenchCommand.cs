using System.CommandLine;
using System.Diagnostics;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim bench SCENARIO</c>: times whole runs (no output written) and prints
/// activist-ticks per second and peak memory, so users can check their own machine.
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
            ScenarioInput input;
            try
            {
                input = ScenarioInput.Load(parse.GetValue(scenario)!, parse.GetValue(sets) ?? [], null, parse.GetValue(ticks));
            }
            catch (ScenarioException e)
            {
                ScenarioInput.Report(e, console.Error);
                return ExitCodes.BadInput;
            }
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
            console.Out.WriteLine($"{"threads",8} {"median s",10} {"min s",8} {"activist-ticks/s",18}");
            double? single = null;
            foreach (int th in threadCounts)
            {
                Simulator.Run(s, new RunOptions { Threads = th, KeepSeries = false, Cancellation = console.Cancellation });
                var times = new List<double>();
                for (int k = 0; k < n && !console.Cancellation.IsCancellationRequested; k++)
                {
                    var clock = Stopwatch.StartNew();
                    Simulator.Run(s, new RunOptions { Threads = th, KeepSeries = false, Cancellation = console.Cancellation });
                    times.Add(clock.Elapsed.TotalSeconds);
                }
                if (times.Count == 0) return ExitCodes.Interrupted;
                times.Sort();
                double median = times[times.Count / 2];
                single ??= median;
                string label = th == 0 ? $"{Environment.ProcessorCount} (all)" : th.ToString();
                console.Out.WriteLine($"{label,8} {median,10:0.000} {times[0],8:0.000} {activistTicks / median,18:N0}   speed-up vs first row {single.Value / median:0.00}×");
            }
            using var self = Process.GetCurrentProcess();
            console.Out.WriteLine($"peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB ({(double)self.PeakWorkingSet64 / Math.Max(1, s.TotalActivists):0} bytes per activist, runtime included).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
