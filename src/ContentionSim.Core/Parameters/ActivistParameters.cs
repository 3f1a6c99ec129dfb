namespace ContentionSim.Core.Parameters;

/// <summary>How activist thresholds are read.</summary>
public enum ThresholdUnit
{
    /// <summary>Thresholds are shares of one's ties (0–1), weighed against grievance and risk.</summary>
    Share,
    /// <summary>Thresholds are numbers of active ties (Granovetter's riot model).</summary>
    People,
}

/// <summary>The activists of one movement: how many, and the distributions their attributes are drawn from (<see cref="MovementParameters.Activists"/>).</summary>
public sealed record ActivistParameters
{
    /// <summary>Number of activists (ignored when 'thresholds' lists them one by one).</summary>
    [Param("Number of activists (ignored when 'thresholds' lists them one by one).", Min = 1, Max = 50_000_000, Unit = "people",
        Source = "assumed: classroom size, a run takes well under a second yet shares are smooth")]
    public int Count { get; init; } = 2000;

    /// <summary>Hardship each activist feels (0 none, 1 extreme).</summary>
    [Param("Hardship each activist feels (0 none, 1 extreme).", Min = 0, Max = 1,
        Source = "assumed: a middling, unimodal spread; loosely echoes the 2007 survey's 53% judging migrants' conditions bad or very bad (Vogt & Lersch 2007), not fitted to it")]
    public Distribution Grievance { get; init; } = Distribution.Beta(0.45, 0.15);

    /// <summary>How strongly an activist weighs the risk of repression (0 fearless, 1 very cautious).</summary>
    [Param("How strongly an activist weighs the risk of repression (0 fearless, 1 very cautious).", Min = 0, Max = 1,
        Source = "Epstein (2002): risk aversion uniform on [0, 1]")]
    public Distribution RiskAversion { get; init; } = Distribution.Uniform(0, 1);

    /// <summary>Participation threshold, in the unit of 'threshold_unit'.</summary>
    [Param("Participation threshold, in the unit of 'threshold_unit'.", Min = 0,
        Source = "Granovetter (1978) for normal threshold distributions; mean and spread assumed (a framed activist of average grievance starts below the tipping point, so ties, organizations and momentum decide)")]
    public Distribution Threshold { get; init; } = Distribution.Normal(0.55, 0.12);

    /// <summary>Explicit thresholds, one per activist; sets the count. Used for Granovetter's model.</summary>
    [Param("Explicit thresholds, one per activist; sets the count. Used for Granovetter's model.", Min = 0,
        Source = "not a model quantity at its default (empty); Granovetter (1978)'s riot example lists them one by one (pattern 9)")]
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>Share: thresholds are shares of ties weighed against grievance and risk; people: numbers of active ties.</summary>
    [Param("share: thresholds are shares of ties weighed against grievance and risk; people: numbers of active ties.",
        Source = "Granovetter (1978): 'people' reproduces his threshold model exactly; 'share' is the default of the utility form")]
    public ThresholdUnit ThresholdUnit { get; init; } = ThresholdUnit.Share;

    /// <summary>Initial radicalism (0 moderate, 1 radical).</summary>
    [Param("Initial radicalism (0 moderate, 1 radical).", Min = 0, Max = 1,
        Source = "assumed: most start moderate, few near the violence threshold, so violence must be built by the cycle (comes late)")]
    public Distribution Radicalism { get; init; } = Distribution.Beta(0.25, 0.12);

    /// <summary>Share of activists who hold the movement's frame at the start.</summary>
    [Param("Share of activists who hold the movement's frame at the start.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: a small core of early risers who have named the injustice (Tarrow's stage 1 \"critical number\")")]
    public double InitialFrameAdoption { get; init; } = 0.02;

    /// <summary>Share of activists who are members of one of the movement's organizations.</summary>
    [Param("Share of activists who are members of one of the movement's organizations.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: organizations reach a minority directly; the survey gives no membership share")]
    public double Membership { get; init; } = 0.3;

