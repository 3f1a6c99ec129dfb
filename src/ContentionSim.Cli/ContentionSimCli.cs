using System.CommandLine;
using ContentionSim.Cli.Commands;

namespace ContentionSim.Cli;

/// <summary>The contentionsim command line: commands only; the work is in the libraries.</summary>
public static class ContentionSimCli
{
    /// <summary>Builds the command tree; every command writes through <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "ContentionSim: an agent-based simulation of Tarrow's cycle of contention.\n" +
            "Run a YAML scenario and get its data and the plots of how the stages trace out.");
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(CompareCommand.Create(console));
        root.Subcommands.Add(StagesCommand.Create(console));
        root.Subcommands.Add(NewCommand.Create(console));
        root.Subcommands.Add(SweepCommand.Create(console));
        root.Subcommands.Add(PlotCommand.Create(console));
        root.Subcommands.Add(MergeCommand.Create(console));
        root.Subcommands.Add(SlurmCommand.Create(console));
        root.Subcommands.Add(ExperimentCommand.Create(console));
        root.Subcommands.Add(SensitivityCommand.Create(console));
        root.Subcommands.Add(DiscoverCommand.Create(console));
        root.Subcommands.Add(CalibrateCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        return root;
    }

    /// <summary>The name of a path option given an empty or blank value (<c>--out ''</c>), checked before any command runs.</summary>
    private static string? BlankPathOption(ParseResult parsed)
    {
        foreach (var result in parsed.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>())
            if (result.Option.Name is "--out" or "--docs" or "--dir" or "--merged" && result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
                return result.Option.Name;
        return null;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command. Returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            var root = Build(console);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
            {
                foreach (var e in parsed.Errors) console.Error.WriteLine($"error: {e.Message}");
                console.Error.WriteLine("Run 'contentionsim --help' (or 'contentionsim <command> --help') for usage.");
                return ExitCodes.BadInput;
            }
            if (BlankPathOption(parsed) is string blank)
            {
                console.Error.WriteLine($"error: {blank} is empty: give the path of a folder or file, e.g. {blank} runs/my-run " +
                                        "(an empty or blank path would mean the current folder, which is not replaced).");
                return ExitCodes.BadInput;
            }
            int code = Invoke(parsed, console.Out, console.Error);
            // An interruption by SIGTERM or SIGHUP is told by its own exit code (143, 129), as a shell would.
            return code == ExitCodes.Interrupted ? console.Interruption.ExitCode : code;
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, console.Error);
        }
    }

    /// <summary>Runs a parsed command; what it lets through is reported by <see cref="CliErrors"/>. Returns the exit code.</summary>
    internal static int Invoke(ParseResult parsed, TextWriter output, TextWriter error)
    {
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, error);
        }
    }
}
