namespace ContentionSim.Core.Parameters;

/// <summary>
/// A change of one parameter during the run: at tick <see cref="At"/> (a shock) or linearly
/// from its value at <see cref="At"/> to <see cref="Value"/> at <see cref="Until"/> (a ramp).
/// </summary>
public sealed record ScheduledEvent
{
    /// <summary>Tick at which the change happens or the ramp starts.</summary>
    [Param("Tick at which the change happens or the ramp starts.", Min = 0, Unit = "tick")]
    public int At { get; init; }

    /// <summary>Tick at which a ramp ends; omit for a one-tick shock.</summary>
    [Param("Tick at which a ramp ends; omit for a one-tick shock.", Min = 0, Unit = "tick")]
    public int? Until { get; init; }

    /// <summary>Parameter to change, as a dotted path: state.openness, movements.&lt;id&gt;.grievance_shift, spillover, ...</summary>
    [Param("Parameter to change, as a dotted path: state.openness, movements.<id>.grievance_shift, spillover, ...")]
    public string Set { get; init; } = "";

    /// <summary>New value (the end value of a ramp).</summary>
    [Param("New value (the end value of a ramp).")]
    public double Value { get; init; }

    /// <summary>What the event represents, shown in reports (e.g. 'NPO law revision').</summary>
    [Param("What the event represents, shown in reports (e.g. 'NPO law revision').")]
    public string Label { get; init; } = "";
}
