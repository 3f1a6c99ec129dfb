namespace ContentionSim.Core.Parameters;

/// <summary>One movement of the wave: its activists and organizations (<see cref="Scenario.Movements"/>).</summary>
public sealed record MovementParameters
{
    /// <summary>Identifier used in outputs and event keys (letters, digits, '_' or '-').</summary>
    [Param("Identifier used in outputs and event keys (letters, digits, '_' or '-').",
        Source = "not a model quantity (a label)")]
    public string Id { get; init; } = "movement";

    /// <summary>Display name of the movement.</summary>
    [Param("Display name of the movement.",
        Source = "not a model quantity (a label)")]
    public string Name { get; init; } = "Movement";

    /// <summary>Shift added to every activist's baseline grievance; schedule an event on it to model a shock (a law revision) or relief.</summary>
    [Param("Shift added to every activist's baseline grievance; schedule an event on it to model a shock (a law revision) or relief.", Min = -1, Max = 1, Unit = "grievance",
        Source = "not a model quantity at its default: 0 is no shock; the handle for shocks (a law revision) and relief through events")]
    public double GrievanceShift { get; init; }

    /// <summary>The movement's activists.</summary>
    [Param("The movement's activists.")]
    public ActivistParameters Activists { get; init; } = new();

    /// <summary>The movement's organizations, in groups of the same kind, each group's size given per 1,000 of the movement's activists (default: one group of concerned citizens' groups, 5 per 1,000 activists, i.e. ten for the default 2,000; give [] for none).</summary>
    [Param("The movement's organizations, in groups of the same kind, each group's size given per 1,000 of the movement's activists (default: one group of concerned citizens' groups, 5 per 1,000 activists, i.e. ten for the default 2,000; give [] for none).")]
    public IReadOnlyList<OrganizationGroupParameters> Organizations { get; init; } = [new OrganizationGroupParameters()];
}
