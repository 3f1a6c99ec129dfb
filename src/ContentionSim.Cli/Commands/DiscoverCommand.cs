using System.CommandLine;
using System.Globalization;
using ContentionSim.Experiments.Methods;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim discover FOLDER --where CONDITION [--min-coverage F] [--out DIR] [--force] [--no-plots]</c>: scenario
/// discovery with PRIM over the runs of a sweep (or of a design stage of a global analysis). Its folder is written as a
/// run's is (<see cref="DiscoveryOutput"/>): whole or not at all, and replacing only an earlier discovery, with --force.
/// </summary>
internal static class DiscoverCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "A sweep's folder (or a design stage's), holding its runs.csv; a sampled design (Latin hypercube, Sobol) suits PRIM best." };
        var where = new Option<string>("--where") { Description = "The case of interest: an observable, an operator and a number, e.g. 'turnover_share>0', 'cycles>=2', 'peak_participation>0.3'.", Required = true };
        var coverage = new Option<double>("--min-coverage") { Description = "The box chosen is the densest with at least this coverage (share of the cases it holds).", DefaultValueFactory = _ => 0.8 };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the results (default: FOLDER/discovery)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it holds an earlier discovery (and nothing else)." };
        var noPlots = new Option<bool>("--no-plots") { Description = "No trade-off figure." };
        var command = new Command("discover", "Scenario discovery: PRIM finds the region of the varied parameters where a case of interest happens (coverage, density), over a sweep's runs.")
        {
            folder, where, coverage, outDir, force, noPlots,
        };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(folder)!;
            var condition = CaseCondition.Parse(parse.GetValue(where) ?? "", out var problem);
            if (condition is null)
            {
                console.Error.WriteLine($"error: --where: {problem}.");
                return ExitCodes.BadInput;
            }
            double min = parse.GetValue(coverage);
            if (!(min > 0 && min <= 1))
            {
                console.Error.WriteLine($"error: --min-coverage must lie in (0, 1], not {min.ToString(CultureInfo.InvariantCulture)}.");
                return ExitCodes.BadInput;
            }
            string runs = Path.Combine(dir, "runs.csv");
            if (!File.Exists(runs))
            {
                console.Error.WriteLine($"error: '{dir}' holds no runs.csv: give the folder of a sweep (contentionsim sweep) or of a design stage.");
                return ExitCodes.BadInput;
            }
            string target = parse.GetValue(outDir) ?? Path.Combine(dir, "discovery");
            DiscoveryOutput.CheckTarget(target, parse.GetValue(force)); // a folder it may not write is refused before the search, as after it
            DiscoveryResult result;
            try
            {
                var (keys, records) = SweepRunLog.Read(runs);
                result = ScenarioDiscovery.Run(keys, records, condition, min);
            }
            catch (Exception e) when (e is SweepFolderException or ArgumentException)
            {
                console.Error.WriteLine($"error: {e.Message}.");
                return ExitCodes.BadInput;
            }
            // An OutputException (the folder may not be replaced, or could not be written) goes to the one exit-code map (CliErrors).
            var files = DiscoveryOutput.Write(result, target, $"{Path.GetFileName(Path.GetFullPath(dir).TrimEnd('/'))}: {condition}", !parse.GetValue(noPlots), parse.GetValue(force));
            var c = result.Chosen;
            console.Out.WriteLine($"{result.Cases} of {result.Runs} runs have {condition}. Box: coverage {GlobalSensitivityWriter.Pct(c.Coverage)}, density {GlobalSensitivityWriter.Pct(c.Density)}, mass {GlobalSensitivityWriter.Pct(c.Mass)}:");
            if (c.Restricted.Count == 0) console.Out.WriteLine("  no factor restricted: the cases are spread over the whole design.");
            foreach (int j in c.Restricted)
                console.Out.WriteLine($"  {result.Factors[j],-48} [{GlobalSensitivityWriter.F(c.Box.Lower[j])}, {GlobalSensitivityWriter.F(c.Box.Upper[j])}]");
            console.Out.WriteLine($"Outputs in {target}:");
            foreach (var f in files) console.Out.WriteLine($"  {f.Name,-22} {f.Description}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
