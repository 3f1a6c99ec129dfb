namespace ContentionSim.Core.Observation;

/// <summary>
/// One per-tick observable of a movement (or of the wave): a member of <see cref="TickValues"/>
/// with its column name, unit, meaning and how it is computed. The catalog
/// <see cref="Observables.All"/> is the one place these are declared; the timeseries writer and
/// reader, the sweep's compact series, the live view and the reports take them from there (in the
/// spirit of Mesa's <c>DataCollector</c> reporters and Agents.jl's <c>adata</c>).
/// </summary>
public sealed class Observable
{
    private readonly Func<TickValues, double> _get;
    private readonly Func<TickValues, double, TickValues> _with;

    internal Observable(string name, string unit, bool whole, string description, string computation,
        Func<TickValues, double> get, Func<TickValues, double, TickValues> with)
    {
        Name = name;
        Unit = unit;
        Whole = whole;
        Description = description;
        Computation = computation;
        _get = get;
        _with = with;
    }

    /// <summary>Column name, snake_case (e.g. <c>participation</c>).</summary>
    public string Name { get; }

    /// <summary>Unit, e.g. "share of the movement's activists (0–1)".</summary>
    public string Unit { get; }

    /// <summary>Whether the value is a count (a whole number, written without decimals).</summary>
    public bool Whole { get; }

    /// <summary>What it means, in one line.</summary>
    public string Description { get; }

    /// <summary>How the observation layer computes it (docs/ODD.md §7.9).</summary>
    public string Computation { get; }

    /// <summary>The value in <paramref name="values"/>.</summary>
    public double Of(in TickValues values) => _get(values);

    /// <summary>The value in an observation.</summary>
    public double Of(TickObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return _get(observation.Values);
    }

    /// <summary><paramref name="values"/> with this observable set to <paramref name="value"/> (counts are rounded).</summary>
    public TickValues With(in TickValues values, double value) => _with(values, value);

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}

/// <summary>The catalog of per-tick observables, in the order of the columns of <c>timeseries.csv</c>.</summary>
public static class Observables
{
    private const string Count = "activists";
    private const string Events = "events this tick";
    private const string Share = "share of the movement's activists (0–1)";
    private const string Level = "0–1";

    private static int I(double v) => (int)Math.Round(v);

    /// <summary>The observable <c>activists</c>; its unit and meaning are declared below.</summary>
    public static Observable Activists { get; } = new("activists", Count, true,
        "activists of the movement (the wave: of all movements)",
        "inactive + active + exhausted + repressed + co-opted",
        v => v.Activists, (v, x) => v with { Activists = I(x) });

    /// <summary>The observable <c>inactive</c>; its unit and meaning are declared below.</summary>
    public static Observable Inactive { get; } = new("inactive", Count, true,
        "activists who ended the tick inactive", "tally of the status each activist ends the tick in",
        v => v.Inactive, (v, x) => v with { Inactive = I(x) });

    /// <summary>The observable <c>active</c>; its unit and meaning are declared below.</summary>
    public static Observable Active { get; } = new("active", Count, true,
        "activists who ended the tick active (participating)", "tally of the status each activist ends the tick in",
        v => v.Active, (v, x) => v with { Active = I(x) });

    /// <summary>The observable <c>exhausted</c>; its unit and meaning are declared below.</summary>
    public static Observable Exhausted { get; } = new("exhausted", Count, true,
        "activists who ended the tick exhausted", "tally of the status each activist ends the tick in",
        v => v.Exhausted, (v, x) => v with { Exhausted = I(x) });

    /// <summary>The observable <c>repressed</c>; its unit and meaning are declared below.</summary>
    public static Observable Repressed { get; } = new("repressed", Count, true,
        "activists held by the state at the end of the tick", "tally of the status each activist ends the tick in",
        v => v.Repressed, (v, x) => v with { Repressed = I(x) });

    /// <summary>The observable <c>coopted</c>; its unit and meaning are declared below.</summary>
    public static Observable Coopted { get; } = new("coopted", Count, true,
        "activists co-opted by the state", "tally of the status each activist ends the tick in",
        v => v.Coopted, (v, x) => v with { Coopted = I(x) });

    /// <summary>The observable <c>participation</c>; its unit and meaning are declared below.</summary>
    public static Observable Participation { get; } = new("participation", Share, false,
        "share of the movement's activists active this tick", "active / activists",
        v => v.Participation, (v, x) => v with { Participation = x });

    /// <summary>The observable <c>radical_share</c>; its unit and meaning are declared below.</summary>
    public static Observable RadicalShare { get; } = new("radical_share", "share of the active (0–1)", false,
        "share of the active whose radicalism is at least 0.5 (the radical line)", "radical active / active, 0 if none active",
        v => v.RadicalShare, (v, x) => v with { RadicalShare = x });

    /// <summary>The observable <c>frame_adoption</c>; its unit and meaning are declared below.</summary>
    public static Observable FrameAdoption { get; } = new("frame_adoption", Share, false,
        "share of the movement's activists holding its frame", "framed / activists (all statuses)",
        v => v.FrameAdoption, (v, x) => v with { FrameAdoption = x });

    /// <summary>The observable <c>sectors_engaged</c>; its unit and meaning are declared below.</summary>
    public static Observable SectorsEngaged { get; } = new("sectors_engaged", "kinds of organization (0–6)", true,
        "kinds of organization with at least 10% of some organization's members active this tick",
        "ODD §7.7; the wave: kinds engaged over all movements",
        v => v.SectorsEngaged, (v, x) => v with { SectorsEngaged = I(x) });

