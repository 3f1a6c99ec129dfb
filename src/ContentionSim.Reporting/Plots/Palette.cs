using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Plots;

/// <summary>
/// Colour-blind-safe colours (Okabe &amp; Ito 2008) shared by every figure and report, as
/// <c>#RRGGBB</c> strings so HTML and CSS can use them as they are.
/// </summary>
public static class Palette
{
    public const string Black = "#000000";
    public const string Orange = "#E69F00";
    public const string SkyBlue = "#56B4E9";
    public const string BluishGreen = "#009E73";
    public const string Yellow = "#F0E442";
    public const string Blue = "#0072B2";
    public const string Vermillion = "#D55E00";
    public const string ReddishPurple = "#CC79A7";
    /// <summary>Neutral light grey for "nothing happening" (latent, inactive).</summary>
    public const string LightGrey = "#DDDDDD";

    /// <summary>Colour of each stage, indexed by stage number (0 latent, 1–6 the stages).</summary>
    public static IReadOnlyList<string> Stages { get; } = Array.AsReadOnly(new[]
    {
        LightGrey,     // 0 latent (drawn as no band)
        SkyBlue,       // 1 conflict and diffusion
        BluishGreen,   // 2 repertoires and frames
        Yellow,        // 3 increased information and interaction
        Orange,        // 4 exhaustion and polarization
        Vermillion,    // 5 violence and institutionalization
        ReddishPurple, // 6 facilitation and repression
    });

    /// <summary>Colour of <paramref name="stage"/>.</summary>
    public static string Stage(Stage stage) =>
        (int)stage >= 0 && (int)stage < Stages.Count ? Stages[(int)stage] : LightGrey;

    /// <summary>Colour of each activist status, indexed by <see cref="ActivistStatus"/>.</summary>
    public static IReadOnlyList<string> Statuses { get; } = Array.AsReadOnly(new[]
    {
        LightGrey,   // inactive
        Blue,        // active
        Orange,      // exhausted
        Vermillion,  // repressed
        BluishGreen, // co-opted
    });

    /// <summary>Colour of <paramref name="status"/>.</summary>
    public static string Status(ActivistStatus status) =>
        (int)status >= 0 && (int)status < Statuses.Count ? Statuses[(int)status] : LightGrey;

    /// <summary>Line colour of the wave as a whole.</summary>
    public const string Wave = Black;

    /// <summary>Line colours for the movements of a multi-movement run, in scenario order (cycled).</summary>
    public static IReadOnlyList<string> Movements { get; } = Array.AsReadOnly(new[]
    {
        Blue, Vermillion, BluishGreen, ReddishPurple, Orange, SkyBlue,
    });

    /// <summary>Line colour of movement number <paramref name="index"/> (0-based, cycled).</summary>
    public static string Movement(int index) => Movements[((index % Movements.Count) + Movements.Count) % Movements.Count];

    public static ScottPlot.Color ToColor(string hex) => ScottPlot.Color.FromHex(hex);
}
