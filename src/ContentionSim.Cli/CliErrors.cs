using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Html;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli;

/// <summary>
/// The one map from what a command lets through to a message and an exit code (<see cref="ExitCodes"/>).
/// Commands throw; <see cref="ContentionSimCli.Run"/> reports. A command catches only where it has more to
/// say than this map (the sweep's resume hint, the experiment that was interrupted).
/// </summary>
internal static class CliErrors
{
    /// <summary>Writes what went wrong to <paramref name="error"/> and returns the exit code.</summary>
    public static int Report(Exception e, TextWriter error)
    {
        switch (e)
        {
            case ScenarioException s:
                Report(s, error);
                return ExitCodes.BadInput;
            case SweepMergeException m:
                return NothingWritten("the shards cannot be merged", m.Problems, error);
            case ReportInputException:
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            case SweepFolderException or SweepShardException or SweepMismatchException:
                error.WriteLine($"error: {e.Message}.");
                return ExitCodes.BadInput;
            case FolderLockedException:
                error.WriteLine($"error: {e.Message}.");
                return ExitCodes.OutputFailed;
            case OutputException:
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.OutputFailed;
            default:
                // A bug, not the user's fault: say so briefly; the stack trace only on request.
                error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
                error.WriteLine("This is a bug in ContentionSim; please report it with the command you ran. Set CONTENTIONSIM_DEBUG=1 to see details.");
                if (Environment.GetEnvironmentVariable("CONTENTIONSIM_DEBUG") == "1") error.WriteLine(e);
                return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Problems found before anything was written (<c>error: the shards cannot be merged (2 problems):</c>), one a line,
    /// and that nothing was written; returns <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public static int NothingWritten(string what, IReadOnlyList<string> problems, TextWriter error)
    {
        error.WriteLine(problems.Count == 1 ? $"error: {what}:" : $"error: {what} ({problems.Count} problems):");
        foreach (var p in problems) error.WriteLine($"  {p}.");
        error.WriteLine("Nothing was written.");
        return ExitCodes.BadInput;
    }

    /// <summary>Results that could not be written into <paramref name="target"/>; returns <see cref="ExitCodes.OutputFailed"/>.</summary>
    public static int NotWritten(string target, Exception e, TextWriter error)
    {
        error.WriteLine($"error: the results could not be written to {target}: {e.Message}");
        return ExitCodes.OutputFailed;
    }

    /// <summary>The problems of a scenario, sweep or calibration file (its <see cref="ScenarioException.Subject"/>), one a line.</summary>
    public static void Report(ScenarioException e, TextWriter error)
    {
        int n = e.Diagnostics.Count;
        string subject = e.Subject;
        error.WriteLine(n == 1 ? $"error: the {subject} has a problem:" : $"error: the {subject} has {n} problems:");
        foreach (var d in e.Diagnostics) error.WriteLine("  " + d);
    }
}
