using ContentionSim.Cli.Commands;

namespace ContentionSim.Cli.Tests;

/// <summary><c>contentionsim bench</c>: rounds of every thread count, paired speed-ups, bad input.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void Prints_a_row_per_thread_count_with_speed_up_and_memory()
    {
        using var cli = new CliHarness();
        var scenario = cli.Write("s.yaml", CliHarness.SmallScenario);

        var (code, output, error) = cli.Run("bench", scenario, "--ticks", "5", "--repeat", "2", "--threads", "1", "2");

        Assert.True(code == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("bench 'small':", StringComparison.Ordinal) && l.Contains("2 timed rounds", StringComparison.Ordinal));
        var one = Assert.Single(lines, l => l.StartsWith("1 ", StringComparison.Ordinal));
        var two = Assert.Single(lines, l => l.StartsWith("2 ", StringComparison.Ordinal));
        Assert.EndsWith("1.00×", one, StringComparison.Ordinal);
        Assert.Matches(@"\d+\.\d\d× \(\d+\.\d\d–\d+\.\d\d\)$", two);
        Assert.Contains(lines, l => l.StartsWith("peak working set", StringComparison.Ordinal));
        // Three rounds (a warm-up and two timed) of two thread counts, all ending in the same state.
        Assert.Contains(lines, l => l.StartsWith("same final state in all 6 runs", StringComparison.Ordinal));
    }

    [Fact]
    public void Blocks_run_the_thread_counts_side_by_side_and_compare_them_block_by_block()
    {
        using var cli = new CliHarness();
        var scenario = cli.Write("s.yaml", CliHarness.SmallScenario);

        var (code, output, error) = cli.Run("bench", scenario, "--ticks", "40", "--blocks", "5", "--threads", "1", "2");

        Assert.True(code == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.Contains("taking turns every 5 tick(s): 7 timed block rounds after a warm-up block", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ms/tick: median", StringComparison.Ordinal));
        Assert.EndsWith("1.00×", Assert.Single(lines, l => l.StartsWith("1 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Matches(@"\d+\.\d\d× \(\d+\.\d\d–\d+\.\d\d\)$", Assert.Single(lines, l => l.StartsWith("2 ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("same final state in all 2 runs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--repeat", "0", "--repeat must be at least 1")]
    [InlineData("--threads", "-1", "--threads -1")]
    [InlineData("--blocks", "-1", "--blocks -1")]
    [InlineData("--blocks", "2", "must hold at least two")]
    public void Rejects_bad_options(string option, string value, string message)
    {
        using var cli = new CliHarness();
        var scenario = cli.Write("s.yaml", CliHarness.SmallScenario);

        var (code, output, error) = cli.Run("bench", scenario, "--ticks", "2", option, value);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("activist-ticks/s", output);
    }

    [Fact]
    public void A_missing_scenario_is_bad_input()
    {
        using var cli = new CliHarness();

        var (code, _, error) = cli.Run("bench", cli.PathOf("absent.yaml"), "--ticks", "2");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("absent.yaml", error);
    }

    [Fact]
    public void Speed_up_is_the_median_of_paired_ratios_not_the_ratio_of_medians()
    {
        // Round 2 is slow for both thread counts (a load that came and went): its ratio is still 2.
        var rounds = new[]
        {
            Round((10, 0.5), (5, 0.4)),
            Round((30, 0.6), (15, 0.5)),
            Round((12, 0.7), (8, 0.3)),
        };

        var rows = BenchSummary.Of(rounds);

        Assert.Equal(1.0, rows[0].SpeedUp.Median, 12);
        Assert.Equal(2.0, rows[1].SpeedUp.Median, 12);
        Assert.Equal(1.5, rows[1].SpeedUp.Min, 12);
        Assert.Equal(2.0, rows[1].SpeedUp.Max, 12);
        Assert.Equal(12.0, rows[0].Ticks.Median, 12);
        Assert.Equal(8.0, rows[1].Ticks.Median, 12); // 12 ÷ 8 = 1.5: the ratio of medians would hide the paired 2×
        Assert.Equal(0.6, rows[0].Startup, 12);
        Assert.Equal(0.4, rows[1].Startup, 12);
        Assert.Equal(22.0, rows[1].TicksCpu, 12);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        var spread = Spread.Of([4, 1, 3, 2]);

        Assert.Equal(2.5, spread.Median, 12);
        Assert.Equal(1, spread.Min);
        Assert.Equal(4, spread.Max);
        Assert.Equal(1.75, spread.LowerQuartile, 12);
        Assert.Equal(3.25, spread.UpperQuartile, 12);
    }

    [Fact]
    public void Runs_ending_in_different_states_are_reported_as_a_bug()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = BenchCommand.SameResults(CliConsole.Capture(output, error), new HashSet<string> { "AA", "BB" }, "4 runs");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("the 4 runs ended in 2 different states", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Rounds_missing_a_run_are_rejected()
    {
        var rounds = new[] { Round((1, 0.1), (1, 0.1)), Round((1, 0.1)) };

        Assert.Throws<ArgumentException>(() => BenchSummary.Of(rounds));
    }

    private static BenchRound Round(params (double Ticks, double Startup)[] runs) =>
        new(runs.Select(r => new BenchRun(r.Startup, r.Ticks, 2 * r.Ticks + 6)).ToArray());
}
