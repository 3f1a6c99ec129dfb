namespace ContentionSim.Core.Parameters;

/// <summary>The state and its political opportunity structure (<see cref="Scenario.State"/>).</summary>
public sealed record StateParameters
{
    /// <summary>Whether the state acts at all (off for Granovetter's pure threshold model).</summary>
    [Param("Whether the state acts at all (off for Granovetter's pure threshold model).",
        Source = "not a model quantity (a switch); off for Granovetter's model")]
    public bool Enabled { get; init; } = true;

    /// <summary>Openness of the political opportunity structure (0 closed, 1 open).</summary>
    [Param("Openness of the political opportunity structure (0 closed, 1 open).", Min = 0, Max = 1,
        Source = "assumed: the neutral middle; scenarios set their own, and Eisinger's (1973) curve is explored by sweeping it")]
    public double Openness { get; init; } = 0.5;

    /// <summary>Chance per tick that the state arrests an active activist of radicalism 0.5 at full repression (more for radicals, three times for the violent).</summary>
    [Param("Chance per tick that the state arrests an active activist of radicalism 0.5 at full repression (more for radicals, three times for the violent).", Min = 0, Max = 1, Unit = "share/tick",
        Source = "assumed: a few per cent of the active per week at most for a typical activist (not a cap: up to 1.5× for radicals, 4.5× for violent radicals)")]
    public double RepressionCapacity { get; init; } = 0.05;

    /// <summary>Inclination to repress rather than tolerate, before openness and costs.</summary>
    [Param("Inclination to repress rather than tolerate, before openness and costs.", Min = 0, Max = 1,
        Source = "assumed: slightly more repressive than responsive, states defend the status quo")]
    public double RepressionPropensity { get; init; } = 0.6;

    /// <summary>Inclination to talk, concede and co-opt when the POS lets it.</summary>
    [Param("Inclination to talk, concede and co-opt when the POS lets it.", Min = 0, Max = 1,
        Source = "assumed: the middle")]
    public double Responsiveness { get; init; } = 0.5;

    /// <summary>How much outside (material and moral) leverage moves the state.</summary>
    [Param("How much outside (material and moral) leverage moves the state.", Min = 0, Max = 1,
        Source = "Keck & Sikkink (1998) for the effect (leverage works on vulnerable states); value assumed (the middle)")]
    public double Vulnerability { get; init; } = 0.5;

    /// <summary>Share of outside leverage that opens the state without domestic mobilization (the boomerang's 'tactical concessions'): effective openness = openness + (1 − openness) × vulnerability × saturated pressure × (tactical_share + (1 − tactical_share) × the threat of last tick's domestic mobilization). Pressure from above opens a tight state only part of the way unless it meets pressure from below (Risse, Ropp &amp; Sikkink 1999, the spiral model; Keck &amp; Sikkink 1998). 1 switches the bound off (outside pressure alone opens the state fully).</summary>
    [Param("Share of outside leverage that opens the state without domestic mobilization (the boomerang's 'tactical concessions'): effective openness = openness + (1 − openness) × vulnerability × saturated pressure × (tactical_share + (1 − tactical_share) × the threat of last tick's domestic mobilization). Pressure from above opens a tight state only part of the way unless it meets pressure from below (Risse, Ropp & Sikkink 1999, the spiral model; Keck & Sikkink 1998). 1 switches the bound off (outside pressure alone opens the state fully).", Min = 0, Max = 1, Unit = "share",
        Source = "Risse, Ropp & Sikkink (1999) for the mechanism (outside pressure wins tactical concessions first; further change needs domestic mobilization); value assumed (to be calibrated, docs/validation.md)")]
    public double TacticalShare { get; init; } = 0.3;

    /// <summary>Share of a movement's activists active that a fully open state ignores; a state tolerates this times its effective openness, so a closed state reacts to the smallest protest (Davenport 2007: democracies tolerate what autocracies repress).</summary>
    [Param("Share of a movement's activists active that a fully open state ignores; a state tolerates this times its effective openness, so a closed state reacts to the smallest protest (Davenport 2007: democracies tolerate what autocracies repress).", Min = 0, Max = 1, Unit = "share",
        Source = "Davenport (2007) for the effect (democracies tolerate protest that autocracies repress); value assumed (hand-tuned in fab5595, when tolerance was scaled by openness so that facts 3 and 4 hold; to be calibrated): 3% at openness 0.5 as before the scaling, 0.6% at 0.1, 5.4% at 0.9")]
    public double Tolerance { get; init; } = 0.06;

