using System.Globalization;
using System.Text.RegularExpressions;
using ContentionSim.Reporting.Html;
using ContentionSim.Reporting.Tests.Browser;

namespace ContentionSim.Reporting.Tests;

public sealed partial class RunReportTests : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly ChromiumFixture _browser;
    private readonly TempDir _tmp = new();

    public RunReportTests(ChromiumFixture browser) => _browser = browser;

    public void Dispose() => _tmp.Dispose();

    [GeneratedRegex("<li class=\"entry\"[^>]*data-movement=\"([^\"]*)\" data-cycle=\"(\\d+)\" data-stage=\"(\\d+)\" data-tick=\"(\\d+)\"")]
    private static partial Regex EntryTag();

    private static List<(string Movement, int Cycle, int Stage, int Tick)> CsvEntries(string dir)
    {
        var (c, rows) = TestCsv.Table(Path.Combine(dir, "stages.csv"));
        return rows.Select(r => (r[c["movement"]], int.Parse(r[c["cycle"]], CultureInfo.InvariantCulture), int.Parse(r[c["stage"]], CultureInfo.InvariantCulture), int.Parse(r[c["tick"]], CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public void The_page_is_one_self_contained_file_with_every_figure_embedded()
    {
        var dir = ReportFolders.Sample(_tmp["run"]);

        string html = RunReport.Build(RunFolder.Read(dir));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta name=\"viewport\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotMatch("(src|href)=\"(?!data:|#)", html);
        Assert.DoesNotContain("url(", html);
        Assert.Equal(2, Regex.Count(html, "<img class=\"plot\" src=\"data:image/png;base64,")); // stages and actors
        Assert.Contains("width=\"1600\" height=\"900\"", html);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_narrative_lists_every_stage_entry_of_stages_csv_in_order()
    {
        var dir = ReportFolders.Sample(_tmp["run"]);

        string html = RunReport.Build(RunFolder.Read(dir));

        var listed = EntryTag().Matches(html).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(CsvEntries(dir), listed);
        Assert.Contains("week 55: exhaustion and polarization", html);
        Assert.Contains("Activists tire and are disillusioned", html);
        // Stage 4's trigger, worded from the one table of stage rules (StageRules) since issue 15.
        Assert.Matches(@"What the agents did:</strong> [^<]*participation as a share of the cycle", html);
    }

    [Fact]
    public void A_simulated_run_tells_each_stage_with_the_values_that_triggered_it()
    {
        var dir = ReportFolders.Simulated(_tmp["tight"], openness: 0.15, needCycle: true);
        var run = RunFolder.Read(dir);
        Assert.NotEmpty(run.StageEntries); // premise: a cycle began

        string html = RunReport.Build(run);

        Assert.Equal(CsvEntries(dir), EntryTag().Matches(html).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture))).ToList());
        foreach (var e in run.StageEntries)
            Assert.Contains(HtmlPage.Escape(RunStory.Tidy(run.TriggerOf(e))), html);
        Assert.Contains("participation rose to", html);
        Assert.DoesNotContain(" %", Regex.Replace(html, "<[^>]*>", "")); // "4.2%", not "4.2 %"
    }

    [Fact]
    public void Each_cycle_ends_with_its_outcome_and_what_led_to_it()
    {
        var dir = ReportFolders.Sample(_tmp["run"]);

        string html = RunReport.Build(RunFolder.Read(dir));

        Assert.Contains("data-outcome=\"negotiated\"", html);
        Assert.Contains("data-outcome=\"ongoing\"", html);
        Assert.Contains("Cycle 1, weeks 10–100", html);
        Assert.Contains("What led to it:", html);
        Assert.Contains("The state made 30 arrests and held 40 talks", html);
        Assert.Contains("Outside pressure from allies abroad reached 0.5", html);
        Assert.Contains("Scheduled during the cycle: week 30: NPO law revision, &quot;tightened&quot;", html);
        Assert.Contains("<table class=\"outcomes\">", html);
    }

    [Fact]
    public void The_scenario_is_described_in_plain_words_beside_its_yaml()
    {
        var dir = ReportFolders.Simulated(_tmp["tight"], openness: 0.15);

        string html = RunReport.Build(RunFolder.Read(dir));

        Assert.Contains("The scenario in plain words", html);
        Assert.Contains("800 activists in one movement, “Migrant rights”", html);
        Assert.Contains("The political opportunity structure is tight (openness 0.15 of 1)", html);
        Assert.Contains("expect arrests rather than talks", html);
        Assert.Contains("with probability 0 — never", html);
        Assert.Contains("<pre class=\"scroll\"><code>name: small\nstate:\n  openness: 0.15</code></pre>", html);
    }

    [Fact]
    public void Everything_read_from_files_is_escaped()
    {
        var dir = ReportFolders.Sample(_tmp["run"]);

        string html = RunReport.Build(RunFolder.Read(dir));

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img src=\"http", html);
        Assert.Contains("&lt;script&gt;console.error(&#39;injected&#39;)&lt;/script&gt; &amp; &lt;img src=&quot;http://example.invalid/x.png&quot;&gt;", html);
        Assert.Contains("ünïcödé", html);
    }

    [Fact]
    public void The_criteria_section_uses_the_run_s_classifier_settings()
    {
        var dir = ReportFolders.Sample(_tmp["run"]);

        string html = RunReport.Build(RunFolder.Read(dir));

        var p = new Core.Parameters.ClassifierParameters();
        Assert.Contains("How the stages were detected", html);
        Assert.Contains($"decline_fraction = {p.DeclineFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}", html);
        Assert.Contains("<table class=\"settings\">", html);
    }

    [Fact]
    public void Write_puts_report_html_in_the_run_folder_or_where_asked()
    {
        var dir = ReportFolders.Sample(_tmp["run"]);

        string inFolder = RunReport.Write(dir);
        string elsewhere = RunReport.Write(dir, _tmp["out/lesson.html"]);

        Assert.Equal(Path.Combine(Path.GetFullPath(dir), "report.html"), inFolder);
        Assert.True(File.Exists(inFolder));
        Assert.Equal(File.ReadAllText(inFolder), File.ReadAllText(elsewhere));
    }

    [Fact]
    public void A_folder_without_run_json_is_refused_with_a_message_naming_it()
    {
        Directory.CreateDirectory(_tmp["empty"]);

        var e = Assert.Throws<ReportInputException>(() => RunReport.Write(_tmp["empty"]));

        Assert.Contains("empty", e.Message);
        Assert.Contains("run.json", e.Message);
        Assert.Throws<ReportInputException>(() => RunReport.Write(_tmp["missing"]));
    }

    // ---- in a real browser ----------------------------------------------------------------------

    [Trait("Category", "Browser")]
    [BrowserFact]
    public void In_a_browser_the_report_loads_cleanly_offline_and_lists_every_stage_entry()
    {
        var dir = ReportFolders.Simulated(_tmp["tight"], openness: 0.15);
        string page = RunReport.Write(dir);

        var check = _browser.Load(page, 1280, 900);
        ChromiumFixture.Keep(check.Screenshot, "run-report-desktop.png");

        Assert.Empty(check.ConsoleErrors);
        Assert.Empty(check.ExternalRequests);
        Assert.NotEmpty(check.Images);
        Assert.All(check.Images, i => Assert.True(i.Complete && i.NaturalWidth > 0 && i.NaturalHeight > 0 && i.RenderedWidth > 0 && i.RenderedHeight > 0,
            $"image '{i.Alt}' did not render: {i}"));
        Assert.Equal(CsvEntries(dir), check.Entries.Select(e => (e.Movement, e.Cycle, e.Stage, e.Tick)).ToList());
        Assert.All(check.Entries, e => Assert.Contains("What the agents did:", e.Text));
        Assert.True(check.ScrollWidth <= check.InnerWidth, $"page is {check.ScrollWidth}px wide in a {check.InnerWidth}px window");
    }

    [Trait("Category", "Browser")]
    [BrowserFact]
    public void At_phone_width_the_report_has_no_horizontal_overflow()
    {
        var dir = ReportFolders.Simulated(_tmp["tight"], openness: 0.15);
        string page = RunReport.Write(dir);

        var check = _browser.Load(page, 390, 844, mobile: true);
        ChromiumFixture.Keep(check.Screenshot, "run-report-phone.png");

        Assert.Empty(check.ConsoleErrors);
        Assert.Equal(390, check.InnerWidth);
        Assert.True(check.ScrollWidth <= check.InnerWidth, $"page is {check.ScrollWidth}px wide in a {check.InnerWidth}px window");
        Assert.Equal(390, PngWidth(check.Screenshot));
        Assert.All(check.Images, i => Assert.True(i.NaturalWidth > 0 && i.RenderedWidth > 0, $"image '{i.Alt}' did not render"));
        // Nor inside it: no figure or table to scroll sideways (the figures' legends are under the plots, so all of a figure shows).
        Assert.Empty(check.Overflowing);
        Assert.All(check.Images, i => Assert.True(i.RenderedWidth <= check.InnerWidth, $"image '{i.Alt}' is {i.RenderedWidth}px wide"));
        Assert.DoesNotContain("Swipe sideways", check.BodyText);
    }

    [Trait("Category", "Browser")]
    [BrowserFact]
    public void In_a_browser_hostile_text_from_the_files_runs_nothing_and_fetches_nothing()
    {
        var dir = ReportFolders.Sample(_tmp["run"]);
        string page = RunReport.Write(dir);

        var check = _browser.Load(page, 1024, 768);

        Assert.Empty(check.ConsoleErrors);
        Assert.Empty(check.ExternalRequests);
        Assert.Contains("<script>console.error('injected')</script>", check.BodyText);
        Assert.Equal(CsvEntries(dir).Count, check.Entries.Count);
    }

    internal static int PngWidth(byte[] png) => (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
}
