using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Scenarios.Tests;

/// <summary>An experiment file's negative controls (<c>controls:</c>): bound like <c>set</c>, applied after the varied values, every problem with its line.</summary>
public sealed class SweepControlTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SweepControlTests() => _dir.File("base.yaml", """
        name: base
        ticks: 100
        movements:
          - id: migrants
            activists:
              count: 400
        """);

    public void Dispose() => _dir.Dispose();

    private SweepDefinition Load(string sweep) => SweepLoader.LoadFile(_dir.File("sweep.yaml", sweep));

    [Fact]
    public void A_control_is_applied_after_the_varied_values_so_it_switches_a_mechanism_off_in_every_arm()
    {
        var sweep = Load("""
            base: base.yaml
            vary:
              movements[0].activists.grievance_rebuild: [0.01, 0]
            controls:
              - id: no-rebuild
                removes: "grievances that rebuild"
                breaks: [several_cycles, difference]
                set:
                  movements[0].activists.grievance_rebuild: 0
                  state.openness: 0.25
            """);
        var control = Assert.Single(sweep.Controls);
        Assert.Equal("no-rebuild", control.Id);
        Assert.Equal(["several_cycles", "difference"], control.Breaks);
        Assert.Equal("movements[0].activists.grievance_rebuild=0, state.openness=0.25", control.SettingsText);
        var arm = sweep.Plan.ScenarioAt(0);
        Assert.Equal(0.01, arm.Movements[0].Activists.GrievanceRebuild);
        var off = control.Apply(arm);
        Assert.Equal(0, off.Movements[0].Activists.GrievanceRebuild);
        Assert.Equal(0.25, off.State.Openness);
        Assert.Equal(0.01, arm.Movements[0].Activists.GrievanceRebuild); // the plan itself is unchanged
    }

    [Fact]
    public void A_bad_control_is_reported_with_its_line_and_what_it_lacks()
    {
        var problems = Assert.Throws<ScenarioException>(() => Load("""
            base: base.yaml
            controls:
              - id: a
                removes: "x"
                breaks: [k]
                set:
                  state.opennes: 0
              - id: a
                removes: "y"
                set:
                  state.openness: 2
            """)).Diagnostics;
        Assert.Contains(problems, d => d.Path == "controls[0].set.state.opennes" && d.Line == 7 && d.Message.Contains("did you mean 'openness'"));
        Assert.Contains(problems, d => d.Path == "controls[1].breaks" && d.Message.Contains("has no 'breaks'"));
        Assert.Contains(problems, d => d.Path == "controls[1].id" && d.Message.Contains("used twice"));
        Assert.Contains(problems, d => d.Line == 11 && d.Message.Contains("out of range", StringComparison.Ordinal)); // validated like the base
    }

    [Fact]
    public void A_sweep_without_controls_has_none()
    {
        Assert.Empty(Load("base: base.yaml\nvary:\n  state.openness: [0.1, 0.9]\n").Controls);
        Assert.Contains("controls", SweepLoader.Keys);
    }
}
