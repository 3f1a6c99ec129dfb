using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Classroom;

/// <summary>
/// The figures' colours (Okabe &amp; Ito), the same as the reports' <c>Palette</c> (a test checks
/// that they agree; the page cannot load the plotting library, which needs native code).
/// </summary>
public static class Colours
{
    public static IReadOnlyList<string> Stages { get; } = ["#DDDDDD", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00", "#CC79A7"];
    public static IReadOnlyList<string> Statuses { get; } = ["#DDDDDD", "#0072B2", "#E69F00", "#D55E00", "#009E73"];
    public static string Stage(Stage s) => Stages[(int)s];
    public static string Status(ActivistStatus s) => Statuses[(int)s];
}
