namespace ContentionSim.Core.Parameters;

/// <summary>Criteria of the stage classifier (<see cref="Scenario.Classifier"/>).</summary>
public sealed record ClassifierParameters
{
    /// <summary>Weight of the newest tick in the smoothed observables (exponential moving average).</summary>
    [Param("Weight of the newest tick in the smoothed observables (exponential moving average).", Min = 0.01, Max = 1,
        Source = "assumed: about a 4-tick memory, filters weekly noise and keeps turning points within a month")]
    public double Smoothing { get; init; } = 0.25;

    /// <summary>Ticks a stage's entry condition must hold before the stage is entered (hysteresis).</summary>
    [Param("Ticks a stage's entry condition must hold before the stage is entered (hysteresis).", Min = 1, Max = 1000, Unit = "ticks",
        Source = "assumed: hysteresis against flicker")]
    public int Dwell { get; init; } = 3;

    /// <summary>Participation above the baseline that opens a cycle (stage 1).</summary>
    [Param("Participation above the baseline that opens a cycle (stage 1).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: two percentage points, above the noise of 2,000 activists")]
    public double OnsetMargin { get; init; } = 0.02;

    /// <summary>Participation above the baseline below which a cycle has ended (lower than the onset margin: hysteresis).</summary>
    [Param("Participation above the baseline below which a cycle has ended (lower than the onset margin: hysteresis).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: half the onset margin (hysteresis)")]
    public double EndMargin { get; init; } = 0.01;

    /// <summary>Rise in frame adoption since the cycle opened that marks repertoires and frames (stage 2).</summary>
    [Param("Rise in frame adoption since the cycle opened that marks repertoires and frames (stage 2).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: five points of the population newly framed")]
    public double FrameRise { get; init; } = 0.05;

    /// <summary>Smoothed state–movement interactions, as a multiple of their quiet level before the cycle opened, that mark increased interaction (stage 3, with rise_slowdown).</summary>
    [Param("Smoothed state–movement interactions, as a multiple of their quiet level before the cycle opened, that mark increased interaction (stage 3, with rise_slowdown).", Min = 1, Unit = "times the quiet level",
        Source = "Tarrow (2011) ch. 10 for the criterion (\"increased\" information and interaction between challengers and authorities: a rise over the routine between cycles, not a level; the quiet level is a slow average over baseline_window ticks, like the baseline of participation); value assumed: a doubling, as confrontation_rise. " +
            "Issue 15: the level it replaces (1 per 1,000 activists a tick, assumed when peaks reached 50-90% of activists) sat where waves of about 10% peak (0.7-1.0), so whether a wave counted as a cycle turned on noise and size")]
    public double InteractionRise { get; init; } = 2.0;

    /// <summary>Rise of smoothed participation in a tick, as a share of its fastest rise so far in the cycle, at or below which the rise has slowed (stage 3, with the interaction rate).</summary>
    [Param("Rise of smoothed participation in a tick, as a share of its fastest rise so far in the cycle, at or below which the rise has slowed (stage 3, with the interaction rate).", Min = 0, Max = 1, Unit = "share of fastest rise",
        Source = "Koopmans (1993) for the criterion (the expansion of a wave slows at its height); value assumed: half the fastest pace, past the inflection of the rise")]
    public double RiseSlowdown { get; init; } = 0.5;

    /// <summary>Participation, as a share of the cycle's peak, at or below which exhaustion and polarization can begin (stage 4, with exhaustion_share).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which exhaustion and polarization can begin (stage 4, with exhaustion_share).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed (issue 15: 0.85 before exhaustion was also required; with it, a 5% fall from the peak marks the turn, so the decline's stages begin near the peak)")]
    public double DeclineFraction { get; init; } = 0.95;

    /// <summary>Exhausted activists per activist mobilized at the cycle's peak that mark exhaustion (stage 4, with decline_fraction).</summary>
    [Param("Exhausted activists per activist mobilized at the cycle's peak that mark exhaustion (stage 4, with decline_fraction).", Min = 0, Max = 10, Unit = "per mobilized",
        Source = "Tarrow (2011) ch. 10 for the criterion (exhaustion); value assumed: one in twenty of those mobilized at the peak")]
    public double ExhaustionShare { get; init; } = 0.05;

