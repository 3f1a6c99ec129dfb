using System.Diagnostics;
using ContentionSim.Reporting;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Issue 17, class 1: two processes on one sweep folder. Before the change a second <c>sweep --out D</c> or a
/// <c>--resume</c> started while the first ran appended to runs.csv at its own offsets and corrupted it for good;
/// now the second writer is refused at once (exit 3, naming the holder), the first finishes a sweep identical to
/// one run alone, and a lock left by a killed process does not block the resume. These tests failed before.
/// </summary>
[Trait("Category", "Process")]
public sealed class ConcurrentWritersTests(ITestOutputHelper log) : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Sweep = """
        name: two-writers
        base: medium.yaml
        master_seed: 21
        replications: 40
        vary:
          state.openness: [0.2, 0.8]
        """;

    private string[] Args(string folder) =>
        ["sweep", _cli.PathOf("sweep.yaml"), "--out", folder, "--parallel", "2", "--no-plots"];

    private void Write()
    {
        _cli.Write("medium.yaml", CliHarness.SmallScenario.Replace("count: 300", "count: 3000").Replace("ticks: 60", "ticks: 200"));
        _cli.Write("sweep.yaml", Sweep);
    }

    private static void WaitForRows(CliProcess child, string runsCsv, int rows)
    {
        var clock = Stopwatch.StartNew();
        while (OutputSafetyTests.Rows(runsCsv) < rows && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
        Assert.False(child.HasExited, $"the sweep ended too soon:\n{child.Error}");
    }

    [SkippableFact]
    public void A_second_sweep_and_a_resume_on_a_running_sweeps_folder_are_refused_and_the_folder_is_never_corrupted()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "signals and flock: Linux");
        Write();
        string folder = _cli.PathOf("D");
        string runsCsv = Path.Combine(folder, "runs.csv");
        using var first = CliProcess.Start(_cli.Root, Args(folder));
        WaitForRows(first, runsCsv, 2);

        // Both as separate processes, while the first is writing.
        using (var second = CliProcess.Start(_cli.Root, Args(folder)))
        using (var resume = CliProcess.Start(_cli.Root, [.. Args(folder), "--resume"]))
        {
            foreach (var (name, other) in new[] { ("second", second), ("resume", resume) })
            {
                other.WaitForExit(TimeSpan.FromSeconds(60));
                log.WriteLine($"{name}: exit {other.ExitCode}\n{other.Error}");
                Assert.Equal(3, other.ExitCode);
                Assert.Contains("is being written by another contentionsim process (pid ", other.Error);
                Assert.Contains($"pid {first.Id} on ", other.Error);
                Assert.Contains("sweep", other.Error);
            }
        }
        Assert.False(first.HasExited, "the first sweep ended before the others were refused; make it longer");
        first.WaitForExit(TimeSpan.FromSeconds(120));
        Assert.True(first.ExitCode == 0, first.Error);

        string alone = _cli.PathOf("alone");
        Assert.Equal(0, _cli.Run(Args(alone)).Code);
        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(alone, "runs.csv")), SweepTestFiles.Comparable(runsCsv));
        Assert.Equal(File.ReadAllText(Path.Combine(alone, "summary.csv")), File.ReadAllText(Path.Combine(folder, "summary.csv")));
        Assert.Equal(0, _cli.Run("plot", folder).Code);
    }

    [SkippableFact]
    public void A_lock_left_by_a_killed_sweep_does_not_block_its_resume()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "signals and flock: Linux");
        Write();
        string folder = _cli.PathOf("D");
        string runsCsv = Path.Combine(folder, "runs.csv");
        using (var first = CliProcess.Start(_cli.Root, Args(folder)))
        {
            WaitForRows(first, runsCsv, 3);
            first.Kill();
        }
        Assert.True(File.Exists(Path.Combine(folder, FolderLock.FileName)));
        var (code, output, error) = _cli.Run([.. Args(folder), "--resume"]);
        Assert.True(code == 0, error);
        Assert.Contains("were recorded before", output);
        string alone = _cli.PathOf("alone");
        Assert.Equal(0, _cli.Run(Args(alone)).Code);
        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(alone, "runs.csv")), SweepTestFiles.Comparable(runsCsv));
    }
}
