using ContentionSim.Reporting;
using System.Globalization;
using System.Text;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>What a sweep's Slurm job array is to run, and where (the input of <see cref="SweepSlurm.Write"/>).</summary>
public sealed record SlurmJobSettings
{
    /// <summary>Name of the sweep as a file-name-safe slug (job names, script names).</summary>
    public required string Name { get; init; }
    /// <summary>The sweep file, as the tasks find it from <see cref="WorkDir"/>.</summary>
    public required string SweepFile { get; init; }
    /// <summary>Absolute folder the jobs run in (<c>--chdir</c> and <c>cd</c>); relative paths are relative to it.</summary>
    public required string WorkDir { get; init; }
    /// <summary>The --out of the shards (they write into its shard-I-of-N folders); the scripts and logs/ go here too.</summary>
    public required string ShardRoot { get; init; }
    /// <summary>The --out of the merge.</summary>
    public required string MergedFolder { get; init; }
    /// <summary>How to start contentionsim, as shell words, e.g. <c>dotnet /opt/contentionsim/contentionsim.dll</c>.</summary>
    public required string Command { get; init; }
    public required int Shards { get; init; }
    public int CpusPerTask { get; init; } = 1;
    public string? Partition { get; init; }
    public string? Account { get; init; }
    /// <summary><c>--time</c> instead of the estimate (Slurm's format, e.g. <c>02:00:00</c>).</summary>
    public string? Time { get; init; }
    /// <summary><c>--mem</c> instead of the estimate (e.g. <c>4G</c>).</summary>
    public string? Memory { get; init; }
    /// <summary>Options passed on to every <c>contentionsim sweep</c> (e.g. <c>--replications 20</c>, <c>--set k=v</c>), as words.</summary>
    public IReadOnlyList<string> SweepOptions { get; init; } = [];
    /// <summary>The size of the sweep, for the estimates.</summary>
    public required long Runs { get; init; }
    public required long Activists { get; init; }
    public required int Ticks { get; init; }

    /// <summary>
    /// For an analysis (<c>calibrate</c>, global <c>sensitivity</c>) instead of a sweep: what each array task runs after
    /// the contentionsim command (without <c>--shards</c> and <c>--parallel</c>, which the script adds), e.g.
    /// <c>calibrate FILE --out OUT</c>. Null for a sweep.
    /// </summary>
    public IReadOnlyList<string>? TaskArguments { get; init; }

    /// <summary>For an analysis: the final step's command (the same without a shard: it runs what is missing and writes the results).</summary>
    public IReadOnlyList<string>? FinalArguments { get; init; }

    /// <summary>For an analysis: what it is, in words (e.g. "calibration 'japan-recovery'").</summary>
    public string? AnalysisTitle { get; init; }
    public string ToolVersion { get; init; } = RunManifest.ToolVersion;
}

/// <summary>An estimate of a Slurm job's needs, with the reasoning in words (written into the script).</summary>
public sealed record SlurmEstimate(TimeSpan Time, long MemoryMiB, string TimeReason, string MemoryReason)
{
    /// <summary>The time as Slurm's <c>--time</c> takes it: <c>HH:MM:SS</c>, or <c>D-HH:MM:SS</c> from a day on.</summary>
    public string SlurmTime => SweepSlurm.FormatTime(Time);

    /// <summary>The memory as <c>--mem</c> takes it, in MiB (<c>1536M</c>).</summary>
    public string SlurmMemory => MemoryMiB.ToString(CultureInfo.InvariantCulture) + "M";
}

/// <summary>The scripts written for a sweep, by name, with their text.</summary>
public sealed record SlurmScripts(string ArrayFile, string ArrayScript, string MergeFile, string MergeScript, string SubmitFile, string SubmitScript,
    SlurmEstimate TaskEstimate, SlurmEstimate MergeEstimate);

