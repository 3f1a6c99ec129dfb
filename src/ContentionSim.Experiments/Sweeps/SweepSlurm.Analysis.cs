using ContentionSim.Reporting;
using System.Globalization;
using System.Text;

namespace ContentionSim.Experiments.Sweeps;

// The scripts of a calibration or a global sensitivity analysis run as a job array and a final step.
public static partial class SweepSlurm
{
    /// <summary>
    /// The scripts of an analysis run as a job array: every task runs the analysis as shard I of N (its share of each
    /// stage's runs, then a wait for the others), and the final step, which depends on the array, runs the same command
    /// without a shard: it runs any run still missing and writes the results.
    /// </summary>
    private static SlurmScripts CreateAnalysis(SlurmJobSettings settings, string commandWords, SlurmEstimate task, string arrayFile, string finalFile,
        string logs, string finalExit)
    {
        int n = settings.Shards;
        string root = settings.ShardRoot;
        string title = settings.AnalysisTitle ?? settings.Name;
        var a = new StringBuilder();
        a.Append("#!/bin/bash\n");
        a.Append($"# The {title} as a Slurm job array of {n} task{(n == 1 ? "" : "s")}: task I runs, of every stage of the analysis, the runs\n");
        a.Append($"# with run mod {n} = I, then waits until the other tasks have recorded theirs (the next stage depends on the whole\n");
        a.Append("# of this one). The tasks must therefore run at the same time: keep N at most the tasks your cluster runs at once.\n");
        a.Append($"# A task that waits longer than --shard-wait minutes for the others stops with its share done. The final step\n");
        a.Append($"# ({finalFile}) then runs whatever is missing and writes the results. Submit both: bash {Join(root, "submit.sh")}\n");
        a.Append("#\n");
        a.Append($"# Written by `contentionsim slurm` (contentionsim {settings.ToolVersion}). Read it and adjust it to your cluster\n");
        a.Append("# (partition, account, modules to load); the time and memory are estimates, reasoned here:\n");
        AppendReason(a, "time per task", settings.Time is null ? task.TimeReason + $" → {task.SlurmTime}" : $"given: {settings.Time}");
        AppendReason(a, "memory per task", settings.Memory is null ? task.MemoryReason + $" → {task.SlurmMemory}" : $"given: {settings.Memory}");
        AppendJob(a, settings, commandWords, task, $"{settings.Name}", $"{logs}/{settings.Name}-%A_%a.out", array: n);
        a.Append("# contentionsim takes the task's shard from SLURM_ARRAY_TASK_ID, _MIN and _COUNT; running the same command again resumes.\n");
        var words = new List<string> { "\"${contentionsim[@]}\"" };
        words.AddRange(settings.TaskArguments!.Select(Quote));
        words.AddRange(["--shards", n.ToString(CultureInfo.InvariantCulture), "--parallel", "\"${SLURM_CPUS_PER_TASK:-1}\""]);
        a.Append(string.Join(' ', words)).Append('\n');
        a.Append("code=$?\n");
        a.Append("echo \"contentionsim (array task ${SLURM_ARRAY_TASK_ID:-?}) exited with $code\"\n");
        a.Append("exit \"$code\"\n");

        var m = new StringBuilder();
        m.Append("#!/bin/bash\n");
        m.Append($"# The final step of the {title}: the same command without a shard. It finds every run the tasks recorded, runs any that\n");
        m.Append("# is missing (a task that stopped early), and writes the results. submit.sh submits it with --dependency=afterany on the\n");
        m.Append("# array, so it runs however the tasks ended; it can also be run by hand (bash this-file).\n");
        m.Append($"# Its exit code is written to {finalExit} as well as to the log.\n");
        AppendReason(m, "time", "as a task (it may have to run a stopped task's share)" + $" → {settings.Time ?? task.SlurmTime}");
        AppendReason(m, "memory", $"as a task → {settings.Memory ?? task.SlurmMemory}");
        AppendJob(m, settings, commandWords, task, $"{settings.Name}-final", $"{logs}/{settings.Name}-final-%j.out", array: null);
        var final = new List<string> { "\"${contentionsim[@]}\"" };
        final.AddRange(settings.FinalArguments!.Select(Quote));
        final.AddRange(["--parallel", "\"${SLURM_CPUS_PER_TASK:-1}\""]);
        m.Append(string.Join(' ', final)).Append('\n');
        m.Append("code=$?\n");
        m.Append($"echo \"$code\" > {Quote(finalExit)}\n");
        m.Append("echo \"contentionsim (final step) exited with $code\"\n");
        m.Append("exit \"$code\"\n");

        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append($"# Submits the {title}: the job array of {n} task{(n == 1 ? "" : "s")} ({arrayFile}) and the final step ({finalFile}),\n");
        s.Append("# which waits for the array to end (--dependency=afterany) and then completes and writes the results.\n");
        AppendSubmit(s, settings, arrayFile, finalFile, "afterany", logs, "Results");
        return new SlurmScripts(arrayFile, a.ToString(), finalFile, m.ToString(), "submit.sh", s.ToString(), task, task);
    }
}
