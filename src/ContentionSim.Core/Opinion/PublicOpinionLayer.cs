using ContentionSim.Core.Activists;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Opinion;

/// <summary>
/// Public sympathy for each movement: raised by public information and by repression of
/// peaceful protest, lowered by violence and by the state's threat framing, relaxing to
/// its initial level. Feeds recruitment and the state's cost of repression. See docs/ODD.md 7.8.
/// </summary>
public sealed class PublicOpinionLayer
{
    /// <summary>Sympathy lost per tick under a full threat-framing campaign.</summary>
    public const double ThreatFramingScale = 0.01;

    private readonly double[] _sympathy;

    internal PublicOpinionLayer(Scenario scenario) =>
        _sympathy = scenario.Movements.Select(_ => scenario.Public.InitialSympathy).ToArray();

    /// <summary>Sympathy for each movement (0–1), as the last update left it.</summary>
    public ReadOnlySpan<double> Sympathy => _sympathy;

    /// <summary>Updates sympathy from what happened this tick; the activists and the state see it next tick.</summary>
    /// <param name="scenario">The parameters in force this tick.</param>
    /// <param name="tallies">What each movement's activists did this tick.</param>
    /// <param name="publicInformation">Share of each movement's organizations that spread public information this tick.</param>
    /// <param name="pressure">Outside pressure this tick.</param>
    internal ReadOnlySpan<double> Update(Scenario scenario, ReadOnlySpan<MovementTally> tallies, ReadOnlySpan<double> publicInformation, double pressure)
    {
        var p = scenario.Public;
        if (!p.Enabled)
        {
            Array.Fill(_sympathy, p.InitialSympathy);
            return _sympathy;
        }
        double outside = TransnationalLayer.Saturated(pressure);
        double framing = scenario.State.Enabled ? scenario.State.ThreatFraming : 0;
        for (int m = 0; m < _sympathy.Length; m++)
        {
            var t = tallies[m];
            int total = Math.Max(1, t.Total);
            double information = Math.Min(1, publicInformation[m] + outside);
            double peacefulRepressed = t.Active + t.Arrests > 0 ? (double)t.PeacefulArrests / (t.Active + t.Arrests) : 0;
            double violence = 1000.0 * t.ViolentActs / total;
            double s = _sympathy[m];
            s += p.InformationEffect * information * (1 - s)
                 + p.RepressionBackfire * peacefulRepressed * (1 - s)
                 - p.ViolenceEffect * violence * s
                 - ThreatFramingScale * framing * s
                 + p.Relaxation * (p.InitialSympathy - s);
            _sympathy[m] = Math.Clamp(s, 0, 1);
        }
        return _sympathy;
    }
}
