using System.Numerics;
using ContentionSim.Core.Engine;

namespace ContentionSim.Core.Network;

/// <summary>
/// The ties of a network in the form the activist update reads: ties to the ring neighbours
/// <c>i−4 … i+4</c> (the lattice of a small world) as one bit each in a byte, every other tie
/// (rewired, random or across movements) as an id in a short list. A small world of degree 8
/// with a tenth of its ties rewired takes about 6 bytes an activist this way (2 for the row,
/// 4 for each of the ~0.8 listed ties) against 36 in compressed rows, and the update reads the
/// states of the lattice neighbours with one load from the two-bit view, without a gather.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Rows"/> holds, for activist <c>i</c>, the lattice mask in its low byte (bit
/// <c>b &lt; 4</c>: a tie to <c>i − 4 + b</c>; bit <c>4 + b</c>: a tie to <c>i + 1 + b</c>) and the
/// number of listed ties in its high byte. The listed ties of activist <c>i</c> follow those of
/// <c>i − 1</c> in <see cref="Extras"/>; <see cref="BlockStarts"/> gives where each block of
/// <see cref="BlockSize"/> activists starts, so an update can start anywhere.
/// </para>
/// <para>
/// Only activists at least <see cref="Reach"/> places from both ends of their movement use the
/// mask (so the bits they read in the view belong to their own movement and lie inside the
/// array); the others list all their ties. The same ties in a different order: the update counts
/// them (active, active in the own movement, framed, repressed), and counts do not depend on order.
/// </para>
/// </remarks>
internal sealed class CompactTies
{
    /// <summary>Ring distance covered by the mask.</summary>
    public const int Reach = 4;
    /// <summary>Activists per entry of <see cref="BlockStarts"/>.</summary>
    public const int BlockSize = 64;
    /// <summary>Most ties one activist may list (the high byte of its row).</summary>
    public const int MaxListed = byte.MaxValue;

    private CompactTies(ushort[] rows, int[] blockStarts, int[] extras)
    {
        Rows = rows;
        BlockStarts = blockStarts;
        Extras = extras;
    }

    /// <summary>Per activist: lattice mask (low byte) and number of listed ties (high byte).</summary>
    public ushort[] Rows { get; }
    /// <summary>Index in <see cref="Extras"/> of the first listed tie of activist <c>b · BlockSize</c>; one more entry at the end.</summary>
    public int[] BlockStarts { get; }
    /// <summary>The listed ties, activist by activist.</summary>
    public int[] Extras { get; }

    public int NodeCount => Rows.Length;

    /// <summary>Ends of ties (twice the number of ties).</summary>
    public long TieEnds
    {
        get
        {
            long ends = Extras.LongLength;
            foreach (ushort row in Rows) ends += BitOperations.PopCount((uint)(row & 0xFF));
            return ends;
        }
    }

    /// <summary>
    /// For each lattice mask, a bit at the low bit of the two-bit field of each tie in a window of
    /// the view that starts at activist <c>i − 4</c> (field 4, the activist itself, never set).
    /// </summary>
    public static readonly uint[] Spread = Enumerable.Range(0, 256).Select(m =>
    {
        uint spread = 0;
        for (int b = 0; b < 8; b++)
            if ((m & (1 << b)) != 0) spread |= 1u << (2 * (b < Reach ? b : b + 1));
        return spread;
    }).ToArray();

    /// <summary>Index in <see cref="Extras"/> of the first listed tie of activist <paramref name="i"/>.</summary>
    public int ExtrasStart(int i)
    {
        int k = BlockStarts[i / BlockSize];
        for (int q = i & ~(BlockSize - 1); q < i; q++) k += Rows[q] >> 8;
        return k;
    }

    public int Degree(int i) => BitOperations.PopCount((uint)(Rows[i] & 0xFF)) + (Rows[i] >> 8);

    /// <summary>Writes the ties of <paramref name="i"/> (lattice first, then listed) into <paramref name="into"/>; returns their number.</summary>
    public int CopyTies(int i, Span<int> into)
    {
        int mask = Rows[i] & 0xFF, count = 0;
        for (int b = 0; b < 8; b++)
            if ((mask & (1 << b)) != 0) into[count++] = b < Reach ? i - Reach + b : i + 1 + (b - Reach);
        Extras.AsSpan(ExtrasStart(i), Rows[i] >> 8).CopyTo(into[count..]);
        return count + (Rows[i] >> 8);
    }

