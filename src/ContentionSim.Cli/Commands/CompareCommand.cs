using System.CommandLine;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Html;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim compare RUN_A RUN_B [...] [--out DIR | FILE.html] [--force]</c>: puts two or more finished runs
/// side by side in one HTML page and one PNG (stage bands aligned in time, headline numbers in a table).
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var runs = new Argument<string[]>("runs") { Description = "Two or more run folders, e.g. runs/japan-2007-seed2007 runs/boomerang-seed7.", Arity = ArgumentArity.OneOrMore };
        var outFile = new Option<string?>("--out", "-o") { Description = "A folder for compare.html and compare.png, or an .html file (the PNG goes beside it). Default: compare-A-vs-B.html next to the first run folder." };
        var force = new Option<bool>("--force") { Description = "Replace an earlier comparison at the same place." };
        var command = new Command("compare", "Put two or more runs side by side: one HTML page and one PNG with their stages aligned in time and their headline numbers in a table.")
        {
            runs, outFile, force,
        };
        command.SetAction(parse =>
        {
            var dirs = parse.GetValue(runs) ?? [];
            if (dirs.Length < 2)
            {
                console.Error.WriteLine("error: give at least two run folders to compare, e.g. contentionsim compare runs/japan-2007-seed2007 runs/boomerang-seed7");
                return ExitCodes.BadInput;
            }
            try
            {
                var output = ComparePage.Write(dirs, parse.GetValue(outFile), parse.GetValue(force));
                console.Out.WriteLine($"Comparison written to {output.Html}");
                console.Out.WriteLine($"Figure written to {output.Png}");
                return ExitCodes.Ok;
            }
            catch (ReportInputException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (OutputException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.OutputFailed;
            }
        });
        return command;
    }
}
