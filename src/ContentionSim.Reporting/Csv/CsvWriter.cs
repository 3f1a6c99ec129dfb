using System.Globalization;

namespace ContentionSim.Reporting.Csv;

/// <summary>
/// Writes RFC 4180 CSV: fields with a comma, a double quote, CR or LF are quoted and inner quotes
/// doubled; rows end with <c>\n</c>; numbers use the invariant culture whatever the current culture is.
/// Every row must have as many fields as the header.
/// </summary>
public sealed class CsvWriter
{
    private readonly TextWriter _out;
    private int _columns = -1;
    private int _field;

    public CsvWriter(TextWriter output) => _out = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>Rows written so far, not counting the header.</summary>
    public int Rows { get; private set; }

    /// <summary>Writes the header row, which fixes the number of fields per row.</summary>
    public void Header(IReadOnlyList<string> names)
    {
        if (_columns >= 0) throw new InvalidOperationException("The header has already been written.");
        if (names.Count == 0) throw new ArgumentException("A header needs at least one column.", nameof(names));
        _columns = names.Count;
        foreach (var name in names) Append(name);
        EndLine();
    }

    public CsvWriter Field(string? value) { Append(value ?? ""); return this; }
    public CsvWriter Field(int value) { Append(value.ToString(CultureInfo.InvariantCulture)); return this; }
    public CsvWriter Field(long value) { Append(value.ToString(CultureInfo.InvariantCulture)); return this; }
    public CsvWriter Field(ulong value) { Append(value.ToString(CultureInfo.InvariantCulture)); return this; }
    /// <summary>An integer, or an empty field for null.</summary>
    public CsvWriter Field(int? value) { Append(value?.ToString(CultureInfo.InvariantCulture) ?? ""); return this; }
    /// <summary>A number with at most six decimals (see <see cref="FormatNumber"/>).</summary>
    public CsvWriter Field(double value) { Append(FormatNumber(value)); return this; }
    /// <summary><c>true</c> or <c>false</c>.</summary>
    public CsvWriter Field(bool value) { Append(value ? "true" : "false"); return this; }

    /// <summary>Ends the current row; throws if it does not have as many fields as the header.</summary>
    public void EndRow()
    {
        if (_columns < 0) throw new InvalidOperationException("Write the header before the rows.");
        if (_field != _columns)
            throw new InvalidOperationException($"Row {Rows + 1} has {_field} fields; the header has {_columns}.");
        EndLine();
        Rows++;
    }

    /// <summary>
    /// A double in fixed notation with at most six decimals and a dot (<c>0.######</c>, invariant):
    /// deterministic and culture-free. Negative zero and values that round to zero are written as
    /// <c>0</c>; NaN and infinities as an empty field (missing).
    /// </summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value)) return "";
        string s = value.ToString("0.######", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>Quotes <paramref name="value"/> if it holds a comma, a double quote, CR or LF.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private void Append(string value)
    {
        if (_columns >= 0 && _field >= _columns)
            throw new InvalidOperationException($"Row {Rows + 1} has more fields than the header's {_columns}.");
        if (_field > 0) _out.Write(',');
        _out.Write(Escape(value));
        _field++;
    }

    private void EndLine()
    {
        _out.Write('\n');
        _field = 0;
    }
}
