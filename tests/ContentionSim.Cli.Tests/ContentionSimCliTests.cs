namespace ContentionSim.Cli.Tests;

public sealed class ContentionSimCliTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void An_unknown_option_is_bad_input_with_a_pointer_to_help()
    {
        var (code, _, error) = _cli.Run("run", "x.yaml", "--sed", "3");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--sed", error);
        Assert.Contains("--help", error);
    }

    [Fact]
    public void An_unknown_command_is_bad_input()
    {
        Assert.Equal(ExitCodes.BadInput, _cli.Run("simulate", "x.yaml").Code);
    }

    [Fact]
    public void Help_lists_the_commands_and_succeeds()
    {
        var (code, output, _) = _cli.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("run", output);
        Assert.Contains("validate", output);
        Assert.Contains("bench", output);
    }
}