/// <summary>
/// Writes the Slurm scripts of a sweep split into N shards: a job array (<c>--array=0-(N-1)</c>) whose
/// task I runs <c>contentionsim sweep … --resume</c> (the shard comes from <c>SLURM_ARRAY_TASK_ID</c>),
/// a merge job, and <c>submit.sh</c>, which submits the array and then the merge with
/// <c>--dependency=afterok:&lt;array job&gt;</c>. Time and memory per task are estimated from the sweep's
/// size (runs × activists × ticks) with the assumptions stated in <see cref="Throughput"/> and the
/// constants beside it, and written into the script with their reasoning so that a user can adjust them.
/// </summary>
public static partial class SweepSlurm
{
    /// <summary>Assumed speed of the model: activist-ticks per CPU-second (about half of what it does on the project's 2-core machine at 20,000 activists).</summary>
    public const double Throughput = 10_000_000;
    /// <summary>Assumed cost of a tick apart from the activists (organizations, the state, observation), in seconds.</summary>
    public const double TickSeconds = 0.0002;
    /// <summary>Assumed cost of setting up a run (network, organizations), in seconds.</summary>
    public const double RunSeconds = 0.05;
    /// <summary>Factor on the estimated compute time, for slower nodes and busy file systems.</summary>
    public const double TimeHeadroom = 2;
    /// <summary>Added to every job's time: start-up of the runtime, reading and writing files.</summary>
    public static readonly TimeSpan StartUp = TimeSpan.FromMinutes(2);
    /// <summary>Shortest time asked for.</summary>
    public static readonly TimeSpan MinimumTime = TimeSpan.FromMinutes(10);
    /// <summary>Memory of the process without runs (runtime, sweep, records), MiB.</summary>
    public const long BaseMiB = 150;
    /// <summary>Memory per activist of a run under way, KiB.</summary>
    public const long KiBPerActivist = 1;
    /// <summary>Memory per tick of a run under way (its observations and series), KiB.</summary>
    public const long KiBPerTick = 4;
    /// <summary>Factor on the estimated memory.</summary>
    public const double MemoryHeadroom = 1.5;
    /// <summary>Least memory asked for, MiB.</summary>
    public const long MinimumMiB = 512;
    /// <summary>Memory per run held by the merge (its runs.csv row, parsed), KiB.</summary>
    public const long MergeKiBPerRun = 4;
    /// <summary>Time per run of the merge (reading, sorting, summarizing), seconds; plus <see cref="MergePlotSeconds"/> for the figures.</summary>
    public const double MergeSecondsPerRun = 0.002;
    public const double MergePlotSeconds = 60;

