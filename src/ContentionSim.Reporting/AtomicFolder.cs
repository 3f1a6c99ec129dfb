namespace ContentionSim.Reporting;

/// <summary>
/// Puts a finished staging folder in place of an output folder, so that a reader sees either the old
/// folder or the complete new one: an existing non-empty target is moved aside to
/// <c>name.old-&lt;pid&gt;</c> (an empty one is removed), the staging folder is renamed to the target,
/// the old folder is put back if that fails, and it is deleted once the new one is in place.
/// Callers check first whether they may replace the target at all.
/// </summary>
public static class AtomicFolder
{
    /// <summary>Renames <paramref name="staging"/> to <paramref name="target"/>, replacing what is there.</summary>
    public static void Replace(string staging, string target)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        string parent = Path.GetDirectoryName(full) ?? throw new OutputException(full, $"'{full}' has no parent folder; choose another --out.");
        string? old = null;
        if (Directory.Exists(full))
        {
            if (Directory.EnumerateFileSystemEntries(full).Any())
            {
                old = Path.Combine(parent, $"{Path.GetFileName(full)}.old-{Environment.ProcessId}");
                if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
                Directory.Move(full, old);
            }
            else Directory.Delete(full);
        }
        try
        {
            Directory.Move(staging, full);
        }
        catch
        {
            if (old is not null)
            {
                try { Directory.Move(old, full); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new OutputException(full,
                        $"Could not put the new output in '{full}'; the previous contents are kept in '{old}'. Rename it back or choose another --out.", ex);
                }
            }
            throw;
        }
        if (old is not null) TryDelete(old);
    }

    /// <summary>Deletes a folder and what is in it if it can; a failure here must not hide the error that led to it.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is what the user needs to see.
        }
    }
}
