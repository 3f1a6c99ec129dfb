using ContentionSim.Methods.Abc;

namespace ContentionSim.Methods.Tests;

/// <summary>
/// Normal mean with known variance and a conjugate normal prior: n = 25 observations of N(μ, 1) with mean
/// 1.3, prior μ ~ N(0, 2²). The posterior is normal with precision 1/4 + 25 and mean 25·1.3 / (1/4 + 25)
/// (e.g. Gelman et al., Bayesian Data Analysis, §2.5). The summary statistic, the sample mean, is sufficient,
/// so ABC's posterior tends to the exact one as the tolerance shrinks.
/// </summary>
public class AbcTests
{
    private const int Observations = 25;
    private const double Observed = 1.3, PriorMean = 0, PriorSd = 2;
    private static readonly double PostVar = 1 / (1 / (PriorSd * PriorSd) + Observations);
    private static readonly double PostMean = PostVar * (PriorMean / (PriorSd * PriorSd) + Observations * Observed);
    private static readonly double PostSd = Math.Sqrt(PostVar);

    private static IReadOnlyList<double[]?> Simulate(IReadOnlyList<AbcProposal> batch) =>
        batch.Select(p =>
        {
            var rng = new StreamRandom(p.Seed);
            double sum = 0;
            for (int i = 0; i < Observations; i++) sum += p.Theta[0] + rng.NextNormal();
            return (double[]?)[sum / Observations];
        }).ToArray();

    private static readonly Func<double[], double> Distance = AbcDistance.ScaledEuclidean([Observed], [1.0]);

    [Fact]
    public void Abc_smc_recovers_the_conjugate_normal_posterior()
    {
        var parameters = new[] { new AbcParameter("mu", new NormalPrior(PriorMean, PriorSd)) };
        var options = new AbcSmcOptions { Particles = 1000, InitialDraws = 4000, Generations = 12, TargetEpsilon = 0.02 };
        var populations = AbcSmc.Run(parameters, Simulate, Distance, options, seed: 42);
        var last = populations[^1];
        var post = last.Summary(0);

        Assert.True(populations.Count >= 4, $"only {populations.Count} populations");
        Assert.True(last.Epsilon <= 0.02, $"final tolerance {last.Epsilon}");
        Assert.True(populations.Zip(populations.Skip(1)).All(p => p.Second.Epsilon < p.First.Epsilon), "tolerances shrink");
        Assert.True(Math.Abs(post.Mean - PostMean) < 0.15 * PostSd, $"posterior mean {post.Mean:0.0000}, exact {PostMean:0.0000}");
        Assert.True(Math.Abs(post.Sd / PostSd - 1) < 0.10, $"posterior sd {post.Sd:0.0000}, exact {PostSd:0.0000}");
        Assert.True(post.Lower < PostMean && PostMean < post.Upper);
        Assert.Equal(PostMean - 1.96 * PostSd, post.Lower, 0.05);
        Assert.Equal(PostMean + 1.96 * PostSd, post.Upper, 0.05);
        Assert.Equal(1.0, last.Particles.Sum(p => p.Weight), 9);
        Assert.InRange(last.EffectiveSampleSize, 300, 1000);
        Assert.All(last.Particles, p => Assert.True(p.Distance <= last.Epsilon));
    }

    [Fact]
    public void Abc_rejection_with_a_uniform_prior_approximates_the_likelihood()
    {
        // a flat prior on [−3, 5]: the posterior is N(1.3, 1/25) truncated far in its tails
        var parameters = new[] { new AbcParameter("mu", new UniformPrior(-3, 5)) };
        var pop = AbcRejection.Run(parameters, Simulate, Distance, draws: 40000, seed: 1, keep: 800);
        var post = pop.Summary(0);
        double sd = Math.Sqrt(1.0 / Observations);
        Assert.Equal(800, pop.Particles.Count);
        Assert.True(Math.Abs(post.Mean - Observed) < 0.2 * sd, $"mean {post.Mean}");
        Assert.True(Math.Abs(post.Sd / sd - 1) < 0.15, $"sd {post.Sd} vs {sd}");
        Assert.Equal(0.02, pop.AcceptanceRate, 9);
        Assert.All(pop.Particles, p => Assert.True(p.Distance <= pop.Epsilon));
    }

    [Fact]
    public void Abc_smc_result_depends_on_the_seed_only_not_on_the_order_batches_are_run_in()
    {
        var parameters = new[] { new AbcParameter("mu", new UniformPrior(-3, 5)) };
        var options = new AbcSmcOptions { Particles = 200, InitialDraws = 800, Generations = 3 };
        // the same simulations run backwards and in parallel
        IReadOnlyList<double[]?> Shuffled(IReadOnlyList<AbcProposal> batch)
        {
            var results = new double[]?[batch.Count];
            Parallel.For(0, batch.Count, i =>
            {
                int k = batch.Count - 1 - i;
                results[k] = Simulate([batch[k]])[0];
            });
            return results;
        }
        var a = AbcSmc.Run(parameters, Simulate, Distance, options, seed: 9);
        var b = AbcSmc.Run(parameters, Shuffled, Distance, options, seed: 9);
        var c = AbcSmc.Run(parameters, Simulate, Distance, options, seed: 10);
        Assert.Equal(a[^1].Particles.Select(p => p.Theta[0]), b[^1].Particles.Select(p => p.Theta[0]));
        Assert.Equal(a[^1].Particles.Select(p => p.Weight), b[^1].Particles.Select(p => p.Weight));
        Assert.NotEqual(a[^1].Particles.Select(p => p.Theta[0]), c[^1].Particles.Select(p => p.Theta[0]));
    }

    [Fact]
    public void Failed_simulations_are_counted_and_never_accepted()
    {
        var parameters = new[] { new AbcParameter("mu", new UniformPrior(-3, 5)) };
        IReadOnlyList<double[]?> Flaky(IReadOnlyList<AbcProposal> batch) =>
            batch.Select(p => p.Theta[0] > 1.5 ? null : Simulate([p])[0]).ToArray();
        var pop = AbcRejection.Run(parameters, Flaky, Distance, draws: 4000, seed: 2, keep: 100);
        Assert.InRange(pop.Failed, 1650, 1850);   // P(μ > 1.5) = 3.5/8 of 4000 draws
        Assert.All(pop.Particles, p => Assert.True(p.Theta[0] <= 1.5));
    }

    [Fact]
    public void Weighted_quantiles_and_summaries_follow_the_weights()
    {
        double[] v = [1, 2, 3, 4];
        Assert.Equal(3, PosteriorSummary.WeightedQuantile(v, [0, 0, 1, 0], 0.5));
        Assert.Equal(2, PosteriorSummary.WeightedQuantile(v, [1, 1, 1, 1], 0.5));
        var s = PosteriorSummary.Of(v, [1, 1, 1, 1]);
        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.Sd, 12);
        Assert.Throws<ArgumentException>(() => AbcDistance.ScaledEuclidean([1.0], [0.0]));
        Assert.Equal(5, AbcDistance.ScaledEuclidean([0.0, 0.0], [1.0, 2.0])([3, 8]), 12);
    }
}
