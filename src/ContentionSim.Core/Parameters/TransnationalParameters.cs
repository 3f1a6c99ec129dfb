namespace ContentionSim.Core.Parameters;

/// <summary>Transnational allies abroad and the boomerang pattern (<see cref="Scenario.Transnational"/>).</summary>
public sealed record TransnationalParameters
{
    /// <summary>Whether transnational allies exist at all.</summary>
    [Param("Whether transnational allies exist at all.",
        Source = "not a model quantity (a switch)")]
    public bool Enabled { get; init; } = true;

    /// <summary>Chance that an organization blocked by its own state allies with NGOs or international organizations abroad (the boomerang).</summary>
    [Param("Chance that an organization blocked by its own state allies with NGOs or international organizations abroad (the boomerang).", Min = 0, Max = 1, Unit = "probability",
        Source = "Vogt & Lersch (2007) for its order (transnational ties are rare); value assumed (hand-tuned in b8053e2 from 0.05 to make facts 1, 3, 5 and 9 hold over seeds; to be calibrated); japan-2007 sets 0.001, fact 5 compares 0 with 0.5")]
    public double AllianceProbability { get; init; } = 0.02;

    /// <summary>Outside pressure added per tick per standing alliance per 1,000 activists of the scenario (all movements): pressure grows with the share of the movement's organizations allied abroad, not with their number, so a movement of any size with the same density of alliances meets the same pressure.</summary>
    [Param("Outside pressure added per tick per standing alliance per 1,000 activists of the scenario (all movements): pressure grows with the share of the movement's organizations allied abroad, not with their number, so a movement of any size with the same density of alliances meets the same pressure.", Min = 0, Max = 1000, Unit = "pressure/tick per alliance per 1,000 activists",
        Source = "assumed (unit conversion of the former 'pressure_per_alliance' 0.02 per alliance at the default 2,000 activists: old value × activists / 1,000 = 0.04; issue 15 item 1): with pressure_decay a steady 0.8 per alliance per 1,000 activists, so one alliance among the default ten organizations moves the state noticeably and a few move it a lot")]
    public double PressurePerAlliancePerThousand { get; init; } = 0.04;

    /// <summary>Share of outside pressure that fades each tick unless kept up.</summary>
    [Param("Share of outside pressure that fades each tick unless kept up.", Min = 0, Max = 1, Unit = "per tick",
        Source = "assumed: attention lasts about 20 weeks unless kept up")]
    public double PressureDecay { get; init; } = 0.05;

    /// <summary>Chance per tick that an alliance lapses when the organization does not keep it up by advocacy.</summary>
    [Param("Chance per tick that an alliance lapses when the organization does not keep it up by advocacy.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: alliances must be kept up, about 50 idle weeks on average")]
    public double AllianceLapse { get; init; } = 0.02;

    /// <summary>Share of an alliance that is with an international organization rather than NGOs abroad.</summary>
    [Param("Share of an alliance that is with an international organization rather than NGOs abroad.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed: most boomerangs start with NGOs abroad (Keck & Sikkink 1998); output only")]
    public double InternationalShare { get; init; } = 0.3;

    /// <summary>How much outside pressure amplifies the movement's information (frame spread).</summary>
    [Param("How much outside pressure amplifies the movement's information (frame spread).", Min = 0, Max = 10, Unit = "weight",
        Source = "Keck & Sikkink (1998) for the effect (information politics); value assumed (at most doubles frame spread)")]
    public double InformationAmplification { get; init; } = 1.0;
}
