using System.Text.Json;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// The lesson in scenarios/teaching/: every scenario runs end to end through the CLI and gets its
/// report, and each shows the idea its header promises the class (at its shipped seed and length).
/// </summary>
public sealed class TeachingScenariosEndToEndTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Folder => Path.Combine(CliHarness.RepoRoot, "scenarios", "teaching");

    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_lesson_has_three_or_four_scenarios_each_with_a_header_for_the_class()
    {
        var files = Directory.GetFiles(Folder, "*.yaml");
        Assert.InRange(files.Length, 3, 4);
        foreach (var f in files)
        {
            var text = File.ReadAllText(f);
            Assert.StartsWith("# Lesson ", text);
            Assert.Contains("# What the class should notice:", text);
        }
        Assert.True(File.Exists(Path.Combine(CliHarness.RepoRoot, "docs", "teaching.md")));
        var plan = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "docs", "teaching.md"));
        foreach (var f in files) Assert.Contains("scenarios/teaching/" + Path.GetFileName(f), plan);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Each_teaching_scenario_runs_end_to_end_and_gets_its_report(string file)
    {
        string outDir = _cli.PathOf(Path.GetFileNameWithoutExtension(file));

        var (code, output, error) = _cli.Run("run", Path.Combine(Folder, file), "--out", outDir);
        Assert.True(code == 0, $"run: exit {code}: {error}");
        Assert.Contains(outDir, output);
        (code, _, error) = _cli.Run("report", outDir);
        Assert.True(code == 0, $"report: exit {code}: {error}");

        string html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        int stageRows = File.ReadAllLines(Path.Combine(outDir, "stages.csv")).Length - 1;
        Assert.True(stageRows > 0, "the lesson's scenario never entered a stage");
        Assert.Equal(stageRows, System.Text.RegularExpressions.Regex.Count(html, "<li class=\"entry\""));
    }

    private JsonElement Run(string file, params string[] extra)
    {
        string outDir = _cli.PathOf(Path.GetFileNameWithoutExtension(file) + extra.Length);
        var (code, _, error) = _cli.Run(["run", Path.Combine(Folder, file), "--out", outDir, "--no-plots", .. extra]);
        Assert.True(code == 0, error);
        return CliHarness.ReadJson(Path.Combine(outDir, "run.json"));
    }

    private static List<string> Outcomes(JsonElement run) =>
        run.GetProperty("cycles").EnumerateArray().Where(c => c.GetProperty("movement").GetString() == "wave")
            .Select(c => c.GetProperty("outcome").GetString()!).ToList();

    private static int Headline(JsonElement run, string name) => run.GetProperty("headline").GetProperty(name).GetInt32();

    [Fact]
    public void Lesson_1_a_tight_state_suppresses_and_the_same_movement_under_an_open_state_negotiates()
    {
        var tight = Run("1-tight-state.yaml");
        var open = Run("1-tight-state.yaml", "--set", "state.openness=0.85");

        // The class's run (seed 1); over seeds, docs/teaching.md's claims L1-* (a tight state suppresses in
        // many runs, not all: seed 1's only mobilization fizzles).
        Assert.DoesNotContain("negotiated", Outcomes(tight));
        Assert.Contains("negotiated", Outcomes(open));
        Assert.True(Headline(tight, "repression_events") > 10 * Math.Max(1, Headline(tight, "cooptations")), "the tight state should arrest far more than it co-opts");
        Assert.True(open.GetProperty("headline").GetProperty("peak_participation").GetDouble() > tight.GetProperty("headline").GetProperty("peak_participation").GetDouble());
    }

    [Fact]
    public void Lesson_2_the_boomerang_brings_outside_pressure_and_negotiated_outcomes()
    {
        var tight = Run("1-tight-state.yaml");
        var boomerang = Run("2-boomerang.yaml");

        Assert.Equal(0, Headline(tight, "alliances_formed"));
        Assert.True(Headline(boomerang, "alliances_formed") > 0);
        Assert.True(boomerang.GetProperty("headline").GetProperty("max_outside_pressure").GetDouble() > 1);
        Assert.Contains("negotiated", Outcomes(boomerang));
        Assert.True(Headline(boomerang, "cooptations") > Headline(tight, "cooptations"));
    }

    [Fact]
    public void Lesson_3_the_movement_rises_and_falls_with_no_arrest()
    {
        var run = Run("3-exhaustion.yaml");

        // The class's run (seed 1); over seeds, docs/teaching.md's claims L3-*.
        Assert.Equal(0, Headline(run, "repression_events"));
        Assert.True(run.GetProperty("headline").GetProperty("peak_participation").GetDouble() > 0.2);
        Assert.NotEmpty(Outcomes(run));
    }

    [Fact]
    public void Lesson_4_cycles_repeat()
    {
        var run = Run("4-repeated-cycles.yaml");
        var fewer = Run("4-repeated-cycles.yaml", "--set", "movements[0].activists.grievance_rebuild=0.001");

        Assert.True(Headline(run, "completed_cycles") >= 3, $"{Headline(run, "completed_cycles")} completed cycles");
        Assert.True(Headline(fewer, "completed_cycles") < Headline(run, "completed_cycles"));
    }
}
