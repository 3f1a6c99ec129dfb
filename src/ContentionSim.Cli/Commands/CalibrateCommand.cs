using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Methods;
using Observables = ContentionSim.Experiments.Methods.Observables;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Calibration;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim calibrate CALIBRATION [--out DIR] [--quick] [--parallel N] [--force] [--no-plots] [--truth V ...]</c>:
/// approximate Bayesian computation of a calibration file's free parameters from its target patterns,
/// checked against its held-out patterns, on the batch runner (each batch of proposals a resumable stage).
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(CliConsole console, Func<Scenario, RunOptions, RunResult>? simulate = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var sharding = new AnalysisShardOptions();
        var file = new Argument<string>("calibration") { Description = "The calibration file (YAML): scenario, free parameters with priors, target and held-out patterns; see docs/calibration.md." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the results (default: runs/calibration-<name>). Running the same command again resumes it." };
        var quick = new Option<bool>("--quick") { Description = "Use the file's quick: block (fewer particles and draws, shorter runs)." };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Runs at once (0 = one per core, the default). Results are identical for any value.", DefaultValueFactory = _ => 0 };
        var force = new Option<bool>("--force") { Description = "Start over: delete what an earlier analysis wrote in the folder (only what its analysis.txt lists; refused if the folder holds anything else)." };
        var noPlots = new Option<bool>("--no-plots") { Description = "No pair plot." };
        var truth = new Option<double[]>("--truth") { Description = "Known values of the free parameters, in file order (a recovery test): shown in the pair plot and checked against the intervals.", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        var format = FormatOption.Create("particles.csv");
        var command = new Command("calibrate", "Calibrate a scenario's free parameters to target patterns by approximate Bayesian computation (rejection, then ABC-SMC); check held-out patterns.")
        {
            file, outDir, quick, parallel, force, noPlots, truth,
        };
        sharding.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            CalibrationDefinition c;
            try
            {
                c = CalibrationLoader.LoadFile(path, [.. Observables.All.Select(o => o.Name)], new CalibrationLoadOptions { Quick = parse.GetValue(quick) });
            }
            catch (ScenarioException e)
            {
                CliErrors.Report(e, console.Error);
                return ExitCodes.BadInput;
            }
            var known = parse.GetValue(truth) ?? [];
            if (known.Length > 0 && known.Length != c.Free.Count)
            {
                console.Error.WriteLine($"error: --truth gives {known.Length} values for {c.Free.Count} free parameters ({string.Join(", ", c.Free.Select(f => f.Path))}); give one per parameter, in the file's order.");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(parallel) < 0)
            {
                console.Error.WriteLine("error: --parallel must be 0 (one run per core) or a positive number.");
                return ExitCodes.BadInput;
            }
            string target = parse.GetValue(outDir) ?? Path.Combine("runs", "calibration-" + RunCommand.Slug(c.Name) + (c.QuickApplied ? "-quick" : ""));
            string commandLine = CommandLines.Of(parse, "calibrate");
            var fingerprint = $"calibration {Hash(c.Text)} scenario {Hash(c.ScenarioText)} quick {c.QuickApplied}";
            var shard = sharding.Resolve(parse, environment);
            if (shard is not null && parse.GetValue(force))
            {
                console.Error.WriteLine("error: --force with --shard would let every task of the array delete the others' runs; start over by deleting the folder once, before submitting.");
                return ExitCodes.BadInput;
            }
            if (AnalysisFolder.Prepare(target, fingerprint, parse.GetValue(force), console.Error) is int refused) return refused;

            var options = new BatchOptions
            {
                Parallel = parse.GetValue(parallel),
                Cancellation = console.Cancellation,
                Simulate = simulate,
                Check = s => ScenarioValidator.Validate(s).Select(d => $"{d.Path}: {d.Message}").ToArray(),
            };
            console.Out.WriteLine($"Calibrating '{c.Name}': {c.Free.Count} free parameter{(c.Free.Count == 1 ? "" : "s")} ({string.Join(", ", c.Free.Select(f => f.Path))}), " +
                                  $"{c.Targets.Count} target{(c.Targets.Count == 1 ? "" : "s")}, {c.HeldOut.Count} held out; {c.Abc.Particles} particles, {c.Abc.InitialDraws} prior draws, " +
                                  $"up to {c.Abc.Generations} SMC populations, {c.Replicates} run{(c.Replicates == 1 ? "" : "s")} per parameter set, at most {c.Abc.MaxSimulations:N0} parameter sets. Runs in {target}.");
            var clock = Stopwatch.StartNew();
            if (shard is not null)
                console.Out.WriteLine($"Task {shard.Shard} of a job array ({shard.Source}): of every batch, the runs with run mod {shard.Shard.Count} = {shard.Shard.Index}, then a wait for the other tasks.");
            var evaluate = AnalysisFolder.Recording(target, BatchEvaluation.OnDisk(target, options, AnalysisFolder.Progress(console, clock), shard, line => console.Out.WriteLine("  " + line)));
            // An OutputException (the folder cannot be written) goes to the one exit-code map (CliErrors).
            var result = Calibration.Run(c, evaluate, p => console.Out.WriteLine(
                $"  population {p.Generation}: tolerance {GlobalSensitivityWriter.F(p.Epsilon)}, {p.Simulations:N0} parameter sets simulated, acceptance {GlobalSensitivityWriter.Pct(p.AcceptanceRate)}, ESS {p.EffectiveSampleSize:0} ({AnalysisFolder.Duration(clock.Elapsed)})"));
            if (shard is not null && (result is not null || shard.WaitedOut))
                return AnalysisShardOptions.Finish(console, shard, result is not null, AnalysisShardOptions.FinalCommand(commandLine));
            if (result is null)
            {
                console.Error.WriteLine($"interrupted after {AnalysisFolder.Duration(clock.Elapsed)}; every finished run is kept in {target}. Run the same command again to resume.");
                return ExitCodes.Interrupted;
            }
            IReadOnlyList<OutputFile> files;
            try
            {
                files = CalibrationWriter.Write(result, target, commandLine, !parse.GetValue(noPlots), known.Length > 0 ? known : null);
                if (FormatOption.Parquet(parse.GetValue(format)))
                {
                    ParquetTables.WriteFromCsv(Path.Combine(target, "particles.csv"), Path.Combine(target, FormatOption.ParticlesParquet));
                    files = [.. files, new OutputFile(FormatOption.ParticlesParquet, "particles.csv as Parquet (typed columns; pandas, R arrow, DuckDB).")];
                }
                AnalysisFolder.Record(target, AnalysisFolder.Names(files));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutputException)
            {
                return CliErrors.NotWritten(target, e, console.Error);
            }
            var post = result.Posterior;
            console.Out.WriteLine();
            console.Out.WriteLine("Posterior (weighted mean, 95% credible interval):");
            for (int j = 0; j < c.Free.Count; j++)
            {
                var s = post.Summary(j);
                string check = known.Length > 0 ? (known[j] >= s.Lower && known[j] <= s.Upper ? $"  (true {GlobalSensitivityWriter.F(known[j])}: inside)" : $"  (true {GlobalSensitivityWriter.F(known[j])}: OUTSIDE)") : "";
                console.Out.WriteLine($"  {c.Free[j].Path,-48} {GlobalSensitivityWriter.F(s.Mean)} [{GlobalSensitivityWriter.F(s.Lower)}, {GlobalSensitivityWriter.F(s.Upper)}]{check}");
            }
            console.Out.WriteLine("Fit (posterior predictive 95% interval):");
            foreach (var f in CalibrationWriter.Fits(result))
                console.Out.WriteLine($"  {(f.HeldOut ? "held out" : "target  ")} {f.Observable,-24} observed {GlobalSensitivityWriter.F(f.Observed)}, predicted [{GlobalSensitivityWriter.F(f.Predictive.Lower)}, {GlobalSensitivityWriter.F(f.Predictive.Upper)}]{(f.Covered ? "" : "  NOT COVERED")}");
            console.Out.WriteLine($"{result.Runs:N0} runs in {AnalysisFolder.Duration(clock.Elapsed)}. Outputs in {target}:");
            foreach (var f in files) console.Out.WriteLine($"  {f.Name,-34} {f.Description}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>
/// The folder of a resumable analysis (global sensitivity, calibration): resumes this analysis's folder, refuses
/// another's unless <c>--force</c>, and with <c>--force</c> replaces only what an analysis wrote there.
/// <see cref="MarkerFile"/> is its record: the analysis's fingerprint on the first line, then (after
/// <see cref="ListHeader"/>) each file and stage folder it wrote, one a line (a folder with a trailing <c>/</c>),
/// recorded before the stage is run and after each result is written (<see cref="Recording"/>, <see cref="Record"/>).
/// </summary>
internal static partial class AnalysisFolder
{
    public const string MarkerFile = "analysis.txt";

    /// <summary>The line of the record after which the names of what the analysis wrote follow.</summary>
    public const string ListHeader = "# written by this analysis (--force replaces only these):";

    /// <summary>Null when the folder is ready (new, or this analysis's to resume); otherwise the exit code after the message.</summary>
    public static int? Prepare(string folder, string fingerprint, bool force, TextWriter error)
    {
        string marker = Path.Combine(folder, MarkerFile);
        try
        {
            // A file in its place or on its way: named, with the fix, as every writer says it.
            OutputTarget.CheckPlace(Path.GetFullPath(folder));
        }
        catch (OutputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.OutputFailed;
        }
        try
        {
            // (a temporary file of another task writing the marker at the same moment does not count)
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(e => !AtomicFile.IsTempName(Path.GetFileName(e))))
            {
                var record = File.Exists(marker) ? File.ReadAllLines(marker) : null;
                if (record is null)
                {
                    error.WriteLine($"error: the output folder '{folder}' exists and holds something else; choose another --out.");
                    return ExitCodes.OutputFailed;
                }
                string existing = record.Length > 0 ? record[0].Trim() : "";
                if (force)
                {
                    // Only what an analysis wrote is replaced; anything else is named and kept, before anything runs.
                    var (ours, strangers) = Judge(folder, record);
                    if (strangers.Count > 0)
                    {
                        error.WriteLine($"error: the output folder '{folder}' holds {string.Join(", ", strangers.Select(n => $"'{n}'"))}, which an analysis did not write, " +
                                        $"so --force will not replace the folder; move {(strangers.Count == 1 ? "it" : "them")} out of the folder or choose another --out.");
                        return ExitCodes.OutputFailed;
                    }
                    foreach (var name in ours.Where(n => n != MarkerFile))
                    {
                        string path = Path.Combine(folder, name.TrimEnd('/'));
                        if (name.EndsWith('/')) { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
                        else if (File.Exists(path)) File.Delete(path);
                    }
                    File.Delete(marker);
                }
                else if (existing != fingerprint)
                {
                    error.WriteLine($"error: the output folder '{folder}' holds another analysis ({existing}); use --force to start over or choose another --out.");
                    return ExitCodes.OutputFailed;
                }
            }
            Directory.CreateDirectory(folder);
            if (!File.Exists(marker)) AtomicFile.WriteAllText(marker, fingerprint + "\n" + ListHeader + "\n");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutputException)
        {
            error.WriteLine($"error: the output folder '{folder}' cannot be used: {e.Message}");
            return ExitCodes.OutputFailed;
        }
    }

    /// <summary>
    /// What of <paramref name="folder"/> an analysis wrote (the names its <paramref name="record"/> lists, or for a record
    /// from before that list, what such an analysis writes by name) and what else it holds (sorted; inside a stage
    /// folder as <c>STAGE/NAME</c>). Stale temporary files of killed writers are removed first.
    /// </summary>
    private static (List<string> Ours, List<string> Strangers) Judge(string folder, string[] record)
    {
        int header = Array.IndexOf(record, ListHeader);
        HashSet<string>? listed = header < 0 ? null : [.. record.Skip(header + 1).Select(l => l.Trim()).Where(l => l.Length > 0), MarkerFile];
        bool Ours(string name, bool isFolder) => listed is not null
            ? listed.Contains(isFolder ? name + "/" : name)
            : isFolder ? Stage().IsMatch(name) : name == MarkerFile || ResultFile().IsMatch(name);
        var ours = new List<string>();
        var strangers = new List<string>();
        Litter.Clean(folder);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            string name = Path.GetFileName(entry);
            bool isFolder = Directory.Exists(entry);
            if (!Ours(name, isFolder)) { strangers.Add(isFolder ? name + "/" : name); continue; }
            if (isFolder)
            {
                // A stage folder holds only its run logs; anything else in it is the user's too.
                Litter.Clean(entry);
                strangers.AddRange(Directory.EnumerateFileSystemEntries(entry).Select(Path.GetFileName).OfType<string>()
                    .Where(n => !RunLog().IsMatch(n) || !File.Exists(Path.Combine(entry, n)))
                    .Select(n => name + "/" + n));
            }
            ours.Add(isFolder ? name + "/" : name);
        }
        strangers.Sort(StringComparer.Ordinal);
        return (ours, strangers);
    }

    /// <summary>The stage folders a global sensitivity analysis (<c>morris</c>, <c>sobol</c>) or a calibration (<c>abc-gG-bB</c>) writes.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(morris|sobol|abc-g\d+-b\d+)$")]
    private static partial System.Text.RegularExpressions.Regex Stage();

    /// <summary>The run logs of a stage folder: <c>runs.csv</c>, and a job array task's <c>runs-shard-I-of-N.csv</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^runs(-shard-\d+-of-\d+)?\.csv$")]
    private static partial System.Text.RegularExpressions.Regex RunLog();

    /// <summary>The results a global sensitivity analysis or a calibration writes, by name (for a record from before the list).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(morris\.csv|sobol\.csv|noise\.csv|global-sensitivity\.md|(morris|sobol)-[a-z0-9_]+\.(png|svg)|particles\.csv|particles\.parquet|populations\.csv|posterior\.csv|fit\.csv|pairs\.png|calibration\.md)$")]
    private static partial System.Text.RegularExpressions.Regex ResultFile();

    /// <summary>
    /// Adds <paramref name="names"/> (files, or folders ending in <c>/</c>) to the record of <paramref name="folder"/>,
    /// those it does not list yet, so that a later <c>--force</c> may replace them.
    /// </summary>
    public static void Record(string folder, IEnumerable<string> names)
    {
        string marker = Path.Combine(folder, MarkerFile);
        var lines = File.ReadAllLines(marker).ToList();
        if (!lines.Contains(ListHeader)) return; // not ours to extend (the analysis would not have started)
        var add = names.Where(n => !lines.Contains(n)).Distinct().ToList();
        if (add.Count == 0) return;
        // Appended, not rewritten: the tasks of a job array record their stages into the same record.
        File.AppendAllText(marker, string.Concat(add.Select(n => n + "\n")));
    }

    /// <summary>The names of the files behind <paramref name="files"/> (<c>morris-x.png/.svg</c> is two).</summary>
    public static IEnumerable<string> Names(IEnumerable<OutputFile> files) => files.SelectMany(f =>
        f.Name.Split('/') is [var first, .. var rest] && rest.All(r => r.StartsWith('.'))
            ? [first, .. rest.Select(r => Path.ChangeExtension(first, r))]
            : new[] { f.Name });

    /// <summary><paramref name="evaluate"/>, with each stage's folder recorded before it is made.</summary>
    public static BatchEvaluator Recording(string folder, BatchEvaluator evaluate) => batch =>
    {
        Record(folder, [batch.Stage + "/"]);
        return evaluate(batch);
    };

    /// <summary>A progress line per stage every ~2 seconds (and at its end): runs done, failed, rate and an estimate of the stage's remaining time.</summary>
    public static Action<string, BatchProgress> Progress(CliConsole console, Stopwatch clock)
    {
        var last = TimeSpan.Zero;
        var stageStart = new Dictionary<string, TimeSpan>();
        return (stage, p) =>
        {
            if (!stageStart.TryGetValue(stage, out var start)) stageStart[stage] = start = clock.Elapsed;
            bool end = p.Done == p.ToDo;
            if (!end && clock.Elapsed - last < TimeSpan.FromSeconds(2)) return;
            last = clock.Elapsed;
            double seconds = (clock.Elapsed - start).TotalSeconds;
            string eta = p.Done > 0 && !end ? $", about {Duration(TimeSpan.FromSeconds(seconds / p.Done * (p.ToDo - p.Done)))} left in this stage" : "";
            console.Out.WriteLine($"    {stage}: {p.Done:N0}/{p.ToDo:N0} runs{(p.Failed > 0 ? $" ({p.Failed:N0} failed)" : "")}{eta}");
        };
    }

    public static string Duration(TimeSpan t) => t.TotalSeconds < 60
        ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{(int)t.TotalMinutes} min {t.Seconds} s";
}
