using ContentionSim.Core.Engine;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Network;

/// <summary>
/// An undirected social network. Built networks are kept in the compact form the activist update
/// reads (<see cref="CompactTies"/>: lattice ties as bits, other ties as ids, about 6 bytes an
/// activist for a small world of degree 8); a dense network, or one made from rows, in compressed
/// sparse rows (the ties of activist <c>i</c> are <c>Neighbours[Offsets[i] .. Offsets[i+1])</c>,
/// four bytes a tie). <see cref="Offsets"/> and <see cref="Neighbours"/> always give the rows,
/// each sorted; for a compact network they are made on first use (tests and tools, not the run).
/// </summary>
public sealed class SocialNetwork
{
    /// <summary>Whether built networks are kept compact (switched off only to compare the two forms).</summary>
    internal static bool UseCompactTies = true;

    private int[]? _offsets, _neighbours;

    internal SocialNetwork(int[] offsets, int[] neighbours)
    {
        _offsets = offsets;
        _neighbours = neighbours;
        NodeCount = offsets.Length - 1;
        TieCount = neighbours.LongLength / 2;
    }

    internal SocialNetwork(CompactTies compact, long ends)
    {
        Compact = compact;
        NodeCount = compact.NodeCount;
        TieCount = ends / 2;
    }

    /// <summary>The compact form the update reads, or null when the network is kept as rows.</summary>
    internal CompactTies? Compact { get; }

    /// <summary>The rows as the update reads them: empty when the network is compact.</summary>
    internal int[] RowOffsets => Compact is null ? _offsets! : [];
    internal int[] RowTies => Compact is null ? _neighbours! : [];

    /// <summary>Row starts: the ties of activist <c>i</c> are <see cref="Neighbours"/><c>[Offsets[i] .. Offsets[i+1])</c>; made on first use for a compact network.</summary>
    public int[] Offsets
    {
        get
        {
            if (_offsets is null) MakeRows();
            return _offsets!;
        }
    }

    /// <summary>The tie ends, row by row (each row sorted; every tie appears in both its activists' rows); made on first use for a compact network.</summary>
    public int[] Neighbours
    {
        get
        {
            if (_neighbours is null) MakeRows();
            return _neighbours!;
        }
    }

    /// <summary>Number of activists (nodes).</summary>
    public int NodeCount { get; }
    /// <summary>Number of ties (each counted once).</summary>
    public long TieCount { get; }
    /// <summary>Number of ties of activist <paramref name="i"/>.</summary>
    public int Degree(int i) => Compact?.Degree(i) ?? _offsets![i + 1] - _offsets[i];
    /// <summary>The activists tied to activist <paramref name="i"/>, ascending.</summary>
    public ReadOnlySpan<int> TiesOf(int i) => Neighbours.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>Bytes the network holds for the update.</summary>
    public long Bytes => Compact is { } c
        ? 2L * c.Rows.Length + 4L * c.BlockStarts.Length + 4L * c.Extras.Length
        : 4L * _offsets!.Length + 4L * _neighbours!.Length;

    /// <summary>Sorted rows from the compact form.</summary>
    private void MakeRows()
    {
        var c = Compact!;
        int n = c.NodeCount;
        var offsets = new int[n + 1];
        for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + c.Degree(i);
        var ties = new int[offsets[n]];
        for (int i = 0; i < n; i++)
        {
            var row = ties.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            c.CopyTies(i, row);
            row.Sort();
        }
        _neighbours = ties;
        _offsets = offsets;
    }

