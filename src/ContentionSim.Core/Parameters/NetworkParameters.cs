namespace ContentionSim.Core.Parameters;

/// <summary>How the social network is generated.</summary>
public enum NetworkKind
{
    /// <summary>Watts–Strogatz: a ring lattice with each tie rewired at random with probability <c>rewiring</c>.</summary>
    SmallWorld,
    /// <summary>Erdős–Rényi-like random graph with the given mean degree.</summary>
    Random,
    /// <summary>Everybody tied to everybody (only for small populations).</summary>
    Complete,
    /// <summary>No ties: activists respond to grievance, risk and organizations only.</summary>
    None,
}

/// <summary>The social network linking activists (<see cref="Scenario.Network"/>).</summary>
public sealed record NetworkParameters
{
    /// <summary>Network model: small_world, random, complete or none.</summary>
    [Param("Network model: small_world, random, complete or none.",
        Source = "Watts & Strogatz (1998); MODEL.md's default: social networks are clustered with short paths, and clustering lets reinforcement from several ties act (Centola & Macy 2007)")]
    public NetworkKind Kind { get; init; } = NetworkKind.SmallWorld;

    /// <summary>Mean number of ties per activist (even for small_world).</summary>
    [Param("Mean number of ties per activist (even for small_world).", Min = 0, Max = 1000, Unit = "ties",
        Source = "assumed: a small circle of close ties, enough for share thresholds to be meaningful")]
    public int Degree { get; init; } = 8;

    /// <summary>Probability that a lattice tie is rewired to a random activist (small_world).</summary>
    [Param("Probability that a lattice tie is rewired to a random activist (small_world).", Min = 0, Max = 1, Unit = "probability",
        Source = "Watts & Strogatz (1998): inside the small-world regime (high clustering, short paths); value assumed within it")]
    public double Rewiring { get; init; } = 0.1;

    /// <summary>Share of rewired or random ties that go to an activist of another movement.</summary>
    [Param("Share of rewired or random ties that go to an activist of another movement.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: few ties cross movements, enough for spillover (the share applies to rewired ties only, so about 1% of all small-world ties cross)")]
    public double CrossMovement { get; init; } = 0.1;
}
