using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting;
using ContentionSim.Scenarios;
using Spectre.Console;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim sweep SWEEP [--out DIR] [--parallel N] [--resume] [--shard I/N] ...</c>: runs a parameter sweep,
/// appending every run to runs.csv as it finishes, and writes summary.csv and the figures at the end.
/// With <c>--shard I/N</c> (or inside a Slurm job array or a Kubernetes indexed job) it runs one of N
/// slices of the runs into <c>OUT/shard-I-of-N</c>; <c>contentionsim merge</c> puts the shards together.
/// </summary>
internal static class SweepCommand
{
    /// <param name="console">Where to write.</param>
    /// <param name="simulate">Replaces <see cref="Simulator.Run"/> (tests inject failing runs here).</param>
    /// <param name="environment">Reads environment variables (the shard of a job array); the process's environment unless replaced (tests).</param>
    public static Command Create(CliConsole console, Func<Scenario, RunOptions, RunResult>? simulate = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var sweep = new Argument<string>("sweep") { Description = "The sweep file (YAML), e.g. scenarios/sweeps/quick.yaml." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the results (default: runs/sweep-<name>)." };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Runs at once (0 = one per core, the default). Results are identical for any value.", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue the sweep recorded in --out: skip the runs already in runs.csv." };
        var series = new Option<string>("--series") { Description = "Which runs keep a compact per-tick series (series/run-N.csv.gz): none, extremes (the lowest and highest x, for the stage-trace figure; default) or all.", DefaultValueFactory = _ => "extremes" };
        var replications = new Option<int?>("--replications") { Description = "Replications per point instead of the sweep file's (e.g. for a quick check)." };
        var ticks = new Option<int?>("--ticks") { Description = "Ticks of every run instead of the base scenario's." };
        var sets = new Option<string[]>("--set") { Description = "Fix a parameter of the base for every run, e.g. --set movements[0].activists.count=500 (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var quick = new Option<bool>("--quick") { Description = "Run the reduced size of the sweep file's 'quick:' block (its replications and settings)." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Write runs.csv and summary.csv only, no figures (contentionsim plot draws them later)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the sweep and show its grid without running it." };
        var shardOption = new Option<string?>("--shard")
        {
            Description = "Run only shard I of N (I counts from 0: 0/4 … 3/4): every N-th run, interleaved over the grid, " +
                          "into OUT/shard-I-of-N (OUT defaults to runs/sweep-<name>-shards). 'contentionsim merge' joins the shards. " +
                          "Without it, a Slurm job array task (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) or a Kubernetes indexed job (JOB_COMPLETION_INDEX with --shards) picks its shard itself; --shard 0/1 runs the whole sweep there.",
        };
        var shardsOption = new Option<int?>("--shards") { Description = "Number of shards when the shard index comes from the environment: with JOB_COMPLETION_INDEX (a Kubernetes indexed job), or with SLURM_ARRAY_TASK_ID, where an array of fewer tasks is taken as a resubmitted subset (task ID = shard index)." };
        var command = new Command("sweep", "Run a parameter sweep: every point of a grid of parameter values, replicated, with summaries and figures.")
        {
            sweep, outDir, parallel, resume, series, replications, ticks, sets, quick, noPlots, dryRun, shardOption, shardsOption,
        };
        command.SetAction(parse =>
        {
            string file = parse.GetValue(sweep)!;
            var seriesMode = ParseSeries(parse.GetValue(series));
            if (seriesMode is null)
            {
                console.Error.WriteLine($"error: --series must be none, extremes or all, not '{parse.GetValue(series)}'.");
                return ExitCodes.BadInput;
            }
            int workers = parse.GetValue(parallel);
            if (workers < 0)
            {
                console.Error.WriteLine("error: --parallel must be 0 (one run per core) or a positive number.");
                return ExitCodes.BadInput;
            }
            var loadOptions = new SweepLoadOptions
            {
                Replications = parse.GetValue(replications),
                Ticks = parse.GetValue(ticks),
                Sets = parse.GetValue(sets) ?? [],
                Quick = parse.GetValue(quick),
            };
            var shardChoice = SweepShardEnvironment.Resolve(parse.GetValue(shardOption), parse.GetValue(shardsOption), environment);
            var shard = shardChoice.Shard;
            var definition = SweepLoader.LoadFile(file, loadOptions);
            string outRoot = parse.GetValue(outDir) ?? DefaultFolder(definition.Name, shard is not null);
            string folder = shard is null ? outRoot : Path.Combine(outRoot, shard.FolderName);
            var setup = new SweepSetup
            {
                Name = definition.Name,
                Description = definition.Description,
                SweepFile = file,
                SweepText = definition.Text,
                BaseFile = definition.BaseFile,
                BaseText = definition.BaseText,
                FixedSettings = definition.FixedSettings,
                ReplicationsOverride = loadOptions.Replications,
                TicksOverride = loadOptions.Ticks,
                SetOverrides = loadOptions.Sets,
                Quick = definition.QuickApplied,
                Plan = definition.Plan,
                Plots = definition.Plots,
                Series = seriesMode.Value,
            };
            Describe(console.Out, definition, workers == 0 ? Environment.ProcessorCount : workers);
            if (shard is not null)
                console.Out.WriteLine($"Shard {shard} ({shardChoice.Source}): {shard.RunCount(definition.Plan.Grid.RunCount):N0} of the {definition.Plan.Grid.RunCount:N0} runs " +
                                      $"(every {Ordinal(shard.Count)} run, interleaved over the grid).");
            if (parse.GetValue(dryRun))
            {
                console.Out.WriteLine($"Dry run: nothing was run. The results would go to {folder}.");
                return ExitCodes.Ok;
            }
            return Execute(console, setup, folder, new SweepSessionOptions
            {
                Resume = parse.GetValue(resume),
                Plots = !parse.GetValue(noPlots),
                Execution = new BatchOptions
                {
                    Parallel = workers,
                    Cancellation = console.Cancellation,
                    Simulate = simulate,
                    Check = definition.FullyChecked ? null : s => SweepDefinition.Validate(s).Select(d => d.ToString()).ToArray(),
                },
                Shard = shard,
            }, ResumeCommand(parse.Tokens.Where(t => t.Type != System.CommandLine.Parsing.TokenType.Command).Select(t => t.Value), outRoot,
                parse.GetValue(outDir) is null, shard is not null && parse.GetValue(shardOption) is null ? shard : null), outRoot);
        });
        return command;
    }

    /// <summary>The default --out: runs/sweep-&lt;name&gt;, or runs/sweep-&lt;name&gt;-shards for the shard folders of a split sweep.</summary>
    internal static string DefaultFolder(string sweepName, bool sharded) =>
        Path.Combine("runs", "sweep-" + RunCommand.Slug(sweepName) + (sharded ? "-shards" : ""));

    private static int Execute(CliConsole console, SweepSetup setup, string folder, SweepSessionOptions options, string resumeCommand, string outRoot)
    {
        var clock = Stopwatch.StartNew();
        // Recorded with the folder's lock, so a second writer is told whom it waits for.
        options = options with { Command = resumeCommand.EndsWith(" --resume", StringComparison.Ordinal) && !options.Resume ? resumeCommand[..^" --resume".Length] : resumeCommand };
        SweepSessionResult result;
        try
        {
            result = console.Interactive ? WithProgress(console, setup, folder, options) : SweepSession.Run(setup, folder, options);
        }
        catch (SweepFolderException e)
        {
            console.Error.WriteLine($"error: {e.Message}.");
            return ExitCodes.OutputFailed;
        }
        catch (OutputException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            if (File.Exists(Path.Combine(folder, SweepRunsCsv.FileName))) // else nothing was recorded and there is nothing to resume
                console.Error.WriteLine($"Every run recorded so far is kept in {Path.Combine(folder, SweepRunsCsv.FileName)}; resume with: {resumeCommand}");
            return ExitCodes.OutputFailed;
        }
        foreach (var note in result.Notes) console.Out.WriteLine($"note: {note}.");
        string elapsed = Duration(clock.Elapsed);
        string of = result.Shard is null ? "" : $" of shard {result.Shard}";
        if (!result.Complete)
        {
            console.Error.WriteLine($"interrupted: {result.RecordedTotal:N0} of {result.Planned:N0} runs{of} are recorded in {Path.Combine(folder, SweepRunsCsv.FileName)} " +
                                    $"({result.Ran:N0} in this session, {elapsed}); runs under way were dropped and will run again.");
            console.Error.WriteLine($"Resume with: {resumeCommand}");
            console.Error.WriteLine($"Summary and figures of what is recorded so far: contentionsim plot {Quote(folder)}");
            return ExitCodes.Interrupted;
        }
        console.Out.WriteLine($"{result.Ran:N0} runs in {elapsed}" +
                              (result.AlreadyRecorded > 0 ? $" ({result.AlreadyRecorded:N0} were recorded before)" : "") +
                              $"; {result.RecordedTotal:N0} of {result.Planned:N0} runs{of} recorded, {result.FailedTotal:N0} failed.");
        console.Out.WriteLine($"Outputs in {folder}:");
        foreach (var f in result.Files) console.Out.WriteLine($"  {f.Name,-34} {f.Description}");
        if (result.Shard is not null)
            console.Out.WriteLine($"Shard {result.Shard} is complete. When all {result.Shard.Count} shards are, merge them (summary and figures as a single-machine sweep): " +
                                  $"contentionsim merge {Quote(outRoot)} --out {Quote(MergedFolder(outRoot))}");
        if (result.FailedTotal > 0)
        {
            console.Error.WriteLine($"warning: {result.FailedTotal:N0} run(s) failed; runs.csv has status 'failed' and the error for each. " +
                                    "The summary and figures leave them out.");
            return ExitCodes.SomeRunsFailed;
        }
        return ExitCodes.Ok;
    }

    private static SweepSessionResult WithProgress(CliConsole console, SweepSetup setup, string folder, SweepSessionOptions options)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Terminal) });
        SweepSessionResult? result = null;
        ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask? task = null;
                result = SweepSession.Run(setup, folder, options with
                {
                    Starting = toDo => task = ctx.AddTask($"runs 0/{toDo:N0}", maxValue: Math.Max(1, toDo)),
                    Execution = options.Execution with
                    {
                        Progress = p =>
                        {
                            if (task is null) return;
                            task.Value = p.Done;
                            task.Description = $"runs {p.Done:N0}/{p.ToDo:N0}" + (p.Failed > 0 ? $", [red]{p.Failed:N0} failed[/]" : "");
                        },
                    },
                });
                if (task is not null && result.Complete) task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>The sweep's grid in two lines; with <paramref name="workers"/>, how many runs go at a time.</summary>
    internal static void Describe(TextWriter output, SweepDefinition definition, int? workers)
    {
        var plan = definition.Plan;
        var grid = plan.Grid;
        var s = plan.Base;
        string factors = plan.Sampling is SweepSampling sampling
            ? SweepLoader.Describe(sampling) + ": " + string.Join(", ", sampling.Ranges.Select(r =>
                $"{r.Key} in [{SweepLoader.FormatNumber(r.Low)}, {SweepLoader.FormatNumber(r.High)}]{(r.Whole ? " (whole numbers)" : "")}"))
            : grid.Factors.Count == 0
            ? "nothing varied"
            : string.Join(grid.Design == SweepDesign.Zip ? " zipped with " : " × ",
                grid.Factors.Select(f => $"{f.Key} ({f.Levels.Count} value{(f.Levels.Count == 1 ? "" : "s")}: {Preview(f)})"));
        output.WriteLine($"Sweep '{definition.Name}' of {definition.BaseFile}: {factors}.");
        output.WriteLine($"{grid.PointCount:N0} point(s) × {grid.Replications:N0} replications = {grid.RunCount:N0} runs of " +
                         $"{s.TotalActivists:N0} activists for {s.Ticks:N0} {s.TimeUnit}s, master seed {plan.MasterSeed}{(workers is { } w ? $", {w} at a time" : "")}.");
    }

    private static string Ordinal(int n) =>
        n % 10 == 1 && n % 100 != 11 ? $"{n}st" : n % 10 == 2 && n % 100 != 12 ? $"{n}nd" : n % 10 == 3 && n % 100 != 13 ? $"{n}rd" : $"{n}th";

    private static string Preview(SweepFactor f) =>
        f.Levels.Count <= 6 ? string.Join(", ", f.Levels.Select(l => l.Text))
            : $"{f.Levels[0].Text}, {f.Levels[1].Text}, …, {f.Levels[^1].Text}";

    private static SeriesMode? ParseSeries(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "none" => SeriesMode.None,
        "extremes" or "" => SeriesMode.Extremes,
        "all" => SeriesMode.All,
        _ => null,
    };

    /// <summary>Where the merge of the shards in <paramref name="outRoot"/> goes by default: runs/sweep-x-shards → runs/sweep-x.</summary>
    internal static string MergedFolder(string outRoot)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(outRoot);
        return trimmed.EndsWith("-shards", StringComparison.Ordinal) ? trimmed[..^"-shards".Length] : trimmed + "-merged";
    }

    /// <summary>The command line to resume: the one given, with --resume (and --out, and the shard taken from the environment) added.</summary>
    private static string ResumeCommand(IEnumerable<string> tokens, string folder, bool addOut, SweepShard? shardFromEnvironment)
    {
        var parts = new List<string> { "contentionsim", "sweep" };
        parts.AddRange(tokens.Select(Quote));
        if (addOut) parts.AddRange(["--out", Quote(folder)]);
        if (shardFromEnvironment is not null) parts.AddRange(["--shard", shardFromEnvironment.ToString()]);
        if (!parts.Contains("--resume")) parts.Add("--resume");
        return string.Join(' ', parts);
    }

    private static string Quote(string s) => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or '[' or ']' or ':')
        ? s
        : "'" + s.Replace("'", "'\\''") + "'";

    private static string Duration(TimeSpan t) => t.TotalSeconds < 60
        ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{(int)t.TotalMinutes} min {t.Seconds} s";
}
