using System.CommandLine;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim plot SWEEP_FOLDER [--metric NAME]</c>: rebuilds summary.csv and the figures of a
/// sweep from its recorded runs, without running anything (also for an interrupted sweep).
/// </summary>
internal static class PlotCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "A sweep's output folder (holding manifest.json and runs.csv)." };
        var metric = new Option<string?>("--metric") { Description = $"Metric of the heatmap instead of the sweep's (default {SweepMetrics.DefaultHeatmap}): one of the columns of runs.csv such as cycles, time_to_peak, repression_events." };
        var command = new Command("plot", "Rebuild summary.csv and the figures of a sweep folder from its recorded runs, without rerunning.") { folder, metric };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(folder)!;
            string? name = parse.GetValue(metric);
            if (name is not null && SweepMetrics.Find(name) is null)
            {
                string? suggestion = Suggest.Closest(name, SweepMetrics.All.Select(m => m.Name));
                console.Error.WriteLine($"error: --metric: '{name}' is not a metric{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} " +
                                        $"Use one of: {string.Join(", ", SweepMetrics.All.Select(m => m.Name))}.");
                return ExitCodes.BadInput;
            }
            if (!Directory.Exists(dir))
            {
                console.Error.WriteLine($"error: '{dir}' is not a folder; give the --out folder of a sweep.");
                return ExitCodes.BadInput;
            }
            var files = SweepReport.Write(dir, name);
            var data = SweepData.Load(dir);
            // A shard's folder holds its slice of the grid: count against the slice, not the whole sweep.
            var shard = data.Manifest.Shard;
            long recorded = data.Records.Count, planned = shard?.RunCount(data.Grid.RunCount) ?? data.Grid.RunCount;
            string of = shard is null ? "" : $" of shard {shard} (the whole sweep has {data.Grid.RunCount:N0})";
            console.Out.WriteLine($"Sweep '{data.Manifest.Name}': {recorded:N0} of {planned:N0} runs{of} recorded" +
                                  $" ({data.Records.Count(r => r.Failed):N0} failed){(recorded < planned ? "; the figures show what is recorded so far" : "")}.");
            console.Out.WriteLine($"Written in {dir}:");
            foreach (var f in files) console.Out.WriteLine($"  {f.Name,-34} {f.Description}");
            if (recorded == data.Records.Count(r => r.Failed)) console.Out.WriteLine("No run finished, so there are no figures.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
