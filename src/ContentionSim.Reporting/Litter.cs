using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentionSim.Reporting;

/// <summary>
/// What a killed process leaves behind: a staging folder <c>NAME.partial-PID</c> (or <c>NAME.old-PID</c>) beside an
/// output folder, and temporary files <c>.FILE.tmp-PID-RANDOM</c> inside one. The next command writing to the same
/// place removes those of processes that are no longer running and that nothing has touched for a minute (a process
/// on another machine sharing the disk keeps writing into its own, so it is left alone).
/// </summary>
public static partial class Litter
{
    /// <summary>How long an entry must have been left untouched before it counts as litter.</summary>
    public static TimeSpan QuietFor { get; set; } = TimeSpan.FromMinutes(1);

    [GeneratedRegex(@"\.(partial|old)-(?<pid>\d{1,10})$")]
    private static partial Regex Staging();

    [GeneratedRegex(@"^\..+\.tmp-(?<pid>\d{1,10})-[0-9a-f]+$")]
    private static partial Regex Temporary();

    /// <summary>Removes stale staging folders of <paramref name="target"/> beside it and stale temporary files inside it. Returns what was removed.</summary>
    public static IReadOnlyList<string> Clean(string target)
    {
        var removed = new List<string>();
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        string? parent = Path.GetDirectoryName(full);
        string name = Path.GetFileName(full);
        if (parent is not null && Directory.Exists(parent))
            foreach (var dir in Safe(() => Directory.EnumerateDirectories(parent, name + ".*")))
            {
                var m = Staging().Match(Path.GetFileName(dir));
                if (m.Success && Path.GetFileName(dir) == $"{name}.{m.Groups[1].Value}-{m.Groups["pid"].Value}" && IsStale(dir, m.Groups["pid"].Value, Directory.GetLastWriteTimeUtc))
                {
                    AtomicFolder.TryDelete(dir);
                    if (!Directory.Exists(dir)) removed.Add(dir);
                }
            }
        if (Directory.Exists(full))
            foreach (var file in Safe(() => Directory.EnumerateFiles(full, ".*")))
            {
                var m = Temporary().Match(Path.GetFileName(file));
                if (m.Success && IsStale(file, m.Groups["pid"].Value, File.GetLastWriteTimeUtc))
                {
                    try
                    {
                        File.Delete(file);
                        removed.Add(file);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
                }
            }
        return removed;
    }

    /// <summary>Whether process <paramref name="pid"/> is running on this machine.</summary>
    public static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsStale(string path, string pidText, Func<string, DateTime> lastWrite)
    {
        if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) return false;
        if (pid == Environment.ProcessId) return false; // ours: the writer handles it
        if (IsRunning(pid)) return false;
        try
        {
            return DateTime.UtcNow - lastWrite(path) >= QuietFor;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<string> Safe(Func<IEnumerable<string>> list)
    {
        try
        {
            return list().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
