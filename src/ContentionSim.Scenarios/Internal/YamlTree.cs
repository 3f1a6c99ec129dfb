using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContentionSim.Scenarios.Internal;

/// <summary>A YAML node with the position (1-based line and column) where it starts.</summary>
internal abstract class YNode(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>What the node is, for "found ..." in messages.</summary>
    public abstract string Describe();
}

internal sealed class YScalar(string value, bool plain, int line, int column) : YNode(line, column)
{
    public string Value { get; } = value;

    /// <summary>Unquoted and untagged: may be read as a number, boolean or null.</summary>
    public bool IsPlain { get; } = plain;

    /// <summary>An empty value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() =>
        IsNull ? "nothing (an empty value)"
        : IsPlain ? $"'{Value}'"
        : $"the quoted text \"{Value}\"";
}

internal sealed class YSequence(int line, int column) : YNode(line, column)
{
    public List<YNode> Items { get; } = [];
    public override string Describe() => Items.Count == 0 ? "an empty list" : $"a list of {Items.Count}";
}

internal sealed record YEntry(YScalar Key, YNode Value);

internal sealed class YMapping(int line, int column) : YNode(line, column)
{
    public List<YEntry> Entries { get; } = [];

    public override string Describe() => Entries.Count == 0
        ? "an empty mapping"
        : $"a mapping (with {string.Join(", ", Entries.Take(4).Select(e => e.Key.Value))}{(Entries.Count > 4 ? ", ..." : "")})";
}

/// <summary>Result of reading one YAML document.</summary>
internal readonly record struct YamlDocument(YNode? Root, bool Empty, bool SyntaxError);

/// <summary>
/// Reads a YAML document into <see cref="YNode"/>s with YamlDotNet's event parser, keeping
/// every node's position. Duplicate keys, non-scalar keys, unknown aliases and extra
/// documents become diagnostics and reading goes on; a syntax error stops it with one
/// diagnostic that explains the usual causes.
/// </summary>
internal sealed class YamlReader
{
    private readonly string _text;
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
    private string _currentPath = "";
    private IParser _parser = null!;
    private Mark _last = Mark.Empty; // end of the last event read, for errors that carry no position

    private YamlReader(string text, string file, List<Diagnostic> diagnostics)
    {
        _text = text;
        _file = file;
        _diagnostics = diagnostics;
    }

    public static YamlDocument Read(string text, string file, List<Diagnostic> diagnostics) =>
        new YamlReader(text, file, diagnostics).Read();

