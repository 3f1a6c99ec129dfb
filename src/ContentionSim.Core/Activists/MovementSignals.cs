namespace ContentionSim.Core.Activists;

/// <summary>
/// What the state, the organizations and the allies say to one movement's activists this
/// tick. Written sequentially outside the activist update (state and allies in PreTick,
/// momentum and sympathy in the previous PostTick); read by every activist.
/// </summary>
public sealed class MovementSignals
{
    /// <summary>Chance an active activist of radicalism 0.5 is arrested this tick.</summary>
    public double ArrestProbability;
    /// <summary>Repression as activists perceive it (0–1), a smoothed share of capacity in use.</summary>
    public double PerceivedRepression;
    /// <summary>Repression as learnt from arrests seen (0–1): a smoothed share of capacity in use.</summary>
    public double ExperiencedRepression;
    /// <summary>The state's facilitation (0–1): talks, concessions, co-optation.</summary>
    public double Facilitation;
    /// <summary>Chance a moderate active activist is co-opted this tick.</summary>
    public double CooptProbability;
    /// <summary>Share of grievance that institutional channels take off the street (absorption × responsiveness × effective openness).</summary>
    public double Absorption;
    /// <summary>The political opportunity activists see this tick: the state's effective openness (1 when there is no state).</summary>
    public double Opportunity = 1;
    /// <summary>Grievance relief granted this tick by concessions.</summary>
    public double Relief;
    /// <summary>Multiplier on frame contagion from outside attention (1 + amplification × pressure).</summary>
    public double FrameBoost = 1;
    /// <summary>Public sympathy for the movement (0–1).</summary>
    public double Sympathy = 0.5;
    /// <summary>
    /// Perceived efficacy from the movement's trend, in [−1, 1]: the relative gap between a
    /// fast and a slow moving average of its participation. Positive while it grows.
    /// </summary>
    public double Momentum;
    internal double FastParticipation, SlowParticipation;

    /// <summary>Outside attention to the movement (the transnational pressure, 0 and up): amplifies backfire.</summary>
    public double Attention;
}

/// <summary>What one movement's activists did this tick; summed over fixed chunks, in chunk order.</summary>
public struct MovementTally
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
