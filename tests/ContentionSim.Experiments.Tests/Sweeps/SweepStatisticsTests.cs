using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>Mean, standard deviation and Student-t confidence intervals against hand-computed values.</summary>
public class SweepStatisticsTests
{
    [Theory]
    [InlineData(1, 12.7062047)]
    [InlineData(2, 4.3026527)]
    [InlineData(4, 2.7764451)]
    [InlineData(9, 2.2621572)]
    [InlineData(19, 2.0930241)]
    [InlineData(29, 2.0452296)]
    [InlineData(1000, 1.9623391)]
    public void Student_t_quantiles_match_the_tables(double df, double expected)
    {
        Assert.Equal(expected, SweepStatistics.StudentTQuantile(0.975, df), 6);
        Assert.Equal(-expected, SweepStatistics.StudentTQuantile(0.025, df), 6);
    }

    [Fact]
    public void The_t_distribution_function_and_its_helpers_are_right()
    {
        Assert.Equal(0.5, SweepStatistics.StudentTCdf(0, 5), 12);
        Assert.Equal(0.75, SweepStatistics.StudentTCdf(1, 1), 10);                 // Cauchy: 1/2 + atan(1)/π
        Assert.Equal(Math.Log(24), Experiments.Validation.Statistics.LogGamma(5), 10);              // Γ(5) = 4!
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), Experiments.Validation.Statistics.LogGamma(0.5), 10);
        Assert.Equal(0.5, SweepStatistics.RegularizedIncompleteBeta(2, 2, 0.5), 12);
        Assert.Equal(0.1808, SweepStatistics.RegularizedIncompleteBeta(2, 3, 0.2), 10); // Σ_{j=2..4} C(4, j) 0.2^j 0.8^(4−j)
    }

    [Fact]
    public void Describe_gives_mean_sd_and_the_95_percent_interval()
    {
        // 1..5: mean 3, variance 2.5, sd 1.5811388; half-width 2.776445 · 1.5811388 / √5 = 1.963243.
        var s = SweepStatistics.Describe([1, 2, 3, 4, 5]);
        Assert.Equal(5, s.N);
        Assert.Equal(3, s.Mean, 12);
        Assert.Equal(1.5811388, s.Sd, 6);
        Assert.Equal(3 - 1.963243, s.CiLow, 5);
        Assert.Equal(3 + 1.963243, s.CiHigh, 5);

        // Two values 0.2 and 0.4: mean 0.3, sd 0.1414214, half-width 12.706205 · 0.1414214 / √2 = 1.2706205.
        var two = SweepStatistics.Describe([0.2, 0.4, double.NaN]);
        Assert.Equal(2, two.N);
        Assert.Equal(0.3, two.Mean, 12);
        Assert.Equal(0.1414214, two.Sd, 6);
        Assert.Equal(0.3 - 1.2706205, two.CiLow, 5);

        var constant = SweepStatistics.Describe([7, 7, 7]);
        Assert.Equal(0, constant.Sd);
        Assert.Equal(7, constant.CiLow);

        var one = SweepStatistics.Describe([4]);
        Assert.Equal(4, one.Mean);
        Assert.True(double.IsNaN(one.Sd) && double.IsNaN(one.CiLow));
        Assert.Equal(0, SweepStatistics.Describe([]).N);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepStatistics.StudentTQuantile(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepStatistics.StudentTQuantile(0.9, 0));
    }
}
