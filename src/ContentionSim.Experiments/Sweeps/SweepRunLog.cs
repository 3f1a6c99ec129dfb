using ContentionSim.Reporting;
using System.Text;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>
/// <c>runs.csv</c> as a durable log. Each finished run is appended as one line with a single write
/// followed by a flush to disk (<see cref="FileStream.Flush(bool)"/>), so a run that was reported as
/// recorded survives a crash or a kill. A process killed in the middle of a write can leave at most a
/// torn last line without its line end; <see cref="Open"/> cuts it off when resuming, and the run it
/// belonged to is run again. Rows are appended in the order runs finish; each carries its run index.
/// </summary>
public sealed class SweepRunLog : IDisposable
{
    private readonly FileStream _stream;
    private readonly object _gate = new();
    private readonly int _factorCount;

    private SweepRunLog(string path, FileStream stream, int factorCount, IReadOnlyList<SweepRunRecord> recorded, int duplicates, long tornBytes)
    {
        Path = path;
        _stream = stream;
        _factorCount = factorCount;
        Recorded = recorded;
        Duplicates = duplicates;
        TornBytes = tornBytes;
    }

    public string Path { get; }

    /// <summary>Rows already in the file when it was opened (the first row of each run index).</summary>
    public IReadOnlyList<SweepRunRecord> Recorded { get; }

    /// <summary>Rows of a run index seen before, left out of <see cref="Recorded"/> (should be 0).</summary>
    public int Duplicates { get; }

    /// <summary>Bytes of a torn last line removed when the file was opened (0 if none).</summary>
    public long TornBytes { get; }

    /// <summary>Rows appended through this log.</summary>
    public int Appended { get; private set; }

    /// <summary>
    /// Opens (or creates, with its header) <paramref name="path"/> for appending. An existing file must
    /// have the header of <paramref name="factorKeys"/>; its torn last line, if any, is cut off.
    /// </summary>
    /// <exception cref="OutputException">The file cannot be created, read or written.</exception>
    /// <exception cref="SweepFolderException">The existing file is not a runs.csv of this sweep or is damaged.</exception>
    public static SweepRunLog Open(string path, IReadOnlyList<string> factorKeys)
    {
        ArgumentNullException.ThrowIfNull(factorKeys);
        string header = SweepRunsCsv.HeaderLine(factorKeys);
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length == 0)
                AtomicFile.WriteAllText(path, header);
            var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1, FileOptions.None);
            try
            {
                var (records, duplicates, torn) = ReadAndRepair(stream, path, header, factorKeys.Count);
                stream.Seek(0, SeekOrigin.End);
                return new SweepRunLog(path, stream, factorKeys.Count, records, duplicates, torn);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(path, e);
        }
    }

    /// <summary>Appends <paramref name="record"/> as one line, durably. Safe to call from several threads.</summary>
    /// <exception cref="OutputException">The line could not be written.</exception>
    public void Append(SweepRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Values.Count != _factorCount) throw new ArgumentException($"{record.Values.Count} values for {_factorCount} varied parameters", nameof(record));
        byte[] bytes = AtomicFile.Utf8.GetBytes(SweepRunsCsv.Line(record));
        lock (_gate)
        {
            try
            {
                _stream.Write(bytes, 0, bytes.Length);
                _stream.Flush(flushToDisk: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw OutputException.From(Path, e);
            }
            Appended++;
        }
    }

    public void Dispose()
    {
        lock (_gate) _stream.Dispose();
    }

    /// <summary>
    /// Reads every row of a runs.csv (for figures and summaries of a finished or interrupted sweep),
    /// ignoring a torn last line, without changing the file.
    /// </summary>
    /// <exception cref="SweepFolderException">The file is not a runs.csv or a row cannot be read.</exception>
    /// <exception cref="OutputException">The file cannot be read.</exception>
    public static (IReadOnlyList<string> FactorKeys, IReadOnlyList<SweepRunRecord> Records) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(path, e);
        }
        int headerEnd = text.IndexOf('\n');
        if (headerEnd < 0) throw new SweepFolderException(path, "has no complete header line");
        var keys = SweepRunsCsv.FactorKeys(SweepRunsCsv.SplitLine(text[..headerEnd].TrimEnd('\r')))
            ?? throw new SweepFolderException(path, "does not start with the header of a sweep's runs.csv");
        var (records, _) = ParseRows(text, headerEnd + 1, path, keys.Count);
        return (keys, records);
    }

    private static (IReadOnlyList<SweepRunRecord>, int, long) ReadAndRepair(FileStream stream, string path, string header, int factorCount)
    {
        var bytes = new byte[stream.Length];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        int lastNewline = Array.LastIndexOf(bytes, (byte)'\n');
        long torn = 0;
        if (lastNewline < bytes.Length - 1)
        {
            torn = bytes.Length - (lastNewline + 1);
            stream.SetLength(lastNewline + 1);
            stream.Flush(flushToDisk: true);
        }
        string text = AtomicFile.Utf8.GetString(bytes, 0, lastNewline + 1);
        if (text.Length == 0)
        {
            // Not even the header survived: write it again.
            var headerBytes = AtomicFile.Utf8.GetBytes(header);
            stream.SetLength(0);
            stream.Write(headerBytes);
            stream.Flush(flushToDisk: true);
            return ([], 0, torn);
        }
        int headerEnd = text.IndexOf('\n');
        if (headerEnd > 0 && text[headerEnd - 1] == '\r')
            throw new SweepFolderException(path,
                "has Windows line endings (CRLF): it was opened and saved by another program (a spreadsheet or an editor). " +
                $"A resume appends to it and must not mix line endings; convert it back first, e.g. with: sed -i 's/\\r$//' {SweepMerge.Quote(path)} (or dos2unix). " +
                "plot and merge read it as it is");
        if (!string.Equals(text[..(headerEnd + 1)], header, StringComparison.Ordinal))
            throw new SweepFolderException(path,
                $"has the columns '{text[..headerEnd]}', but this sweep writes '{header.TrimEnd('\n')}': it was written by another sweep");
        var (records, duplicates) = ParseRows(text, headerEnd + 1, path, factorCount);
        return (records, duplicates, torn);
    }

    private static (IReadOnlyList<SweepRunRecord>, int) ParseRows(string text, int start, string path, int factorCount)
    {
        var records = new List<SweepRunRecord>();
        var seen = new HashSet<long>();
        int duplicates = 0;
        int lineNumber = 1;
        int pos = start;
        while (pos < text.Length)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) break; // a torn last line: ignored
            lineNumber++;
            string line = text[pos..end].TrimEnd('\r');
            pos = end + 1;
            if (line.Length == 0) continue;
            SweepRunRecord record;
            try
            {
                record = SweepRunsCsv.Parse(line, factorCount);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new SweepFolderException(path, $"line {lineNumber} cannot be read ({Terminal.Safe(e.Message)}): it was edited or damaged. " +
                                                     "Remove that line (its run is run again on --resume), or run the sweep again into a new --out");
            }
            if (seen.Add(record.Run)) records.Add(record);
            else duplicates++;
        }
        return (records, duplicates);
    }
}

/// <summary>A sweep folder or one of its files is not what the command expects.</summary>
public sealed class SweepFolderException(string path, string problem)
    : Exception($"'{path}' {problem}")
{
    public string Path { get; } = path;
}
