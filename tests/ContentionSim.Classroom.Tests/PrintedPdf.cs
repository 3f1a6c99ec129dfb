using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentionSim.Classroom.Tests;

/// <summary>
/// What a page printed by Chromium (Playwright's <c>PdfAsync</c>) looks like, read from the PDF itself: how far down
/// each sheet the ink goes (from the drawing operators of its content stream: paths that are painted in a colour
/// other than white, text and images), and, from the tagged structure Chromium writes, on which sheet each heading
/// and the content after it fall. Enough of PDF for Chromium's output (uncompressed objects, Flate content streams),
/// not a general reader.
/// </summary>
internal sealed partial class PrintedPdf
{
    private readonly string _text; // the file as Latin-1: one char per byte, so offsets are byte offsets
    private readonly byte[] _bytes;
    private readonly Dictionary<int, string> _objects = [];
    private readonly Dictionary<int, int> _streamStart = [];

    /// <summary>One sheet: its size and the extent of what is drawn on it (PDF units, y up from the bottom).</summary>
    public sealed record Sheet(double Width, double Height, double InkTop, double InkBottom)
    {
        public bool Blank => InkTop < InkBottom;
        /// <summary>The extent of each marked-content item (by its MCID, which the tagged structure refers to).</summary>
        internal Dictionary<int, (double Top, double Bottom)> Marks { get; init; } = [];
        /// <summary>The baselines of its lines of text.</summary>
        internal SortedSet<double> Baselines { get; init; } = [];
        /// <summary>The tops of its images.</summary>
        internal List<double> ImageTops { get; init; } = [];
    }

    /// <summary>
    /// A heading (h1–h6), the sheet it is printed on, the sheet of the first content after it (null at the end), and
    /// how many lines of text follow it on its sheet (an image below it counts as <see cref="ImageLines"/>): 0 when it is last there.
    /// </summary>
    public sealed record Heading(string Level, int Sheet, int? NextContentSheet, int LinesBelow);

    public const int ImageLines = 10;

    public IReadOnlyList<Sheet> Sheets { get; }
    public IReadOnlyList<Heading> Headings { get; }

    public PrintedPdf(byte[] pdf)
    {
        _bytes = pdf;
        _text = Encoding.Latin1.GetString(pdf);
        int at = 0;
        while (ObjectStart().Match(_text, at) is { Success: true } m)
        {
            int num = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int body = m.Index + m.Length;
            while (body < _text.Length && char.IsWhiteSpace(_text[body])) body++;
            int end = string.CompareOrdinal(_text, body, "<<", 0, 2) == 0 ? Balanced(_text, body) : _text.IndexOf("endobj", body, StringComparison.Ordinal);
            if (end < 0) break;
            _objects[num] = _text[body..end];
            at = end;
            var stream = StreamStart().Match(_text, end);
            if (stream.Success && stream.Index == end)
            {
                _streamStart[num] = stream.Index + stream.Length;
                var len = Regex.Match(_objects[num], @"/Length\s+(\d+)(\s+0 R)?");
                at = len.Success && !len.Groups[2].Success
                    ? _streamStart[num] + int.Parse(len.Groups[1].Value, CultureInfo.InvariantCulture)
                    : _text.IndexOf("endstream", _streamStart[num], StringComparison.Ordinal);
            }
        }
        var catalog = _objects.Values.First(o => o.Contains("/Type /Catalog", StringComparison.Ordinal));
        var pages = Ref(catalog, "Pages") ?? throw new InvalidDataException("no /Pages in the catalog");
        var pageIds = new List<int>();
        CollectPages(pages, pageIds);
        Sheets = pageIds.Select(ReadSheet).ToList();
        Headings = ReadHeadings(catalog, pageIds);
    }

    [GeneratedRegex(@"(\d+) 0 obj\b")]
    private static partial Regex ObjectStart();

    [GeneratedRegex(@"\s*stream\r?\n")]
    private static partial Regex StreamStart();

    /// <summary>The index just past the dictionary that opens at <paramref name="start"/> (nested dictionaries counted).</summary>
    private static int Balanced(string s, int start)
    {
        int depth = 0;
        for (int i = start; i < s.Length - 1; i++)
        {
            if (s[i] == '<' && s[i + 1] == '<') { depth++; i++; }
            else if (s[i] == '>' && s[i + 1] == '>') { depth--; i++; if (depth == 0) return i + 1; }
        }
        return -1;
    }

