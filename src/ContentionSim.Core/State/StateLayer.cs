using ContentionSim.Core.Activists;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.State;

/// <summary>
/// The state: watches each movement's size and violence and the pressure from outside,
/// and each tick sets how hard it represses and how far it facilitates. See docs/ODD.md 7.4.
/// </summary>
public sealed class StateLayer
{
    /// <summary>Share of full facilitation at which a concession is granted per tick.</summary>
    public const double ConcessionRate = 0.1;
    /// <summary>Smoothing of the repression activists perceive.</summary>
    public const double PerceptionSmoothing = 0.2;
    /// <summary>Weight of the regime's repressive stance in the risk activists anticipate before they see arrests.</summary>
    public const double AnticipationWeight = 0.5;
    /// <summary>Ticks participation must stay above the turnover threshold to overwhelm the state.</summary>
    public const int TurnoverDwell = 3;
    /// <summary>Threat added per violent act per 1,000 activists.</summary>
    public const double ViolenceThreat = 0.5;
    /// <summary>Share of repression a full cost of repression takes away.</summary>
    public const double CostRestraint = 0.5;
    /// <summary>Relief granted to every movement when mobilization overwhelms the state.</summary>
    public const double TurnoverRelief = 0.5;

    private readonly ulong _key;
    private int _aboveTurnover;
    private readonly double[] _experiencedRepression;
    private readonly StatePolicy[] _policy;
    private readonly int[] _facilitationEvents, _concessions;
    private readonly double[] _repressionStance, _facilitationStance;

    /// <param name="scenario">The scenario at the start (its movements and openness).</param>
    /// <param name="random">The run's random streams (the state draws from "state").</param>
    internal StateLayer(Scenario scenario, RandomStreams random)
    {
        int n = scenario.Movements.Count;
        _key = random.Key("state");
        _facilitationEvents = new int[n];
        _concessions = new int[n];
        _repressionStance = new double[n];
        _facilitationStance = new double[n];
        _experiencedRepression = new double[n];
        _policy = new StatePolicy[n];
        EffectiveOpenness = scenario.State.Openness;
    }

    /// <summary>Openness of the POS after outside leverage, as the last decision set it (the scenario's openness before the first).</summary>
    public double EffectiveOpenness { get; private set; }
    /// <summary>Per movement: its policy towards the movement this tick (what its activists face).</summary>
    internal ReadOnlySpan<StatePolicy> Policy => _policy;
    /// <summary>Per movement: talks and concessions this tick (a concession counts as a talk too).</summary>
    public ReadOnlySpan<int> FacilitationEvents => _facilitationEvents;
    /// <summary>Per movement: concessions this tick (including the turnover concession).</summary>
    public ReadOnlySpan<int> Concessions => _concessions;
    /// <summary>Per movement: the state's repressive stance this tick (propensity × closure × cost × threat, 0–1).</summary>
    public ReadOnlySpan<double> RepressionStance => _repressionStance;
    /// <summary>Per movement: the state's facilitative stance this tick (responsiveness × openness × threat, 0–1).</summary>
    public ReadOnlySpan<double> FacilitationStance => _facilitationStance;
    /// <summary>Tick at which mobilization overwhelmed the state, or null.</summary>
    public int? TurnoverTick { get; private set; }
    /// <summary>Whether turnover happened this tick.</summary>
    public bool TurnoverNow { get; private set; }

