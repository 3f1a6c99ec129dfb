using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;

namespace ContentionSim.Core.Activists;

/// <summary>
/// The fast update of a segment of one movement's activists: for each row it counts the ties from the
/// last tick's view, applies the rule (<see cref="ActivistRules.Decide"/>, inlined), writes the row
/// back, packs the next tie view and tallies what was done. Reads only the last tick's states of
/// others; writes only its own rows.
/// </summary>
/// <remarks>
/// <para>
/// Hot loop rules: no allocation, no virtual call, no bounds check on the activist's own row
/// (the segment is checked against the columns once), and the per-activist random stream is
/// seeded only when the activist actually draws (<see cref="LazyRng"/>). Whether a tie is in the
/// same movement is a range check, not a load.
/// </para>
/// <para>
/// Ties are read from <see cref="ActivistPopulation.TieView"/>, two bits an activist; each activist
/// writes its own two bits of the next view with its next state. In the network's compact form
/// (<see cref="CompactTies"/>) the ties to ring neighbours within four places are counted from one
/// load of the view around the activist, and the other ties one by one (eight at a time with AVX2
/// gathers when there are four or more); networks kept as rows are read eight ties at a time with
/// AVX2 gathers (a scalar loop elsewhere). All paths count the same (tested).
/// </para>
/// </remarks>
internal static class ActivistKernel
{
    /// <summary>Count ties eight at a time with AVX2 gathers where the processor has them (switched off only to compare the two paths).</summary>
    internal static bool UseSimdTies = true;

    /// <summary>What every activist of a tick reads besides its movement's rule.</summary>
    public readonly struct TickInputs(ActivistPopulation population, SocialNetwork network, bool[] calling, double[] relief)
    {
        public readonly ActivistPopulation Population = population;
        public readonly SocialNetwork Network = network;
        /// <summary>Whether each organization calls its members out this tick.</summary>
        public readonly bool[] Calling = calling;
        /// <summary>Relief each organization's service gives its members this tick.</summary>
        public readonly double[] Relief = relief;
    }

