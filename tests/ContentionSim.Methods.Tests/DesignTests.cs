using ContentionSim.Methods.Designs;

namespace ContentionSim.Methods.Tests;

public class DesignTests
{
    [Fact]
    public void Latin_hypercube_puts_one_point_in_each_stratum_of_every_dimension()
    {
        const int n = 50, d = 6;
        var x = LatinHypercube.Sample(n, d, seed: 7);
        Assert.Equal(n, x.Length);
        for (int j = 0; j < d; j++)
        {
            var strata = x.Select(r => (int)Math.Floor(r[j] * n)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }
        Assert.Equal(x.SelectMany(r => r), LatinHypercube.Sample(n, d, seed: 7).SelectMany(r => r));
        Assert.NotEqual(x.SelectMany(r => r), LatinHypercube.Sample(n, d, seed: 8).SelectMany(r => r));
        var centred = LatinHypercube.Sample(n, d, seed: 7, centered: true);
        Assert.All(centred.SelectMany(r => r), v => Assert.Equal(0.5, v * n - Math.Floor(v * n), 9));
    }

    [Fact]
    public void Sobol_sequence_starts_with_the_published_points()
    {
        var s = new SobolSequence(3).Points(8);
        // dimensions 1 and 2 as in Joe & Kuo (2008) and scipy.stats.qmc.Sobol(scramble=False)
        Assert.Equal([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125], s.Select(p => p[0]));
        Assert.Equal([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625], s.Select(p => p[1]));
        // dimension 3: a = 1, m = (1, 3) → v = (1/2, 3/4, 3/8, ...), points in Gray-code order
        Assert.Equal([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375], s.Select(p => p[2]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sobol_points_are_stratified_in_every_dimension_and_every_power_of_two(bool scrambled)
    {
        const int dims = 300;
        var sobol = new SobolSequence(dims, scrambled ? 99UL : null);
        var points = sobol.Points(1024);
        for (int m = 1; m <= 10; m++)
        {
            int n = 1 << m;
            for (int j = 0; j < dims; j++)
            {
                var seen = new bool[n];
                for (int i = 0; i < n; i++) seen[(int)(points[i][j] * n)] = true;
                Assert.True(seen.All(b => b), $"dimension {j + 1}: the first {n} points miss an interval of width 1/{n}");
            }
        }
    }

    [Fact]
    public void Sobol_first_two_dimensions_form_a_0_m_2_net()
    {
        // every elementary interval [a/2^k, (a+1)/2^k) × [b/2^(m−k), (b+1)/2^(m−k)) holds exactly one of the first 2^m points
        const int m = 8;
        var p = new SobolSequence(2).Points(1 << m);
        for (int k = 0; k <= m; k++)
        {
            var cells = p.Select(x => ((int)(x[0] * (1 << k)), (int)(x[1] * (1 << (m - k))))).Distinct().Count();
            Assert.Equal(1 << m, cells);
        }
    }

    [Fact]
    public void Sobol_integrates_a_smooth_function_better_than_random_points()
    {
        // ∫ over [0,1]^8 of Π (1 + (x_i − 1/2)) = 1
        const int d = 8, n = 4096;
        static double F(double[] x) => x.Aggregate(1.0, (a, v) => a * (1 + (v - 0.5)));
        double qmc = new SobolSequence(d).Points(n).Average(F);
        var rng = new StreamRandom(3);
        double mc = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray()).Average(F);
        Assert.True(Math.Abs(qmc - 1) < 2e-3, $"QMC estimate {qmc}");
        Assert.True(Math.Abs(qmc - 1) < Math.Abs(mc - 1), $"QMC error {Math.Abs(qmc - 1)} vs MC {Math.Abs(mc - 1)}");
    }

    [Fact]
    public void Sobol_refuses_more_dimensions_than_it_has_direction_numbers()
    {
        Assert.Equal(1024, SobolSequence.MaxDimensions);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(1025));
    }

    [Fact]
    public void Saltelli_design_crosses_A_and_B_column_by_column()
    {
        const int n = 16, d = 4;
        var design = new SaltelliDesign(n, d, scrambleSeed: 5);
        Assert.Equal(n * (d + 2), design.Rows.Count);
        for (int i = 0; i < n; i++)
        {
            var a = design.Rows[i];
            var b = design.Rows[n + i];
            Assert.All(Enumerable.Range(0, d), j => Assert.NotEqual(a[j], b[j]));
            for (int j = 0; j < d; j++)
            {
                var ab = design.Rows[(2 + j) * n + i];
                for (int k = 0; k < d; k++) Assert.Equal(k == j ? b[k] : a[k], ab[k]);
            }
        }
        var y = design.Rows.Select((r, i) => (double)i).ToArray();
        var split = design.Split(y);
        Assert.Equal(0, split.A[0]);
        Assert.Equal(n, split.B[0]);
        Assert.Equal((2 + d - 1) * n + 3, split.AB[d - 1][3]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void Morris_trajectories_change_each_factor_once_by_delta_on_the_grid(int candidates)
    {
        const int r = 10, d = 5, p = 4;
        var design = new MorrisDesign(r, d, seed: 11, levels: p, candidates: candidates);
        Assert.Equal(2.0 / 3.0, design.Delta, 12);
        Assert.Equal(r, design.Trajectories.Count);
        foreach (var t in design.Trajectories)
        {
            Assert.Equal(d + 1, t.Points.Length);
            Assert.Equal(Enumerable.Range(0, d), t.Factors.Order());
            foreach (var x in t.Points.SelectMany(q => q))
            {
                Assert.InRange(x, 0, 1);
                double level = x * (p - 1);
                Assert.Equal(Math.Round(level), level, 9);
            }
            for (int k = 0; k < d; k++)
                for (int j = 0; j < d; j++)
                    Assert.Equal(j == t.Factors[k] ? t.Steps[k] : 0, t.Points[k + 1][j] - t.Points[k][j], 12);
        }
    }

    [Fact]
    public void Campolongo_selection_spreads_the_trajectories_more_than_the_first_drawn()
    {
        static double Spread(MorrisDesign m) =>
            m.Trajectories.SelectMany((a, i) => m.Trajectories.Skip(i + 1).Select(b =>
                a.Points.Sum(p => b.Points.Sum(q => Math.Sqrt(p.Zip(q, (u, v) => (u - v) * (u - v)).Sum()))))).Sum();
        var plain = new MorrisDesign(8, 6, seed: 2);
        var spread = new MorrisDesign(8, 6, seed: 2, candidates: 60);
        Assert.True(Spread(spread) > Spread(plain), $"{Spread(spread)} vs {Spread(plain)}");
    }

    [Fact]
    public void Factors_scale_unit_points_onto_their_ranges()
    {
        var f = new[] { new Factor("a", -1, 1), new Factor("b", 10, 20) };
        var rows = Scaling.ToFactors([[0.5, 0.25]], f);
        Assert.Equal([0.0, 12.5], rows[0]);
        Assert.Equal(0.25, f[1].Unscale(12.5));
    }
}
