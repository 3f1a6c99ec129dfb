using System.Runtime.CompilerServices;
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
internal readonly struct ActivistRules
{
    /// <summary>Radicalism at or above which an activist counts as radical in the observables.</summary>
    public const float RadicalLine = 0.5f;

    private readonly ActivistParameters _p;
    private readonly MovementSignals _s;
    private readonly float _shift;
    private readonly float _spillover;
    private readonly bool _people;
    private readonly float _sympathyTerm;
    private readonly int _repressionTerm;
    private readonly int _cooptationTerm;
    private readonly float _backfire;
    private readonly float _efficacy;
    private readonly float _street;
    private readonly double _violence;

    public ActivistRules(Scenario scenario, int movement, MovementSignals signals)
    {
        var mp = scenario.Movements[movement];
        _p = mp.Activists;
        _s = signals;
        _shift = (float)mp.GrievanceShift;
        _spillover = (float)scenario.Spillover;
        _people = _p.ThresholdUnit == ThresholdUnit.People;
        _sympathyTerm = scenario.Public.Enabled ? (float)(scenario.Public.RecruitmentEffect * signals.Sympathy) : 0f;
        _repressionTerm = Math.Clamp(scenario.State.RepressionTerm, 0, ushort.MaxValue);
        _cooptationTerm = Math.Clamp(scenario.State.CooptationTerm, 0, ushort.MaxValue);
        _backfire = (float)(_p.RepressionBackfire * (1 + signals.Attention));
        _efficacy = (float)(_p.EfficacyWeight * signals.Momentum);
        _street = (float)(1 - signals.Absorption);
        _violence = Math.Min(1, _p.ViolenceProbability * (1 + _p.Escalation * Math.Max(0, -signals.Momentum)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(ActivistPopulation pop, SocialNetwork net, bool[] calling, int i, Rng rng, ref MovementTally tally)
    {
        var p = _p;
        byte state = pop.State[i];
        var status = (ActivistStatus)(state & ActivistPopulation.StatusMask);
        bool framed = (state & ActivistPopulation.FramedBit) != 0;
        float energy = pop.Energy[i];
        float radicalism = pop.Radicalism[i];
        int movement = pop.Movement[i];

        // Ties: who among them was active, framed and active, or held by the state at the end of the last tick.
        int degree = 0, activeOwn = 0, activeOther = 0, framedActive = 0, repressed = 0;
        var ties = net.Neighbours;
        for (int k = net.Offsets[i], end = net.Offsets[i + 1]; k < end; k++)
        {
            int j = ties[k];
            byte sj = pop.State[j];
            int st = sj & ActivistPopulation.StatusMask;
            degree++;
            if (st == (int)ActivistStatus.Active)
            {
                if (pop.Movement[j] == movement) activeOwn++; else activeOther++;
                if ((sj & ActivistPopulation.FramedBit) != 0) framedActive++;
            }
            else if (st == (int)ActivistStatus.Repressed) repressed++;
        }
        float invDegree = degree > 0 ? 1f / degree : 0f;
        float repressedShare = repressed * invDegree;

        // Grievance: rebuilds towards its baseline, eased by concessions, raised by repression seen (backfire).
        float baseline = Math.Clamp(pop.BaselineGrievance[i] + _shift, 0f, 1f);
        float grievance = pop.Grievance[i];
        grievance += (float)p.GrievanceRebuild * (baseline - grievance) - (float)_s.Relief * grievance + _backfire * repressedShare * (1f - grievance);
        grievance = Math.Clamp(grievance, 0f, 1f);

        // The frame spreads from framed, active ties (chance linear in their share), amplified by outside attention.
        // It fades among those not taking part who see no framed, active tie.
        if (!framed && framedActive > 0 && rng.Chance(p.FrameContagion * _s.FrameBoost * framedActive * invDegree))
            framed = true;
        else if (framed && framedActive == 0 && status != ActivistStatus.Active && rng.Chance(p.FrameDecay))
            framed = false;

        bool violent = false;
        ushort timer = pop.Timer[i];
        var next = status;
        switch (status)
        {
            case ActivistStatus.Repressed:
                energy = Math.Min(1f, energy + (float)p.EnergyRecovery);
                if (timer > 0) timer--;
                if (timer == 0) next = ActivistStatus.Inactive;
                break;
            case ActivistStatus.Coopted:
                energy = Math.Min(1f, energy + (float)p.EnergyRecovery);
                radicalism -= (float)p.RadicalizationRate * radicalism;
                if (timer > 0) timer--;
                if (timer == 0) next = ActivistStatus.Inactive;
                break;
            case ActivistStatus.Exhausted:
                energy = Math.Min(1f, energy + (float)p.EnergyRecovery);
                if (energy >= p.RecoveredLevel) next = ActivistStatus.Inactive;
                break;
            default:
            {
                bool wasActive = status == ActivistStatus.Active;
                energy = wasActive
                    ? energy - (float)(p.EnergyCost * (1 - p.RadicalCommitment * radicalism))
                    : Math.Min(1f, energy + (float)p.EnergyRecovery);
                if (wasActive && energy < p.ExhaustionLevel)
                {
                    next = ActivistStatus.Exhausted;
                    if (framed && rng.Chance(p.Disillusionment)) framed = false;
                    break;
                }

                // Decide: grievance as the frame interprets it, the pull of active ties and of one's
                // organization's call and public sympathy, against the risk of repression perceived.
                float social = _people
                    ? activeOwn + _spillover * activeOther
                    : (activeOwn + _spillover * activeOther) * invDegree;
                float localShare = (activeOwn + activeOther) * invDegree;
                float motivation = (float)p.GrievanceWeight * grievance * (framed ? 1f : (float)p.UnframedGrievance) * _street;
                int org = pop.Organization[i];
                float call = org >= 0 && calling[org] ? (float)p.CallWeight : 0f;
                float risk = (float)p.RiskWeight * pop.RiskAversion[i]
                             * (float)Math.Min(1.0, _s.PerceivedRepression + repressedShare) * (1f - 0.5f * localShare);
                float utility = motivation + (float)p.SocialWeight * social + call + _sympathyTerm + _efficacy - risk;
                if (utility < pop.Threshold[i])
                {
                    next = ActivistStatus.Inactive;
                    break;
                }

                next = ActivistStatus.Active;
                if (!wasActive) tally.NewlyActive++;
                // Polarization: repression (felt and seen) and frustration radicalize, facilitation moderates.
                double push = Math.Min(1.0, _s.PerceivedRepression + repressedShare + p.Frustration * (1 - _s.Facilitation));
                radicalism += (float)(p.RadicalizationRate * ((1 - radicalism) * push - radicalism * _s.Facilitation));
                radicalism = Math.Clamp(radicalism, 0f, 1f);
                if (radicalism > p.ViolenceThreshold && rng.Chance(_violence))
                    violent = true;
                double arrest = _s.ArrestProbability * (0.5 + radicalism) * (violent ? 3 : 1);
                if (rng.Chance(arrest))
                {
                    next = ActivistStatus.Repressed;
                    timer = (ushort)_repressionTerm;
                    tally.Arrests++;
                    if (!violent) tally.PeacefulArrests++;
                }
                else if (radicalism < RadicalLine && rng.Chance(_s.CooptProbability))
                {
                    next = ActivistStatus.Coopted;
                    timer = (ushort)_cooptationTerm;
                    tally.Cooptations++;
                }
                break;
            }
        }

        // Out of action, radicalism drifts back to the activist's own initial level.
        if (next != ActivistStatus.Active)
            radicalism += (float)p.Deradicalization * (pop.BaselineRadicalism[i] - radicalism);
        pop.Energy[i] = energy;
        pop.Radicalism[i] = radicalism;
        pop.Grievance[i] = grievance;
        pop.Timer[i] = timer;
        pop.Next[i] = (byte)((byte)next | (framed ? ActivistPopulation.FramedBit : 0) | (violent ? ActivistPopulation.ViolentBit : 0));

        switch (next)
        {
            case ActivistStatus.Inactive: tally.Inactive++; break;
            case ActivistStatus.Active:
                tally.Active++;
                if (radicalism >= RadicalLine) tally.RadicalActive++;
                break;
            case ActivistStatus.Exhausted: tally.Exhausted++; break;
            case ActivistStatus.Repressed: tally.Repressed++; break;
            case ActivistStatus.Coopted: tally.Coopted++; break;
        }
        if (framed) tally.Framed++;
        if (violent) tally.ViolentActs++;
        tally.GrievanceSum += grievance;
    }
}
