using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Parameters;
using ContentionSim.Experiments.Sensitivity;
using ContentionSim.Core.Stages;

namespace ContentionSim.Experiments.Tests.Sensitivity;

public class SensitivityAnalysisTests
{
    internal static Scenario Tiny(bool transnational = true) => new()
    {
        Seed = 11,
        Ticks = 100,
        Transnational = new TransnationalParameters { Enabled = transnational },
        Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 300 } }],
    };

    private static SensitivityAnalysis Analyse(Scenario s, string only, int replications = 3, int parallel = 1)
    {
        var design = SensitivityDesign.Create(s, SensitivityCatalog.Of(s).Only(only), replications, 0.25, s.Seed);
        var results = SensitivityRunner.Run(design, new BatchOptions { Parallel = parallel });
        Assert.True(results.Complete);
        return SensitivityAnalysis.Summarize(results);
    }

    [Fact]
    public void A_parameter_without_effect_by_construction_has_swing_exactly_zero_and_a_driver_does_not()
    {
        var analysis = Analyse(Tiny(transnational: false), "transnational.information_amplification,movements[0].activists.grievance_weight");
        var peak = SensitivityOutcomes.Find("peak_participation")!;
        var ranked = analysis.Ranked(peak);
        var none = ranked.Single(e => e.Parameter.Path == "transnational.information_amplification");
        Assert.Equal(0.0, none.Swing);
        Assert.Equal(0.0, none.HighMinusLow.Mean);
        Assert.All(analysis.Effects.Where(e => e.Parameter == none.Parameter && !double.IsNaN(e.Swing)), e => Assert.Equal(0.0, e.Swing));
        var driver = ranked.Single(e => e.Parameter.Path == "movements[0].activists.grievance_weight");
        Assert.True(driver.Swing > 0, "grievance_weight should move peak participation");
        Assert.Same(driver, ranked[0]);
    }

    [Fact]
    public void Results_are_identical_for_any_parallelism()
    {
        var s = Tiny();
        var one = Analyse(s, "state.openness,spillover", parallel: 1);
        var two = Analyse(s, "state.openness,spillover", parallel: 2);
        Assert.Equal(one.Effects.Select(e => (e.Low, e.Base, e.High, e.HighMinusLow)), two.Effects.Select(e => (e.Low, e.Base, e.High, e.HighMinusLow)));
    }

    [Fact]
    public void Replications_share_seeds_across_variants()
    {
        var s = Tiny();
        var design = SensitivityDesign.Create(s, SensitivityCatalog.Of(s).Only("spillover"), 4, 0.25, 99);
        Assert.Equal(3, design.VariantCount);
        Assert.Equal(12, design.RunCount);
        for (int r = 0; r < 4; r++)
        {
            ulong seed = design.SeedOf(r);
            Assert.Equal(Core.Randomness.RandomStreams.DeriveRunSeed(99, r), seed);
            for (int v = 0; v < 3; v++) Assert.Equal(seed, design.ScenarioOf(v * 4 + r).Seed);
        }
        Assert.Equal(0.225, design.ScenarioOf(4).Spillover, 12);
        Assert.Equal(0.375, design.ScenarioOf(8).Spillover, 12);
    }

    [Fact]
    public void Variants_that_fail_the_check_are_skipped_with_the_reason()
    {
        var s = Tiny();
        var design = SensitivityDesign.Create(s, SensitivityCatalog.Of(s).Only("spillover,state.openness"), 2, 0.25, 1,
            v => v.Spillover > 0.35 ? ["spillover too high"] : []);
        Assert.Equal(["state.openness"], design.Parameters.Select(p => p.Path));
        Assert.Contains(design.Catalog.Skipped, p => p.Path == "spillover" && p.Reason == SkipReason.InvalidVariant && p.Detail.Contains("too high", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_analysis_is_not_complete()
    {
        var s = Tiny();
        var design = SensitivityDesign.Create(s, SensitivityCatalog.Of(s).Only("spillover"), 2, 0.25, 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var results = SensitivityRunner.Run(design, new BatchOptions { Parallel = 1, Cancellation = cts.Token });
        Assert.False(results.Complete);
        Assert.Throws<InvalidOperationException>(() => SensitivityAnalysis.Summarize(results));
    }
}
