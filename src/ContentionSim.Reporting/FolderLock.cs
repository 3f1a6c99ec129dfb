using System.Globalization;
using System.Text;

namespace ContentionSim.Reporting;

/// <summary>
/// An exclusive lock on an output folder, held while a process writes into it: the file <c>.contentionsim.lock</c>
/// in the folder opened with <see cref="FileShare.None"/> (on Linux and macOS an exclusive <c>flock</c>, on Windows a
/// share-mode lock). The kernel releases it when the process ends in any way — exit, crash, <c>kill -9</c>, a Slurm
/// job killed at its time limit — so a lock left by a dead process never blocks: the lock file stays, unlocked, and
/// the next writer takes it. Who holds it (process id, host, command, start time) is written beside it in
/// <c>.contentionsim.lock.holder</c>, so a refused writer can say whom it waits for.
/// </summary>
public sealed class FolderLock : IDisposable
{
    /// <summary>The lock file's name inside the folder.</summary>
    public const string FileName = ".contentionsim.lock";

    /// <summary>The file naming the holder, beside the lock file.</summary>
    public const string HolderFileName = ".contentionsim.lock.holder";

    private readonly FileStream _stream;

    private FolderLock(FileStream stream, string folder)
    {
        _stream = stream;
        Folder = folder;
    }

    /// <summary>The locked folder.</summary>
    public string Folder { get; }

    /// <summary>Whether <paramref name="name"/> is one of the lock's files (not part of what a folder holds).</summary>
    public static bool IsLockFile(string name) => name is FileName or HolderFileName;

    /// <summary>
    /// Takes the lock of <paramref name="folder"/> (which must exist) at once, or throws <see cref="FolderLockedException"/>
    /// naming the process that holds it. <paramref name="command"/> is recorded for the next one to read.
    /// </summary>
    /// <exception cref="FolderLockedException">Another process holds the lock.</exception>
    /// <exception cref="OutputException">The lock file cannot be made (permissions, read-only disk).</exception>
    public static FolderLock Acquire(string folder, string command)
    {
        string path = Path.Combine(folder, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException e) when (IsSharingViolation(e))
        {
            throw new FolderLockedException(folder, ReadHolder(folder));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(path, e);
        }
        var held = new FolderLock(stream, folder);
        try
        {
            string holder = string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId} on {Environment.MachineName}, started {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC: {Terminal.Safe(command)}\n");
            AtomicFile.WriteAllText(Path.Combine(folder, HolderFileName), holder);
        }
        catch (OutputException)
        {
            // Naming the holder is a courtesy; the lock itself is what keeps the folder safe.
        }
        return held;
    }

    /// <summary>Who holds (or last held) the lock of <paramref name="folder"/>, or null when nobody wrote it down.</summary>
    public static string? ReadHolder(string folder)
    {
        try
        {
            string path = Path.Combine(folder, HolderFileName);
            if (!File.Exists(path) || new FileInfo(path).Length > 4096) return null;
            return Terminal.Safe(File.ReadAllText(path, Encoding.UTF8).Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsSharingViolation(IOException e)
    {
        // Windows: ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33); Unix: EWOULDBLOCK/EAGAIN from flock (11).
        int code = e.HResult & 0xFFFF;
        return code is 32 or 33 || (!OperatingSystem.IsWindows() && code is 11)
            || e.Message.Contains("being used by another process", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Releases the lock (the files stay: an unlocked lock file is free).</summary>
    public void Dispose() => _stream.Dispose();
}

/// <summary>Another process holds the lock of an output folder.</summary>
public sealed class FolderLockedException(string folder, string? holder) : Exception(
    $"'{folder}' is being written by another contentionsim process" + (holder is null ? "" : $" ({holder})") +
    "; two writers would corrupt it. Wait for that one to finish (or stop it), then run this again — with --resume to continue a sweep")
{
    public string Folder { get; } = folder;

    /// <summary>The holder as it wrote itself down, or null.</summary>
    public string? Holder { get; } = holder;
}