    private void CollectPages(int id, List<int> into)
    {
        string o = _objects[id];
        if (o.Contains("/Type /Pages", StringComparison.Ordinal))
        {
            var kids = Regex.Match(o, @"/Kids\s*\[([^\]]*)\]").Groups[1].Value;
            foreach (Match k in Regex.Matches(kids, @"(\d+) 0 R")) CollectPages(int.Parse(k.Groups[1].Value, CultureInfo.InvariantCulture), into);
        }
        else into.Add(id);
    }

    private static int? Ref(string dict, string key)
    {
        var m = Regex.Match(dict, $@"/{key}\s+(\d+) 0 R");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static double[] Numbers(string s) =>
        Regex.Matches(s, @"-?\d*\.?\d+").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();

    private byte[] Stream(int id)
    {
        string dict = _objects[id];
        var len = Regex.Match(dict, @"/Length\s+(\d+)(\s+0 R)?");
        int length = int.Parse(len.Groups[1].Value, CultureInfo.InvariantCulture);
        if (len.Groups[2].Success) length = (int)Numbers(_objects[length])[0];
        var raw = _bytes.AsSpan(_streamStart[id], length).ToArray();
        if (!dict.Contains("/FlateDecode", StringComparison.Ordinal)) return raw;
        using var z = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var output = new MemoryStream();
        z.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A dictionary given in place or by reference.</summary>
    private string Dict(string owner, string key)
    {
        var m = Regex.Match(owner, $@"/{key}\s*(\d+) 0 R");
        if (m.Success) return _objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
        int at = owner.IndexOf($"/{key}", StringComparison.Ordinal);
        if (at < 0) return "";
        int start = owner.IndexOf("<<", at, StringComparison.Ordinal);
        if (start < 0) return "";
        int end = Balanced(owner, start);
        if (end > 0) return owner[start..end];
        return owner[start..];
    }

    private Sheet ReadSheet(int pageId)
    {
        string page = _objects[pageId];
        var box = Numbers(Regex.Match(page, @"/MediaBox\s*\[([^\]]*)\]").Groups[1].Value);
        var xobjects = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(Dict(Dict(page, "Resources"), "XObject"), @"/([^\s/]+)\s+(\d+) 0 R"))
            xobjects[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var contents = Regex.Match(page, @"/Contents\s*(\[[^\]]*\]|\d+ 0 R)").Groups[1].Value;
        var ink = new Ink();
        foreach (Match c in Regex.Matches(contents, @"(\d+) 0 R"))
            Draw(Encoding.Latin1.GetString(Stream(int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture))), Matrix.Identity, xobjects, ink, 0);
        return new Sheet(box[2] - box[0], box[3] - box[1], ink.Top, ink.Bottom) { Marks = ink.Marks, Baselines = ink.Baselines, ImageTops = ink.ImageTops };
    }

    private sealed class Ink
    {
        public double Top = double.NegativeInfinity, Bottom = double.PositiveInfinity;
        public readonly Dictionary<int, (double Top, double Bottom)> Marks = [];
        public readonly Stack<int> Mcid = new();
        public readonly SortedSet<double> Baselines = [];
        public readonly List<double> ImageTops = [];
        public void Add(Matrix m, double x, double y)
        {
            var (_, py) = m.Apply(x, y);
            Top = Math.Max(Top, py);
            Bottom = Math.Min(Bottom, py);
            foreach (int id in Mcid.Where(id => id >= 0))
                Marks[id] = Marks.TryGetValue(id, out var e) ? (Math.Max(e.Top, py), Math.Min(e.Bottom, py)) : (py, py);
        }
    }

    private readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
    {
        public static Matrix Identity => new(1, 0, 0, 1, 0, 0);
        public (double X, double Y) Apply(double x, double y) => (A * x + C * y + E, B * x + D * y + F);
        /// <summary>This transform, then <paramref name="then"/>.</summary>
        public Matrix Then(Matrix then) => new(
            A * then.A + B * then.C, A * then.B + B * then.D,
            C * then.A + D * then.C, C * then.B + D * then.D,
            E * then.A + F * then.C + then.E, E * then.B + F * then.D + then.F);
        public static Matrix Of(List<double> n) => new(n[^6], n[^5], n[^4], n[^3], n[^2], n[^1]);
    }

    /// <summary>Interprets a content stream just enough to know where it puts ink.</summary>
    private void Draw(string content, Matrix start, Dictionary<string, int> xobjects, Ink ink, int depth)
    {
        var ctm = start;
        var saved = new Stack<Matrix>();
        var path = new List<(double X, double Y)>();
        var operands = new List<double>();
        string? name = null;
        bool whiteFill = false;
        var tm = Matrix.Identity;
        var tlm = Matrix.Identity;
        double fontSize = 0;
        int? mcid = null;
        bool afterMcid = false;
        int i = 0;
        while (i < content.Length)
        {
            char ch = content[i];
            if (char.IsWhiteSpace(ch)) { i++; continue; }
            if (ch == '%') { while (i < content.Length && content[i] != '\n') i++; continue; }
            if (ch == '(')
            {
                int nest = 0;
                for (; i < content.Length; i++)
                {
                    if (content[i] == '\\') { i++; continue; }
                    if (content[i] == '(') nest++;
                    else if (content[i] == ')' && --nest == 0) { i++; break; }
                }
                continue;
            }
            if (i + 1 < content.Length && ((ch == '<' && content[i + 1] == '<') || (ch == '>' && content[i + 1] == '>'))) { i += 2; continue; }
            if (ch == '<') { i = content.IndexOf('>', i) + 1; continue; }
            if (ch is '<' or '>' or '[' or ']' or '{' or '}') { i++; continue; }
            int j = i + 1;
            while (j < content.Length && !char.IsWhiteSpace(content[j]) && "()<>[]{}/%".IndexOf(content[j]) < 0) j++;
            string token = content[i..j];
            i = j;
            if (token[0] == '/') { afterMcid = token == "/MCID"; name = token[1..]; continue; }
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                if (afterMcid) mcid = (int)number;
                afterMcid = false;
                operands.Add(number);
                continue;
            }
            switch (token)
            {
                case "q": saved.Push(ctm); break;
                case "BDC": ink.Mcid.Push(mcid ?? -1); break;
                case "BMC": ink.Mcid.Push(-1); break;
                case "EMC": if (ink.Mcid.Count > 0) ink.Mcid.Pop(); break;
                case "Q": if (saved.Count > 0) ctm = saved.Pop(); break;
                case "cm" when operands.Count >= 6: ctm = Matrix.Of(operands).Then(ctm); break;
                case "re" when operands.Count >= 4:
                {
                    double x = operands[^4], y = operands[^3], w = operands[^2], h = operands[^1];
                    path.AddRange([(x, y), (x + w, y), (x, y + h), (x + w, y + h)]);
                    break;
                }
                case "m" or "l" or "c" or "v" or "y":
                    for (int k = 0; k + 1 < operands.Count; k += 2) path.Add((operands[k], operands[k + 1]));
                    break;
                case "n": path.Clear(); break;
                case "f" or "F" or "f*":
                    if (!whiteFill) foreach (var (x, y) in path) ink.Add(ctm, x, y);
                    path.Clear();
                    break;
                case "S" or "s" or "B" or "B*" or "b" or "b*":
                    foreach (var (x, y) in path) ink.Add(ctm, x, y);
                    path.Clear();
                    break;
                case "rg" when operands.Count >= 3: whiteFill = operands[^3] > 0.99 && operands[^2] > 0.99 && operands[^1] > 0.99; break;
                case "g" when operands.Count >= 1: whiteFill = operands[^1] > 0.99; break;
                case "k" when operands.Count >= 4: whiteFill = operands[^4] < 0.01 && operands[^3] < 0.01 && operands[^2] < 0.01 && operands[^1] < 0.01; break;
                case "BT": tm = tlm = Matrix.Identity; break;
                case "Tf" when operands.Count >= 1: fontSize = operands[^1]; break;
                case "Tm" when operands.Count >= 6: tm = tlm = Matrix.Of(operands); break;
                case "Td" or "TD" when operands.Count >= 2: tm = tlm = new Matrix(1, 0, 0, 1, operands[^2], operands[^1]).Then(tlm); break;
                case "Tj" or "TJ" or "'" or "\"":
                {
                    var text = tm.Then(ctm);
                    ink.Add(text, 0, 0);
                    ink.Baselines.Add(Math.Round(text.Apply(0, 0).Y * 2) / 2);
                    ink.Add(text, 0, 0.7 * fontSize);
                    break;
                }
                case "Do" when name is not null && xobjects.TryGetValue(name, out int id) && depth < 4:
                {
                    string x = _objects[id];
                    if (x.Contains("/Subtype /Image", StringComparison.Ordinal))
                    {
                        foreach (var (px, py) in new[] { (0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0) }) ink.Add(ctm, px, py);
                        ink.ImageTops.Add(Math.Max(ctm.Apply(0, 0).Y, ctm.Apply(0, 1).Y));
                    }
                    else if (x.Contains("/Subtype /Form", StringComparison.Ordinal))
                    {
                        var matrix = Regex.Match(x, @"/Matrix\s*\[([^\]]*)\]") is { Success: true } mm ? Matrix.Of([.. Numbers(mm.Groups[1].Value)]) : Matrix.Identity;
                        var inner = new Dictionary<string, int>(StringComparer.Ordinal);
                        foreach (Match m in Regex.Matches(Dict(Dict(x, "Resources"), "XObject"), @"/([^\s/]+)\s+(\d+) 0 R"))
                            inner[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                        Draw(Encoding.Latin1.GetString(Stream(id)), matrix.Then(ctm), inner, ink, depth + 1);
                    }
                    break;
                }
            }
            operands.Clear();
            name = null;
            mcid = null;
        }
    }

    /// <summary>The headings of the tagged structure in reading order, each with its sheet and the sheet of the content that follows it.</summary>
    private List<Heading> ReadHeadings(string catalog, List<int> pageIds)
    {
        var leaves = new List<(int Sheet, int? Heading, string Level, int Mcid)>();
        if (Ref(catalog, "StructTreeRoot") is not int root) return [];
        var sheetOf = pageIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => p.k);
        int headingsSeen = 0;
        Walk(_objects[root], null, null, "", 0);

        void Walk(string elem, int? page, int? heading, string level, int depth)
        {
            if (depth > 200) return;
            if (Ref(elem, "Pg") is int pg) page = pg;
            var s = Regex.Match(elem, @"/S\s*/(\w+)");
            if (s.Success && Regex.IsMatch(s.Groups[1].Value, "^H[1-6]$") && heading is null)
            {
                heading = ++headingsSeen;
                level = s.Groups[1].Value;
            }
            var k = Regex.Match(elem, @"/K\s*(\[[^\]]*\]|\d+ 0 R|\d+)");
            if (!k.Success) return;
            foreach (Match item in Regex.Matches(k.Groups[1].Value, @"(\d+)( 0 R)?"))
            {
                int n = int.Parse(item.Groups[1].Value, CultureInfo.InvariantCulture);
                if (item.Groups[2].Success) { if (_objects.TryGetValue(n, out var child)) Walk(child, page, heading, level, depth + 1); }
                else if (page is int p && sheetOf.TryGetValue(p, out int sheet)) leaves.Add((sheet, heading, level, n));
            }
        }

        var headings = new List<Heading>();
        for (int a = 0; a < leaves.Count; a++)
        {
            if (leaves[a].Heading is not int h) continue;
            int b = a;
            while (b + 1 < leaves.Count && leaves[b + 1].Heading == h) b++;
            int? next = b + 1 < leaves.Count ? leaves[b + 1].Sheet : null;
            int at = leaves[b].Sheet;
            var marks = Sheets[at].Marks;
            var own = leaves.Skip(a).Take(b - a + 1).Where(l => l.Sheet == at && marks.ContainsKey(l.Mcid)).Select(l => marks[l.Mcid].Bottom).ToList();
            int lines = 0;
            if (own.Count > 0)
            {
                double bottom = own.Min() - 1; // the heading's own baseline is its lowest ink
                lines = Sheets[at].Baselines.Count(y => y < bottom) + (Sheets[at].ImageTops.Any(y => y < bottom + 1) ? ImageLines : 0);
            }
            headings.Add(new Heading(leaves[a].Level, at, next, lines));
            a = b;
        }
        return headings;
    }
}
