using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Tests;

/// <summary>Draws of per-activist attributes from a scenario's distributions (100,000 each).</summary>
public class SamplingTests
{
    private static double[] Sample(Distribution d, ulong seed = 3, int n = 100_000)
    {
        var rng = new Rng(seed);
        var xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = d.Draw(ref rng);
        return xs;
    }

    private static (double Mean, double Sd) Moments(double[] xs)
    {
        double m = xs.Average();
        return (m, Math.Sqrt(xs.Average(x => (x - m) * (x - m))));
    }

    [Fact]
    public void Constant_always_gives_its_value()
    {
        Assert.All(Sample(Distribution.Constant(0.37), n: 1000), x => Assert.Equal(0.37, x));
    }

    [Fact]
    public void Uniform_stays_within_its_bounds_with_the_right_mean()
    {
        var xs = Sample(Distribution.Uniform(0.2, 0.6));

        Assert.All(xs, x => Assert.InRange(x, 0.2, 0.6));
        Assert.InRange(xs.Average(), 0.398, 0.402); // standard error 0.00037
    }

    [Fact]
    public void Normal_is_clamped_to_its_bounds()
    {
        var xs = Sample(Distribution.Normal(0.55, 0.3));

        Assert.All(xs, x => Assert.InRange(x, 0.0, 1.0));
        Assert.Contains(0.0, xs); // the tails pile up at the bounds rather than being redrawn
        Assert.Contains(1.0, xs);
    }

    [Fact]
    public void Beta_has_the_requested_mean_and_sd()
    {
        // The default grievance distribution.
        var (mean, sd) = Moments(Sample(Distribution.Beta(0.45, 0.15)));

        Assert.InRange(mean, 0.447, 0.453); // standard error 0.00047
        Assert.InRange(sd, 0.145, 0.155);
    }

    [Fact]
    public void Beta_is_rescaled_to_its_bounds()
    {
        var d = new Distribution { Kind = DistributionKind.Beta, Mean = 20, Sd = 5, Min = 10, Max = 40 };
        var xs = Sample(d);
        var (mean, sd) = Moments(xs);

        Assert.All(xs, x => Assert.InRange(x, 10, 40));
        Assert.InRange(mean, 19.9, 20.1);
        Assert.InRange(sd, 4.8, 5.2);
    }

    [Fact]
    public void A_beta_wider_than_possible_still_draws_within_bounds()
    {
        // sd 0.6 about mean 0.5 exceeds the largest possible (0.5): it is capped, not an error.
        var xs = Sample(Distribution.Beta(0.5, 0.6), n: 10_000);

        Assert.All(xs, x => Assert.InRange(x, 0.0, 1.0));
        Assert.All(xs, x => Assert.False(double.IsNaN(x)));
    }
}
