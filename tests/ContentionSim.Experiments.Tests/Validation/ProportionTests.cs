using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Wilson score intervals against published values.</summary>
public class ProportionTests
{
    [Theory]
    [InlineData(5, 10, 0.2365931, 0.7634069)]
    [InlineData(0, 10, 0.0, 0.2775328)]
    [InlineData(10, 10, 0.7224672, 1.0)]
    [InlineData(81, 263, 0.2553, 0.3662)] // Newcombe (1998), example (a): 81/263
    public void Wilson_intervals_match_published_values(int k, int n, double low, double high)
    {
        var e = Proportion.Wilson(k, n);
        Assert.Equal((double)k / n, e.Value, 12);
        Assert.Equal(low, e.Low, 4);
        Assert.Equal(high, e.High, 4);
    }

    [Fact]
    public void No_observations_give_no_estimate_and_bad_counts_throw()
    {
        Assert.Equal(0, Proportion.Wilson(0, 0).N);
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(3, 2));
        Assert.Equal(Proportion.Wilson(2, 3), Proportion.Wilson([true, false, true]));
    }
}
