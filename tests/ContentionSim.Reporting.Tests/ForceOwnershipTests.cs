using System.Text.Json.Nodes;

namespace ContentionSim.Reporting.Tests;

/// <summary>
/// Issue 17, class 2: <c>--force</c> replaces only what ContentionSim made. Before the change any folder with a
/// file named run.json was replaced whole, the user's notes and another tool's files with it; these tests failed then.
/// </summary>
public class ForceOwnershipTests
{
    private static readonly RunOutputOptions NoPlots = new() { Plots = false };

    [Fact]
    public void Force_refuses_a_run_folder_holding_the_users_files_and_names_them()
    {
        using var dir = new TempDir();
        string outDir = dir["run"];
        RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes");
        Directory.CreateDirectory(Path.Combine(outDir, "analysis"));
        File.WriteAllText(Path.Combine(outDir, "analysis", "fit.R"), "lm(y ~ x)");
        var before = dir.Entries();

        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(events: true), outDir, NoPlots with { Force = true }));
        Assert.Contains("'analysis', 'notes.txt'", ex.Message);
        Assert.Contains("--force-delete-foreign", ex.Message);
        Assert.Equal(before, dir.Entries());
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(outDir, "notes.txt")));

        // The check that runs before the simulation says the same.
        var early = Assert.Throws<OutputException>(() => RunOutputWriter.CheckReplaceable(outDir, NoPlots with { Force = true }));
        Assert.Equal(ex.Message, early.Message);
    }

    [Fact]
    public void Force_delete_foreign_replaces_the_folder_whatever_it_holds()
    {
        using var dir = new TempDir();
        string outDir = dir["run"];
        RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes");
        RunOutputWriter.Write(TestRuns.Sample(events: true), outDir, NoPlots with { Force = true, ForceDeleteForeign = true });
        Assert.False(File.Exists(Path.Combine(outDir, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "events.csv")));
    }

    [Theory]
    [InlineData("{\"id\": 7, \"status\": \"done\"}")]                                          // another tool's run.json
    [InlineData("{\"format\": \"contentionsim-run/1\", \"tool\": {\"name\": \"othertool\"}}")] // right format, wrong tool
    [InlineData("{\"tool\": {\"name\": \"contentionsim\"}}")]                                  // no format
    [InlineData("not json at all")]
    public void A_run_json_that_is_not_ours_does_not_make_a_run_folder(string manifest)
    {
        using var dir = new TempDir();
        string outDir = dir["thesis"];
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "run.json"), manifest);
        File.WriteAllText(Path.Combine(outDir, "thesis.tex"), "\\documentclass{article}");

        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots with { Force = true }));
        Assert.Contains("not a ContentionSim run folder", ex.Message);
        Assert.Equal("\\documentclass{article}", File.ReadAllText(Path.Combine(outDir, "thesis.tex")));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(outDir, "run.json")));
    }

    [Fact]
    public void Only_the_files_the_manifest_lists_count_as_ours()
    {
        using var dir = new TempDir();
        string outDir = dir["run"];
        RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots);
        // A file with the name of one a run can write, but not listed by this run's manifest, is not ours.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")))!.AsObject();
        Assert.DoesNotContain(manifest["files"]!.AsArray(), f => (string?)f!["name"] == "events.csv");
        File.WriteAllText(Path.Combine(outDir, "events.csv"), "the user's own events");
        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots with { Force = true }));
        Assert.Contains("'events.csv'", ex.Message);
        Assert.Equal(RunOutputWriter.OwnedFiles(outDir)!.Order(StringComparer.Ordinal),
            ["cycles.csv", "organizations.csv", "report.html", "run.json", "stages.csv", "timeseries.csv"]);
    }
}
