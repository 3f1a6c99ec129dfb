using ContentionSim.Experiments.Validation;
using ContentionSim.Scenarios.Sweeps;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests.Validation;

/// <summary>
/// Each stylized fact and the survey, run at the reduced size of its experiment file's quick block
/// (at least 30 seeds per arm) exactly as <c>contentionsim experiment ID --quick</c> runs it: every
/// check must pass. The criteria are the experiments' own, fixed before they were run; a change to the
/// model that breaks the theory fails here. A test that fails names the checks the model does not meet.
/// A check marked as a known failure (documented in docs/ODD.md) must still fail, so the documents stay true.
/// Each experiment also runs under its negative controls (the experiment file's <c>controls:</c>): every
/// check of a fact or calibration target has one, and fails on it — or is listed in <c>CannotFail</c>.
/// </summary>
[Collection(ExperimentGroup.Name)]
[Trait("Category", "Slow")] // 80 s together at quick size, about three times that with the controls; CI runs them
public sealed class ExperimentQuickTests(ITestOutputHelper output)
{
    private void AssertPasses(string id)
    {
        var experiment = ExperimentCatalog.Find(id)!;
        var file = Path.Combine(CliHarness.RepoRoot, "scenarios", "experiments", experiment.FileName);
        var definition = SweepLoader.LoadFile(file, new SweepLoadOptions { Quick = true });
        Assert.True(definition.QuickApplied);
        Assert.True(definition.Plan.Grid.Replications >= 30, "at least 30 seeds per arm");
        var result = ExperimentRunner.RunAll(experiment, definition);
        var verdicts = ExperimentControls.Verdicts(result);
        foreach (var v in verdicts)
            output.WriteLine($"{(v.Check.Passed ? "PASS" : "FAIL")}  {v.Check.Name} [{Check.Label(v.Check.Kind)}]: {Experiment.F(v.Check.Estimate.Value)} " +
                             $"[{Experiment.F(v.Check.Estimate.Low)}, {Experiment.F(v.Check.Estimate.High)}]; {v.Check.Criterion}; {v.Check.Note}; control {v.ControlText}: {v.StatusText} {v.Detail}");
        Assert.Empty(ExperimentControls.UnknownBreaks(result));
        // Every check of a fact or a calibration target has a negative control ...
        var uncontrolled = verdicts.Where(v => v.Check.Kind is CheckKind.Fact or CheckKind.CalibrationTarget && v.Status == ControlStatus.NoControl).ToList();
        Assert.True(uncontrolled.Count == 0, $"{id}: checks without a negative control: {string.Join("; ", uncontrolled.Select(v => v.Check.Key))}");
        // ... and fails on it, except those known not to (shown as "cannot fail" in docs/validation.md), which must stay so.
        var known = CannotFail.GetValueOrDefault(id, []);
        var unbroken = verdicts.Where(v => v.Status == ControlStatus.CannotFail && !known.Contains(v.Check.Key)).ToList();
        Assert.True(unbroken.Count == 0, $"{id}: checks that pass on their negative control (the mechanism does not produce them): " +
            string.Join("; ", unbroken.Select(v => $"{v.Check.Key} ({v.Detail})")));
        var nowBroken = verdicts.Where(v => known.Contains(v.Check.Key) && v.Status == ControlStatus.FailsOnControl).ToList();
        Assert.True(nowBroken.Count == 0, $"{id}: checks listed as 'cannot fail' now fail on their control — remove them from CannotFail and update docs/validation.md: " +
            string.Join("; ", nowBroken.Select(v => v.Check.Key)));
        var failed = result.Checks.Where(c => !c.Passed && c.KnownFailure is null).ToList();
        var nowPassing = result.Checks.Where(c => c.Passed && c.KnownFailure is not null).ToList();
        Assert.True(nowPassing.Count == 0, $"{id}: checks marked as known failures now pass — remove the mark and update docs/ODD.md and docs/validation.md: " +
            string.Join("; ", nowPassing.Select(c => c.Name)));
        Assert.True(failed.Count == 0, $"{id} fails {failed.Count} of {result.Checks.Count} checks: " +
            string.Join("; ", failed.Select(c => $"{c.Name} = {Experiment.F(c.Estimate.Value)} [{Experiment.F(c.Estimate.Low)}, {Experiment.F(c.Estimate.High)}], needs {c.Criterion}")));
    }

    /// <summary>
    /// Checks that still pass under the negative control that names them, at quick size: the control's
    /// mechanism is not what produces them (docs/validation.md, "Negative controls", shows them as
    /// "cannot fail"). They are expected to stay so until the model or the control changes.
    /// </summary>
    private static readonly Dictionary<string, string[]> CannotFail = new()
    {
        // fact2: none since its control switches off the radical flank as well as escalation (7 Dec 2026); with escalation
        // alone off, the flank kept violence late and the late shares could not fail.
        // no-street-factor: since the funnel (issue 15) the inverted U emerges without the street factor as well (from
        // repression at the closed end and absorption at the open end): see docs/validation.md.
        ["fact4"] = ["quadratic", "beats_closed", "vertex", "beats_open"],
        ["fact5"] = ["gains"],                                      // no-leverage / no-alliances: concessions or ticks still differ
        ["fact7"] = ["low_peaks"],                                  // no-dampers: japan-2007 still hardly mobilizes
    };

    [Fact] public void Fact1_a_cycle_rises_peaks_and_declines_through_the_stages() => AssertPasses("fact1");
    [Fact] public void Fact2_violence_comes_late() => AssertPasses("fact2");
    [Fact] public void Fact3_tight_pos_represses_open_pos_facilitates() => AssertPasses("fact3");
    [Fact] public void Fact4_protest_is_curvilinear_in_openness() => AssertPasses("fact4");
    [Fact] public void Fact5_the_boomerang_opens_a_tight_state() => AssertPasses("fact5");
    [Fact] public void Fact6_revolutionary_turnover_is_rare() => AssertPasses("fact6");
    [Fact] public void Fact7_japan_like_settings_give_a_dual_civil_society() => AssertPasses("fact7");
    [Fact] public void Fact8_cycles_repeat_when_grievances_rebuild() => AssertPasses("fact8");
    [Fact] public void Fact9_granovetter_thresholds() => AssertPasses("fact9");
    [Fact] public void Survey_japan_2007_shares_and_correlations() => AssertPasses("survey");
}

/// <summary>The quick experiments use every core: they run on their own, not beside timing-sensitive tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExperimentGroup
{
    public const string Name = "experiments (all cores)";
}
