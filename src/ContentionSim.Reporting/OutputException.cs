namespace ContentionSim.Reporting;

/// <summary>
/// Writing a run's outputs failed. The message names the path and suggests a fix; it is meant to be
/// shown to the user as is.
/// </summary>
public sealed class OutputException : Exception
{
    public OutputException(string path, string message, Exception? inner = null)
        : base(message, inner) => Path = path;

    /// <summary>The file or folder that could not be written.</summary>
    public string Path { get; }

    /// <summary>
    /// Turns an exception raised while writing <paramref name="path"/> into an <see cref="OutputException"/>
    /// with a message that names the path and a fix. An <see cref="OutputException"/> is returned unchanged.
    /// </summary>
    public static OutputException From(string path, Exception ex) => ex switch
    {
        OutputException oe => oe,
        UnauthorizedAccessException => new OutputException(path,
            $"Permission denied writing '{path}'; choose another --out or fix the folder's permissions.", ex),
        IOException io when IsDiskFull(io) => new OutputException(path,
            $"The disk is full writing '{path}'; free some space or choose another --out.", ex),
        IOException io when IsReadOnly(io) => new OutputException(path,
            $"The disk is read-only: '{path}' cannot be written; choose another --out on a writable disk.", ex),
        PathTooLongException => new OutputException(path,
            $"The path '{path}' is too long; choose a shorter --out.", ex),
        // A file where a folder on the way should be: the system says "already exists" or "could not find a part of the path".
        IOException when OutputTarget.NotAFolderOnTheWay(path) is { } blocked => new OutputException(blocked.Path, blocked.Message, ex),
        DirectoryNotFoundException => new OutputException(path,
            $"A folder on the way to '{path}' does not exist or is not a folder; check --out.", ex),
        IOException => new OutputException(path,
            $"Could not write '{path}': {ex.Message} Check --out (is something else in the way?) or choose another folder.", ex),
        _ => new OutputException(path, $"Could not produce '{path}': {ex.GetType().Name}: {ex.Message}", ex),
    };

    private static bool IsReadOnly(IOException ex)
    {
        // Windows: ERROR_WRITE_PROTECT (19); Unix: EROFS (30), which stops root as well.
        int code = ex.HResult & 0xFFFF;
        return (OperatingSystem.IsWindows() ? code == 19 : code == 30)
            || ex.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsDiskFull(IOException ex)
    {
        // Windows: ERROR_HANDLE_DISK_FULL (39), ERROR_DISK_FULL (112); Unix: ENOSPC (28), EDQUOT (122).
        int code = ex.HResult & 0xFFFF;
        return code is 39 or 112 || (!OperatingSystem.IsWindows() && code is 28 or 122)
            || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("quota", StringComparison.OrdinalIgnoreCase);
    }
}
