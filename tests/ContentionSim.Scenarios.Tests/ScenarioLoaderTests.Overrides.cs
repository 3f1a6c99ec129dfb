using ContentionSim.Core.Parameters;
using static ContentionSim.Scenarios.Tests.Support;

namespace ContentionSim.Scenarios.Tests;

public partial class ScenarioLoaderTests
{
    private const string Base = """
        name: base
        network:
          degree: 8
        movements:
          - id: migrants
            activists:
              count: 500
            organizations: []
          - id: students
            organizations: []
        state:
          openness: 0.4
        """;

    private static Scenario LoadBase() => ScenarioLoader.Parse(Base, "base.yaml");

    [Fact]
    public void Override_a_section_value()
    {
        var original = LoadBase();
        var s = ScenarioLoader.ApplyOverrides(original, ["state.openness=0.9"]);
        Assert.Equal(0.9, s.State.Openness);
        Assert.Equal(0.4, original.State.Openness); // the original is untouched
        Assert.Equal(original.State with { Openness = 0.9 }, s.State);
    }

    [Fact]
    public void Override_a_movement_by_id()
    {
        var s = ScenarioLoader.ApplyOverrides(LoadBase(), ["--set movements.migrants.activists.count=50"]);
        Assert.Equal(50, s.Movements[0].Activists.Count);
        Assert.Equal(new ActivistParameters().Count, s.Movements[1].Activists.Count);
    }

    [Fact]
    public void Overrides_of_every_type()
    {
        var s = ScenarioLoader.ApplyOverrides(LoadBase(), [
            "network.kind=random",
            "state.enabled=false",
            "seed=12345678901234",
            "name=\"run 2\"",
            "movements[1].activists.grievance={normal: [0.6, 0.1]}",
            "movements.students.activists.radicalism.mean=0.3",
            "movements[0].activists.thresholds=[1, 2, 3]",
        ]);
        Assert.Equal(NetworkKind.Random, s.Network.Kind);
        Assert.False(s.State.Enabled);
        Assert.Equal(12345678901234UL, s.Seed);
        Assert.Equal("run 2", s.Name);
        Assert.Equal(Distribution.Normal(0.6, 0.1), s.Movements[1].Activists.Grievance);
        Assert.Equal(0.3, s.Movements[1].Activists.Radicalism.Mean);
        Assert.Equal([1.0, 2, 3], s.Movements[0].Activists.Thresholds);
    }

    [Fact]
    public void Override_a_section_merges_into_it()
    {
        var s = ScenarioLoader.ApplyOverrides(LoadBase(), ["state={responsiveness: 0.1}"]);
        Assert.Equal((0.4, 0.1), (s.State.Openness, s.State.Responsiveness));
    }

    [Fact]
    public void Later_overrides_see_earlier_ones()
    {
        var s = ScenarioLoader.ApplyOverrides(LoadBase(), ["movements[0].id=workers", "movements.workers.grievance_shift=0.2"]);
        Assert.Equal(0.2, s.Movements[0].GrievanceShift);
    }

    [Fact]
    public void Override_with_a_bad_key()
    {
        var d = Assert.Single(OverrideProblems(LoadBase(), "state.opennes=0.9"));
        Assert.Equal(("--set", 0, "state.opennes"), (d.File, d.Line, d.Path));
        Assert.Contains("did you mean 'openness'?", d.Message);
        Assert.StartsWith("--set: state.opennes: 'state.opennes' is not a parameter", d.ToString());
    }

    [Fact]
    public void Override_with_an_unknown_movement()
    {
        var d = Assert.Single(OverrideProblems(LoadBase(), "movements.workers.grievance_shift=0.2"));
        Assert.Contains("no item with id 'workers'", d.Message);
        Assert.Contains("migrants, students", d.Message);
    }

    [Fact]
    public void Override_out_of_range_is_revalidated()
    {
        var d = Assert.Single(OverrideProblems(LoadBase(), "state.openness=1.5"));
        Assert.Equal(("--set", 0, "state.openness"), (d.File, d.Line, d.Path));
        Assert.Contains("1.5 is out of range: expected a number from 0 to 1", d.Message);
    }

    [Fact]
    public void Override_with_a_value_of_the_wrong_type()
    {
        var problems = OverrideProblems(LoadBase(), "ticks=2.5", "network.kind=ring", "state.openness=high");
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal("--set", p.File));
        Assert.Contains("expected a whole number, found 2.5", problems[0].Message);
        Assert.Contains("(in 'ticks=2.5')", problems[0].Message);
        Assert.Contains("use one of: small_world, random, complete, none", problems[1].Fix);
        Assert.Contains("expected a number, found 'high'", problems[2].Message);
    }

    [Fact]
    public void Bad_assignments_and_the_problems_of_the_good_ones_come_together()
    {
        var problems = OverrideProblems(LoadBase(), "state.opennes=0.9", "network.degree=9");
        Assert.Equal(["state.opennes", "network.degree"], problems.Select(p => p.Path));
        Assert.Equal("--set", problems[1].File);
        Assert.Contains("odd", problems[1].Message);
    }

    [Fact]
    public void Override_without_an_equals_sign()
    {
        var d = Assert.Single(OverrideProblems(LoadBase(), "state.openness"));
        Assert.Contains("is not an assignment", d.Message);
    }

    [Fact]
    public void Override_that_breaks_a_rule_points_at_the_file_line_of_the_other_key()
    {
        // 500 + 2000 activists: fine. Shrinking both to 4 makes the degree of 8 (line 3 of the file) too large.
        var problems = OverrideProblems(LoadBase(), "movements.migrants.activists.count=4", "movements.students.activists.count=4");
        var d = Assert.Single(problems);
        Assert.Equal(("base.yaml", 3, 11, "network.degree"), (d.File, d.Line, d.Column, d.Path));
    }

    [Fact]
    public void Overridden_scenario_keeps_a_source_map_for_later_validation()
    {
        var s = ScenarioLoader.ApplyOverrides(LoadBase(), ["state.openness=0.9"]);
        var map = ScenarioLoader.SourceOf(s)!;
        Assert.Equal(new SourceLocation("--set", 0, 0), map.Locate("state.openness"));
        Assert.Equal(new SourceLocation("base.yaml", 3, 11), map.Locate("network.degree"));
    }

    [Fact]
    public void No_overrides_return_the_same_scenario()
    {
        var s = LoadBase();
        Assert.Same(s, ScenarioLoader.ApplyOverrides(s, []));
    }

    [Fact]
    public void Overrides_on_a_scenario_built_in_code()
    {
        var s = ScenarioLoader.ApplyOverrides(new Scenario(), ["ticks=100"]);
        Assert.Equal(100, s.Ticks);
        var d = Assert.Single(OverrideProblems(new Scenario(), "ticks=0"));
        Assert.Equal("--set", d.File);
    }
}
