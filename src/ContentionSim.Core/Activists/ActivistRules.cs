using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Activists;

/// <summary>
/// The activist's rule (docs/ODD.md 7.5): <see cref="Decide"/> takes one activist's state, the counts
/// of its ties and its movement's constants for the tick, and gives its next state and what it did.
/// Pure and scalar: the fast update (<see cref="ActivistKernel"/>) counts the ties, calls it for
/// every row and writes the result back.
/// </summary>
internal static class ActivistRules
{
    /// <summary>Radicalism at or above which an activist counts as radical (observables; co-optation reaches only those below).</summary>
    public const float RadicalLine = 0.5f;
    /// <summary>Share of the perceived risk that having all one's ties active takes away (safety in numbers).</summary>
    public const float SafetyInNumbers = 0.5f;
    /// <summary>Arrest chance of an activist of radicalism 0, relative to <see cref="StatePolicy.ArrestProbability"/> (which is for radicalism 0.5).</summary>
    public const double ArrestBase = 0.5;
    /// <summary>How many times more likely an activist who committed a violent act this tick is arrested.</summary>
    public const double ViolentArrestFactor = 3;

    /// <summary>One activist's next state and what it did this tick, from its state, its ties and its movement's constants.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ActivistOutcome Decide(in ActivistInput a, in MovementRule c)
    {
        var rng = new LazyRng(c.Key, a.Id, c.Tick);
        var ties = a.Ties;
        float inv = ties.Inverse, repressedShare = ties.Repressed * inv;
        // (b) Grievance: eased by one's organization's service, rebuilt towards its baseline, eased by
        // concessions, raised by repression seen (backfire).
        float grievance = a.Grievance;
        if (a.ServiceRelief > 0) grievance -= (float)(a.ServiceRelief * grievance);
        float baseline = Math.Clamp(a.BaselineGrievance + c.GrievanceShift, 0f, 1f);
        grievance += c.GrievanceRebuild * (baseline - grievance) - c.Relief * grievance + c.Backfire * repressedShare * (1f - grievance);
        grievance = Math.Clamp(grievance, 0f, 1f);
        // (c) Frame: spread by framed, active ties; fades among those not taking part who see none.
        bool framed = a.Framed;
        if (!framed && ties.FramedActive > 0 && rng.Chance(c.FrameContagion * ties.FramedActive * inv)) framed = true;
        else if (framed && ties.FramedActive == 0 && a.Status != ActivistStatus.Active && rng.Chance(c.FrameDecay)) framed = false;
        // (d) Status.
        var o = new ActivistOutcome { Status = a.Status, Energy = a.Energy, Radicalism = a.Radicalism, Timer = a.Timer };
        switch (a.Status)
        {
            case ActivistStatus.Repressed or ActivistStatus.Coopted or ActivistStatus.Exhausted:
                OutOfAction(ref o, c); // held, co-opted or resting: see there
                break;
            default: // inactive or active: energy, exhaustion, then the decision
                bool wasActive = a.Status == ActivistStatus.Active;
                o.Energy = wasActive ? o.Energy - (float)(c.EnergyCost * (1 - c.RadicalCommitment * o.Radicalism)) : Math.Min(1f, o.Energy + c.EnergyRecovery);
                if (wasActive && o.Energy < c.ExhaustionLevel)
                {
                    o.Status = ActivistStatus.Exhausted;
                    if (framed && rng.Chance(c.Disillusionment)) framed = false;
                    break;
                }
                float pull = ties.ActiveOwn + c.Spillover * ties.ActiveOther;
                float social = c.ThresholdInPeople ? pull : pull * inv;
                float localShare = (ties.ActiveOwn + ties.ActiveOther) * inv;
                float motivation = c.GrievanceWeight * grievance * (framed ? 1f : c.UnframedGrievance) * c.Street;
                float risk = c.RiskWeight * a.RiskAversion * (float)Math.Min(1.0, c.PerceivedRepression + repressedShare) * (1f - SafetyInNumbers * localShare);
                float utility = motivation + c.SocialWeight * social + (a.Called ? c.CallWeight : 0f) + c.SympathyTerm + c.Efficacy - risk;
                if (utility < a.Threshold) { o.Status = ActivistStatus.Inactive; break; }
                // The funnel (Klandermans & Oegema 1987): one who is motivated but not yet taking part
                // joins only when reached, by its organization's call, an active tie's request or outreach.
                if (!wasActive && !a.Called && c.Outreach < 1f
                    && !rng.Chance(Math.Min(1f, c.Outreach + c.TieRecruitment * pull)))
                {
                    o.Status = ActivistStatus.Inactive;
                    break;
                }
                // Barriers: even the motivated and reached cannot always go.
                if (c.Availability < 1 && !rng.Chance(c.Availability)) { o.Status = ActivistStatus.Inactive; break; }
                o.Status = ActivistStatus.Active;
                o.NewlyActive = !wasActive;
                // Polarization: repression felt and seen and frustration radicalize; facilitation moderates.
                // The radical flank: a shrinking movement pushes those who stay (della Porta & Tarrow 1986).
                double push = Math.Min(1.0, c.PerceivedRepression + repressedShare + c.FrustrationTerm + c.FlankTerm);
                o.Radicalism = Math.Clamp(o.Radicalism + (float)(c.RadicalizationRate * ((1 - o.Radicalism) * push - o.Radicalism * c.Facilitation)), 0f, 1f);
                o.Violent = o.Radicalism > c.ViolenceThreshold && rng.Chance(c.ViolenceChance);
                if (rng.Chance(c.ArrestProbability * (ArrestBase + o.Radicalism) * (o.Violent ? ViolentArrestFactor : 1)))
                {
                    o.Status = ActivistStatus.Repressed;
                    o.Timer = c.RepressionTerm;
                    o.Arrested = true;
                }
                else if (o.Radicalism < RadicalLine && rng.Chance(c.CooptProbability))
                {
                    o.Status = ActivistStatus.Coopted;
                    o.Timer = c.CooptationTerm;
                    o.Coopted = true;
                }
                break;
        }
        // (d') Out of action, radicalism drifts back to the activist's own initial level.
        if (o.Status != ActivistStatus.Active) o.Radicalism += c.Deradicalization * (a.BaselineRadicalism - o.Radicalism);
        o.Framed = framed;
        o.Grievance = grievance;
        return o;
    }

