using System.Runtime.InteropServices;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Activists;

/// <summary>
/// The constants of one movement's rule for one tick (docs/ODD.md 7.5, "per tick, per movement"):
/// its activists' parameters in the precision each equation uses them in, and the terms that
/// depend only on the movement's signals, computed once a tick instead of once an activist.
/// Fields are named after the parameter or term they hold.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct MovementRule
{
    /// <summary>Key of the stream "activist-decisions" and the tick: activist i draws from <c>Rng.For(Key, i, Tick)</c>.</summary>
    public readonly ulong Key;
    public readonly int Tick;

    // Single precision, as the equations use them.
    public readonly float GrievanceShift, Spillover, GrievanceRebuild, Relief, EnergyRecovery, GrievanceWeight, UnframedGrievance;
    public readonly float CallWeight, RiskWeight, SocialWeight, Deradicalization;
    /// <summary><c>outreach</c> (1: the funnel is off) and <c>tie_recruitment</c>.</summary>
    public readonly float Outreach, TieRecruitment;
    /// <summary><c>availability</c> (1: no barriers).</summary>
    public readonly double Availability;
    /// <summary><c>recruitment_effect · Sympathy</c> (0 when public opinion is off).</summary>
    public readonly float SympathyTerm;
    /// <summary><c>repression_backfire · (1 + Attention) · (1 − PerceivedRepression)</c>.</summary>
    public readonly float Backfire;
    /// <summary><c>efficacy_weight · Momentum</c>.</summary>
    public readonly float Efficacy;
    /// <summary><c>(1 − Absorption) · (1 − opportunity_weight · (1 − Opportunity))</c>: the share of grievance that counts on the street.</summary>
    public readonly float Street;
    /// <summary>Whether thresholds are a number of people (else a share of ties).</summary>
    public readonly bool ThresholdInPeople;
    public readonly ushort RepressionTerm, CooptationTerm;

    // Double precision, as the equations use them.
    public readonly double RecoveredLevel, RadicalCommitment, ExhaustionLevel, Disillusionment, FrameDecay;
    public readonly double RadicalizationRate, ViolenceThreshold;
    /// <summary><c>frame_contagion · FrameBoost</c>.</summary>
    public readonly double FrameContagion;
    /// <summary><c>energy_cost · (1 + repression_cost · PerceivedRepression)</c>.</summary>
    public readonly double EnergyCost;
    /// <summary><c>frustration · (1 − Facilitation)</c>.</summary>
    public readonly double FrustrationTerm;
    /// <summary><c>radical_flank · Decline</c>: the push a shrinking movement gives those who stay.</summary>
    public readonly double FlankTerm;
    /// <summary><c>min(1, violence_probability · (1 + escalation · max(0, −Momentum)) · (1 − radical_flank + radical_flank · Decline))</c>.</summary>
    public readonly double ViolenceChance;
    // The state's policy this tick.
    public readonly double PerceivedRepression, Facilitation, ArrestProbability, CooptProbability;

    /// <summary>The constants of movement <paramref name="movement"/> of <paramref name="scenario"/> for tick <paramref name="tick"/>.</summary>
    public MovementRule(Scenario scenario, int movement, in MovementSignals s, ulong key, int tick)
    {
        var mp = scenario.Movements[movement];
        var p = mp.Activists;
        var state = s.State;
        Key = key;
        Tick = tick;
        GrievanceShift = (float)mp.GrievanceShift;
        Spillover = (float)scenario.Spillover;
        ThresholdInPeople = p.ThresholdUnit == ThresholdUnit.People;
        SympathyTerm = scenario.Public.Enabled ? (float)(scenario.Public.RecruitmentEffect * s.Sympathy) : 0f;
        RepressionTerm = (ushort)Math.Clamp(scenario.State.RepressionTerm, 0, ushort.MaxValue);
        CooptationTerm = (ushort)Math.Clamp(scenario.State.CooptationTerm, 0, ushort.MaxValue);
        // Backfire needs outrage to beat fear: it fades as repression becomes overwhelming
        // (the inverted U of repression and dissent; Zhukov 2023), and outside attention amplifies it.
        Backfire = (float)(p.RepressionBackfire * (1 + s.Outside.Attention) * (1 - state.PerceivedRepression));
        Efficacy = (float)(p.EfficacyWeight * s.Momentum);
        // Grievance that goes to the street: less what institutions absorb, and only as far as
        // the state's openness gives protest a chance (Eisinger's curvilinear opportunity).
        Street = (float)((1 - state.Absorption) * (1 - p.OpportunityWeight * (1 - state.Opportunity)));
        // The radical flank: radicals escalate in competition for a shrinking pool (della Porta & Tarrow 1986).
        ViolenceChance = Math.Min(1, p.ViolenceProbability * (1 + p.Escalation * Math.Max(0, -s.Momentum))
            * (p.RadicalFlank > 0 ? 1 - p.RadicalFlank + p.RadicalFlank * s.Decline : 1));

        GrievanceRebuild = (float)p.GrievanceRebuild;
        Relief = (float)state.Relief;
        EnergyRecovery = (float)p.EnergyRecovery;
        GrievanceWeight = (float)p.GrievanceWeight;
        UnframedGrievance = (float)p.UnframedGrievance;
        CallWeight = (float)p.CallWeight;
        RiskWeight = (float)p.RiskWeight;
        SocialWeight = (float)p.SocialWeight;
        Deradicalization = (float)p.Deradicalization;
        Outreach = (float)p.Outreach;
        TieRecruitment = (float)p.TieRecruitment;
        Availability = p.Availability;

        FrameContagion = p.FrameContagion * s.Outside.FrameBoost;
        FrameDecay = p.FrameDecay;
        RecoveredLevel = p.RecoveredLevel;
        // Taking part under repression is high-risk activism: it costs more energy.
        EnergyCost = p.EnergyCost * (1 + p.RepressionCost * state.PerceivedRepression);
        RadicalCommitment = p.RadicalCommitment;
        ExhaustionLevel = p.ExhaustionLevel;
        Disillusionment = p.Disillusionment;
        PerceivedRepression = state.PerceivedRepression;
        FrustrationTerm = p.Frustration * (1 - state.Facilitation);
        FlankTerm = p.RadicalFlank * s.Decline;
        RadicalizationRate = p.RadicalizationRate;
        Facilitation = state.Facilitation;
        ViolenceThreshold = p.ViolenceThreshold;
        ArrestProbability = state.ArrestProbability;
        CooptProbability = state.CooptProbability;
    }
}
