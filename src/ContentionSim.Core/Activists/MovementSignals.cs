namespace ContentionSim.Core.Activists;

/// <summary>
/// What the state decided for one movement this tick: the state's output, the activists' input
/// (docs/ODD.md 7.4).
/// </summary>
/// <param name="ArrestProbability">Chance an active activist of radicalism 0.5, not violent, is arrested this tick.</param>
/// <param name="PerceivedRepression">Repression as activists perceive it (0–1): the larger of what they saw and what they anticipate.</param>
/// <param name="Facilitation">The state's facilitation felt (0–1): talks, concessions, co-optation.</param>
/// <param name="CooptProbability">Chance a moderate active activist is co-opted this tick.</param>
/// <param name="Absorption">Share of grievance that institutional channels take off the street (absorption × effective openness).</param>
/// <param name="Opportunity">The political opportunity activists see: the state's effective openness (1 when there is no state).</param>
/// <param name="Relief">Grievance relief granted this tick by concessions, institutional channels or turnover.</param>
internal readonly record struct StatePolicy(
    double ArrestProbability, double PerceivedRepression, double Facilitation, double CooptProbability,
    double Absorption, double Opportunity, double Relief)
{
    /// <summary>The policy of no state: no repression, no facilitation, no absorption, full opportunity.</summary>
    public static StatePolicy None => new(0, 0, 0, 0, 0, 1, 0);
}

/// <summary>Outside attention from transnational allies, the same for every movement (docs/ODD.md 7.3).</summary>
/// <param name="FrameBoost">Multiplier on frame contagion and framing reach (1 + amplification × saturated pressure).</param>
/// <param name="Attention">Outside attention (the saturated pressure, 0–1): amplifies backfire.</param>
internal readonly record struct OutsideAttention(double FrameBoost, double Attention)
{
    /// <summary>No outside attention.</summary>
    public static OutsideAttention None => new(1, 0);
}

/// <summary>
/// Everything one movement's activists hear this tick, gathered by the model's step from the
/// submodels that decide it: the state's policy and the allies' attention of this tick, public
/// sympathy and the movement's momentum of the last tick.
/// </summary>
/// <param name="State">This tick's policy of the state towards the movement.</param>
/// <param name="Outside">This tick's outside attention.</param>
/// <param name="Sympathy">Public sympathy for the movement (0–1), as the last tick left it.</param>
/// <param name="Momentum">
/// Perceived efficacy from the movement's trend, in [−1, 1], as the last tick left it: the relative
/// gap between a fast and a slow moving average of its participation. Positive while it grows.
/// </param>
internal readonly record struct MovementSignals(StatePolicy State, OutsideAttention Outside, double Sympathy, double Momentum);

/// <summary>What one movement's activists did this tick; summed over fixed chunks, in chunk order.</summary>
internal struct MovementTally
{
    public int Inactive, Active, Exhausted, Repressed, Coopted;
    public int Framed, RadicalActive, ViolentActs, Arrests, PeacefulArrests, Cooptations, NewlyActive;
    public double GrievanceSum;

    public void Add(in MovementTally o)
    {
        Inactive += o.Inactive; Active += o.Active; Exhausted += o.Exhausted; Repressed += o.Repressed; Coopted += o.Coopted;
        Framed += o.Framed; RadicalActive += o.RadicalActive; ViolentActs += o.ViolentActs; Arrests += o.Arrests;
        PeacefulArrests += o.PeacefulArrests; Cooptations += o.Cooptations; NewlyActive += o.NewlyActive;
        GrievanceSum += o.GrievanceSum;
    }

    public readonly int Total => Inactive + Active + Exhausted + Repressed + Coopted;
}
