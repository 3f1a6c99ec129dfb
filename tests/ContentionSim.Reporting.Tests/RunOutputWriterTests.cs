using ContentionSim.Core.Observation;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Tests;

public class RunOutputWriterTests
{
    private sealed class FailingPlot : IRunPlot
    {
        public string Name => "broken";
        public string Description => "Always fails.";
        public ScottPlot.Plot Create(RunResult result) => throw new InvalidOperationException("renderer crashed");
    }

    private static readonly RunOutputOptions NoPlots = new() { Plots = false };

    [Fact]
    public void Writes_the_documented_files_and_nothing_else()
    {
        using var dir = new TempDir();
        string outDir = dir["run"];
        var output = RunOutputWriter.Write(TestRuns.Sample(), outDir);

        string[] expected = ["actors.png", "actors.svg", "cycles.csv", "organizations.csv", "run.json", "stages.csv", "stages.png", "stages.svg", "timeseries.csv"];
        Assert.Equal(expected, Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(expected, output.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Path.GetFullPath(outDir), output.Directory);
        Assert.Equal(["run"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Events_csv_and_the_scenario_copy_are_written_only_when_there_is_something_to_write()
    {
        using var dir = new TempDir();
        RunOutputWriter.Write(TestRuns.Sample(), dir["without"], NoPlots);
        Assert.False(File.Exists(Path.Combine(dir["without"], "events.csv")));
        Assert.False(File.Exists(Path.Combine(dir["without"], "scenario.yaml")));

        const string yaml = "name: Test wave\r\nticks: 120 # CRLF kept as given\n";
        RunOutputWriter.Write(TestRuns.Sample(events: true), dir["with"],
            NoPlots with { ScenarioText = yaml, SourceFile = "scenarios/test.yml" });
        Assert.True(File.Exists(Path.Combine(dir["with"], "events.csv")));
        Assert.Equal(AtomicFile.Utf8.GetBytes(yaml), File.ReadAllBytes(Path.Combine(dir["with"], "scenario.yml")));
    }

    [Fact]
    public void The_same_result_gives_byte_identical_files()
    {
        using var dir = new TempDir();
        var run = TestRuns.Sample(movements: 2, events: true);
        var opts = new RunOutputOptions { ScenarioText = "name: Test wave\n", SourceFile = "test.yaml" };
        RunOutputWriter.Write(run, dir["a"], opts);
        RunOutputWriter.Write(TestRuns.Sample(movements: 2, events: true), dir["b"], opts);

        var a = Directory.GetFiles(dir["a"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var b = Directory.GetFiles(dir["b"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(a, b);
        Assert.Contains("stages.png", a);
        foreach (var name in a)
            Assert.True(File.ReadAllBytes(Path.Combine(dir["a"], name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir["b"], name!))),
                $"{name} differs between two writes of the same result");
    }

    [Fact]
    public void Files_do_not_depend_on_the_current_culture()
    {
        using var dir = new TempDir();
        var run = TestRuns.Sample();
        RunOutputWriter.Write(run, dir["invariant"], NoPlots);
        using (new CultureScope("de-DE"))
            RunOutputWriter.Write(run, dir["german"], NoPlots);
        foreach (var name in Directory.GetFiles(dir["invariant"]).Select(Path.GetFileName))
            Assert.Equal(File.ReadAllText(Path.Combine(dir["invariant"], name!)), File.ReadAllText(Path.Combine(dir["german"], name!)));
    }

    [Fact]
    public void An_existing_non_empty_folder_is_refused_without_force_and_left_alone()
    {
        using var dir = new TempDir();
        string outDir = dir["run"];
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");

        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots));
        Assert.Contains("exists", ex.Message);
        Assert.Contains("--force", ex.Message);
        Assert.Contains(outDir, ex.Message);
        Assert.Equal(["run", Path.Combine("run", "notes.txt")], dir.Entries());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
    }

    [Fact]
    public void An_existing_empty_folder_is_used()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["run"]);
        RunOutputWriter.Write(TestRuns.Sample(), dir["run"], NoPlots);
        Assert.True(File.Exists(Path.Combine(dir["run"], "run.json")));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Force_replaces_a_previous_run_completely()
    {
        using var dir = new TempDir();
        string outDir = dir["run"];
        RunOutputWriter.Write(TestRuns.Sample(events: true), outDir, NoPlots);
        File.WriteAllText(Path.Combine(outDir, "report.html"), "<html>the report command's page</html>");
        Assert.True(File.Exists(Path.Combine(outDir, "events.csv")));

        RunOutputWriter.Write(TestRuns.Sample(events: false), outDir, NoPlots with { Force = true });

        Assert.False(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.False(File.Exists(Path.Combine(outDir, "events.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "timeseries.csv")));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Force_does_not_replace_a_folder_that_is_not_a_run()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["home"]);
        File.WriteAllText(Path.Combine(dir["home"], "thesis.docx"), "precious");
        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), dir["home"], NoPlots with { Force = true }));
        Assert.Contains("run.json", ex.Message);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(dir["home"], "thesis.docx")));
        Assert.Equal(["home", Path.Combine("home", "thesis.docx")], dir.Entries());
    }

    [Fact]
    public void A_failure_midway_leaves_no_folder_no_staging_and_no_temporary_files()
    {
        using var dir = new TempDir();
        var opts = new RunOutputOptions { Figures = [new StagesPlot(), new FailingPlot()] };
        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), dir["run"], opts));
        Assert.Contains("broken.png", ex.Message);
        Assert.Contains("renderer crashed", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void A_failure_while_forcing_keeps_the_previous_run()
    {
        using var dir = new TempDir();
        string outDir = dir["run"];
        RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots);
        var before = Directory.GetFiles(outDir).ToDictionary(f => f, File.ReadAllBytes);

        Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(events: true), outDir,
            new RunOutputOptions { Force = true, Figures = [new FailingPlot()] }));

