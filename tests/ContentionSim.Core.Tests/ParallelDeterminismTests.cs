using ContentionSim.Core.Activists;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Tests.Support;

namespace ContentionSim.Core.Tests;

/// <summary>
/// A run is a function of its scenario only: 1, 2 and 8 threads give the same bytes, at a size
/// where the population is really cut into many chunks, handed out in batches, and where chunks
/// hold the end of one movement and the start of the next.
/// </summary>
public class ParallelDeterminismTests
{
    /// <summary>
    /// Three movements of 31,500, 20,000 and 9,000 activists (60 chunks of 1,024; two chunks shared
    /// by two movements), cross-movement ties, organizations in each, a shock half way.
    /// </summary>
    private static Scenario ThreeMovements(ulong seed) => new()
    {
        Seed = seed,
        Ticks = 120,
        Network = new NetworkParameters { Rewiring = 0.2, CrossMovement = 0.3 },
        Movements =
        [
            new MovementParameters
            {
                Id = "migrants",
                GrievanceShift = 0.2,
                Activists = new ActivistParameters { Count = 31_500 },
                Organizations =
                [
                    new OrganizationGroupParameters { Kind = OrganizationKind.ChristianNgo, PerThousandActivists = 5000 / 31_500.0 },
                    new OrganizationGroupParameters { Kind = OrganizationKind.LawyersNgo, PerThousandActivists = 2000 / 31_500.0, PublicInformation = true },
                ],
            },
            new MovementParameters
            {
                Id = "labour",
                GrievanceShift = 0.1,
                Activists = new ActivistParameters { Count = 20_000 },
                Organizations = [new OrganizationGroupParameters { Kind = OrganizationKind.CommunityUnion, PerThousandActivists = 0.2 }],
            },
            new MovementParameters
            {
                Id = "students",
                Activists = new ActivistParameters { Count = 9_000 },
                Organizations = [new OrganizationGroupParameters { Kind = OrganizationKind.ConcernedCitizens, PerThousandActivists = 2000 / 9_000.0 }],
            },
        ],
        Events = [new ScheduledEvent { At = 60, Set = "state.openness", Value = 0.2, Label = "closure" }],
    };

    private static readonly Lazy<RunResult> Serial = new(() => Simulator.Run(ThreeMovements(21), new RunOptions { Threads = 1 }));

    [Fact]
    public void The_scenario_really_is_partitioned()
    {
        var s = ThreeMovements(21);
        long chunks = (s.TotalActivists + ActivistLayer.ChunkSize - 1) / ActivistLayer.ChunkSize;
        Assert.True(chunks >= 8 * 2 * 3, $"{chunks} chunks: too few to give 8 threads several batches each");
        Assert.NotEqual(0, 31_500 % ActivistLayer.ChunkSize);
        Assert.NotEqual(0, (31_500 + 20_000) % ActivistLayer.ChunkSize);
        // Something happens, so equal outputs say something.
        var run = Serial.Value;
        Assert.True(run.Series.Max(o => o.Active) > 2 * run.Series[0].Active);
        Assert.Contains(run.Series, o => o.RepressionEvents > 0);
        Assert.Contains(run.Organizations, o => o.Members > 0 && o.Mobilization > 0);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Any_number_of_threads_gives_the_serial_run(int threads)
    {
        var parallel = Simulator.Run(ThreeMovements(21), new RunOptions { Threads = threads });

        RunAssert.Same(Serial.Value, parallel);
    }

    [Fact]
    public void All_cores_give_the_serial_run()
    {
        var parallel = Simulator.Run(ThreeMovements(21), new RunOptions { Threads = 0 });

        RunAssert.Same(Serial.Value, parallel);
    }

    [Fact]
    public void The_vectorized_and_the_scalar_tie_counts_agree()
    {
        // The tie counts use AVX2 gathers where the processor has them; the scalar loop must give
        // the same run (on a machine without AVX2 both runs take the scalar loop).
        RunResult scalar;
        lock (ActivistRulesSwitch.Gate)
        {
            ActivistKernel.UseSimdTies = false;
            try
            {
                scalar = Simulator.Run(ThreeMovements(21) with { Ticks = 60 }, new RunOptions { Threads = 2 });
            }
            finally
            {
                ActivistKernel.UseSimdTies = true;
            }
        }
        var vectorized = Simulator.Run(ThreeMovements(21) with { Ticks = 60 }, new RunOptions { Threads = 2 });

        RunAssert.Same(vectorized, scalar);
    }

    [Fact]
    public void The_same_run_twice_in_one_process_is_the_same()
    {
        // Nothing carries over from one run to the next (the parallel helper is per run).
        var again = Simulator.Run(ThreeMovements(21), new RunOptions { Threads = 2 });
        var third = Simulator.Run(ThreeMovements(21), new RunOptions { Threads = 2 });

        RunAssert.Same(again, third);
        RunAssert.Same(Serial.Value, third);
    }
}

/// <summary>Serializes the tests that flip the vectorization switch.</summary>
internal static class ActivistRulesSwitch
{
    public static readonly object Gate = new();
}
