using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ContentionSim.Classroom.Tests;

/// <summary>
/// The classroom page in Debian's Chromium, as a class would use it: served by <c>contentionsim serve</c>
/// and as the published static site. The page loads, a slider moves, play runs, a stage band appears,
/// a change made while the run goes on is applied and recorded, the exports are files the CLI accepts
/// and give the same numbers as <c>contentionsim run</c>; no console error, no request off the machine.
/// </summary>
[Trait("Category", "Browser")]
public class ClassroomBrowserTests
{
    private static async Task<int> TickOf(IPage page) => int.Parse((await page.GetAttributeAsync("#clock", "data-tick"))!);

    private static async Task Paused(IPage page) =>
        await page.WaitForFunctionAsync("() => document.querySelector('#play').textContent.includes('Play')");

    /// <summary>Loads the page, sets a slider before the start, plays to the first stage band, pauses, changes a slider and a shock mid-run, steps and plays on.</summary>
    private static async Task<int> PlayWithChanges(BrowserPage browser, string url)
    {
        var page = browser.Page;
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#play:not([disabled])");
        Assert.Contains("teaching-tight-state", await page.InnerTextAsync("#description"));

        // a slider before the start: the scenario changes
        await page.FillAsync("#slider-openness", "0.3");
        await page.WaitForFunctionAsync("() => document.querySelector('#value-openness').textContent === '0.3'");
        Assert.Contains("Openness of the state: 0.3 (before the start)", await page.InnerTextAsync("#changes"));

        // play, as fast as it goes, until a stage band is drawn
        await page.SelectOptionAsync("#speed", "0");
        await page.ClickAsync("#play");
        await page.WaitForSelectorAsync("#stage-plot rect.band");
        await page.ClickAsync("#play");
        await Paused(page);
        int t = await TickOf(page);
        Assert.True(t > 0);
        Assert.True(await page.Locator("#happenings li.stage-entry").CountAsync() > 0, "a stage entry is told in words");

        // a change during the run: recorded as an event at the next tick, applied when the tick runs
        await page.FillAsync("#slider-repression", "0.2");
        await page.ClickAsync("#shock-ally");
        Assert.Equal(2, await page.Locator($"#changes li.change[data-tick='{t + 1}']").CountAsync());
        await page.ClickAsync("#step");
        await page.WaitForFunctionAsync($"() => document.querySelector('#clock').dataset.tick === '{t + 1}'");
        string happened = await page.InnerTextAsync("#happenings");
        Assert.Contains("Repression propensity: 0.2", happened);
        Assert.Contains("allies abroad take up the cause", happened);
        Assert.True(await page.Locator("#stage-plot line.event-mark").CountAsync() >= 2);
        Assert.Equal("0.2", await page.InnerTextAsync("#value-repression"));
        // the agents are drawn, coloured by status
        Assert.Equal(NetworkSample.Size, await page.Locator("#agent-view circle.agent").CountAsync());

        // play on a little and pause
        await page.ClickAsync("#play");
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('#clock').dataset.tick) >= {t + 30}");
        await page.ClickAsync("#play");
        await Paused(page);
        // CONTENTIONSIM_SCREENSHOTS=DIR keeps a screenshot of the page to look at
        if (Environment.GetEnvironmentVariable("CONTENTIONSIM_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"classroom-{new Uri(url).Port}.png"), FullPage = true });
        }
        return await TickOf(page);
    }

    /// <summary>The exported scenario, run by the CLI for as many ticks, gives the page's timeseries.csv byte for byte.</summary>
    private static async Task SameNumbersAsTheCli(BrowserPage browser, int ticks, string scratch)
    {
        string yaml = await browser.Download("#export-yaml");
        string csv = await browser.Download("#export-csv");
        string text = await File.ReadAllTextAsync(yaml);
        Assert.Contains("label: \"classroom: Repression propensity: 0.2\"", text);
        string runDir = Path.Combine(scratch, "cli-run");
        var (code, output) = CliRun.Run("run", yaml, "--ticks", ticks.ToString(), "--out", runDir, "--no-plots", "--threads", "2");
        Assert.True(code == 0, output);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(runDir, "timeseries.csv")), await File.ReadAllTextAsync(csv));
    }

    private static async Task FiguresExport(BrowserPage browser)
    {
        string svg = await browser.Download("#export-svg");
        var doc = System.Xml.Linq.XDocument.Load(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains(doc.Descendants(), e => e.Name.LocalName == "rect" && (string?)e.Attribute("class") is string c && c.StartsWith("band"));
        string png = await browser.Download("#export-png");
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{png}: {bytes.Length} bytes");
    }

    private static void Clean(BrowserPage browser, string origin)
    {
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Outside(origin));
    }

    [BrowserFact]
    public async Task Served_by_contentionsim_serve_the_page_plays_records_changes_and_exports_a_run_folder_report_accepts()
    {
        using var serve = new ServeProcess();
        await using var browser = await BrowserPage.Open();
        int ticks = await PlayWithChanges(browser, serve.Url);
        await SameNumbersAsTheCli(browser, ticks, browser.Downloads);
        await FiguresExport(browser);

        // the run folder with plots, made by the server, opens with contentionsim report
        string zip = await browser.Download("#export-run");
        string unzipped = Path.Combine(browser.Downloads, "run-folder");
        ZipFile.ExtractToDirectory(zip, unzipped);
        string folder = Directory.GetDirectories(unzipped).Single();
        foreach (var f in new[] { "timeseries.csv", "stages.csv", "run.json", "stages.png", "actors.png" })
            Assert.True(File.Exists(Path.Combine(folder, f)), f);
        Assert.Equal(await File.ReadAllTextAsync(Directory.GetFiles(browser.Downloads, "*-timeseries.csv").Single()), await File.ReadAllTextAsync(Path.Combine(folder, "timeseries.csv")));
        var (code, output) = CliRun.Run("report", folder, "--out", Path.Combine(browser.Downloads, "report.html"));
        Assert.True(code == 0, output);
        Assert.Contains("<html", await File.ReadAllTextAsync(Path.Combine(browser.Downloads, "report.html")));

        Clean(browser, serve.Url.TrimEnd('/'));
    }

    [StaticSiteFact]
    public async Task The_static_site_runs_the_model_in_the_browser_with_the_same_numbers_as_the_cli()
    {
        await using var server = await StaticServer.Start(StaticSite.Folder);
        await using var browser = await BrowserPage.Open();
        int ticks = await PlayWithChanges(browser, server.Url);
        await SameNumbersAsTheCli(browser, ticks, browser.Downloads);
        // no server: the page says how to get a run folder instead of offering one
        Assert.Equal(0, await browser.Page.Locator("#export-run").CountAsync());

        // a bad upload is explained, with the file, the line and the fix
        string bad = Path.Combine(browser.Downloads, "bad.yaml");
        await File.WriteAllTextAsync(bad, "name: bad\nstate:\n  openess: 0.5\n");
        await browser.Page.SetInputFilesAsync("#upload", bad);
        await browser.Page.WaitForSelectorAsync("#error");
        Assert.Matches(new Regex("bad.yaml.*3.*openness", RegexOptions.Singleline), await browser.Page.InnerTextAsync("#error"));

        Clean(browser, server.Url.TrimEnd('/'));
    }
}
