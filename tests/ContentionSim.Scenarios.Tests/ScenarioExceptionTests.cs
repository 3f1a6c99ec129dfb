namespace ContentionSim.Scenarios.Tests;

public class ScenarioExceptionTests
{
    [Fact]
    public void Message_has_one_line_per_diagnostic()
    {
        var e = new ScenarioException([
            new Diagnostic("a.yaml", 1, 1, "tick", "unknown key", null),
            new Diagnostic("a.yaml", 4, 3, "state.openness", "out of range", "lower it"),
        ]);
        Assert.Equal($"a.yaml:1:1: tick: unknown key{Environment.NewLine}a.yaml:4:3: state.openness: out of range. Lower it", e.Message);
        Assert.Equal(2, e.Diagnostics.Count);
    }
}
