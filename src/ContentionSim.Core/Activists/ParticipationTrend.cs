namespace ContentionSim.Core.Activists;

/// <summary>
/// One movement's averages of participation and what its activists read from them next tick: momentum (efficacy, and
/// escalation when negative) and decline from the recent peak (the radical flank's signal) — docs/ODD.md 7.6, steps 3
/// and 4. A value: <see cref="Next"/> gives the trend after one more tick.
/// </summary>
/// <param name="Fast">Fast average of participation (a share of the movement's activists).</param>
/// <param name="Slow">Slow average of participation.</param>
/// <param name="RecentPeak">The remembered recent peak of the fast average, fading towards the present.</param>
/// <param name="Momentum">(Fast − Slow) relative to the slow average (at least the floor), in [−1, 1].</param>
/// <param name="Decline">The share of the recent peak that has been lost, in [0, 1].</param>
public readonly record struct ParticipationTrend(double Fast, double Slow, double RecentPeak, double Momentum, double Decline)
{
    /// <summary>Weight of the newest tick in the fast average of participation behind momentum.</summary>
    public const double FastTrend = 0.3;
    /// <summary>Weight of the newest tick in the slow average of participation behind momentum.</summary>
    public const double SlowTrend = 0.05;
    /// <summary>
    /// Smallest number of people taking part that momentum and decline are measured against, so the noise of a handful
    /// of participants is not read as a surge: the floor of the slow average is this many of the movement's activists.
    /// A count of people, not a share, because the noise it guards against is that of a count (the fast average of a
    /// Poisson count of ten varies by about 13%), and a share would silence the bandwagon of a large movement whose
    /// participation is a few percent of its potential (docs/ODD.md 7.6).
    /// </summary>
    public const double MomentumFloorPeople = 10;
    /// <summary>Share per tick by which the remembered recent peak of participation fades towards the present (half-life about 34 ticks).</summary>
    public const double PeakFade = 0.02;

    /// <summary>The floor of the denominators as a share of a movement of <paramref name="activists"/>: <see cref="MomentumFloorPeople"/> of them (all of a movement smaller than that).</summary>
    public static double Floor(int activists) => activists > 0 ? Math.Min(1, MomentumFloorPeople / activists) : 1;

    /// <summary>The trend after a tick in which <paramref name="active"/> of the movement's <paramref name="activists"/> took part.</summary>
    public ParticipationTrend Next(int active, int activists)
    {
        double participation = activists > 0 ? (double)active / activists : 0;
        double floor = Floor(activists);
        double fast = Fast + FastTrend * (participation - Fast);
        double slow = Slow + SlowTrend * (participation - Slow);
        double peak = Math.Max(fast, RecentPeak * (1 - PeakFade));
        return new ParticipationTrend(fast, slow, peak,
            Math.Clamp((fast - slow) / Math.Max(slow, floor), -1, 1),
            Math.Clamp((peak - fast) / Math.Max(peak, floor), 0, 1));
    }
}
