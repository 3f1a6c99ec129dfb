using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Stages;

/// <summary>A quantity the stage classifier measures each tick of a cycle, from what the agents did.</summary>
public enum StageMeasure
{
    /// <summary>Rise of smoothed frame adoption since the cycle opened (share of activists).</summary>
    FrameRise,
    /// <summary>Smoothed state–movement interactions per 1,000 activists per tick.</summary>
    InteractionRate,
    /// <summary>That interaction rate as a multiple of its quiet level before the cycle opened (a slow average, over baseline_window ticks, of the ticks between cycles).</summary>
    InteractionRise,
    /// <summary>This tick's rise of smoothed participation as a share of its fastest rise so far in the cycle (infinite before any rise).</summary>
    RisePace,
    /// <summary>Smoothed participation as a share of the cycle's peak so far.</summary>
    ShareOfPeak,
    /// <summary>Smoothed share of activists exhausted, per activist mobilized at the cycle's peak.</summary>
    ExhaustedPerMobilized,
    /// <summary>Rise of the smoothed radical share of the active since the cycle's peak (share of the active).</summary>
    RadicalShareRise,
    /// <summary>Smoothed violent acts per 1,000 active activists per tick.</summary>
    ViolenceRate,
    /// <summary>That violence rate as a multiple of its value at the cycle's peak.</summary>
    ViolenceRise,
    /// <summary>Smoothed ratio of co-opted activists (in institutions) to active ones (on the street).</summary>
    InstitutionalizedPerActive,
    /// <summary>That ratio as a multiple of its value at the cycle's peak.</summary>
    InstitutionalizedRise,
    /// <summary>State responses (arrests, talks, concessions, co-optations) as a share of those and violent acts since stage 5 (undefined before any).</summary>
    StateResponseShare,
}

/// <summary>The value of every <see cref="StageMeasure"/> at one tick (a value, compared by value; no allocation).</summary>
public readonly record struct StageMeasureValues
{
    /// <summary>Whether the values were recorded (false for the default value).</summary>
    public bool Recorded { get; init; }
    /// <summary>The <see cref="StageMeasure.FrameRise"/> measure.</summary>
    public double FrameRise { get; init; }
    /// <summary>The <see cref="StageMeasure.InteractionRate"/> measure.</summary>
    public double InteractionRate { get; init; }
    /// <summary>The <see cref="StageMeasure.InteractionRise"/> measure.</summary>
    public double InteractionRise { get; init; }
    /// <summary>The <see cref="StageMeasure.RisePace"/> measure.</summary>
    public double RisePace { get; init; }
    /// <summary>The <see cref="StageMeasure.ShareOfPeak"/> measure.</summary>
    public double ShareOfPeak { get; init; }
    /// <summary>The <see cref="StageMeasure.ExhaustedPerMobilized"/> measure.</summary>
    public double ExhaustedPerMobilized { get; init; }
    /// <summary>The <see cref="StageMeasure.RadicalShareRise"/> measure.</summary>
    public double RadicalShareRise { get; init; }
    /// <summary>The <see cref="StageMeasure.ViolenceRate"/> measure.</summary>
    public double ViolenceRate { get; init; }
    /// <summary>The <see cref="StageMeasure.ViolenceRise"/> measure.</summary>
    public double ViolenceRise { get; init; }
    /// <summary>The <see cref="StageMeasure.InstitutionalizedPerActive"/> measure.</summary>
    public double InstitutionalizedPerActive { get; init; }
    /// <summary>The <see cref="StageMeasure.InstitutionalizedRise"/> measure.</summary>
    public double InstitutionalizedRise { get; init; }
    /// <summary>The <see cref="StageMeasure.StateResponseShare"/> measure.</summary>
    public double StateResponseShare { get; init; }

    /// <summary>The value of <paramref name="measure"/>.</summary>
    public double this[StageMeasure measure] => measure switch
    {
        StageMeasure.FrameRise => FrameRise,
        StageMeasure.InteractionRate => InteractionRate,
        StageMeasure.InteractionRise => InteractionRise,
        StageMeasure.RisePace => RisePace,
        StageMeasure.ShareOfPeak => ShareOfPeak,
        StageMeasure.ExhaustedPerMobilized => ExhaustedPerMobilized,
        StageMeasure.RadicalShareRise => RadicalShareRise,
        StageMeasure.ViolenceRate => ViolenceRate,
        StageMeasure.ViolenceRise => ViolenceRise,
        StageMeasure.InstitutionalizedPerActive => InstitutionalizedPerActive,
        StageMeasure.InstitutionalizedRise => InstitutionalizedRise,
        StageMeasure.StateResponseShare => StateResponseShare,
        _ => double.NaN,
    };
}

/// <summary>How a measure is compared with its threshold.</summary>
public enum Comparison
{
    /// <summary>The measure is at least the threshold.</summary>
    AtLeast,
    /// <summary>The measure is at most the threshold.</summary>
    AtMost,
}

