using System.Text.RegularExpressions;
using ContentionSim.Reporting.Html;
using ContentionSim.Reporting.Tests.Browser;

namespace ContentionSim.Reporting.Tests;

public sealed class ComparePageTests : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly ChromiumFixture _browser;
    private readonly TempDir _tmp = new();

    public ComparePageTests(ChromiumFixture browser) => _browser = browser;

    public void Dispose() => _tmp.Dispose();

    private (string Tight, string Boomerang) TwoRuns() =>
        (ReportFolders.Simulated(_tmp["runs/tight"], openness: 0.15, name: "tight"),
         ReportFolders.Simulated(_tmp["runs/boomerang"], openness: 0.15, allianceProbability: 0.6, name: "boomerang"));

    [Fact]
    public void Write_makes_one_page_and_one_png_beside_the_first_run_by_default()
    {
        var (a, b) = TwoRuns();

        var output = ComparePage.Write([a, b]);

        Assert.Equal(Path.Combine(_tmp["runs"], "compare-tight-vs-boomerang.html"), output.Html);
        Assert.Equal(Path.Combine(_tmp["runs"], "compare-tight-vs-boomerang.png"), output.Png);
        var (w, h) = HtmlPage.PngSize(File.ReadAllBytes(output.Png));
        Assert.Equal(Plots.ComparePlot.Size(2), (w, h));
        string html = File.ReadAllText(output.Html);
        Assert.Equal(1 + 2, Regex.Count(html, "src=\"data:image/png;base64,")); // the aligned figure and each run's stages
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotMatch("(src|href)=\"(?!data:|#)", html);
    }

    [Fact]
    public void The_headline_numbers_are_in_one_table_with_a_column_per_run()
    {
        var (a, b) = TwoRuns();
        var runs = new[] { RunFolder.Read(a), RunFolder.Read(b) };

        string html = ComparePage.Build(runs, [0x89, (byte)'P', (byte)'N', (byte)'G']);

        Assert.Contains("<table class=\"headline\">", html);
        Assert.Contains("<th scope=\"col\" class=\"num\">tight</th><th scope=\"col\" class=\"num\">boomerang</th>", html);
        foreach (var metric in new[] { "Peak participation (a single tick)", "Cycles in all (as listed in cycles.csv)", "Arrests", "Concessions", "Co-optations", "Alliances abroad formed", "Outside pressure, max", "Suppressed", "Negotiated" })
            Assert.Contains($"<th scope=\"row\">{metric}</th>", html);
        Assert.Contains($"<td class=\"num\">{runs[0].Headline.GetProperty("repression_events").GetInt32():N0}</td>", html);
    }

    [Fact]
    public void The_page_lists_the_parameters_that_differ_and_nothing_else()
    {
        var (a, b) = TwoRuns();

        string html = ComparePage.Build([RunFolder.Read(a), RunFolder.Read(b)], []);

        Assert.Contains("1 parameter differs", html);
        Assert.Contains("<th scope=\"row\">transnational.alliance_probability</th><td>0</td><td>0.6</td>", html);
        Assert.DoesNotContain("<th scope=\"row\">state.openness</th>", html);
    }

    [Fact]
    public void Runs_of_the_same_scenario_are_labelled_by_folder()
    {
        var a = ReportFolders.Simulated(_tmp["a-seed1"], 0.15);
        var b = ReportFolders.Simulated(_tmp["b-seed2"], 0.85);

        Assert.Equal(["a-seed1", "b-seed2"], ComparePage.Labels([RunFolder.Read(a), RunFolder.Read(b)]));
    }

    [Fact]
    public void Fewer_than_two_runs_or_a_folder_that_is_not_a_run_is_refused()
    {
        var (a, _) = TwoRuns();
        Directory.CreateDirectory(_tmp["nothing"]);

        Assert.Throws<ReportInputException>(() => ComparePage.Write([a]));
        var e = Assert.Throws<ReportInputException>(() => ComparePage.Write([a, _tmp["nothing"]]));
        Assert.Contains("nothing", e.Message);
    }

    [Fact]
    public void Flatten_turns_parameters_into_dotted_paths()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"state":{"openness":0.15},"movements":[{"id":"m","thresholds":[1,2]}],"events":[]}""");

        var flat = ComparePage.Flatten(doc.RootElement);

        Assert.Equal("0.15", flat["state.openness"]);
        Assert.Equal("m", flat["movements[0].id"]);
        Assert.Equal("[1, 2]", flat["movements[0].thresholds"]);
        Assert.Equal("[]", flat["events"]);
    }

    [Trait("Category", "Browser")]
    [BrowserFact]
    public void In_a_browser_the_comparison_loads_cleanly_offline_on_a_projector_and_a_phone()
    {
        var (a, b) = TwoRuns();
        var output = ComparePage.Write([a, b]);

        var wide = _browser.Load(output.Html, 1600, 900);
        var phone = _browser.Load(output.Html, 390, 844, mobile: true);
        ChromiumFixture.Keep(wide.Screenshot, "compare-desktop.png");
        ChromiumFixture.Keep(phone.Screenshot, "compare-phone.png");

        foreach (var check in new[] { wide, phone })
        {
            Assert.Empty(check.ConsoleErrors);
            Assert.Empty(check.ExternalRequests);
            Assert.Equal(3, check.Images.Count);
            Assert.All(check.Images, i => Assert.True(i.Complete && i.NaturalWidth > 0 && i.RenderedWidth > 0 && i.RenderedHeight > 0, $"image '{i.Alt}' did not render"));
            Assert.True(check.ScrollWidth <= check.InnerWidth, $"page is {check.ScrollWidth}px wide in a {check.InnerWidth}px window");
        }
        Assert.Equal(390, RunReportTests.PngWidth(phone.Screenshot));
    }

    [Trait("Category", "Browser")]
    [BrowserFact]
    public void On_a_phone_three_runs_with_long_names_need_no_sideways_scrolling_and_no_headline_value_is_cut()
    {
        // The teacher's phone: figures needed sideways scrolling, legends were off-screen, compare's headline values cut.
        var (a, b) = TwoRuns();
        string c = ReportFolders.Simulated(_tmp["runs/open"], openness: 0.85, name: "teaching-tight-state, state.openness=0.85");
        var output = ComparePage.Write([a, b, c], _tmp["lesson"]);

        var phone = _browser.Load(output.Html, 390, 844, mobile: true);
        ChromiumFixture.Keep(phone.Screenshot, "compare-three-phone.png");

        Assert.Empty(phone.ConsoleErrors);
        Assert.True(phone.ScrollWidth <= phone.InnerWidth, $"page is {phone.ScrollWidth}px wide in a {phone.InnerWidth}px window");
        Assert.Empty(phone.Overflowing);
        Assert.All(phone.Images, i => Assert.True(i.RenderedWidth <= phone.InnerWidth, $"image '{i.Alt}' is {i.RenderedWidth}px wide"));
    }
}
