using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Sensitivity;
using ContentionSim.Core.Simulation;
using ContentionSim.Reporting;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Scenarios;
using Spectre.Console;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim sensitivity SCENARIO [--out DIR] [--replications N] [--quick] [--parallel N] [--seed S] [--only PATTERN] [--delta F]</c>:
/// a one-at-a-time sensitivity analysis of the headline outcomes to every model parameter, with a
/// tornado plot per outcome.
/// </summary>
internal static class SensitivityCommand
{
    public const int DefaultReplications = 20;
    public const int QuickReplications = 8;

    /// <param name="console">Where to write.</param>
    /// <param name="simulate">Replaces <see cref="Simulator.Run"/> (tests).</param>
    public static Command Create(CliConsole console, Func<Scenario, RunOptions, RunResult>? simulate = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var sharding = new AnalysisShardOptions();
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML), e.g. scenarios/japan-2007.yaml." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the results (default: runs/sensitivity-<scenario>)." };
        var replications = new Option<int?>("--replications", "-n") { Description = $"Runs per variant, the same seeds in every variant (default {DefaultReplications}; {QuickReplications} with --quick)." };
        var quick = new Option<bool>("--quick") { Description = $"A first look: {QuickReplications} replications instead of {DefaultReplications} (the scenario itself is not changed)." };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Runs at once (0 = one per core, the default). Results are identical for any value.", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed the replications' seeds are derived from (default: the scenario's seed)." };
        var only = new Option<string?>("--only") { Description = "Vary only the parameters whose path matches, '*' for any text; several separated by commas, e.g. 'state.*,*.grievance_weight'." };
        var delta = new Option<double>("--delta") { Description = "Relative change: low = value × (1 − delta), high = value × (1 + delta).", DefaultValueFactory = _ => SensitivityRanges.DefaultDelta };
        var sets = new Option<string[]>("--set") { Description = "Fix a parameter of the scenario first, e.g. --set state.openness=0.8 (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var ticks = new Option<int?>("--ticks") { Description = "Ticks of every run instead of the scenario's." };
        var rows = new Option<int>("--rows") { Description = "Parameters drawn in each tornado plot (largest swings).", DefaultValueFactory = _ => TornadoPlot.DefaultRows };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it holds an earlier sensitivity analysis." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Write the CSV, summary and manifest only, no figures." };
        var list = new Option<bool>("--list") { Description = "List the parameters that would be varied (with low and high values) and those left out, then stop." };
        var method = new Option<string>("--method", "-m") { Description = "oat: one at a time, tornado plots (the quick first look); morris: screening by elementary effects; sobol: Sobol indices of every parameter; global: Morris, then Sobol indices of the parameters that matter. See docs/calibration.md.", DefaultValueFactory = _ => "oat" };
        method.AcceptOnlyFromAmong("oat", "morris", "sobol", "global");
        var trajectories = new Option<int?>("--trajectories") { Description = $"Morris trajectories (default {GlobalDefaults.Trajectories}; {GlobalDefaults.QuickTrajectories} with --quick)." };
        var sobolN = new Option<int?>("--sobol-n") { Description = $"Base sample size N of the Sobol design, a power of two (default {GlobalDefaults.SobolN}; {GlobalDefaults.QuickSobolN} with --quick)." };
        var sobolFactors = new Option<int?>("--sobol-factors") { Description = $"Most parameters taken from the screening to the Sobol stage (default {GlobalDefaults.SobolFactors}; {GlobalDefaults.QuickSobolFactors} with --quick)." };
        var outcomes = new Option<string?>("--outcomes") { Description = "Outcomes of a global analysis, comma-separated (default: " + string.Join(",", ContentionSim.Experiments.Methods.Observables.Headline) + ")." };
        var command = new Command("sensitivity", "One-at-a-time sensitivity analysis: every model parameter ±delta, the headline outcomes' response, tornado plots.")
        {
            scenario, outDir, replications, quick, parallel, seed, only, delta, sets, ticks, rows, force, noPlots, list,
            method, trajectories, sobolN, sobolFactors, outcomes,
        };
        sharding.AddTo(command);
        command.SetAction(parse =>
        {
            bool isQuick = parse.GetValue(quick);
            string chosen = parse.GetValue(method) ?? "oat";
            bool global = chosen != "oat";
            var shard = sharding.Resolve(parse, environment);
            if (shard is not null && !global)
            {
                console.Error.WriteLine("error: --shard (a job array task) is for --method morris|sobol|global; the one-at-a-time analysis runs on one machine.");
                return ExitCodes.BadInput;
            }
            int n = parse.GetValue(replications) ?? (global ? GlobalDefaults.Replications : isQuick ? QuickReplications : DefaultReplications);
            if (global && n < 1)
            {
                console.Error.WriteLine("error: --replications must be at least 1 (2 or more separate the model's noise).");
                return ExitCodes.BadInput;
            }
            if (!global && n < 2)
            {
                console.Error.WriteLine("error: --replications must be at least 2 (confidence intervals need two runs).");
                return ExitCodes.BadInput;
            }
            int workers = parse.GetValue(parallel);
            if (workers < 0)
            {
                console.Error.WriteLine("error: --parallel must be 0 (one run per core) or a positive number.");
                return ExitCodes.BadInput;
            }
            double d = parse.GetValue(delta);
            if (!(d > 0 && d < 1))
            {
                console.Error.WriteLine($"error: --delta must lie strictly between 0 and 1 (e.g. 0.25 for ±25%), not {d.ToString(CultureInfo.InvariantCulture)}.");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(rows) < 1)
            {
                console.Error.WriteLine("error: --rows must be at least 1.");
                return ExitCodes.BadInput;
            }
            string file = parse.GetValue(scenario)!;
            var input = ScenarioInput.TryLoad(file, parse.GetValue(sets) ?? [], parse.GetValue(seed), parse.GetValue(ticks), console.Error);
            if (input is null) return ExitCodes.BadInput;

            string? pattern = parse.GetValue(only);
            var catalog = SensitivityCatalog.Of(input.Scenario).Only(pattern);
            if (catalog.Varied.Count == 0)
            {
                console.Error.WriteLine($"error: --only '{pattern}' matches no parameter of the scenario; run with --list to see their paths.");
                return ExitCodes.BadInput;
            }
            if (global)
            {
                var request = GlobalDefaults.Request(chosen, isQuick, input, catalog, d, n, parse.GetValue(trajectories), parse.GetValue(sobolN), parse.GetValue(sobolFactors),
                    parse.GetValue(outcomes), parse.GetValue(outDir), parse.GetValue(force), !parse.GetValue(noPlots), parse.GetValue(list), workers,
                    CommandLines.Of(parse, "sensitivity"), console.Error);
                return request is null ? ExitCodes.BadInput : GlobalSensitivityCommand.Execute(console, request with { Shard = shard }, simulate);
            }
            var design = SensitivityDesign.Create(input.Scenario, catalog, n, d, input.Scenario.Seed,
                v => ScenarioValidator.Validate(v).Select(x => $"{x.Path}: {x.Message}").ToArray());
            if (parse.GetValue(list))
            {
                List(console.Out, design);
                return ExitCodes.Ok;
            }
            if (design.Parameters.Count == 0)
            {
                console.Error.WriteLine("error: no parameter can be varied: every variant fails the scenario's checks (run with --list to see why).");
                return ExitCodes.BadInput;
            }
            string target = parse.GetValue(outDir) ?? Path.Combine("runs", "sensitivity-" + RunCommand.Slug(input.Scenario.Name));
            var setup = new SensitivitySetup
            {
                ScenarioFile = file,
                ScenarioText = input.Text,
                Quick = isQuick,
                QuickChanges = isQuick && parse.GetValue(replications) is null ? $"{QuickReplications} replications per variant instead of {DefaultReplications}" : "",
                Only = pattern,
                Command = CommandLines.Of(parse, "sensitivity"),
                Force = parse.GetValue(force),
                Plots = !parse.GetValue(noPlots),
                Rows = parse.GetValue(rows),
                GitCommit = GitInfo.Commit(Path.GetDirectoryName(Path.GetFullPath(file)) ?? "."),
            };
            return Execute(console, design, setup, target, workers, simulate);
        });
        return command;
    }

    private static int Execute(CliConsole console, SensitivityDesign design, SensitivitySetup setup, string target, int workers, Func<Scenario, RunOptions, RunResult>? simulate)
    {
        // Refuse, before spending time on the runs, a folder the writer would refuse after them (not empty without --force, a
        // user's file beside an earlier analysis, a file in its place): the writer's own check, so the two cannot disagree.
        SensitivityOutputWriter.CheckReplaceable(target, setup.Force);
        var s = design.Base;
        int threads = workers == 0 ? Environment.ProcessorCount : workers;
        console.Out.WriteLine($"Sensitivity of '{s.Name}': {design.Parameters.Count} parameters ±{(design.Delta * 100).ToString("0.##", CultureInfo.InvariantCulture)}% " +
                              $"({design.Catalog.Skipped.Count} left out, see the manifest), {design.Replications} seeds each: " +
                              $"{design.RunCount:N0} runs of {s.TotalActivists:N0} activists for {s.Ticks:N0} {s.TimeUnit}s, {threads} at a time.");
        var clock = Stopwatch.StartNew();
        var options = new BatchOptions { Parallel = workers, Cancellation = console.Cancellation, Simulate = simulate };
        var results = console.Interactive ? WithProgress(console, design, options) : SensitivityRunner.Run(design, options);
        if (!results.Complete)
        {
            console.Error.WriteLine($"interrupted after {Duration(clock.Elapsed)}; nothing was written. Run the same command again to start over.");
            return ExitCodes.Interrupted;
        }
        var analysis = SensitivityAnalysis.Summarize(results);
        double ran = clock.Elapsed.TotalSeconds;
        var output = SensitivityOutputWriter.Write(analysis, setup, target);
        Summary(console.Out, analysis);
        console.Out.WriteLine($"{design.RunCount:N0} runs in {Duration(TimeSpan.FromSeconds(ran))}. Outputs in {output.Directory}:");
        foreach (var f in output.Files) console.Out.WriteLine($"  {f.Name,-34} {f.Description}");
        return ExitCodes.Ok;
    }

    private static SensitivityResults WithProgress(CliConsole console, SensitivityDesign design, BatchOptions options)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Terminal) });
        SensitivityResults? results = null;
        ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"runs 0/{design.RunCount:N0}", maxValue: design.RunCount);
                results = SensitivityRunner.Run(design, options with
                {
                    Progress = p =>
                    {
                        task.Value = p.Done;
                        task.Description = $"runs {p.Done:N0}/{design.RunCount:N0}";
                    },
                });
            });
        return results!;
    }

    /// <summary>The top drivers, ranked by their swing on peak participation, with their swing on every outcome.</summary>
    private static void Summary(TextWriter output, SensitivityAnalysis analysis)
    {
        var outcomes = SensitivityOutcomes.All;
        var peak = outcomes[0];
        var top = analysis.Ranked(peak).Take(SensitivityMarkdown.TopDrivers).ToArray();
        output.WriteLine();
        output.WriteLine($"Top {top.Length} drivers by their swing on {peak.Label.ToLowerInvariant()} (swing = |mean at high − mean at low|; shares in points of percent, lengths in ticks; * = 95% CI of high − low excludes 0):");
        string[] heads = ["parameter", .. outcomes.Select(o => o.Name)];
        var table = top.Select(e => new[] { e.Parameter.Path }.Concat(outcomes.Select(o =>
        {
            var x = analysis.Effects.First(f => f.Parameter == e.Parameter && f.Outcome.Name == o.Name);
            return double.IsFinite(x.Swing) ? TornadoPlot.Number(x.Swing * o.PlotScale) + (x.Clear ? "*" : " ") : "– ";
        })).ToArray()).ToArray();
        var widths = heads.Select((h, i) => Math.Max(h.Length, table.Length == 0 ? 0 : table.Max(r => r[i].Length))).ToArray();
        output.WriteLine("  " + string.Join("  ", heads.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var row in table)
            output.WriteLine("  " + string.Join("  ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))));
        output.WriteLine();
    }

    private static void List(TextWriter output, SensitivityDesign design)
    {
        output.WriteLine($"{design.Parameters.Count} parameters varied (low | base | high):");
        for (int k = 0; k < design.Parameters.Count; k++)
        {
            var p = design.Parameters[k];
            var v = design.Ranges[k];
            output.WriteLine($"  {p.Path,-52} {p.Varied,-22} {TornadoPlot.Number(v.Low)} | {TornadoPlot.Number(v.Base)} | {TornadoPlot.Number(v.High)}");
        }
        output.WriteLine($"{design.Catalog.Skipped.Count} left out:");
        foreach (var s in design.Catalog.Skipped) output.WriteLine($"  {s.Path,-52} {s.Explanation}");
    }

    private static string Duration(TimeSpan t) => t.TotalSeconds < 60
        ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{(int)t.TotalMinutes} min {t.Seconds} s";
}
