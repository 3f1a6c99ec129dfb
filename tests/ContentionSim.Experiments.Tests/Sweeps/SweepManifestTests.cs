using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>manifest.json of a sweep: what it records and what is read back.</summary>
public sealed class SweepManifestTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_manifest_records_tool_runtime_sources_grid_and_seed_scheme()
    {
        var setup = SweepTestSupport.Setup();
        var json = JsonDocument.Parse(SweepManifest.Create(setup, SweepManifest.Complete, 18, 1, "abc123")).RootElement;
        Assert.Equal(SweepManifest.Format, json.GetProperty("format").GetString());
        Assert.Equal(RunManifest.ToolVersion, json.GetProperty("tool").GetProperty("version").GetString());
        Assert.Equal("abc123", json.GetProperty("tool").GetProperty("git_commit").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("runtime").GetProperty("framework").GetString()));
        Assert.Equal(setup.SweepText, json.GetProperty("sweep").GetProperty("text").GetString());
        Assert.Equal(RunManifest.Sha256(setup.SweepText), json.GetProperty("sweep").GetProperty("sha256").GetString());
        Assert.Equal(setup.BaseText, json.GetProperty("base_scenario").GetProperty("text").GetString());
        Assert.Equal(RunManifest.Sha256(setup.BaseText), json.GetProperty("base_scenario").GetProperty("sha256").GetString());
        Assert.Equal(6, json.GetProperty("points").GetInt32());
        Assert.Equal(18, json.GetProperty("runs").GetInt32());
        var grid = json.GetProperty("grid").EnumerateArray().ToList();
        Assert.Equal(6, grid.Count);
        Assert.Equal("0.9", grid[5].GetProperty("values").GetProperty("state.openness").GetString());
        Assert.Equal(11UL, json.GetProperty("seeds").GetProperty("master_seed").GetUInt64());
        Assert.Contains("DeriveRunSeed", json.GetProperty("seeds").GetProperty("scheme").GetString());
        Assert.Equal(6, json.GetProperty("order").GetProperty("points").GetArrayLength());
        Assert.Equal("complete", json.GetProperty("state").GetProperty("state").GetString());
        Assert.Equal(40, json.GetProperty("base_parameters").GetProperty("ticks").GetInt32());
        Assert.Equal("unknown", JsonDocument.Parse(SweepManifest.Create(setup, SweepManifest.Running, 0, 0, null)).RootElement
            .GetProperty("tool").GetProperty("git_commit").GetString());
    }

    [Fact]
    public void The_manifest_reads_back_into_a_grid_with_text_and_numbers()
    {
        var setup = SweepTestSupport.Setup();
        string path = _dir.Combine(SweepManifest.FileName);
        SweepManifest.Write(path, setup, SweepManifest.Interrupted, 5, 0, null);
        var data = SweepManifest.Read(path);
        Assert.Equal("tiny-sweep", data.Name);
        Assert.Equal(setup.Fingerprint(), data.Fingerprint);
        Assert.Equal(setup.Plan.Grid.RunCount, data.Grid.RunCount);
        Assert.Equal(["0.1", "0.5", "0.9"], data.Grid.Factors[0].Levels.Select(l => l.Text));
        Assert.Equal(0.5, data.Grid.Factors[0].Levels[1].Number);
        Assert.Null(data.Grid.Factors[0].Levels[1].Value);
        Assert.Equal(setup.Plots, data.Plots);
        Assert.Equal(SeriesMode.Extremes, data.Series);
        Assert.Equal("interrupted", data.State);
        Assert.Equal(["ticks=40"], data.FixedSettings);
    }

    [Fact]
    public void The_fingerprint_changes_with_what_decides_the_results_only()
    {
        var setup = SweepTestSupport.Setup();
        Assert.Equal(setup.Fingerprint(), SweepTestSupport.Setup().Fingerprint());
        Assert.Equal(setup.Fingerprint(), (setup with { SweepText = setup.SweepText + "# a comment\n" }).Fingerprint());
        Assert.NotEqual(setup.Fingerprint(), SweepTestSupport.Setup(SweepTestSupport.Plan(replications: 4)).Fingerprint());
        Assert.NotEqual(setup.Fingerprint(), SweepTestSupport.Setup(SweepTestSupport.Plan(master: 12)).Fingerprint());
        var otherBase = new SweepPlan(SweepTestSupport.TinyBase with { Ticks = 41 }, setup.Plan.Grid, setup.Plan.MasterSeed);
        Assert.NotEqual(setup.Fingerprint(), SweepTestSupport.Setup(otherBase).Fingerprint());
    }

    [Fact]
    public void A_missing_or_foreign_manifest_is_refused()
    {
        Assert.Throws<SweepFolderException>(() => SweepManifest.Read(_dir.Combine("none.json")));
        File.WriteAllText(_dir.Combine("run.json"), "{\"format\": \"contentionsim-run/1\"}");
        Assert.Throws<SweepFolderException>(() => SweepManifest.Read(_dir.Combine("run.json")));
    }
}
