using ContentionSim.Scenarios.Calibration;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Scenarios.Tests;

/// <summary>How a command tells a calibration or a sweep from a scenario before loading it, so that its problems are told as the calibration's or the sweep's.</summary>
public sealed class FileKindTests
{
    [Theory]
    [InlineData("scenario: s.yaml\nfree:\n  state.openness: {uniform: [0.1, 0.9]}\n", true, false)]
    [InlineData("scenario: s.yaml\nfree:\n\tstate.openness: {uniform: [0.1, 0.9]}\n", true, false)]   // a tab: broken YAML
    [InlineData("scenario: s.yaml\ntargets : {peak_participation: {observed: 0.3\n", true, false)] // an unclosed flow mapping
    [InlineData("base: s.yaml\nvary:\n\tstate.openness: [0.1, 0.9]\n", false, true)]
    [InlineData("name: x\nstate:\n\topenness: 0.5\n", false, false)]                            // a broken scenario
    [InlineData("name: x\nstate:\n  free: 1\n  base: 2\n", false, false)]                        // the keys, but not at the top
    [InlineData("name: x\nstate:\n  free: 1\n\tbase: 2\n", false, false)]                        // ... of a broken file either
    public void A_calibration_or_a_sweep_is_told_from_a_scenario_also_when_its_yaml_is_broken(string text, bool calibration, bool sweep)
    {
        using var dir = new TempDir();
        string path = dir.File("file.yaml", text);
        Assert.Equal(calibration, CalibrationLoader.IsCalibrationFile(path));
        Assert.Equal(sweep, SweepLoader.IsSweepFile(path));
    }

    [Theory]
    [InlineData("name: s\nbase: x.yaml\nvary:\n  state.openness: [0.1, 0.9]\n", 2, "base", "this is a sweep file (its top level has 'base:'), not a scenario", "contentionsim sweep ")]
    [InlineData("name: c\nscenario: x.yaml\n\nfree:\n\tstate.openness: {uniform: [0.1, 0.9]}\n", 4, "free", "this is a calibration file (its top level has 'free:'), not a scenario", "contentionsim calibrate ")]
    public void A_sweep_or_a_calibration_given_as_a_scenario_is_named_as_what_it_is(string text, int line, string key, string message, string command)
    {
        using var dir = new TempDir();
        string path = dir.File("file.yaml", text);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal((path, line, 1, key, message), (d.File, d.Line, d.Column, d.Path, d.Message));
        Assert.StartsWith($"run it with '{command}{path}'", d.Fix);
    }
}
