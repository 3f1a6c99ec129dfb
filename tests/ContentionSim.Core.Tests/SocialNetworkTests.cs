using ContentionSim.Core.Network;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Tests;

/// <summary>The social network builders: the structure every activist's decision reads.</summary>
public class SocialNetworkTests
{
    private static SocialNetwork Build(NetworkParameters p, int[] starts, ulong seed = 17) =>
        SocialNetwork.Build(p, starts, new Rng(seed));

    /// <summary>Ties are mutual, never to oneself, never twice, and within the population.</summary>
    private static void AssertSimpleUndirected(SocialNetwork net)
    {
        Assert.Equal(net.NodeCount + 1, net.Offsets.Length);
        Assert.Equal(net.Neighbours.Length, net.Offsets[^1]);
        for (int i = 0; i < net.NodeCount; i++)
        {
            var ties = net.TiesOf(i);
            Assert.Equal(net.Degree(i), ties.Length);
            for (int k = 0; k < ties.Length; k++)
            {
                int j = ties[k];
                Assert.InRange(j, 0, net.NodeCount - 1);
                Assert.True(j != i, $"self-tie at {i}");
                Assert.True(k == 0 || ties[k - 1] < j, $"ties of {i} are not sorted and unique");
                Assert.True(net.TiesOf(j).BinarySearch(i) >= 0, $"tie {i}–{j} is not mutual");
            }
        }
        Assert.Equal(0, net.Neighbours.LongLength % 2);
    }

    private static double MeanDegree(SocialNetwork net) => 2.0 * net.TieCount / net.NodeCount;

    private static int CrossTies(SocialNetwork net, int[] starts)
    {
        int MovementOf(int i) { int m = 0; while (i >= starts[m + 1]) m++; return m; }
        int cross = 0;
        for (int i = 0; i < net.NodeCount; i++)
            foreach (int j in net.TiesOf(i))
                if (j > i && MovementOf(i) != MovementOf(j)) cross++;
        return cross;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Small_world_is_simple_with_mean_degree_near_its_target(double rewiring)
    {
        var net = Build(new NetworkParameters { Kind = NetworkKind.SmallWorld, Degree = 8, Rewiring = rewiring }, [0, 2000]);

        AssertSimpleUndirected(net);
        // A rewired tie that finds no free partner in 16 tries may be lost, never added:
        // the mean degree is at most 8 and, at 2,000 activists, within 0.05 of it.
        Assert.InRange(MeanDegree(net), 7.95, 8.0);
    }

    [Fact]
    public void Without_rewiring_small_world_is_a_ring_lattice()
    {
        var net = Build(new NetworkParameters { Kind = NetworkKind.SmallWorld, Degree = 6, Rewiring = 0 }, [0, 100]);

        for (int i = 0; i < 100; i++)
        {
            var expected = new[] { -3, -2, -1, 1, 2, 3 }.Select(d => (i + d + 100) % 100).Order();
            Assert.Equal(expected, net.TiesOf(i).ToArray());
        }
    }

    [Fact]
    public void Rewiring_shortens_the_lattice()
    {
        // The point of the small world: some ties reach far round the ring.
        static int LongTies(SocialNetwork net, int n) =>
            Enumerable.Range(0, n).Sum(i => net.TiesOf(i).ToArray().Count(j => Math.Min(Math.Abs(i - j), n - Math.Abs(i - j)) > 4));

        Assert.Equal(0, LongTies(Build(new NetworkParameters { Rewiring = 0 }, [0, 1000]), 1000));
        // 10% of 4,000 ties rewired to random partners: about 400 of them, each counted from both ends.
        Assert.InRange(LongTies(Build(new NetworkParameters { Rewiring = 0.1 }, [0, 1000]), 1000), 2 * 300, 2 * 500);
    }

    [Fact]
    public void Cross_movement_ties_exist_only_with_cross_movement_and_several_movements()
    {
        int[] two = [0, 1000, 2000];
        var closed = Build(new NetworkParameters { Rewiring = 0.5, CrossMovement = 0 }, two);
        var open = Build(new NetworkParameters { Rewiring = 0.5, CrossMovement = 0.5 }, two);

        AssertSimpleUndirected(open);
        Assert.Equal(0, CrossTies(closed, two));
        // 8,000 lattice ties, half rewired, half of those across: about 2,000.
        Assert.InRange(CrossTies(open, two), 1600, 2400);
        Assert.Equal(0, CrossTies(Build(new NetworkParameters { Rewiring = 0, CrossMovement = 1 }, two), two));
    }

    [Fact]
    public void Cross_movement_with_one_movement_still_builds_a_simple_network()
    {
        var net = Build(new NetworkParameters { Rewiring = 0.5, CrossMovement = 1 }, [0, 500]);

        AssertSimpleUndirected(net);
        Assert.InRange(MeanDegree(net), 7.9, 8.0);
    }

    [Fact]
    public void Complete_network_ties_everyone_to_everyone_else()
    {
        var net = Build(new NetworkParameters { Kind = NetworkKind.Complete }, [0, 60, 100]);

        AssertSimpleUndirected(net);
        Assert.Equal(100 * 99 / 2, net.TieCount);
        for (int i = 0; i < 100; i++) Assert.Equal(99, net.Degree(i));
    }

    [Fact]
    public void Complete_network_refuses_a_population_too_large_for_it()
    {
        Assert.Throws<ArgumentException>(() => Build(new NetworkParameters { Kind = NetworkKind.Complete }, [0, 50_000]));
    }

    [Fact]
    public void None_has_no_ties()
    {
        var net = Build(new NetworkParameters { Kind = NetworkKind.None }, [0, 300, 700]);

        Assert.Equal(700, net.NodeCount);
        Assert.Equal(0, net.TieCount);
        Assert.All(Enumerable.Range(0, 700), i => Assert.Equal(0, net.Degree(i)));
    }

    [Fact]
    public void Random_network_is_simple_with_the_target_mean_degree()
    {
        int[] starts = [0, 1500, 3000];
        var net = Build(new NetworkParameters { Kind = NetworkKind.Random, Degree = 6, CrossMovement = 0.2 }, starts);

        AssertSimpleUndirected(net);
        Assert.Equal(3000 * 6 / 2, net.TieCount);
        // A fifth of partners are drawn from the other movement: about 1,800 of 9,000 ties.
        Assert.InRange(CrossTies(net, starts), 1500, 2100);
    }

    [Fact]
    public void The_same_stream_builds_the_same_network_and_another_does_not()
    {
        var p = new NetworkParameters { Rewiring = 0.2 };
        var a = Build(p, [0, 1000], seed: 1);
        var b = Build(p, [0, 1000], seed: 1);
        var c = Build(p, [0, 1000], seed: 2);

        Assert.Equal(a.Offsets, b.Offsets);
        Assert.Equal(a.Neighbours, b.Neighbours);
        Assert.NotEqual(a.Neighbours, c.Neighbours);
    }

    [Fact]
    public void A_small_movement_gets_a_smaller_ring_rather_than_duplicate_ties()
    {
        // Five people cannot each have eight ties: each gets the other four.
        var net = Build(new NetworkParameters { Degree = 8, Rewiring = 0 }, [0, 5]);

        AssertSimpleUndirected(net);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(4, net.Degree(i)));
    }
}
