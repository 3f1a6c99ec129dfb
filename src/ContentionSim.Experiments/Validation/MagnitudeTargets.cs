namespace ContentionSim.Experiments.Validation;

/// <summary>
/// A target range of a shipped scenario's peak participation (the run's highest week of the wave's
/// participation, as a share of the scenario's activists), with what the scenario stands for and the source.
/// </summary>
/// <param name="Scenarios">The scenarios held to it, by their <c>name:</c>.</param>
/// <param name="StandsFor">What the scenarios stand for, in words.</param>
/// <param name="Low">Lowest plausible peak (share, 0–1).</param>
/// <param name="High">Highest plausible peak (share, 0–1).</param>
/// <param name="Source">Where the range comes from.</param>
/// <param name="Below">A scenario whose median peak this one's must lie below (japan-2007: "well below open-pos"), or null.</param>
public sealed record MagnitudeTarget(IReadOnlyList<string> Scenarios, string StandsFor, double Low, double High, string Source, string? Below = null)
{
    /// <summary>Whether <paramref name="peak"/> lies inside the range (bounds included).</summary>
    public bool Contains(double peak) => peak >= Low && peak <= High;
}

/// <summary>
/// The bound every movement scenario is held to: weekly participation above <see cref="Share"/> in at most
/// <see cref="MaxWeeks"/> weeks of a run.
/// </summary>
/// <param name="Share">The share of activists (0–1).</param>
/// <param name="MaxWeeks">"A few weeks": the most weeks of a run allowed above it.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Exempt">Scenarios not held to it (by <c>name:</c>) and why.</param>
public sealed record PeakCap(double Share, int MaxWeeks, string Source, IReadOnlyDictionary<string, string> Exempt);

/// <summary>
/// The plausible magnitudes of the shipped scenarios (issue 15 item 2), declared once: docs/validation.md
/// prints this table and measures every shipped scenario against it ("The shipped scenarios: magnitudes
/// and stages"). The activists of a scenario are a movement's mobilization potential (Klandermans &amp;
/// Oegema 1987), of which only a few per cent take part even at a historic peak. A range changes only with
/// a source, never to make a scenario pass.
/// </summary>
public static class MagnitudeTargets
{
    /// <summary>The ranges of peak participation, by scenario.</summary>
    public static IReadOnlyList<MagnitudeTarget> Ranges { get; } =
    [
        new(["open-pos", "boomerang", "wave"], "a strong movement at its height", 0.03, 0.15,
            "Klandermans & Oegema (1987): a few per cent of the potential at a historic peak; 15% allows for a potential defined " +
            "narrowly (sympathizers already close to the movement)"),
        new(["japan-2007"], "Japan's migrant support movement under a tight POS", 0.005, 0.05,
            "the survey's \"low peaks\" (Vogt & Lersch 2007; MODEL.md fact 7): small local cycles at most", Below: "open-pos"),
    ];

    /// <summary>The bound of every scenario that stands for a movement.</summary>
    public static PeakCap Cap { get; } = new(0.35, 4,
        "Chenoweth (2020): 3.5% of a population is already exceptional; a potential is at most a tenth of a population",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["granovetter"] = "the model reduced to Granovetter's (1978) riot of 100 people: the whole crowd rioting is the fact it reproduces (fact 9), not a movement's potential",
        });

    /// <summary>The range <paramref name="scenario"/> (its <c>name:</c>) is held to, or null.</summary>
    public static MagnitudeTarget? For(string scenario) => Ranges.FirstOrDefault(t => t.Scenarios.Contains(scenario, StringComparer.Ordinal));
}
