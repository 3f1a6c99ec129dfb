using ContentionSim.Experiments.Methods;
using ContentionSim.Experiments.Sensitivity;
using ContentionSim.Methods;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Calibration;

namespace ContentionSim.Experiments.Tests.Methods;

/// <summary>
/// The global sensitivity and calibration layers on a stand-in for the model: an evaluator that computes
/// the observables from the parameter values by a known formula (with seeded noise), so the results can be
/// checked against what the formula says.
/// </summary>
public class GlobalMethodsTests
{
    private static readonly int Peak = Observables.All.ToList().FindIndex(o => o.Name == "peak_participation");
    private static readonly int Mean = Observables.All.ToList().FindIndex(o => o.Name == "mean_participation");

    private static string Japan => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scenarios/japan-2007.yaml"));

    /// <summary>peak = 0.5·u(openness) + 0.1·u(grievance weight) + noise; every other observable NaN; u = position in the parameter's range.</summary>
    private static double[][][] Fake(PointBatch batch, IReadOnlyList<GlobalFactor> factors, double noise)
    {
        int open = batch.Paths.ToList().IndexOf("state.openness");
        return [.. batch.Points.Select((p, i) => Enumerable.Range(0, batch.Replicates).Select(r =>
        {
            var rng = StreamRandom.For(batch.Seed, batch.Stage, i, r);
            var y = Enumerable.Repeat(double.NaN, Observables.All.Count).ToArray();
            double u0 = open < 0 ? 0 : (p[open] - factors.First(f => f.Name == "state.openness").Low) / (factors.First(f => f.Name == "state.openness").High - factors.First(f => f.Name == "state.openness").Low);
            y[Peak] = 0.5 * u0 + noise * rng.NextNormal();
            return y;
        }).ToArray())];
    }

