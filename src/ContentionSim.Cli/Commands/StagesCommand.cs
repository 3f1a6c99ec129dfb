using System.CommandLine;
using System.Text;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Html;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim stages</c>: prints Tarrow's six stages, the outcomes of a cycle and the stage
/// classifier's criteria with the current default settings (plain text, for a class or a terminal).
/// </summary>
internal static class StagesCommand
{
    private const int Width = 100;

    public static Command Create(CliConsole console)
    {
        var command = new Command("stages", "Print Tarrow's six stages, the outcomes of a cycle and the classifier's criteria with the current defaults.");
        command.SetAction(_ =>
        {
            console.Out.Write(Text(new ClassifierParameters()));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The whole text, lines ended by "\n".</summary>
    internal static string Text(ClassifierParameters p)
    {
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        void Para(string text, string indent) { foreach (var l in Wrap(text, indent)) Line(l); }

        Line("Tarrow's cycle of contention: six stages, derived each tick from what the agents did.");
        Line("Nothing is scheduled: a classifier reads the observables and moves a movement on when a");
        Line("criterion holds.");
        foreach (var s in StageText.Cycle)
        {
            if (s == Stage.ConflictAndDiffusion) { Line(); Line("MOBILIZATION"); }
            if (s == Stage.ExhaustionAndPolarization) { Line(); Line("DEMOBILIZATION"); }
            Line();
            Line($"  {(int)s}  {StageText.Name(s)}");
            Para("Tarrow: " + StageText.Explanation(s) + ".", "     ");
            Para("Entered " + StageCriteria.Entry(s, p) + ".", "     ");
            foreach (var source in StageCriteria.Sources(s)) Para("Source: " + source + ".", "     ");
        }
        Line();
        Line("HOW THE CRITERIA ARE READ");
        Para(StageCriteria.Reading(p), "  ");
        Para(StageCriteria.End(p), "  ");
        Line();
        Line("OUTCOMES (judged in this order when a cycle closes)");
        foreach (var (outcome, rule) in StageCriteria.Outcomes)
        {
            Line();
            Line($"  {RunStory.OutcomeName(outcome)}");
            Para(RunStory.Sentence(rule) + ".", "     ");
        }
        Line();
        Line("CLASSIFIER SETTINGS (key under 'classifier:' in a scenario; current defaults)");
        var rows = StageCriteria.Parameters(p);
        int keyWidth = rows.Max(r => r.Key.Length), valueWidth = Math.Max(7, rows.Max(r => r.Value.Length));
        foreach (var (key, value, unit, meaning) in rows)
        {
            string head = $"  {key.PadRight(keyWidth)}  {value.PadRight(valueWidth)}  ";
            var lines = Wrap(meaning + (unit.Length > 0 ? $" [{unit}]" : ""), new string(' ', head.Length)).ToList();
            Line(head + lines[0].TrimStart());
            foreach (var l in lines.Skip(1)) Line(l);
        }
        Line();
        Para("Change them in a scenario's classifier: section, or for one run with --set, e.g. --set classifier.dwell=5. " +
             "The full description is in docs/ODD.md (stage classifier); every run's stages.csv records the values that triggered each stage.", "");
        return sb.ToString();
    }

    private static IEnumerable<string> Wrap(string text, string indent)
    {
        var line = new StringBuilder(indent);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
            {
                yield return line.ToString();
                line.Clear().Append(indent);
            }
            if (line.Length > indent.Length) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > indent.Length) yield return line.ToString();
    }
}
