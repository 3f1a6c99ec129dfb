using System.Globalization;

namespace ContentionSim.Scenarios.Internal;

/// <summary>Reads plain YAML scalars as numbers (YAML 1.2 core schema, plus '_' digit separators).</summary>
internal static class Scalars
{
    public static bool TryNumber(string text, out double value)
    {
        value = 0;
        var t = Clean(text);
        if (t.Length == 0) return false;
        switch (t)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": value = double.PositiveInfinity; return true;
            case "-.inf" or "-.Inf" or "-.INF": value = double.NegativeInfinity; return true;
            case ".nan" or ".NaN" or ".NAN": value = double.NaN; return true;
        }
        if (TryRadix(t, out long radix)) { value = radix; return true; }
        // Only digits, sign, point and exponent: no "Infinity", "NaN" or thousands separators.
        foreach (char c in t)
            if (!(char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E')) return false;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An integer literal read exactly (no detour through double).</summary>
    public static bool TryLong(string text, out long value)
    {
        var t = Clean(text);
        return TryRadix(t, out value) || long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryULong(string text, out ulong value)
    {
        var t = Clean(text);
        if (t.StartsWith('+')) t = t[1..];
        if (TryRadix(t, out long radix) && radix >= 0) { value = (ulong)radix; return true; }
        return ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"30%" → 0.3, to suggest the fix.</summary>
    public static bool TryPercent(string text, out double share)
    {
        share = 0;
        var t = text.Trim();
        if (!t.EndsWith('%') || !TryNumber(t[..^1], out double percent) || !double.IsFinite(percent)) return false;
        share = percent / 100;
        return true;
    }

    /// <summary>
    /// "0,5" → "0.5" and "2,75" → "2.75": a decimal comma (one comma, not followed by exactly three digits, or after
    /// a lone zero), so the fix is not read as a thousands separator ("Write 5", ten times the intended value).
    /// </summary>
    public static bool TryDecimalComma(string text, out string point)
    {
        point = "";
        var t = text.Trim();
        int comma = t.IndexOf(',');
        if (comma <= 0 || comma != t.LastIndexOf(',') || comma == t.Length - 1) return false;
        string whole = t[..comma], fraction = t[(comma + 1)..];
        string digits = whole.TrimStart('-', '+');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)) return false;
        if (fraction.Length == 3 && digits.TrimStart('0').Length > 0) return false; // 1,000: a thousands separator
        point = whole + "." + fraction;
        return true;
    }

    /// <summary>"1,000" → 1000, to suggest the fix.</summary>
    public static bool TryThousands(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)
        && text.Contains(',');

    private static bool TryRadix(string t, out long value)
    {
        value = 0;
        try
        {
            if (t.StartsWith("0x", StringComparison.Ordinal) && t.Length > 2)
                return long.TryParse(t[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
            if (t.StartsWith("0o", StringComparison.Ordinal) && t.Length > 2 && t[2..].All(c => c is >= '0' and <= '7'))
            {
                value = Convert.ToInt64(t[2..], 8);
                return true;
            }
        }
        catch (OverflowException) { }
        return false;
    }

    /// <summary>Trims and drops '_' between digits (1_000_000).</summary>
    private static string Clean(string text)
    {
        var t = text.Trim();
        if (!t.Contains('_')) return t;
        var chars = new System.Text.StringBuilder(t.Length);
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] == '_' && i > 0 && i < t.Length - 1 && char.IsAsciiHexDigit(t[i - 1]) && char.IsAsciiHexDigit(t[i + 1])) continue;
            chars.Append(t[i]);
        }
        return chars.ToString();
    }
}
