using System.Text;
using CsCheck;

namespace ContentionSim.Tests.Shared;

/// <summary>
/// Damage done to one file of an output folder, for the property-based fuzzers of the folder readers (issue 17):
/// what a crash, a full disk, a spreadsheet, a careless edit or another tool can do to a file.
/// </summary>
internal sealed record FolderMutation(int File, int Kind, double Position, string Token)
{
    public const int Kinds = 12;

    /// <summary>Tokens put into files: numbers a run never writes, text where numbers go, quotes, separators, controls, Unicode.</summary>
    public static readonly string[] Tokens =
    [
        "NaN", "1e308", "-1", "\"12\"", "\"", ",", ",,,", "\r\n", "\n", "\u001b]0;x\u0007", "\0", "null", "true", "{}", "[]",
        "99999999999999999999", "0,5", "é", "\uFFFD", "ongoing", "failed", "fizzle;negotiated", "run", "\"a,b\"",
    ];

    public static Gen<FolderMutation> Gen(int files) =>
        from file in CsCheck.Gen.Int[0, files - 1]
        from kind in CsCheck.Gen.Int[0, Kinds - 1]
        from position in CsCheck.Gen.Double[0, 1]
        from tokenIndex in CsCheck.Gen.Int[0, Tokens.Length - 1]
        select new FolderMutation(file, kind, position, Tokens[tokenIndex]);

    /// <summary>1 to 4 mutations.</summary>
    public static Gen<FolderMutation[]> Many(int files) => Gen(files).Array[1, 4];

    /// <summary>Applies the mutation to <paramref name="path"/>.</summary>
    public void Apply(string path)
    {
        if (!System.IO.File.Exists(path)) return;
        byte[] bytes = System.IO.File.ReadAllBytes(path);
        int at = (int)(Position * bytes.Length);
        string text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        int line = Math.Clamp((int)(Position * lines.Count), 0, Math.Max(0, lines.Count - 1));
        byte[] result = Kind switch
        {
            0 => bytes[..at],                                                                           // cut short (a crash, a full disk)
            1 => Join(lines.Where((_, i) => i != line)),                                                // a line deleted
            2 => Join(lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1))),          // a line doubled
            3 => [.. bytes[..at], .. Encoding.UTF8.GetBytes(Token), .. bytes[at..]],                    // text inserted
            4 => Flip(bytes, at),                                                                        // a byte changed
            5 => Join(lines.Select((l, i) => i == line ? ReplaceField(l, Token) : l)),                  // a field replaced
            6 => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")),                                    // saved with CRLF
            7 => [],                                                                                     // emptied
            8 => Join(lines.Select((l, i) => i == line ? l + "," + Token : l)),                         // a field too many
            9 => Join(lines.Select((l, i) => i == line && l.Contains(',') ? l[..l.LastIndexOf(',')] : l)), // a field too few
            10 => Join(lines.Select((l, i) => i == line ? l.Replace(":", ": \"", StringComparison.Ordinal) : l)), // a quote opened
            _ => Join(lines.Take(line).Concat(lines.Skip(line).Reverse())),                             // lines reordered
        };
        System.IO.File.WriteAllBytes(path, result);
    }

    private static byte[] Join(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));

    private static byte[] Flip(byte[] bytes, int at)
    {
        if (bytes.Length == 0) return bytes;
        var copy = (byte[])bytes.Clone();
        copy[Math.Min(at, copy.Length - 1)] ^= 0x5A;
        return copy;
    }

    private static string ReplaceField(string line, string token)
    {
        var fields = line.Split(',');
        fields[fields.Length / 2] = token;
        return string.Join(',', fields);
    }

    /// <summary>The fixed seed of the CI run, or CONTENTIONSIM_FUZZ_SEED (a CsCheck seed, printed on failure).</summary>
    public static string Seed => Environment.GetEnvironmentVariable("CONTENTIONSIM_FUZZ_SEED") is { Length: > 0 } s ? s : "0000000000J1";

    /// <summary>Cases per property: <paramref name="ci"/>, or CONTENTIONSIM_FUZZ_CASES for a longer run.</summary>
    public static long Cases(long ci) =>
        long.TryParse(Environment.GetEnvironmentVariable("CONTENTIONSIM_FUZZ_CASES"), out long n) && n > 0 ? n : ci;

    public override string ToString() => $"{Names[Kind]} in file {File} at {Position:0.###} ({Token.Replace("\u001b", "\\e").Replace("\0", "\\0").Replace("\r", "\\r").Replace("\n", "\\n")})";

    private static readonly string[] Names =
        ["cut", "delete line", "double line", "insert", "flip byte", "replace field", "CRLF", "empty", "extra field", "missing field", "open quote", "reorder"];
}
