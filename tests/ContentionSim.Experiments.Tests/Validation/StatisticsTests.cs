using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Means, paired and Welch differences, and Student's t quantiles against known values.</summary>
public class StatisticsTests
{
    [Theory]
    [InlineData(1, 12.706204736)]
    [InlineData(4, 2.776445105)]
    [InlineData(9, 2.262157163)]
    [InlineData(29, 2.045229642)]
    [InlineData(1000, 1.962339081)]
    public void T_quantiles_match_tables(double df, double expected) =>
        Assert.Equal(expected, Statistics.StudentTQuantile(0.975, df), 6);

    [Fact]
    public void The_mean_has_a_t_interval()
    {
        var e = Statistics.Mean([1, 2, 3, 4, 5]);
        Assert.Equal(3, e.Value, 12);
        // sd = √2.5, se = √0.5, t(0.975, 4) = 2.776445
        Assert.Equal(3 - 2.776445105 * Math.Sqrt(0.5), e.Low, 6);
        Assert.Equal(3 + 2.776445105 * Math.Sqrt(0.5), e.High, 6);
        Assert.Equal(5, e.N);
    }

    [Fact]
    public void Missing_values_are_left_out_and_one_value_has_no_interval()
    {
        var e = Statistics.Mean([double.NaN, 2, double.NaN]);
        Assert.Equal(2, e.Value);
        Assert.False(e.HasInterval);
        Assert.Equal(1, e.N);
        Assert.Equal(0, Statistics.Mean([]).N);
    }

    [Fact]
    public void Paired_differences_are_the_mean_of_per_pair_differences()
    {
        double[] a = [10, 12, 14, 16, double.NaN];
        double[] b = [9, 10, 11, 12, 5];
        var d = Statistics.PairedDifference(a, b);
        Assert.Equal(4, d.N); // the pair with a missing value is dropped
        Assert.Equal(2.5, d.Value, 12); // differences 1, 2, 3, 4
        var direct = Statistics.Mean([1, 2, 3, 4]);
        Assert.Equal(direct.Low, d.Low, 12);
        Assert.Equal(direct.High, d.High, 12);
        Assert.Throws<ArgumentException>(() => Statistics.PairedDifference([1], [1, 2]));
    }

    [Fact]
    public void Welch_uses_the_Welch_Satterthwaite_degrees_of_freedom()
    {
        double[] a = [1, 2, 3, 4, 5], b = [2, 4, 6, 8, 10];
        var d = Statistics.WelchDifference(b, a);
        Assert.Equal(3, d.Value, 12);
        double va = 2.5 / 5, vb = 10.0 / 5, se = Math.Sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / 4 + vb * vb / 4); // 5.882…
        Assert.Equal(5.882352941, df, 6);
        double half = Statistics.StudentTQuantile(0.975, df) * se;
        Assert.Equal(3 - half, d.Low, 9);
        Assert.Equal(3 + half, d.High, 9);
        Assert.InRange(half / se, 2.447, 2.571); // between t(6) and t(5)
    }
}