    private YamlDocument Read()
    {
        try
        {
            _parser = new Parser(new StringReader(_text));
            _parser.Consume<StreamStart>();
            if (_parser.Accept<StreamEnd>(out _)) return new YamlDocument(null, true, false);
            _parser.Consume<DocumentStart>();
            var root = ReadNode("");
            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var next))
                Add(Line(next.Start), Column(next.Start), "",
                    "a second YAML document starts here ('---'); a scenario file holds exactly one",
                    "remove the '---' line and everything after it, or put the second scenario in its own file");
            bool empty = root is YScalar { IsNull: true };
            return new YamlDocument(empty ? null : root, empty, false);
        }
        catch (YamlException e)
        {
            _diagnostics.Add(SyntaxDiagnostic(e));
            return new YamlDocument(null, false, true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet fails this way on some malformed input (an unclosed flow list running into the
            // next key); it is still the input's fault, so explain it as a syntax error.
            _diagnostics.Add(UnreadableDiagnostic());
            return new YamlDocument(null, false, true);
        }
    }

    private YNode ReadNode(string path)
    {
        _currentPath = path;
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            _last = alias.End;
            if (_anchors.TryGetValue(alias.Value.Value, out var target)) return target;
            Add(Line(alias.Start), Column(alias.Start), path, $"alias '*{alias.Value.Value}' refers to no anchor defined above it",
                $"define '&{alias.Value.Value}' on an earlier value, or write the value out");
            return new YScalar("", true, Line(alias.Start), Column(alias.Start));
        }
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            _last = scalar.End;
            bool stringTag = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str";
            var node = new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain && !stringTag, Line(scalar.Start), Column(scalar.Start));
            Register(scalar.Anchor, node);
            return node;
        }
        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            _last = sequenceStart.End;
            var sequence = new YSequence(Line(sequenceStart.Start), Column(sequenceStart.Start));
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                sequence.Items.Add(ReadNode($"{path}[{sequence.Items.Count}]"));
                _currentPath = path;
            }
            Register(sequenceStart.Anchor, sequence);
            return sequence;
        }
        var mappingStart = _parser.Consume<MappingStart>();
        _last = mappingStart.End;
        var mapping = new YMapping(Line(mappingStart.Start), Column(mappingStart.Start));
        var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(path);
            if (key is not YScalar keyScalar)
            {
                Add(key.Line, key.Column, path, $"a key must be a plain name, found {key.Describe()} as a key",
                    "write keys as plain names such as 'openness:'");
                ReadNode(path);
                continue;
            }
            string childPath = path.Length == 0 ? keyScalar.Value : $"{path}.{keyScalar.Value}";
            var value = ReadNode(childPath);
            _currentPath = path;
            if (seen.TryGetValue(keyScalar.Value, out var first))
            {
                Add(keyScalar.Line, keyScalar.Column, childPath,
                    $"duplicate key '{keyScalar.Value}': it is already given on line {first.Line}",
                    "remove one of the two; each key may appear once per section (the first one is kept)");
                continue;
            }
            seen.Add(keyScalar.Value, keyScalar);
            mapping.Entries.Add(new YEntry(keyScalar, value));
        }
        Register(mappingStart.Anchor, mapping);
        return mapping;
    }

    private void Register(AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
    }

    private void Add(int line, int column, string path, string message, string? fix) =>
        _diagnostics.Add(new Diagnostic(_file, line, column, path, message, fix));

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);
    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    /// <summary>Turns a parser error into a diagnostic with the usual cause spelled out.</summary>
    private Diagnostic SyntaxDiagnostic(YamlException e)
    {
        string parserMessage = e.Message.TrimEnd('.');
        string Detail(string what) => $"{what} (YAML parser: {parserMessage})";
        var lines = _text.Split('\n');
        int line = Line(e.Start), column = Column(e.Start);

        // Tabs: YamlDotNet often reports them at the start of the enclosing mapping.
        int lastLine = parserMessage.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? lines.Length
            : Math.Min(lines.Length, Math.Max(line, (int)Math.Min(e.End.Line, int.MaxValue)));
        for (int i = 0; i < lastLine; i++)
        {
            int tab = IndentTab(lines[i]);
            if (tab >= 0)
                return new Diagnostic(_file, i + 1, tab + 1, _currentPath,
                    Detail("tab character in the indentation"),
                    "indent with spaces only: YAML does not allow tabs for indentation");
        }

        char at = CharAt(lines, line, column);
        if (parserMessage.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase) && at is '"' or '\'')
            return new Diagnostic(_file, line, column, _currentPath,
                Detail($"the quoted text that starts here with {at} is never closed"),
                at == '"'
                    ? "add the closing \" at the end of the value (write a \" inside the text as \\\")"
                    : "add the closing ' at the end of the value (write a ' inside the text as '')");
        if (parserMessage.Contains("flow sequence", StringComparison.OrdinalIgnoreCase))
        {
            var (l, c) = OpenBracketBefore(lines, line, '[') ?? (line, column);
            return new Diagnostic(_file, l, c, _currentPath, Detail("a '[' list is not closed"),
                "close the list with ']' on the same value, separating items with ','");
        }
        if (parserMessage.Contains("flow mapping", StringComparison.OrdinalIgnoreCase))
        {
            var (l, c) = OpenBracketBefore(lines, line, '{') ?? (line, column);
            return new Diagnostic(_file, l, c, _currentPath, Detail("a '{' mapping is not closed"),
                "close the mapping with '}', separating entries with ','");
        }
        // Text right after the closing quote of a value: usually a quote inside the quoted text.
        if (QuoteBefore(lines, line, column) is char quote)
            return new Diagnostic(_file, line, column, _currentPath,
                Detail($"text goes on after the closing {quote} of a quoted value"),
                quote == '\''
                    ? "write a ' inside single-quoted text as '' (e.g. 'the state''s response'), or quote the value with \" instead"
                    : "write a \" inside double-quoted text as \\\" (e.g. \"the \\\"law\\\"\"), or quote the value with ' instead");
        if (parserMessage.Contains("cannot start any token", StringComparison.OrdinalIgnoreCase))
            return new Diagnostic(_file, line, column, _currentPath,
                Detail($"a value cannot start with '{at}'"), "put the value in quotes");
        if (parserMessage.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase)
            || parserMessage.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase)
            || parserMessage.Contains("expected '-'", StringComparison.OrdinalIgnoreCase)
            || parserMessage.Contains("indentation", StringComparison.OrdinalIgnoreCase))
            return new Diagnostic(_file, line, column, _currentPath,
                Detail("bad indentation or a stray ':'"),
                "keys of one section must start in the same column and nested keys further right (spaces only); " +
                "a value that contains ': ' must be quoted");
        return new Diagnostic(_file, line, column, _currentPath, Detail("invalid YAML"),
            "check the syntax at this position and on the line above");
    }

    /// <summary>
    /// A syntax error the parser could not place: an unclosed '[' or '{' is the usual cause, so point at
    /// the first one not closed on its line, else at the end of what was read.
    /// </summary>
    private Diagnostic UnreadableDiagnostic()
    {
        var lines = _text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int open = UnclosedBracket(lines[i]);
            if (open < 0) continue;
            return lines[i][open] == '['
                ? new Diagnostic(_file, i + 1, open + 1, _currentPath, "a '[' list is not closed on its line",
                    "close the list with ']' on the same line, separating items with ','")
                : new Diagnostic(_file, i + 1, open + 1, _currentPath, "a '{' mapping is not closed on its line",
                    "close the mapping with '}' on the same line, separating entries with ','");
        }
        return new Diagnostic(_file, Line(_last), Column(_last), _currentPath, "invalid YAML: it cannot be read past this point",
            "check the syntax here and on the next line: brackets and quotes must be closed, and keys of one section start in the same column");
    }

    /// <summary>Index of the first '[' or '{' of <paramref name="line"/> left open at its end (outside quotes and comments), or -1.</summary>
    private static int UnclosedBracket(string line)
    {
        var open = new Stack<int>();
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '[' or '{' or ',' or ':')) quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t')) break;
            else if (c is '[' or '{') open.Push(i);
            else if (c is ']' or '}' && open.Count > 0) open.Pop();
        }
        return open.Count > 0 ? open.Last() : -1;
    }

    /// <summary>Line and column (1-based) of the last <paramref name="bracket"/> left open on a line at or before <paramref name="line"/>.</summary>
    private static (int Line, int Column)? OpenBracketBefore(string[] lines, int line, char bracket)
    {
        for (int i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
        {
            int open = UnclosedBracket(lines[i]);
            if (open >= 0 && lines[i][open] == bracket) return (i + 1, open + 1);
        }
        return null;
    }

    /// <summary>The quote that closes a quoted value just before <paramref name="column"/> (spaces between allowed), if any.</summary>
    private static char? QuoteBefore(string[] lines, int line, int column)
    {
        if (line < 1 || line > lines.Length) return null;
        var text = lines[line - 1];
        int i = Math.Min(column - 1, text.Length) - 1;
        while (i >= 0 && text[i] == ' ') i--;
        if (i < 1 || text[i] is not ('\'' or '"')) return null;
        char quote = text[i];
        // It must close a value: an opening quote of the same kind earlier on the line, after ': ' or '- '.
        int open = text.LastIndexOf(quote, i - 1);
        return open >= 0 && (open == 0 || text[open - 1] == ' ') ? quote : null;
    }

    /// <summary>Column (0-based) of a tab in the leading whitespace of <paramref name="line"/>, or -1.</summary>
    private static int IndentTab(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\t') return i;
            if (line[i] is not (' ' or '-' or '\r')) return -1;
        }
        return -1;
    }

    private static char CharAt(string[] lines, int line, int column)
    {
        if (line < 1 || line > lines.Length) return '\0';
        var text = lines[line - 1];
        return column >= 1 && column <= text.Length ? text[column - 1] : '\0';
    }
}