    /// <summary>
    /// The state's decision of tick <paramref name="tick"/>, per movement: repression, facilitation,
    /// absorption, talks, concessions and relief (<see cref="Policy"/> and the per-movement arrays).
    /// </summary>
    /// <param name="scenario">The parameters in force this tick.</param>
    /// <param name="tick">The tick (1-based).</param>
    /// <param name="pressure">Outside pressure after this tick's allies' step.</param>
    /// <param name="lastTallies">What each movement's activists did last tick.</param>
    /// <param name="lastSympathy">Public sympathy for each movement as the last tick left it.</param>
    /// <param name="nationalContacts">National contacts made this tick by each movement's organizations.</param>
    /// <returns>Its policy towards each movement this tick (<see cref="Policy"/>).</returns>
    internal ReadOnlySpan<StatePolicy> Decide(Scenario scenario, int tick, double pressure, ReadOnlySpan<MovementTally> lastTallies,
        ReadOnlySpan<double> lastSympathy, ReadOnlySpan<int> nationalContacts)
    {
        var p = scenario.State;
        var rng = Rng.For(_key, 0, tick);
        double leverage = p.Vulnerability * TransnationalLayer.Saturated(pressure);
        double openness = TurnoverTick is null ? p.Openness : 1.0;
        EffectiveOpenness = openness + (1 - openness) * leverage;
        Array.Clear(_facilitationEvents);
        Array.Clear(_concessions);
        TurnoverNow = false;

        long activeAll = 0, totalAll = 0;
        foreach (var t in lastTallies) { activeAll += t.Active; totalAll += t.Total; }
        double waveParticipation = totalAll > 0 ? (double)activeAll / totalAll : 0;
        // Only a state that leans on repression can be overthrown: an open state that
        // facilitates absorbs even mass mobilization (it negotiates instead).
        bool repressive = p.RepressionPropensity * (1 - EffectiveOpenness) > p.Responsiveness * EffectiveOpenness;
        if (p.Enabled && TurnoverTick is null)
        {
            _aboveTurnover = repressive && waveParticipation >= p.TurnoverThreshold ? _aboveTurnover + 1 : 0;
            if (_aboveTurnover >= TurnoverDwell)
            {
                TurnoverTick = tick;
                TurnoverNow = true;
            }
        }

        for (int m = 0; m < _policy.Length; m++)
        {
            var tally = lastTallies[m];
            _repressionStance[m] = _facilitationStance[m] = 0;
            if (!p.Enabled)
            {
                _policy[m] = StatePolicy.None;
                continue;
            }
            int total = Math.Max(1, tally.Total);
            double participation = (double)tally.Active / total;
            double violencePerThousand = 1000.0 * tally.ViolentActs / total;
            // Threat: participation above what the state tolerates (fully engaged at twice the
            // tolerance), raised by violence.
            // An open state tolerates more protest than a closed one (Davenport 2007).
            double tolerated = p.Tolerance * EffectiveOpenness;
            double tolerance = Math.Max(tolerated, 1e-6);
            double threat = Math.Clamp((participation - tolerated) / tolerance, 0, 1);
            threat = Math.Min(1, threat + ViolenceThreat * violencePerThousand);
            // Repression is costly when the public sympathizes and the world watches.
            double cost = Math.Clamp(leverage + Math.Max(0, lastSympathy[m] - scenario.Public.InitialSympathy), 0, 1);
            double repression = p.RepressionPropensity * (1 - EffectiveOpenness) * (1 - CostRestraint * cost);
            double facilitation = p.Responsiveness * EffectiveOpenness;
            _repressionStance[m] = repression * threat;
            _facilitationStance[m] = facilitation * threat;
            double seen = tally.Active + tally.Arrests > 0 && p.RepressionCapacity > 0
                ? Math.Min(1, (double)tally.Arrests / (tally.Active + tally.Arrests) / p.RepressionCapacity)
                : 0;
            // Activists know the regime: they anticipate its repressive stance before any arrest
            // (as in Epstein's model), and learn from the arrests they see.
            _experiencedRepression[m] += PerceptionSmoothing * (seen - _experiencedRepression[m]);
            double relief = 0;
            if (threat > 0 && rng.Chance(facilitation * threat))
                _facilitationEvents[m]++; // talks
            if (threat > 0 && rng.Chance(ConcessionRate * facilitation * threat))
            {
                _concessions[m]++;
                _facilitationEvents[m]++;
                relief = p.ConcessionSize;
            }
            // Claims that get through institutions ease the movement's grievance.
            int contacts = nationalContacts[m];
            if (contacts > 0) relief = Math.Min(1, relief + p.InstitutionalRelief * contacts);
            if (TurnoverNow)
            {
                _concessions[m]++;
                relief = Math.Max(relief, TurnoverRelief);
            }
            _policy[m] = new StatePolicy(
                ArrestProbability: p.RepressionCapacity * repression * threat,
                PerceivedRepression: Math.Max(_experiencedRepression[m], AnticipationWeight * repression),
                Facilitation: facilitation * threat,
                CooptProbability: p.Cooptation * facilitation * threat,
                Absorption: p.Absorption * EffectiveOpenness,
                Opportunity: EffectiveOpenness,
                Relief: relief);
        }
        return _policy;
    }
}
