using ContentionSim.Shared;

namespace ContentionSim.Reporting;

/// <summary>
/// Keeps the outputs of <c>report</c>, <c>compare</c> and <c>merge</c> off their inputs: a page or figure never
/// lands on a file of a run or sweep folder it reads (its data, manifest, figures, scenario copy), nor inside a
/// shard of a sweep. Device nodes and other special files are refused by <see cref="AtomicFile"/> for every output.
/// </summary>
public static class OutputGuard
{
    /// <summary>
    /// Throws when <paramref name="output"/> (a file about to be written) is one of the files of an input folder
    /// in <paramref name="inputs"/>, or lies inside a shard folder of a sweep. <paramref name="option"/> names the
    /// option that chose the path, for the message.
    /// </summary>
    /// <exception cref="OutputException">The output would replace an input's file.</exception>
    public static void CheckFile(string output, IEnumerable<string> inputs, string option = "--out")
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string path = Resolve(output);
        foreach (var input in inputs)
        {
            string dir = Resolve(input);
            if (!IsInside(path, dir)) continue;
            string relative = Path.GetRelativePath(dir, path).Replace('\\', '/');
            if (IsInputFile(dir, relative))
                throw new OutputException(path,
                    $"'{output}' is a file of the input '{input}' ({relative}); writing there would replace it. Choose another {option}, outside the folder or with a new name.");
        }
        for (string? dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (IsShardFolder(dir))
                throw new OutputException(path,
                    $"'{output}' is inside '{dir}', a shard of a sweep; a shard holds only what 'sweep --shard' writes. Choose another {option}.");
    }

    /// <summary>Whether <paramref name="dir"/> holds a sweep manifest that says it is one shard of a sweep.</summary>
    public static bool IsShardFolder(string dir) => SweepFolderLayout.IsShard(dir);

    /// <summary>Whether <paramref name="path"/> is <paramref name="dir"/> or inside it (both full paths).</summary>
    public static bool IsInside(string path, string dir)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return path.Equals(dir, comparison) || path.StartsWith(dir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, comparison);
    }

    /// <summary>The full path, with a symbolic link at the end followed to what it points at (so a link to an input's file counts as that file).</summary>
    public static string Resolve(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                return Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return full;
    }

    private static bool IsInputFile(string dir, string relative)
    {
        if (relative == ".") return true;
        // A run folder: the files its run.json lists (report.html is the report's own output, not the run's).
        if (RunOutputWriter.OwnedFiles(dir) is { } owned)
        {
            owned.Remove(Html.RunReport.FileName);
            return owned.Contains(relative);
        }
        // A sweep folder: its manifest, data, figures and series.
        if (FileKinds.Of(Path.Combine(dir, SweepFolderLayout.Manifest)) == FileKind.Regular)
            return relative is SweepFolderLayout.Manifest or SweepFolderLayout.Runs or SweepFolderLayout.Summary
                || relative.StartsWith(SweepFolderLayout.Plots + "/", StringComparison.Ordinal)
                || relative.StartsWith(SweepFolderLayout.Series + "/", StringComparison.Ordinal)
                || relative.StartsWith("shard-", StringComparison.Ordinal);
        return false;
    }
}
