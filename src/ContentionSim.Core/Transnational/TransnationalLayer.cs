using ContentionSim.Core.Activists;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Transnational;

/// <summary>An alliance of a domestic organization with NGOs abroad or an international organization.</summary>
public sealed class Alliance(int organization, bool international, int formedTick)
{
    /// <summary>Id of the domestic organization that formed it.</summary>
    public int Organization { get; } = organization;
    /// <summary>With an international organization (else with NGOs abroad).</summary>
    public bool International { get; } = international;
    /// <summary>Tick it was formed.</summary>
    public int FormedTick { get; } = formedTick;
    /// <summary>Tick it lapsed (an alliance may lapse in a tick its organization does not advocate), or null while it stands.</summary>
    public int? LapsedTick { get; internal set; }
    /// <summary>Whether it still stands.</summary>
    public bool Standing => LapsedTick is null;
}

/// <summary>An alliance abroad formed this tick by a blocked organization (the organizations' output, the allies' input).</summary>
/// <param name="Organization">Id of the organization.</param>
/// <param name="International">With an international organization (else with NGOs abroad).</param>
internal readonly record struct AllianceFormed(int Organization, bool International);

/// <summary>The allies after their step of a tick.</summary>
/// <param name="Pressure">Outside pressure on the state (0 and up; its effect saturates).</param>
/// <param name="StandingAlliances">Alliances standing at the end of the step.</param>
/// <param name="Outside">The attention every movement's activists get from abroad this tick.</param>
internal readonly record struct AlliesStep(double Pressure, int StandingAlliances, OutsideAttention Outside);

/// <summary>
/// Transnational allies (Keck &amp; Sikkink's boomerang): alliances formed by blocked
/// organizations put pressure on the state from outside. Pressure accumulates while
/// alliances stand, amplified by the movement's activity (information politics), and
/// fades unless kept up. See docs/ODD.md 7.3.
/// </summary>
public sealed class TransnationalLayer
{
    private readonly List<Alliance> _alliances = [];
    private readonly int[] _standingOf;
    private readonly ulong _key;

    /// <param name="organizations">How many organizations there are (ids <c>0 … organizations − 1</c>).</param>
    /// <param name="random">The run's random streams (this layer draws from "transnational").</param>
    internal TransnationalLayer(int organizations, RandomStreams random)
    {
        _standingOf = new int[organizations];
        _key = random.Key("transnational");
    }

    /// <summary>Every alliance formed so far, standing or lapsed, in order of forming.</summary>
    public IReadOnlyList<Alliance> Alliances => _alliances;

    /// <summary>Alliances each organization keeps abroad (indexed by organization id), as the last step left them.</summary>
    internal ReadOnlySpan<int> StandingByOrganization => _standingOf;

    /// <summary>The allies as their last step left them (before the first tick: no pressure, no attention).</summary>
    internal AlliesStep Now { get; private set; } = new(0, 0, OutsideAttention.None);

    /// <summary>
    /// The allies' step of tick <paramref name="tick"/>: this tick's new alliances stand; alliances of
    /// organizations that did not advocate this tick may lapse; pressure moves with the standing
    /// alliances and the wave's participation of the last tick.
    /// </summary>
    /// <param name="p">The transnational parameters in force this tick.</param>
    /// <param name="tick">The tick (1-based).</param>
    /// <param name="formed">Alliances formed this tick by blocked organizations, in the order formed.</param>
    /// <param name="advocated">Whether each organization advocated this tick (framing, a call or lobbying).</param>
    /// <param name="lastTallies">What each movement's activists did last tick.</param>
    internal AlliesStep Step(TransnationalParameters p, int tick, ReadOnlySpan<AllianceFormed> formed,
        ReadOnlySpan<bool> advocated, ReadOnlySpan<MovementTally> lastTallies)
    {
        int standing = Now.StandingAlliances;
        foreach (var f in formed)
        {
            _alliances.Add(new Alliance(f.Organization, f.International, tick));
            _standingOf[f.Organization]++;
            standing++;
        }
        if (!p.Enabled)
        {
            // No pressure; the attention last given stays (it matters only if allies are switched off mid-run).
            Now = Now with { Pressure = 0, StandingAlliances = standing };
            return Now;
        }
        var rng = Rng.For(_key, 0, tick);
        foreach (var a in _alliances)
        {
            if (!a.Standing || advocated[a.Organization]) continue;
            if (rng.Chance(p.AllianceLapse))
            {
                a.LapsedTick = tick;
                _standingOf[a.Organization]--;
                standing--;
            }
        }
        long active = 0, total = 0;
        foreach (var t in lastTallies) { active += t.Active; total += t.Total; }
        double participation = total > 0 ? (double)active / total : 0;
        double pressure = Now.Pressure * (1 - p.PressureDecay) + p.PressurePerAlliance * standing * (1 + participation);
        double attention = Saturated(pressure);
        Now = new AlliesStep(pressure, standing, new OutsideAttention(1 + p.InformationAmplification * attention, attention));
        return Now;
    }

    /// <summary>The saturating effect of pressure, 1 − e^(−pressure), in [0, 1).</summary>
    public static double Saturated(double pressure) => 1 - Math.Exp(-pressure);
}
