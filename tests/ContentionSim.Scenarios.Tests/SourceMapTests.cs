namespace ContentionSim.Scenarios.Tests;

public class SourceMapTests
{
    private static SourceMap Map() => ScenarioLoader.SourceOf(ScenarioLoader.Parse("""
        name: x
        movements:
          - id: a
            activists:
              count: 300
              grievance: {normal: [0.5, 0.1]}
        """, "m.yaml"))!;

    [Fact]
    public void Scalar_values_are_located_at_the_value()
    {
        Assert.Equal(new SourceLocation("m.yaml", 5, 14), Map().Locate("movements[0].activists.count"));
    }

    [Fact]
    public void Sections_are_located_at_their_key_and_list_items_at_their_start()
    {
        var map = Map();
        Assert.Equal(new SourceLocation("m.yaml", 4, 5), map.Locate("movements[0].activists"));
        Assert.Equal(new SourceLocation("m.yaml", 3, 5), map.Locate("movements[0]"));
    }

    [Fact]
    public void Shorthand_distribution_parts_are_located_at_their_list_items()
    {
        var map = Map();
        Assert.Equal(new SourceLocation("m.yaml", 6, 28), map.Locate("movements[0].activists.grievance.mean"));
        Assert.Equal(new SourceLocation("m.yaml", 6, 33), map.Locate("movements[0].activists.grievance.sd"));
    }

    [Fact]
    public void Keys_not_written_fall_back_to_the_nearest_written_parent()
    {
        var map = Map();
        Assert.False(map.Contains("movements[0].activists.energy_cost"));
        Assert.Equal(new SourceLocation("m.yaml", 4, 5), map.Locate("movements[0].activists.energy_cost"));
        Assert.Equal(new SourceLocation("m.yaml", 0, 0), map.Locate("state.openness"));
    }
}