    /// <summary>Weight of grievance interpreted through the frame in the decision to take part.</summary>
    [Param("Weight of grievance interpreted through the frame in the decision to take part.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed (hand-tuned in c8ce119 from 1.0 to keep several cycles in a classroom run after opportunity_weight and the new absorption form scaled grievance down; to be calibrated)")]
    public double GrievanceWeight { get; init; } = 2.25;

    /// <summary>Share of grievance that counts before an activist holds the frame (injustice not yet named).</summary>
    [Param("Share of grievance that counts before an activist holds the frame (injustice not yet named).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: injustice not yet named mobilizes weakly; holding the frame multiplies it by 4")]
    public double UnframedGrievance { get; init; } = 0.25;

    /// <summary>Weight of the pull of active ties in the decision to take part.</summary>
    [Param("Weight of the pull of active ties in the decision to take part.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed: strong enough that, for framed activists near threshold, a majority of active ties tips them")]
    public double SocialWeight { get; init; } = 0.6;

    /// <summary>Weight of perceived risk of repression in the decision to take part.</summary>
    [Param("Weight of perceived risk of repression in the decision to take part.", Min = 0, Max = 10, Unit = "weight",
        Source = "Epstein (2002) for the form (grievance against net risk); value assumed: the same scale as grievance")]
    public double RiskWeight { get; init; } = 1.0;

    /// <summary>Energy an active tick costs.</summary>
    [Param("Energy an active tick costs.", Min = 0, Max = 1, Unit = "energy/tick",
        Source = "assumed: from full energy to exhaustion_level in 40 active weeks for a moderate (about 46 at the mean initial radicalism), months of activity before exhaustion (Tarrow's stage 4)")]
    public double EnergyCost { get; init; } = 0.02;

    /// <summary>How much perceived repression raises the energy an active tick costs: the cost is energy_cost × (1 + repression_cost × perceived repression). Activism under repression is high-risk and wears people out faster (Tilly 1978; McAdam 1986).</summary>
    [Param("How much perceived repression raises the energy an active tick costs: the cost is energy_cost × (1 + repression_cost × perceived repression). Activism under repression is high-risk and wears people out faster (Tilly 1978; McAdam 1986).", Min = 0, Max = 10, Unit = "weight",
        Source = "Tilly (1978), McAdam (1986) for the effect; value assumed (hand-tuned in fab5595 to 2 and back to 1 in 893c5fb while facts 3 and 4 were made to hold; to be calibrated)")]
    public double RepressionCost { get; init; } = 1.0;

    /// <summary>Energy a tick of rest restores.</summary>
    [Param("Energy a tick of rest restores.", Min = 0, Max = 1, Unit = "energy/tick",
        Source = "assumed: recovery from 0.2 to 0.8 takes 120 weeks, the refractory period that spaces cycles (pattern 8)")]
    public double EnergyRecovery { get; init; } = 0.005;

    /// <summary>Energy below which an active activist drops out exhausted.</summary>
    [Param("Energy below which an active activist drops out exhausted.", Min = 0, Max = 1, Unit = "energy",
        Source = "assumed: with recovered_level, a hysteresis band")]
    public double ExhaustionLevel { get; init; } = 0.2;

    /// <summary>Energy an exhausted activist must regain before taking part again.</summary>
    [Param("Energy an exhausted activist must regain before taking part again.", Min = 0, Max = 1, Unit = "energy",
        Source = "assumed: with exhaustion_level, a hysteresis band")]
    public double RecoveredLevel { get; init; } = 0.8;

    /// <summary>How much radicalism slows exhaustion (committed radicals stay longer).</summary>
    [Param("How much radicalism slows exhaustion (committed radicals stay longer).", Min = 0, Max = 1, Unit = "share",
        Source = "assumed (hand-tuned in b8053e2 from 0.8 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): committed radicals stay longest, so the active core radicalizes as moderates tire (polarization, stage 4)")]
    public double RadicalCommitment { get; init; } = 0.5;

