namespace ContentionSim.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Run(string name = "out")
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        var (code, _, error) = _cli.Run("run", scenario, "--out", _cli.PathOf(name));
        Assert.True(code == 0, error);
        return _cli.PathOf(name);
    }

    [Fact]
    public void Report_writes_report_html_into_a_finished_run_folder_without_rerunning()
    {
        var dir = Run();
        var before = File.ReadAllBytes(Path.Combine(dir, "timeseries.csv"));

        var (code, output, error) = _cli.Run("report", dir);

        Assert.True(code == 0, error);
        string page = Path.Combine(dir, "report.html");
        Assert.Contains(page, output);
        Assert.Contains("needs no network", output);
        string html = File.ReadAllText(page);
        Assert.Contains("<h1>small</h1>", html);
        Assert.Contains("How the cycle unfolded", html);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir, "timeseries.csv")));
    }

    [Fact]
    public void Report_out_writes_where_asked()
    {
        var dir = Run();

        var (code, _, error) = _cli.Run("report", dir, "--out", _cli.PathOf("pages/lesson.html"));

        Assert.True(code == 0, error);
        Assert.True(File.Exists(_cli.PathOf("pages/lesson.html")));
    }

    [Fact]
    public void Report_on_a_sweep_folder_embeds_its_plots()
    {
        var dir = _cli.PathOf("sweep");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{\"name\": \"openness sweep\"}");
        File.WriteAllText(Path.Combine(dir, "summary.csv"), "state.openness,peak\n0.1,0.2\n");
        File.Copy(Path.Combine(Run(), "stages.png"), Path.Combine(dir, "peak.png"));

        var (code, output, error) = _cli.Run("report", dir);

        Assert.True(code == 0, error);
        Assert.Contains("Sweep report written", output);
        Assert.Contains("How to read a sweep", File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_bad_input()
    {
        Directory.CreateDirectory(_cli.PathOf("empty"));

        var (code, _, error) = _cli.Run("report", _cli.PathOf("empty"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("run.json", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void An_unwritable_destination_is_an_output_failure()
    {
        var dir = Run();
        File.WriteAllText(_cli.PathOf("blocker"), "a file, not a folder");

        var (code, _, error) = _cli.Run("report", dir, "--out", _cli.PathOf("blocker/report.html"));

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("blocker", error);
    }
}
