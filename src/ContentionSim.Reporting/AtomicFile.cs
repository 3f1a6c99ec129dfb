using System.Security.Cryptography;
using System.Text;

namespace ContentionSim.Reporting;

/// <summary>
/// Writes files so that a reader sees either the old file or the complete new one, never a torn one:
/// the content goes to <c>.name.tmp-&lt;random&gt;</c> in the same folder, is flushed to disk
/// (<see cref="FileStream.Flush(bool)"/>), and the temporary file is then renamed over the final name.
/// On any failure the temporary file is deleted.
/// </summary>
public static class AtomicFile
{
    /// <summary>UTF-8 without a byte order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="path"/> atomically with what <paramref name="write"/> puts in the stream.
    /// IO and permission errors become <see cref="OutputException"/> naming <paramref name="path"/>;
    /// other exceptions thrown by <paramref name="write"/> propagate unchanged. Either way the
    /// temporary file is removed and an existing file at <paramref name="path"/> is left as it was.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)
            ?? throw new OutputException(full, $"'{full}' is not a file path; choose a file inside a folder.");
        if (Directory.Exists(full))
            throw new OutputException(full, $"'{full}' is a folder, so no file can be written there; remove it or choose another --out.");
        // A device node, pipe or socket is never replaced by a file (as root, --out /dev/null would delete /dev/null).
        var kind = Shared.FileKinds.Of(full);
        if (kind is not (Shared.FileKind.Missing or Shared.FileKind.Regular))
            throw new OutputException(full, $"'{full}' is {Shared.FileKinds.Describe(kind)}, not a regular file, so it is not replaced; choose another --out.");
        string temp = TempPath(dir, Path.GetFileName(full));
        try
        {
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, full, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw OutputException.From(full, ex);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, s => s.Write(bytes));
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM, exactly as given (line endings untouched).</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    /// <summary>
    /// Writes text through a <see cref="TextWriter"/> (UTF-8 without BOM, <c>\n</c> line endings)
    /// atomically. The writer's culture is the current one: format numbers with the invariant culture.
    /// </summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
            writer.Flush();
        });
    }

    /// <summary>True if <paramref name="fileName"/> has the form of this class's temporary names.</summary>
    public static bool IsTempName(string fileName) =>
        fileName.StartsWith('.') && fileName.Contains(".tmp-", StringComparison.Ordinal);

    private static string TempPath(string dir, string name)
    {
        Span<byte> random = stackalloc byte[6];
        RandomNumberGenerator.Fill(random);
        return Path.Combine(dir, $".{name}.tmp-{Environment.ProcessId}-{Convert.ToHexStringLower(random)}");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
    }
}
