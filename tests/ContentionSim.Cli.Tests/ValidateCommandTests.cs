namespace ContentionSim.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_valid_scenario_is_reported_with_its_size()
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);

        var (code, output, _) = _cli.Run("validate", scenario);

        Assert.Equal(0, code);
        Assert.Contains("300 activists", output);
        Assert.Contains("2 organization(s)", output);
    }

    [Fact]
    public void An_invalid_scenario_reports_every_problem_at_once()
    {
        var scenario = _cli.Write("bad.yaml", "ticks: -5\nstate:\n  openness: 3\n  repression_capacity: 2\n");

        var (code, _, error) = _cli.Run("validate", scenario);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("3 problems", error);
        Assert.Contains("bad.yaml:1:", error);
        Assert.Contains("bad.yaml:3:", error);
        Assert.Contains("bad.yaml:4:", error);
    }

    [Fact]
    public void A_directory_given_as_the_scenario_is_bad_input()
    {
        var (code, _, error) = _cli.Run("validate", _cli.Root);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.DoesNotContain("   at ", error);
    }
}