    /// <summary>How fast active activists radicalize when they meet repression or get no concessions.</summary>
    [Param("How fast active activists radicalize when they meet repression or get no concessions.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: slow, radicalization takes a year or more of contention, so violence comes late")]
    public double RadicalizationRate { get; init; } = 0.02;

    /// <summary>Radicalism above which an active activist may turn to confrontational or violent action.</summary>
    [Param("Radicalism above which an active activist may turn to confrontational or violent action.", Min = 0, Max = 1,
        Source = "assumed (hand-tuned in b8053e2 from 0.7 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): only the radical tail, above the 0.5 line that counts radicals")]
    public double ViolenceThreshold { get; init; } = 0.6;

    /// <summary>Chance per tick that an active activist above the violence threshold commits a violent act.</summary>
    [Param("Chance per tick that an active activist above the violence threshold commits a violent act.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: violent acts are rare")]
    public double ViolenceProbability { get; init; } = 0.05;

    /// <summary>How much a shrinking movement drives its radicals to confrontation: the violence chance is multiplied by 1 + escalation × (how fast participation falls, 0–1). Radicals escalate to keep attention as numbers fall (della Porta &amp; Tarrow 1986; Koopmans 1993).</summary>
    [Param("How much a shrinking movement drives its radicals to confrontation: the violence chance is multiplied by 1 + escalation × (how fast participation falls, 0–1). Radicals escalate to keep attention as numbers fall (della Porta & Tarrow 1986; Koopmans 1993).", Min = 0, Max = 100, Unit = "weight",
        Source = "della Porta & Tarrow (1986), Koopmans (1993) for the effect (violence concentrates in the decline, pattern 2); value assumed (hand-tuned in b8053e2 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): at most ×4, 0.05 → 0.2 a tick")]
    public double Escalation { get; init; } = 3.0;

    /// <summary>How far radicals' violence is competition in a shrinking movement (the radical flank): with d the share of the movement's recent peak of participation that has been lost (0 while it grows), a radical's chance of a violent act is multiplied by 1 − radical_flank + radical_flank × d, and the push towards radicalism of those still active grows by radical_flank × d. Moderates tire or are co-opted; the committed remnant competes for a shrinking pool of supporters by escalation, while in the rise radicals' action is carried by mass action (della Porta &amp; Tarrow 1986; della Porta 1995; Tarrow 1989). 0 switches the mechanism off (violence at any point of the cycle).</summary>
    [Param("How far radicals' violence is competition in a shrinking movement (the radical flank): with d the share of the movement's recent peak of participation that has been lost (0 while it grows), a radical's chance of a violent act is multiplied by 1 − radical_flank + radical_flank × d, and the push towards radicalism of those still active grows by radical_flank × d. Moderates tire or are co-opted; the committed remnant competes for a shrinking pool of supporters by escalation, while in the rise radicals' action is carried by mass action (della Porta & Tarrow 1986; della Porta 1995; Tarrow 1989). 0 switches the mechanism off (violence at any point of the cycle).", Min = 0, Max = 1, Unit = "share",
        Source = "della Porta & Tarrow (1986), della Porta (1995), Tarrow (1989) for the mechanism (competitive escalation of the remnant as mass participation declines); value assumed: 1, the mechanism fully on (radicals' violence is competition, not a constant hazard)")]
    public double RadicalFlank { get; init; } = 1.0;

