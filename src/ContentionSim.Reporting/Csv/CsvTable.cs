using System.Globalization;
using System.Text;

namespace ContentionSim.Reporting.Csv;

/// <summary>
/// A CSV file read back: a header and rows of fields (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks). Columns are found by name, so tables that gain columns still
/// read. Used to build reports from a finished run folder without rerunning it.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private readonly Dictionary<string[], int> _lines = new(ReferenceEqualityComparer.Instance);

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, IReadOnlyList<int>? lines = null)
    {
        Header = header;
        Rows = rows;
        if (lines is not null)
            for (int r = 0; r < rows.Count; r++) _lines[rows[r]] = lines[r];
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++) _columns.TryAdd(header[i], i);
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows (the header excluded); each has as many fields as the header.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The field of <paramref name="row"/> in <paramref name="column"/>, or "" if the table has no such column.</summary>
    public string Get(string[] row, string column) =>
        _columns.TryGetValue(column, out int i) && i < row.Length ? row[i] : "";

    /// <summary>The file the table was read from (empty for parsed text).</summary>
    public string Path { get; private init; } = "";

    /// <summary>An integer; <paramref name="fallback"/> for an empty field or a missing column.</summary>
    /// <exception cref="FormatException">The field holds something else than a whole number; the message names the file, line and column.</exception>
    public int IntOf(string[] row, string column, int fallback = 0) => IntOrNull(row, column) ?? fallback;

    /// <summary>An integer, or null for an empty field.</summary>
    /// <exception cref="FormatException">The field holds something else than a whole number.</exception>
    public int? IntOrNull(string[] row, string column)
    {
        string text = Get(row, column);
        if (text.Length == 0) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw NotANumber(row, column, text, "a whole number");
    }

    /// <summary>A finite number; <paramref name="fallback"/> for an empty field (the documented "no value") or a missing column.</summary>
    /// <exception cref="FormatException">The field holds text, NaN or an infinity.</exception>
    public double NumberOf(string[] row, string column, double fallback = 0)
    {
        string text = Get(row, column);
        if (text.Length == 0) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v : throw NotANumber(row, column, text, "a finite number");
    }

    private FormatException NotANumber(string[] row, string column, string text, string expected)
    {
        string where = _lines.TryGetValue(row, out int line) ? $"line {line}, " : "";
        string shown = text.Length > 40 ? text[..40] + "…" : text;
        return new FormatException($"{(Path.Length > 0 ? Path + ": " : "")}{where}column '{column}': '{Terminal.Safe(shown)}' is not {expected}");
    }

    /// <summary>
    /// Reads <paramref name="path"/> and checks it against the table it should be: the header exactly
    /// <paramref name="columns"/> (names, order and count), every row with as many fields, and the last line
    /// ended (a file cut short by a crash or a full disk ends inside a row).
    /// </summary>
    /// <exception cref="FormatException">The file is not that table; the message says how it differs.</exception>
    public static CsvTable Read(string path, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"{path}: the file is not UTF-8 text", e);
        }
        if (text.Length > 0 && text[^1] != '\n')
        {
            int lines = text.Count(c => c == '\n');
            throw new FormatException($"{path}: the last line (line {lines + 1}) is incomplete: the file was cut off inside a row");
        }
        CsvTable table;
        try
        {
            table = Parse(text, strict: true);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
        if (!table.Header.SequenceEqual(columns))
        {
            var missing = columns.Except(table.Header).ToList();
            var unknown = table.Header.Except(columns).ToList();
            string how = missing.Count > 0 || unknown.Count > 0
                ? string.Join("; ", new[]
                {
                    missing.Count > 0 ? $"missing column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Take(5).Select(c => $"'{Terminal.Safe(c)}'"))}" : null,
                    unknown.Count > 0 ? $"unknown column{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Take(5).Select(c => $"'{Terminal.Safe(c)}'"))}" : null,
                }.OfType<string>())
                : "the columns are in another order";
            throw new FormatException($"{path}: the header is not that of a ContentionSim {System.IO.Path.GetFileName(path)} ({how}; expected {columns.Count} columns)");
        }
        return new CsvTable(table.Header, table.Rows, table._lines.Count > 0 ? table.Rows.Select(r => table._lines[r]).ToList() : null) { Path = path };
    }

    /// <summary>Reads <paramref name="path"/> (UTF-8).</summary>
    /// <exception cref="FormatException">The file is not valid CSV; the message names the file and line.</exception>
    public static CsvTable Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses CSV text whose first row is the header. Rows shorter than the header are padded with empty fields.</summary>
    /// <exception cref="FormatException">Unterminated quotes, text after a closing quote, or a row longer than the header.</exception>
    public static CsvTable Parse(string text) => Parse(text, strict: false);

    private static CsvTable Parse(string text, bool strict)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lineNumbers = new List<int>();
        var rows = Records(text, lineNumbers);
        if (rows.Count == 0) throw new FormatException("the file is empty (no header row)");
        var header = rows[0];
        var data = new List<string[]>(rows.Count - 1);
        var dataLines = new List<int>(rows.Count - 1);
        for (int r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length == 1 && row[0].Length == 0) continue; // blank line
            if (row.Length > header.Length || (strict && row.Length < header.Length))
                throw new FormatException($"line {lineNumbers[r]} has {row.Length} fields; the header has {header.Length}");
            if (row.Length < header.Length)
            {
                var padded = new string[header.Length];
                Array.Copy(row, padded, row.Length);
                for (int i = row.Length; i < padded.Length; i++) padded[i] = "";
                row = padded;
            }
            data.Add(row);
            dataLines.Add(lineNumbers[r]);
        }
        return new CsvTable(header, data, dataLines);
    }

    private static List<string[]> Records(string text, List<int> starts)
    {
        int rowStart = 1;
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        int i = 0, line = 1;
        bool pending = false; // a row has started
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"' && field.Length == 0)
            {
                int startLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException($"line {startLine}: a quoted field is never closed");
                    char q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (q == '\n') line++;
                    field.Append(q);
                    i++;
                }
                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                    throw new FormatException($"line {line}: text after a closing quote");
                pending = true;
                continue;
            }
            switch (c)
            {
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    pending = true;
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '\n' or '\r':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row.ToArray());
                    starts.Add(rowStart);
                    row.Clear();
                    pending = false;
                    line++;
                    rowStart = line;
                    i++;
                    break;
                default:
                    field.Append(c);
                    pending = true;
                    i++;
                    break;
            }
        }
        if (pending || field.Length > 0)
        {
            row.Add(field.ToString());
            rows.Add(row.ToArray());
            starts.Add(rowStart);
        }
        return rows;
    }
}
