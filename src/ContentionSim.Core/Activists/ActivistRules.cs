using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Activists;

/// <summary>
/// The activist's tick (the agent's <c>Tick</c> of MARS, applied to one row of the
/// population). Reads only the last tick's states of others; writes only its own row.
/// Every equation here is documented in docs/ODD.md, section "Submodels: activist".
/// </summary>
/// <remarks>
/// <para>
/// The constants of one movement for one tick are computed once per tick by <see cref="Set"/>
/// (parameters converted to the precision each equation uses them in), so the loop over
/// activists in <see cref="UpdateSegment"/> reads only locals, the population's columns and
/// the network. It runs over a contiguous segment of one movement's activists: whether a
/// tie is in the same movement is a range check, not a load.
/// </para>
/// <para>
/// Hot loop rules: no allocation, no virtual call, no bounds check on the activist's own row
/// (the segment is checked against the columns once), and the per-activist random stream is
/// seeded only when the activist actually draws (most inactive activists never do). Seeding
/// lazily gives exactly the draws an eager seed would.
/// </para>
/// <para>
/// Ties are read from <see cref="ActivistPopulation.TieView"/>, two bits an activist; each activist
/// writes its own two bits of the next view with its next state. In the network's compact form
/// (<see cref="CompactTies"/>) the ties to ring neighbours within four places are counted from one
/// load of the view around the activist, and the other ties one by one (eight at a time with AVX2
/// gathers when there are four or more); networks kept as rows are read eight ties at a time with
/// AVX2 gathers (a scalar loop elsewhere).
/// </para>
/// </remarks>
internal struct ActivistRules
{
    /// <summary>Radicalism at or above which an activist counts as radical in the observables.</summary>
    public const float RadicalLine = 0.5f;

    /// <summary>Count ties eight at a time with AVX2 gathers where the processor has them (switched off only to compare the two paths).</summary>
    internal static bool UseSimdTies = true;

    /// <summary><c>1f / d</c> for degrees below 64 (0 for 0): the same values as the division, without its latency.</summary>
    private static readonly float[] Reciprocals = Enumerable.Range(0, 64).Select(d => d > 0 ? 1f / d : 0f).ToArray();

    // Single precision, as the equations use them.
    private float _shift, _spillover, _sympathyTerm, _backfire, _efficacy, _street;
    private float _rebuild, _relief, _recovery, _moderation, _grievanceWeight, _unframed, _call, _riskWeight, _socialWeight, _deradicalization;
    private bool _people;
    private ushort _repressionTerm, _cooptationTerm;
    // Double precision, as the equations use them.
    private double _contagion, _frameDecay, _recoveredLevel, _energyCost, _radicalCommitment, _exhaustionLevel, _disillusionment;
    private double _perceivedRepression, _frustrationTerm, _radicalizationRate, _facilitation, _violenceThreshold, _violence, _arrest, _coopt;

    /// <summary>Computes this tick's constants of movement <paramref name="movement"/>.</summary>
    public void Set(Scenario scenario, int movement, MovementSignals s)
    {
        var mp = scenario.Movements[movement];
        var p = mp.Activists;
        _shift = (float)mp.GrievanceShift;
        _spillover = (float)scenario.Spillover;
        _people = p.ThresholdUnit == ThresholdUnit.People;
        _sympathyTerm = scenario.Public.Enabled ? (float)(scenario.Public.RecruitmentEffect * s.Sympathy) : 0f;
        _repressionTerm = (ushort)Math.Clamp(scenario.State.RepressionTerm, 0, ushort.MaxValue);
        _cooptationTerm = (ushort)Math.Clamp(scenario.State.CooptationTerm, 0, ushort.MaxValue);
        // Backfire needs outrage to beat fear: it fades as repression becomes overwhelming
        // (the inverted U of repression and dissent; Zhukov 2023), and outside attention amplifies it.
        _backfire = (float)(p.RepressionBackfire * (1 + s.Attention) * (1 - s.PerceivedRepression));
        _efficacy = (float)(p.EfficacyWeight * s.Momentum);
        // Grievance that goes to the street: less what institutions absorb, and only as far as
        // the state's openness gives protest a chance (Eisinger's curvilinear opportunity).
        _street = (float)((1 - s.Absorption) * (1 - p.OpportunityWeight * (1 - s.Opportunity)));
        _violence = Math.Min(1, p.ViolenceProbability * (1 + p.Escalation * Math.Max(0, -s.Momentum)));

        _rebuild = (float)p.GrievanceRebuild;
        _relief = (float)s.Relief;
        _recovery = (float)p.EnergyRecovery;
        _moderation = (float)p.RadicalizationRate;
        _grievanceWeight = (float)p.GrievanceWeight;
        _unframed = (float)p.UnframedGrievance;
        _call = (float)p.CallWeight;
        _riskWeight = (float)p.RiskWeight;
        _socialWeight = (float)p.SocialWeight;
        _deradicalization = (float)p.Deradicalization;

        _contagion = p.FrameContagion * s.FrameBoost;
        _frameDecay = p.FrameDecay;
        _recoveredLevel = p.RecoveredLevel;
        // Taking part under repression is high-risk activism: it costs more energy.
        _energyCost = p.EnergyCost * (1 + p.RepressionCost * s.PerceivedRepression);
        _radicalCommitment = p.RadicalCommitment;
        _exhaustionLevel = p.ExhaustionLevel;
        _disillusionment = p.Disillusionment;
        _perceivedRepression = s.PerceivedRepression;
        _frustrationTerm = p.Frustration * (1 - s.Facilitation);
        _radicalizationRate = p.RadicalizationRate;
        _facilitation = s.Facilitation;
        _violenceThreshold = p.ViolenceThreshold;
        _arrest = s.ArrestProbability;
        _coopt = s.CooptProbability;
    }

