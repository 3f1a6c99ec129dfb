using ContentionSim.Core.Observation;

namespace ContentionSim.Core.Activists;

/// <summary>
/// The activists of all movements, stored column-wise (one array per attribute) so the
/// update loop streams through memory and runs in parallel without locks. Activist
/// <c>i</c> is the row <c>i</c> of every array; movement <c>m</c> holds the contiguous
/// rows <c>[MovementStarts[m], MovementStarts[m+1])</c>.
/// </summary>
public sealed class ActivistPopulation
{
    /// <summary>Bit of <see cref="State"/> set when the activist holds the movement's frame.</summary>
    public const byte FramedBit = 0x08;
    /// <summary>Bit of <see cref="State"/> set when the activist committed a violent act this tick.</summary>
    public const byte ViolentBit = 0x10;
    /// <summary>Bits of <see cref="State"/> that hold the <see cref="ActivistStatus"/>.</summary>
    public const byte StatusMask = 0x07;

    /// <summary>Columns for <paramref name="count"/> activists, zeroed, none in an organization; <paramref name="movementStarts"/> as <see cref="MovementStarts"/>.</summary>
    internal ActivistPopulation(int count, int[] movementStarts)
    {
        Count = count;
        MovementStarts = movementStarts;
        Movement = new byte[count];
        for (int m = 0; m + 1 < movementStarts.Length; m++)
            Array.Fill(Movement, (byte)m, movementStarts[m], movementStarts[m + 1] - movementStarts[m]);
        BaselineGrievance = new float[count];
        Grievance = new float[count];
        RiskAversion = new float[count];
        Threshold = new float[count];
        Radicalism = new float[count];
        BaselineRadicalism = new float[count];
        Energy = new float[count];
        Timer = new ushort[count];
        Organization = new int[count];
        Array.Fill(Organization, -1);
        State = new byte[count];
        Next = new byte[count];
        TieView = new byte[(count + 3) / 4 + TieViewPadding];
        NextTieView = new byte[TieView.Length];
    }

    /// <summary>Number of activists of all movements (the length of every column).</summary>
    public int Count { get; }
    /// <summary>First row of each movement, and <see cref="Count"/> at the end: movement <c>m</c> holds rows <c>[MovementStarts[m], MovementStarts[m+1])</c>.</summary>
    public int[] MovementStarts { get; }
    /// <summary>Number of movements.</summary>
    public int MovementCount => MovementStarts.Length - 1;

    /// <summary>Movement of each activist.</summary>
    public byte[] Movement { get; }
    /// <summary>Grievance the activist returns to (hardship before relief or backfire), before the movement's shift.</summary>
    public float[] BaselineGrievance { get; }
    /// <summary>Grievance felt now, 0–1: the baseline eased by service and concessions, raised by backfire.</summary>
    public float[] Grievance { get; }
    /// <summary>How strongly the activist weighs the risk of repression, 0–1; fixed.</summary>
    public float[] RiskAversion { get; }
    /// <summary>Utility the activist needs to take part, ≥ 0: a share of its ties or a number of people, as the movement's <see cref="Parameters.ActivistParameters.ThresholdUnit"/> says; fixed.</summary>
    public float[] Threshold { get; }
    /// <summary>Radicalism now, 0 (moderate) to 1 (radical).</summary>
    public float[] Radicalism { get; }
    /// <summary>Radicalism the activist drew at the start, to which it returns out of action.</summary>
    public float[] BaselineRadicalism { get; }
    /// <summary>Energy, at most 1: taking part tires, rest restores.</summary>
    public float[] Energy { get; }
    /// <summary>Ticks left in a repressed or co-opted term.</summary>
    public ushort[] Timer { get; }
    /// <summary>Index of the organization the activist belongs to, or -1.</summary>
    public int[] Organization { get; }

    /// <summary>Status and flags at the end of the last tick: read by everyone during a tick.</summary>
    public byte[] State { get; private set; }
    /// <summary>Status and flags being computed this tick: each activist writes only its own.</summary>
    public byte[] Next { get; private set; }

    /// <summary>Status of activist <paramref name="i"/> at the end of the last tick.</summary>
    public ActivistStatus StatusOf(int i) => (ActivistStatus)(State[i] & StatusMask);
    /// <summary>Whether activist <paramref name="i"/> held the movement's frame at the end of the last tick.</summary>
    public bool IsFramed(int i) => (State[i] & FramedBit) != 0;

    /// <summary>
    /// What ties see of each activist, two bits an activist (four a byte, activist <c>i</c> in bits
    /// <c>2·(i mod 4)</c> of byte <c>i / 4</c>): <see cref="TieNone"/>, <see cref="TieActive"/>,
    /// <see cref="TieActiveFramed"/> or <see cref="TieRepressed"/>. The same information as
    /// <see cref="State"/> for the neighbour loop, in a quarter of a byte: a million activists'
    /// view is 250 KB, which stays in the core's cache while the columns stream past, so a
    /// rewired tie to anywhere in the population rarely waits for memory.
    /// </summary>
    internal byte[] TieView { get; private set; }
    /// <summary>The view of <see cref="Next"/>, written with it.</summary>
    internal byte[] NextTieView { get; private set; }

    /// <summary>Zero bytes after the view, so the update may read four bytes at once near its end.</summary>
    internal const int TieViewPadding = 4;

    internal const int TieNone = 0, TieActive = 1, TieActiveFramed = 2, TieRepressed = 3;

    /// <summary>The two-bit view of a state byte.</summary>
    internal static int TieCode(byte state) => (state & StatusMask) switch
    {
        (int)ActivistStatus.Active => (state & FramedBit) != 0 ? TieActiveFramed : TieActive,
        (int)ActivistStatus.Repressed => TieRepressed,
        _ => TieNone,
    };

    /// <summary>Packs the view of <paramref name="states"/> for activists <c>[from, to)</c>, <paramref name="from"/> a multiple of four.</summary>
    internal static void PackTieView(byte[] states, byte[] view, int from, int to)
    {
        for (int i = from; i < to; i += 4)
        {
            int packed = 0;
            for (int q = 0; q < 4 && i + q < to; q++) packed |= TieCode(states[i + q]) << (2 * q);
            view[i >> 2] = (byte)packed;
        }
    }

    /// <summary>Rebuilds the current view from <see cref="State"/> (after initialisation).</summary>
    internal void RebuildTieView() => PackTieView(State, TieView, 0, Count);

    /// <summary>Gives activist <paramref name="i"/> the frame now (an organization's framing), keeping the view in step.</summary>
    internal void SetFramed(int i)
    {
        State[i] |= FramedBit;
        int shift = 2 * (i & 3);
        if (((TieView[i >> 2] >> shift) & 3) == TieActive)
            TieView[i >> 2] = (byte)(TieView[i >> 2] ^ ((TieActive ^ TieActiveFramed) << shift));
    }

    /// <summary>Makes this tick's states current (double buffering).</summary>
    internal void Swap()
    {
        (State, Next) = (Next, State);
        (TieView, NextTieView) = (NextTieView, TieView);
    }

    /// <summary>Approximate bytes held per activist, network excluded.</summary>
    public const int BytesPerActivist = 1 + 4 * 7 + 2 + 4 + 2;
}
