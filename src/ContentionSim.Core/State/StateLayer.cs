using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Opinion;
using ContentionSim.Core.Organizations;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.State;

/// <summary>
/// The state: watches each movement's size and violence and the pressure from outside,
/// and each tick sets how hard it represses and how far it facilitates. See docs/ODD.md,
/// "Submodels: state".
/// </summary>
public sealed class StateLayer : ISteppedLayer
{
    /// <summary>Share of full facilitation at which a concession is granted per tick.</summary>
    public const double ConcessionRate = 0.1;
    /// <summary>Smoothing of the repression activists perceive.</summary>
    public const double PerceptionSmoothing = 0.2;
    /// <summary>Weight of the regime's repressive stance in the risk activists anticipate before they see arrests.</summary>
    public const double AnticipationWeight = 0.5;
    /// <summary>Ticks participation must stay above the turnover threshold to overwhelm the state.</summary>
    public const int TurnoverDwell = 3;

    private SimulationContext _ctx = null!;
    private int _aboveTurnover;

    public double EffectiveOpenness { get; private set; }
    /// <summary>Per movement: talks and concessions this tick.</summary>
    public int[] FacilitationEvents { get; private set; } = [];
    public int[] Concessions { get; private set; } = [];
    /// <summary>Per movement: the state's repressive stance this tick (propensity × closure × cost × threat, 0–1).</summary>
    public double[] RepressionStance { get; private set; } = [];
    /// <summary>Per movement: the state's facilitative stance this tick (responsiveness × openness × threat, 0–1).</summary>
    public double[] FacilitationStance { get; private set; } = [];
    /// <summary>Tick at which mobilization overwhelmed the state, or null.</summary>
    public int? TurnoverTick { get; private set; }
    /// <summary>Whether turnover happened this tick.</summary>
    public bool TurnoverNow { get; private set; }

    public void InitLayer(SimulationContext context)
    {
        _ctx = context;
        int n = context.Scenario.Movements.Count;
        FacilitationEvents = new int[n];
        Concessions = new int[n];
        RepressionStance = new double[n];
        FacilitationStance = new double[n];
        EffectiveOpenness = context.Scenario.State.Openness;
    }

    /// <summary>Runs after organizations and allies: decides this tick's repression and facilitation.</summary>
    public void PreTick()
    {
        var scenario = _ctx.Scenario;
        var p = scenario.State;
        var activists = _ctx.GetLayer<ActivistLayer>();
        var allies = _ctx.GetLayer<TransnationalLayer>();
        var opinion = _ctx.GetLayer<PublicOpinionLayer>();
        var orgs = _ctx.GetLayer<OrganizationLayer>();
        var rng = _ctx.Random.For("state", 0, _ctx.CurrentTick);
        double leverage = p.Vulnerability * TransnationalLayer.Saturated(allies.Pressure);
        double openness = TurnoverTick is null ? p.Openness : 1.0;
        EffectiveOpenness = openness + (1 - openness) * leverage;
        Array.Clear(FacilitationEvents);
        Array.Clear(Concessions);
        TurnoverNow = false;

        long activeAll = 0, totalAll = 0;
        foreach (var t in activists.Tallies) { activeAll += t.Active; totalAll += t.Total; }
        double waveParticipation = totalAll > 0 ? (double)activeAll / totalAll : 0;
        // Only a state that leans on repression can be overthrown: an open state that
        // facilitates absorbs even mass mobilization (it negotiates instead).
        bool repressive = p.RepressionPropensity * (1 - EffectiveOpenness) > p.Responsiveness * EffectiveOpenness;
        if (p.Enabled && TurnoverTick is null)
        {
            _aboveTurnover = repressive && waveParticipation >= p.TurnoverThreshold ? _aboveTurnover + 1 : 0;
            if (_aboveTurnover >= TurnoverDwell)
            {
                TurnoverTick = _ctx.CurrentTick;
                TurnoverNow = true;
            }
        }

        for (int m = 0; m < activists.Signals.Length; m++)
        {
            var s = activists.Signals[m];
            var tally = activists.Tallies[m];
            s.Relief = 0;
            RepressionStance[m] = FacilitationStance[m] = 0;
            if (!p.Enabled)
            {
                s.ArrestProbability = s.PerceivedRepression = s.Facilitation = s.CooptProbability = s.Absorption = 0;
                s.Opportunity = 1;
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
            threat = Math.Min(1, threat + 0.5 * violencePerThousand);
            // Repression is costly when the public sympathizes and the world watches.
            double cost = Math.Clamp(leverage + Math.Max(0, opinion.Sympathy[m] - scenario.Public.InitialSympathy), 0, 1);
            double repression = p.RepressionPropensity * (1 - EffectiveOpenness) * (1 - 0.5 * cost);
            double facilitation = p.Responsiveness * EffectiveOpenness;
            s.ArrestProbability = p.RepressionCapacity * repression * threat;
            s.Absorption = p.Absorption * EffectiveOpenness;
            s.Opportunity = EffectiveOpenness;
            RepressionStance[m] = repression * threat;
            FacilitationStance[m] = facilitation * threat;
            double seen = tally.Active + tally.Arrests > 0 && p.RepressionCapacity > 0
                ? Math.Min(1, (double)tally.Arrests / (tally.Active + tally.Arrests) / p.RepressionCapacity)
                : 0;
            // Activists know the regime: they anticipate its repressive stance before any arrest
            // (as in Epstein's model), and learn from the arrests they see.
            s.ExperiencedRepression += PerceptionSmoothing * (seen - s.ExperiencedRepression);
            s.PerceivedRepression = Math.Max(s.ExperiencedRepression, AnticipationWeight * repression);
            s.Facilitation = facilitation * threat;
            s.CooptProbability = p.Cooptation * facilitation * threat;
            if (threat > 0 && rng.Chance(facilitation * threat))
                FacilitationEvents[m]++; // talks
            if (threat > 0 && rng.Chance(ConcessionRate * facilitation * threat))
            {
                Concessions[m]++;
                FacilitationEvents[m]++;
                s.Relief = p.ConcessionSize;
            }
            // Claims that get through institutions ease the movement's grievance.
            int contacts = orgs.NationalContacts(m);
            if (contacts > 0) s.Relief = Math.Min(1, s.Relief + p.InstitutionalRelief * contacts);
            if (TurnoverNow)
            {
                Concessions[m]++;
                s.Relief = Math.Max(s.Relief, 0.5);
            }
        }
    }

    public void Tick() { }
    public void PostTick() { }
}
