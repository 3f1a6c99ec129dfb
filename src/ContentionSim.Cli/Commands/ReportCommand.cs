using System.CommandLine;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Html;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim report RUN_OR_SWEEP_DIR [--out FILE]</c>: writes one self-contained HTML page
/// (figures embedded, no network needed) from a finished run folder, or from a sweep folder
/// (one with manifest.json and summary.csv). Nothing is rerun.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "A run folder (with run.json), e.g. runs/japan-2007-seed2007, or a sweep folder (with manifest.json and summary.csv)." };
        var outFile = new Option<string?>("--out", "-o") { Description = "The HTML file to write (default: report.html in the folder)." };
        var command = new Command("report", "Write a self-contained HTML report of a run or sweep folder: the scenario in plain words, the plots, a narrative of the stages and the outcomes.")
        {
            folder, outFile,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(folder)!, parse.GetValue(outFile)));
        return command;
    }

    internal static int Execute(CliConsole console, string folder, string? outFile)
    {
        string path;
        if (!RunFolder.IsRunFolder(folder) && SweepPage.IsSweepFolder(folder))
        {
            path = SweepPage.Write(folder, outFile);
            console.Out.WriteLine($"Sweep report written to {path}");
        }
        else
        {
            path = RunReport.Write(folder, outFile);
            console.Out.WriteLine($"Report written to {path}");
        }
        console.Out.WriteLine("Open it in any web browser; it needs no network (the figures are inside the page).");
        return ExitCodes.Ok;
    }
}
