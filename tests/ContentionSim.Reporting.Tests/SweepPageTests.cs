using System.Text.RegularExpressions;
using ContentionSim.Reporting.Html;
using ContentionSim.Reporting.Tests.Browser;

namespace ContentionSim.Reporting.Tests;

/// <summary>The sweep branch of <c>report</c>, on a hand-made sweep folder (manifest.json, summary.csv, PNG plots).</summary>
public sealed class SweepPageTests : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly ChromiumFixture _browser;
    private readonly TempDir _tmp = new();

    public SweepPageTests(ChromiumFixture browser) => _browser = browser;

    public void Dispose() => _tmp.Dispose();

    private string SweepFolder()
    {
        string dir = _tmp["sweep"];
        Directory.CreateDirectory(Path.Combine(dir, "plots"));
        Directory.CreateDirectory(Path.Combine(dir, "series"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), """
            {
              "format": "contentionsim-sweep/1",
              "name": "openness <sweep>",
              "description": "Openness from 0 to 1, five seeds each.",
              "scenario": "scenarios/open-pos.yaml",
              "parameters": ["state.openness"],
              "seeds": 5,
              "files": [ { "name": "plots/metric-peak.png/.svg", "description": "Peak participation against openness, with 95% confidence bands." } ],
              "nested": { "ignored": true }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "summary.csv"), "state.openness,runs,peak_participation_mean,note\n0,5,0.05,\"closed, <b>\"\n0.5,5,0.4,\n1,5,0.2,open\n");
        var png = Plots.RunPlots.Png(new Plots.StagesPlot(), TestRuns.Sample(), 800, 450);
        File.WriteAllBytes(Path.Combine(dir, "plots", "metric-peak.png"), png);
        File.WriteAllBytes(Path.Combine(dir, "outcomes.png"), png);
        File.WriteAllBytes(Path.Combine(dir, "plots", ".metric-peak.png.tmp-abc"), png);
        return dir;
    }

    [Fact]
    public void A_folder_with_manifest_and_summary_is_a_sweep_folder()
    {
        Assert.True(SweepPage.IsSweepFolder(SweepFolder()));
        Assert.False(SweepPage.IsSweepFolder(ReportFolders.Sample(_tmp["run"])));
    }

    [Fact]
    public void Every_png_of_the_folder_and_its_subfolders_is_embedded_with_a_reading_guide()
    {
        string html = SweepPage.Build(SweepFolder());

        Assert.Equal(2, Regex.Count(html, "<img class=\"plot\" src=\"data:image/png;base64,"));
        Assert.True(html.IndexOf("<figcaption>outcomes.png", StringComparison.Ordinal) < html.IndexOf("plots/metric-peak.png", StringComparison.Ordinal),
            "top-level plots come first");
        Assert.Contains("How to read a sweep.", html);
        Assert.Contains("Peak participation against openness, with 95% confidence bands. (plots/metric-peak.png)", html);
        Assert.Contains("<h1>openness &lt;sweep&gt;</h1>", html);
        Assert.Contains("<th scope=\"row\">parameters</th><td>state.openness</td>", html);
        Assert.Contains("<td>closed, &lt;b&gt;</td>", html);
        Assert.DoesNotContain("ignored", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Write_puts_report_html_in_the_sweep_folder()
    {
        string dir = SweepFolder();

        string path = SweepPage.Write(dir);

        Assert.Equal(Path.Combine(dir, "report.html"), path);
        Assert.True(new FileInfo(path).Length > 1000);
    }

    [Fact]
    public void A_damaged_summary_is_refused_with_its_path()
    {
        string dir = SweepFolder();
        File.WriteAllText(Path.Combine(dir, "summary.csv"), "a,b\n\"unterminated\n");

        var e = Assert.Throws<ReportInputException>(() => SweepPage.Build(dir));
        Assert.Contains("summary.csv", e.Message);
    }

    [Trait("Category", "Browser")]
    [BrowserFact]
    public void In_a_browser_the_sweep_report_loads_cleanly_and_every_plot_renders()
    {
        string path = SweepPage.Write(SweepFolder());

        var check = _browser.Load(path, 390, 844, mobile: true);
        ChromiumFixture.Keep(check.Screenshot, "sweep-phone.png");

        Assert.Empty(check.ConsoleErrors);
        Assert.Empty(check.ExternalRequests);
        Assert.Equal(2, check.Images.Count);
        Assert.All(check.Images, i => Assert.True(i.Complete && i.NaturalWidth > 0 && i.RenderedWidth > 0, $"image '{i.Alt}' did not render"));
        Assert.True(check.ScrollWidth <= check.InnerWidth, $"page is {check.ScrollWidth}px wide in a {check.InnerWidth}px window");
    }
}

public class SweepPageOrderTests
{
    [Fact]
    public void Figures_come_by_meaning_outcomes_and_the_stage_trace_first()
    {
        // The teacher found 24 plots sorted alphabetically by file name (concessions before cycles, outcomes near the end).
        string[] files =
        [
            "plots/metric-alliances_formed.png", "plots/metric-concessions.png", "plots/metric-cycles.png", "plots/heatmap-peak_participation.png",
            "plots/metric-peak_participation.png", "plots/outcomes.png", "plots/stage-trace.png", "plots/metric-fizzles.png", "plots/other.png",
        ];
        var ordered = files.OrderBy(ContentionSim.Reporting.Html.SweepPage.Rank).ThenBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "plots/outcomes.png", "plots/stage-trace.png", "plots/heatmap-peak_participation.png", "plots/metric-cycles.png", "plots/metric-fizzles.png",
            "plots/metric-peak_participation.png", "plots/metric-alliances_formed.png", "plots/metric-concessions.png", "plots/other.png",
        ], ordered);
    }
}
