using System.CommandLine;
using System.Globalization;
using ContentionSim.Reporting;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Scenarios.Calibration;
using ContentionSim.Experiments.Sensitivity;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim slurm SWEEP --shards N</c>: writes the Slurm scripts that run a sweep as a job array
/// of N shards and merge them (a dependent job), with time and memory estimated from the sweep's size,
/// for a user to read, adjust and submit. Submits nothing.
/// </summary>
internal static class SlurmCommand
{
    public static Command Create(CliConsole console)
    {
        var sweep = new Argument<string>("sweep") { Description = "The sweep file (YAML), as the jobs will find it from the current folder." };
        var shards = new Option<int>("--shards", "-n") { Description = "Number of shards = tasks of the job array (each runs 1/N of the runs).", Required = true };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the shards' folders, the scripts and logs/ (default: runs/sweep-<name>-shards)." };
        var merged = new Option<string?>("--merged") { Description = "Folder for the merged sweep (default: runs/sweep-<name>)." };
        var command = new Option<string?>("--contentionsim") { Description = "How the jobs start contentionsim, e.g. \"dotnet /opt/contentionsim/contentionsim.dll\" (default: this contentionsim, by its full path)." };
        var cpus = new Option<int>("--cpus-per-task", "-c") { Description = "CPUs per task; the task runs that many runs at a time (default 1).", DefaultValueFactory = _ => 1 };
        var time = new Option<string?>("--time", "-t") { Description = "Time limit per task instead of the estimate, in Slurm's format (e.g. 02:00:00)." };
        var mem = new Option<string?>("--mem") { Description = "Memory per task instead of the estimate, in Slurm's format (e.g. 4G)." };
        var partition = new Option<string?>("--partition", "-p") { Description = "Slurm partition (queue) for the jobs." };
        var account = new Option<string?>("--account", "-A") { Description = "Slurm account to charge." };
        var series = new Option<string?>("--series") { Description = "Passed on to every shard: which runs keep a per-tick series (none, extremes, all)." };
        var replications = new Option<int?>("--replications") { Description = "Passed on to every shard: replications per point instead of the sweep file's." };
        var ticks = new Option<int?>("--ticks") { Description = "Passed on to every shard: ticks of every run instead of the base scenario's." };
        var sets = new Option<string[]>("--set") { Description = "Passed on to every shard: fix a parameter of the base (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var force = new Option<bool>("--force") { Description = "Overwrite scripts written before (they may have been adjusted by hand)." };
        var method = new Option<string?>("--method", "-m") { Description = "For a scenario: the global sensitivity analysis to run as a job array (morris, sobol or global)." };
        var quick = new Option<bool>("--quick") { Description = "For a calibration or a global sensitivity analysis: passed on, the reduced size." };
        var cmd = new Command("slurm",
            "Write Slurm scripts that run a sweep, a calibration or a global sensitivity analysis (a scenario with --method) as a job array of N tasks and a final step: <name>.sbatch, <name>-merge.sbatch and submit.sh. Read, adjust, submit.")
        {
            sweep, shards, outDir, merged, command, cpus, time, mem, partition, account, series, replications, ticks, sets, force, method, quick,
        };
        cmd.SetAction(parse =>
        {
            string file = parse.GetValue(sweep)!;
            int n = parse.GetValue(shards);
            int c = parse.GetValue(cpus);
            if (n < 1 || n > Experiments.Sweeps.SweepShard.MaxCount)
            {
                console.Error.WriteLine($"error: --shards must be 1 – {Experiments.Sweeps.SweepShard.MaxCount:N0}, not {n}.");
                return ExitCodes.BadInput;
            }
            if (c < 1)
            {
                console.Error.WriteLine("error: --cpus-per-task must be 1 or more.");
                return ExitCodes.BadInput;
            }
            string? seriesText = parse.GetValue(series);
            if (seriesText is not null && seriesText.Trim().ToLowerInvariant() is not ("none" or "extremes" or "all"))
            {
                console.Error.WriteLine($"error: --series must be none, extremes or all, not '{seriesText}'.");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(method) is not null && (CalibrationLoader.IsCalibrationFile(file) ? "calibration" : SweepLoader.IsSweepFile(file) ? "sweep" : null) is { } kind)
            {
                console.Error.WriteLine($"error: '{file}' is a {kind} file, and --method is for a scenario (its global sensitivity analysis as a job array). " +
                                        $"Leave out --method to write the {kind}'s job array, or give a scenario file.");
                return ExitCodes.BadInput;
            }
            // A file that cannot be read cannot be told a sweep from a calibration: say what slurm takes, not "the sweep".
            if (parse.GetValue(method) is null)
                InputFile.CheckReadable(file, "sweep or calibration", "file given to slurm (a sweep or calibration file, or a scenario file with --method)");
            if (parse.GetValue(method) is not null || CalibrationLoader.IsCalibrationFile(file))
                return Analysis(console, parse, file, n, c, parse.GetValue(method), parse.GetValue(quick), parse.GetValue(ticks), parse.GetValue(sets) ?? [],
                    parse.GetValue(outDir), parse.GetValue(merged), parse.GetValue(command), parse.GetValue(partition), parse.GetValue(account),
                    parse.GetValue(time), parse.GetValue(mem), parse.GetValue(force));
            var loadOptions = new SweepLoadOptions
            {
                Replications = parse.GetValue(replications),
                Ticks = parse.GetValue(ticks),
                Sets = parse.GetValue(sets) ?? [],
            };
            var definition = SweepLoader.LoadFile(file, loadOptions);
            long runs = definition.Plan.Grid.RunCount;
            if (n > runs)
            {
                console.Error.WriteLine($"error: --shards {n} is more than the sweep's {runs:N0} runs; some tasks would have nothing to do. Use --shards {runs} or fewer.");
                return ExitCodes.BadInput;
            }
            string root = parse.GetValue(outDir) ?? SweepCommand.DefaultFolder(definition.Name, sharded: true);
            var options = new List<string>();
            if (loadOptions.Replications is int r) options.AddRange(["--replications", r.ToString(CultureInfo.InvariantCulture)]);
            if (loadOptions.Ticks is int t) options.AddRange(["--ticks", t.ToString(CultureInfo.InvariantCulture)]);
            foreach (var s in loadOptions.Sets) options.AddRange(["--set", s]);
            if (seriesText is not null) options.AddRange(["--series", seriesText.Trim().ToLowerInvariant()]);
            var settings = new SlurmJobSettings
            {
                Name = RunCommand.Slug(definition.Name),
                SweepFile = file,
                WorkDir = Directory.GetCurrentDirectory(),
                ShardRoot = root,
                MergedFolder = parse.GetValue(merged) ?? SweepCommand.MergedFolder(root),
                Command = parse.GetValue(command) ?? DefaultCommand(),
                Shards = n,
                CpusPerTask = c,
                Partition = parse.GetValue(partition),
                Account = parse.GetValue(account),
                Time = parse.GetValue(time),
                Memory = parse.GetValue(mem),
                SweepOptions = options,
                Runs = runs,
                Activists = definition.Plan.Base.TotalActivists,
                Ticks = definition.Plan.Base.Ticks,
            };
            var problems = SweepSlurm.Problems(settings);
            if (problems.Count > 0) return CliErrors.NothingWritten("the scripts cannot be written safely", problems, console.Error);
            var scripts = SweepSlurm.Create(settings);
            var written = SweepSlurm.Write(scripts, root, parse.GetValue(force));
            long perTask = (runs + n - 1) / n;
            console.Out.WriteLine($"Sweep '{definition.Name}': {runs:N0} runs of {settings.Activists:N0} activists for {settings.Ticks:N0} ticks, " +
                                  $"as a job array of {n} task{(n == 1 ? "" : "s")} (≤ {perTask:N0} runs each, {c} CPU{(c == 1 ? "" : "s")}).");
            console.Out.WriteLine($"Per task: --time={settings.Time ?? scripts.TaskEstimate.SlurmTime} --mem={settings.Memory ?? scripts.TaskEstimate.SlurmMemory}" +
                                  (settings.Time is null || settings.Memory is null ? " (estimated; the reasoning is in the script)" : "") +
                                  $"; merge: --time={scripts.MergeEstimate.SlurmTime} --mem={scripts.MergeEstimate.SlurmMemory}.");
            if (n > 1000)
                console.Out.WriteLine($"note: Slurm's MaxArraySize is 1001 by default, so an array of {n} tasks needs a cluster configured for it (scontrol show config | grep MaxArraySize).");
            console.Out.WriteLine("Written:");
            foreach (var path in written) console.Out.WriteLine($"  {path}");
            console.Out.WriteLine($"Read and adjust them (partition, account, modules), then submit both jobs with: bash {Path.Combine(root, scripts.SubmitFile)}");
            console.Out.WriteLine($"The merged sweep will be in {settings.MergedFolder}; docs/cluster.md explains resuming and failures.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The scripts of a calibration or a global sensitivity analysis as a job array and a final step.</summary>
    private static int Analysis(CliConsole console, ParseResult parse, string file, int n, int cpus, string? method, bool quick, int? ticks, string[] sets,
        string? outDir, string? results, string? command, string? partition, string? account, string? time, string? mem, bool force)
    {
        List<string> task;
        string name, title, target;
        long runs;
        Core.Parameters.Scenario scenario;
        var passOn = new List<string>();
        if (quick) passOn.Add("--quick");
        if (method is null)
        {
            if (ticks is not null || sets.Length > 0)
            {
                console.Error.WriteLine("error: --ticks and --set are for sweeps and sensitivity; a calibration file fixes its settings in its 'set:'.");
                return ExitCodes.BadInput;
            }
            var c = CalibrationLoader.LoadFile(file, [.. Experiments.Methods.Observables.All.Select(o => o.Name)], new CalibrationLoadOptions { Quick = quick });
            name = "calibration-" + RunCommand.Slug(c.Name) + (c.QuickApplied ? "-quick" : "");
            title = $"calibration '{c.Name}' ({file})";
            target = results ?? Path.Combine("runs", name);
            task = ["calibrate", file, "--out", target, .. passOn];
            runs = c.Abc.MaxSimulations * c.Replicates;
            scenario = c.Scenario;
        }
        else
        {
            string m = method.Trim().ToLowerInvariant();
            if (m is not ("morris" or "sobol" or "global"))
            {
                console.Error.WriteLine($"error: --method must be morris, sobol or global for a job array, not '{method}' (the one-at-a-time analysis runs on one machine).");
                return ExitCodes.BadInput;
            }
            var input = ScenarioInput.TryLoad(file, sets, null, ticks, console.Error);
            if (input is null) return ExitCodes.BadInput;
            scenario = input.Scenario;
            name = $"sensitivity-{RunCommand.Slug(scenario.Name)}-{m}{(quick ? "-quick" : "")}";
            title = $"{m} sensitivity analysis of {file}";
            target = results ?? Path.Combine("runs", name);
            if (ticks is int t) passOn.AddRange(["--ticks", t.ToString(CultureInfo.InvariantCulture)]);
            foreach (var s in sets) passOn.AddRange(["--set", s]);
            task = ["sensitivity", file, "--method", m, "--out", target, .. passOn];
            int d = SensitivityCatalog.Of(scenario).Varied.Count;
            int r = quick ? GlobalDefaults.QuickTrajectories : GlobalDefaults.Trajectories, sn = quick ? GlobalDefaults.QuickSobolN : GlobalDefaults.SobolN;
            int k = m == "sobol" ? d : Math.Min(d, quick ? GlobalDefaults.QuickSobolFactors : GlobalDefaults.SobolFactors);
            runs = ((m != "sobol" ? (long)r * (d + 1) : 0) + (m != "morris" ? (long)sn * (k + 2) : 0)) * GlobalDefaults.Replications;
        }
        string root = outDir ?? target + "-slurm";
        var settings = new SlurmJobSettings
        {
            Name = name,
            SweepFile = file,
            WorkDir = Directory.GetCurrentDirectory(),
            ShardRoot = root,
            MergedFolder = target,
            Command = command ?? DefaultCommand(),
            Shards = n,
            CpusPerTask = cpus,
            Partition = partition,
            Account = account,
            Time = time,
            Memory = mem,
            Runs = runs,
            Activists = scenario.TotalActivists,
            Ticks = scenario.Ticks,
            TaskArguments = task,
            FinalArguments = task,
            AnalysisTitle = title,
        };
        var problems = SweepSlurm.Problems(settings);
        if (problems.Count > 0) return CliErrors.NothingWritten("the scripts cannot be written safely", problems, console.Error);
        var scripts = SweepSlurm.Create(settings);
        var written = SweepSlurm.Write(scripts, root, force);
        console.Out.WriteLine($"The {title}: at most about {runs:N0} runs of {settings.Activists:N0} activists for {settings.Ticks:N0} ticks, as a job array of {n} task{(n == 1 ? "" : "s")} " +
                              $"({cpus} CPU{(cpus == 1 ? "" : "s")} each) that share every stage's runs, then a final step that writes the results into {target}.");
        console.Out.WriteLine($"Per task: --time={settings.Time ?? scripts.TaskEstimate.SlurmTime} --mem={settings.Memory ?? scripts.TaskEstimate.SlurmMemory}" +
                              (settings.Time is null || settings.Memory is null ? " (estimated; the reasoning is in the script)" : "") + ". The tasks must run at the same time (each waits for the others at the end of a stage).");
        console.Out.WriteLine("Written:");
        foreach (var path in written) console.Out.WriteLine($"  {path}");
        console.Out.WriteLine($"Read and adjust them (partition, account, modules), then submit both jobs with: bash {Path.Combine(root, scripts.SubmitFile)}");
        return ExitCodes.Ok;
    }

    /// <summary>This contentionsim, as the jobs can start it: its apphost, or the dotnet host with contentionsim.dll, by full paths.</summary>
    internal static string DefaultCommand()
    {
        // (AppContext.BaseDirectory, not Assembly.Location, which is empty in a single-file release binary)
        string dll = Path.Combine(AppContext.BaseDirectory, typeof(SlurmCommand).Assembly.GetName().Name + ".dll");
        string? process = Environment.ProcessPath;
        string processName = process is null ? "" : Path.GetFileNameWithoutExtension(process);
        if (processName == "contentionsim") return SweepMerge.Quote(process!);
        string host = processName == "dotnet" ? process! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        return $"{SweepMerge.Quote(host)} {SweepMerge.Quote(dll)}";
    }
}
