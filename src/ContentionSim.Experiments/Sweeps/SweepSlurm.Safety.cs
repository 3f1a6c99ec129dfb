using ContentionSim.Reporting;
using System.Text;

namespace ContentionSim.Experiments.Sweeps;

// What may go into a script: the checks of a job's settings and of the --contentionsim command, and #SBATCH values.
public static partial class SweepSlurm
{
    /// <summary>
    /// What in <paramref name="settings"/> cannot be put into a script safely: control characters (a line break in a
    /// comment or an <c>#SBATCH</c> line would start a command), quotes, backslashes or <c>%</c> in what goes into
    /// <c>#SBATCH</c> lines, and a <c>--contentionsim</c> command that is not plain words (no <c>$</c>, backquotes,
    /// <c>;</c>, <c>|</c>, <c>&amp;</c>, redirections or parentheses outside single quotes). Empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> Problems(SlurmJobSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        void NoControls(string what, string? value)
        {
            if (value is not null && value.Any(c => char.IsControl(c) || Terminal.IsUnsafe(c)))
                problems.Add($"{what} '{Terminal.Safe(value)}' holds a control character (such as a line break); a script cannot hold it safely. Rename it");
        }
        void Directive(string what, string? value)
        {
            if (value is null) return;
            NoControls(what, value);
            if (value.IndexOfAny(['"', '\'', '\\', '%']) >= 0)
                problems.Add($"{what} '{Terminal.Safe(value)}' holds a quote, a backslash or '%', which an #SBATCH line cannot hold safely. Choose a path or value without them");
        }
        NoControls("the sweep's name", settings.Name);
        NoControls("the sweep file", settings.SweepFile);
        NoControls("--out", settings.ShardRoot);
        NoControls("--merged", settings.MergedFolder);
        foreach (var o in settings.SweepOptions) NoControls("the option", o);
        foreach (var o in (settings.TaskArguments ?? []).Concat(settings.FinalArguments ?? [])) NoControls("the option", o);
        Directive("the sweep's name", settings.Name);
        Directive("the working folder", settings.WorkDir);
        Directive("the log folder", Path.GetFullPath(Path.Combine(settings.WorkDir, settings.ShardRoot, "logs")));
        Directive("--partition", settings.Partition);
        Directive("--account", settings.Account);
        Directive("--time", settings.Time);
        Directive("--mem", settings.Memory);
        foreach (var (what, value) in new[] { ("--partition", settings.Partition), ("--account", settings.Account), ("--time", settings.Time), ("--mem", settings.Memory) })
            if (value is not null && value.Any(char.IsWhiteSpace))
                problems.Add($"{what} '{Terminal.Safe(value)}' holds a space; Slurm takes it as one word");
        if (CommandWords(settings.Command, out string? why) is null)
            problems.Add($"--contentionsim '{Terminal.Safe(settings.Command)}' {why}");
        return problems;
    }

    /// <summary>
    /// The words of a <c>--contentionsim</c> command (e.g. <c>dotnet '/opt/contention sim/contentionsim.dll'</c>):
    /// split at spaces, with single- and double-quoted parts; null (and why) when it holds anything a shell would
    /// expand or run: <c>$</c>, backquotes, <c>;</c>, <c>|</c>, <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, parentheses,
    /// backslashes or globs outside single quotes, or control characters.
    /// </summary>
    public static IReadOnlyList<string>? CommandWords(string command, out string? why)
    {
        why = null;
        if (string.IsNullOrWhiteSpace(command)) { why = "is empty: give the command that starts contentionsim on the cluster"; return null; }
        if (command.Any(char.IsControl)) { why = "holds a control character (such as a line break)"; return null; }
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < command.Length; i++)
        {
            char c = command[i];
            if (c == '\'')
            {
                int end = command.IndexOf('\'', i + 1);
                if (end < 0) { why = "has an unclosed single quote"; return null; }
                word.Append(command, i + 1, end - i - 1);
                inWord = true;
                i = end;
            }
            else if (c == '"')
            {
                int end = command.IndexOf('"', i + 1);
                if (end < 0) { why = "has an unclosed double quote"; return null; }
                string inner = command[(i + 1)..end];
                if (inner.IndexOfAny(['$', '`', '\\', '!']) >= 0) { why = "has '$', '`', '\\' or '!' inside double quotes, which the shell would expand; use single quotes"; return null; }
                word.Append(inner);
                inWord = true;
                i = end;
            }
            else if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if ("$`;|&<>()\\*?[]{}~#!".Contains(c))
            {
                why = $"holds '{c}' outside single quotes, which the shell would run or expand; give only the program and its arguments (quote a path with spaces in single quotes)";
                return null;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        if (words.Count == 0) { why = "is empty: give the command that starts contentionsim on the cluster"; return null; }
        return words;
    }

    /// <summary>An #SBATCH option's value: as is when it is one plain word, else in double quotes (which sbatch reads).</summary>
    private static string Directive(string value) => value.Any(char.IsWhiteSpace) ? $"\"{value}\"" : value;
}
