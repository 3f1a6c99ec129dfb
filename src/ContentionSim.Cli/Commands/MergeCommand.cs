using System.CommandLine;
using ContentionSim.Reporting;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim merge SHARD_DIR... --out DIR</c>: joins the shard folders of a sweep run with
/// <c>sweep --shard I/N</c> into one sweep folder with the runs.csv, summary.csv and figures a
/// single-machine sweep writes, after checking that they are all the shards of one sweep, once each, complete.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var shards = new Argument<string[]>("shards")
        {
            Description = "The shard folders (shard-I-of-N), or the folder holding them (the --out given to 'sweep --shard').",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for the merged sweep (e.g. runs/sweep-<name>).", Required = true };
        var noPlots = new Option<bool>("--no-plots") { Description = "Write runs.csv and summary.csv only, no figures (contentionsim plot draws them later)." };
        var force = new Option<bool>("--force") { Description = "Replace --out when it holds another sweep (a folder holding this same sweep, such as an earlier merge, is replaced without it)." };
        var command = new Command("merge",
            "Merge the shards of a sweep (run with 'sweep --shard I/N', e.g. as a Slurm job array) into one sweep folder: runs.csv, summary.csv and figures as a single-machine sweep.")
        {
            shards, outDir, noPlots, force,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(shards) ?? [];
            string target = parse.GetValue(outDir)!;
            var result = SweepMerge.Merge(paths, target, new SweepMergeOptions { Plots = !parse.GetValue(noPlots), Force = parse.GetValue(force) });
            foreach (var note in result.Notes) console.Out.WriteLine($"note: {note}.");
            console.Out.WriteLine($"Merged {result.ShardCount} shard{(result.ShardCount == 1 ? "" : "s")} of sweep '{result.Name}': " +
                                  $"{result.Runs:N0} runs, {result.Failed:N0} failed.");
            console.Out.WriteLine($"Outputs in {target}:");
            foreach (var f in result.Files) console.Out.WriteLine($"  {f.Name,-34} {f.Description}");
            if (result.Failed > 0)
            {
                console.Error.WriteLine($"warning: {result.Failed:N0} run(s) failed; runs.csv has status 'failed' and the error for each. " +
                                        "The summary and figures leave them out.");
                return ExitCodes.SomeRunsFailed;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
