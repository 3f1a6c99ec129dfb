using System.Diagnostics;

namespace ContentionSim.Reporting.Tests;

/// <summary>
/// A folder holding only stale temporary files of ours (<see cref="Litter"/>: a dead writer's, untouched for a minute) is
/// an empty folder with litter in it: the check before the simulation and the writer both clean the litter and accept the
/// folder, without --force. Before the shared rule, the early check refused it as "not empty" (and, with --force, as "not a
/// run folder") while the writer, which cleaned the litter first, accepted it. Anything else in the folder is the user's:
/// both refuse it in the same words and delete nothing of it.
/// </summary>
public sealed class StaleTemporaryFileTests
{
    private static readonly RunOutputOptions NoPlots = new() { Plots = false };

    /// <summary>The id of a process that has ended.</summary>
    private static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    /// <summary>A temporary file of <paramref name="pid"/> in <paramref name="folder"/>, last written an hour ago.</summary>
    private static string Temporary(string folder, int pid, string name = "timeseries.csv")
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $".{name}.tmp-{pid}-0a1b2c");
        File.WriteAllText(path, "half");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_folder_holding_only_a_dead_writers_stale_temporary_file_is_accepted_by_the_early_check_and_the_writer(bool force)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        string outDir = dir["run"];
        string stale = Temporary(outDir, DeadPid());
        var options = NoPlots with { Force = force };

        RunOutputWriter.CheckReplaceable(outDir, options);
        Assert.False(File.Exists(stale)); // cleaned as the writer would have

        Temporary(outDir, DeadPid());
        RunOutputWriter.Write(TestRuns.Sample(), outDir, options);
        Assert.True(File.Exists(Path.Combine(outDir, RunOutputWriter.ManifestFile)));
        Assert.DoesNotContain(Directory.GetFiles(outDir), f => AtomicFile.IsTempName(Path.GetFileName(f)));
    }

    [Fact]
    public void Beside_the_users_file_a_stale_temporary_file_is_cleaned_and_the_users_file_refused_in_the_same_words_early_and_late()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        string outDir = dir["run"];
        Temporary(outDir, DeadPid());
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes");

        foreach (bool force in new[] { false, true })
        {
            var options = NoPlots with { Force = force };
            var early = Assert.Throws<OutputException>(() => RunOutputWriter.CheckReplaceable(outDir, options));
            var late = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), outDir, options));
            Assert.Equal(early.Message, late.Message);
            Assert.Contains(force ? "is not a ContentionSim run folder" : "exists and is not empty", early.Message);
        }
        Assert.Equal(["run", Path.Combine("run", "notes.txt")], dir.Entries());
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
    }

    [Fact]
    public void A_running_writers_temporary_file_is_not_ours_to_delete_even_beside_a_previous_run()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        string outDir = dir["run"];
        RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots);
        string live = Temporary(outDir, 1, "report.html"); // pid 1 is always running: a report being written now

        var options = NoPlots with { Force = true };
        var early = Assert.Throws<OutputException>(() => RunOutputWriter.CheckReplaceable(outDir, options));
        var late = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(events: true), outDir, options));
        Assert.Equal(early.Message, late.Message);
        Assert.Contains($"'{Path.GetFileName(live)}'", early.Message);
        Assert.True(File.Exists(live));
        Assert.False(File.Exists(Path.Combine(outDir, RunOutputWriter.EventsFile)));
    }
}
