using ContentionSim.Methods.Designs;
using ContentionSim.Methods.Sensitivity;

namespace ContentionSim.Methods.Tests;

public class SensitivityTests
{
    private const double A = 7, B = 0.1;

    private static double Ishigami(double[] x) => Math.Sin(x[0]) + A * Math.Sin(x[1]) * Math.Sin(x[1]) + B * Math.Pow(x[2], 4) * Math.Sin(x[0]);

    private static readonly Factor[] Cube = [new("x1", -Math.PI, Math.PI), new("x2", -Math.PI, Math.PI), new("x3", -Math.PI, Math.PI)];

    [Fact]
    public void Sobol_indices_of_the_Ishigami_function_contain_the_closed_form_values()
    {
        // closed form (Ishigami & Homma 1990; Saltelli et al. 2008, §4.8)
        double pi4 = Math.Pow(Math.PI, 4), pi8 = Math.Pow(Math.PI, 8);
        double v1 = 0.5 * Math.Pow(1 + B * pi4 / 5, 2), v2 = A * A / 8, v13 = B * B * pi8 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        double[] s1 = [v1 / v, v2 / v, 0];
        double[] st = [(v1 + v13) / v, v2 / v, v13 / v];
        Assert.Equal(0.314, s1[0], 3);
        Assert.Equal(0.442, s1[1], 3);
        Assert.Equal(0.244, st[2], 3);

        const int n = 4096;
        var design = new SaltelliDesign(n, 3, scrambleSeed: 2024);
        var y = Scaling.ToFactors(design.Rows, Cube).Select(Ishigami).ToArray();
        var result = SobolAnalysis.Analyze(design.Split(y), ["x1", "x2", "x3"], seed: 1, resamples: 500);

        Assert.Equal(n, result.RowsUsed);
        Assert.Equal(v, result.Variance, 0.2);
        for (int j = 0; j < 3; j++)
        {
            var idx = result.Indices[j];
            Assert.True(idx.First.Contains(s1[j]), $"S1[{j}] = {s1[j]:0.000} outside {idx.First}");
            Assert.True(idx.Total.Contains(st[j]), $"ST[{j}] = {st[j]:0.000} outside {idx.Total}");
            Assert.True(idx.First.Width < 0.1, $"S1[{j}] interval {idx.First} too wide to be a test");
            Assert.True(idx.Total.Width < 0.1, $"ST[{j}] interval {idx.Total} too wide to be a test");
        }
    }

    [Fact]
    public void Sobol_indices_of_an_additive_linear_function_are_its_variance_shares()
    {
        // y = 1·x1 + 2·x2 + 0·x3 on [0,1]^3: S_j = ST_j = c_j² / Σc²
        var design = new SaltelliDesign(1024, 3, scrambleSeed: 3);
        var y = design.Rows.Select(x => x[0] + 2 * x[1]).ToArray();
        var r = SobolAnalysis.Analyze(design.Split(y), ["a", "b", "c"], resamples: 200);
        Assert.Equal(0.2, r.Indices[0].First.Value, 0.03);
        Assert.Equal(0.8, r.Indices[1].First.Value, 0.03);
        Assert.Equal(0.0, r.Indices[2].First.Value, 1e-12);
        Assert.Equal(0.2, r.Indices[0].Total.Value, 0.03);
        Assert.Equal(0.0, r.Indices[2].Total.Value, 1e-12);
    }

    [Fact]
    public void Sobol_analysis_leaves_out_base_rows_with_a_failed_run()
    {
        var design = new SaltelliDesign(64, 2, scrambleSeed: 3);
        var y = design.Rows.Select(x => x[0]).ToArray();
        y[design.N * 3 + 5] = double.NaN;    // AB_2, row 5
        var r = SobolAnalysis.Analyze(design.Split(y), ["a", "b"], resamples: 50);
        Assert.Equal(63, r.RowsUsed);
        Assert.Equal(1, r.RowsDropped);
        Assert.True(double.IsFinite(r.Indices[0].First.Value));
    }

    [Fact]
    public void Morris_effects_of_a_linear_function_are_its_slopes_with_no_spread()
    {
        var design = new MorrisDesign(12, 3, seed: 4);
        var y = design.Rows.Select(x => 3 * x[0] - 2 * x[1]).ToArray();
        var m = MorrisAnalysis.Analyze(design, y, ["a", "b", "c"], resamples: 100);
        Assert.Equal(3, m[0].Mu, 9);
        Assert.Equal(-2, m[1].Mu, 9);
        Assert.Equal(2, m[1].MuStar.Value, 9);
        Assert.Equal(0, m[2].MuStar.Value, 9);
        Assert.All(m, i => Assert.Equal(0, i.Sigma, 9));
        Assert.All(m, i => Assert.Equal(12, i.Effects));
    }

    [Fact]
    public void Morris_sigma_flags_the_Ishigami_interaction_and_failed_runs_are_skipped()
    {
        var design = new MorrisDesign(40, 3, seed: 5, candidates: 120);
        var scaled = Scaling.ToFactors(design.Rows, Cube);
        var m = MorrisAnalysis.Analyze(design, scaled.Select(Ishigami).ToArray(), ["x1", "x2", "x3"]);
        // x3 acts only through its interaction with x1: a large σ relative to |μ|
        Assert.True(m[2].Sigma > Math.Abs(m[2].Mu), $"x3: σ {m[2].Sigma} μ {m[2].Mu}");
        Assert.True(m[2].MuStar.Value > 0.5, $"x3 is influential (through interaction): μ* {m[2].MuStar}");
        Assert.All(m, i => Assert.True(i.MuStar.Contains(i.MuStar.Value) && i.MuStar.Width > 0));

        // an inert factor gets μ* = 0 with a failed run skipped
        var inert = new MorrisDesign(10, 2, seed: 6);
        var y = inert.Rows.Select(x => x[0]).ToArray();
        y[3] = double.NaN;
        var mi = MorrisAnalysis.Analyze(inert, y, ["a", "b"], resamples: 50);
        Assert.Equal(0, mi[1].MuStar.Value, 12);
        Assert.Equal(19, mi[0].Effects + mi[1].Effects);   // point 3 starts trajectory 1: one effect lost
    }
}

public class ReplicateNoiseTests
{
    [Fact]
    public void Replicates_separate_a_known_noise_from_the_parameters_effect()
    {
        // y = 10·x + N(0, 1), x uniform on 400 points, 5 replicates: Var(10x) = 100/12 ≈ 8.33, noise 1
        var rng = new StreamRandom(8);
        var x = Enumerable.Range(0, 400).Select(i => (i + 0.5) / 400).ToArray();
        var runs = x.Select(v => (IReadOnlyList<double>)Enumerable.Range(0, 5).Select(_ => 10 * v + rng.NextNormal()).ToArray()).ToArray();
        var n = ReplicateNoise.Of(runs);
        Assert.Equal(1.0, n.NoiseVariance, 0.1);
        Assert.Equal(5, n.Replicates);
        Assert.Equal(1 / (100.0 / 12 + 1), n.NoiseShareOfRuns, 0.02);
        Assert.Equal(0.2 / (100.0 / 12 + 0.2), n.NoiseShare, 0.01);
        Assert.Equal(10 * x[7], n.Means[7], 1.5);

        // a failed replicate is left out; a point with none has no mean
        runs[3] = [double.NaN, double.NaN];
        runs[4] = [1.0, double.NaN, 3.0];
        var m = ReplicateNoise.Of(runs);
        Assert.True(double.IsNaN(m.Means[3]));
        Assert.Equal(2.0, m.Means[4]);
    }
}
