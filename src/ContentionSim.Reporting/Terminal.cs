using System.Buffers;
using System.Text;

namespace ContentionSim.Reporting;

/// <summary>
/// Text from users (file names, scenario names, values quoted in messages) made safe to print on a terminal:
/// control characters — the escape sequences that retitle a terminal, change its colours or move the cursor,
/// and the bidirectional overrides that reorder what it shows — are written as visible <c>\xHH</c> / <c>\uHHHH</c>
/// escapes. Line feeds, tabs and carriage returns are kept.
/// </summary>
public static class Terminal
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Where(c => c is not ('\n' or '\t' or '\r')).Select(c => (char)c),
         .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u2028', '\u2029', '\u200E', '\u200F', .. Enumerable.Range(0x202A, 5).Select(c => (char)c), .. Enumerable.Range(0x2066, 4).Select(c => (char)c)]);

    /// <summary>Whether <paramref name="c"/> would be escaped by <see cref="Safe"/>.</summary>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary><paramref name="text"/> with every unsafe character written as a visible escape.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Unsafe) < 0) return text ?? "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text) Append(sb, c);
        return sb.ToString();
    }

    internal static void Append(StringBuilder sb, char c)
    {
        if (!Unsafe.Contains(c)) sb.Append(c);
        else if (c < 0x100) sb.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        else sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A writer that passes everything through <see cref="Safe"/> on its way to <paramref name="inner"/> (no buffering of its own).</summary>
    public static TextWriter SafeWriter(TextWriter inner) => inner is SafeTextWriter ? inner : new SafeTextWriter(inner);

    private sealed class SafeTextWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
    {
        public override Encoding Encoding => inner.Encoding;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => inner.NewLine; set => inner.NewLine = value; }

        public override void Write(char value)
        {
            if (!Unsafe.Contains(value)) inner.Write(value);
            else inner.Write(Safe(value.ToString()));
        }

        public override void Write(string? value) => inner.Write(Safe(value));

        public override void Write(char[] buffer, int index, int count) => inner.Write(Safe(new string(buffer, index, count)));

        public override void WriteLine(string? value) => inner.WriteLine(Safe(value));

        public override void Flush() => inner.Flush();
    }
}
