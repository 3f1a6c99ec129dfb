using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Reporting;
using Parquet;
using Parquet.Schema;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>The type of a column in a Parquet file.</summary>
public enum ParquetKind
{
    /// <summary>A whole number (int64), empty cells null.</summary>
    Whole,
    /// <summary>An unsigned 64-bit number (a seed).</summary>
    Seed,
    /// <summary>A real number (double), empty cells null.</summary>
    Number,
    /// <summary>Text (UTF-8).</summary>
    Text,
}

/// <summary>
/// Parquet copies of the tables a sweep or a calibration writes as CSV (<c>--format parquet</c>), readable by pandas,
/// R's arrow and DuckDB. The CSV stays the record; the Parquet file is written from it, in one row group, with each
/// column typed: a sweep's metrics by the metrics catalog (<see cref="SweepMetrics"/>: whole-number metrics int64, the
/// others double), run, point, replication, ticks_run and elapsed_ms int64, the seed uint64, outcomes and errors text,
/// and any other column double when every cell is a number, else text.
/// </summary>
public static class ParquetTables
{
    /// <summary>The type of a column of a sweep's runs.csv (or a calibration's particles.csv) named <paramref name="name"/>, with its cells.</summary>
    public static ParquetKind KindOf(string name, IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (name is "run" or "point" or "replication" or "ticks_run" or "elapsed_ms" or "generation") return ParquetKind.Whole;
        if (name == "seed") return ParquetKind.Seed;
        if (name is "status" or "outcomes" or "last_outcome" or "error") return ParquetKind.Text;
        if (SweepMetrics.Find(name) is { } metric) return metric.Whole ? ParquetKind.Whole : ParquetKind.Number;
        return cells.All(c => c.Length == 0 || double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? ParquetKind.Number : ParquetKind.Text;
    }

    /// <summary>Writes <paramref name="csvPath"/> as Parquet to <paramref name="parquetPath"/> (atomically); returns the path.</summary>
    public static string WriteFromCsv(string csvPath, string parquetPath)
    {
        var lines = File.ReadAllLines(csvPath);
        if (lines.Length == 0) throw new InvalidDataException($"'{csvPath}' is empty");
        var header = SweepRunsCsv.SplitLine(lines[0]);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(SweepRunsCsv.SplitLine).ToArray();
        var fields = new List<DataField>();
        var columns = new List<(DataField Field, ParquetKind Kind, string[] Cells)>();
        for (int c = 0; c < header.Count; c++)
        {
            var cells = rows.Select(r => c < r.Count ? r[c] : "").ToArray();
            var kind = KindOf(header[c], cells);
            DataField field = kind switch
            {
                ParquetKind.Whole => new DataField<long?>(header[c]),
                ParquetKind.Seed => new DataField<ulong>(header[c]),
                ParquetKind.Number => new DataField<double?>(header[c]),
                _ => new DataField<string>(header[c]),
            };
            fields.Add(field);
            columns.Add((field, kind, cells));
        }
        using var buffer = new MemoryStream();
        Write(buffer, new ParquetSchema(fields), columns).GetAwaiter().GetResult();
        AtomicFile.WriteAllBytes(parquetPath, buffer.ToArray());
        return parquetPath;
    }

    private static async Task Write(Stream stream, ParquetSchema schema, List<(DataField Field, ParquetKind Kind, string[] Cells)> columns)
    {
        var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        await using var writerScope = writer.ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        foreach (var (field, kind, cells) in columns)
        {
            switch (kind)
            {
                case ParquetKind.Whole:
                    await group.WriteAsync<long>(field, cells.Select(c => c.Length == 0 ? (long?)null : long.Parse(c, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray()).ConfigureAwait(false);
                    break;
                case ParquetKind.Seed:
                    await group.WriteAsync<ulong>(field, cells.Select(c => ulong.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray()).ConfigureAwait(false);
                    break;
                case ParquetKind.Number:
                    await group.WriteAsync<double>(field, cells.Select(c => c.Length == 0 ? (double?)null : double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync(field, cells).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>A Parquet file read back: its column names and types, and each column's values as objects (null for a null cell).</summary>
    public static (IReadOnlyList<(string Name, Type Type)> Columns, IReadOnlyList<object?[]> Values) Read(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadAsync(stream).GetAwaiter().GetResult();
    }

    private static async Task<(IReadOnlyList<(string Name, Type Type)>, IReadOnlyList<object?[]>)> ReadAsync(Stream stream)
    {
        var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var values = new List<object?[]>();
        using var group = reader.OpenRowGroupReader(0);
        int n = checked((int)group.RowCount);
        foreach (var f in fields)
        {
            object?[] column;
            if (f.ClrType == typeof(long))
            {
                var b = new long?[n];
                await group.ReadAsync<long>(f, b).ConfigureAwait(false);
                column = [.. b.Select(v => (object?)v)];
            }
            else if (f.ClrType == typeof(ulong))
            {
                var b = new ulong[n];
                await group.ReadAsync<ulong>(f, b).ConfigureAwait(false);
                column = [.. b.Select(v => (object?)v)];
            }
            else if (f.ClrType == typeof(double))
            {
                var b = new double?[n];
                await group.ReadAsync<double>(f, b).ConfigureAwait(false);
                column = [.. b.Select(v => (object?)v)];
            }
            else
            {
                var b = new string[n];
                await group.ReadAsync(f, b).ConfigureAwait(false);
                column = [.. b];
            }
            values.Add(column);
        }
        return ([.. fields.Select(f => (f.Name, f.ClrType == typeof(long) || f.ClrType == typeof(ulong) || f.ClrType == typeof(double) ? f.ClrType : typeof(string)))], values);
    }
}
