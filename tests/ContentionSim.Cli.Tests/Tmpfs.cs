using System.Diagnostics;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// A small tmpfs mounted for a test (a disk that fills up, or a read-only one even for root), unmounted
/// on dispose. Mounting needs root on Linux: where it cannot be done the test fails in CI (CI=true) and
/// is reported as skipped, with the reason, elsewhere (the tests are [SkippableFact]s in the "Root" category).
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>
    /// Mounts a tmpfs of <paramref name="size"/> (e.g. "256k") at a new folder. If this machine cannot, the
    /// test is skipped with the reason (it throws xunit's SkipException), or fails in CI.
    /// </summary>
    public static Tmpfs Mount(string size, ITestOutputHelper log, bool readOnly = false)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contentionsim-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        string? why = null;
        if (!OperatingSystem.IsLinux()) why = "tmpfs needs Linux";
        else
        {
            var (code, output) = Exec("mount", "-t", "tmpfs", "-o", $"size={size}{(readOnly ? ",ro" : "")}", "tmpfs", path);
            if (code != 0) why = $"mount -t tmpfs failed (exit {code}): {output.Trim()}";
        }
        if (why is null) return new Tmpfs(path);

        try { Directory.Delete(path); } catch (IOException) { }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"cannot test on a small disk in CI: {why} (the CI runs the tests as root on Linux)");
        log.WriteLine($"SKIPPED: {why}; this test needs root on Linux (it runs in CI)");
        throw new SkipException($"{why}; this test needs root on Linux (it runs in CI, as root)");
    }

    public void Dispose()
    {
        // Lazy unmount: a file still open by a finishing thread must not leave the mount behind.
        Exec("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Takes all but <paramref name="leave"/> bytes of the free space with a file; returns its size.</summary>
    public long FillAllBut(long leave, string name = "filler")
    {
        long size = Math.Max(0, new DriveInfo(Path).AvailableFreeSpace - leave);
        using var stream = new FileStream(System.IO.Path.Combine(Path, name), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var chunk = new byte[4096];
        for (long done = 0; done < size; done += chunk.Length) stream.Write(chunk, 0, (int)Math.Min(chunk.Length, size - done));
        return size;
    }

    /// <summary>Fills the disk: writes a file until no byte more fits. Returns the bytes written.</summary>
    public long Fill(string name = "filler")
    {
        long written = 0;
        var chunk = new byte[4096];
        using var stream = new FileStream(System.IO.Path.Combine(Path, name), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        foreach (int size in new[] { 4096, 512, 1 })
        {
            try
            {
                while (true)
                {
                    stream.Write(chunk, 0, size);
                    written += size;
                }
            }
            catch (IOException)
            {
            }
        }
        return written;
    }

    internal static (int Code, string Output) Exec(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
