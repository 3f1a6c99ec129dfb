using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Scenarios.Tests;

/// <summary>Seeds of sweep runs and the scenario of each run.</summary>
public class SweepPlanTests
{
    private static SweepPlan Plan(ulong master = 2007, int replications = 20) => new(
        new Scenario { Name = "base", Ticks = 50 },
        new SweepGrid(
            [SweepGridTests.Numbers("state.openness", 0.05, 0.5, 0.95),
             new SweepFactor("state.repression_term", [new SweepLevel(10, "10", 10), new SweepLevel(26, "26", 26)])],
            SweepDesign.Factorial, replications),
        master);

    [Fact]
    public void Seeds_are_derived_by_hashing_the_master_seed_and_the_canonical_run_index()
    {
        var plan = Plan();
        for (long run = 0; run < plan.Grid.RunCount; run++)
            Assert.Equal(RandomStreams.DeriveRunSeed(2007, run), plan.SeedOf(run));
        Assert.NotEqual(plan.SeedOf(0) + 1, plan.SeedOf(1)); // not seed+1
    }

    [Fact]
    public void Seeds_are_distinct_over_a_large_sweep_and_across_master_seeds()
    {
        var seeds = new HashSet<ulong>();
        for (long run = 0; run < 200_000; run++) Assert.True(seeds.Add(RandomStreams.DeriveRunSeed(1, run)));
        for (long run = 0; run < 1000; run++) Assert.True(seeds.Add(RandomStreams.DeriveRunSeed(2, run)));
    }

    [Fact]
    public void Seeds_are_reproducible_and_do_not_depend_on_execution_order()
    {
        var a = Plan();
        var b = Plan();
        var inOrder = a.Order.Runs().ToDictionary(r => r, a.SeedOf);
        var shuffled = b.Order.Runs().OrderBy(r => RandomStreams.DeriveRunSeed(99, r)).ToDictionary(r => r, b.SeedOf);
        Assert.Equal(inOrder.OrderBy(p => p.Key), shuffled.OrderBy(p => p.Key));
        // More replications keep the seeds of the runs the sweep already had.
        var more = Plan(replications: 30);
        for (long run = 0; run < a.Grid.RunCount; run++) Assert.Equal(a.SeedOf(run), more.SeedOf(run));
        Assert.NotEqual(a.SeedOf(5), Plan(master: 2008).SeedOf(5));
    }

    [Fact]
    public void The_scenario_of_a_run_has_its_point_values_and_its_seed()
    {
        var plan = Plan();
        long run = plan.Grid.RunIndex(point: 5, replication: 3); // openness 0.95, term 26
        var s = plan.ScenarioOf(run);
        Assert.Equal(0.95, s.State.Openness);
        Assert.Equal(26, s.State.RepressionTerm);
        Assert.Equal(plan.SeedOf(run), s.Seed);
        Assert.Equal(50, s.Ticks);
        Assert.Equal(0.5, plan.Base.State.Openness); // the base is untouched
    }

    [Fact]
    public void Levels_without_values_cannot_make_scenarios()
    {
        var plan = new SweepPlan(new Scenario(), new SweepGrid([new SweepFactor("state.openness", [new SweepLevel(null, "0.5", 0.5)])], SweepDesign.Factorial, 1), 1);
        Assert.Throws<InvalidOperationException>(() => plan.ScenarioOf(0));
    }

    [Fact]
    public void A_paired_plan_derives_the_seed_from_the_replication_alone()
    {
        var unpaired = Plan();
        var paired = new SweepPlan(unpaired.Base, unpaired.Grid, 2007, paired: true);
        Assert.True(paired.Paired);
        Assert.Contains("paired", paired.Scheme);
        Assert.Equal(SweepPlan.SeedScheme, unpaired.Scheme);
        for (int r = 0; r < paired.Grid.Replications; r++)
            for (int p = 0; p < paired.Grid.PointCount; p++)
            {
                long run = paired.Grid.RunIndex(p, r);
                Assert.Equal(RandomStreams.DeriveRunSeed(2007, r), paired.SeedOf(run));
                Assert.Equal(paired.SeedOf(run), paired.ScenarioOf(run).Seed);
            }
    }
}
