using System.Buffers;
using System.Text;
using System.Text.Unicode;
using ContentionSim.Core.Parameters;
using ContentionSim.Shared;

namespace ContentionSim.Scenarios.Internal;

/// <summary>Reads a scenario file as text, turning every way that can fail into one diagnostic.</summary>
internal static class TextFile
{
    /// <summary>
    /// Reads like <see cref="Read(string, out Diagnostic?)"/>, a problem told of a <paramref name="kind"/> file ("sweep",
    /// "calibration") where it would say "scenario file".
    /// </summary>
    public static string? Read(string path, string kind, out Diagnostic? problem)
    {
        var text = Read(path, out problem);
        if (problem is not null)
            problem = problem with
            {
                Message = problem.Message.Replace("scenario file", $"{kind} file", StringComparison.Ordinal),
                Fix = problem.Fix?.Replace("scenario file", $"{kind} file", StringComparison.Ordinal),
            };
        return text;
    }

    public static string? Read(string path, out Diagnostic? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            problem = new Diagnostic(path ?? "", 0, 0, "", "no scenario file given", "pass the path of a .yaml scenario file");
            return null;
        }
        if (Directory.Exists(path))
        {
            var yamls = SafeFiles(path).Where(IsYaml).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).Take(5).ToList();
            problem = new Diagnostic(path, 0, 0, "", "this is a directory, not a scenario file",
                yamls.Count > 0
                    ? $"give one of the files in it, e.g. {string.Join(", ", yamls.Select(f => Path.Combine(path, f)))}"
                    : "give the path of a .yaml scenario file");
            return null;
        }
        if (!File.Exists(path))
        {
            string full = Path.GetFullPath(path);
            string? folder = Path.GetDirectoryName(full);
            string fix;
            if (folder is null || !Directory.Exists(folder))
                fix = $"the folder {folder ?? full} does not exist either; check the path";
            else
            {
                var names = SafeFiles(folder).Select(f => Path.GetFileName(f)!).ToList();
                string? closest = Suggest.Closest(Path.GetFileName(full), names);
                fix = closest is not null
                    ? $"did you mean {Path.Combine(Path.GetDirectoryName(path) ?? "", closest)}?"
                    : $"check the path (relative paths start from {Environment.CurrentDirectory})";
            }
            problem = new Diagnostic(path, 0, 0, "", "file not found", fix);
            return null;
        }

        var kind = FileKinds.Of(path);
        if (kind is FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket or FileKind.Other)
        {
            problem = new Diagnostic(path, 0, 0, "", $"this is {FileKinds.Describe(kind)}, not a scenario file",
                "give the path of a .yaml scenario file (an ordinary file)");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = ReadBounded(path, MaxBytes);
            if (bytes.Length > MaxBytes)
            {
                problem = new Diagnostic(path, 0, 0, "", $"the file is larger than the limit of {MaxBytes / (1024 * 1024)} MB for a scenario file",
                    "give the YAML scenario file (a scenario is a few kB; data and results do not go in it)");
                return null;
            }
        }
        catch (UnauthorizedAccessException)
        {
            problem = new Diagnostic(path, 0, 0, "", "permission denied: the file cannot be read", "check the file's permissions");
            return null;
        }
        catch (IOException e)
        {
            // .NET's message is "<reason> : '<path>'"; the path is already in the diagnostic.
            string reason = e.Message.Replace($" : '{path}'", "", StringComparison.Ordinal).TrimEnd('.', ' ');
            problem = new Diagnostic(path, 0, 0, "", $"the file cannot be read ({reason})",
                "check that the path names an ordinary file on a working disk, not a device or a special file");
            return null;
        }
        return Decode(bytes, path, out problem);
    }

    /// <summary>The largest scenario or sweep file read: 4 MB (the shipped ones are a few kB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>At most <paramref name="limit"/> + 1 bytes of the file (one more than allowed tells that it is too large), never all of an endless one.</summary>
    private static byte[] ReadBounded(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= limit)
        {
            int n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length));
            if (n == 0) break;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>UTF-8 (with or without BOM) or BOM-marked UTF-16; refuses binary data and other encodings.</summary>
    public static string? Decode(byte[] bytes, string path, out Diagnostic? problem)
    {
        problem = null;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            bool little = bytes[0] == 0xFF;
            try
            {
                return new UnicodeEncoding(!little, false, true).GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException)
            {
                problem = new Diagnostic(path, 0, 0, "", "the file starts with a UTF-16 byte-order mark but is not valid UTF-16", "save the file as UTF-8");
                return null;
            }
        }
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var span = bytes.AsSpan(start);

        int nul = span.IndexOf((byte)0);
        int control = span.IndexOfAny(ControlBytes);
        int suspicious = nul >= 0 ? nul : control;
        if (suspicious >= 0)
        {
            var (line, column) = Position(span, suspicious);
            problem = new Diagnostic(path, line, column, "",
                $"this is not a text file: it holds the control byte 0x{span[suspicious]:X2} at line {line}, column {column}",
                "give the YAML scenario file, not a binary file (results, an archive or an image)");
            return null;
        }

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = Position(span, read);
            problem = new Diagnostic(path, line, column, "",
                $"the file is not UTF-8 text: byte 0x{span[read]:X2} at line {line}, column {column} is not valid UTF-8",
                "save the file with UTF-8 encoding (it may be in Latin-1 or Windows-1252)");
            return null;
        }
        return new string(chars, 0, written);
    }

    /// <summary>Bytes that do not occur in YAML text (C0 controls other than tab, newline and carriage return).</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [.. Enumerable.Range(1, 31).Where(b => b is not (9 or 10 or 13)).Select(b => (byte)b), 0x7F]);

    /// <summary>1-based line and column (in characters) of byte <paramref name="index"/>; the bytes before it are valid UTF-8.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        int line = before.Count((byte)'\n') + 1;
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        int column;
        try
        {
            column = new UTF8Encoding(false, true).GetCharCount(before[lineStart..]) + 1;
        }
        catch (DecoderFallbackException)
        {
            column = index - lineStart + 1;
        }
        return (line, column);
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string[] SafeFiles(string folder)
    {
        try
        {
            return Directory.GetFiles(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
