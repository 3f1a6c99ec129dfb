using ContentionSim.Core.Activists;

namespace ContentionSim.Core.Tests;

/// <summary>
/// Momentum and decline (docs/ODD.md 7.6) read a movement's rise relative to its own level, whatever its size: the floor
/// that keeps the noise of a handful of participants from being read as a surge is a number of people, so it does not
/// silence the bandwagon of a large movement whose participation is a few percent of its potential.
/// </summary>
public class ParticipationTrendTests
{
    /// <summary>The trend after <paramref name="ticks"/> ticks at <paramref name="from"/> and as many at <paramref name="to"/> (shares of the activists).</summary>
    private static ParticipationTrend Path(int activists, double from, double to, int ticks = 60)
    {
        var trend = default(ParticipationTrend);
        for (int t = 0; t < ticks; t++) trend = trend.Next((int)Math.Round(from * activists), activists);
        for (int t = 0; t < 5; t++) trend = trend.Next((int)Math.Round(to * activists), activists);
        return trend;
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void A_rise_from_one_to_two_percent_is_read_the_same_at_any_size_above_the_floor(int activists)
    {
        var reference = Path(2_000, 0.01, 0.02);
        var rise = Path(activists, 0.01, 0.02);

        // Five ticks after participation doubled the fast average has closed most of the gap: a strong surge.
        Assert.InRange(rise.Momentum, 0.5, 1);
        Assert.Equal(reference.Momentum, rise.Momentum, 9);
    }

    [Fact]
    public void The_same_fall_reads_as_the_same_decline_in_a_small_and_a_large_movement()
    {
        var small = Path(2_000, 0.02, 0.01);
        var large = Path(1_000_000, 0.02, 0.01);

        Assert.InRange(large.Decline, 0.3, 0.5);
        Assert.Equal(small.Decline, large.Decline, 9);
        Assert.True(large.Momentum < -0.3, $"momentum {large.Momentum} after participation halved");
    }

    [Fact]
    public void A_handful_of_participants_doubling_is_not_read_as_a_surge()
    {
        // Three people becoming six among 100,000: below the floor of ten people the rise is divided by ten people, not by three.
        var few = Path(100_000, 0.00003, 0.00006);
        var many = Path(100_000, 0.003, 0.006);

        Assert.True(few.Momentum < 0.5 * many.Momentum, $"momentum of 3 → 6 people {few.Momentum}, of 300 → 600 {many.Momentum}");
        Assert.Equal(many.Momentum * few.Slow / ParticipationTrend.Floor(100_000), few.Momentum, 9);
        Assert.Equal(10.0 / 100_000, ParticipationTrend.Floor(100_000), 12);
        Assert.Equal(1, ParticipationTrend.Floor(5));
    }
}
