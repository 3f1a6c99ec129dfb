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
}
