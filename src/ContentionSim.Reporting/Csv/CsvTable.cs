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

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Header = header;
        Rows = rows;
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

    public int Int(string[] row, string column, int fallback = 0) =>
        int.TryParse(Get(row, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;

    /// <summary>An integer, or null for an empty field.</summary>
    public int? IntOrNull(string[] row, string column) =>
        int.TryParse(Get(row, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null;

    public double Double(string[] row, string column, double fallback = 0) =>
        double.TryParse(Get(row, column), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : fallback;

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
    public static CsvTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = Records(text);
        if (rows.Count == 0) throw new FormatException("the file is empty (no header row)");
        var header = rows[0];
        var data = new List<string[]>(rows.Count - 1);
        for (int r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length == 1 && row[0].Length == 0) continue; // blank line
            if (row.Length > header.Length)
                throw new FormatException($"row {r + 1} has {row.Length} fields; the header has {header.Length}");
            if (row.Length < header.Length)
            {
                var padded = new string[header.Length];
                Array.Copy(row, padded, row.Length);
                for (int i = row.Length; i < padded.Length; i++) padded[i] = "";
                row = padded;
            }
            data.Add(row);
        }
        return new CsvTable(header, data);
    }

    private static List<string[]> Records(string text)
    {
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
                    row.Clear();
                    pending = false;
                    line++;
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
        }
        return rows;
    }
}
