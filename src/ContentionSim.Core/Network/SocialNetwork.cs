using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Network;

/// <summary>
/// An undirected social network in compressed sparse row form: the ties of activist
/// <c>i</c> are <c>Neighbours[Offsets[i] .. Offsets[i+1])</c>. Four bytes a tie.
/// </summary>
public sealed class SocialNetwork
{
    public SocialNetwork(int[] offsets, int[] neighbours)
    {
        Offsets = offsets;
        Neighbours = neighbours;
    }

    public int[] Offsets { get; }
    public int[] Neighbours { get; }
    public int NodeCount => Offsets.Length - 1;
    public long TieCount => Neighbours.LongLength / 2;
    public int Degree(int i) => Offsets[i + 1] - Offsets[i];
    public ReadOnlySpan<int> TiesOf(int i) => Neighbours.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>
    /// Builds the network for activists grouped by movement (movement <c>m</c> holds the
    /// contiguous ids <c>[starts[m], starts[m+1])</c>). Deterministic for a given stream key.
    /// </summary>
    public static SocialNetwork Build(NetworkParameters p, int[] movementStarts, Rng rng)
    {
        int n = movementStarts[^1];
        return p.Kind switch
        {
            NetworkKind.None => new SocialNetwork(new int[n + 1], []),
            NetworkKind.Complete => Complete(n),
            NetworkKind.SmallWorld => FromEdges(n, SmallWorldEdges(p, movementStarts, ref rng)),
            NetworkKind.Random => FromEdges(n, RandomEdges(p, movementStarts, ref rng)),
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "unknown network kind"),
        };
    }

    private static SocialNetwork Complete(int n)
    {
        if ((long)n * (n - 1) > int.MaxValue) throw new ArgumentException($"a complete network of {n} activists has too many ties; use small_world");
        var offsets = new int[n + 1];
        var ties = new int[n * Math.Max(0, n - 1)];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            offsets[i] = k;
            for (int j = 0; j < n; j++) if (j != i) ties[k++] = j;
        }
        offsets[n] = k;
        return new SocialNetwork(offsets, ties);
    }

    /// <summary>Picks a partner for a rewired or random tie: another movement with probability CrossMovement.</summary>
    private static int Partner(int i, NetworkParameters p, int[] starts, ref Rng rng)
    {
        int movements = starts.Length - 1;
        int n = starts[^1];
        int own = MovementOf(i, starts);
        if (movements > 1 && rng.Chance(p.CrossMovement))
        {
            int other = rng.NextInt(movements - 1);
            if (other >= own) other++;
            int size = starts[other + 1] - starts[other];
            if (size > 0) return starts[other] + rng.NextInt(size);
        }
        if (movements == 1) return rng.NextInt(n);
        int ownSize = starts[own + 1] - starts[own];
        return starts[own] + rng.NextInt(ownSize);
    }

    internal static int MovementOf(int i, int[] starts)
    {
        int m = 0;
        while (i >= starts[m + 1]) m++;
        return m;
    }

    /// <summary>Watts–Strogatz: a ring lattice within each movement, each tie rewired with probability p.</summary>
    private static List<long> SmallWorldEdges(NetworkParameters p, int[] starts, ref Rng rng)
    {
        var edges = new List<long>((int)Math.Min(int.MaxValue / 2, (long)starts[^1] * p.Degree / 2));
        var seen = new HashSet<long>(MixedKey.Instance);
        int half = p.Degree / 2;
        for (int m = 0; m + 1 < starts.Length; m++)
        {
            int s = starts[m], size = starts[m + 1] - s;
            int k = Math.Min(half, (size - 1) / 2);
            for (int off = 1; off <= k; off++)
            {
                for (int a = 0; a < size; a++)
                {
                    int i = s + a;
                    int j = s + (a + off) % size;
                    if (rng.Chance(p.Rewiring))
                    {
                        for (int attempt = 0; attempt < 16; attempt++)
                        {
                            int c = Partner(i, p, starts, ref rng);
                            if (c != i && !seen.Contains(Key(i, c))) { j = c; break; }
                        }
                    }
                    if (j != i && seen.Add(Key(i, j))) edges.Add(Key(i, j));
                }
            }
        }
        return edges;
    }

    /// <summary>Random graph with mean degree p.Degree: n·degree/2 ties between random pairs.</summary>
    private static List<long> RandomEdges(NetworkParameters p, int[] starts, ref Rng rng)
    {
        int n = starts[^1];
        long target = (long)n * p.Degree / 2;
        var edges = new List<long>((int)Math.Min(target, int.MaxValue / 2));
        var seen = new HashSet<long>(MixedKey.Instance);
        long attempts = 0;
        while (edges.Count < target && attempts++ < target * 20)
        {
            int i = rng.NextInt(n);
            int j = Partner(i, p, starts, ref rng);
            if (i != j && seen.Add(Key(i, j))) edges.Add(Key(i, j));
        }
        return edges;
    }

    /// <summary>
    /// Hashes tie keys with a full 64-bit mix: the default hash of a long folds (i &lt;&lt; 32 | j)
    /// to i ^ j, which collides for whole lattices and made building quadratic.
    /// </summary>
    private sealed class MixedKey : IEqualityComparer<long>
    {
        public static readonly MixedKey Instance = new();
        public bool Equals(long x, long y) => x == y;
        public int GetHashCode(long key) => (int)Rng.Mix((ulong)key);
    }

    private static long Key(int i, int j) => i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;

    private static SocialNetwork FromEdges(int n, List<long> edges)
    {
        var degree = new int[n + 1];
        foreach (var e in edges) { degree[(int)(e >> 32)]++; degree[(int)(e & 0xFFFFFFFF)]++; }
        var offsets = new int[n + 1];
        for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
        var fill = new int[n];
        var ties = new int[offsets[n]];
        foreach (var e in edges)
        {
            int a = (int)(e >> 32), b = (int)(e & 0xFFFFFFFF);
            ties[offsets[a] + fill[a]++] = b;
            ties[offsets[b] + fill[b]++] = a;
        }
        for (int i = 0; i < n; i++) Array.Sort(ties, offsets[i], offsets[i + 1] - offsets[i]);
        return new SocialNetwork(offsets, ties);
    }
}
