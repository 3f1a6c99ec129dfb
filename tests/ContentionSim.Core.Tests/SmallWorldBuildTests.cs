using ContentionSim.Core.Network;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The small-world build at scale: each node chooses its rewired partners from its own stream,
/// so the build runs on any number of threads with the same result, needs no hash set, and
/// allocates little more than the network it returns.
/// </summary>
public class SmallWorldBuildTests
{
    private static readonly int[] TwoMovements = [0, 70_000, 100_000];

    private static SocialNetwork Build(NetworkParameters p, int[] starts, int threads, ulong seed = 5) =>
        SocialNetwork.Build(p, starts, new Rng(seed), threads);

    [Fact]
    public void Any_number_of_threads_builds_the_same_network()
    {
        var p = new NetworkParameters { Rewiring = 0.3, CrossMovement = 0.2 };
        var one = Build(p, TwoMovements, 1);

        foreach (int threads in new[] { 2, 8 })
        {
            var other = Build(p, TwoMovements, threads);
            Assert.Equal(one.Offsets, other.Offsets);
            Assert.Equal(one.Neighbours, other.Neighbours);
        }
    }

    [Fact]
    public void At_scale_ties_are_mutual_unique_and_never_to_oneself()
    {
        var net = Build(new NetworkParameters { Rewiring = 0.5, CrossMovement = 0.3 }, TwoMovements, 2);

        Assert.Equal(net.Neighbours.Length, net.Offsets[^1]);
        long mutual = 0;
        for (int i = 0; i < net.NodeCount; i++)
        {
            var ties = net.TiesOf(i);
            for (int k = 0; k < ties.Length; k++)
            {
                Assert.True(ties[k] != i, $"self-tie at {i}");
                Assert.True(k == 0 || ties[k - 1] < ties[k], $"ties of {i} are not sorted and unique");
                if (net.TiesOf(ties[k]).BinarySearch(i) >= 0) mutual++;
            }
        }
        Assert.Equal(net.Neighbours.LongLength, mutual);
        // 400,000 lattice ties; only a pair that chose each other loses one.
        Assert.InRange(net.TieCount, 399_900, 400_000);
    }

    [Fact]
    public void A_rewired_tie_never_duplicates_a_lattice_tie()
    {
        // With every tie rewired, none goes to a lattice neighbour (those are excluded as partners),
        // so each activist's ties are all far ones.
        var net = Build(new NetworkParameters { Degree = 8, Rewiring = 1.0 }, [0, 10_000], 1);

        int near = 0;
        for (int i = 0; i < net.NodeCount; i++)
            foreach (int j in net.TiesOf(i))
            {
                int d = Math.Abs(i - j);
                if (Math.Min(d, 10_000 - d) <= 4) near++;
            }
        Assert.Equal(0, near);
    }

    [Fact]
    public void The_build_allocates_little_more_than_the_network()
    {
        // The network is kept compact (2 bytes a row and 4 a tie that is not to a ring neighbour
        // within 4, about 6 bytes an activist at degree 8); the build adds one slot a lattice tie
        // (16 bytes an activist) and a count and a mask an activist (5 bytes): no edge list, no hash
        // set, no compressed rows in between.
        const int n = 200_000;
        var p = new NetworkParameters();
        Build(p, [0, 1000], 1); // first-call work

        long before = GC.GetAllocatedBytesForCurrentThread();
        var net = Build(p, [0, n], 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(net.Compact);
        long network = net.Bytes;
        Assert.True(allocated < network + 24L * n, $"{allocated:N0} bytes allocated for a network of {network:N0} bytes");
    }
}
