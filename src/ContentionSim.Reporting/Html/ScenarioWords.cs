using ContentionSim.Core.Organizations;
using System.Globalization;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Reporting.Html;

/// <summary>
/// A scenario in plain words for a class: who the activists are, their organizations, how open the
/// state is, how likely alliances abroad are, public opinion and scheduled events. Numbers are given
/// with the scenario key they come from, so a student can find them in the YAML.
/// </summary>
public static class ScenarioWords
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A paragraph of the description: a heading and its sentences.</summary>
    public sealed record Paragraph(string Heading, string Text);

    /// <summary>The scenario in paragraphs, in a fixed order.</summary>
    public static IReadOnlyList<Paragraph> Describe(Scenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string unit = Unit(s.TimeUnit);
        var list = new List<Paragraph>
        {
            new("The activists", Activists(s)),
            new("Their organizations", Organizations(s)),
            new("The state", State(s, unit)),
            new("Allies abroad", Allies(s, unit)),
            new("Public opinion", Public(s)),
        };
        if (s.Events.Count > 0) list.Add(new("Scheduled events", Events(s, unit)));
        list.Add(new("The run", string.Format(Inv, "{0:N0} {1} (one tick is a {2}), seed {3}.", s.Ticks, Plural(unit), unit, s.Seed)));
        return list;
    }

    // ---- the activists --------------------------------------------------------------------------

    private static string Activists(Scenario s)
    {
        var parts = new List<string>();
        if (s.Movements.Count == 1)
        {
            var m = s.Movements[0];
            parts.Add(string.Format(Inv, "{0:N0} activists in one movement, {1}.", m.Activists.EffectiveCount, Quote(m.Name)));
            parts.Add(Person(m.Activists));
        }
        else
        {
            parts.Add(string.Format(Inv, "{0:N0} activists in {1} movements whose mobilization spills over (spillover {2}): ",
                s.TotalActivists, s.Movements.Count, N(s.Spillover)) +
                string.Join("; ", s.Movements.Select(m => string.Format(Inv, "{0} ({1:N0}, mean grievance {2}{3})",
                    Quote(m.Name), m.Activists.EffectiveCount, N(m.Activists.Grievance.Mean),
                    m.GrievanceShift != 0 ? string.Format(Inv, ", shifted by {0}", N(m.GrievanceShift)) : ""))) + ".");
            parts.Add(Person(s.Movements[0].Activists) + (s.Movements.Count > 1 ? " (first movement; the others are described in the YAML)" : ""));
        }
        parts.Add(Network(s));
        return string.Join(" ", parts);
    }

    private static string Person(ActivistParameters a)
    {
        var sb = new List<string>
        {
            string.Format(Inv, "Their hardship (grievance) averages {0} on a scale from 0 to 1 — {1}.", N(a.Grievance.Mean), Level(a.Grievance.Mean)),
        };
        if (a.ThresholdUnit == ThresholdUnit.People)
            sb.Add(a.Thresholds.Count > 0
                ? string.Format(Inv, "Each acts when at least as many of the people they know act as their own threshold; the thresholds are listed one by one ({0} of them).", a.Thresholds.Count)
                : string.Format(Inv, "Each acts when about {0} of the people they know act (their threshold).", N(a.Threshold.Mean)));
        else
            sb.Add(string.Format(Inv,
                "They weigh the risk of repression (risk aversion averages {0}: {1}) and join when grievance, the pull of active friends and their organization's call outweigh it; the threshold averages {2}.",
                N(a.RiskAversion.Mean), Level(a.RiskAversion.Mean), N(a.Threshold.Mean)));
        sb.Add(string.Format(Inv, "{0} belong to an organization; {1} hold the movement's frame (its interpretation of the injustice) at the start.",
            Pct(a.Membership), Pct(a.InitialFrameAdoption)));
        sb.Add(string.Format(Inv, "Taking part tires them (energy cost {0} a tick, rest restores {1}); repression and frustration radicalize them (rate {2}).",
            N(a.EnergyCost), N(a.EnergyRecovery), N(a.RadicalizationRate)));
        return string.Join(" ", sb);
    }

    private static string Network(Scenario s) => s.Network.Kind switch
    {
        NetworkKind.None => "They have no ties to one another.",
        NetworkKind.Complete => "Everybody knows everybody (a complete network).",
        NetworkKind.Random => string.Format(Inv, "Each knows about {0} others at random.", s.Network.Degree),
        _ => string.Format(Inv, "Each knows about {0} others, mostly neighbours with a few long ties (a small world).", s.Network.Degree),
    };

    // ---- organizations --------------------------------------------------------------------------

    private static string Organizations(Scenario s)
    {
        // The organizations built at the scenario's population (each group's per-1,000 size, rounded as the model does).
        var groups = s.Movements
            .SelectMany(m => m.Organizations.Zip(OrganizationLayer.GroupCounts(m.Organizations, m.Activists.EffectiveCount), (g, n) => (Group: g, Count: n)))
            .Where(x => x.Count > 0).ToList();
        int total = groups.Sum(g => g.Count);
        if (total == 0) return "None: activists act on their own and through their ties.";
        var kinds = groups.GroupBy(g => g.Group.Kind).OrderBy(g => g.Key)
            .Select(g => { int n = g.Sum(x => x.Count); return string.Format(Inv, "{0} {1}", n, KindName(g.Key, n)); });
        double service = 0, advocacy = 0, publicShare = 0, volunteers = 0;
        foreach (var (g, count) in groups.Select(x => (x.Group, x.Count)))
        {
            service += count * (g.Counselling + g.LanguageClasses);
            advocacy += count * (g.Framing + g.Mobilization + g.Lobbying * g.LobbyingRate);
            publicShare += g.PublicInformation ? count : 0;
            volunteers += count * g.Volunteers.Mean;
        }
        service /= total * 2;
        advocacy /= total * 3;
        publicShare /= total;
        string focus = service > advocacy * 1.3
            ? "They are mostly service providers (counselling, language classes) rather than advocates"
            : advocacy > service * 1.3
                ? "They are mostly advocates (framing, mobilization, lobbying) rather than service providers"
                : "They split their effort between service (counselling, language classes) and advocacy (framing, mobilization, lobbying)";
        string info = publicShare switch
        {
            0 => "their information is for members only",
            1 => "their information is public",
            _ => string.Format(Inv, "{0} of them publish their information, the rest keep it for members", Pct(publicShare)),
        };
        return string.Format(Inv, "{0} organization{1}: {2}, with about {3:N0} volunteers each. {4}: service on {5} of {6}s, advocacy on {7}; {8}.",
            total, total == 1 ? "" : "s", Join(kinds.ToList()), volunteers / total, focus, Pct(service), Unit(s.TimeUnit), Pct(advocacy), info);
    }

    /// <summary>Shipper's kinds of organization in words, singular or plural.</summary>
    public static string KindName(OrganizationKind kind, int count)
    {
        bool one = count == 1;
        return kind switch
        {
            OrganizationKind.ChristianNgo => one ? "Christian NGO" : "Christian NGOs",
            OrganizationKind.CommunityUnion => one ? "community workers' union" : "community workers' unions",
            OrganizationKind.WomensSupport => one ? "women's support group" : "women's support groups",
            OrganizationKind.MedicalNgo => one ? "medical NGO" : "medical NGOs",
            OrganizationKind.LawyersNgo => one ? "lawyers' NGO" : "lawyers' NGOs",
            OrganizationKind.ConcernedCitizens => one ? "concerned citizens' group" : "concerned citizens' groups",
            _ => kind.ToString(),
        };
    }

    // ---- the state ------------------------------------------------------------------------------

    private static string State(Scenario s, string unit)
    {
        var st = s.State;
        if (!st.Enabled) return "Switched off: nobody represses, negotiates or concedes.";
        double o = st.Openness;
        double repress = st.RepressionPropensity * (1 - o), facilitate = st.Responsiveness * o;
        var parts = new List<string>
        {
            string.Format(Inv, "The political opportunity structure is {0} (openness {1} of 1): {2}.", OpennessWord(o), N(o), OpennessMeaning(o)),
            string.Format(Inv,
                "At this openness its inclination to repress (repression_propensity × (1 − openness) = {0} × {1} = {2}) {3} its readiness to talk, concede and co-opt (responsiveness × openness = {4} × {5} = {6}){7}.",
                N(st.RepressionPropensity), N(1 - o), N(repress), repress > facilitate ? "outweighs" : repress < facilitate ? "is outweighed by" : "equals",
                N(st.Responsiveness), N(o), N(facilitate),
                repress > facilitate ? ": expect arrests rather than talks" : repress < facilitate ? ": expect talks and co-optation rather than arrests" : ""),
            string.Format(Inv, "It ignores mobilization below {0} of the activists, can arrest up to {1} of the active a {2} when it represses fully, and holds those arrested {3:N0} {4}.",
                Pct(st.Tolerance), Pct(st.RepressionCapacity), unit, st.RepressionTerm, Plural(unit)),
        };
        if (st.ThreatFraming > 0)
            parts.Add(string.Format(Inv, "It campaigns to paint the movement as a threat (threat framing {0}), which erodes public sympathy.", N(st.ThreatFraming)));
        parts.Add(string.Format(Inv, "Pressure from abroad moves it {0} (vulnerability {1}).", VulnerabilityWord(st.Vulnerability), N(st.Vulnerability)));
        return string.Join(" ", parts);
    }

    private static string OpennessWord(double o) => o switch
    {
        < 0.25 => "tight",
        < 0.45 => "rather closed",
        < 0.6 => "neither tight nor open",
        < 0.8 => "rather open",
        _ => "open",
    };

    private static string OpennessMeaning(double o) => o switch
    {
        < 0.25 => "groups are blocked from national decision making and the state molds civil society",
        < 0.45 => "groups reach local authorities but rarely national government",
        < 0.6 => "some claims get a hearing, others are blocked",
        < 0.8 => "groups are often heard and the state prefers talks to arrests",
        _ => "the state listens, negotiates and absorbs claims",
    };

    private static string VulnerabilityWord(double v) => v switch
    {
        < 0.2 => "hardly at all",
        < 0.4 => "a little",
        < 0.6 => "moderately",
        < 0.8 => "a lot",
        _ => "very much",
    };

    // ---- allies abroad --------------------------------------------------------------------------

    private static string Allies(Scenario s, string unit)
    {
        var t = s.Transnational;
        if (!t.Enabled) return "None: no NGOs or international organizations abroad to ally with.";
        return string.Format(Inv,
            "An organization blocked by its own state allies with NGOs or international organizations abroad with probability {0} — {1} (the boomerang pattern). " +
            "Each standing alliance per 1,000 activists adds {2} outside pressure a {3}, which fades by {4} a {3} unless kept up; pressure pries the state open (effective openness rises with vulnerability × pressure) and makes repression costlier.",
            N(t.AllianceProbability), ProbabilityWord(t.AllianceProbability), N(t.PressurePerAlliancePerThousand), unit, Pct(t.PressureDecay));
    }

    private static string ProbabilityWord(double p) => p switch
    {
        <= 0 => "never",
        < 0.02 => "almost never",
        < 0.1 => "rarely",
        < 0.3 => "now and then",
        < 0.6 => "often",
        _ => "very often",
    };

    // ---- public opinion, events -----------------------------------------------------------------

    private static string Public(Scenario s)
    {
        var p = s.Public;
        if (!p.Enabled) return string.Format(Inv, "Not modelled: sympathy stays at {0}.", N(p.InitialSympathy));
        return string.Format(Inv,
            "Sympathy for the movement starts at {0} — {1}. It rises with public information and with repression of peaceful protest, and falls with violence{2}; it helps recruitment and makes repression costlier.",
            N(p.InitialSympathy), Level(p.InitialSympathy), s.State.Enabled && s.State.ThreatFraming > 0 ? " and with the state's threat framing" : "");
    }

    private static string Events(Scenario s, string unit) =>
        string.Join(" ", s.Events.OrderBy(e => e.At).Select(e =>
        {
            string label = string.IsNullOrWhiteSpace(e.Label) ? "" : $" ({e.Label})";
            return e.Until is int until
                ? string.Format(Inv, "From {0} {1} to {0} {2}, {3} moves to {4}{5}.", unit, e.At, until, e.Set, N(e.Value), label)
                : string.Format(Inv, "At {0} {1}, {2} becomes {3}{4}.", unit, e.At, e.Set, N(e.Value), label);
        }));

    // ---- words ----------------------------------------------------------------------------------

    private static string Level(double x) => x switch
    {
        < 0.2 => "very low",
        < 0.4 => "low",
        < 0.6 => "moderate",
        < 0.8 => "high",
        _ => "very high",
    };

    /// <summary>A number with at most three decimals, e.g. 0.15.</summary>
    public static string N(double x)
    {
        string s = Math.Round(x, 3, MidpointRounding.AwayFromZero).ToString("0.###", Inv);
        return s == "-0" ? "0" : s;
    }

    /// <summary>A share as a whole percentage, or with one decimal below 10%: 25%, 2.5%.</summary>
    public static string Pct(double share)
    {
        double pct = share * 100;
        string s = Math.Abs(pct) < 10 && pct != Math.Round(pct)
            ? Math.Round(pct, 1, MidpointRounding.AwayFromZero).ToString("0.#", Inv)
            : Math.Round(pct, 0, MidpointRounding.AwayFromZero).ToString("0", Inv);
        return (s == "-0" ? "0" : s) + "%";
    }

    private static string Quote(string name) => $"“{name}”";

    private static string Join(List<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>The time unit, "tick" when none is set.</summary>
    public static string Unit(string? unit) => string.IsNullOrWhiteSpace(unit) ? "tick" : unit.Trim();

    /// <summary>Plural of a time unit: weeks, days, minutes.</summary>
    public static string Plural(string unit) => Plots.FigureStyle.Plural(unit);
}
