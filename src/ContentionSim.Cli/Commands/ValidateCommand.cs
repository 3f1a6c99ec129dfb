using System.CommandLine;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Commands;

/// <summary><c>contentionsim validate SCENARIO</c>: checks a scenario file and reports every problem at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var sets = new Option<string[]>("--set") { Description = "Override a parameter, e.g. --set state.openness=0.8 (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Check a scenario file and report every problem with its line and column.") { scenario, sets };
        command.SetAction(parse =>
        {
            try
            {
                var input = ScenarioInput.Load(parse.GetValue(scenario)!, parse.GetValue(sets) ?? [], null, null);
                var s = input.Scenario;
                int orgs = s.Movements.Sum(m => m.Organizations.Sum(o => o.Count));
                console.Out.WriteLine($"ok: {input.Path} is a valid scenario '{s.Name}': {s.Movements.Count} movement(s), " +
                                      $"{s.TotalActivists:N0} activists, {orgs} organization(s), {s.Ticks} {s.TimeUnit}s, seed {s.Seed}.");
                return ExitCodes.Ok;
            }
            catch (ScenarioException e)
            {
                ScenarioInput.Report(e, console.Error);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