    /// <summary>The estimate for one task of the array: its share of the runs, spread over its CPUs.</summary>
    public static SlurmEstimate EstimateTask(long runs, long activists, int ticks, int shards, int cpus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cpus, 1);
        long perTask = (runs + shards - 1) / shards;
        long rounds = (perTask + cpus - 1) / cpus;
        double run = (double)activists * ticks / Throughput + ticks * TickSeconds + RunSeconds;
        double compute = rounds * run;
        var time = RoundUp(Max(MinimumTime, TimeSpan.FromSeconds(TimeHeadroom * compute) + StartUp));
        string timeReason =
            $"≤ {perTask:N0} runs, {cpus} at a time, each {activists:N0} activists × {ticks:N0} ticks ≈ {Seconds(run)} " +
            $"(at the assumed {Throughput / 1e6:0.#} M activist-ticks per CPU-second + {TickSeconds * 1000:0.#} ms a tick + {RunSeconds:0.##} s a run) " +
            $"→ {Seconds(compute)}; × {TimeHeadroom:0.#} headroom + {StartUp.TotalMinutes:0} min start-up, at least {MinimumTime.TotalMinutes:0} min, rounded up to 5 min";
        long perRunKiB = activists * KiBPerActivist + (long)ticks * KiBPerTick;
        double mib = (BaseMiB + cpus * perRunKiB / 1024.0) * MemoryHeadroom;
        long memory = Math.Max(MinimumMiB, RoundUp(mib, 256));
        string memoryReason =
            $"{BaseMiB} MiB + {cpus} run(s) at a time × ({activists:N0} activists × {KiBPerActivist} KiB + {ticks:N0} ticks × {KiBPerTick} KiB), " +
            $"× {MemoryHeadroom:0.#} headroom, rounded up to 256 MiB, at least {MinimumMiB} MiB";
        return new SlurmEstimate(time, memory, timeReason, memoryReason);
    }

    /// <summary>The estimate for the merge job: reading every shard's rows, the summary and the figures.</summary>
    public static SlurmEstimate EstimateMerge(long runs)
    {
        double compute = runs * MergeSecondsPerRun + MergePlotSeconds;
        var time = RoundUp(Max(MinimumTime, TimeSpan.FromSeconds(TimeHeadroom * compute) + StartUp));
        double mib = (BaseMiB + runs * MergeKiBPerRun / 1024.0) * MemoryHeadroom;
        long memory = Math.Max(MinimumMiB, RoundUp(mib, 256));
        return new SlurmEstimate(time, memory,
            $"{runs:N0} runs × {MergeSecondsPerRun * 1000:0.#} ms + {MergePlotSeconds:0} s for the figures → {Seconds(compute)}; × {TimeHeadroom:0.#} + {StartUp.TotalMinutes:0} min, at least {MinimumTime.TotalMinutes:0} min",
            $"{BaseMiB} MiB + {runs:N0} runs × {MergeKiBPerRun} KiB, × {MemoryHeadroom:0.#}, rounded up to 256 MiB, at least {MinimumMiB} MiB");
    }

    /// <summary>The three scripts' names and texts.</summary>
    public static SlurmScripts Create(SlurmJobSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Shards < 1) throw new ArgumentOutOfRangeException(nameof(settings), "at least one shard");
        var problems = Problems(settings);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        string commandWords = string.Join(' ', CommandWords(settings.Command, out _)!.Select(Quote));
        var task = EstimateTask(settings.Runs, settings.Activists, settings.Ticks, settings.Shards, settings.CpusPerTask);
        var merge = EstimateMerge(settings.Runs);
        string arrayFile = settings.Name + ".sbatch", mergeFile = settings.Name + "-merge.sbatch";
        string root = settings.ShardRoot;
        string logs = Path.GetFullPath(Path.Combine(settings.WorkDir, root, "logs"));
        string mergeExit = Join(root, "merge.exitcode");
        int n = settings.Shards;
        long perTaskMax = (settings.Runs + n - 1) / n, perTaskMin = settings.Runs / n;
        string perTask = perTaskMax == perTaskMin ? $"{perTaskMax:N0}" : $"{perTaskMin:N0} or {perTaskMax:N0}";

        if (settings.TaskArguments is not null) return CreateAnalysis(settings, commandWords, task, arrayFile, mergeFile, logs, mergeExit);
        var a = new StringBuilder();
        a.Append("#!/bin/bash\n");
        a.Append($"# Sweep '{settings.Name}' ({settings.SweepFile}) as a Slurm job array of {n} task{(n == 1 ? "" : "s")}: task I runs shard I/{n},\n");
        a.Append($"# one run in {n} of the sweep, interleaved over its grid ({perTask} of its {settings.Runs:N0} runs),\n");
        a.Append($"# into {Join(root, $"shard-I-of-{n}")}. Submit it together with the merge: bash {Join(root, "submit.sh")}\n");
        a.Append("#\n");
        a.Append($"# Written by `contentionsim slurm` (contentionsim {settings.ToolVersion}). Read it and adjust it to your cluster\n");
        a.Append("# (partition, account, modules to load); the time and memory are estimates, reasoned here:\n");
        AppendReason(a, "time per task", settings.Time is null ? task.TimeReason + $" → {task.SlurmTime}" : $"given: {settings.Time}");
        AppendReason(a, "memory per task", settings.Memory is null ? task.MemoryReason + $" → {task.SlurmMemory}" : $"given: {settings.Memory}");
        AppendJob(a, settings, commandWords, task, settings.Name, $"{logs}/{settings.Name}-%A_%a.out", array: n);
        a.Append($"# contentionsim takes the task's shard from SLURM_ARRAY_TASK_ID, _MIN and _COUNT: task I of --array=0-{n - 1} runs\n");
        a.Append($"# shard I/{n}. Resubmitting some shards (sbatch --array=1,3 this-file) runs those shards, as the array then has fewer\n");
        a.Append($"# than --shards {n} tasks. --resume continues the shard folder that a failed, requeued or resubmitted task left\n");
        a.Append("# behind: only its missing runs are run.\n");
        var sweep = new List<string> { "\"${contentionsim[@]}\"", "sweep", Quote(settings.SweepFile), "--out", Quote(root), "--shards", n.ToString(CultureInfo.InvariantCulture),
            "--parallel", "\"${SLURM_CPUS_PER_TASK:-1}\"" };
        sweep.AddRange(settings.SweepOptions.Select(Quote));
        sweep.Add("--resume");
        a.Append(string.Join(' ', sweep)).Append('\n');
        a.Append("code=$?\n");
        a.Append("echo \"contentionsim sweep (array task ${SLURM_ARRAY_TASK_ID:-?}) exited with $code\"\n");
        a.Append("# 4: some runs failed; each is recorded with its error and the merge reports them, so the task counts as done.\n");
        a.Append("if [ \"$code\" -eq 4 ]; then exit 0; fi\n");
        a.Append("exit \"$code\"\n");

        var m = new StringBuilder();
        m.Append("#!/bin/bash\n");
        m.Append($"# Merge of the {n} shard{(n == 1 ? "" : "s")} of sweep '{settings.Name}' into {settings.MergedFolder}: runs.csv, summary.csv and figures\n");
        m.Append("# as a single-machine sweep writes them. submit.sh submits it with --dependency=afterok on the job array, so it\n");
        m.Append("# starts once every task has succeeded; it can also be run by hand (bash this-file) once the shards are complete.\n");
        m.Append($"# Its exit code is written to {mergeExit} as well as to the log.\n");
        AppendReason(m, "time", merge.TimeReason + $" → {merge.SlurmTime}");
        AppendReason(m, "memory", merge.MemoryReason + $" → {merge.SlurmMemory}");
        AppendJob(m, settings, commandWords, $"{settings.Name}-merge", $"{logs}/{settings.Name}-merge-%j.out", array: null,
            cpus: 2, memory: merge.SlurmMemory, time: merge.SlurmTime);
        m.Append($"\"${{contentionsim[@]}}\" merge {Quote(root)} --out {Quote(settings.MergedFolder)}\n");
        m.Append("code=$?\n");
        m.Append($"echo \"$code\" > {Quote(mergeExit)}\n");
        m.Append("echo \"contentionsim merge exited with $code\"\n");
        m.Append("# 4: the merge is complete but some runs failed (runs.csv has their errors).\n");
        m.Append("if [ \"$code\" -eq 4 ]; then exit 0; fi\n");
        m.Append("exit \"$code\"\n");

        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append($"# Submits sweep '{settings.Name}': the job array of {n} shard{(n == 1 ? "" : "s")} ({arrayFile}) and the merge ({mergeFile}),\n");
        s.Append("# which waits for the array (--dependency=afterok: it starts only if every task succeeded).\n");
        s.Append("# If a task fails, the merge never starts: see its log, fix the cause, cancel the merge (scancel),\n");
        s.Append($"# resubmit the failed tasks (sbatch --array=I,J {Join(root, arrayFile)}; they resume) and then the merge.\n");
        AppendSubmit(s, settings, arrayFile, mergeFile, "afterok", logs, "Merged sweep");
        return new SlurmScripts(arrayFile, a.ToString(), mergeFile, m.ToString(), "submit.sh", s.ToString(), task, merge);
    }

    /// <summary>Writes the scripts into <see cref="SlurmJobSettings.ShardRoot"/> (and creates its logs/ folder, which Slurm needs to exist); returns their paths.</summary>
    /// <exception cref="OutputException">A script exists (without <paramref name="force"/>) or cannot be written.</exception>
    public static IReadOnlyList<string> Write(SlurmScripts scripts, string folder, bool force)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var files = new[] { (scripts.ArrayFile, scripts.ArrayScript), (scripts.MergeFile, scripts.MergeScript), (scripts.SubmitFile, scripts.SubmitScript) };
        foreach (var (name, _) in files)
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path) && !force)
                throw new OutputException(path, $"'{path}' exists (perhaps adjusted by hand); add --force to overwrite it, or choose another --out.");
        }
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "logs"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(folder, e);
        }
        var written = new List<string>();
        foreach (var (name, text) in files)
        {
            string path = Path.Combine(folder, name);
            AtomicFile.WriteAllText(path, text);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                           UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            written.Add(path);
        }
        return written;
    }

    /// <summary>Slurm's time format: <c>HH:MM:SS</c>, or <c>D-HH:MM:SS</c> from a day on.</summary>
    public static string FormatTime(TimeSpan t)
    {
        long total = (long)Math.Ceiling(t.TotalSeconds);
        long days = total / 86400, hours = total / 3600 % 24, minutes = total / 60 % 60, seconds = total % 60;
        string hms = string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}");
        return days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{days}-{hms}") : hms;
    }

    private static string Quote(string s) => SweepMerge.Quote(s);

    private static string Join(string folder, string name) => folder.EndsWith('/') ? folder + name : folder + "/" + name;

    private static void AppendReason(StringBuilder sb, string what, string reason) => sb.Append($"#   {what}: {reason}\n");

    /// <summary>A job's #SBATCH lines with the task's estimate (or the time and memory given), then the cd and the contentionsim command.</summary>
    private static void AppendJob(StringBuilder sb, SlurmJobSettings settings, string commandWords, SlurmEstimate task, string jobName, string output, int? array) =>
        AppendJob(sb, settings, commandWords, jobName, output, array, settings.CpusPerTask, settings.Memory ?? task.SlurmMemory, settings.Time ?? task.SlurmTime);

    /// <summary>A job's #SBATCH lines, then the cd into the working folder and the contentionsim command as a bash array.</summary>
    private static void AppendJob(StringBuilder sb, SlurmJobSettings settings, string commandWords, string jobName, string output, int? array,
        int cpus, string memory, string time)
    {
        sb.Append($"#SBATCH --job-name={jobName}\n");
        if (array is int n) sb.Append($"#SBATCH --array=0-{n - 1}\n");
        sb.Append("#SBATCH --ntasks=1\n");
        sb.Append($"#SBATCH --cpus-per-task={cpus}\n");
        sb.Append($"#SBATCH --mem={memory}\n");
        sb.Append($"#SBATCH --time={time}\n");
        sb.Append($"#SBATCH --output={Directive(output)}\n");
        sb.Append($"#SBATCH --chdir={Directive(settings.WorkDir)}\n");
        AppendOptional(sb, "partition", settings.Partition);
        AppendOptional(sb, "account", settings.Account);
        sb.Append('\n');
        sb.Append($"cd {Quote(settings.WorkDir)} || exit 1\n");
        sb.Append($"contentionsim=({commandWords})\n");
        sb.Append('\n');
    }

    /// <summary>
    /// The commands of submit.sh: the array, then the final job with <c>--dependency=<paramref name="dependency"/></c> on it, and
    /// where to watch them.
    /// </summary>
    private static void AppendSubmit(StringBuilder sb, SlurmJobSettings settings, string arrayFile, string finalFile, string dependency, string logs, string results)
    {
        string root = settings.ShardRoot;
        sb.Append("set -euo pipefail\n");
        sb.Append($"cd {Quote(settings.WorkDir)}\n");
        sb.Append($"array=$(sbatch --parsable {Quote(Join(root, arrayFile))})\n");
        sb.Append("array=${array%%;*}\n");
        sb.Append($"merge=$(sbatch --parsable --dependency={dependency}:\"$array\" {Quote(Join(root, finalFile))})\n");
        sb.Append("merge=${merge%%;*}\n");
        sb.Append("echo \"submitted: array=$array merge=$merge\"\n");
        // The folders go in single quotes, outside the double-quoted text: nothing in them is expanded or run.
        sb.Append($"echo \"Watch them with: squeue -j $array,$merge   Logs: \"{Quote(logs + "/")}\"   {results}: \"{Quote(settings.MergedFolder)}\n");
    }

    private static void AppendOptional(StringBuilder sb, string option, string? value) =>
        sb.Append(value is null ? $"##SBATCH --{option}=...   (remove one '#' and fill in if your cluster needs it)\n" : $"#SBATCH --{option}={value}\n");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan RoundUp(TimeSpan t) => TimeSpan.FromMinutes(Math.Ceiling(t.TotalMinutes / 5) * 5);

    private static long RoundUp(double value, long step) => (long)Math.Ceiling(value / step) * step;

    private static string Seconds(double s) => s < 120
        ? s.ToString(s < 10 ? "0.##" : "0", CultureInfo.InvariantCulture) + " s"
        : s < 7200 ? (s / 60).ToString("0.#", CultureInfo.InvariantCulture) + " min" : (s / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h";
}