        Assert.Equal(["run"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        var after = Directory.GetFiles(outDir).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void A_file_where_the_parent_folder_must_be_is_reported_and_nothing_is_created()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["blocker"], "");
        string outDir = Path.Combine(dir["blocker"], "runs", "r1");
        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots));
        Assert.Contains("blocker", ex.Message);
        Assert.Equal(["blocker"], dir.Entries());
    }

    [Fact]
    public void A_file_at_the_output_path_is_refused_even_with_force()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["run"], "a file");
        var ex = Assert.Throws<OutputException>(() => RunOutputWriter.Write(TestRuns.Sample(), dir["run"], NoPlots with { Force = true }));
        Assert.Contains("is a file", ex.Message);
        Assert.Equal("a file", File.ReadAllText(dir["run"]));
        Assert.Equal(["run"], dir.Entries());
    }

    [Fact]
    public void A_stale_staging_folder_of_this_process_is_replaced()
    {
        using var dir = new TempDir();
        string staging = dir[$"run.partial-{Environment.ProcessId}"];
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "leftover.csv"), "half");
        RunOutputWriter.Write(TestRuns.Sample(), dir["run"], NoPlots);
        Assert.False(Directory.Exists(staging));
        Assert.False(File.Exists(Path.Combine(dir["run"], "leftover.csv")));
    }

    [Fact]
    public void Creates_missing_parent_folders_and_accepts_a_trailing_separator()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "a", "b", "run") + Path.DirectorySeparatorChar;
        var output = RunOutputWriter.Write(TestRuns.Sample(), outDir, NoPlots);
        Assert.Equal(Path.Combine(dir.Path, "a", "b", "run"), output.Directory);
        Assert.True(File.Exists(Path.Combine(output.Directory, "run.json")));
    }

    [Fact]
    public void Timeseries_file_has_a_row_per_observation()
    {
        using var dir = new TempDir();
        var run = TestRuns.Sample(movements: 2);
        RunOutputWriter.Write(run, dir["run"], NoPlots);
        var (_, rows) = TestCsv.Table(Path.Combine(dir["run"], "timeseries.csv"));
        Assert.Equal(run.Series.Count, rows.Count);
    }
}