    /// <summary>Chance per tick that a motivated activist who is not yet taking part, and is neither called by its organization nor asked by an active tie, is reached by the movement's outreach (public meetings, leaflets, media): the targeting step of Klandermans &amp; Oegema's (1987) funnel. Only those reached join; those already taking part stay while motivated. 1 switches the funnel off (everyone motivated is reached).</summary>
    [Param("Chance per tick that a motivated activist who is not yet taking part, and is neither called by its organization nor asked by an active tie, is reached by the movement's outreach (public meetings, leaflets, media): the targeting step of Klandermans & Oegema's (1987) funnel. Only those reached join; those already taking part stay while motivated. 1 switches the funnel off (everyone motivated is reached).", Min = 0, Max = 1, Unit = "probability",
        Source = "Klandermans & Oegema (1987) for the mechanism (sympathizers must be targeted by a mobilization attempt before they can be motivated to take part); value calibrated with `contentionsim calibrate scenarios/calibrations/funnel-magnitudes.yaml --quick` to open-pos (as shipped) peaking at 3–15% of its potential and cycling about twice a run, both targets met (rerun 7 December 2026 after the momentum floor became a number of people: posterior mean 0.098, 95% interval [0.016, 0.198]; the first calibration, which missed the cycles, gave 0.118; docs/validation.md, calibrated parameters)")]
    public double Outreach { get; init; } = 0.1;

    /// <summary>Chance per tick that one active tie's request reaches a motivated activist who is not yet taking part (recruitment through personal networks; active ties of other movements count by 'spillover'). The reach of a tick is min(1, outreach + tie_recruitment × active ties). Ignored when outreach is 1.</summary>
    [Param("Chance per tick that one active tie's request reaches a motivated activist who is not yet taking part (recruitment through personal networks; active ties of other movements count by 'spillover'). The reach of a tick is min(1, outreach + tie_recruitment × active ties). Ignored when outreach is 1.", Min = 0, Max = 1, Unit = "probability",
        Source = "Klandermans & Oegema (1987), Snow, Zurcher & Ekland-Olson (1980) for the mechanism (most participants are recruited through people they know); value calibrated with `contentionsim calibrate scenarios/calibrations/funnel-magnitudes.yaml --quick` to open-pos (as shipped) peaking at 3–15% of its potential and cycling about twice a run, both targets met (rerun 7 December 2026 after the momentum floor became a number of people: posterior mean 0.151, 95% interval [0.011, 0.293]; the first calibration, which missed the cycles, gave 0.127; docs/validation.md, calibrated parameters)")]
    public double TieRecruitment { get; init; } = 0.15;

    /// <summary>Chance that a motivated activist can take part in a given tick: the barriers step of Klandermans &amp; Oegema's (1987) funnel (work, family, distance, illness keep people home even when they want to go). A motivated activist who cannot this tick stays inactive (and must be reached again to join). 1 switches barriers off.</summary>
    [Param("Chance that a motivated activist can take part in a given tick: the barriers step of Klandermans & Oegema's (1987) funnel (work, family, distance, illness keep people home even when they want to go). A motivated activist who cannot this tick stays inactive (and must be reached again to join). 1 switches barriers off.", Min = 0, Max = 1, Unit = "probability",
        Source = "Klandermans & Oegema (1987) for the mechanism (of those motivated to take part, barriers keep many away); McAdam (1986) on biographical availability; value calibrated with `contentionsim calibrate scenarios/calibrations/funnel-magnitudes.yaml --quick` to open-pos (as shipped) peaking at 3–15% of its potential and cycling about twice a run, both targets met (rerun 7 December 2026 after the momentum floor became a number of people: posterior mean 0.762, 95% interval [0.611, 0.971]; the first calibration, which missed the cycles, gave 0.803; docs/validation.md, calibrated parameters)")]
    public double Availability { get; init; } = 0.76;

    /// <summary>Chance per tick of adopting the frame when all ties hold it and are active.</summary>
    [Param("Chance per tick of adopting the frame when all ties hold it and are active.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: frames spread over weeks, not days")]
    public double FrameContagion { get; init; } = 0.15;

    /// <summary>Chance per tick that an activist not taking part, with no framed active tie, lets the frame fade.</summary>
    [Param("Chance per tick that an activist not taking part, with no framed active tie, lets the frame fade.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: frames outlive the episode by about a year")]
    public double FrameDecay { get; init; } = 0.02;

