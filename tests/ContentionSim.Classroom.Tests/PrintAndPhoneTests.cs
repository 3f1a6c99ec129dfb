using System.Text.Json;
using Microsoft.Playwright;

namespace ContentionSim.Classroom.Tests;

/// <summary>A [Theory] in a real browser: skipped locally without Chromium, never in CI.</summary>
internal sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.SkipReason is string reason) Skip = reason;
    }
}

/// <summary>Where the browser tests leave what a person may want to look at: <c>artifacts/</c> in the test's output folder.</summary>
internal static class Artifacts
{
    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static string For(string name)
    {
        Directory.CreateDirectory(Folder);
        return System.IO.Path.Combine(Folder, name);
    }
}

/// <summary>The lesson's pages made as docs/teaching.md makes them: two runs, the tight state's report and the tight-vs-boomerang comparison.</summary>
public sealed class LessonPages : IDisposable
{
    private readonly Lazy<(string Report, string Compare)> _pages;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "contentionsim-print-" + Guid.NewGuid().ToString("N"));

    public LessonPages() => _pages = new Lazy<(string, string)>(Make);

    public string Report => _pages.Value.Report;
    public string Compare => _pages.Value.Compare;

    private (string, string) Make()
    {
        string root = Support.RepoRoot();
        string tight = Path.Combine(_folder, "teaching-tight-state-seed1"), boomerang = Path.Combine(_folder, "teaching-boomerang-seed1");
        string lesson = Path.Combine(_folder, "lesson-boomerang");
        foreach (var args in new[]
                 {
                     new[] { "run", Path.Combine(root, "scenarios", "teaching", "1-tight-state.yaml"), "--out", tight, "--threads", "2" },
                     ["run", Path.Combine(root, "scenarios", "teaching", "2-boomerang.yaml"), "--out", boomerang, "--threads", "2"],
                     ["report", tight],
                     ["compare", tight, boomerang, "--out", lesson],
                 })
        {
            var (code, output) = CliRun.Run(args);
            if (code != 0) throw new InvalidOperationException($"contentionsim {string.Join(' ', args)} exited with {code}: {output}");
        }
        return (Path.Combine(tight, "report.html"), Path.Combine(lesson, "compare.html"));
    }

    public void Dispose()
    {
        try { if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// The teacher printed a report and got a mostly blank page 2 and a heading alone at the foot of a page; on a phone
/// figures needed sideways scrolling, legends were off-screen and compare's headline values were cut. These print the
/// pages to PDF in Chromium and read the PDF (how far down each sheet the ink goes; on which sheet each heading and the
/// content after it fall), and load them at phone width, asserting on layout measures. The PDFs and screenshots are kept
/// in the test's output folder, <c>artifacts/</c>, to look at.
/// </summary>
[Trait("Category", "Browser")]
public class PrintAndPhoneTests(LessonPages lesson) : IClassFixture<LessonPages>
{
    /// <summary>A sheet before the last is "nearly blank" when its ink covers less than this share of the printable height.</summary>
    private const double NearlyBlank = 0.5;

    /// <summary>A heading is "last on its sheet" when fewer lines of text than this (or no image) follow it there.</summary>
    private const int MinLinesBelowHeading = 3;

    private static List<PrintedPdf.Heading> AloneAtTheFoot(PrintedPdf pdf) => pdf.Headings
        .Where(h => h.Sheet < pdf.Sheets.Count - 1 && ((h.NextContentSheet is int next && next != h.Sheet) || h.LinesBelow < MinLinesBelowHeading))
        .ToList();

    public static TheoryData<string, string> Printouts() => new()
    {
        { "report", "A4" }, { "report", "Letter" }, { "compare", "A4" }, { "compare", "Letter" },
    };

    private string PageFile(string which) => which == "report" ? lesson.Report : lesson.Compare;

    [BrowserTheory]
    [MemberData(nameof(Printouts))]
    public async Task A_printed_page_has_no_nearly_blank_sheet_no_heading_at_the_foot_of_a_sheet_and_no_sheet_too_many(string which, string paper)
    {
        await using var browser = await BrowserPage.Open();
        await browser.Page.GotoAsync(new Uri(PageFile(which)).AbsoluteUri);
        byte[] bytes = await browser.Page.PdfAsync(new PagePdfOptions { Format = paper, PrintBackground = true, Tagged = true });
        await File.WriteAllBytesAsync(Artifacts.For($"{which}-{paper}.pdf"), bytes);

        var pdf = new PrintedPdf(bytes);
        var sheets = pdf.Sheets;
        Assert.True(sheets.Count >= 2, $"{which} printed on {sheets.Count} sheet(s)");
        Assert.DoesNotContain(sheets, s => s.Blank);
        double top = sheets.Max(s => s.InkTop), bottom = sheets.Min(s => s.InkBottom), printable = top - bottom;
        Assert.True(printable > 0.8 * sheets[0].Height, $"the printable height is {printable:0} of {sheets[0].Height:0}");
        var used = sheets.Select(s => (s.InkTop - s.InkBottom) / printable).ToList();
        string usage = string.Join(", ", used.Select((u, k) => $"sheet {k + 1}: {u:P0}"));
        for (int k = 0; k < sheets.Count - 1; k++)
            Assert.True(used[k] >= NearlyBlank, $"{which} on {paper}: sheet {k + 1} of {sheets.Count} is nearly blank ({usage})");
        // no sheet too many: the sheets before the last hold together at least as much as all but one full sheet
        Assert.True(used.Take(sheets.Count - 1).Sum() >= 0.7 * (sheets.Count - 1), $"{which} on {paper} wastes paper: {usage}");

        Assert.NotEmpty(pdf.Headings);
        Assert.Contains(pdf.Headings, h => h.Level == "H2");
        var alone = AloneAtTheFoot(pdf);
        Assert.True(alone.Count == 0, $"{which} on {paper}: heading(s) last on a sheet, their content on the next: " +
            string.Join("; ", alone.Select(h => $"{h.Level} on sheet {h.Sheet + 1} with {h.LinesBelow} line(s) under it")));
    }

    [BrowserTheory]
    [InlineData("report")]
    [InlineData("compare")]
    public async Task In_print_media_figures_fit_the_sheet_width_and_a_third_of_its_height(string which)
    {
        // A4's printable width at the page's 13 mm margins: 184 mm ≈ 695 CSS px.
        await using var browser = await BrowserPage.Open(695, 1000);
        var page = browser.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.GotoAsync(new Uri(PageFile(which)).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.For($"{which}-print-media.png"), FullPage = true });

        var m = await Measure(page);
        Assert.True(m.ScrollWidth <= m.InnerWidth, $"in print the {which} is {m.ScrollWidth}px wide on a {m.InnerWidth}px sheet: {string.Join(", ", m.Wide)}");
        Assert.NotEmpty(m.Figures);
        // 8.5 cm is 321 CSS px: a figure moved whole to the next sheet leaves at most about a third of a sheet blank.
        Assert.All(m.Figures, f => Assert.True(f.Width <= m.InnerWidth + 0.5 && f.Height <= 322 && f.Height > 100, $"figure {f.Width:0}×{f.Height:0}px"));
    }

    [BrowserTheory]
    [InlineData("report")]
    [InlineData("compare")]
    public async Task At_375_px_a_page_needs_no_sideways_scrolling_and_its_legends_and_headline_values_show_whole(string which)
    {
        await using var browser = await BrowserPage.Open(375, 812, phone: true);
        var page = browser.Page;
        await page.GotoAsync(new Uri(PageFile(which)).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.For($"{which}-phone-375.png"), FullPage = true });

        var m = await Measure(page);
        Assert.Equal(375, m.InnerWidth);
        Assert.True(m.ScrollWidth <= m.InnerWidth, $"the {which} is {m.ScrollWidth}px wide on a {m.InnerWidth}px phone: {string.Join(", ", m.Wide)}");
        Assert.Empty(m.Overflowing);
        // the figures, legends drawn under the plot inside them, show whole and not as thumbnails
        Assert.NotEmpty(m.Figures);
        Assert.All(m.Figures, f => Assert.True(f.Left >= 0 && f.Right <= 375.5 && f.Width >= 300, $"figure at {f.Left:0}–{f.Right:0}px"));
        // headline values: the report's glance and compare's headline table, none cut or off-screen
        Assert.NotEmpty(m.Values);
        Assert.All(m.Values, v => Assert.True(v.Left >= 0 && v.Right <= 375.5 && !v.Cut, $"'{v.Text}' at {v.Left:0}–{v.Right:0}px, cut: {v.Cut}"));
        Assert.Empty(browser.Errors);
    }

    [BrowserFact]
    public async Task At_375_px_the_classroom_page_needs_no_sideways_scrolling_and_shows_its_legends_and_clock_and_it_prints()
    {
        using var serve = new ServeProcess();
        await using var browser = await BrowserPage.Open(375, 812, phone: true);
        var page = browser.Page;
        await page.GotoAsync(serve.Url);
        await page.WaitForSelectorAsync("#play:not([disabled])");
        await page.SelectOptionAsync("#speed", "0");
        await page.ClickAsync("#play");
        await page.WaitForSelectorAsync("#stage-plot rect.band");
        await page.Locator("#play").DispatchEventAsync("click");
        await page.WaitForFunctionAsync("() => document.querySelector('#play').textContent.includes('Play')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.For("classroom-phone-375.png"), FullPage = true });

        var m = await Measure(page);
        Assert.True(m.ScrollWidth <= 375, $"the classroom page is {m.ScrollWidth}px wide on a 375px phone: {string.Join(", ", m.Wide)}");
        Assert.True(m.Figures.Count >= 3, "the stage plot, the actors plot and the network");
        Assert.All(m.Figures, f => Assert.True(f.Left >= 0 && f.Right <= 375.5 && f.Width >= 300, $"figure at {f.Left:0}–{f.Right:0}px"));
        Assert.True(m.Legends.Count >= 3 * 4, $"{m.Legends.Count} legend entries");
        Assert.All(m.Legends, v => Assert.True(v.Left >= 0 && v.Right <= 375.5 && !v.Cut, $"legend '{v.Text}' at {v.Left:0}–{v.Right:0}px"));
        Assert.All(m.Values, v => Assert.True(v.Left >= 0 && v.Right <= 375.5, $"'{v.Text}' at {v.Left:0}–{v.Right:0}px"));
        Assert.Contains(m.Values, v => v.Text.Contains("stage", StringComparison.Ordinal));

        // printed: the figures and what happened, no controls; no nearly blank sheet, no heading alone at a sheet's foot
        byte[] bytes = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, Tagged = true });
        await File.WriteAllBytesAsync(Artifacts.For("classroom-A4.pdf"), bytes);
        var pdf = new PrintedPdf(bytes);
        double printable = pdf.Sheets.Max(s => s.InkTop) - pdf.Sheets.Min(s => s.InkBottom);
        for (int k = 0; k < pdf.Sheets.Count - 1; k++)
            Assert.True((pdf.Sheets[k].InkTop - pdf.Sheets[k].InkBottom) / printable >= NearlyBlank, $"classroom print: sheet {k + 1} is nearly blank");
        Assert.Empty(AloneAtTheFoot(pdf));
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Outside(serve.Url.TrimEnd('/')));
    }

    private sealed record Box(string Text, double Left, double Right, double Width, double Height, bool Cut);

    private sealed record Measures(int ScrollWidth, int InnerWidth, IReadOnlyList<Box> Figures, IReadOnlyList<Box> Legends, IReadOnlyList<Box> Values, IReadOnlyList<string> Overflowing, IReadOnlyList<string> Wide);

    /// <summary>The page's width, its figures, legend entries and headline values as laid out (CSS px), and blocks that scroll sideways inside.</summary>
    private static async Task<Measures> Measure(IPage page)
    {
        string json = await page.EvaluateAsync<string>("""
            () => {
              const box = e => { const r = e.getBoundingClientRect();
                return { text: (e.innerText || e.getAttribute('aria-label') || e.alt || '').trim().slice(0, 80), left: r.left, right: r.right, width: r.width, height: r.height,
                         cut: e.scrollWidth > e.clientWidth + 1 }; };
              const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
              return JSON.stringify({
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth,
                figures: Array.from(document.querySelectorAll('figure img, main svg, section svg')).filter(shown).map(box),
                legends: Array.from(document.querySelectorAll('ul.legend li')).filter(shown).map(box),
                values: Array.from(document.querySelectorAll('dl.glance dd, #headline td, #headline th, #clock')).filter(shown).map(box),
                overflowing: Array.from(document.querySelectorAll('figure, .table-wrap, dl.glance')).filter(e => e.scrollWidth > e.clientWidth + 1)
                  .map(e => e.tagName + '.' + e.className),
                wide: Array.from(document.querySelectorAll('main *, body > div *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                  .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
              });
            }
            """);
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        static List<Box> Boxes(JsonElement a) => a.EnumerateArray().Select(b => new Box(b.GetProperty("text").GetString() ?? "", b.GetProperty("left").GetDouble(),
            b.GetProperty("right").GetDouble(), b.GetProperty("width").GetDouble(), b.GetProperty("height").GetDouble(), b.GetProperty("cut").GetBoolean())).ToList();
        return new Measures(r.GetProperty("scrollWidth").GetInt32(), r.GetProperty("innerWidth").GetInt32(), Boxes(r.GetProperty("figures")),
            Boxes(r.GetProperty("legends")), Boxes(r.GetProperty("values")),
            r.GetProperty("overflowing").EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
            r.GetProperty("wide").EnumerateArray().Select(e => e.GetString() ?? "").ToList());
    }
}
