using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Spearman's ρ, its ranks with ties, and its Fisher-z interval.</summary>
public class RankCorrelationTests
{
    [Fact]
    public void Rho_without_ties_is_one_minus_six_sum_d_squared_over_n_n2_minus_1()
    {
        var e = RankCorrelation.Spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
        Assert.Equal(0.8, e.Value, 12); // Σd² = 4: 1 − 24/120
        Assert.Equal(1, RankCorrelation.Spearman([1, 2, 3, 4], [10, 20, 30, 1000]).Value, 12);
        Assert.Equal(-1, RankCorrelation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]).Value, 12);
    }

    [Fact]
    public void Ties_get_their_mean_rank()
    {
        Assert.Equal([1, 2.5, 2.5, 4], RankCorrelation.Ranks([1, 2, 2, 3]));
        Assert.Equal(4.5 / Math.Sqrt(22.5), RankCorrelation.Spearman([1, 2, 2, 3], [1, 2, 3, 4]).Value, 12);
    }

    [Fact]
    public void The_interval_is_Fisher_z_with_the_Fieller_standard_error()
    {
        // 30 pairs with ρ = 0.8 (a fixed permutation), interval tanh(atanh ρ ± 1.96 √(1.06/27)).
        var x = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();
        var y = x.Select(v => v + 8 * Math.Sin(v * 12.9898)).ToArray();
        var e = RankCorrelation.Spearman(x, y);
        double z = Math.Atanh(e.Value), se = Math.Sqrt(1.06 / 27);
        Assert.Equal(Math.Tanh(z - 1.959963985 * se), e.Low, 8);
        Assert.Equal(Math.Tanh(z + 1.959963985 * se), e.High, 8);
        Assert.True(e.Low < e.Value && e.Value < e.High);
        Assert.Equal(30, e.N);
    }

    [Fact]
    public void Constant_data_has_no_correlation() =>
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 1, 1, 1, 1], [1, 2, 3, 4, 5]).Value));
}