    /// <summary>
    /// Counts, among <paramref name="count"/> ties at <paramref name="ties"/>, those active (all, and
    /// within the own movement <c>[movementStart, movementStart + own)</c>), framed and active, and
    /// repressed, from the two-bit view (<see cref="ActivistPopulation.TieView"/>), eight ties at a
    /// time: an AVX2 gather reads the four bytes ending at byte <c>j / 4</c> (for <c>j &lt; 4</c>
    /// the bytes before the data are the array's length field, always readable), and a variable
    /// shift brings activist <c>j</c>'s two bits down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void CountTies(byte* view, int* ties, int* tiesEnd, int count, int movementStart, uint own,
        out int activeAll, out int activeOwn, out int framedActive, out int repressed)
    {
        activeAll = activeOwn = framedActive = repressed = 0;
        int* below = (int*)(view - 3);
        var start = Vector256.Create(movementStart);
        var size = Vector256.Create(own);
        var three = Vector256.Create(3);
        var two = Vector256.Create(2);
        var one = Vector256.Create(1u);
        var twentyFour = Vector256.Create(24u);
        while (count > 0)
        {
            Vector256<int> index, raw;
            uint valid = count >= 8 ? 0xFFu : (1u << count) - 1;
            if (count >= 8 || ties + 8 <= tiesEnd)
            {
                // Lanes past this activist's ties read the next activists' ties: valid ids, masked out below.
                index = Avx.LoadVector256(ties);
                raw = Avx2.GatherVector256(below, Vector256.ShiftRightArithmetic(index, 2), 1);
            }
            else
            {
                var lanes = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count));
                index = Avx2.MaskLoad(ties, lanes);
                raw = Avx2.GatherMaskVector256(Vector256<int>.Zero, below, Vector256.ShiftRightArithmetic(index, 2), lanes, 1);
            }
            var shift = twentyFour + ((index.AsUInt32() & Vector256.Create(3u)) << 1);
            var code = Avx2.ShiftRightLogicalVariable(raw.AsUInt32(), shift).AsInt32() & three;
            uint isActive = Vector256.LessThan((code.AsUInt32() - one), Vector256.Create(2u)).ExtractMostSignificantBits() & valid;
            uint isFramed = Vector256.Equals(code, two).ExtractMostSignificantBits() & valid;
            uint held = Vector256.Equals(code, three).ExtractMostSignificantBits() & valid;
            uint inOwn = Vector256.LessThan((index - start).AsUInt32(), size).ExtractMostSignificantBits();
            activeAll += BitOperations.PopCount(isActive);
            activeOwn += BitOperations.PopCount(isActive & inOwn);
            framedActive += BitOperations.PopCount(isFramed);
            repressed += BitOperations.PopCount(held);
            ties += 8;
            count -= 8;
        }
    }

    /// <summary>
    /// Updates activists <c>[from, to)</c>, all of movement <c>[movementStart, movementEnd)</c>, by
    /// <paramref name="rule"/>; adds what they did to <paramref name="tally"/> and counts active members
    /// of each organization into <paramref name="activeMembers"/> (unless it is empty).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void UpdateSegment(in TickInputs inputs, in MovementRule rule, int movementStart, int movementEnd, int from, int to,
        ref MovementTally tally, Span<int> activeMembers)
    {
        var pop = inputs.Population;
        var net = inputs.Network;
        var compact = net.Compact;
        if ((uint)from > (uint)to || to > pop.Count || (compact is null ? net.RowOffsets.Length <= to : compact.Rows.Length < to))
            throw new ArgumentOutOfRangeException(nameof(to));
        bool[] calling = inputs.Calling;
        double[] relief = inputs.Relief;
        bool countMembers = !activeMembers.IsEmpty;

        if (pop.State.Length < to || pop.Next.Length < to) throw new ArgumentOutOfRangeException(nameof(to));
        ref byte state = ref MemoryMarshal.GetArrayDataReference(pop.State);
        ref byte nextState = ref MemoryMarshal.GetArrayDataReference(pop.Next);
        byte[] nextView = pop.NextTieView;
        if (nextView.Length < (to + 3) / 4) throw new ArgumentOutOfRangeException(nameof(to));
        ref byte nextViewBytes = ref MemoryMarshal.GetArrayDataReference(nextView);
        // The next view's byte under construction: activists of this byte before 'from' were
        // written by the segment before (same chunk, same thread); keep their bits.
        int packed = (from & 3) == 0 ? 0 : Unsafe.Add(ref nextViewBytes, from >> 2) & ((1 << (2 * (from & 3))) - 1);
        ref float energyCol = ref MemoryMarshal.GetArrayDataReference(pop.Energy);
        ref float radicalismCol = ref MemoryMarshal.GetArrayDataReference(pop.Radicalism);
        ref float grievanceCol = ref MemoryMarshal.GetArrayDataReference(pop.Grievance);
        ref float baselineGrievanceCol = ref MemoryMarshal.GetArrayDataReference(pop.BaselineGrievance);
        ref float baselineRadicalismCol = ref MemoryMarshal.GetArrayDataReference(pop.BaselineRadicalism);
        ref float riskAversionCol = ref MemoryMarshal.GetArrayDataReference(pop.RiskAversion);
        ref float thresholdCol = ref MemoryMarshal.GetArrayDataReference(pop.Threshold);
        ref ushort timerCol = ref MemoryMarshal.GetArrayDataReference(pop.Timer);
        ref int organizationCol = ref MemoryMarshal.GetArrayDataReference(pop.Organization);
        ref int offsets = ref MemoryMarshal.GetArrayDataReference(net.RowOffsets);
        int[] ties = net.RowTies;
        // The compact form (lattice ties as bits, other ties listed): where this segment's listed ties start.
        ushort[] compactRows = compact?.Rows ?? [];
        int[] listed = compact?.Extras ?? [];
        int listCursor = compact is null ? 0 : compact.ExtrasStart(from);
        ref uint spread = ref MemoryMarshal.GetArrayDataReference(CompactTies.Spread);
        uint own = (uint)(movementEnd - movementStart);
        bool simd = Avx2.IsSupported && UseSimdTies;
        byte[] view = pop.TieView;
        if (view.Length < (pop.Count + 3) / 4 + ActivistPopulation.TieViewPadding) throw new InvalidOperationException("the tie view does not cover the population");
        fixed (byte* viewPointer = view)
        fixed (int* tiePointer = ties)
        fixed (int* listedPointer = listed)
        fixed (ushort* rowPointer = compactRows)
        {
            int inactive = 0, active = 0, exhausted = 0, repressedCount = 0, coopted = 0;
            int framedCount = 0, radicalActive = 0, violentActs = 0, arrests = 0, peacefulArrests = 0, cooptations = 0, newlyActive = 0;
            double grievanceSum = 0;

            for (int i = from; i < to; i++)
            {
                // Ties: who among them was active (own movement or other), framed and active, or
                // held by the state at the end of the last tick.
                int degree, activeOwn = 0, activeAll = 0, framedActive = 0, repressed = 0;
                if (compact is not null)
                {
                    int row = rowPointer[i];
                    int lattice = row & 0xFF, count = row >> 8;
                    degree = BitOperations.PopCount((uint)lattice) + count;
                    if (lattice != 0)
                    {
                        // The view of activists i − 4 … i + 4 (the row has lattice bits only where they exist).
                        uint window = Unsafe.ReadUnaligned<uint>(viewPointer + ((i - CompactTies.Reach) >> 2)) >> (2 * ((i - CompactTies.Reach) & 3));
                        uint tied = Unsafe.Add(ref spread, lattice);
                        uint low = window & tied, high = (window >> 1) & tied;
                        activeAll = activeOwn = BitOperations.PopCount(low ^ high);
                        framedActive = BitOperations.PopCount(high & ~low);
                        repressed = BitOperations.PopCount(high & low);
                    }
                    if (count != 0)
                    {
                        int* t = listedPointer + listCursor;
                        listCursor += count;
                        if (simd && count >= 4)
                        {
                            CountTies(viewPointer, t, listedPointer + listed.Length, count, movementStart, own,
                                out int all, out int ownActive, out int framedTies, out int held);
                            activeAll += all;
                            activeOwn += ownActive;
                            framedActive += framedTies;
                            repressed += held;
                        }
                        else
                        {
                            // Without branches on the codes: active is 01 or 10, framed 10, repressed 11.
                            for (int* tEnd = t + count; t < tEnd; t++)
                            {
                                int j = *t;
                                int code = (viewPointer[j >> 2] >> ((j & 3) << 1)) & 3;
                                int isActive = (code ^ (code >> 1)) & 1;
                                activeAll += isActive;
                                activeOwn += isActive & ((uint)(j - movementStart) < own ? 1 : 0);
                                framedActive += (code >> 1) & ~code & 1;
                                repressed += (code >> 1) & code;
                            }
                        }
                    }
                }
                else if (simd)
                {
                    int k = Unsafe.Add(ref offsets, i);
                    degree = Unsafe.Add(ref offsets, i + 1) - k;
                    CountTies(viewPointer, tiePointer + k, tiePointer + ties.Length, degree, movementStart, own,
                        out activeAll, out activeOwn, out framedActive, out repressed);
                }
                else
                {
                    int k = Unsafe.Add(ref offsets, i), end = Unsafe.Add(ref offsets, i + 1);
                    degree = end - k;
                    for (; k < end; k++)
                    {
                        int j = ties[k];
                        int code = (view[j >> 2] >> ((j & 3) << 1)) & 3;
                        if (code == ActivistPopulation.TieRepressed) repressed++;
                        else if (code != ActivistPopulation.TieNone)
                        {
                            activeAll++;
                            if ((uint)(j - movementStart) < own) activeOwn++;
                            if (code == ActivistPopulation.TieActiveFramed) framedActive++;
                        }
                    }
                }

                // The rule.
                byte s = Unsafe.Add(ref state, i);
                int org = Unsafe.Add(ref organizationCol, i);
                var input = new ActivistInput
                {
                    Id = i,
                    Status = (ActivistStatus)(s & ActivistPopulation.StatusMask),
                    Framed = (s & ActivistPopulation.FramedBit) != 0,
                    Energy = Unsafe.Add(ref energyCol, i),
                    Radicalism = Unsafe.Add(ref radicalismCol, i),
                    Grievance = Unsafe.Add(ref grievanceCol, i),
                    Timer = Unsafe.Add(ref timerCol, i),
                    BaselineGrievance = Unsafe.Add(ref baselineGrievanceCol, i),
                    BaselineRadicalism = Unsafe.Add(ref baselineRadicalismCol, i),
                    RiskAversion = Unsafe.Add(ref riskAversionCol, i),
                    Threshold = Unsafe.Add(ref thresholdCol, i),
                    ServiceRelief = org >= 0 ? relief[org] : 0,
                    Called = org >= 0 && calling[org],
                    Ties = new TieCounts(degree, activeOwn, activeAll - activeOwn, framedActive, repressed),
                };
                var o = ActivistRules.Decide(input, rule);

                // Write back, the next view, the tally.
                var next = o.Status;
                Unsafe.Add(ref energyCol, i) = o.Energy;
                Unsafe.Add(ref radicalismCol, i) = o.Radicalism;
                Unsafe.Add(ref grievanceCol, i) = o.Grievance;
                Unsafe.Add(ref timerCol, i) = o.Timer;
                Unsafe.Add(ref nextState, i) = (byte)((byte)next | (o.Framed ? ActivistPopulation.FramedBit : 0) | (o.Violent ? ActivistPopulation.ViolentBit : 0));
                int viewCode = next switch
                {
                    ActivistStatus.Active => o.Framed ? ActivistPopulation.TieActiveFramed : ActivistPopulation.TieActive,
                    ActivistStatus.Repressed => ActivistPopulation.TieRepressed,
                    _ => ActivistPopulation.TieNone,
                };
                packed |= viewCode << (2 * (i & 3));
                if ((i & 3) == 3 || i == to - 1)
                {
                    Unsafe.Add(ref nextViewBytes, i >> 2) = (byte)packed;
                    packed = 0;
                }

                switch (next)
                {
                    case ActivistStatus.Inactive: inactive++; break;
                    case ActivistStatus.Active:
                        active++;
                        if (o.Radicalism >= ActivistRules.RadicalLine) radicalActive++;
                        if (countMembers && org >= 0) activeMembers[org]++;
                        break;
                    case ActivistStatus.Exhausted: exhausted++; break;
                    case ActivistStatus.Repressed: repressedCount++; break;
                    case ActivistStatus.Coopted: coopted++; break;
                }
                if (o.Framed) framedCount++;
                if (o.Violent) violentActs++;
                if (o.Arrested) { arrests++; if (!o.Violent) peacefulArrests++; }
                if (o.Coopted) cooptations++;
                if (o.NewlyActive) newlyActive++;
                grievanceSum += o.Grievance;
            }

            tally.Inactive += inactive;
            tally.Active += active;
            tally.Exhausted += exhausted;
            tally.Repressed += repressedCount;
            tally.Coopted += coopted;
            tally.Framed += framedCount;
            tally.RadicalActive += radicalActive;
            tally.ViolentActs += violentActs;
            tally.Arrests += arrests;
            tally.PeacefulArrests += peacefulArrests;
            tally.Cooptations += cooptations;
            tally.NewlyActive += newlyActive;
            tally.GrievanceSum += grievanceSum;
        }
    }
}
