namespace ContentionSim.Core.Parameters;

/// <summary>Public sympathy for the movements (<see cref="Scenario.Public"/>).</summary>
public sealed record PublicOpinionParameters
{
    /// <summary>Whether public sympathy is modelled (off: held at its initial value).</summary>
    [Param("Whether public sympathy is modelled (off: held at its initial value).",
        Source = "not a model quantity (a switch)")]
    public bool Enabled { get; init; } = true;

    /// <summary>Sympathy at the start and the level it relaxes to.</summary>
    [Param("Sympathy at the start and the level it relaxes to.", Min = 0, Max = 1,
        Source = "assumed: a neutral public (the 2004 poll's 53.1% viewing the foreign-worker issue with great concern, Vogt & Lersch 2007, can be expressed with a lower value or threat_framing)")]
    public double InitialSympathy { get; init; } = 0.5;

    /// <summary>Rise in sympathy per unit of public information per tick.</summary>
    [Param("Rise in sympathy per unit of public information per tick.", Min = 0, Max = 1,
        Source = "assumed: information politics moves sympathy slowly")]
    public double InformationEffect { get; init; } = 0.02;

    /// <summary>Rise in sympathy per share of the active repressed while peaceful.</summary>
    [Param("Rise in sympathy per share of the active repressed while peaceful.", Min = 0, Max = 10,
        Source = "MODEL.md for the effect (repression of peaceful protest wins sympathy); value assumed")]
    public double RepressionBackfire { get; init; } = 1.0;

    /// <summary>Fall in sympathy per violent act per 1,000 activists.</summary>
    [Param("Fall in sympathy per violent act per 1,000 activists.", Min = 0, Max = 1,
        Source = "assumed: violence costs sympathy")]
    public double ViolenceEffect { get; init; } = 0.02;

    /// <summary>Share of the gap to the initial level closed each tick.</summary>
    [Param("Share of the gap to the initial level closed each tick.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: a public memory of about a year")]
    public double Relaxation { get; init; } = 0.02;

    /// <summary>How much sympathy adds to the pull towards taking part.</summary>
    [Param("How much sympathy adds to the pull towards taking part.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed: sympathy helps recruitment but does not drive it")]
    public double RecruitmentEffect { get; init; } = 0.1;
}