/// <summary>One condition of a stage's criterion: a measure compared with a classifier setting.</summary>
/// <param name="Measure">What is measured.</param>
/// <param name="Comparison">How it is compared.</param>
/// <param name="Parameter">The classifier setting that gives the threshold (its key under <c>classifier:</c>).</param>
public sealed record StageCondition(StageMeasure Measure, Comparison Comparison, string Parameter)
{
    /// <summary>Whether <paramref name="value"/> meets the threshold (NaN never does).</summary>
    public static bool Holds(double value, Comparison comparison, double threshold) =>
        comparison == Comparison.AtLeast ? value >= threshold : value <= threshold;
}

/// <summary>One way of meeting a stage's criterion: all its conditions hold.</summary>
/// <param name="Name">What this way is (stage 5: "violence" or "institutionalization"; else the stage's process).</param>
/// <param name="Conditions">Conditions that must all hold.</param>
/// <param name="Source">The literature the criterion follows.</param>
public sealed record StageRoute(string Name, IReadOnlyList<StageCondition> Conditions, string Source);

/// <summary>
/// The criterion of a stage: the stage it is entered from (at the earliest) and one or more routes,
/// any of which enters it when all of its conditions have held for <c>dwell</c> ticks.
/// </summary>
/// <param name="Stage">The stage entered.</param>
/// <param name="From">The lowest stage it can be entered from.</param>
/// <param name="Routes">The routes (stage 5 has two: violence and institutionalization).</param>
public sealed record StageRule(Stage Stage, Stage From, IReadOnlyList<StageRoute> Routes);

/// <summary>
/// The stage classifier's criteria, declared once as data: <see cref="StageClassifier"/> evaluates
/// them, and Reporting words them for <c>contentionsim stages</c>, the reports and the trigger
/// texts. Each route cites its source (docs/ODD.md §7.10). Measures are described in
/// <see cref="StageMeasures"/>.
/// </summary>
public static class StageRules
{
    /// <summary>Route name of stage 5 entered by radicals' violence.</summary>
    public const string Violence = "violence";

    /// <summary>Route name of stage 5 entered by moderates' institutionalization (co-optation).</summary>
    public const string Institutionalization = "institutionalization";

    /// <summary>Route name of stage 4 entered as activists tire.</summary>
    public const string Exhaustion = "exhaustion";

    /// <summary>Route name of stage 4 entered as those still active radicalize.</summary>
    public const string Polarization = "polarization";

    /// <summary>Route name of stage 4 entered as participants withdraw (a deeper fall, neither tiring nor radicalizing).</summary>
    public const string Withdrawal = "withdrawal";

    private static StageCondition C(StageMeasure m, Comparison c, string key) => new(m, c, key);

    /// <summary>The criteria of stages 2–6, in order (stage 1 is the onset of a cycle, see <see cref="ClassifierParameters.OnsetMargin"/>).</summary>
    public static IReadOnlyList<StageRule> All { get; } =
    [
        new(Stage.RepertoiresAndFrames, Stage.ConflictAndDiffusion,
        [
            new("frames spread", [C(StageMeasure.FrameRise, Comparison.AtLeast, "frame_rise")],
                "Tarrow (2011) ch. 10: new frames of meaning justify collective action as the cycle diffuses; Snow & Benford (1992) on master frames in cycles"),
        ]),
        new(Stage.InformationAndInteraction, Stage.RepertoiresAndFrames,
        [
            new("interaction peaks as the rise slows",
            [
                C(StageMeasure.InteractionRise, Comparison.AtLeast, "interaction_rise"),
                C(StageMeasure.RisePace, Comparison.AtMost, "rise_slowdown"),
            ],
                "Tarrow (2011) ch. 10: information and interaction between challengers and authorities intensify at the height of the cycle; Koopmans (1993), ASR 58: the expansion of a wave slows as authorities respond"),
        ]),
        new(Stage.ExhaustionAndPolarization, Stage.InformationAndInteraction,
        [
            new(Exhaustion,
            [
                C(StageMeasure.ShareOfPeak, Comparison.AtMost, "decline_fraction"),
                C(StageMeasure.ExhaustedPerMobilized, Comparison.AtLeast, "exhaustion_share"),
            ],
                "Tarrow (2011) ch. 10: exhaustion and disillusionment shrink mobilization; Koopmans (1993), ASR 58: the wave declines as participants tire"),
            new(Polarization,
            [
                C(StageMeasure.ShareOfPeak, Comparison.AtMost, "decline_fraction"),
                C(StageMeasure.RadicalShareRise, Comparison.AtLeast, "polarization_rise"),
            ],
                "Tarrow (2011) ch. 10: as mobilization declines the movement polarizes between radicals and moderates; della Porta & Tarrow (1986), EJPR 14"),
            new(Withdrawal, [C(StageMeasure.ShareOfPeak, Comparison.AtMost, "withdrawal_fraction")],
                "Tarrow (2011) ch. 10: disillusioned participants withdraw as the cycle declines; Kitschelt (1986), BJPolS 16: an open state absorbs protest into institutions, so people leave without tiring or radicalizing"),
        ]),
        new(Stage.ViolenceAndInstitutionalization, Stage.ExhaustionAndPolarization,
        [
            new(Violence,
            [
                C(StageMeasure.ViolenceRate, Comparison.AtLeast, "violence_rate"),
                C(StageMeasure.ViolenceRise, Comparison.AtLeast, "confrontation_rise"),
            ],
                "della Porta & Tarrow (1986), EJPR 14: as a cycle declines, radical groups turn to violence; Tarrow (2011) ch. 10"),
            new(Institutionalization,
            [
                C(StageMeasure.InstitutionalizedPerActive, Comparison.AtLeast, "institutionalized_share"),
                C(StageMeasure.InstitutionalizedRise, Comparison.AtLeast, "confrontation_rise"),
            ],
                "Tarrow (2011) ch. 10: moderates move into institutions; Koopmans (1993), ASR 58: facilitation draws moderates away from the street"),
        ]),
        new(Stage.FacilitationAndRepression, Stage.ViolenceAndInstitutionalization,
        [
            new("the state's response dominates an ebbing movement",
            [
                C(StageMeasure.StateResponseShare, Comparison.AtLeast, "state_response_share"),
                C(StageMeasure.ShareOfPeak, Comparison.AtMost, "response_fraction"),
            ],
                "Tarrow (2011) ch. 10: the state facilitates moderates and represses radicals and the cycle closes; della Porta & Tarrow (1986)"),
        ]),
    ];

