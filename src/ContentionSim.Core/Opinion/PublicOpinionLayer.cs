using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Organizations;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Opinion;

/// <summary>
/// Public sympathy for each movement: raised by public information and by repression of
/// peaceful protest, lowered by violence and by the state's threat framing, relaxing to
/// its initial level. Feeds recruitment and the state's cost of repression.
/// </summary>
public sealed class PublicOpinionLayer : ISteppedLayer
{
    /// <summary>Sympathy lost per tick under a full threat-framing campaign.</summary>
    public const double ThreatFramingScale = 0.01;

    private SimulationContext _ctx = null!;

    public double[] Sympathy { get; private set; } = [];

    public void InitLayer(SimulationContext context)
    {
        _ctx = context;
        Sympathy = context.Scenario.Movements.Select(_ => context.Scenario.Public.InitialSympathy).ToArray();
        var signals = context.GetLayer<ActivistLayer>().Signals;
        for (int m = 0; m < signals.Length; m++) signals[m].Sympathy = Sympathy[m];
    }

    public void PreTick() { }
    public void Tick() { }

    /// <summary>Updates sympathy from what happened this tick; the activists see it next tick.</summary>
    public void PostTick()
    {
        var p = _ctx.Scenario.Public;
        var activists = _ctx.GetLayer<ActivistLayer>();
        if (!p.Enabled)
        {
            for (int m = 0; m < Sympathy.Length; m++) activists.Signals[m].Sympathy = Sympathy[m] = p.InitialSympathy;
            return;
        }
        var orgs = _ctx.GetLayer<OrganizationLayer>();
        double outside = TransnationalLayer.Saturated(_ctx.GetLayer<TransnationalLayer>().Pressure);
        double framing = _ctx.Scenario.State.Enabled ? _ctx.Scenario.State.ThreatFraming : 0;
        for (int m = 0; m < Sympathy.Length; m++)
        {
            var t = activists.Tallies[m];
            int total = Math.Max(1, t.Total);
            double information = Math.Min(1, orgs.PublicInformationShare(m) + outside);
            double peacefulRepressed = t.Active + t.Arrests > 0 ? (double)t.PeacefulArrests / (t.Active + t.Arrests) : 0;
            double violence = 1000.0 * t.ViolentActs / total;
            double s = Sympathy[m];
            s += p.InformationEffect * information * (1 - s)
                 + p.RepressionBackfire * peacefulRepressed * (1 - s)
                 - p.ViolenceEffect * violence * s
                 - ThreatFramingScale * framing * s
                 + p.Relaxation * (p.InitialSympathy - s);
            Sympathy[m] = Math.Clamp(s, 0, 1);
            activists.Signals[m].Sympathy = Sympathy[m];
        }
    }
}
