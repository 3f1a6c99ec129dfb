using System.CommandLine;
using ContentionSim.Experiments.Methods;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Calibration;
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
            if (CalibrationLoader.IsCalibrationFile(path)) return Calibration(console, path);
            var input = ScenarioInput.Load(path, overrides, null, null);
            var s = input.Scenario;
            int orgs = s.Movements.Sum(m => ContentionSim.Core.Organizations.OrganizationLayer.GroupCounts(m.Organizations, m.Activists.EffectiveCount).Sum());
            console.Out.WriteLine($"ok: {input.Path} is a valid scenario '{s.Name}': {s.Movements.Count} movement(s), " +
                                  $"{s.TotalActivists:N0} activists, {orgs} organization(s), {s.Ticks} {s.TimeUnit}s, seed {s.Seed}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Checks a calibration file and states its size: the parameter sets ABC may simulate and the runs they take.</summary>
    private static int Calibration(CliConsole console, string path)
    {
        CalibrationDefinition c;
        try
        {
            c = CalibrationLoader.LoadFile(path, [.. Observables.All.Select(o => o.Name)]);
        }
        catch (ScenarioException e)
        {
            CliErrors.Report(e, console.Error);
            return ExitCodes.BadInput;
        }
        var s = c.Scenario;
        console.Out.WriteLine($"ok: {path} is a valid calibration '{c.Name}' of '{s.Name}' ({s.TotalActivists:N0} activists, {s.Ticks} {s.TimeUnit}s per run).");
        foreach (var f in c.Free) console.Out.WriteLine($"  free      {f.Path,-44} {f.PriorText}{(f.Whole ? " (rounded)" : "")}");
        foreach (var t in c.Targets) console.Out.WriteLine($"  target    {t.Observable,-44} {t.Observed.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} ± {t.Tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        foreach (var t in c.HeldOut) console.Out.WriteLine($"  held out  {t.Observable,-44} {t.Observed.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} ± {t.Tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        long most = Math.Max(c.Abc.InitialDraws, c.Abc.MaxSimulations);
        console.Out.WriteLine($"  size: {c.Abc.InitialDraws:N0} prior draws, then up to {c.Abc.Generations} ABC-SMC populations of {c.Abc.Particles:N0} particles; " +
                              $"at most about {most:N0} parameter sets × {c.Replicates} replicate run{(c.Replicates == 1 ? "" : "s")} = {most * c.Replicates:N0} runs (a population under way is finished).");
        return ExitCodes.Ok;
    }
}
