using System.Diagnostics;

namespace ContentionSim.Reporting.Tests;

/// <summary>
/// Issue 17, class 9: staging folders and temporary files of killed processes are cleaned by the next write to the
/// same place; those of running processes, and fresh ones, are left. Before the change nothing cleaned them.
/// </summary>
public class LitterTests
{
    /// <summary>The id of a process that has ended.</summary>
    private static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    private static void Age(string path)
    {
        var old = DateTime.UtcNow.AddHours(-1);
        if (Directory.Exists(path)) Directory.SetLastWriteTimeUtc(path, old); else File.SetLastWriteTimeUtc(path, old);
    }

    [Fact]
    public void A_run_removes_stale_staging_folders_and_temporary_files_of_dead_processes_only()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        int dead = DeadPid();
        string target = dir["run"];
        string stale = $"{target}.partial-{dead}", staleOld = $"{target}.old-{dead}";
        string live = $"{target}.partial-1"; // init is always running
        string fresh = $"{target}.partial-{DeadPid()}"; // dead but touched just now: perhaps another machine's
        string otherName = $"{dir["runner"]}.partial-{dead}"; // a different output's staging folder
        foreach (var d in new[] { stale, staleOld, live, fresh, otherName })
        {
            Directory.CreateDirectory(d);
            File.WriteAllText(Path.Combine(d, "timeseries.csv"), "half");
        }
        foreach (var d in new[] { stale, staleOld, live, otherName }) Age(d);

        RunOutputWriter.Write(TestRuns.Sample(), target, new RunOutputOptions { Plots = false });

        Assert.False(Directory.Exists(stale));
        Assert.False(Directory.Exists(staleOld));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(fresh));
        Assert.True(Directory.Exists(otherName));

        // Temporary files inside the folder: a dead process's is removed, a running one's kept.
        string deadTemp = Path.Combine(target, $".report.html.tmp-{dead}-0a1b2c");
        string liveTemp = Path.Combine(target, ".report.html.tmp-1-0a1b2c");
        File.WriteAllText(deadTemp, "half");
        File.WriteAllText(liveTemp, "half");
        Age(deadTemp);
        Age(liveTemp);
        var removed = Litter.Clean(target);
        Assert.Equal([deadTemp], removed);
        Assert.True(File.Exists(liveTemp));
    }

    [Fact]
    public void Temporary_names_carry_the_writers_process_id()
    {
        using var dir = new TempDir();
        string seen = "";
        AtomicFile.Write(dir["a.txt"], _ => seen = Directory.GetFiles(dir.Path).Single());
        Assert.Matches($@"/\.a\.txt\.tmp-{Environment.ProcessId}-[0-9a-f]{{12}}$", seen);
    }
}
