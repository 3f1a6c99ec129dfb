using System.Diagnostics;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Issue 17, class 9: SIGTERM (what Slurm and Kubernetes send first at a time limit or preemption) and SIGHUP (a
/// closed terminal or SSH session) are handled as Ctrl-C is, on a real process. Before the change SIGTERM killed the
/// process with 143, no message, and a sweep's manifest left "running"; these tests failed then.
/// </summary>
[Trait("Category", "Process")]
public sealed class SignalTests(ITestOutputHelper log) : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Sweep = """
        name: term
        base: medium.yaml
        master_seed: 13
        replications: 12
        vary:
          state.openness: [0.2, 0.8]
        """;

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    public void A_signal_during_a_sweep_keeps_the_runs_marks_it_interrupted_and_says_how_to_resume(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux()) return;
        _cli.Write("medium.yaml", CliHarness.SmallScenario.Replace("count: 300", "count: 3000").Replace("ticks: 60", "ticks: 200"));
        var sweep = _cli.Write("sweep.yaml", Sweep);
        string folder = _cli.PathOf("out");
        string runsCsv = Path.Combine(folder, "runs.csv");
        string[] args = ["sweep", sweep, "--out", folder, "--parallel", "2", "--no-plots"];

        using (var child = CliProcess.Start(_cli.Root, args))
        {
            var clock = Stopwatch.StartNew();
            while (OutputSafetyTests.Rows(runsCsv) < 3 && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
            Assert.False(child.HasExited, $"the sweep ended before the signal:\n{child.Error}");
            var stopped = child.Signal(signal, TimeSpan.FromSeconds(30));
            log.WriteLine($"SIG{signal}: exit {child.ExitCode} after {stopped.TotalMilliseconds:0} ms\n{child.Error}");
            Assert.Equal(exitCode, child.ExitCode);
            Assert.Contains($"Resume with: contentionsim sweep {sweep} --out {folder} --parallel 2 --no-plots --resume", child.Error);
            Assert.DoesNotContain("   at ", child.Error);
        }
        Assert.Equal("interrupted", CliHarness.ReadJson(Path.Combine(folder, "manifest.json")).GetProperty("state").GetProperty("state").GetString());
        var (resumed, _, error) = _cli.Run([.. args, "--resume"]);
        Assert.True(resumed == 0, error);
        string whole = _cli.PathOf("whole");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", whole, "--parallel", "2", "--no-plots").Code);
        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(whole, "runs.csv")), SweepTestFiles.Comparable(runsCsv));
    }

    [Fact]
    public void Sigterm_during_a_run_stops_it_with_143_and_writes_nothing()
    {
        if (!OperatingSystem.IsLinux()) return;
        var scenario = _cli.Write("long.yaml", CliHarness.SmallScenario.Replace("count: 300", "count: 20000").Replace("ticks: 60", "ticks: 100000"));
        using var child = CliProcess.Start(_cli.Root, "run", scenario, "--out", _cli.PathOf("out"), "--threads", "1");
        Assert.True(child.WaitForOutput("Running 'small'", TimeSpan.FromSeconds(30)), $"the run did not start:\n{child.Error}");
        Thread.Sleep(300);
        child.Signal("TERM", TimeSpan.FromSeconds(30));
        Assert.Equal(143, child.ExitCode);
        Assert.Matches(@"interrupted at week \d+ of 100000; nothing was written", child.Error);
        Assert.Equal(["long.yaml"], Directory.GetFileSystemEntries(_cli.Root).Select(p => Path.GetFileName(p)).ToArray());
    }
}