    [Fact]
    public void Morris_screening_finds_the_one_parameter_that_matters_and_sobol_measures_it_with_the_noise_apart()
    {
        var scenario = ScenarioLoader.LoadFile(Japan);
        var catalog = SensitivityCatalog.Of(scenario).Only("state.*");
        var (factors, _) = GlobalFactors.Of(scenario, catalog, 0.25, s => ScenarioValidator.Validate(s).Select(d => d.Message).ToArray());
        Assert.Contains(factors, f => f.Name == "state.openness");
        var options = new GlobalSensitivityOptions { Trajectories = 8, Replicates = 3, SobolN = 128, SobolFactors = 3, Resamples = 200 };
        var outcomes = new[] { Observables.Find("peak_participation")! };
        var stages = new List<string>();
        var result = GlobalSensitivity.Run(scenario, factors, outcomes, options, 11, b => { stages.Add(b.Stage); return Fake(b, factors, 0.05); })!;

        Assert.Equal(["morris", "sobol"], stages);
        var morris = Assert.Single(result.Morris);
        var top = morris.Indices.OrderByDescending(i => i.MuStar.Value).First();
        Assert.Equal("state.openness", top.Factor);
        Assert.Equal(0.5, top.MuStar.Value, 0.1);      // the effect per full range
        Assert.Equal("state.openness", Assert.Single(result.SobolFactors).Name);   // the others are noise only
        var sobol = Assert.Single(result.Sobol);
        var s = Assert.Single(sobol.Result.Indices);
        // Var(0.5u) = 0.25/12 ≈ 0.0208 against noise 0.05²/3 ≈ 0.00083 in the means: S1 ≈ ST ≈ 0.96
        double expected = 0.25 / 12 / (0.25 / 12 + 0.0025 / 3);
        Assert.True(Math.Abs(s.First.Value - expected) < 0.05, $"S1 {s.First}");
        Assert.Equal(1 - expected, sobol.Noise.NoiseShare, 0.02);
        Assert.Equal(0.0025, sobol.Noise.NoiseVariance, 0.0005);

        var dir = Directory.CreateTempSubdirectory("methods-gs-");
        try
        {
            var files = GlobalSensitivityWriter.Write(result, scenario.Name, dir.FullName, "contentionsim sensitivity x --method sobol", plots: true);
            foreach (var name in new[] { "morris.csv", "sobol.csv", "noise.csv", "global-sensitivity.md", "morris-peak_participation.png", "sobol-peak_participation.svg" })
                Assert.True(File.Exists(Path.Combine(dir.FullName, name)), name);
            var md = File.ReadAllText(Path.Combine(dir.FullName, "global-sensitivity.md"));
            Assert.Contains("`state.openness`", md);
            Assert.Contains("noise share", md);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void An_interrupted_batch_stops_the_analysis_without_a_result()
    {
        var scenario = ScenarioLoader.LoadFile(Japan);
        var (factors, _) = GlobalFactors.Of(scenario, SensitivityCatalog.Of(scenario).Only("state.openness"), 0.25, _ => []);
        var result = GlobalSensitivity.Run(scenario, factors, [Observables.Find("peak_participation")!], new GlobalSensitivityOptions { Trajectories = 2 }, 1, _ => null);
        Assert.Null(result);
    }

    [Fact]
    public void Calibration_recovers_a_known_parameter_and_checks_a_held_out_pattern()
    {
        // Stand-in model: peak = openness + N(0, 0.02), mean = openness / 2 + N(0, 0.01). Observed at openness 0.3.
        var tmp = Directory.CreateTempSubdirectory("methods-cal-");
        var file = Path.Combine(tmp.FullName, "calibration.yaml");
        File.WriteAllText(file, $"""
            name: toy
            scenario: {Japan}
            master_seed: 5
            free:
              state.openness: {"{"}uniform: [0.05, 0.9]{"}"}
            targets:
              peak_participation: {"{"}observed: 0.3, tolerance: 0.02{"}"}
            held_out:
              mean_participation: {"{"}observed: 0.15, tolerance: 0.01{"}"}
            abc:
              particles: 150
              initial_draws: 600
              generations: 3
            """);
        try
        {
        var c = CalibrationLoader.LoadFile(file, [.. Observables.All.Select(o => o.Name)]);
        double[][][] Toy(PointBatch b) => [.. b.Points.Select((p, i) => Enumerable.Range(0, b.Replicates).Select(r =>
        {
            var rng = StreamRandom.For(b.Seed, b.Stage, i, r);
            var y = Enumerable.Repeat(double.NaN, Observables.All.Count).ToArray();
            y[Peak] = p[0] + 0.02 * rng.NextNormal();
            y[Mean] = p[0] / 2 + 0.01 * rng.NextNormal();
            return y;
        }).ToArray())];
        var populations = new List<int>();
        var result = Calibration.Run(c, Toy, p => populations.Add(p.Generation))!;
        Assert.Equal([0, 1, 2, 3], populations);
        var post = result.Posterior.Summary(0);
        Assert.True(post.Lower <= 0.3 && 0.3 <= post.Upper, $"0.3 outside [{post.Lower}, {post.Upper}]");
        Assert.True(post.Upper - post.Lower < 0.15, $"interval [{post.Lower}, {post.Upper}] too wide to mean anything");
        var fits = CalibrationWriter.Fits(result);
        Assert.Equal(["peak_participation", "mean_participation"], fits.Select(f => f.Observable));
        Assert.True(fits[1].HeldOut);
        Assert.True(fits[1].Covered, $"held-out predictive [{fits[1].Predictive.Lower}, {fits[1].Predictive.Upper}]");

        var dir = Path.Combine(tmp.FullName, "out");
        var files = CalibrationWriter.Write(result, dir, "contentionsim calibrate calibration.yaml", plots: true, truth: [0.3]);
        foreach (var name in new[] { "particles.csv", "populations.csv", "posterior.csv", "fit.csv", "pairs.png", "calibration.md" })
            Assert.True(File.Exists(Path.Combine(dir, name)), name);
        Assert.Equal(151, File.ReadAllLines(Path.Combine(dir, "particles.csv")).Length);
        Assert.Contains("| yes |", File.ReadAllText(Path.Combine(dir, "calibration.md")));
        }
        finally { tmp.Delete(true); }
    }
}
