using System.CommandLine;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Html;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim report RUN_OR_SWEEP_DIR [--out FILE]</c>: writes one self-contained HTML page
/// (figures embedded, no network needed) from a finished run folder, or from a sweep folder
/// (one with manifest.json and summary.csv). Nothing is rerun.
/// </summary>
internal static class ReportCommand
{
    /// <summary>
    /// What to say about a sweep folder that has no summary yet (interrupted, running, or a shard): its state, how many
    /// runs it holds, and the commands that go on; null when the folder is not a sweep's.
    /// </summary>
    private static string? UnfinishedSweep(string folder)
    {
        string manifestPath = Path.Combine(folder, Experiments.Sweeps.SweepManifest.FileName);
        if (!File.Exists(manifestPath)) return null;
        Experiments.Sweeps.SweepManifestData manifest;
        try
        {
            manifest = Experiments.Sweeps.SweepManifest.Read(manifestPath);
        }
        catch (Experiments.Sweeps.SweepFolderException)
        {
            return null;
        }
        long planned = manifest.Shard?.RunCount(manifest.Grid.RunCount) ?? manifest.Grid.RunCount;
        string what = manifest.Shard is null ? "sweep" : $"shard {manifest.Shard} of a sweep";
        string state = manifest.State switch
        {
            Experiments.Sweeps.SweepManifest.Interrupted => "was interrupted",
            Experiments.Sweeps.SweepManifest.Running => "is running, or was stopped without a word (killed)",
            _ => "has no summary",
        };
        string next = manifest.Shard is null
            ? $"Resume it with 'contentionsim sweep {SweepMerge.Quote(manifest.SweepFile.Length > 0 ? manifest.SweepFile : "SWEEP.yaml")} --out {SweepMerge.Quote(folder)} --resume' (with the options it was started with), " +
              $"or draw what is recorded so far with 'contentionsim plot {SweepMerge.Quote(folder)}' and report that"
            : $"Merge the complete shards with 'contentionsim merge {SweepMerge.Quote(Path.GetDirectoryName(Path.GetFullPath(folder)) ?? folder)} --out DIR' and report the merged folder";
        return $"'{folder}' is a {what} that {state}: {manifest.RunsRecorded:N0} of its {planned:N0} runs are recorded and there is no summary.csv to report. {next}.";
    }

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
        try
        {
            string path;
            if (!RunFolder.IsRunFolder(folder) && !SweepPage.IsSweepFolder(folder) && UnfinishedSweep(folder) is string unfinished)
            {
                console.Error.WriteLine($"error: {unfinished}");
                return ExitCodes.BadInput;
            }
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
        catch (FolderLockedException e)
        {
            console.Error.WriteLine($"error: {e.Message}.");
            return ExitCodes.OutputFailed;
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
    }
}
