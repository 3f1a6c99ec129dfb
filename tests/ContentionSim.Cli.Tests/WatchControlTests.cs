using System.Diagnostics;
using System.Text.RegularExpressions;
using ContentionSim.Cli.Commands.Watch;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests;

public sealed class WatchControlTests
{
    private static ConsoleKeyInfo K(char c) => new(c, ConsoleKey.NoName, false, false, false);

    [Fact]
    public void Space_pauses_and_resumes_a_step_runs_one_tick_and_pauses_again()
    {
        var c = new WatchControl(10, pauseAtStages: false);
        Assert.False(c.Paused);
        Assert.True(c.Key(K(' ')));
        Assert.True(c.Paused);
        Assert.Equal("PAUSED", c.Status);
        Assert.True(c.Key(K('.')));
        Assert.False(c.Paused); // the step's tick runs ...
        c.Ticked(stageChanged: false);
        Assert.True(c.Paused); // ... and the run pauses again
        c.Key(K(' '));
        Assert.False(c.Paused);
        c.Ticked(stageChanged: true);
        Assert.False(c.Paused); // stage changes do not pause unless asked
        Assert.False(c.Key(K('x')));
    }

    [Fact]
    public void Pause_at_stages_stops_at_each_stage_change_and_says_why()
    {
        var c = new WatchControl(10, pauseAtStages: true);
        c.Ticked(stageChanged: false);
        Assert.False(c.Paused);
        c.Ticked(stageChanged: true);
        Assert.True(c.Paused);
        Assert.Equal("PAUSED at a stage change", c.Status);
        Assert.Contains("pauses at every stage change", c.Help);
    }

    [Fact]
    public void Plus_and_minus_double_and_halve_the_speed_within_bounds()
    {
        var c = new WatchControl(10, false);
        c.Key(K('+'));
        Assert.Equal(20, c.Speed);
        c.Key(K('-'));
        c.Key(K('-'));
        Assert.Equal(5, c.Speed);
        for (int i = 0; i < 20; i++) c.Key(K('-'));
        Assert.Equal(0.25, c.Speed);
        for (int i = 0; i < 40; i++) c.Key(K('+'));
        Assert.Equal(WatchRunner.MaxSpeed, c.Speed);
        Assert.Contains("(10000 ticks/s)", c.Help);
    }
}

/// <summary>
/// The live view as a person uses it, in a real terminal (tmux): it draws the chart, Space pauses, "." steps one
/// week, Ctrl-C offers to keep what ran and "y" keeps it in a folder whose run reproduces without --watch.
/// </summary>
[Trait("Category", "Process")]
public sealed class WatchInTerminalTests(ITestOutputHelper log) : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly string _socket = "cs-watch-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        Tmux("kill-server");
        _cli.Dispose();
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-L", _socket, .. args]) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    private string Screen() => Tmux("capture-pane", "-p", "-t", "live");

    private string WaitFor(string pattern, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < within)
        {
            screen = Screen();
            if (Regex.IsMatch(screen, pattern)) return screen;
            Thread.Sleep(200);
        }
        log.WriteLine(screen);
        Assert.Fail($"'{pattern}' did not appear within {within.TotalSeconds} s");
        return screen;
    }

    private static int Week(string screen) => int.Parse(Regex.Match(screen, @"· week (\d+) of 260").Groups[1].Value);

    [SkippableFact]
    public void Space_pauses_dot_steps_and_ctrl_c_offers_to_keep_what_ran()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/usr/bin/tmux"), "needs tmux");
        string dll = Path.Combine(AppContext.BaseDirectory, "contentionsim.dll");
        string scenario = Path.Combine(CliHarness.RepoRoot, "scenarios", "teaching", "1-tight-state.yaml");
        string outDir = _cli.PathOf("kept");
        string host = Environment.ProcessPath is string p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        Tmux("new-session", "-d", "-s", "live", "-x", "150", "-y", "60", "-c", _cli.Root,
            $"'{host}' '{dll}' run '{scenario}' --out '{outDir}' --watch --speed 20; sleep 60");

        string screen = WaitFor(@"· week \d+ of 260", TimeSpan.FromSeconds(60));
        Assert.Contains("   0% └", screen); // the chart's axis
        Assert.Contains("Space pause/resume", screen);

        Tmux("send-keys", "-t", "live", "Space");
        screen = WaitFor("PAUSED", TimeSpan.FromSeconds(10));
        int paused = Week(screen);
        Thread.Sleep(1000);
        Assert.Equal(paused, Week(Screen())); // nothing moves while paused
        Tmux("send-keys", "-t", "live", ".");
        screen = WaitFor($"· week {paused + 1} of 260 · PAUSED", TimeSpan.FromSeconds(10));

        Tmux("send-keys", "-t", "live", "C-c");
        WaitFor(@"Keep what ran in .*\? \[y/N\]", TimeSpan.FromSeconds(10));
        Tmux("send-keys", "-t", "live", "y");
        screen = WaitFor("Kept the", TimeSpan.FromSeconds(60));
        log.WriteLine(screen);
        var run = CliHarness.ReadJson(Path.Combine(outDir, "run.json"));
        Assert.Equal(paused + 1, run.GetProperty("ticks_run").GetInt32()); // up to the week on screen when stopped
        Assert.True(File.Exists(Path.Combine(outDir, "stages.png")));
    }
}
