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
/// </summary>
[Collection(ExperimentGroup.Name)]
[Trait("Category", "Slow")] // 80 s together at quick size; CI runs them
public sealed class ExperimentQuickTests(ITestOutputHelper output)
{
    private void AssertPasses(string id)
    {
        var experiment = ExperimentCatalog.Find(id)!;
        var file = Path.Combine(CliHarness.RepoRoot, "scenarios", "experiments", experiment.FileName);
        var definition = SweepLoader.LoadFile(file, new SweepLoadOptions { Quick = true });
        Assert.True(definition.QuickApplied);
        Assert.True(definition.Plan.Grid.Replications >= 30, "at least 30 seeds per arm");
        var runs = ExperimentRunner.Run(experiment, definition.Plan);
        var result = experiment.Analyze(runs);
        foreach (var c in result.Checks)
            output.WriteLine($"{(c.Passed ? "PASS" : "FAIL")}  {c.Name}: {Experiment.F(c.Estimate.Value)} [{Experiment.F(c.Estimate.Low)}, {Experiment.F(c.Estimate.High)}]; {c.Criterion}; {c.Note}");
        var failed = result.Checks.Where(c => !c.Passed && c.KnownFailure is null).ToList();
        var nowPassing = result.Checks.Where(c => c.Passed && c.KnownFailure is not null).ToList();
        Assert.True(nowPassing.Count == 0, $"{id}: checks marked as known failures now pass — remove the mark and update docs/ODD.md and docs/validation.md: " +
            string.Join("; ", nowPassing.Select(c => c.Name)));
        Assert.True(failed.Count == 0, $"{id} fails {failed.Count} of {result.Checks.Count} checks: " +
            string.Join("; ", failed.Select(c => $"{c.Name} = {Experiment.F(c.Estimate.Value)} [{Experiment.F(c.Estimate.Low)}, {Experiment.F(c.Estimate.High)}], needs {c.Criterion}")));
    }

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
