using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Tests.Support;

namespace ContentionSim.Core.Tests;

/// <summary>
/// A short run at a large population (200,000 activists × 20 ticks, about a second): the whole
/// model works at scale and stays consistent. Speed is decided by the benchmarks (bench/), not here.
/// </summary>
public class LargePopulationSmokeTests
{
    private const int Activists = 200_000;

    private static readonly Lazy<RunResult> AllCores = new(() =>
        Simulator.Run(BenchLikeScenarios.JapanLike(Activists, 20), new RunOptions { Threads = 0 }));

    [Fact]
    public void Two_hundred_thousand_activists_run_twenty_ticks()
    {
        var run = AllCores.Value;

        Assert.Equal(20, run.TicksRun);
        Assert.Equal(20, run.Series.Count);
        Assert.All(run.Series, o =>
        {
            Assert.Equal(Activists, o.Activists);
            Assert.Equal(o.Activists, o.Inactive + o.Active + o.Exhausted + o.Repressed + o.Coopted);
            Assert.InRange(o.MeanGrievance, 0, 1);
            Assert.InRange(o.FrameAdoption, 0, 1);
        });
        // Organizations grow with the population: 2.8 per 1,000 activists (14 for Japan's 5,000) are 560 here.
        Assert.Equal(560, run.Organizations.Count);
        // Membership 0.25: about 50,000 members.
        Assert.InRange(run.Organizations.Sum(o => o.Members), 48_000, 52_000);
        Assert.True(run.Series.Max(o => o.Active) > 0);
    }

    [Fact]
    public void One_thread_gives_the_same_run_at_this_size()
    {
        var serial = Simulator.Run(BenchLikeScenarios.JapanLike(Activists, 20), new RunOptions { Threads = 1 });

        RunAssert.Same(serial, AllCores.Value);
    }

    [Fact]
    public void The_network_at_this_size_has_the_target_degree()
    {
        var model = new ContentionModel(BenchLikeScenarios.JapanLike(Activists, 1), new RunOptions { KeepSeries = false });
        var net = model.Activists.Network;

        Assert.Equal(Activists, net.NodeCount);
        // 800,000 lattice ties; only pairs that chose each other when rewiring lose a tie.
        Assert.InRange(net.TieCount, 799_900, 800_000);
    }
}
