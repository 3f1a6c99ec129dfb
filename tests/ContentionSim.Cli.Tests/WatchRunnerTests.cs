using ContentionSim.Cli.Commands.Watch;

namespace ContentionSim.Cli.Tests;

/// <summary><c>run --watch</c>: the plain fallback when the output is not a terminal, and the live display on one.</summary>
public sealed class WatchRunnerTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Off_a_terminal_watch_prints_one_plain_line_per_stage_change_and_a_summary()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario.Replace("ticks: 60", "ticks: 200"));
        var outDir = _cli.PathOf("out");

        var (code, output, error) = _cli.Run("run", scenario, "--out", outDir, "--watch", "--no-plots");

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(outDir, "stages.csv")).Skip(1).Where(l => l.StartsWith("wave,")).ToList();
        Assert.NotEmpty(lines); // premise: the run has stages
        var entered = output.Split('\n').Where(l => l.Contains(": entered stage ")).ToList();
        Assert.Equal(lines.Count, entered.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var f = lines[i].Split(',');
            Assert.StartsWith($"week {f[4]}: entered stage {f[2]},", entered[i]);
        }
        Assert.Contains("Watched 200 weeks", output);
        Assert.Contains("Peak participation", output); // the run's summary follows
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public void On_a_terminal_watch_draws_the_live_display_and_writes_the_same_run()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        var output = new StringWriter();
        var console = new CliConsole(output, new StringWriter(), Interactive: true);

        int code = ContentionSimCli.Run(["run", scenario, "--out", _cli.PathOf("live"), "--watch", "--speed", "2000", "--no-plots"], console);
        Assert.Equal(0, code);
        Assert.Equal(0, _cli.Run("run", scenario, "--out", _cli.PathOf("plain"), "--no-plots").Code);

        string text = output.ToString();
        Assert.Contains("Latest events", text);
        Assert.Contains("small · week 59 of 60", text);
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("plain/stages.csv")), File.ReadAllBytes(_cli.PathOf("live/stages.csv")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1e9")]
    public void A_speed_out_of_range_is_bad_input(string speed)
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);

        var (code, _, error) = _cli.Run("run", scenario, "--out", _cli.PathOf("x"), "--watch", "--speed", speed);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--speed", error);
        Assert.False(Directory.Exists(_cli.PathOf("x")));
    }

    [Fact]
    public void The_default_pace_follows_a_class() => Assert.InRange(WatchRunner.DefaultSpeed, 2, 30);
}