    /// <summary>The observable <c>interactions</c>; its unit and meaning are declared below.</summary>
    public static Observable Interactions { get; } = new("interactions", Events, true,
        "state–movement interactions: talks and concessions, arrests, co-optations and national lobbying contacts",
        "arrests + co-optations + facilitation events + national contacts; the wave: the sum",
        v => v.Interactions, (v, x) => v with { Interactions = I(x) });

    /// <summary>The observable <c>violent_acts</c>; its unit and meaning are declared below.</summary>
    public static Observable ViolentActs { get; } = new("violent_acts", Events, true,
        "violent acts", "tally of the activists' violent acts this tick",
        v => v.ViolentActs, (v, x) => v with { ViolentActs = I(x) });

    /// <summary>The observable <c>cooptations</c>; its unit and meaning are declared below.</summary>
    public static Observable Cooptations { get; } = new("cooptations", Events, true,
        "co-optations of activists by the state", "tally of this tick's co-optations",
        v => v.Cooptations, (v, x) => v with { Cooptations = I(x) });

    /// <summary>The observable <c>repression_events</c>; its unit and meaning are declared below.</summary>
    public static Observable RepressionEvents { get; } = new("repression_events", Events, true,
        "repression events (arrests)", "tally of this tick's arrests",
        v => v.RepressionEvents, (v, x) => v with { RepressionEvents = I(x) });

    /// <summary>The observable <c>facilitation_events</c>; its unit and meaning are declared below.</summary>
    public static Observable FacilitationEvents { get; } = new("facilitation_events", Events, true,
        "facilitation events: the state's talks and concessions (a concession counts also as a facilitation event)",
        "the state's facilitation events towards the movement this tick; the wave: the sum",
        v => v.FacilitationEvents, (v, x) => v with { FacilitationEvents = I(x) });

    /// <summary>The observable <c>concessions</c>; its unit and meaning are declared below.</summary>
    public static Observable Concessions { get; } = new("concessions", Events, true,
        "concessions (including the turnover concession)", "the state's concessions to the movement this tick; the wave: the sum",
        v => v.Concessions, (v, x) => v with { Concessions = I(x) });

    /// <summary>The observable <c>outside_pressure</c>; its unit and meaning are declared below.</summary>
    public static Observable OutsidePressure { get; } = new("outside_pressure", "pressure (≥ 0)", false,
        "pressure of transnational allies on the state (the boomerang)", "P, global",
        v => v.OutsidePressure, (v, x) => v with { OutsidePressure = x });

    /// <summary>The observable <c>effective_openness</c>; its unit and meaning are declared below.</summary>
    public static Observable EffectiveOpenness { get; } = new("effective_openness", Level, false,
        "the state's effective openness this tick", "global",
        v => v.EffectiveOpenness, (v, x) => v with { EffectiveOpenness = x });

    /// <summary>The observable <c>repression_level</c>; its unit and meaning are declared below.</summary>
    public static Observable RepressionLevel { get; } = new("repression_level", Level, false,
        "the state's repressive stance towards the movement",
        "repression · threat (ODD §7.4); the wave: the mean over movements weighted by their activists",
        v => v.RepressionLevel, (v, x) => v with { RepressionLevel = x });

    /// <summary>The observable <c>facilitation_level</c>; its unit and meaning are declared below.</summary>
    public static Observable FacilitationLevel { get; } = new("facilitation_level", Level, false,
        "the state's facilitative stance towards the movement",
        "responsiveness · effective openness · threat; the wave: weighted likewise",
        v => v.FacilitationLevel, (v, x) => v with { FacilitationLevel = x });

    /// <summary>The observable <c>sympathy</c>; its unit and meaning are declared below.</summary>
    public static Observable Sympathy { get; } = new("sympathy", Level, false,
        "public sympathy for the movement", "after this tick's update; the wave: mean weighted by movement size",
        v => v.Sympathy, (v, x) => v with { Sympathy = x });

    /// <summary>The observable <c>mean_grievance</c>; its unit and meaning are declared below.</summary>
    public static Observable MeanGrievance { get; } = new("mean_grievance", Level, false,
        "mean grievance of the movement's activists", "grievance sum / activists",
        v => v.MeanGrievance, (v, x) => v with { MeanGrievance = x });

    /// <summary>The observable <c>alliances</c>; its unit and meaning are declared below.</summary>
    public static Observable Alliances { get; } = new("alliances", "alliances", true,
        "transnational alliances standing at the end of the tick", "global",
        v => v.Alliances, (v, x) => v with { Alliances = I(x) });

    /// <summary>Every observable, in column order.</summary>
    public static IReadOnlyList<Observable> All { get; } =
    [
        Activists, Inactive, Active, Exhausted, Repressed, Coopted, Participation, RadicalShare, FrameAdoption,
        SectorsEngaged, Interactions, ViolentActs, Cooptations, RepressionEvents, FacilitationEvents, Concessions,
        OutsidePressure, EffectiveOpenness, RepressionLevel, FacilitationLevel, Sympathy, MeanGrievance, Alliances,
    ];

    /// <summary>The observable named <paramref name="name"/>, or null.</summary>
    public static Observable? Find(string? name) => All.FirstOrDefault(o => o.Name == name);
}