    /// <summary>Rate at which radicalism returns to the activist's initial level while not taking part.</summary>
    [Param("Rate at which radicalism returns to the activist's initial level while not taking part.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed (hand-tuned in b8053e2 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated): half-life about 69 ticks, the time scale of grievance rebuilding; keeps radicalism from ratcheting up over cycles")]
    public double Deradicalization { get; init; } = 0.01;

    /// <summary>Weight of frustration (no facilitation from the state) in radicalization, next to repression.</summary>
    [Param("Weight of frustration (no facilitation from the state) in radicalization, next to repression.", Min = 0, Max = 1, Unit = "weight",
        Source = "Koopmans (1993) for the effect (lack of success radicalizes, next to repression); value assumed")]
    public double Frustration { get; init; } = 0.5;

    /// <summary>Chance that an activist who drops out exhausted is disillusioned and drops the frame.</summary>
    [Param("Chance that an activist who drops out exhausted is disillusioned and drops the frame.", Min = 0, Max = 1, Unit = "probability",
        Source = "Tarrow (1998) for the effect (exhaustion is weariness and disillusionment); value assumed")]
    public double Disillusionment { get; init; } = 0.7;

    /// <summary>Rate at which grievance returns to its baseline after relief or backfire.</summary>
    [Param("Rate at which grievance returns to its baseline after relief or backfire.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: half-life about 69 weeks, relief lasts a year or so before grievances build up again (pattern 8)")]
    public double GrievanceRebuild { get; init; } = 0.01;

    /// <summary>Weight of perceived efficacy: activists join a movement that is growing and leave one that is shrinking (bandwagon and disillusionment).</summary>
    [Param("Weight of perceived efficacy: activists join a movement that is growing and leave one that is shrinking (bandwagon and disillusionment).", Min = 0, Max = 10, Unit = "weight",
        Source = "Kim & Hanneman (2011) for the effect (bandwagon and disillusionment); value assumed (hand-tuned in b8053e2 from 0.15 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated)")]
    public double EfficacyWeight { get; init; } = 0.12;

    /// <summary>How far the openness of the state decides whether grievance becomes protest: grievance counts (1 − opportunity_weight × (1 − effective openness)) in the decision, so under a closed state protest looks futile (Eisinger 1973; McAdam's cognitive liberation). 0: openness does not matter.</summary>
    [Param("How far the openness of the state decides whether grievance becomes protest: grievance counts (1 − opportunity_weight × (1 − effective openness)) in the decision, so under a closed state protest looks futile (Eisinger 1973; McAdam's cognitive liberation). 0: openness does not matter.", Min = 0, Max = 1, Unit = "weight",
        Source = "Eisinger (1973), McAdam (1982) for the effect; value assumed (set in c8ce119, with absorption 0.7, so that participation is curvilinear in openness, fact 4; to be calibrated)")]
    public double OpportunityWeight { get; init; } = 0.7;

    /// <summary>Pull of a mobilization call from one's own organization.</summary>
    [Param("Pull of a mobilization call from one's own organization.", Min = 0, Max = 10, Unit = "weight",
        Source = "assumed: organizations bring members out but do not override grievance")]
    public double CallWeight { get; init; } = 0.2;

    /// <summary>Rise in grievance per tick when all of one's ties are held by the state (backfire of repression), scaled up by outside attention.</summary>
    [Param("Rise in grievance per tick when all of one's ties are held by the state (backfire of repression), scaled up by outside attention.", Min = 0, Max = 1, Unit = "per tick",
        Source = "MODEL.md; Keck & Sikkink (1998) for the effect (repression can backfire, more so under outside attention); value assumed")]
    public double RepressionBackfire { get; init; } = 0.05;

    /// <summary>Number of activists actually created.</summary>
    public int EffectiveCount => Thresholds.Count > 0 ? Thresholds.Count : Count;
}
