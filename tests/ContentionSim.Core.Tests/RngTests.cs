using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The SplitMix64 generator and its streams. Tolerances are stated per test; with 100,000
/// draws the standard error of a uniform mean is 0.2887 / √100,000 ≈ 0.00091, so ±0.005 is
/// more than five standard errors.
/// </summary>
public class RngTests
{
    private const int Draws = 100_000;

    private static double[] Take(Rng rng, int n)
    {
        var xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = rng.NextDouble();
        return xs;
    }

    [Fact]
    public void The_same_key_entity_and_tick_give_the_same_draws()
    {
        Assert.Equal(Take(Rng.For(42, 7, 3), 20), Take(Rng.For(42, 7, 3), 20));

        var streams = new RandomStreams(1234);
        Assert.Equal(Take(streams.For("activist-decisions", 99, 12), 20), Take(new RandomStreams(1234).For("activist-decisions", 99, 12), 20));
    }

    [Fact]
    public void A_different_entity_tick_key_or_purpose_gives_different_draws()
    {
        var reference = Take(Rng.For(42, 7, 3), 20);

        Assert.NotEqual(reference, Take(Rng.For(42, 8, 3), 20));
        Assert.NotEqual(reference, Take(Rng.For(42, 7, 4), 20));
        Assert.NotEqual(reference, Take(Rng.For(43, 7, 3), 20));
        // Entity and tick are not interchangeable.
        Assert.NotEqual(Take(Rng.For(42, 3, 7), 20), reference);

        var streams = new RandomStreams(1234);
        Assert.NotEqual(streams.Key("network"), streams.Key("state"));
        Assert.NotEqual(streams.Key("network"), new RandomStreams(1235).Key("network"));
        Assert.Equal(streams.Key("network"), new RandomStreams(1234).Key("network"));
    }

    [Fact]
    public void Streams_of_neighbouring_entities_are_distinct()
    {
        // The first draw of 100,000 consecutive entities: all different, and uniform on average.
        var first = new double[Draws];
        for (int i = 0; i < Draws; i++) first[i] = Rng.For(5, i, 0).NextDouble();

        Assert.Equal(Draws, first.Distinct().Count());
        Assert.InRange(first.Average(), 0.495, 0.505);
        // Lag-1 correlation between neighbours' draws: its standard error is 1/√n ≈ 0.0032; allow 0.02.
        double m = first.Average();
        double cov = 0, var = 0;
        for (int i = 1; i < Draws; i++) cov += (first[i] - m) * (first[i - 1] - m);
        for (int i = 0; i < Draws; i++) var += (first[i] - m) * (first[i] - m);
        Assert.InRange(cov / var, -0.02, 0.02);
    }

    [Fact]
    public void Next_double_is_in_the_unit_interval_with_mean_one_half()
    {
        var xs = Take(new Rng(2024), Draws);

        Assert.All(xs, x => Assert.True(x >= 0 && x < 1, $"{x} outside [0, 1)"));
        // Mean 0.5 ± 0.005 (> 5 standard errors); variance 1/12 ± 0.002.
        Assert.InRange(xs.Average(), 0.495, 0.505);
        double m = xs.Average();
        Assert.InRange(xs.Average(x => (x - m) * (x - m)), 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);
        // Both halves of the interval are used about equally: 50,000 ± 1,000 (> 6 standard errors of 158).
        Assert.InRange(xs.Count(x => x < 0.5), 49_000, 51_000);
    }

    [Fact]
    public void Next_int_covers_zero_to_n_minus_one_evenly()
    {
        var rng = new Rng(77);
        var counts = new int[10];
        for (int i = 0; i < Draws; i++)
        {
            int k = rng.NextInt(10);
            Assert.InRange(k, 0, 9);
            counts[k]++;
        }
        // Expected 10,000 each, standard deviation ≈ 95: allow ±500.
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Chance_happens_with_its_probability()
    {
        var rng = new Rng(9);
        int hits = 0;
        for (int i = 0; i < Draws; i++) if (rng.Chance(0.3)) hits++;
        // 30,000 ± 800 (the standard deviation is 145).
        Assert.InRange(hits, 29_200, 30_800);

        for (int i = 0; i < 1000; i++)
        {
            Assert.False(rng.Chance(0));
            Assert.False(rng.Chance(-1));
            Assert.True(rng.Chance(1));
        }
    }

    [Fact]
    public void Next_normal_is_standard_normal()
    {
        var rng = new Rng(31);
        var xs = new double[Draws];
        for (int i = 0; i < Draws; i++) xs[i] = rng.NextNormal();
        double m = xs.Average();
        double sd = Math.Sqrt(xs.Average(x => (x - m) * (x - m)));

        Assert.InRange(m, -0.02, 0.02);   // standard error 0.0032
        Assert.InRange(sd, 0.98, 1.02);
        Assert.InRange(xs.Count(x => Math.Abs(x) < 1.96) / (double)Draws, 0.945, 0.955);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Next_gamma_has_mean_equal_to_its_shape(double shape)
    {
        var rng = new Rng(13);
        var xs = new double[Draws];
        for (int i = 0; i < Draws; i++) xs[i] = rng.NextGamma(shape);

        Assert.All(xs, x => Assert.True(x >= 0));
        // Gamma(k, 1) has mean k and variance k: the standard error of the mean is √(k/n) ≤ 0.0064.
        Assert.InRange(xs.Average(), shape - 0.04, shape + 0.04);
        double m = xs.Average();
        Assert.InRange(xs.Average(x => (x - m) * (x - m)), shape * 0.95, shape * 1.05);
    }

    [Fact]
    public void Derived_run_seeds_are_distinct_and_reproducible()
    {
        var seeds = Enumerable.Range(0, 10_000).Select(i => RandomStreams.DeriveRunSeed(2007, i)).ToArray();

        Assert.Equal(10_000, seeds.Distinct().Count());
        Assert.Equal(seeds, Enumerable.Range(0, 10_000).Select(i => RandomStreams.DeriveRunSeed(2007, i)));
        // Another master seed gives other run seeds.
        var other = Enumerable.Range(0, 10_000).Select(i => RandomStreams.DeriveRunSeed(2008, i));
        Assert.Empty(seeds.Intersect(other));
        // Run seeds are not the index or the master seed in disguise.
        Assert.DoesNotContain(2007UL, seeds);
        Assert.InRange(seeds.Count(s => (s & 1) == 1), 4_700, 5_300);
    }

    [Fact]
    public void Mix_is_a_bijection_on_a_sample()
    {
        var mixed = Enumerable.Range(0, 100_000).Select(i => Rng.Mix((ulong)i)).ToHashSet();

        Assert.Equal(100_000, mixed.Count);
    }
}
