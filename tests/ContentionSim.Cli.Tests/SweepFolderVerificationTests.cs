using System.Text.Json.Nodes;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Issue 17, classes 6 and 9 for sweep folders: runs.csv is checked against the sweep's grid, its numbers are finite
/// and of a run's size, a CRLF-edited runs.csv is read by plot and explained by --resume, and report on an
/// interrupted sweep says so. Before the change a contradicting row was counted under the wrong point, NaN and
/// 1e308 reached summary.csv, CRLF was called "written by another sweep" and report said "not a run folder".
/// </summary>
public sealed class SweepFolderVerificationTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private (string Sweep, string Folder) Complete()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string folder = _cli.PathOf("S");
        var (code, _, error) = _cli.Run("sweep", sweep, "--out", folder, "--no-plots", "--series", "none");
        Assert.True(code == 0, error);
        return (sweep, folder);
    }

    /// <summary>Replaces field <paramref name="column"/> of data row <paramref name="row"/> (1-based, after the header).</summary>
    private static void Edit(string runsCsv, int row, string column, string value)
    {
        var lines = File.ReadAllLines(runsCsv);
        int c = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(c >= 0, column);
        var fields = lines[row].Split(',');
        fields[c] = value;
        lines[row] = string.Join(",", fields);
        File.WriteAllText(runsCsv, string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void A_row_whose_point_contradicts_its_run_index_is_refused_by_plot_and_resume()
    {
        var (sweep, folder) = Complete();
        string runsCsv = Path.Combine(folder, "runs.csv");
        var point = File.ReadAllLines(runsCsv)[5].Split(',')[1];
        Edit(runsCsv, 5, "point", point == "0" ? "1" : "0");

        var (code, output, error) = _cli.Run("plot", folder);
        Assert.Equal(2, code);
        Assert.DoesNotContain("18 of 18 runs", output);
        Assert.Contains("contradict the sweep's grid", error);
        Assert.Contains("but in this sweep's grid it is point", error);

        var (resume, _, resumeError) = _cli.Run("sweep", sweep, "--out", folder, "--no-plots", "--series", "none", "--resume");
        Assert.Equal(3, resume);
        Assert.Contains("contradict the sweep's grid", resumeError);
    }

    [Theory]
    [InlineData("NaN", "not a finite number")]
    [InlineData("1e308", "larger than any run can give")]
    [InlineData("-Infinity", "not a finite number")]
    public void A_metric_that_no_run_gives_is_refused_and_never_reaches_the_summary(string value, string expected)
    {
        var (_, folder) = Complete();
        string summary = File.ReadAllText(Path.Combine(folder, "summary.csv"));
        Edit(Path.Combine(folder, "runs.csv"), 3, "peak_participation", value);
        var (code, _, error) = _cli.Run("plot", folder);
        Assert.Equal(2, code);
        Assert.Contains("line 4 cannot be read", error);
        Assert.Contains(expected, error);
        Assert.Equal(summary, File.ReadAllText(Path.Combine(folder, "summary.csv")));
    }

    [Fact]
    public void A_crlf_edited_runs_csv_is_read_by_plot_and_explained_by_resume()
    {
        var (sweep, folder) = Complete();
        string runsCsv = Path.Combine(folder, "runs.csv");
        string summary = File.ReadAllText(Path.Combine(folder, "summary.csv"));
        File.WriteAllText(runsCsv, File.ReadAllText(runsCsv).Replace("\n", "\r\n"));

        var (plot, _, plotError) = _cli.Run("plot", folder);
        Assert.True(plot == 0, plotError);
        Assert.Equal(summary, File.ReadAllText(Path.Combine(folder, "summary.csv")));

        var (resume, _, error) = _cli.Run("sweep", sweep, "--out", folder, "--no-plots", "--series", "none", "--resume");
        Assert.Equal(3, resume);
        Assert.Contains("Windows line endings (CRLF)", error);
        Assert.Contains("sed -i 's/\\r$//'", error);
        Assert.DoesNotContain("written by another sweep", error);
    }

    [Fact]
    public void Report_on_an_interrupted_sweep_says_so_and_how_to_go_on()
    {
        var (_, folder) = Complete();
        File.Delete(Path.Combine(folder, "summary.csv"));
        string manifestPath = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        manifest["state"]!["state"] = "interrupted";
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var (code, output, error) = _cli.Run("report", folder);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("is a sweep that was interrupted", error);
        Assert.Contains("of its 18 runs are recorded", error);
        Assert.Contains("--resume", error);
        Assert.Contains($"contentionsim plot {folder}", error);
        Assert.DoesNotContain("not a run folder", error);
    }
}