    /// <summary>
    /// Checks what the activist update reads without bounds checks: <paramref name="nodes"/> rows,
    /// offsets rising from 0 to the number of ties, every tie an id below <paramref name="nodes"/>
    /// (or the same of the compact form).
    /// </summary>
    internal void CheckShape(int nodes)
    {
        if (Compact is { } compact)
        {
            compact.CheckShape(nodes);
            return;
        }
        var offsets = _offsets!;
        var neighbours = _neighbours!;
        if (offsets.Length != nodes + 1 || offsets[0] != 0 || offsets[nodes] != neighbours.Length)
            throw new InvalidOperationException("the network's rows do not match the population");
        for (int i = 0; i < nodes; i++)
            if (offsets[i + 1] < offsets[i]) throw new InvalidOperationException($"the network's row {i} ends before it starts");
        foreach (int j in neighbours)
            if ((uint)j >= (uint)nodes) throw new InvalidOperationException($"the network has a tie to {j}, outside the population");
    }

    /// <summary>
    /// Builds the network for activists grouped by movement (movement <c>m</c> holds the
    /// contiguous ids <c>[starts[m], starts[m+1])</c>). Deterministic for a given stream key.
    /// </summary>
    internal static SocialNetwork Build(NetworkParameters p, int[] movementStarts, Rng rng) => Build(p, movementStarts, rng, 1);

    /// <summary>
    /// Builds the network on up to <paramref name="threads"/> threads. The result depends only on
    /// the parameters and the stream, never on <paramref name="threads"/>.
    /// </summary>
    internal static SocialNetwork Build(NetworkParameters p, int[] movementStarts, Rng rng, int threads)
    {
        int n = movementStarts[^1];
        threads = Math.Max(1, threads);
        var rows = p.Kind switch
        {
            NetworkKind.None => new SocialNetwork(new int[n + 1], []),
            NetworkKind.Complete => Complete(n),
            NetworkKind.SmallWorld => SmallWorld(p, movementStarts, rng.NextULong(), threads),
            NetworkKind.Random => FromEdges(n, RandomEdges(p, movementStarts, ref rng)),
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "unknown network kind"),
        };
        if (rows.Compact is not null || !UseCompactTies) return rows;
        var compact = CompactTies.FromRows(rows._offsets!, rows._neighbours!, movementStarts, threads);
        return compact is null ? rows : new SocialNetwork(compact, rows._neighbours!.LongLength);
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

    /// <summary>Tries to find a partner for a rewired tie before the lattice tie is kept.</summary>
    public const int RewiringTries = 16;

