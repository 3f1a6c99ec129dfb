using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>The least-squares quadratic: exact data, intervals, vertex.</summary>
public class QuadraticFitTests
{
    private static readonly double[] Xs = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();

    [Fact]
    public void Exact_data_give_the_exact_coefficients_and_vertex()
    {
        var fit = QuadraticFit.Fit(Xs, Xs.Select(x => 0.1 + 0.8 * x - 0.8 * x * x).ToArray());
        Assert.Equal(0.1, fit.Intercept.Value, 10);
        Assert.Equal(0.8, fit.Linear.Value, 10);
        Assert.Equal(-0.8, fit.Quadratic.Value, 10);
        Assert.Equal(0.5, fit.Vertex, 10);
        Assert.Equal(0.3, fit.At(0.5), 10);
        Assert.True(fit.Quadratic.High - fit.Quadratic.Low < 1e-8);
    }

    [Fact]
    public void Noisy_data_give_intervals_that_cover_the_truth()
    {
        // Replicated x with symmetric, deterministic noise.
        var x = Xs.SelectMany(v => new[] { v, v, v }).ToArray();
        var y = x.Select((v, i) => 1 - 2 * v * v + (i % 3 - 1) * 0.05).ToArray();
        var fit = QuadraticFit.Fit(x, y);
        Assert.Equal(-2, fit.Quadratic.Value, 8);
        Assert.True(fit.Quadratic.Low < -2 && fit.Quadratic.High > -2);
        Assert.True(fit.Quadratic.High < 0);
        // Half-width: t(0.975, n − 3) · s · √[(XᵀX)⁻¹]₂₂; s² = Σe²/(n − 3) = 22·0.0025/30.
        Assert.Equal(33, fit.Quadratic.N);
        Assert.Equal(Math.Sqrt(22 * 0.0025 / 30), fit.ResidualSd, 10);
    }

    [Fact]
    public void Fewer_than_three_distinct_x_cannot_be_fitted() =>
        Assert.Throws<ArgumentException>(() => QuadraticFit.Fit([0, 0, 1, 1], [1, 2, 3, 4]));
}