    /// <summary>The rule of <paramref name="stage"/> (stages 2–6), or null.</summary>
    public static StageRule? Of(Stage stage) => All.FirstOrDefault(r => r.Stage == stage);

    /// <summary>The value of the classifier setting <paramref name="key"/> in <paramref name="p"/> (a key used by a condition).</summary>
    /// <exception cref="ArgumentException">No classifier setting has that key.</exception>
    public static double Threshold(ClassifierParameters p, string key)
    {
        ArgumentNullException.ThrowIfNull(p);
        return key switch
        {
            "frame_rise" => p.FrameRise,
            "interaction_rise" => p.InteractionRise,
            "rise_slowdown" => p.RiseSlowdown,
            "decline_fraction" => p.DeclineFraction,
            "exhaustion_share" => p.ExhaustionShare,
            "polarization_rise" => p.PolarizationRise,
            "violence_rate" => p.ViolenceRate,
            "institutionalized_share" => p.InstitutionalizedShare,
            "withdrawal_fraction" => p.WithdrawalFraction,
            "confrontation_rise" => p.ConfrontationRise,
            "state_response_share" => p.StateResponseShare,
            "response_fraction" => p.ResponseFraction,
            _ => throw new ArgumentException($"No classifier setting '{key}'.", nameof(key)),
        };
    }
}

/// <summary>What each <see cref="StageMeasure"/> is, in words and unit (the catalog Reporting words criteria from).</summary>
public static class StageMeasures
{
    /// <summary>What the measure is, e.g. "the rise of frame adoption since the cycle opened".</summary>
    public static string Description(StageMeasure measure) => measure switch
    {
        StageMeasure.FrameRise => "the rise of frame adoption (the share of activists holding the movement's frame) since the cycle opened",
        StageMeasure.InteractionRate => "state–movement interactions (talks, concessions, arrests, co-optations, national lobbying) per 1,000 activists a tick",
        StageMeasure.InteractionRise => "state–movement interactions (talks, concessions, arrests, co-optations, national lobbying) as a multiple of their quiet level before the cycle opened (a slow average over the ticks between cycles)",
        StageMeasure.RisePace => "the rise of participation this tick as a share of its fastest rise so far in the cycle",
        StageMeasure.ShareOfPeak => "participation as a share of the cycle's peak",
        StageMeasure.ExhaustedPerMobilized => "exhausted activists per activist mobilized at the peak",
        StageMeasure.RadicalShareRise => "the rise of the radical share of those still active since the peak",
        StageMeasure.ViolenceRate => "violent acts per 1,000 active activists a tick",
        StageMeasure.ViolenceRise => "that violence rate as a multiple of its rate at the peak",
        StageMeasure.InstitutionalizedPerActive => "co-opted activists (in institutions) per activist still active on the street",
        StageMeasure.InstitutionalizedRise => "that ratio as a multiple of its value at the peak",
        StageMeasure.StateResponseShare => "the state's responses (arrests, talks, concessions, co-optations) as a share of those and violent acts since stage 5 began",
        _ => measure.ToString(),
    };
}
