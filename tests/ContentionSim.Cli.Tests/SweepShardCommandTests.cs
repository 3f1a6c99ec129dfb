using System.CommandLine;
using System.Diagnostics;
using ContentionSim.Cli.Commands;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// <c>sweep --shard I/N</c> and its job-array environment, <c>merge</c> and <c>slurm</c>: a sweep split
/// over shards and merged equals the sweep run on one machine, and the generated Slurm scripts do that
/// when run as a job array would run them.
/// </summary>
public sealed class SweepShardCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Runs the sweep command alone, with the given environment variables and cancellation.</summary>
    private static (int Code, string Out, string Error) SweepWith(IReadOnlyDictionary<string, string> environment,
        Func<Scenario, RunOptions, RunResult>? simulate, CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = CliConsole.Capture(output, error, cancellation);
        var root = new RootCommand { SweepCommand.Create(console, simulate, name => environment.GetValueOrDefault(name)) };
        int code = ContentionSimCli.Invoke(root.Parse(["sweep", .. args]), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_shard_runs_its_slice_into_its_own_folder_and_says_how_to_merge()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = _cli.PathOf("shards");

        var (code, output, error) = _cli.Run("sweep", sweep, "--out", root, "--shard", "1/3", "--no-plots");

        Assert.True(code == 0, error);
        Assert.Contains("Shard 1/3 (--shard 1/3): 6 of the 18 runs (every 3rd run, interleaved over the grid).", output);
        Assert.Contains("6 of 6 runs of shard 1/3 recorded, 0 failed.", output);
        Assert.Contains($"contentionsim merge {root} --out {root}-merged", output);
        string folder = Path.Combine(root, "shard-1-of-3");
        Assert.Equal(7, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
        Assert.False(File.Exists(Path.Combine(folder, "summary.csv")));
        var manifest = CliHarness.ReadJson(Path.Combine(folder, "manifest.json"));
        Assert.Equal(1, manifest.GetProperty("shard").GetProperty("index").GetInt32());
        Assert.Equal(3, manifest.GetProperty("shard").GetProperty("count").GetInt32());

        // Without --out the shards go beside the single-machine folder: runs/sweep-<name>-shards.
        var (dry, dryOut, _) = _cli.Run("sweep", sweep, "--shard", "0/3", "--dry-run");
        Assert.Equal(0, dry);
        Assert.Contains($"The results would go to {Path.Combine("runs", "sweep-small-sweep-shards", "shard-0-of-3")}.", dryOut);
    }

    [Fact]
    public void A_job_array_task_finds_its_shard_in_the_environment_and_resumes_as_that_shard()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = _cli.PathOf("shards");
        // The second task of --array=1-3.
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "3" };
        using var cancel = new CancellationTokenSource();
        int calls = 0;
        RunResult Simulate(Scenario s, RunOptions o)
        {
            if (Interlocked.Increment(ref calls) == 3) cancel.Cancel();
            return Simulator.Run(s, o);
        }

        var (code, output, error) = SweepWith(slurm, Simulate, cancel.Token, sweep, "--out", root, "--parallel", "1", "--no-plots");

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("Shard 1/3 (SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=3)", output);
        Assert.Contains("2 of 6 runs of shard 1/3 are recorded", error);
        // The resume command names the shard, so it works outside the job array too.
        Assert.Contains($"Resume with: contentionsim sweep {sweep} --out {root} --parallel 1 --no-plots --shard 1/3 --resume", error);

        var (resumed, resumedOut, resumedError) = _cli.Run("sweep", sweep, "--out", root, "--parallel", "1", "--no-plots", "--shard", "1/3", "--resume");
        Assert.True(resumed == 0, resumedError);
        Assert.Contains("(2 were recorded before)", resumedOut);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(root, "shard-1-of-3", "runs.csv")).Length);

        // A Kubernetes indexed job: JOB_COMPLETION_INDEX with --shards.
        var k8s = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "2" };
        var (kCode, kOut, kError) = SweepWith(k8s, null, default, sweep, "--out", root, "--shards", "3", "--no-plots");
        Assert.True(kCode == 0, kError);
        Assert.Contains("Shard 2/3 (JOB_COMPLETION_INDEX=2, --shards 3)", kOut);
        Assert.True(File.Exists(Path.Combine(root, "shard-2-of-3", "runs.csv")));
    }

    [Fact]
    public void Bad_shard_options_are_refused_before_anything_runs()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        var none = new Dictionary<string, string>();

        var (c1, _, e1) = _cli.Run("sweep", sweep, "--shard", "3/3", "--out", _cli.PathOf("x"));
        Assert.Equal(ExitCodes.BadInput, c1);
        Assert.Contains("shards are counted from 0", e1);
        var (c2, _, e2) = SweepWith(none, null, default, sweep, "--shards", "4", "--out", _cli.PathOf("x"));
        Assert.Equal(ExitCodes.BadInput, c2);
        Assert.Contains("give --shard I/N", e2);
        var (c3, _, e3) = SweepWith(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1" }, null, default, sweep, "--out", _cli.PathOf("x"));
        Assert.Equal(ExitCodes.BadInput, c3);
        Assert.Contains("add --shards N", e3);
        Assert.False(Directory.Exists(_cli.PathOf("x")));
    }

    [Fact]
    public void Merged_shards_equal_the_single_machine_sweep_and_a_missing_shard_is_named()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = _cli.PathOf("shards");
        for (int i = 0; i < 3; i++)
            Assert.Equal(0, _cli.Run("sweep", sweep, "--out", root, "--shard", $"{i}/3", "--no-plots").Code);
        string whole = _cli.PathOf("whole");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", whole, "--no-plots").Code);

        // Shard 2 missing: exit 2, the reason, the command to run it, nothing written.
        var (missing, _, missingError) = _cli.Run("merge", Path.Combine(root, "shard-0-of-3"), Path.Combine(root, "shard-1-of-3"), "--out", _cli.PathOf("merged"));
        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("error: the shards cannot be merged:", missingError);
        Assert.Contains($"shard 2/3 is missing (6 runs); run it with: contentionsim sweep {sweep} --shard 2/3 --out {root} --resume.", missingError);
        Assert.Contains("Nothing was written.", missingError);
        Assert.False(Directory.Exists(_cli.PathOf("merged")));

        var (code, output, error) = _cli.Run("merge", root, "--out", _cli.PathOf("merged"), "--no-plots");
        Assert.True(code == 0, error);
        Assert.Contains("Merged 3 shards of sweep 'small-sweep': 18 runs, 0 failed.", output);
        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(whole, "runs.csv")), SweepTestFiles.Comparable(Path.Combine(_cli.PathOf("merged"), "runs.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "summary.csv")), File.ReadAllText(Path.Combine(_cli.PathOf("merged"), "summary.csv")));

        Assert.Equal(ExitCodes.BadInput, _cli.Run("merge", _cli.PathOf("nowhere"), "--out", _cli.PathOf("m")).Code);
        Assert.Equal(ExitCodes.BadInput, _cli.Run("merge", root).Code); // --out is required
    }

    [Fact]
    public void Slurm_given_a_file_that_is_not_there_says_so_of_the_file_and_what_it_takes_not_of_a_sweep()
    {
        SweepTestFiles.WriteSmall(_cli);
        string missing = _cli.PathOf("no-such-file.yaml");
        var (code, output, error) = _cli.Run("slurm", missing, "--shards", "2", "--out", _cli.PathOf("shards"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: the file given to slurm (a sweep or calibration file, or a scenario file with --method) has a problem:\n" +
                          $"  {missing}: file not found. ", error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("sweep has", error);
        Assert.False(Directory.Exists(_cli.PathOf("shards")));

        // A folder cannot be told a sweep from a calibration either.
        (code, _, error) = _cli.Run("slurm", _cli.Root, "--shards", "2");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("this is a directory, not a sweep or calibration file. Give one of the files in it, e.g.", error);

        // With --method the file must be a scenario, and is told as one.
        (code, _, error) = _cli.Run("slurm", missing, "--shards", "2", "--method", "global");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: the scenario has a problem:", error);
    }

    [Fact]
    public void The_slurm_command_writes_the_scripts_and_refuses_more_shards_than_runs()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = _cli.PathOf("shards");

        var (code, output, error) = _cli.Run("slurm", sweep, "--shards", "4", "--out", root, "--merged", _cli.PathOf("merged"),
            "--contentionsim", "/opt/contentionsim/contentionsim", "--partition", "short", "--replications", "2");

        Assert.True(code == 0, error);
        Assert.Contains("Sweep 'small-sweep': 12 runs of 300 activists for 60 ticks, as a job array of 4 tasks (≤ 3 runs each, 1 CPU).", output);
        Assert.Contains("Per task: --time=00:10:00 --mem=512M (estimated; the reasoning is in the script); merge: --time=00:10:00 --mem=512M.", output);
        Assert.Contains($"then submit both jobs with: bash {Path.Combine(root, "submit.sh")}", output);
        string array = File.ReadAllText(Path.Combine(root, "small-sweep.sbatch"));
        Assert.Contains("#SBATCH --array=0-3\n", array);
        Assert.Contains("#SBATCH --partition=short\n", array);
        Assert.Contains("contentionsim=(/opt/contentionsim/contentionsim)\n", array);
        Assert.Contains($"sweep {sweep} --out {root} --shards 4 --parallel \"${{SLURM_CPUS_PER_TASK:-1}}\" --replications 2 --resume\n", array);
        Assert.Contains($"merge {root} --out {_cli.PathOf("merged")}\n", File.ReadAllText(Path.Combine(root, "small-sweep-merge.sbatch")));
        Assert.Contains("--dependency=afterok:\"$array\"", File.ReadAllText(Path.Combine(root, "submit.sh")));
        Assert.True(Directory.Exists(Path.Combine(root, "logs")));

        Assert.Equal(ExitCodes.OutputFailed, _cli.Run("slurm", sweep, "--shards", "4", "--out", root).Code); // written before: --force
        Assert.Equal(0, _cli.Run("slurm", sweep, "--shards", "4", "--out", root, "--force").Code);
        var (tooMany, _, tooManyError) = _cli.Run("slurm", sweep, "--shards", "19", "--out", _cli.PathOf("other"));
        Assert.Equal(ExitCodes.BadInput, tooMany);
        Assert.Contains("more than the sweep's 18 runs", tooManyError);
        Assert.Equal(ExitCodes.BadInput, _cli.Run("slurm", sweep, "--shards", "0").Code);
        Assert.Equal(ExitCodes.BadInput, _cli.Run("slurm", sweep).Code); // --shards is required
    }

    [Trait("Category", "Process")]
    [Fact]
    public void The_generated_scripts_run_as_a_job_array_would_and_merge_into_the_single_machine_sweep()
    {
        // What Slurm does, by hand: bash runs the array script once per task with the array's variables, then the merge script.
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = _cli.PathOf("shards");
        string merged = _cli.PathOf("merged");
        string dll = Path.Combine(AppContext.BaseDirectory, "contentionsim.dll");
        Assert.True(File.Exists(dll), $"{dll} not found");
        string command = $"'{DotnetHost()}' '{dll}'";
        Assert.Equal(0, _cli.Run("slurm", sweep, "--shards", "4", "--out", root, "--merged", merged, "--contentionsim", command).Code);

        foreach (int task in new[] { 0, 1, 3 }) // task 2 "fails to start"
            Assert.Equal(0, Bash(Path.Combine(root, "small-sweep.sbatch"), ("SLURM_ARRAY_TASK_ID", $"{task}"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_CPUS_PER_TASK", "1")).Code);
        var (failedMerge, failedLog) = Bash(Path.Combine(root, "small-sweep-merge.sbatch"));
        Assert.Equal(ExitCodes.BadInput, failedMerge);
        Assert.Contains("shard 2/4 is missing", failedLog);
        Assert.Equal("2", File.ReadAllText(Path.Combine(root, "merge.exitcode")).Trim());

        // Resubmitted alone (sbatch --array=2 …): an array of one task, ID 2, still shard 2/4.
        var (resubmitted, resubmittedLog) = Bash(Path.Combine(root, "small-sweep.sbatch"), ("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_MIN", "2"), ("SLURM_ARRAY_TASK_COUNT", "1"));
        Assert.True(resubmitted == 0, resubmittedLog);
        Assert.Contains("Shard 2/4 (SLURM_ARRAY_TASK_ID=2 of a resubmitted subset of 1 task(s), --shards 4)", resubmittedLog);
        var (mergeCode, mergeLog) = Bash(Path.Combine(root, "small-sweep-merge.sbatch"));
        Assert.True(mergeCode == 0, mergeLog);
        Assert.Equal("0", File.ReadAllText(Path.Combine(root, "merge.exitcode")).Trim());

        string whole = _cli.PathOf("whole");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", whole).Code);
        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(whole, "runs.csv")), SweepTestFiles.Comparable(Path.Combine(merged, "runs.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "summary.csv")), File.ReadAllBytes(Path.Combine(merged, "summary.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "plots", "stage-trace.svg")), File.ReadAllBytes(Path.Combine(merged, "plots", "stage-trace.svg")));
    }

    /// <summary>Runs a script with bash and extra environment variables (and none of the test process's Slurm ones); returns its exit code and output.</summary>
    private (int Code, string Output) Bash(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _cli.Root };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SLURM_", StringComparison.Ordinal) || k == "JOB_COMPLETION_INDEX").ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{script} did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath;
        return path is not null && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? path : "dotnet";
    }
}
