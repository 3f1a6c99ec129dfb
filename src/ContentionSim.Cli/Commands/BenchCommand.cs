using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim bench SCENARIO</c>: times whole runs (no output written) and prints
/// activist-ticks per second and peak memory, so users can check their own machine.
/// Start-up (population, network, organizations) is timed apart from the ticks.
/// </summary>
/// <remarks>
/// The thread counts take turns, round by round (a warm-up round first), so a load that comes
/// and goes on a shared machine falls on all of them alike; the speed-up of a row is the median
/// of its per-round ratios to the first row's run of the same round.
/// </remarks>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var sets = new Option<string[]>("--set") { Description = "Override a parameter, e.g. --set movements[0].activists.count=10000 (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var ticks = new Option<int?>("--ticks") { Description = "Number of ticks; overrides the scenario's." };
        var repeat = new Option<int>("--repeat") { Description = "Timed rounds after one warm-up round; each round runs every thread count once.", DefaultValueFactory = _ => 5 };
        var threads = new Option<int[]>("--threads") { Description = "Thread counts to compare (0 = all cores).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        var blocks = new Option<int>("--blocks")
        {
            Description = "Instead of whole runs one after another, run one simulation per thread count side by side in this process, taking turns every N ticks, "
                          + "and compare them block by block (the fairest speed-up on a machine whose load changes; --repeat is then not used).",
        };
        var command = new Command("bench", "Time whole runs of a scenario: activist-ticks per second, speed-up over threads and peak memory.") { scenario, sets, ticks, repeat, threads, blocks };
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
            if (threadCounts.FirstOrDefault(c => c < 0) is var bad && bad < 0)
            {
                console.Error.WriteLine($"error: --threads {bad}: a thread count is 1 or more, or 0 for all cores.");
                return ExitCodes.BadInput;
            }
            var s = input.Scenario;
            int block = parse.GetValue(blocks);
            if (block < 0 || (block > 0 && s.Ticks < 2 * block))
            {
                console.Error.WriteLine($"error: --blocks {block}: a block is 1 tick or more, and the run ({s.Ticks} ticks) must hold at least two (the first is a warm-up); use fewer ticks a block or more --ticks.");
                return ExitCodes.BadInput;
            }
            string? loadBefore = LoadAverage();
            if (block > 0) return Interleaved(console, s, threadCounts, block, loadBefore);
            console.Out.WriteLine($"bench '{s.Name}': {s.TotalActivists:N0} activists × {s.Ticks} ticks, {n} timed round{(n == 1 ? "" : "s")} after a warm-up round, {Environment.ProcessorCount} cores.");

            var rounds = new List<BenchRound>();
            var states = new HashSet<string>();
            for (int k = 0; k <= n; k++)
            {
                var round = new BenchRun[threadCounts.Length];
                for (int c = 0; c < threadCounts.Length; c++)
                {
                    var run = TimeOne(s, threadCounts[c], states, console.Cancellation);
                    if (run is null) return Interrupted(console, rounds.Count);
                    round[c] = run.Value;
                    if (console.Interactive)
                        console.Error.WriteLine($"  {(k == 0 ? "warm-up" : $"round {k}/{n}")}: {Label(threadCounts[c])} thread(s), ticks {run.Value.TicksSeconds:0.000} s");
                }
                if (k > 0) rounds.Add(new BenchRound(round));
            }

            console.Out.WriteLine($"{"threads",8} {"start-up s",11} {"ticks: median s",16} {"min s",8} {"CPU s",8} {"activist-ticks/s",18}   speed-up vs first row (median of rounds, range)");
            long activistTicks = s.TotalActivists * s.Ticks;
            var summary = BenchSummary.Of(rounds);
            for (int c = 0; c < threadCounts.Length; c++)
            {
                var row = summary[c];
                string speedUp = c == 0 ? "1.00×" : $"{row.SpeedUp.Median:0.00}× ({row.SpeedUp.Min:0.00}–{row.SpeedUp.Max:0.00})";
                console.Out.WriteLine($"{Label(threadCounts[c]),8} {row.Startup,11:0.000} {row.Ticks.Median,16:0.000} {row.Ticks.Min,8:0.000} {row.TicksCpu,8:0.000} {activistTicks / row.Ticks.Median,18:N0}   {speedUp}");
            }
            Footer(console, s, "CPU s: CPU time of the ticks, all threads together; if it grows with the threads, each thread ran slower while the others ran (memory, shared caches or another process).", loadBefore);
            return SameResults(console, states, $"{(n + 1) * threadCounts.Length} runs");
        });
        return command;
    }

    /// <summary>
    /// <c>--blocks N</c>: one simulation per thread count, side by side, taking turns every
    /// <paramref name="block"/> ticks; each block round compares the thread counts over the same
    /// ticks of the same run, so a load that comes and goes falls on all of them alike.
    /// </summary>
    private static int Interleaved(CliConsole console, Core.Parameters.Scenario s, int[] threadCounts, int block, string? loadBefore)
    {
        int rounds = (s.Ticks + block - 1) / block - 1;
        console.Out.WriteLine($"bench '{s.Name}': {s.TotalActivists:N0} activists × {s.Ticks} ticks, one run per thread count side by side, taking turns every {block} tick(s): " +
                              $"{rounds} timed block rounds after a warm-up block, {Environment.ProcessorCount} cores.");
        var runners = new ContentionModel[threadCounts.Length];
        var startups = new double[threadCounts.Length];
        for (int c = 0; c < threadCounts.Length; c++)
        {
            var clock = Stopwatch.StartNew();
            var options = new RunOptions { Threads = threadCounts[c], KeepSeries = false, Cancellation = console.Cancellation };
            runners[c] = new ContentionModel(s, options);
            startups[c] = clock.Elapsed.TotalSeconds;
        }
        var timed = new List<BenchRound>();
        using var self = Process.GetCurrentProcess();
        for (int done = 0; done < s.Ticks;)
        {
            int length = Math.Min(block, s.Ticks - done);
            var round = new BenchRun[threadCounts.Length];
            for (int c = 0; c < threadCounts.Length; c++)
            {
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                if (runners[c].Run(length) < length) return Interrupted(console, timed.Count);
                double seconds = clock.Elapsed.TotalSeconds;
                self.Refresh();
                round[c] = new BenchRun(startups[c], seconds / length, (self.TotalProcessorTime - cpu).TotalSeconds / length);
            }
            if (done > 0) timed.Add(new BenchRound(round));
            int before = done;
            done += length;
            if (console.Interactive && done * 10L / s.Ticks > before * 10L / s.Ticks)
                console.Error.WriteLine($"  tick {done:N0} of {s.Ticks:N0}");
        }

        console.Out.WriteLine($"{"threads",8} {"start-up s",11} {"ms/tick: median",16} {"min",8} {"CPU ms",8} {"activist-ticks/s",18}   speed-up vs first row (median of block rounds, quartiles)");
        var summary = BenchSummary.Of(timed);
        for (int c = 0; c < threadCounts.Length; c++)
        {
            var row = summary[c];
            string speedUp = c == 0 ? "1.00×" : $"{row.SpeedUp.Median:0.00}× ({row.SpeedUp.LowerQuartile:0.00}–{row.SpeedUp.UpperQuartile:0.00})";
            console.Out.WriteLine($"{Label(threadCounts[c]),8} {row.Startup,11:0.000} {1000 * row.Ticks.Median,16:0.00} {1000 * row.Ticks.Min,8:0.00} {1000 * row.TicksCpu,8:0.00} {s.TotalActivists / row.Ticks.Median,18:N0}   {speedUp}");
        }
        Footer(console, s, "CPU ms: CPU time a tick, all threads together; if it grows with the threads, each thread ran slower while the others ran (memory, shared caches or another process).", loadBefore);
        return SameResults(console, runners.Select(FinalState).ToHashSet(), $"{runners.Length} runs");
    }

    private static void Footer(CliConsole console, Core.Parameters.Scenario s, string cpuNote, string? loadBefore)
    {
        using var self = Process.GetCurrentProcess();
        console.Out.WriteLine($"peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB ({(double)self.PeakWorkingSet64 / Math.Max(1, s.TotalActivists):0} bytes per activist, runtime included).");
        console.Out.WriteLine(cpuNote);
        if (loadBefore is not null && LoadAverage() is { } loadAfter)
            console.Out.WriteLine($"load average {loadBefore} before, {loadAfter} after (this command's own threads included): other processes slow the timings; compare runs made when it is low.");
    }

    private static string Label(int threads) => threads == 0 ? $"{Environment.ProcessorCount} (all)" : threads.ToString(CultureInfo.InvariantCulture);

    private static int Interrupted(CliConsole console, int roundsDone)
    {
        console.Error.WriteLine($"interrupted after {roundsDone} timed round(s); no timings printed.");
        return ExitCodes.Interrupted;
    }

    /// <summary>One whole run from a collected heap: start-up and ticks timed apart; null if interrupted.</summary>
    /// <summary>
    /// Says whether every run ended in the same state (they should: results do not depend on the
    /// thread count); a difference is a bug, reported with exit code 1.
    /// </summary>
    internal static int SameResults(CliConsole console, IReadOnlySet<string> states, string runs)
    {
        if (states.Count == 1)
        {
            console.Out.WriteLine($"same final state in all {runs} (every activist's status, energy, radicalism, grievance and timer; SHA-256 {states.First()[..16]}…).");
            return ExitCodes.Ok;
        }
        console.Error.WriteLine($"error: the {runs} ended in {states.Count} different states; results must not depend on the thread count. This is a bug: please report it with the scenario and the command.");
        return ExitCodes.InternalError;
    }

    /// <summary>SHA-256 of the population's state at the end of a run (outside the timings).</summary>
    private static string FinalState(ContentionModel model)
    {
        var pop = model.Activists.Population;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(pop.State);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pop.Energy.AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pop.Radicalism.AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pop.Grievance.AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pop.Timer.AsSpan()));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static BenchRun? TimeOne(Core.Parameters.Scenario s, int threads, HashSet<string> states, CancellationToken cancellation)
    {
        // Each run starts from a collected heap, so one run's garbage does not count in the next's time or memory.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var options = new RunOptions { Threads = threads, KeepSeries = false, Cancellation = cancellation };
        var clock = Stopwatch.StartNew();
        var runner = new ContentionModel(s, options);
        double startup = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        clock.Restart();
        int done = runner.Run(s.Ticks);
        double elapsed = clock.Elapsed.TotalSeconds;
        self.Refresh();
        if (done < s.Ticks) return null;
        states.Add(FinalState(runner));
        return new BenchRun(startup, elapsed, (self.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>The 1-minute load average, where the system tells it (Linux); null elsewhere.</summary>
    private static string? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return text.Split(' ', 2)[0];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>One timed run: seconds of start-up and of ticks, and the process's CPU seconds during the ticks (all its threads).</summary>
internal readonly record struct BenchRun(double StartupSeconds, double TicksSeconds, double TicksCpuSeconds = double.NaN);

/// <summary>One round of <c>bench</c>: a run of every thread count, in the order given.</summary>
internal sealed record BenchRound(IReadOnlyList<BenchRun> Runs);

/// <summary>Median, least and greatest, and the quartiles of some values.</summary>
internal readonly record struct Spread(double Median, double Min, double Max, double LowerQuartile, double UpperQuartile)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        return new Spread(Quantile(sorted, 0.5), sorted[0], sorted[^1], Quantile(sorted, 0.25), Quantile(sorted, 0.75));
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values, interpolated between ranks (the median of an even count is the mean of the middle two).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double rank = p * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(sorted.Length - 1, below + 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}

/// <summary>
/// A thread count's summary over the rounds: median start-up, ticks, speed-up against the first
/// thread count, and the median CPU time of the ticks (all threads together).
/// </summary>
internal sealed record BenchRow(double Startup, Spread Ticks, Spread SpeedUp, double TicksCpu);

internal static class BenchSummary
{
    /// <summary>
    /// Per thread count (the position in each round), the median start-up, the spread of tick
    /// times, and the spread of the per-round ratios first ÷ this (paired, so a load that came
    /// and went during one round weighs on both sides of its ratio).
    /// </summary>
    public static IReadOnlyList<BenchRow> Of(IReadOnlyList<BenchRound> rounds)
    {
        if (rounds.Count == 0) throw new ArgumentException("no rounds", nameof(rounds));
        int counts = rounds[0].Runs.Count;
        if (rounds.Any(r => r.Runs.Count != counts)) throw new ArgumentException("every round runs every thread count", nameof(rounds));
        return Enumerable.Range(0, counts).Select(c => new BenchRow(
            Spread.Of(rounds.Select(r => r.Runs[c].StartupSeconds)).Median,
            Spread.Of(rounds.Select(r => r.Runs[c].TicksSeconds)),
            Spread.Of(rounds.Select(r => r.Runs[0].TicksSeconds / r.Runs[c].TicksSeconds)),
            Spread.Of(rounds.Select(r => r.Runs[c].TicksCpuSeconds)).Median)).ToList();
    }
}
