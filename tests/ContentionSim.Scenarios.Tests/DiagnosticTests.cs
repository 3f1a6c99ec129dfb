namespace ContentionSim.Scenarios.Tests;

public class DiagnosticTests
{
    [Fact]
    public void Full_form()
    {
        var d = new Diagnostic("a.yaml", 3, 5, "state.openness", "1.5 is out of range", "use a value from 0 to 1");
        Assert.Equal("a.yaml:3:5: state.openness: 1.5 is out of range. Use a value from 0 to 1", d.ToString());
    }

    [Fact]
    public void Unknown_position_and_no_path_or_fix()
    {
        Assert.Equal("--set: x: bad", new Diagnostic("--set", 0, 0, "x", "bad", null).ToString());
        Assert.Equal("a.yaml:1:1: the scenario file is empty", new Diagnostic("a.yaml", 1, 1, "", "the scenario file is empty.", " ").ToString());
    }

    [Fact]
    public void Question_is_not_followed_by_a_full_stop()
    {
        var d = new Diagnostic("a.yaml", 2, 1, "tick", "unknown key 'tick'; did you mean 'ticks'?", "valid keys: ticks");
        Assert.Equal("a.yaml:2:1: tick: unknown key 'tick'; did you mean 'ticks'? Valid keys: ticks", d.ToString());
    }
}