    /// <summary>Rise of the radical share of the active since the cycle's peak that marks polarization (stage 4, route polarization, with decline_fraction).</summary>
    [Param("Rise of the radical share of the active since the cycle's peak that marks polarization (stage 4, route polarization, with decline_fraction).", Min = 0, Max = 1, Unit = "share of the active",
        Source = "Tarrow (2011) ch. 10 for the criterion (the declining movement polarizes); value assumed: five points")]
    public double PolarizationRise { get; init; } = 0.05;

    /// <summary>Participation, as a share of the cycle's peak, at or below which participants have withdrawn even without exhaustion or polarization (stage 4, route withdrawal).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which participants have withdrawn even without exhaustion or polarization (stage 4, route withdrawal).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed: a 15% fall from the peak is a decline, not noise (decline_fraction's default before issue 15)")]
    public double WithdrawalFraction { get; init; } = 0.85;

    /// <summary>Violent acts per 1,000 active activists per tick that mark radicals' turn to violence (stage 5, route violence, with confrontation_rise).</summary>
    [Param("Violent acts per 1,000 active activists per tick that mark radicals' turn to violence (stage 5, route violence, with confrontation_rise).", Min = 0, Unit = "per 1,000 active/tick",
        Source = "della Porta & Tarrow (1986) for the criterion; value assumed: one act a tick per 1,000 still active")]
    public double ViolenceRate { get; init; } = 1.0;

    /// <summary>Co-opted activists per activist still active that mark moderates' move into institutions (stage 5, route institutionalization, with confrontation_rise).</summary>
    [Param("Co-opted activists per activist still active that mark moderates' move into institutions (stage 5, route institutionalization, with confrontation_rise).", Min = 0, Unit = "co-opted per active",
        Source = "Tarrow (2011) ch. 10 for the criterion; value assumed: one in institutions for every ten still on the street")]
    public double InstitutionalizedShare { get; init; } = 0.1;

    /// <summary>Rise of the violence rate (or of the co-opted per active) over its value at the cycle's peak that marks the turn to violence (or institutions) (stage 5).</summary>
    [Param("Rise of the violence rate (or of the co-opted per active) over its value at the cycle's peak that marks the turn to violence (or institutions) (stage 5).", Min = 1, Unit = "times the rate at the peak",
        Source = "della Porta & Tarrow (1986) for the criterion (the turn comes as the movement shrinks); value assumed: a doubling")]
    public double ConfrontationRise { get; init; } = 2.0;

    /// <summary>Share of state responses (arrests, talks, concessions, co-optations) among state and confrontational acts that marks facilitation and repression (stage 6).</summary>
    [Param("Share of state responses (arrests, talks, concessions, co-optations) among state and confrontational acts that marks facilitation and repression (stage 6).", Min = 0, Max = 1, Unit = "share",
        Source = "Tarrow (1998) for the criterion (the state's response dominates stage 6); value assumed")]
    public double StateResponseShare { get; init; } = 0.5;

    /// <summary>Participation, as a share of the cycle's peak, at or below which the state's response is taken to dominate (stage 6).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which the state's response is taken to dominate (stage 6).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed (issue 15: 0.6 before; half the peak, so that the state's response closes a movement that has clearly ebbed)")]
    public double ResponseFraction { get; init; } = 0.5;

    /// <summary>Arrests per concession and co-optation at or above which a cycle the state leaned to repress is suppressed (else it faded).</summary>
    [Param("Arrests per concession and co-optation at or above which a cycle the state leaned to repress is suppressed (else it faded).", Min = 0, Unit = "arrests per concession or co-optation",
        Source = "assumed: repression dominated when arrests at least doubled the state's concessions and co-optations")]
    public double SuppressionRatio { get; init; } = 2.0;

    /// <summary>Participation, as a share of the cycle's peak, at or below which the cycle has ended even if it stays above the old baseline (mobilization back to routine).</summary>
    [Param("Participation, as a share of the cycle's peak, at or below which the cycle has ended even if it stays above the old baseline (mobilization back to routine).", Min = 0, Max = 1, Unit = "share of peak",
        Source = "assumed (hand-tuned in b8053e2 from 0.3 so that the peak is at least twice the participation at the end, fact 1; to be calibrated)")]
    public double EndFraction { get; init; } = 0.2;

    /// <summary>Time scale, in ticks, of the slow average the baseline of participation rises by between cycles (it falls at once).</summary>
    [Param("Time scale, in ticks, of the slow average the baseline of participation rises by between cycles (it falls at once).", Min = 1, Max = 100_000, Unit = "ticks",
        Source = "assumed: half a year (the baseline closes 1/baseline_window of the gap per tick, an EMA)")]
    public int BaselineWindow { get; init; } = 26;
}
