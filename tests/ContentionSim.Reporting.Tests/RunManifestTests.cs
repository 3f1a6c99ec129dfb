using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Reporting.Tests;

public class RunManifestTests
{
    private static JsonDocument Manifest(RunResult run, RunOutputOptions? options = null)
    {
        var dir = new TempDir();
        try
        {
            RunOutputWriter.Write(run, dir["run"], options ?? new RunOutputOptions { Plots = false });
            return JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir["run"], "run.json")));
        }
        finally { dir.Dispose(); }
    }

    [Fact]
    public void Round_trips_seed_tool_and_scenario()
    {
        using var doc = Manifest(TestRuns.Sample(), new RunOutputOptions
        {
            Plots = false, ScenarioSha256 = "ab12", SourceFile = "scenarios/test.yaml", ScenarioText = "name: x\n",
        });
        var root = doc.RootElement;
        Assert.Equal(RunManifest.Format, root.GetProperty("format").GetString());
        Assert.Equal(TestRuns.Seed, root.GetProperty("seed").GetUInt64());
        Assert.Equal("contentionsim", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.StartsWith("0.1.0", root.GetProperty("tool").GetProperty("version").GetString());
        var scenario = root.GetProperty("scenario");
        Assert.Equal("Test wave", scenario.GetProperty("name").GetString());
        Assert.Equal("ab12", scenario.GetProperty("sha256").GetString());
        Assert.Equal("scenarios/test.yaml", scenario.GetProperty("source_file").GetString());
        Assert.Equal("scenario.yaml", scenario.GetProperty("copy").GetString());
        Assert.Equal("week", root.GetProperty("time_unit").GetString());
        Assert.Equal(120, root.GetProperty("ticks_run").GetInt32());
    }

    [Fact]
    public void The_scenario_hash_is_computed_from_the_text_when_not_given()
    {
        using var doc = Manifest(TestRuns.Sample(), new RunOutputOptions { Plots = false, ScenarioText = "abc" });
        // SHA-256("abc")
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            doc.RootElement.GetProperty("scenario").GetProperty("sha256").GetString());

        using var none = Manifest(TestRuns.Sample());
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("scenario").GetProperty("sha256").ValueKind);
    }

    [Fact]
    public void Headline_is_there_with_keys_and_rounded_numbers()
    {
        using var doc = Manifest(TestRuns.Sample());
        var h = doc.RootElement.GetProperty("headline");
        Assert.Equal(2, h.GetProperty("cycles").GetInt32());
        Assert.Equal(["negotiated", "ongoing"], h.GetProperty("outcomes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("negotiated", h.GetProperty("last_outcome").GetString());
        Assert.Equal("0.421235", h.GetProperty("peak_participation").GetRawText());
        Assert.Equal(45, h.GetProperty("peak_tick").GetInt32());
        Assert.Equal(35, h.GetProperty("time_to_peak").GetInt32());
        Assert.Equal(0.857143, h.GetProperty("late_violence_share").GetDouble());
        var durations = h.GetProperty("stage_durations").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToArray();
        Assert.Equal(
            [("latent", 25), ("conflict_diffusion", 25), ("repertoires_frames", 15), ("information_interaction", 20),
             ("exhaustion_polarization", 15), ("violence_institutionalization", 15), ("facilitation_repression", 15)],
            durations);
        foreach (var key in new[] { "repression_events", "facilitation_events", "concessions", "cooptations", "violent_acts" })
            Assert.True(h.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void Non_finite_headline_numbers_become_null()
    {
        var run = TestRuns.Sample();
        run = run with { Headline = run.Headline with { LateViolenceShare = double.NaN } };
        using var doc = Manifest(run);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("headline").GetProperty("late_violence_share").ValueKind);
    }

    [Fact]
    public void Cycles_list_outcomes_and_open_ends()
    {
        using var doc = Manifest(TestRuns.Sample());
        var cycles = doc.RootElement.GetProperty("cycles").EnumerateArray().ToArray();
        Assert.Equal(2, cycles.Length);
        Assert.Equal(100, cycles[0].GetProperty("end_tick").GetInt32());
        Assert.Equal("facilitation_repression", cycles[0].GetProperty("highest_stage").GetString());
        Assert.Equal(JsonValueKind.Null, cycles[1].GetProperty("end_tick").ValueKind);
        Assert.Equal("ongoing", cycles[1].GetProperty("outcome").GetString());
    }

    [Fact]
    public void Files_list_matches_the_folder()
    {
        using var dir = new TempDir();
        RunOutputWriter.Write(TestRuns.Sample(events: true), dir["run"]);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir["run"], "run.json")));
        var listed = doc.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToArray();
        Assert.Equal("run.json", listed[0]);
        Assert.Equal(Directory.GetFiles(dir["run"]).Select(Path.GetFileName).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.All(doc.RootElement.GetProperty("files").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("description").GetString())));
    }

    [Fact]
    public void Parameters_are_the_resolved_scenario_with_scenario_file_keys()
    {
        var run = TestRuns.Sample(movements: 2);
        run = run with { Scenario = run.Scenario with { State = run.Scenario.State with { Openness = 0.37 } } };
        using var doc = Manifest(run);
        var p = doc.RootElement.GetProperty("parameters");
        Assert.Equal(0.37, p.GetProperty("state").GetProperty("openness").GetDouble());
        Assert.Equal("small_world", p.GetProperty("network").GetProperty("kind").GetString());
        Assert.Equal(TestRuns.Seed, p.GetProperty("seed").GetUInt64());
        var movements = p.GetProperty("movements").EnumerateArray().ToArray();
        Assert.Equal(["migrants", "labour"], movements.Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("beta", movements[0].GetProperty("activists").GetProperty("grievance").GetProperty("kind").GetString());
        Assert.Equal("share", movements[0].GetProperty("activists").GetProperty("threshold_unit").GetString());
        // Computed values are not parameters.
        Assert.False(p.TryGetProperty("total_activists", out _));
        Assert.False(movements[0].GetProperty("activists").TryGetProperty("effective_count", out _));
        // Keys are exactly the scenario's documented parameters, in declaration order.
        Assert.Equal(ParameterPath.PropertiesOf(typeof(Scenario)).Select(ParameterPath.KeyOf), p.EnumerateObject().Select(o => o.Name));
        Assert.Equal(ParameterPath.PropertiesOf(typeof(StateParameters)).Select(ParameterPath.KeyOf),
            p.GetProperty("state").EnumerateObject().Select(o => o.Name));
    }

    [Fact]
    public void Nothing_depends_on_threads_or_time()
    {
        using var dir = new TempDir();
        RunOutputWriter.Write(TestRuns.Sample(), dir["run"], new RunOutputOptions { Plots = false });
        string text = File.ReadAllText(Path.Combine(dir["run"], "run.json"));
        Assert.DoesNotContain("thread", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("written_at", text);
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-", text);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        // Non-ASCII text is written readably, not \u-escaped.
        Assert.Contains("ünïcödé", text);
    }
}
