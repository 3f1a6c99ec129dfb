using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Html;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Calibration;

namespace ContentionSim.Cli.Tests;

/// <summary>The one map from what a command lets through to a message and an exit code.</summary>
public sealed class CliErrorsTests
{
    private static (int Code, string Error) Report(Exception e)
    {
        var error = new StringWriter();
        int code = CliErrors.Report(e, error);
        return (code, error.ToString());
    }

    public static TheoryData<Exception, int, string> Cases() => new()
    {
        { new ScenarioException([new Diagnostic("a.yaml", 3, 5, "state.openness", "2 is out of range", null)]), ExitCodes.BadInput, "error: the scenario has a problem:\n  a.yaml:3:5: state.openness: 2 is out of range" },
        { new ScenarioException([new Diagnostic("s.yaml", 1, 1, "", "x", null), new Diagnostic("s.yaml", 2, 1, "", "y", null)], "sweep"), ExitCodes.BadInput, "error: the sweep has 2 problems:" },
        { new SweepMergeException(["shard 2 is missing"]), ExitCodes.BadInput, "error: the shards cannot be merged:\n  shard 2 is missing.\nNothing was written." },
        { new ReportInputException("runs/x", "'runs/x' is not a run folder"), ExitCodes.BadInput, "error: 'runs/x' is not a run folder" },
        { new SweepFolderException("runs/s", "is not a sweep folder"), ExitCodes.BadInput, "error: 'runs/s' is not a sweep folder." },
        { new SweepShardException("--shard 5/4: the index must be below the count"), ExitCodes.BadInput, "error: --shard 5/4: the index must be below the count." },
        { new OutputException("runs/x", "disk full"), ExitCodes.OutputFailed, "error: disk full" },
        { new InvalidOperationException("a bug"), ExitCodes.InternalError, "internal error: InvalidOperationException: a bug" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_of_failure_has_its_exit_code_and_message(Exception e, int code, string message)
    {
        var (got, error) = Report(e);
        Assert.Equal(code, got);
        Assert.StartsWith(message, error.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_calibration_with_problems_is_named_in_the_first_line()
    {
        var error = new StringWriter();
        CliErrors.Report(new ScenarioException([new Diagnostic("c.yaml", 4, 3, "free", "x", null), new Diagnostic("c.yaml", 5, 3, "free", "y", null)], CalibrationLoader.Subject), error);
        Assert.StartsWith("error: the calibration has 2 problems:\n  c.yaml:4:3: free: x", error.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_command_that_throws_bad_input_exits_with_2_through_the_map()
    {
        var cli = new CliHarness();
        try
        {
            var (code, _, error) = cli.Run("report", cli.PathOf("not-there"));
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.StartsWith("error: ", error);
            Assert.DoesNotContain("internal error", error);
        }
        finally
        {
            cli.Dispose();
        }
    }
}
