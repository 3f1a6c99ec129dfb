using System.Globalization;
using System.Text;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Html;

/// <summary>
/// Builds one self-contained HTML page: no script, no external style sheet, font or image (figures
/// are embedded as <c>data:</c> URIs), so it opens from a USB stick without a network. Everything
/// that comes from files is escaped. The style is legible on a projector and a phone (responsive,
/// large type, no horizontal scrolling of the page) and prints cleanly; stage colours are the
/// colour-blind-safe <see cref="Palette"/> of the PNG figures.
/// </summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder _body = new();

    public HtmlPage(string title) => Title = title;

    public string Title { get; }

    /// <summary>Appends markup as it is (callers escape what comes from files).</summary>
    public HtmlPage Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    /// <summary>Appends <paramref name="text"/> escaped.</summary>
    public HtmlPage Text(string text)
    {
        _body.Append(Escape(text));
        return this;
    }

    /// <summary>The whole document.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(_body.Length + 8192);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"generator\" content=\"").Append(Escape($"{RunManifest.ToolName} {RunManifest.ToolVersion}")).Append("\">\n");
        sb.Append("<title>").Append(Escape(Title)).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        sb.Append(_body);
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /// <summary>Writes a file atomically, creating its folder first; errors become <see cref="OutputException"/>s naming the path.</summary>
    public static void WriteFile(string path, byte[] bytes)
    {
        string? dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        OutputTarget.CheckParents(path);
        try
        {
            if (dir is not null) System.IO.Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw OutputException.From(dir!, e);
        }
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes a page (UTF-8 without BOM) atomically, creating its folder first.</summary>
    public static void WriteFile(string path, string html) => WriteFile(path, AtomicFile.Utf8.GetBytes(html));

    /// <summary>Escapes text for HTML content and quoted attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\0': break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A PNG as a <c>data:</c> URI.</summary>
    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    /// <summary>A figure: the embedded PNG, its alternative text and a caption (all escaped).</summary>
    public static string Figure(byte[] png, string alt, string caption, string? id = null)
    {
        var (w, h) = PngSize(png);
        var sb = new StringBuilder();
        sb.Append("<figure").Append(id is null ? "" : $" id=\"{Escape(id)}\"").Append(">\n");
        sb.Append("<img class=\"plot\" src=\"").Append(DataUri(png)).Append("\" alt=\"").Append(Escape(alt)).Append('"');
        if (w > 0 && h > 0) sb.Append(CultureInfo.InvariantCulture, $" width=\"{w}\" height=\"{h}\"");
        sb.Append(">\n");
        if (caption.Length > 0) sb.Append("<figcaption>").Append(Escape(caption)).Append("</figcaption>\n");
        sb.Append("</figure>\n");
        return sb.ToString();
    }

    /// <summary>Width and height from a PNG's IHDR chunk, or (0, 0) if it is not a PNG.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        if (png.Length < 24 || png[0] != 0x89 || png[1] != (byte)'P' || png[2] != (byte)'N' || png[3] != (byte)'G') return (0, 0);
        int w = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        int h = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        return w > 0 && h > 0 ? (w, h) : (0, 0);
    }

    /// <summary>A table in a wrapper that scrolls sideways on its own on narrow screens. Cells are escaped; numeric columns align right.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? numeric = null,
        string? caption = null, string? cssClass = null, bool firstColumnIsHeader = false)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"table-wrap\"><table").Append(cssClass is null ? "" : $" class=\"{Escape(cssClass)}\"").Append(">\n");
        if (caption is not null) sb.Append("<caption>").Append(Escape(caption)).Append("</caption>\n");
        sb.Append("<thead><tr>");
        for (int i = 0; i < header.Count; i++)
            sb.Append("<th scope=\"col\"").Append(numeric?.Contains(i) == true ? " class=\"num\"" : "").Append('>').Append(Escape(header[i])).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                bool head = firstColumnIsHeader && i == 0;
                string tag = head ? "th" : "td";
                sb.Append('<').Append(tag).Append(head ? " scope=\"row\"" : "").Append(numeric?.Contains(i) == true ? " class=\"num\"" : "").Append('>')
                  .Append(Escape(row[i])).Append("</").Append(tag).Append('>');
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        return sb.ToString();
    }

    /// <summary>A coloured chip with a stage's number, in the stage's colour of the figures.</summary>
    public static string StageChip(Stage stage) =>
        $"<span class=\"chip\" style=\"--stage:{Palette.Stage(stage)}\" aria-hidden=\"true\">{(int)stage}</span>";

    /// <summary>The six stages as a legend: chip, name, Tarrow's one-line explanation.</summary>
    public static string StageLegend()
    {
        var sb = new StringBuilder("<ol class=\"legend\">\n");
        foreach (var s in StageText.Cycle)
            sb.Append("<li>").Append(StageChip(s)).Append(" <strong>").Append(Escape(StageText.Name(s))).Append("</strong> — ")
              .Append(Escape(StageText.Explanation(s))).Append("</li>\n");
        sb.Append("</ol>\n");
        return sb.ToString();
    }

    /// <summary>The page's style sheet.</summary>
    public const string Css = """
        :root { --fg: #111; --muted: #444; --bg: #fff; --rule: #bbb; --soft: #f4f4f4; --accent: #0072B2; }
        * { box-sizing: border-box; }
        html { font-size: 112.5%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        @media (min-width: 1400px) { html { font-size: 131.25%; } }
        body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5;
               font-family: "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, Helvetica, sans-serif;
               overflow-wrap: anywhere; }
        main { max-width: 76rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: .6rem 0 .4rem; }
        h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 3px solid var(--fg); }
        h3 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; }
        p, li { max-width: 48rem; }
        .lead { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
        .meta { color: var(--muted); font-size: .9rem; }
        a { color: var(--accent); }
        code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; }
        pre { background: var(--soft); border: 1px solid var(--rule); padding: .75rem; font-size: .78rem; line-height: 1.4;
              overflow-x: auto; white-space: pre; max-width: 100%; overflow-wrap: normal; }
        figure { margin: 1rem 0 1.5rem; max-width: 100%; overflow-x: auto; }
        figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); background: #fff; }
        /* On a phone the figures fit the screen (their legends are under the plot, so nothing is off to the side); tap to zoom. */
        figcaption { font-size: .9rem; color: var(--muted); margin-top: .35rem; }
        /* On a phone a table fits the screen: columns share its width and long values wrap, none is cut or hidden to the side. */
        @media screen and (max-width: 40rem) {
          main table { font-size: .74rem; table-layout: fixed; width: 100%; }
          main table th, main table td, main table .num { padding: .3rem .2rem; white-space: normal; overflow-wrap: anywhere; hyphens: auto; }
        }
        .guide { background: var(--soft); border-left: .4rem solid var(--accent); padding: .6rem .9rem; margin: .8rem 0 1.2rem; }
        .guide p, .guide ul { margin: .3rem 0; }
        .cols { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.2rem; }
        @media (min-width: 56rem) { .cols { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
        .cols.many { grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); }
        .card { border: 1px solid var(--rule); padding: .2rem 1rem .8rem; min-width: 0; }
        .table-wrap { overflow-x: auto; max-width: 100%; margin: .6rem 0 1.2rem; }
        table { border-collapse: collapse; font-size: .92rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--rule); overflow-wrap: normal; }
        thead th { border-bottom: 2px solid var(--fg); }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .chip { display: inline-block; min-width: 1.7em; padding: 0 .35em; text-align: center; font-weight: bold;
                border-radius: .3em; background: var(--stage, #ddd); color: #000; border: 1px solid rgba(0,0,0,.35); }
        ol.legend { list-style: none; padding: 0; }
        ol.legend li { margin: .35rem 0; }
        ol.timeline { list-style: none; padding: 0; margin: 0; }
        li.entry { border-left: .55rem solid var(--stage, #ddd); background: var(--soft); padding: .45rem .8rem; margin: .55rem 0; max-width: 52rem; }
        li.entry p { margin: .15rem 0; }
        li.entry .when { font-size: 1.05rem; }
        li.entry .tarrow { color: var(--muted); }
        li.outcome { border: 2px solid var(--fg); padding: .45rem .8rem; margin: .55rem 0 1.4rem; max-width: 52rem; }
        li.outcome p { margin: .15rem 0; }
        .tag { display: inline-block; font-weight: bold; border: 2px solid var(--fg); border-radius: .3em; padding: 0 .4em; }
        dl.glance { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr)); gap: .6rem; margin: .6rem 0; }
        @media (min-width: 40rem) { dl.glance { grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); } }
        dl.glance div { border: 1px solid var(--rule); padding: .4rem .7rem; }
        dl.glance dt { font-size: .85rem; color: var(--muted); }
        dl.glance dd { margin: 0; font-size: 1.2rem; font-weight: bold; overflow-wrap: normal; }
        @media screen { pre.scroll { max-height: 36rem; overflow: auto; } }
        footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .6rem; }
        /* Print: no page left mostly blank and no heading alone at the foot of a page. Figures are kept whole but
           at most about a third of a page tall, so moving one to the next page leaves little blank; long blocks
           (the scenario file, cards, tables) may break between their lines or rows; headings keep with what follows. */
        @media print {
          @page { margin: 14mm 13mm; }
          html { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
          h2 { margin-top: 1.4rem; }
          figure { overflow: visible; margin: .6rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
          figure img { width: auto; max-width: 100%; max-height: 8.5cm; margin: 0 auto; }
          figcaption { text-align: center; }
          li.entry, li.outcome, tr, dl.glance div, .guide, ol.legend, ol.legend li { break-inside: avoid; page-break-inside: avoid; }
          /* the criteria's long list may break between its items */
          #criteria ol.legend { break-inside: auto; page-break-inside: auto; }
          .cols, .cols.many { display: block; }
          .card { break-inside: auto; margin-bottom: 1rem; }
          /* a heading's short introduction (a card's description, the timeline's note) keeps with what it introduces */
          .card > h3 + p, h2 + p, h3 + p { break-after: avoid; page-break-after: avoid; }
          p, li { orphans: 3; widows: 3; }
          pre, pre.scroll { white-space: pre-wrap; overflow: visible; max-height: none; font-size: .7rem; orphans: 4; widows: 3; }
          .table-wrap { overflow: visible; }
          table { width: 100%; }
          /* wide tables (the cycles' eleven columns) fit the sheet: long headers and values wrap instead of running off it */
          main table { font-size: .8rem; }
          main table th, main table td, main table .num { padding: .25rem .3rem; white-space: normal; overflow-wrap: anywhere; hyphens: auto; }
          a { color: inherit; text-decoration: none; }
          .guide { border-left-color: #000; }
        }

        """;
}
