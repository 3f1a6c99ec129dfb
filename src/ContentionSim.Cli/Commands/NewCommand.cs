using System.CommandLine;
using System.Text;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim new NAME [--dir DIR]</c>: writes NAME.yaml, a starter scenario in which every
/// key is listed with its default and a comment saying what it means. Never overwrites a file.
/// </summary>
internal static class NewCommand
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxName = 64;

    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Name of the scenario and its file (letters, digits, '-' and '_'), e.g. my-lesson → my-lesson.yaml." };
        var dir = new Option<string?>("--dir") { Description = "Folder to write the file into (default: the current folder)." };
        var command = new Command("new", "Write a starter scenario NAME.yaml in which every key is explained.") { name, dir };
        command.SetAction(parse => Execute(console, parse.GetValue(name)!, parse.GetValue(dir)));
        return command;
    }

    internal static int Execute(CliConsole console, string rawName, string? dir)
    {
        string name = rawName.Trim();
        foreach (var ext in new[] { ".yaml", ".yml" })
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) name = name[..^ext.Length];
        if (!IsValidName(name))
        {
            console.Error.WriteLine($"error: '{rawName}' is not a usable scenario name; use 1–{MaxName} letters, digits, '-' or '_', starting with a letter or digit (e.g. my-lesson).");
            return ExitCodes.BadInput;
        }
        string folder = string.IsNullOrWhiteSpace(dir) ? "." : dir;
        string path = Path.Combine(folder, name + ".yaml");
        // Written to a hidden temporary name and renamed when complete, without replacing a file that
        // appeared meanwhile: a full disk or an interruption never leaves a truncated NAME.yaml.
        string temp = Path.Combine(folder, $".{name}.yaml.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            if (File.Exists(path) || Directory.Exists(path)) return Exists(console, path);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(ScenarioTemplate.Yaml(name)));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            TryDelete(temp);
            return Exists(console, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temp);
            console.Error.WriteLine($"error: {Reporting.OutputException.From(path, e).Message.Replace("--out", "--dir", StringComparison.Ordinal)}");
            return ExitCodes.OutputFailed;
        }
        console.Out.WriteLine($"Wrote {path}: a starter scenario with every key explained.");
        console.Out.WriteLine($"Edit it, then: contentionsim validate {path}");
        console.Out.WriteLine($"          and: contentionsim run {path} && contentionsim report runs/{name}-seed1");
        return ExitCodes.Ok;
    }

    private static int Exists(CliConsole console, string path)
    {
        console.Error.WriteLine($"error: '{path}' already exists; choose another name or delete it first (it is never overwritten).");
        return ExitCodes.OutputFailed;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    internal static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxName && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
