using ContentionSim.Experiments.Sweeps;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Outputs on a disk that fills up, a read-only disk and a path that cannot be a folder: exit code 3, a
/// message that says what happened and what to do, and no file or folder that looks complete but is not.
/// The disks are small tmpfs mounts (see <see cref="Tmpfs"/>).
/// </summary>
public sealed class OutputSafetyTests(ITestOutputHelper log) : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The small scenario for long enough that its outputs (about 450 kB with figures) outgrow the disk.</summary>
    private string LongScenario() => _cli.Write("long.yaml", CliHarness.SmallScenario.Replace("ticks: 60", "ticks: 1500"));

    [SkippableTheory, Trait("Category", "Root")]
    [InlineData("64k")]   // full at the first file
    [InlineData("320k")]  // full part-way: some files of the run are complete in the staging folder
    public void A_run_on_a_full_disk_fails_with_exit_3_and_leaves_nothing(string size)
    {
        using var disk = Tmpfs.Mount(size, log);
        string outDir = Path.Combine(disk.Path, "run");

        var (code, output, error) = _cli.Run("run", LongScenario(), "--out", outDir);

        log.WriteLine(error);
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("error: The disk is full writing", error);
        Assert.Contains("free some space or choose another --out", error);
        Assert.Contains($"'{outDir}/", error); // the file as it would be called in the folder asked for
        Assert.DoesNotContain(".partial-", error);
        Assert.DoesNotContain("   at ", error + output);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path)); // no folder, no .partial-*, no temporary file
    }

    [SkippableFact, Trait("Category", "Root")]
    public void New_on_a_full_disk_fails_with_exit_3_and_leaves_no_truncated_scenario()
    {
        using var disk = Tmpfs.Mount("4k", log); // the starter scenario is larger than this

        var (code, output, error) = _cli.Run("new", "lesson", "--dir", disk.Path);

        log.WriteLine(error);
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains($"The disk is full writing '{Path.Combine(disk.Path, "lesson.yaml")}'; free some space or choose another --dir.", error);
        Assert.DoesNotContain("   at ", error + output);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path)); // no lesson.yaml cut short, no temporary file
    }

    [SkippableFact, Trait("Category", "Root")]
    public void A_run_on_a_read_only_disk_fails_with_exit_3_and_a_clear_message()
    {
        using var disk = Tmpfs.Mount("64k", log, readOnly: true);
        string outDir = Path.Combine(disk.Path, "run");

        var (code, output, error) = _cli.Run("run", _cli.Write("small.yaml", CliHarness.SmallScenario), "--out", outDir, "--no-plots");

        log.WriteLine(error);
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("read-only", error);
        Assert.Contains("choose another --out", error);
        Assert.DoesNotContain("   at ", error + output);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    /// <summary>
    /// A file where a folder on the way to the output should be (<c>--out blocker/x</c>, <c>blocker</c> a file), for every
    /// command that writes: exit 3, the file named with the fix in the same words for all (OutputTarget.CheckParents, and
    /// OutputException.From for what an explicit check misses), before any run where the command has an early check, no
    /// stack trace, nothing written, the file intact. Before, only run said so; experiment, sweep, slurm, the sensitivity
    /// analyses, calibrate, report, compare, discover and merge said "A folder on the way to … does not exist or is not a
    /// folder", "The file … already exists" or "Could not find a part of the path" (experiment after all its runs).
    /// </summary>
    /// <param name="command">The command and its arguments; OUT is the output path under the blocking file.</param>
    /// <param name="made">What the message says cannot be made, under the blocking file (OUT itself by default).</param>
    [Theory]
    [InlineData("run SCENARIO --out OUT --no-plots", null)]
    [InlineData("sweep SWEEP --out OUT --no-plots", null)]
    [InlineData("sweep SWEEP --shard 0/2 --out OUT --no-plots", "out/shard-0-of-2")]
    [InlineData("slurm SWEEP --shards 2 --out OUT", null)]
    [InlineData("experiment fact9 --quick --no-controls --experiments EXPERIMENTS --out OUT", "out/fact9")]
    [InlineData("experiment all --quick --experiments EXPERIMENTS --scenarios SCENARIOS --out EXP --docs OUT", null)]
    [InlineData("sensitivity SCENARIO --only state.openness --replications 2 --no-plots --out OUT", null)]
    [InlineData("sensitivity SCENARIO --method morris --quick --out OUT", null)]
    [InlineData("sensitivity SCENARIO --method sobol --quick --only state.openness --out OUT", null)]
    [InlineData("sensitivity SCENARIO --method global --quick --out OUT", null)]
    [InlineData("calibrate CALIBRATION --no-plots --out OUT", null)]
    [InlineData("discover SWEEP_FOLDER --where cycles>=0 --no-plots --out OUT", null)]
    [InlineData("report RUN_A --out OUT/report.html", "out/report.html")]
    [InlineData("compare RUN_A RUN_B --out OUT", "out/compare.html")]
    [InlineData("compare RUN_A RUN_B --out OUT.html", "out.html")]
    [InlineData("merge SHARDS --out OUT --no-plots", null)]
    [InlineData("new lesson --dir OUT", "out/lesson.yaml")]
    public void A_file_in_place_of_a_folder_on_the_way_to_the_output_is_named_with_the_fix_by_every_writing_command(string command, string? made)
    {
        string scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        string sweep = SweepTestFiles.WriteSmall(_cli, SweepTestFiles.Small.Replace("replications: 3", "replications: 1"));
        string Input(string name) => name switch
        {
            "SCENARIO" => scenario,
            "SWEEP" => sweep,
            "EXPERIMENTS" => Path.Combine(CliHarness.RepoRoot, "scenarios", "experiments"),
            "SCENARIOS" => Path.Combine(CliHarness.RepoRoot, "scenarios"),
            "EXP" => _cli.PathOf("experiments-out"),
            "CALIBRATION" => _cli.Write("calibration.yaml", CliHarness.SmallCalibration("{particles: 20, initial_draws: 40, generations: 1, max_simulations: 200}")),
            "SWEEP_FOLDER" => Made(_cli.PathOf("sweep-done"), ["sweep", sweep, "--out", _cli.PathOf("sweep-done"), "--no-plots"]),
            "RUN_A" => Made(_cli.PathOf("A"), ["run", scenario, "--out", _cli.PathOf("A"), "--no-plots"]),
            "RUN_B" => Made(_cli.PathOf("B"), ["run", scenario, "--seed", "4", "--out", _cli.PathOf("B"), "--no-plots"]),
            "SHARDS" => Made(_cli.PathOf("SH"), ["sweep", sweep, "--shard", "0/2", "--out", _cli.PathOf("SH"), "--no-plots"],
                                                  ["sweep", sweep, "--shard", "1/2", "--out", _cli.PathOf("SH"), "--no-plots"]),
            _ => name,
        };
        string blocker = _cli.Write("blocker", "not a folder");
        string[] args = [.. command.Split(' ').Select(a => a.StartsWith("OUT", StringComparison.Ordinal)
            ? Path.Combine(blocker, "out" + a["OUT".Length..])
            : Input(a))];
        var before = Directory.GetFileSystemEntries(_cli.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        var (code, output, error) = _cli.Run(args);

        log.WriteLine(error);
        string option = command.Contains("--docs", StringComparison.Ordinal) ? "--docs" : command.StartsWith("new", StringComparison.Ordinal) ? "--dir" : "--out";
        string target = Path.Combine(blocker, made ?? "out");
        Assert.Equal($"error: '{blocker}' is a file, not a folder, so '{target}' cannot be made inside it; choose another {option}.\n", error.ReplaceLineEndings("\n"));
        Assert.Equal(ExitCodes.OutputFailed, code);
        if (args[0] is not "sweep") Assert.Equal("", output); // refused before anything runs (sweep first says what it would run)
        Assert.Equal(before, Directory.GetFileSystemEntries(_cli.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("not a folder", File.ReadAllText(blocker));
    }

    /// <summary>Runs <paramref name="commands"/> (which must succeed) and returns <paramref name="path"/>.</summary>
    private string Made(string path, params string[][] commands)
    {
        foreach (var c in commands)
        {
            var (code, _, error) = _cli.Run(c);
            Assert.True(code == 0, error);
        }
        return path;
    }

    [SkippableFact, Trait("Category", "Root")]
    public void A_sweep_into_a_read_only_disk_fails_with_exit_3_before_running()
    {
        using var disk = Tmpfs.Mount("64k", log, readOnly: true);

        var (code, output, error) = _cli.Run("sweep", SweepTestFiles.WriteSmall(_cli), "--out", Path.Combine(disk.Path, "sweep"), "--no-plots");

        log.WriteLine(error);
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("read-only", error);
        Assert.DoesNotContain("   at ", error + output);
        Assert.DoesNotContain("resume with", error);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    /// <summary>5 × 2 points × 32 replications = 320 runs of the small scenario (runs.csv about 45 kB).</summary>
    private const string FillingSweep = """
        name: filling
        base: small.yaml
        master_seed: 5
        replications: 32
        vary:
          state.openness: [0.1, 0.3, 0.5, 0.7, 0.9]
          transnational.alliance_probability: [0, 0.5]
        """;

    [SkippableFact, Trait("Category", "Root")]
    public void A_sweep_whose_disk_fills_up_stops_with_exit_3_keeps_its_rows_and_resumes_to_the_uninterrupted_result()
    {
        using var disk = Tmpfs.Mount("256k", log);
        var sweep = SweepTestFiles.WriteSmall(_cli, FillingSweep);
        string folder = Path.Combine(disk.Path, "sweep");
        string runsCsv = Path.Combine(folder, "runs.csv");
        string[] args = ["sweep", sweep, "--out", folder, "--parallel", "2", "--no-plots", "--series", "none"];

        // The same sweep uninterrupted, elsewhere: the result to compare with, and the sizes of its files.
        string whole = _cli.PathOf("whole");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", whole, "--parallel", "2", "--no-plots", "--series", "none").Code);
        static long Pages(string file) => (new FileInfo(file).Length + 4095) / 4096;
        long manifestPages = Pages(Path.Combine(whole, "manifest.json")), runsPages = Pages(Path.Combine(whole, "runs.csv"));

        // Leave room for manifest.json twice (its next version is written beside it) and two pages of
        // runs.csv (tmpfs counts 4 kB pages): the first rows fit, not all of them, so the disk fills mid-sweep.
        Assert.True(runsPages > manifestPages + 4, $"runs.csv ({runsPages} pages) is too small to overflow the room left");
        long filler = disk.FillAllBut((2 * manifestPages + 2) * 4096);
        var (code, output, error) = _cli.Run(args);

        log.WriteLine($"left {new DriveInfo(disk.Path).TotalSize - filler} bytes; {Rows(runsCsv)} rows fitted; the sweep said:\n{error}");
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("The disk is full writing", error);
        Assert.Contains($"Every run recorded so far is kept in {runsCsv}; resume with: contentionsim sweep", error);
        Assert.DoesNotContain("   at ", error + output);
        Assert.False(File.Exists(Path.Combine(folder, "summary.csv")), "a summary of an incomplete sweep");
        Assert.DoesNotContain(Directory.GetFiles(folder, ".*"), f => !Reporting.FolderLock.IsLockFile(Path.GetFileName(f))); // no temporary file (the lock's files stay)
        // Every row written before the disk filled is whole (at most a last line torn by the failed write).
        var (_, kept) = SweepRunLog.Read(runsCsv);
        Assert.InRange(kept.Count, 5, 319);
        Assert.Equal("running", CliHarness.ReadJson(Path.Combine(folder, "manifest.json")).GetProperty("state").GetProperty("state").GetString());

        // Space again: --resume finishes it, and the result is that of a sweep never interrupted.
        File.Delete(Path.Combine(disk.Path, "filler"));
        var (resumed, resumeOutput, resumeError) = _cli.Run([.. args, "--resume"]);
        Assert.True(resumed == 0, resumeError);
        Assert.Contains($"({kept.Count} were recorded before)", resumeOutput);
        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(whole, "runs.csv")), SweepTestFiles.Comparable(runsCsv));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "summary.csv")), File.ReadAllText(Path.Combine(folder, "summary.csv")));
    }

    /// <summary>Complete data lines in runs.csv (0 if it does not exist yet).</summary>
    internal static int Rows(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            int newlines = 0, b;
            while ((b = stream.ReadByte()) >= 0) if (b == '\n') newlines++;
            return Math.Max(0, newlines - 1);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