    /// <summary>
    /// Watts–Strogatz: a ring lattice within each movement, each tie rewired with probability
    /// p.Rewiring. Node <c>i</c> owns the ties to its <c>k</c> lattice successors (its "slots")
    /// and decides alone, from its own stream <c>Rng.For(key, i, 0)</c>, which of them it rewires
    /// and to whom; a new partner is never <c>i</c>, one of <c>i</c>'s lattice neighbours or a
    /// partner <c>i</c> already chose, so the only duplicate left is a pair of activists who
    /// chose each other, and the tie of the higher id is dropped. No hash set and no edge list:
    /// degrees are counted from the slots and the compressed rows filled directly; every phase
    /// is order-free, so the network is the same for any number of threads.
    /// </summary>
    private static SocialNetwork SmallWorld(NetworkParameters p, int[] starts, ulong key, int threads)
    {
        int n = starts[^1];
        int half = Math.Max(0, p.Degree / 2);
        int movements = starts.Length - 1;
        var ks = new int[movements];
        int width = 0;
        for (int m = 0; m < movements; m++)
        {
            ks[m] = Math.Max(0, Math.Min(half, (starts[m + 1] - starts[m] - 1) / 2));
            width = Math.Max(width, ks[m]);
        }
        if (width == 0) return new SocialNetwork(new int[n + 1], []);
        if ((long)n * width * 2 > Array.MaxLength)
            throw new ArgumentException($"a small-world network of {n} activists with degree {p.Degree} has too many ties");

        // Slots: node i's chosen partner for its tie to lattice successor o (1..k), or -1 for none.
        var slots = new int[n * width];
        Blocks.For(0, n, threads, (from, to) => ChooseSlots(p, starts, ks, width, key, slots, from, to));
        Blocks.For(0, n, threads, (from, to) => DropMutualChoices(slots, width, from, to));

        if (UseCompactTies && CompactTies.FromSlots(slots, width, starts) is { } compact)
            return new SocialNetwork(compact, compact.TieEnds);

        // Degrees and offsets, then the rows, then each row sorted (fills are order-free after sorting).
        // offsets[i + 1] first counts row i, then (prefix sums) marks its end; filling row i backwards
        // from its end leaves offsets[i + 1] at its start, and a shift by one gives the usual form.
        var offsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int o = 0; o < width; o++)
            {
                int c = slots[i * width + o];
                if (c < 0) continue;
                offsets[i + 1]++;
                offsets[c + 1]++;
            }
        }
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        int total = offsets[n];
        var ties = new int[total];
        for (int i = 0; i < n; i++)
        {
            for (int o = 0; o < width; o++)
            {
                int c = slots[i * width + o];
                if (c < 0) continue;
                ties[--offsets[i + 1]] = c;
                ties[--offsets[c + 1]] = i;
            }
        }
        Array.Copy(offsets, 1, offsets, 0, n);
        offsets[n] = total;
        slots = null!; // the largest temporary: let it go before sorting
        Blocks.For(0, n, threads, (from, to) =>
        {
            for (int i = from; i < to; i++) SortRow(ties.AsSpan(offsets[i], offsets[i + 1] - offsets[i]));
        });
        return new SocialNetwork(offsets, ties);
    }

    /// <summary>Phase 1: each node of <c>[from, to)</c> fills its slots from its own stream.</summary>
    private static void ChooseSlots(NetworkParameters p, int[] starts, int[] ks, int width, ulong key, int[] slots, int from, int to)
    {
        int m = MovementOf(from, starts);
        for (int i = from; i < to; i++)
        {
            while (i >= starts[m + 1]) m++;
            int s = starts[m], size = starts[m + 1] - s, k = ks[m];
            int a = i - s;
            var rng = Rng.For(key, i, 0);
            var row = slots.AsSpan(i * width, width);
            row.Fill(-1);
            for (int o = 1; o <= k; o++)
            {
                int j = s + (a + o) % size;
                if (rng.Chance(p.Rewiring))
                {
                    for (int attempt = 0; attempt < RewiringTries; attempt++)
                    {
                        int c = Partner(i, p, starts, ref rng);
                        if (c == i || (c >= s && c < s + size && IsLatticeNeighbour(c - s, a, size, k)) || row[..(o - 1)].Contains(c))
                            continue;
                        j = c;
                        break;
                    }
                }
                row[o - 1] = j;
            }
        }
    }

    /// <summary>Whether positions <paramref name="x"/> and <paramref name="y"/> of a ring of <paramref name="size"/> are at most <paramref name="k"/> apart.</summary>
    private static bool IsLatticeNeighbour(int x, int y, int size, int k)
    {
        int d = Math.Abs(x - y);
        return Math.Min(d, size - d) <= k;
    }

    /// <summary>
    /// Phase 2: where two nodes chose each other, the higher id drops its slot. (Lattice ties
    /// cannot collide with anything: a rewired partner is never a lattice neighbour.) Reads
    /// others' slots only for entries that are never dropped, so it is order-free.
    /// </summary>
    private static void DropMutualChoices(int[] slots, int width, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            for (int o = 0; o < width; o++)
            {
                int c = slots[i * width + o];
                if (c < 0 || c > i) continue;
                if (slots.AsSpan(c * width, width).Contains(i)) slots[i * width + o] = -1;
            }
        }
    }

    /// <summary>Sorts a short row in place (insertion sort; rows are about the mean degree long).</summary>
    private static void SortRow(Span<int> row)
    {
        if (row.Length > 32)
        {
            row.Sort();
            return;
        }
        for (int x = 1; x < row.Length; x++)
        {
            int v = row[x];
            int y = x - 1;
            while (y >= 0 && row[y] > v)
            {
                row[y + 1] = row[y];
                y--;
            }
            row[y + 1] = v;
        }
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
