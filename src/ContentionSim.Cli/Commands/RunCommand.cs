using System.CommandLine;
using System.Diagnostics;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;
using ContentionSim.Reporting;
using ContentionSim.Scenarios;
using Spectre.Console;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim run SCENARIO [--out DIR] [--seed N] [--ticks N] [--set key=value ...]</c>:
/// runs a scenario and writes its data, plots and manifest into a folder.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML), e.g. scenarios/japan-2007.yaml." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the outputs (default: runs/<scenario>-seed<seed>)." };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed; overrides the scenario's." };
        var ticks = new Option<int?>("--ticks") { Description = "Number of ticks; overrides the scenario's." };
        var sets = new Option<string[]>("--set") { Description = "Override a parameter, e.g. --set state.openness=0.8 (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results are identical for any value.", DefaultValueFactory = _ => 0 };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it holds an earlier run (and nothing else)." };
        var forceForeign = new Option<bool>("--force-delete-foreign") { Description = "Replace the output folder whatever it holds, deleting files ContentionSim did not write." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Write the data only, no PNG/SVG figures." };
        var watch = new Option<bool>("--watch") { Description = "Watch the cycle unfold live: stage, participation, activists by status, latest events (one line per stage change when not on a terminal)." };
        var speed = new Option<double>("--speed") { Description = "Pace of --watch on a terminal, in ticks per second.", DefaultValueFactory = _ => Watch.WatchRunner.DefaultSpeed };
        var command = new Command("run", "Run a scenario and write its data, plots and manifest.")
        {
            scenario, outDir, seed, ticks, sets, threads, force, forceForeign, noPlots, watch, speed,
        };
        command.SetAction(parse =>
        {
            var input = ScenarioInput.TryLoad(parse.GetValue(scenario)!, parse.GetValue(sets) ?? [], parse.GetValue(seed), parse.GetValue(ticks), console.Error);
            if (input is null) return ExitCodes.BadInput;
            int threadCount = parse.GetValue(threads);
            if (threadCount < 0)
            {
                console.Error.WriteLine("error: --threads must be 0 (all cores) or a positive number.");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(speed) is not (> 0 and <= Watch.WatchRunner.MaxSpeed))
            {
                console.Error.WriteLine($"error: --speed must be more than 0 and at most {Watch.WatchRunner.MaxSpeed:0} ticks per second.");
                return ExitCodes.BadInput;
            }
            string target = parse.GetValue(outDir) ?? Path.Combine("runs", $"{Slug(input.Scenario.Name)}-seed{input.Scenario.Seed}");
            return Execute(console, input, target, threadCount, parse.GetValue(force) || parse.GetValue(forceForeign), parse.GetValue(forceForeign), !parse.GetValue(noPlots), parse.GetValue(watch), parse.GetValue(speed));
        });
        return command;
    }

    private static int Execute(CliConsole console, ScenarioInput input, string target, int threads, bool force, bool forceForeign, bool plots, bool watch = false, double speed = Watch.WatchRunner.DefaultSpeed)
    {
        var s = input.Scenario;
        var options = new RunOutputOptions { Force = force, ForceDeleteForeign = forceForeign, ScenarioText = input.Text, SourceFile = input.Path, Plots = plots };
        // Refuse an occupied folder (or one --force may not replace) before spending time on the run.
        try
        {
            RunOutputWriter.CheckReplaceable(target, options);
        }
        catch (OutputException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.OutputFailed;
        }

        console.Out.WriteLine($"Running '{s.Name}': {s.TotalActivists:N0} activists, {s.Movements.Count} movement(s), {s.Ticks} {s.TimeUnit}s, seed {s.Seed}.");
        var clock = Stopwatch.StartNew();
        RunResult result = watch ? Watch.WatchRunner.Run(s, threads, speed, console)
            : console.Interactive
            ? RunWithProgress(s, threads, console)
            : Simulator.Run(s, new RunOptions { Threads = threads, Cancellation = console.Cancellation });
        if (result.TicksRun < s.Ticks)
        {
            console.Error.WriteLine($"interrupted at {s.TimeUnit} {result.TicksRun} of {s.Ticks}; nothing was written. Run the same command again to start over.");
            return ExitCodes.Interrupted;
        }
        double simulated = clock.Elapsed.TotalSeconds;

        RunOutput output;
        try
        {
            output = RunOutputWriter.Write(result, target, options);
        }
        catch (OutputException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.OutputFailed;
        }

        foreach (var line in RunSummary.Lines(result)) console.Out.WriteLine(line);
        console.Out.WriteLine($"Simulated in {simulated:0.00} s. Outputs in {output.Directory}:");
        foreach (var f in output.Files) console.Out.WriteLine($"  {f.Name,-20} {f.Description}");
        return ExitCodes.Ok;
    }

    private static RunResult RunWithProgress(Core.Parameters.Scenario s, int threads, CliConsole console)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Terminal) });
        RunResult? result = null;
        ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{s.TimeUnit}s", maxValue: s.Ticks);
                result = Simulator.Run(s, new RunOptions
                {
                    Threads = threads,
                    Cancellation = console.Cancellation,
                    OnTick = o => task.Value = o.Tick,
                });
            });
        return result!;
    }

    /// <summary>A folder-friendly form of a scenario name.</summary>
    internal static string Slug(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "run" : slug;
    }
}
