using ContentionSim.Core.Activists;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Tests.Support;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The compact form of a network (lattice ties as bits, the others listed) holds exactly the ties
/// of the compressed rows, and a run reads it with the same results as the rows.
/// </summary>
public class CompactTiesTests
{
    private static SocialNetwork Build(NetworkParameters p, int[] starts, bool compact, int threads = 2)
    {
        lock (ActivistRulesSwitch.Gate)
        {
            SocialNetwork.UseCompactTies = compact;
            try
            {
                return SocialNetwork.Build(p, starts, new Rng(9), threads);
            }
            finally
            {
                SocialNetwork.UseCompactTies = true;
            }
        }
    }

    public static TheoryData<string, int[]> Networks => new()
    {
        { "small_world 8 0.1", [0, 100_000] },
        { "small_world 8 0.3 cross 0.3", [0, 31_500, 51_500, 60_500] },
        { "small_world 4 0.5", [0, 5, 13, 20_000] },
        { "small_world 12 0.2", [0, 3, 4, 10_000, 10_009] },
        { "small_world 2 0", [0, 1_000, 1_001] },
        { "small_world 20 0.3 cross 0.3", [0, 3_000, 6_000, 8_000] },
        { "random 8", [0, 20_000, 30_000] },
        { "complete", [0, 300] },
        { "complete", [0, 200, 300] },
        { "none", [0, 1_000] },
    };

    private static NetworkParameters Parse(string text)
    {
        var w = text.Split(' ');
        return w[0] switch
        {
            "complete" => new NetworkParameters { Kind = NetworkKind.Complete },
            "none" => new NetworkParameters { Kind = NetworkKind.None },
            "random" => new NetworkParameters { Kind = NetworkKind.Random, Degree = int.Parse(w[1]) },
            _ => new NetworkParameters
            {
                Kind = NetworkKind.SmallWorld,
                Degree = int.Parse(w[1]),
                Rewiring = double.Parse(w[2], System.Globalization.CultureInfo.InvariantCulture),
                CrossMovement = w.Length > 4 ? double.Parse(w[4], System.Globalization.CultureInfo.InvariantCulture) : 0,
            },
        };
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_compact_form_holds_the_same_ties(string network, int[] starts)
    {
        var p = Parse(network);
        var rows = Build(p, starts, compact: false);
        var compact = Build(p, starts, compact: true);

        Assert.Null(rows.Compact);
        Assert.Equal(rows.TieCount, compact.TieCount);
        Assert.Equal(rows.Offsets, compact.Offsets);
        Assert.Equal(rows.Neighbours, compact.Neighbours);
        for (int i = 0; i < rows.NodeCount; i++) Assert.Equal(rows.Degree(i), compact.Degree(i));
        compact.CheckShape(starts[^1]);
        if (compact.Compact is { } c)
        {
            // Lattice bits only where the window i − 4 … i + 4 lies inside the own movement.
            for (int m = 0; m + 1 < starts.Length; m++)
                for (int i = starts[m]; i < starts[m + 1]; i++)
                    if ((c.Rows[i] & 0xFF) != 0)
                        Assert.True(i - 4 >= starts[m] && i + 4 < starts[m + 1], $"lattice bits at the edge of movement {m}: {i}");
        }
    }

    [Fact]
    public void A_small_world_of_degree_eight_is_compact_and_small()
    {
        var net = Build(new NetworkParameters { Degree = 8, Rewiring = 0.1 }, [0, 100_000], compact: true);

        Assert.NotNull(net.Compact);
        // About 2 bytes a row and 0.8 listed ties of 4 bytes (a tenth of 8 ties rewired), against 36 bytes as rows.
        Assert.InRange(net.Bytes / 100_000.0, 4.5, 7);
    }

    [Fact]
    public void A_dense_network_stays_in_rows()
    {
        var net = Build(new NetworkParameters { Kind = NetworkKind.Complete }, [0, 300], compact: true);

        Assert.Null(net.Compact);
    }

    [Theory]
    [InlineData(NetworkKind.SmallWorld)]
    [InlineData(NetworkKind.Random)]
    public void A_run_reads_the_compact_form_as_it_reads_the_rows(NetworkKind kind)
    {
        var scenario = LargeScenario() with { Network = new NetworkParameters { Kind = kind, Rewiring = 0.2, CrossMovement = 0.3 } };
        RunResult rows;
        lock (ActivistRulesSwitch.Gate)
        {
            SocialNetwork.UseCompactTies = false;
            try
            {
                rows = Simulator.Run(scenario, new RunOptions { Threads = 2 });
            }
            finally
            {
                SocialNetwork.UseCompactTies = true;
            }
        }
        var compact = Simulator.Run(scenario, new RunOptions { Threads = 2 });

        RunAssert.Same(rows, compact);
    }

    [Fact]
    public void The_scalar_count_of_the_compact_form_agrees()
    {
        var scenario = LargeScenario();
        RunResult scalar;
        lock (ActivistRulesSwitch.Gate)
        {
            ActivistKernel.UseSimdTies = false;
            try
            {
                scalar = Simulator.Run(scenario, new RunOptions { Threads = 2 });
            }
            finally
            {
                ActivistKernel.UseSimdTies = true;
            }
        }
        var vectorized = Simulator.Run(scenario, new RunOptions { Threads = 2 });

        RunAssert.Same(scalar, vectorized);
    }

    /// <summary>Two movements, something happening, cross-movement ties.</summary>
    private static Scenario LargeScenario() => new()
    {
        Seed = 4,
        Ticks = 60,
        Network = new NetworkParameters { Rewiring = 0.2, CrossMovement = 0.3 },
        Movements =
        [
            new MovementParameters
            {
                Id = "migrants",
                GrievanceShift = 0.2,
                Activists = new ActivistParameters { Count = 21_000 },
                Organizations = [new OrganizationGroupParameters { Kind = OrganizationKind.ChristianNgo, PerThousandActivists = 4000 / 21_000.0 }],
            },
            new MovementParameters
            {
                Id = "labour",
                GrievanceShift = 0.1,
                Activists = new ActivistParameters { Count = 9_003 },
                Organizations = [new OrganizationGroupParameters { Kind = OrganizationKind.CommunityUnion, PerThousandActivists = 2000 / 9_003.0 }],
            },
        ],
    };
}
