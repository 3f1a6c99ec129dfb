using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>The runner: canonical order, identical results for any parallelism, common random numbers.</summary>
public class ExperimentRunnerTests
{
    private static SweepPlan Plan(bool paired) => new(
        new Scenario { Ticks = 40, Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 150 } }] },
        new SweepGrid([new SweepFactor("state.openness", [new SweepLevel(0.1, "0.1", 0.1), new SweepLevel(0.9, "0.9", 0.9)])], SweepDesign.Factorial, 3),
        11, paired);

    [Fact]
    public void Results_are_in_canonical_order_and_identical_for_any_parallelism()
    {
        var experiment = new Fact4Eisinger();
        var one = ExperimentRunner.Run(experiment, Plan(true), new BatchOptions { Parallel = 1 });
        var three = ExperimentRunner.Run(experiment, Plan(true), new BatchOptions { Parallel = 3 });
        Assert.Equal(6, one.Count);
        for (int i = 0; i < one.Count; i++)
        {
            Assert.Equal(i, one[i].Run);
            Assert.Equal(one[i].Seed, three[i].Seed);
            Assert.Equal(one[i].Measures, three[i].Measures);
            Assert.Equal(i % 2 == 0 ? 0.1 : 0.9, one[i].Level("state.openness"));
        }
    }

    [Fact]
    public void A_paired_plan_gives_both_arms_of_a_replication_the_same_seed()
    {
        var paired = ExperimentRunner.Run(new Fact9Granovetter(), Plan(true), new BatchOptions { Parallel = 2, Simulate = Fake });
        Assert.Equal(paired[0].Seed, paired[1].Seed);
        Assert.NotEqual(paired[0].Seed, paired[2].Seed);
        var unpaired = ExperimentRunner.Run(new Fact9Granovetter(), Plan(false), new BatchOptions { Parallel = 2, Simulate = Fake });
        Assert.NotEqual(unpaired[0].Seed, unpaired[1].Seed);
    }

    private static Core.Observation.RunResult Fake(Scenario s, Core.Simulation.RunOptions _) =>
        Synthetic.Run(Synthetic.Series(s.Ticks, t => 0.5), ticks: s.Ticks) with { Seed = s.Seed, Scenario = s };

    [Fact]
    public void A_failing_run_fails_the_experiment_with_its_message()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ExperimentRunner.Run(new Fact9Granovetter(), Plan(false),
            new BatchOptions { Simulate = (_, _) => throw new ArithmeticException("boom") }));
        Assert.Contains("boom", e.Message);
    }

    [Fact]
    public void The_registry_finds_every_experiment_by_id()
    {
        Assert.Equal(["fact1", "fact2", "fact3", "fact4", "fact5", "fact6", "fact7", "fact8", "fact9", "survey"], ExperimentCatalog.Ids);
        Assert.Same(ExperimentCatalog.All[2], ExperimentCatalog.Find("FACT3"));
        Assert.Null(ExperimentCatalog.Find("fact10"));
        Assert.All(ExperimentCatalog.All, e => Assert.Equal(e.Measures.Count, e.Measures.Distinct().Count()));
    }
}
