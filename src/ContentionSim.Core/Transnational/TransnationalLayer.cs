using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Organizations;

namespace ContentionSim.Core.Transnational;

/// <summary>An alliance of a domestic organization with NGOs abroad or an international organization.</summary>
public sealed class Alliance(Organization organization, bool international, int formedTick)
{
    public Organization Organization { get; } = organization;
    public bool International { get; } = international;
    public int FormedTick { get; } = formedTick;
    public int? LapsedTick { get; internal set; }
    public bool Standing => LapsedTick is null;
}

/// <summary>
/// Transnational allies (Keck &amp; Sikkink's boomerang): alliances formed by blocked
/// organizations put pressure on the state from outside. Pressure accumulates while
/// alliances stand, amplified by the movement's activity (information politics), and
/// fades unless kept up.
/// </summary>
public sealed class TransnationalLayer : ISteppedLayer
{
    private readonly List<Alliance> _alliances = [];
    private SimulationContext _ctx = null!;

    public IReadOnlyList<Alliance> Alliances => _alliances;
    /// <summary>Outside pressure on the state (0 and up; its effect saturates, see the state).</summary>
    public double Pressure { get; private set; }
    public int StandingAlliances { get; private set; }

    public void InitLayer(SimulationContext context) => _ctx = context;

    internal void Form(Organization organization, bool international, int tick)
    {
        _alliances.Add(new Alliance(organization, international, tick));
        organization.StandingAlliances++;
        StandingAlliances++;
    }

    /// <summary>Runs after the organizations (registered after them): alliances lapse or stand, pressure moves.</summary>
    public void PreTick()
    {
        var p = _ctx.Scenario.Transnational;
        var rng = _ctx.Random.For("transnational", 0, _ctx.CurrentTick);
        if (!p.Enabled)
        {
            Pressure = 0;
            return;
        }
        foreach (var a in _alliances)
        {
            if (!a.Standing || a.Organization.AdvocatedThisTick) continue;
            if (rng.Chance(p.AllianceLapse))
            {
                a.LapsedTick = _ctx.CurrentTick;
                a.Organization.StandingAlliances--;
                StandingAlliances--;
            }
        }
        var activists = _ctx.GetLayer<ActivistLayer>();
        var tallies = activists.Tallies;
        long active = 0, total = 0;
        foreach (var t in tallies) { active += t.Active; total += t.Total; }
        double participation = total > 0 ? (double)active / total : 0;
        Pressure = Pressure * (1 - p.PressureDecay) + p.PressurePerAlliance * StandingAlliances * (1 + participation);
        double boost = 1 + p.InformationAmplification * Saturated(Pressure);
        foreach (var s in activists.Signals)
        {
            s.FrameBoost = boost;
            s.Attention = Saturated(Pressure);
        }
    }

    /// <summary>The saturating effect of pressure, 1 − e^(−pressure), in [0, 1).</summary>
    public static double Saturated(double pressure) => 1 - Math.Exp(-pressure);

    public void Tick() { }
    public void PostTick() { }
}
