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
        return root;
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
            return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // A bug, not the user's fault: say so briefly; the stack trace only on request.
            console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            console.Error.WriteLine("This is a bug in ContentionSim; please report it with the command you ran. Set CONTENTIONSIM_DEBUG=1 to see details.");
            if (Environment.GetEnvironmentVariable("CONTENTIONSIM_DEBUG") == "1") console.Error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }
}
