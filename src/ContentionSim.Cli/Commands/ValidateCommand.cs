using System.CommandLine;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim validate FILE</c>: checks a scenario or a sweep file (told apart by the sweep's
/// <c>base</c> and <c>vary</c> keys) and reports every problem at once.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string>("file") { Description = "The scenario or sweep file (YAML)." };
        var sets = new Option<string[]>("--set") { Description = "Override a parameter, e.g. --set state.openness=0.8 (repeatable; of a sweep, applied to every run).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Check a scenario or sweep file and report every problem with its line and column.") { scenario, sets };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(scenario)!;
            string[] overrides = parse.GetValue(sets) ?? [];
            if (SweepLoader.IsSweepFile(path))
            {
                var sweep = SweepLoader.LoadFile(path, new SweepLoadOptions { Sets = overrides });
                console.Out.WriteLine($"ok: {path} is a valid sweep" +
                                      (sweep.FullyChecked ? " (every point checked)." : " (each value checked; points are checked as they run)."));
                SweepCommand.Describe(console.Out, sweep, workers: null);
                return ExitCodes.Ok;
            }
            var input = ScenarioInput.Load(path, overrides, null, null);
            var s = input.Scenario;
            int orgs = s.Movements.Sum(m => m.Organizations.Sum(o => o.Count));
            console.Out.WriteLine($"ok: {input.Path} is a valid scenario '{s.Name}': {s.Movements.Count} movement(s), " +
                                  $"{s.TotalActivists:N0} activists, {orgs} organization(s), {s.Ticks} {s.TimeUnit}s, seed {s.Seed}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