    /// <summary>(d) for one out of action: held (no rest; released worn out, one must recover first), co-opted (rests, and institutions moderate) or exhausted (rests).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OutOfAction(ref ActivistOutcome o, in MovementRule c)
    {
        switch (o.Status)
        {
            case ActivistStatus.Repressed:
                if (o.Timer > 0) o.Timer--;
                if (o.Timer == 0) o.Status = o.Energy < c.RecoveredLevel ? ActivistStatus.Exhausted : ActivistStatus.Inactive;
                break;
            case ActivistStatus.Coopted:
                o.Energy = Math.Min(1f, o.Energy + c.EnergyRecovery);
                o.Radicalism -= (float)c.RadicalizationRate * o.Radicalism;
                if (o.Timer > 0) o.Timer--;
                if (o.Timer == 0) o.Status = ActivistStatus.Inactive;
                break;
            default: // exhausted
                o.Energy = Math.Min(1f, o.Energy + c.EnergyRecovery);
                if (o.Energy >= c.RecoveredLevel) o.Status = ActivistStatus.Inactive;
                break;
        }
    }
}

/// <summary>Counts of one activist's ties, as they were at the end of the last tick.</summary>
internal readonly struct TieCounts
{
    /// <summary><c>1f / d</c> for degrees below 64 (0 for 0): the same values as the division, without its latency.</summary>
    private static readonly float[] Reciprocals = Enumerable.Range(0, 64).Select(d => d > 0 ? 1f / d : 0f).ToArray();

    public TieCounts(int degree, int activeOwn, int activeOther, int framedActive, int repressed)
    {
        Degree = degree;
        ActiveOwn = activeOwn;
        ActiveOther = activeOther;
        FramedActive = framedActive;
        Repressed = repressed;
        Inverse = (uint)degree < (uint)Reciprocals.Length ? Reciprocals[degree] : degree > 0 ? 1f / degree : 0f;
    }

    /// <summary>Ties in all.</summary>
    public int Degree { get; }
    /// <summary>Ties active, in the activist's own movement.</summary>
    public int ActiveOwn { get; }
    /// <summary>Ties active, in other movements.</summary>
    public int ActiveOther { get; }
    /// <summary>Ties active and holding the frame (any movement).</summary>
    public int FramedActive { get; }
    /// <summary>Ties held by the state.</summary>
    public int Repressed { get; }
    /// <summary>1 / degree in single precision (0 without ties).</summary>
    public float Inverse { get; }
}

/// <summary>One activist's state at the end of the last tick, its fixed attributes, its organization's help and its ties.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct ActivistInput
{
    /// <summary>Row of the activist (its random stream's entity).</summary>
    public int Id;
    public ActivistStatus Status;
    public bool Framed;
    public float Energy, Radicalism, Grievance;
    /// <summary>Ticks left in a repressed or co-opted term.</summary>
    public ushort Timer;
    public float BaselineGrievance, BaselineRadicalism, RiskAversion, Threshold;
    /// <summary>Relief the service of the activist's organization gives this tick (0 without one).</summary>
    public double ServiceRelief;
    /// <summary>Whether the activist's organization calls its members out this tick.</summary>
    public bool Called;
    public TieCounts Ties;
}

/// <summary>One activist's next state, and what it did this tick.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct ActivistOutcome
{
    public ActivistStatus Status;
    public bool Framed;
    public float Energy, Radicalism, Grievance;
    public ushort Timer;
    /// <summary>Committed a violent act.</summary>
    public bool Violent;
    /// <summary>Was arrested this tick (violent or not).</summary>
    public bool Arrested;
    /// <summary>Was co-opted this tick.</summary>
    public bool Coopted;
    /// <summary>Took part this tick, not having taken part the tick before.</summary>
    public bool NewlyActive;
}

/// <summary>
/// The random stream of one activist for one tick, <c>Rng.For(key, i, tick)</c>, seeded at
/// its first draw. <see cref="Chance"/> draws nothing when <c>p ≤ 0</c>, like <see cref="Rng.Chance"/>.
/// Seeding lazily gives exactly the draws an eager seed would; most inactive activists never draw.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct LazyRng(ulong key, int entity, int tick)
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