    /// <summary>Ticks an arrested activist is held.</summary>
    [Param("Ticks an arrested activist is held.", Min = 0, Max = 10_000, Unit = "ticks",
        Source = "assumed: half a year (the baseline closes 1/baseline_window of the gap per tick, an EMA)")]
    public int RepressionTerm { get; init; } = 26;

    /// <summary>Grievance relief a full concession gives the movement's activists.</summary>
    [Param("Grievance relief a full concession gives the movement's activists.", Min = 0, Max = 1, Unit = "grievance",
        Source = "assumed: a partial concession")]
    public double ConcessionSize { get; init; } = 0.1;

    /// <summary>Chance per tick that a moderate active activist is co-opted while the state facilitates.</summary>
    [Param("Chance per tick that a moderate active activist is co-opted while the state facilitates.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed (hand-tuned in b8053e2 from 0.005 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated)")]
    public double Cooptation { get; init; } = 0.01;

    /// <summary>Ticks a co-opted activist stays in institutional channels.</summary>
    [Param("Ticks a co-opted activist stays in institutional channels.", Min = 0, Max = 10_000, Unit = "ticks",
        Source = "assumed: two years, an institutional term")]
    public int CooptationTerm { get; init; } = 104;

    /// <summary>How far an open state's institutional channels substitute for protest: grievance counts (1 − absorption × effective openness) in the decision to take to the street (Eisinger 1973; Kitschelt 1986).</summary>
    [Param("How far an open state's institutional channels substitute for protest: grievance counts (1 − absorption × effective openness) in the decision to take to the street (Eisinger 1973; Kitschelt 1986).", Min = 0, Max = 1, Unit = "share",
        Source = "Eisinger (1973), Kitschelt (1986) for the effect (open systems absorb protest into institutions); value assumed (introduced at 0.4 in b8053e2 and hand-tuned to 0.7 in c8ce119 so that participation is curvilinear in openness, fact 4; to be calibrated): grievance counts 93% at openness 0.1, 65% at 0.5, 30% at 1")]
    public double Absorption { get; init; } = 0.7;

    /// <summary>Share of a movement's grievance eased per tick per national contact that gets through, per 1,000 activists of the scenario (all movements): relief = this × national contacts × 1,000 / activists, so claims handled through institutions instead of the street ease a movement of any size alike (Eisinger's open systems absorb protest).</summary>
    [Param("Share of a movement's grievance eased per tick per national contact that gets through, per 1,000 activists of the scenario (all movements): relief = this × national contacts × 1,000 / activists, so claims handled through institutions instead of the street ease a movement of any size alike (Eisinger's open systems absorb protest).", Min = 0, Max = 1000, Unit = "share per contact per 1,000 activists",
        Source = "Eisinger (1973) for the effect (claims handled through institutions instead of the street); value assumed (hand-tuned in b8053e2 as 0.005 per contact at 2,000 activists to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated). Unit conversion of the former 'institutional_relief' (issue 15 item 1): old value × activists / 1,000, so 0.005 at 2,000 activists is 0.01; ten default organizations at openness 0.5 ease about 0.36% of grievance a tick against a rebuild of 1% of the gap")]
    public double InstitutionalReliefPerThousand { get; init; } = 0.01;

    /// <summary>Talks the state may hold per tick with a movement, per 1,000 of its activists, each with chance facilitation × threat (a talk is a state–movement interaction; a larger movement meets the state more often). Fractions are a last draw of that weight.</summary>
    [Param("Talks the state may hold per tick with a movement, per 1,000 of its activists, each with chance facilitation × threat (a talk is a state–movement interaction; a larger movement meets the state more often). Fractions are a last draw of that weight.", Min = 0, Max = 1000, Unit = "per 1,000 activists/tick",
        Source = "assumed (unit conversion of the former one talk draw per movement per tick: one per 2,000 activists, the default movement, is 0.5; each shipped scenario gives 1,000 / its activists per movement; issue 15 item 1)")]
    public double TalksPerThousand { get; init; } = 0.5;

    /// <summary>Strength of the state's campaign framing the movement as a threat (lowers sympathy each tick).</summary>
    [Param("Strength of the state's campaign framing the movement as a threat (lowers sympathy each tick).", Min = 0, Max = 1,
        Source = "not a model quantity at its default: 0 is no campaign; Japan-like scenarios model the Ministry of Justice's campaign (Vogt & Lersch 2007)")]
    public double ThreatFraming { get; init; }

    /// <summary>Share of all activists active at which the state can be overwhelmed (revolutionary turnover).</summary>
    [Param("Share of all activists active at which the state can be overwhelmed (revolutionary turnover).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: three quarters of all activists active at once, so turnover is rare (pattern 6); with the current defaults it does not occur at all (ODD, Known limitations)")]
    public double TurnoverThreshold { get; init; } = 0.75;
}