    /// <summary>
    /// The random stream of one activist for one tick, <c>Rng.For(key, i, tick)</c>, seeded at
    /// its first draw. <see cref="Chance"/> draws nothing when <c>p ≤ 0</c>, like <see cref="Rng.Chance"/>.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    private struct LazyRng(ulong key, int entity, int tick)
    {
        private ulong _state;
        private bool _seeded;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Chance(double p)
        {
            if (!(p > 0)) return false;
            if (!_seeded)
            {
                _state = Rng.Hash(key, (ulong)entity, (ulong)tick);
                _seeded = true;
            }
            _state += 0x9E3779B97F4A7C15UL;
            return (Rng.Mix(_state) >> 11) * (1.0 / (1UL << 53)) < p;
        }
    }

    /// <summary>What every activist of a tick reads besides its movement's constants.</summary>
    public readonly struct Inputs(ActivistPopulation population, SocialNetwork network, bool[] calling, double[] relief, ulong key, int tick)
    {
        public readonly ActivistPopulation Population = population;
        public readonly SocialNetwork Network = network;
        /// <summary>Whether each organization calls its members out this tick.</summary>
        public readonly bool[] Calling = calling;
        /// <summary>Relief each organization's service gives its members this tick.</summary>
        public readonly double[] Relief = relief;
        /// <summary>Key of the stream "activist-decisions".</summary>
        public readonly ulong Key = key;
        public readonly int Tick = tick;
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
    /// Updates activists <c>[from, to)</c>, all of movement <c>[movementStart, movementEnd)</c>,
    /// adds what they did to <paramref name="tally"/> and counts active members of each
    /// organization into <paramref name="activeMembers"/> (unless it is empty).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly unsafe void UpdateSegment(in Inputs inputs, int movementStart, int movementEnd, int from, int to,
        ref MovementTally tally, Span<int> activeMembers)
    {
        var pop = inputs.Population;
        var net = inputs.Network;
        var compact = net.Compact;
        if ((uint)from > (uint)to || to > pop.Count || (compact is null ? net.RowOffsets.Length <= to : compact.Rows.Length < to))
            throw new ArgumentOutOfRangeException(nameof(to));
        bool[] calling = inputs.Calling;
        double[] relief = inputs.Relief;
        ulong key = inputs.Key;
        int tick = inputs.Tick;
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
                byte s = Unsafe.Add(ref state, i);
                var status = (ActivistStatus)(s & ActivistPopulation.StatusMask);
                bool framed = (s & ActivistPopulation.FramedBit) != 0;
                float energy = Unsafe.Add(ref energyCol, i);
                float radicalism = Unsafe.Add(ref radicalismCol, i);
                var rng = new LazyRng(key, i, tick);

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
                int activeOther = activeAll - activeOwn;
                float invDegree = (uint)degree < (uint)Reciprocals.Length ? Reciprocals[degree] : degree > 0 ? 1f / degree : 0f;
                float repressedShare = repressed * invDegree;

                // Grievance: first eased by the service of one's organization this tick (ODD 7.2),
                float grievance = Unsafe.Add(ref grievanceCol, i);
                int org = Unsafe.Add(ref organizationCol, i);
                if (org >= 0)
                {
                    double service = relief[org];
                    if (service > 0) grievance -= (float)(service * grievance);
                }
                // then it rebuilds towards its baseline, is eased by concessions, raised by repression seen (backfire).
                float baseline = Math.Clamp(Unsafe.Add(ref baselineGrievanceCol, i) + _shift, 0f, 1f);
                grievance += _rebuild * (baseline - grievance) - _relief * grievance + _backfire * repressedShare * (1f - grievance);
                grievance = Math.Clamp(grievance, 0f, 1f);

                // The frame spreads from framed, active ties (chance linear in their share), amplified by outside attention.
                // It fades among those not taking part who see no framed, active tie.
                if (!framed && framedActive > 0 && rng.Chance(_contagion * framedActive * invDegree))
                    framed = true;
                else if (framed && framedActive == 0 && status != ActivistStatus.Active && rng.Chance(_frameDecay))
                    framed = false;

                bool violent = false;
                ushort timer = Unsafe.Add(ref timerCol, i);
                var next = status;
                switch (status)
                {
                    case ActivistStatus.Repressed:
                        // Being held is no rest: energy does not recover, and one released
                        // worn out must recover before taking part again.
                        if (timer > 0) timer--;
                        if (timer == 0) next = energy < _recoveredLevel ? ActivistStatus.Exhausted : ActivistStatus.Inactive;
                        break;
                    case ActivistStatus.Coopted:
                        energy = Math.Min(1f, energy + _recovery);
                        radicalism -= _moderation * radicalism;
                        if (timer > 0) timer--;
                        if (timer == 0) next = ActivistStatus.Inactive;
                        break;
                    case ActivistStatus.Exhausted:
                        energy = Math.Min(1f, energy + _recovery);
                        if (energy >= _recoveredLevel) next = ActivistStatus.Inactive;
                        break;
                    default:
                    {
                        bool wasActive = status == ActivistStatus.Active;
                        energy = wasActive
                            ? energy - (float)(_energyCost * (1 - _radicalCommitment * radicalism))
                            : Math.Min(1f, energy + _recovery);
                        if (wasActive && energy < _exhaustionLevel)
                        {
                            next = ActivistStatus.Exhausted;
                            if (framed && rng.Chance(_disillusionment)) framed = false;
                            break;
                        }

                        // Decide: grievance as the frame interprets it, the pull of active ties and of one's
                        // organization's call and public sympathy, against the risk of repression perceived.
                        float social = _people
                            ? activeOwn + _spillover * activeOther
                            : (activeOwn + _spillover * activeOther) * invDegree;
                        float localShare = (activeOwn + activeOther) * invDegree;
                        float motivation = _grievanceWeight * grievance * (framed ? 1f : _unframed) * _street;
                        float call = org >= 0 && calling[org] ? _call : 0f;
                        float risk = _riskWeight * Unsafe.Add(ref riskAversionCol, i)
                                     * (float)Math.Min(1.0, _perceivedRepression + repressedShare) * (1f - 0.5f * localShare);
                        float utility = motivation + _socialWeight * social + call + _sympathyTerm + _efficacy - risk;
                        if (utility < Unsafe.Add(ref thresholdCol, i))
                        {
                            next = ActivistStatus.Inactive;
                            break;
                        }

                        next = ActivistStatus.Active;
                        if (!wasActive) newlyActive++;
                        // Polarization: repression (felt and seen) and frustration radicalize, facilitation moderates.
                        double push = Math.Min(1.0, _perceivedRepression + repressedShare + _frustrationTerm);
                        radicalism += (float)(_radicalizationRate * ((1 - radicalism) * push - radicalism * _facilitation));
                        radicalism = Math.Clamp(radicalism, 0f, 1f);
                        if (radicalism > _violenceThreshold && rng.Chance(_violence))
                            violent = true;
                        double arrest = _arrest * (0.5 + radicalism) * (violent ? 3 : 1);
                        if (rng.Chance(arrest))
                        {
                            next = ActivistStatus.Repressed;
                            timer = _repressionTerm;
                            arrests++;
                            if (!violent) peacefulArrests++;
                        }
                        else if (radicalism < RadicalLine && rng.Chance(_coopt))
                        {
                            next = ActivistStatus.Coopted;
                            timer = _cooptationTerm;
                            cooptations++;
                        }
                        break;
                    }
                }

                // Out of action, radicalism drifts back to the activist's own initial level.
                if (next != ActivistStatus.Active)
                    radicalism += _deradicalization * (Unsafe.Add(ref baselineRadicalismCol, i) - radicalism);
                Unsafe.Add(ref energyCol, i) = energy;
                Unsafe.Add(ref radicalismCol, i) = radicalism;
                Unsafe.Add(ref grievanceCol, i) = grievance;
                Unsafe.Add(ref timerCol, i) = timer;
                Unsafe.Add(ref nextState, i) = (byte)((byte)next | (framed ? ActivistPopulation.FramedBit : 0) | (violent ? ActivistPopulation.ViolentBit : 0));
                int viewCode = next switch
                {
                    ActivistStatus.Active => framed ? ActivistPopulation.TieActiveFramed : ActivistPopulation.TieActive,
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
                        if (radicalism >= RadicalLine) radicalActive++;
                        if (countMembers && org >= 0) activeMembers[org]++;
                        break;
                    case ActivistStatus.Exhausted: exhausted++; break;
                    case ActivistStatus.Repressed: repressedCount++; break;
                    case ActivistStatus.Coopted: coopted++; break;
                }
                if (framed) framedCount++;
                if (violent) violentActs++;
                grievanceSum += grievance;
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
