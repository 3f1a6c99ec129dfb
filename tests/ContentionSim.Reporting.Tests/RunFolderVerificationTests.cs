using System.Text.Json.Nodes;
using ContentionSim.Reporting.Html;

namespace ContentionSim.Reporting.Tests;

/// <summary>
/// Issue 17, classes 5 and 6: a run folder read back by report and compare is checked, not trusted. Before the
/// change a timeseries.csv cut mid-row read as the whole run, unknown columns read as "no stages", NaN flowed on,
/// and a number written as text in run.json gave an InvalidOperationException; these tests failed then.
/// </summary>
public sealed class RunFolderVerificationTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Run()
    {
        RunOutputWriter.Write(TestRuns.Sample(), _tmp["run"], new RunOutputOptions { Plots = false, ScenarioText = "name: x\n", SourceFile = "x.yaml" });
        return _tmp["run"];
    }

    /// <summary>A folder as written before run.json carried checksums, so the table checks themselves are seen.</summary>
    private static void DropChecksums(string dir)
    {
        string path = Path.Combine(dir, "run.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var f in manifest["files"]!.AsArray()) f!.AsObject().Remove("sha256");
        File.WriteAllText(path, manifest.ToJsonString());
    }

    private static string Error(string dir) => Assert.Throws<ReportInputException>(() => RunFolder.Read(dir)).Message;

    [Fact]
    public void Run_json_records_the_sha256_of_every_other_file_and_a_changed_file_is_told()
    {
        string dir = Run();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "run.json")))!.AsObject();
        foreach (var f in manifest["files"]!.AsArray())
        {
            string name = (string)f!["name"]!;
            if (name == "run.json") Assert.Null(f["sha256"]);
            else Assert.Equal(RunManifest.Sha256File(Path.Combine(dir, name)), (string?)f["sha256"]);
        }
        RunFolder.Read(dir); // whole: reads

        File.AppendAllText(Path.Combine(dir, "cycles.csv"), "wave,9,fizzle,edited,1,2,3\n");
        string error = Error(dir);
        Assert.Contains("cycles.csv' has changed since the run wrote it", error);
        Assert.Contains($"contentionsim run x.yaml --seed {TestRuns.Seed} --out {dir} --force", error);
    }

    [Fact]
    public void A_timeseries_cut_mid_row_is_reported_as_torn()
    {
        string dir = Run();
        DropChecksums(dir);
        string path = Path.Combine(dir, "timeseries.csv");
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length - 20)]);
        string error = Error(dir);
        Assert.Contains("is incomplete: the file was cut off inside a row", error);
        Assert.Contains("--force", error);
    }

    [Fact]
    public void A_timeseries_missing_whole_rows_is_counted_against_run_json()
    {
        string dir = Run();
        DropChecksums(dir);
        string path = Path.Combine(dir, "timeseries.csv");
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^5]);
        Assert.Contains($"rows, but run.json records {TestRuns.Ticks:N0} ticks", Error(dir));
    }

    [Theory]
    [InlineData("stages.csv")]
    [InlineData("cycles.csv")]
    public void A_table_with_other_columns_is_refused_not_read_as_empty(string file)
    {
        string dir = Run();
        DropChecksums(dir);
        string path = Path.Combine(dir, file);
        var lines = File.ReadAllLines(path);
        lines[0] = lines[0].Replace("cycle", "cycle_number");
        File.WriteAllLines(path, lines);
        string error = Error(dir);
        Assert.Contains($"the header is not that of a ContentionSim {file}", error);
        Assert.Contains("unknown column", error);
    }

    [Fact]
    public void A_nan_or_text_in_a_number_column_is_located()
    {
        string dir = Run();
        DropChecksums(dir);
        string path = Path.Combine(dir, "timeseries.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int participation = Array.IndexOf(header, "participation");
        var fields = lines[3].Split(',');
        fields[participation] = "NaN";
        lines[3] = string.Join(",", fields);
        File.WriteAllLines(path, lines);
        Assert.Contains("line 4, column 'participation': 'NaN' is not a finite number", Error(dir));
    }

    [Theory]
    [InlineData("\"ticks_run\": ", "ticks_run")]
    [InlineData("\"peak_participation\": ", "headline.peak_participation")]
    [InlineData("\"seed\": ", "seed")]
    public void A_number_written_as_text_in_run_json_is_a_located_message(string property, string where)
    {
        string dir = Run();
        string path = Path.Combine(dir, "run.json");
        var lines = File.ReadAllLines(path);
        int i = Array.FindIndex(lines, l => l.TrimStart().StartsWith(property, StringComparison.Ordinal));
        Assert.True(i >= 0);
        string value = lines[i][(lines[i].IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimEnd(',');
        lines[i] = lines[i].Replace(": " + value, $": \"{value}\"", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        string error = Error(dir);
        Assert.Contains($"run.json:{i + 1}: '{where}' is the text \"{value}\", expected a number", error);
        Assert.DoesNotContain("InvalidOperation", error);
    }
}
