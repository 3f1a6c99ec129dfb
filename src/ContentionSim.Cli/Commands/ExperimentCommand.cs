using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Validation;
using ContentionSim.Reporting;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Sweeps;
using Spectre.Console;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim experiment [ID|all] [--quick] [--out DIR] [--parallel N] [--replications N] [--docs DIR [--scenarios DIR]]</c>:
/// runs the experiments of the stylized facts and the survey (scenarios/experiments/), prints every
/// check with its verdict, writes each experiment's folder, and with <c>--docs</c> runs every shipped scenario over
/// seeds (<see cref="ShippedScenarios"/>) and regenerates docs/validation.md. Exit code 0 when every check passes, <see cref="ExitCodes.ChecksFailed"/> when some fail.
/// </summary>
internal static class ExperimentCommand
{
    /// <summary>Where the experiment files are by default (relative to the working folder, the repository's root).</summary>
    public const string DefaultFolder = "scenarios/experiments";

    /// <summary>Where the shipped scenarios are by default.</summary>
    public const string DefaultScenarios = "scenarios";

    public static Command Create(CliConsole console, Func<Scenario, RunOptions, RunResult>? simulate = null)
    {
        var id = new Argument<string>("id")
        {
            Description = $"Which experiment: {string.Join(", ", ExperimentCatalog.Ids)}, or all (the default).",
            DefaultValueFactory = _ => "all",
        };
        var quick = new Option<bool>("--quick") { Description = "Run at the reduced size of each experiment file's 'quick:' block (what the CI tests run)." };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for the results, one subfolder per experiment.", DefaultValueFactory = _ => Path.Combine("runs", "experiments") };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Runs at once (0 = one per core, the default). Results are identical for any value.", DefaultValueFactory = _ => 0 };
        var replications = new Option<int?>("--replications") { Description = "Replications per point instead of the file's (or its quick block's)." };
        var docs = new Option<string?>("--docs") { Description = "Also regenerate DIR/validation.md and DIR/img/validation/*.png (with 'all'), e.g. --docs docs." };
        var noControls = new Option<bool>("--no-controls") { Description = "Skip the negative controls (the experiment files' 'controls:'); the tables then say 'not run'." };
        var folder = new Option<string>("--experiments") { Description = "Folder of the experiment files.", DefaultValueFactory = _ => DefaultFolder };
        var scenarios = new Option<string>("--scenarios")
        {
            Description = "With --docs: the folder of the shipped scenarios (its *.yaml and teaching/*.yaml), run over seeds for the section on magnitudes and stages.",
            DefaultValueFactory = _ => DefaultScenarios,
        };
        var command = new Command("experiment", "Run the experiments of the stylized facts and the survey and check each against its criteria.")
        {
            id, quick, outDir, parallel, replications, docs, folder, scenarios, noControls,
        };
        command.SetAction(parse =>
        {
            string which = parse.GetValue(id)!.Trim();
            var selected = which.Equals("all", StringComparison.OrdinalIgnoreCase)
                ? ExperimentCatalog.All
                : ExperimentCatalog.Find(which) is Experiment one ? [one] : null;
            if (selected is null)
            {
                console.Error.WriteLine($"error: there is no experiment '{which}'. Valid: {string.Join(", ", ExperimentCatalog.Ids)}, all.");
                return ExitCodes.BadInput;
            }
            int workers = parse.GetValue(parallel);
            if (workers < 0)
            {
                console.Error.WriteLine("error: --parallel must be 0 (one run per core) or a positive number.");
                return ExitCodes.BadInput;
            }
            string? docsDir = parse.GetValue(docs);
            if (docsDir is not null && selected.Count != ExperimentCatalog.All.Count)
            {
                console.Error.WriteLine("error: --docs regenerates the whole validation page; run 'contentionsim experiment all --docs DIR'.");
                return ExitCodes.BadInput;
            }
            bool isQuick = parse.GetValue(quick);
            var loadOptions = new SweepLoadOptions { Quick = isQuick, Replications = parse.GetValue(replications) };
            string dir = parse.GetValue(folder)!;

            // Load and check every file before running anything.
            var definitions = new List<(Experiment Experiment, SweepDefinition Definition)>();
            foreach (var e in selected)
            {
                string file = Path.Combine(dir, e.FileName);
                definitions.Add((e, SweepLoader.LoadFile(file, loadOptions)));
            }
            ShippedScenarioSet? shippedSet = null;
            if (docsDir is not null)
            {
                string shippedDir = parse.GetValue(scenarios)!;
                if (!Directory.Exists(shippedDir))
                {
                    console.Error.WriteLine($"error: --scenarios '{shippedDir}' is not a folder; give the folder of the shipped scenarios (the repository's 'scenarios').");
                    return ExitCodes.BadInput;
                }
                shippedSet = ShippedScenarios.Load(shippedDir, dir);
            }

            string outRoot = parse.GetValue(outDir)!;
            // validation.md and its figures go into --docs after every run: a file in its place or on its way is refused now.
            if (docsDir is not null) OutputTarget.CheckPlace(Path.GetFullPath(docsDir), "--docs");
            // Each experiment's folder is replaced as a whole: refuse one that holds anything else before running anything.
            foreach (var (experiment, _) in definitions) ExperimentOutput.CheckTarget(Path.Combine(outRoot, experiment.Id));
            var results = new List<ExperimentResult>();
            var sizes = new Dictionary<string, string>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            foreach (var (experiment, definition) in definitions)
            {
                var grid = definition.Plan.Grid;
                console.Out.WriteLine($"{experiment.Id}: {experiment.Title} — {grid.PointCount:N0} point(s) × {grid.Replications:N0} replications = {grid.RunCount:N0} runs" +
                                      (definition.Paired ? ", paired" : "") + (definition.QuickApplied ? ", quick size" : "") + ".");
                IReadOnlyList<ExperimentRun> runs;
                var options = new BatchOptions { Parallel = workers, Cancellation = console.Cancellation, Simulate = simulate };
                try
                {
                    runs = console.Interactive ? WithProgress(console, experiment, definition, options) : ExperimentRunner.Run(experiment, definition.Plan, options);
                }
                catch (OperationCanceledException)
                {
                    console.Error.WriteLine($"interrupted during {experiment.Id}; nothing of it was written.");
                    return ExitCodes.Interrupted;
                }
                ExperimentResult result;
                try
                {
                    result = experiment.Analyze(runs);
                }
                catch (ExperimentDesignException ex)
                {
                    console.Error.WriteLine($"error: {definition.File} does not have the design {experiment.Id} needs: {ex.Message}.");
                    return ExitCodes.BadInput;
                }
                result = result with { DeclaredControls = definition.Controls };
                if (!parse.GetValue(noControls) && definition.Controls.Count > 0)
                {
                    try
                    {
                        result = result with
                        {
                            Controls = ExperimentRunner.RunControls(experiment, definition.Plan, definition.Controls, options,
                                c => console.Out.WriteLine($"  control {c.Id}: {c.Removes} ({c.SettingsText})")),
                        };
                    }
                    catch (OperationCanceledException)
                    {
                        console.Error.WriteLine($"interrupted during the controls of {experiment.Id}; nothing of it was written.");
                        return ExitCodes.Interrupted;
                    }
                }
                if (ExperimentControls.UnknownBreaks(result) is { Count: > 0 } unknown)
                {
                    console.Error.WriteLine($"error: {definition.File}: controls name checks {experiment.Id} does not have: {string.Join("; ", unknown)}. " +
                                            $"Its check keys: {string.Join(", ", result.Checks.Select(c => c.Key))}.");
                    return ExitCodes.BadInput;
                }
                results.Add(result);
                PrintChecks(console.Out, result);
                string size = ExperimentOutput.Size(definition.QuickApplied, grid.Replications);
                sizes[experiment.Id] = size;
                string target = Path.Combine(outRoot, experiment.Id);
                ExperimentOutput.Write(target, result, runs, size);
                console.Out.WriteLine($"  outputs in {target}: {string.Join(", ", ExperimentOutput.Files.Select(f => f.Name))}");
                console.Out.WriteLine();
            }

            if (docsDir is not null)
            {
                var set = shippedSet!;
                console.Out.WriteLine($"shipped scenarios: {set.Scenarios.Count} scenarios × {(isQuick ? ShippedScenarios.QuickSeeds : ShippedScenarios.FullSeeds)} seeds, " +
                                      $"and {set.Scale.File} at {string.Join(", ", ShippedScenarios.ScaleSizes.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))} activists.");
                ShippedScenariosResult shipped;
                var shippedClock = Stopwatch.StartNew();
                try
                {
                    shipped = ShippedScenarios.Measure(set, isQuick, new BatchOptions { Parallel = workers, Cancellation = console.Cancellation, Simulate = simulate });
                    console.Out.WriteLine($"  done ({shippedClock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s).");
                }
                catch (OperationCanceledException)
                {
                    console.Error.WriteLine("interrupted during the shipped scenarios; validation.md was not written (each experiment's folder was).");
                    return ExitCodes.Interrupted;
                }
                string size = isQuick ? "quick size (the 'quick:' block of each experiment file)" : "full size (the replications of each experiment file)";
                ValidationDocument.Write(docsDir, results, size, sizes, shipped);
                console.Out.WriteLine($"Wrote {Path.Combine(docsDir, ValidationDocument.FileName)} and its figures in {Path.Combine(docsDir, ValidationDocument.ImageFolder)}.");
            }

            int failed = results.Count(r => !r.Passed);
            string elapsed = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            console.Out.WriteLine($"{results.Count - failed} of {results.Count} experiments pass every check ({elapsed} s)" +
                                  (failed == 0 ? "." : $"; failing: {string.Join(", ", results.Where(r => !r.Passed).Select(r => r.Experiment.Id))}."));
            return failed == 0 ? ExitCodes.Ok : ExitCodes.ChecksFailed;
        });
        return command;
    }

    /// <summary>The checks of an experiment as a table: verdict, check, estimate, 95% interval, criterion.</summary>
    internal static void PrintChecks(TextWriter output, ExperimentResult result)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Width = 150;
        var table = new Table().Border(TableBorder.Simple).HideFooters();
        table.AddColumn(new TableColumn("result").NoWrap());
        table.AddColumn(new TableColumn("check"));
        table.AddColumn(new TableColumn("estimate").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("95% CI").NoWrap());
        table.AddColumn(new TableColumn("criterion"));
        table.AddColumn(new TableColumn("label"));
        table.AddColumn(new TableColumn("fails on control?"));
        foreach (var v in ExperimentControls.Verdicts(result))
        {
            var c = v.Check;
            table.AddRow(new Text(ExperimentMarkdown.Verdict(c)), new Text(c.Name), new Text(Experiment.F(c.Estimate.Value)),
                new Text(ExperimentMarkdown.Interval(c.Estimate)), new Text(c.Criterion), new Text(Check.Label(c.Kind)),
                new Text(v.Controls.Count == 0 ? v.StatusText : $"{v.StatusText} ({v.ControlText})"));
        }
        ansi.Write(table);
        output.WriteLine($"  {result.Experiment.Id}: {(result.Passed ? "PASS" : "FAIL")} ({result.Checks.Count(c => c.Passed)} of {result.Checks.Count} checks; " +
                         $"facts reproduced {result.FactsReproduced} of {result.Facts}; notes and controls in checks.csv)");
    }

    private static IReadOnlyList<ExperimentRun> WithProgress(CliConsole console, Experiment experiment, SweepDefinition definition, BatchOptions options)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Terminal) });
        IReadOnlyList<ExperimentRun>? runs = null;
        ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{experiment.Id} runs", maxValue: Math.Max(1, definition.Plan.Grid.RunCount));
                runs = ExperimentRunner.Run(experiment, definition.Plan, options with { Progress = p => task.Value = p.Done });
            });
        return runs!;
    }
}
