using ContentionSim.Reporting;
namespace ContentionSim.Experiments.Sweeps;

/// <summary>The git commit of a working copy, read from its <c>.git</c> folder (no git process is started).</summary>
public static class GitInfo
{
    /// <summary>
    /// The commit checked out in the repository holding <paramref name="directory"/> (or a folder above
    /// it): <c>HEAD</c> followed through a branch ref, loose or packed; worktrees (<c>.git</c> files) are
    /// followed. Null when there is no repository or it cannot be read.
    /// </summary>
    public static string? Commit(string directory)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
            {
                string dotGit = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(dotGit)) return FromGitDir(dotGit);
                if (File.Exists(dotGit))
                {
                    string line = File.ReadAllText(dotGit).Trim();
                    if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
                    string gitDir = line["gitdir:".Length..].Trim();
                    if (!Path.IsPathRooted(gitDir)) gitDir = Path.GetFullPath(Path.Combine(dir.FullName, gitDir));
                    return FromGitDir(gitDir);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
        }
        return null;
    }

    private static string? FromGitDir(string gitDir)
    {
        string headPath = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headPath)) return null;
        string head = File.ReadAllText(headPath).Trim();
        if (IsHash(head)) return head.ToLowerInvariant();
        if (!head.StartsWith("ref:", StringComparison.Ordinal)) return null;
        string name = head["ref:".Length..].Trim();
        // A worktree keeps its HEAD but shares refs with the main repository ("commondir").
        var dirs = new List<string> { gitDir };
        string common = Path.Combine(gitDir, "commondir");
        if (File.Exists(common))
        {
            string c = File.ReadAllText(common).Trim();
            dirs.Add(Path.IsPathRooted(c) ? c : Path.GetFullPath(Path.Combine(gitDir, c)));
        }
        foreach (var d in dirs)
        {
            string loose = Path.Combine(d, name.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(loose))
            {
                string hash = File.ReadAllText(loose).Trim();
                if (IsHash(hash)) return hash.ToLowerInvariant();
            }
        }
        foreach (var d in dirs)
        {
            string packed = Path.Combine(d, "packed-refs");
            if (!File.Exists(packed)) continue;
            foreach (var line in File.ReadLines(packed))
            {
                if (line.StartsWith('#') || line.StartsWith('^')) continue;
                int space = line.IndexOf(' ');
                if (space > 0 && line[(space + 1)..].Trim() == name && IsHash(line[..space])) return line[..space].ToLowerInvariant();
            }
        }
        return null;
    }

    private static bool IsHash(string text) =>
        text.Length is 40 or 64 && text.All(char.IsAsciiHexDigit);
}
