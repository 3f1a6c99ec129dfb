using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Diagnostics;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>The Slurm scripts of a sharded sweep: the job array, the dependent merge, and estimates that follow the sweep's size.</summary>
public sealed class SweepSlurmTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SlurmJobSettings Settings(int shards = 4, long runs = 70, long activists = 1000, int ticks = 260) => new()
    {
        Name = "quick",
        SweepFile = "scenarios/sweeps/quick.yaml",
        WorkDir = "/home/me/project",
        ShardRoot = "runs/sweep-quick-shards",
        MergedFolder = "runs/sweep-quick",
        Command = "dotnet '/opt/contention sim/contentionsim.dll'",
        Shards = shards,
        Runs = runs,
        Activists = activists,
        Ticks = ticks,
        SweepOptions = ["--replications", "5", "--set", "movements[0].activists.count=1000"],
    };

    [Fact]
    public void The_array_script_runs_one_shard_per_task_and_the_merge_depends_on_the_array()
    {
        var scripts = SweepSlurm.Create(Settings());
        var array = scripts.ArrayScript;
        Assert.Equal("quick.sbatch", scripts.ArrayFile);
        Assert.StartsWith("#!/bin/bash\n", array);
        Assert.Contains("#SBATCH --array=0-3\n", array);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", array);
        Assert.Contains("#SBATCH --mem=512M\n", array);
        Assert.Contains("#SBATCH --time=00:10:00\n", array);
        Assert.Contains("#SBATCH --output=/home/me/project/runs/sweep-quick-shards/logs/quick-%A_%a.out\n", array);
        Assert.Contains("#SBATCH --chdir=/home/me/project\n", array);
        Assert.Contains("contentionsim=(dotnet '/opt/contention sim/contentionsim.dll')\n", array);
        Assert.Contains("\"${contentionsim[@]}\" sweep scenarios/sweeps/quick.yaml --out runs/sweep-quick-shards --shards 4 --parallel \"${SLURM_CPUS_PER_TASK:-1}\" " +
                        "--replications 5 --set 'movements[0].activists.count=1000' --resume\n", array);
        Assert.Contains("10 M activist-ticks per CPU-second", array); // the stated assumption
        Assert.Contains("##SBATCH --partition=", array);

        Assert.Contains("#SBATCH --job-name=quick-merge\n", scripts.MergeScript);
        Assert.Contains("\"${contentionsim[@]}\" merge runs/sweep-quick-shards --out runs/sweep-quick\n", scripts.MergeScript);
        Assert.Contains("runs/sweep-quick-shards/merge.exitcode", scripts.MergeScript);

        Assert.Contains("array=$(sbatch --parsable runs/sweep-quick-shards/quick.sbatch)\n", scripts.SubmitScript);
        Assert.Contains("merge=$(sbatch --parsable --dependency=afterok:\"$array\" runs/sweep-quick-shards/quick-merge.sbatch)\n", scripts.SubmitScript);
        Assert.Contains("echo \"submitted: array=$array merge=$merge\"", scripts.SubmitScript);

        var withQueue = SweepSlurm.Create(Settings() with { Partition = "short", Account = "polsci", CpusPerTask = 8, Time = "01:00:00", Memory = "4G" });
        Assert.Contains("#SBATCH --partition=short\n", withQueue.ArrayScript);
        Assert.Contains("#SBATCH --account=polsci\n", withQueue.MergeScript);
        Assert.Contains("#SBATCH --cpus-per-task=8\n", withQueue.ArrayScript);
        Assert.Contains("#SBATCH --time=01:00:00\n", withQueue.ArrayScript);
        Assert.Contains("#SBATCH --mem=4G\n", withQueue.ArrayScript);
    }

    [Trait("Category", "Process")]
    [Fact]
    public void The_scripts_are_valid_bash_and_written_executable_without_overwriting_adjusted_ones()
    {
        var scripts = SweepSlurm.Create(Settings());
        var written = SweepSlurm.Write(scripts, _dir.Path, force: false);
        Assert.Equal(3, written.Count);
        Assert.True(Directory.Exists(_dir.Combine("logs")));
        foreach (var path in written)
        {
            if (!OperatingSystem.IsWindows()) Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), path);
            using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true })!;
            string error = bash.StandardError.ReadToEnd();
            bash.WaitForExit();
            Assert.True(bash.ExitCode == 0, $"{path}: {error}");
        }
        File.AppendAllText(written[0], "# adjusted\n");
        Assert.Contains("--force", Assert.Throws<OutputException>(() => SweepSlurm.Write(scripts, _dir.Path, force: false)).Message);
        Assert.EndsWith("# adjusted\n", File.ReadAllText(written[0]));
        SweepSlurm.Write(scripts, _dir.Path, force: true);
        Assert.DoesNotContain("# adjusted", File.ReadAllText(written[0]));
    }

    [Fact]
    public void Time_and_memory_grow_with_runs_activists_ticks_and_cpus()
    {
        // A small sweep gets the minimums.
        var small = SweepSlurm.EstimateTask(70, 1000, 260, 4, 1);
        Assert.Equal(TimeSpan.FromMinutes(10), small.Time);
        Assert.Equal(512, small.MemoryMiB);

        // 100,000 runs of 20,000 activists × 500 ticks in 100 tasks of 4 CPUs:
        // 1,000 runs a task, 250 rounds × (1 s + 0.1 s + 0.05 s) = 287.5 s; × 2 + 2 min = 695 s → 15 min.
        var big = SweepSlurm.EstimateTask(100_000, 20_000, 500, 100, 4);
        Assert.Equal(TimeSpan.FromMinutes(15), big.Time);
        Assert.Equal("00:15:00", big.SlurmTime);
        // (150 MiB + 4 × (20,000 KiB + 2,000 KiB)) × 1.5 = 353.9 MiB → 512 MiB minimum.
        Assert.Equal(512, big.MemoryMiB);
        // The same on 10 tasks of 1 CPU: 10,000 runs × 1.15 s × 2 + 120 s = 23,120 s → 6 h 30 min (rounded up to 5 min).
        var serial = SweepSlurm.EstimateTask(100_000, 20_000, 500, 10, 1);
        Assert.Equal("06:30:00", serial.SlurmTime);
        Assert.True(SweepSlurm.EstimateTask(100_000, 200_000, 500, 10, 1).Time > serial.Time);
        Assert.True(SweepSlurm.EstimateTask(100_000, 20_000, 1000, 10, 1).Time > serial.Time);
        // Memory: 16 runs at once of 1,000,000 activists.
        var wide = SweepSlurm.EstimateTask(1000, 1_000_000, 500, 10, 16);
        Assert.Equal(23_808, wide.MemoryMiB); // (150 + 16 × (1,000,000 + 2,000) / 1024) × 1.5 = 23,707 → 23,808
        Assert.Equal("23808M", wide.SlurmMemory);

        Assert.Equal("1-02:00:00", SweepSlurm.FormatTime(TimeSpan.FromHours(26)));
        Assert.Equal(TimeSpan.FromMinutes(10), SweepSlurm.EstimateMerge(70).Time);
        Assert.True(SweepSlurm.EstimateMerge(1_000_000).Time > TimeSpan.FromHours(1));
        Assert.True(SweepSlurm.EstimateMerge(1_000_000).MemoryMiB > 4096);
    }
}