    /// <summary>
    /// The compact form of the compressed rows <paramref name="offsets"/>, <paramref name="ties"/> of
    /// activists grouped by movement, or null when an activist would list more than
    /// <see cref="MaxListed"/> ties (a dense network, better read as rows).
    /// </summary>
    public static CompactTies? FromRows(int[] offsets, int[] ties, int[] movementStarts, int threads)
    {
        int n = offsets.Length - 1;
        var rows = new ushort[n];
        int tooMany = 0;
        Blocks.For(0, n, threads, (from, to) =>
        {
            int m = SocialNetwork.MovementOf(from, movementStarts);
            for (int i = from; i < to; i++)
            {
                while (i >= movementStarts[m + 1]) m++;
                bool interior = i - movementStarts[m] >= Reach && movementStarts[m + 1] - i > Reach;
                int mask = 0, listed = 0;
                for (int k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    int d = ties[k] - i;
                    if (interior && d != 0 && Math.Abs(d) <= Reach) mask |= 1 << (d < 0 ? d + Reach : d + Reach - 1);
                    else listed++;
                }
                if (listed > MaxListed)
                {
                    Volatile.Write(ref tooMany, 1);
                    return;
                }
                rows[i] = (ushort)(mask | (listed << 8));
            }
        });
        if (tooMany != 0) return null;

        var blockStarts = new int[(n + BlockSize - 1) / BlockSize + 1];
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            if (i % BlockSize == 0) blockStarts[i / BlockSize] = total;
            total += rows[i] >> 8;
        }
        blockStarts[^1] = total;
        var extras = new int[total];
        Blocks.For(0, n, threads, (from, to) =>
        {
            int cursor = blockStarts[from / BlockSize]; // blocks of Blocks.For start at multiples of BlockSize
            for (int i = from; i < to; i++)
            {
                if (rows[i] >> 8 == 0) continue;
                int mask = rows[i] & 0xFF;
                for (int k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    int d = ties[k] - i;
                    if (mask != 0 && d != 0 && Math.Abs(d) <= Reach) continue;
                    extras[cursor++] = ties[k];
                }
            }
        });
        return new CompactTies(rows, blockStarts, extras);
    }

    /// <summary>Mask bit of a tie at ring distance <paramref name="d"/> (−4 … 4, not 0).</summary>
    private static int Bit(int d) => 1 << (d < 0 ? d + Reach : d + Reach - 1);

    /// <summary>Whether activist <paramref name="i"/> is at least <see cref="Reach"/> places from both ends of its movement.</summary>
    private static bool Interior(int i, int[] movementStarts)
    {
        int m = SocialNetwork.MovementOf(i, movementStarts);
        return i - movementStarts[m] >= Reach && movementStarts[m + 1] - i > Reach;
    }

    /// <summary>
    /// The compact form straight from the small-world build's slots (<paramref name="slots"/>
    /// <c>[i · width + o]</c>: the partner of activist <c>i</c>'s tie <c>o</c>, or −1), without the
    /// compressed rows in between; null when an activist would list more than <see cref="MaxListed"/>
    /// ties. The same ties as the rows <see cref="SocialNetwork"/> makes from the slots, and the same
    /// split into bits and list as <see cref="FromRows"/>.
    /// </summary>
    public static CompactTies? FromSlots(int[] slots, int width, int[] movementStarts)
    {
        int n = movementStarts[^1];
        var masks = new byte[n];
        var counts = new int[n];
        // Each tie once, from the activist whose slot holds it: a bit or a listed tie at both ends.
        for (int i = 0; i < n; i++)
        {
            bool interior = Interior(i, movementStarts);
            for (int o = 0; o < width; o++)
            {
                int c = slots[i * width + o];
                if (c < 0) continue;
                int d = c - i;
                bool near = Math.Abs(d) <= Reach;
                if (near && interior) masks[i] |= (byte)Bit(d);
                else counts[i]++;
                if (near && Interior(c, movementStarts)) masks[c] |= (byte)Bit(-d);
                else counts[c]++;
            }
        }
        var rows = new ushort[n];
        var blockStarts = new int[(n + BlockSize - 1) / BlockSize + 1];
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            if (counts[i] > MaxListed) return null;
            if (i % BlockSize == 0) blockStarts[i / BlockSize] = total;
            rows[i] = (ushort)(masks[i] | (counts[i] << 8));
            int count = counts[i];
            counts[i] = total; // from here on: where activist i's next listed tie goes
            total += count;
        }
        blockStarts[^1] = total;
        masks = null!;
        var extras = new int[total];
        for (int i = 0; i < n; i++)
        {
            bool interior = Interior(i, movementStarts);
            for (int o = 0; o < width; o++)
            {
                int c = slots[i * width + o];
                if (c < 0) continue;
                bool near = Math.Abs(c - i) <= Reach;
                if (!(near && interior)) extras[counts[i]++] = c;
                if (!(near && Interior(c, movementStarts))) extras[counts[c]++] = i;
            }
        }
        return new CompactTies(rows, blockStarts, extras);
    }

    /// <summary>
    /// Checks what the update reads without bounds checks: <paramref name="nodes"/> rows, masks only
    /// where the window <c>i − 4 … i + 4</c> lies inside the population, block starts that match
    /// the counts, every listed tie an id below <paramref name="nodes"/>.
    /// </summary>
    public void CheckShape(int nodes)
    {
        if (Rows.Length != nodes || BlockStarts.Length != (nodes + BlockSize - 1) / BlockSize + 1)
            throw new InvalidOperationException("the network's rows do not match the population");
        int total = 0;
        for (int i = 0; i < nodes; i++)
        {
            if (i % BlockSize == 0 && BlockStarts[i / BlockSize] != total)
                throw new InvalidOperationException($"the network's listed ties of block {i / BlockSize} start at the wrong place");
            if ((Rows[i] & 0xFF) != 0 && (i < Reach || i + Reach >= nodes))
                throw new InvalidOperationException($"the network's row {i} has lattice ties outside the population");
            total += Rows[i] >> 8;
        }
        if (BlockStarts[^1] != total || Extras.Length != total)
            throw new InvalidOperationException("the network's listed ties do not match its rows");
        foreach (int j in Extras)
            if ((uint)j >= (uint)nodes) throw new InvalidOperationException($"the network has a tie to {j}, outside the population");
    }
}
