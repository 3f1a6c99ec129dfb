using ContentionSim.Experiments.Validation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Negative controls: how a check's verdict on the model is matched with its verdict under each control, and how the documents show it.</summary>
public sealed class ExperimentControlsTests
{
    private static readonly SweepControl Off = new("no-x", "mechanism x", ["x"], [new SweepControlSetting("state.openness", 0.0, "0")]);
    private static readonly SweepControl Arms = new("no-arms", "mechanism of the arms", ["arm"], [new SweepControlSetting("state.openness", 1.0, "1")]);

    private static Check C(string key, bool passed, CheckKind kind = CheckKind.Fact) =>
        new(key, Estimate.Exact(passed ? 1 : 0, 1), "exactly 1", passed) { Key = key, Kind = kind };

    private static ExperimentResult Result(IReadOnlyList<Check> model, params (SweepControl Control, IReadOnlyList<Check>? Checks)[] controls) => new()
    {
        Experiment = new Fact9Granovetter(),
        Checks = model,
        DeclaredControls = controls.Select(c => c.Control).ToArray(),
        Controls = controls.Select(c => new ControlRun(c.Control,
            c.Checks is null ? null : new ExperimentResult { Experiment = new Fact9Granovetter(), Checks = c.Checks }, c.Checks is null ? "no runs" : null)).ToArray(),
    };

    [Fact]
    public void A_check_that_fails_under_its_control_is_shown_as_able_to_fail_and_counts_as_reproduced()
    {
        var result = Result([C("x", true)], (Off, [C("x", false)]));
        var v = Assert.Single(ExperimentControls.Verdicts(result));
        Assert.Equal(ControlStatus.FailsOnControl, v.Status);
        Assert.Equal("no-x", v.ControlText);
        Assert.Equal(1, result.FactsReproduced);
    }

    [Fact]
    public void A_check_that_still_passes_under_its_control_cannot_fail_and_is_not_counted()
    {
        var result = Result([C("x", true)], (Off, [C("x", true)]));
        var v = Assert.Single(ExperimentControls.Verdicts(result));
        Assert.Equal(ControlStatus.CannotFail, v.Status);
        Assert.Equal("no — cannot fail", v.StatusText);
        Assert.Equal(0, result.FactsReproduced);
        Assert.Contains("| no-x | yes | no — cannot fail | no-x: PASS 1 – |", ExperimentMarkdown.ControlsTable(result));
    }

    [Fact]
    public void A_check_no_control_names_cannot_fail_and_inputs_do_not_count_as_facts()
    {
        var result = Result([C("x", true), C("y", true, CheckKind.Input)], (Off, [C("x", false), C("y", true, CheckKind.Input)]));
        var verdicts = ExperimentControls.Verdicts(result);
        Assert.Equal(ControlStatus.NoControl, verdicts[1].Status);
        Assert.Equal(1, result.Facts);
        Assert.Equal(1, result.FactsReproduced);
    }

    [Fact]
    public void A_control_naming_a_base_key_breaks_every_arm_and_a_check_missing_under_it_counts_as_failing()
    {
        var model = new[] { C("arm@0.1", true), C("arm@0.5", true) };
        var result = Result(model, (Arms, [C("arm@0.1", false)])); // the 0.5 arm could not be tested under the control
        Assert.All(ExperimentControls.Verdicts(result), v => Assert.Equal(ControlStatus.FailsOnControl, v.Status));
        Assert.Contains("not testable", ExperimentControls.Verdicts(result)[1].Detail);
        var failedAnalysis = Result(model, (Arms, null));
        Assert.All(ExperimentControls.Verdicts(failedAnalysis), v => Assert.Equal(ControlStatus.FailsOnControl, v.Status));
    }

    [Fact]
    public void Controls_that_were_not_run_say_so_and_a_misspelt_key_is_found()
    {
        var result = Result([C("x", true)], (Off, [C("x", false)])) with { Controls = null };
        Assert.Equal(ControlStatus.NotRun, Assert.Single(ExperimentControls.Verdicts(result)).Status);
        var typo = result with { DeclaredControls = [Off with { Breaks = ["xx"] }] };
        Assert.Equal(["no-x: xx"], ExperimentControls.UnknownBreaks(typo));
    }

    [Fact]
    public void The_validation_page_counts_facts_apart_from_inputs_and_lists_every_check_with_its_control()
    {
        var result = Result([C("x", true), C("y", true, CheckKind.Formula)], (Off, [C("x", false), C("y", true, CheckKind.Formula)]));
        string text = ValidationDocument.Render([result], "quick size");
        Assert.Contains("| 2 of 2 | 1 of 1 | – | 1 of 1 | PASS |", text);
        Assert.Contains("## Negative controls", text);
        Assert.Contains("| fact9 | x | reproduced fact | no-x | yes | yes |", text);
        Assert.Contains("| fact9 | y | formula check | – | yes | no control — cannot fail |", text);
        Assert.Contains("| no-x | mechanism x | state.openness=0 | x |", text);
    }
}
