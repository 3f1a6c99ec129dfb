using ContentionSim.Methods.Designs;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Scenarios.Tests;

/// <summary>Sampled designs in sweep files (<c>design: {kind: latin_hypercube | sobol, …}</c>): their points, seeds, order and every error with line and column.</summary>
public sealed class SweepSampledDesignTests : IDisposable
{
    private const string Base = """
        name: base
        seed: 5
        ticks: 100
        movements:
          - id: migrants
            activists:
              count: 400
        state:
          openness: 0.3
        """;

    private readonly TempDir _dir = new();

    public SweepSampledDesignTests() => _dir.File("base.yaml", Base);

    public void Dispose() => _dir.Dispose();

    private SweepDefinition Load(string sweep) => SweepLoader.LoadFile(_dir.File("sweep.yaml", sweep));

    private IReadOnlyList<Diagnostic> Problems(string sweep) => Assert.Throws<ScenarioException>(() => Load(sweep)).Diagnostics;

    private static string Sweep(string design, string extra = "") => $"""
        name: sampled
        base: base.yaml
        master_seed: 17
        replications: 2
        {extra}
        design:
        {design}
        """;

    [Fact]
    public void A_latin_hypercube_sets_the_points_that_the_methods_project_draws_scaled_onto_the_ranges()
    {
        var sweep = Load(Sweep("""
              kind: latin_hypercube
              points: 20
              ranges:
                state.openness: [0.05, 0.95]
                transnational.alliance_probability: {from: 0, to: 0.5}
            """));
        var grid = sweep.Plan.Grid;
        Assert.Equal(SweepDesign.Sampled, grid.Design);
        Assert.Equal(20, grid.PointCount);
        Assert.Equal(40, grid.RunCount);
        var sampling = Assert.IsType<SweepSampling>(sweep.Plan.Sampling);
        Assert.Equal(17UL, sampling.Seed); // the master seed when the design gives none
        var expected = Scaling.ToFactors(LatinHypercube.Sample(20, 2, 17), [new Factor("o", 0.05, 0.95), new Factor("a", 0, 0.5)]);
        for (int i = 0; i < 20; i++)
        {
            var scenario = sweep.Plan.ScenarioAt(i);
            Assert.Equal(expected[i][0], scenario.State.Openness);
            Assert.Equal(expected[i][1], scenario.Transnational.AllianceProbability);
            Assert.Equal(scenario.State.Openness, grid.ValuesOf(i)[0].Number);
        }
        // One point in each of the 20 strata of each range.
        Assert.Equal(Enumerable.Range(0, 20), Enumerable.Range(0, 20).Select(i => (int)((sweep.Plan.ScenarioAt(i).State.Openness - 0.05) / 0.9 * 20)).Order());
        // Runs go in the design's order, replication-major.
        Assert.Equal(Enumerable.Range(0, 20), sweep.Plan.Order.Points);
        Assert.Equal(20L, sweep.Plan.Order.RunAt(20));
    }

    [Fact]
    public void A_sobol_design_is_the_digitally_shifted_sequence_by_default_and_the_sequence_itself_unscrambled()
    {
        var shifted = Load(Sweep("""
              kind: sobol
              points: 16
              seed: 3
              ranges:
                state.openness: [0, 1]
                state.repression_propensity: [0.2, 0.6]
            """));
        var expected = Scaling.ToFactors(new SobolSequence(2, 3UL).Points(16), [new Factor("o", 0, 1), new Factor("r", 0.2, 0.6)]);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(expected[i][0], shifted.Plan.ScenarioAt(i).State.Openness);
            Assert.Equal(expected[i][1], shifted.Plan.ScenarioAt(i).State.RepressionPropensity);
        }
        var plain = Load(Sweep("""
              kind: sobol
              points: 4
              scramble: false
              ranges:
                state.openness: [0, 1]
            """));
        Assert.Equal([0, 0.5, 0.75, 0.25], Enumerable.Range(0, 4).Select(i => plain.Plan.ScenarioAt(i).State.Openness));
        Assert.False(plain.Plan.Sampling!.Scrambled);
    }

    [Fact]
    public void Whole_number_parameters_are_rounded_and_may_repeat_and_the_seed_changes_the_design()
    {
        string design = """
              kind: latin_hypercube
              points: 30
              ranges:
                movements.migrants.activists.count: [100, 104]
                state.openness: [0.1, 0.9]
            """;
        var a = Load(Sweep(design));
        var counts = Enumerable.Range(0, 30).Select(i => a.Plan.ScenarioAt(i).Movements[0].Activists.Count).ToArray();
        Assert.All(counts, c => Assert.InRange(c, 100, 104));
        Assert.True(counts.Distinct().Count() < 30);
        Assert.True(a.Plan.Sampling!.Ranges[0].Whole);
        var b = Load(Sweep(design.Replace("points: 30", "points: 30\n  seed: 99")));
        Assert.NotEqual(a.Plan.ScenarioAt(0).State.Openness, b.Plan.ScenarioAt(0).State.Openness);
        Assert.Equal(a.Plan.ScenarioAt(7).State.Openness, Load(Sweep(design)).Plan.ScenarioAt(7).State.Openness); // deterministic
    }

    [Fact]
    public void A_sampled_design_plots_its_first_range_on_x_and_no_lines()
    {
        var sweep = Load(Sweep("""
              kind: latin_hypercube
              points: 8
              ranges:
                state.openness: [0.05, 0.95]
                transnational.alliance_probability: [0, 0.5]
            """));
        Assert.Equal("state.openness", sweep.Plots.X);
        Assert.Null(sweep.Plots.Lines);
        var (low, high) = sweep.Plan.Grid.ExtremeLevels(0);
        var values = sweep.Plan.Grid.Factors[0].Levels.Select(l => l.Number!.Value).ToArray();
        Assert.Equal(values.Min(), values[low]);
        Assert.Equal(values.Max(), values[high]);
    }

    [Fact]
    public void Bad_designs_are_reported_each_at_its_line_and_column()
    {
        var problems = Problems(Sweep("""
              kind: latin_hypercub
              points: 0
              scramble: maybe
              rangez: {}
            """));
        var kind = Assert.Single(problems, p => p.Path == "design.kind");
        Assert.Equal((7, 9), (kind.Line, kind.Column));
        Assert.Contains("did you mean 'latin_hypercube'", kind.Message);
        Assert.Contains(problems, p => p.Path == "design.points" && p.Line == 8);
        Assert.Contains(problems, p => p.Path == "design.scramble" && p.Line == 9);
        Assert.Contains(problems, p => p.Path == "design.rangez" && p.Message.Contains("did you mean 'ranges'"));
        Assert.Contains(problems, p => p.Path == "design" && p.Message.Contains("no 'ranges'"));
    }

    [Fact]
    public void Bad_ranges_are_reported_at_the_range()
    {
        var problems = Problems(Sweep("""
              kind: sobol
              points: 8
              ranges:
                state.openness: [0.9, 0.1]
                state.repression_propensity: [0.1, 1.5]
                network.kind: [0, 1]
                state.opennes: [0, 1]
                transnational.alliance_probability: {from: 0, step: 0.1}
            """));
        Assert.Contains(problems, p => p.Path == "design.ranges.state.openness" && p.Line == 10 && p.Message.Contains("not above its low end"));
        Assert.Contains(problems, p => p.Line == 11 && p.Message.Contains("1.5"));
        Assert.Contains(problems, p => p.Path == "design.ranges.network.kind" && p.Message.Contains("numeric parameter"));
        Assert.Contains(problems, p => p.Line == 13 && p.Message.Contains("did you mean"));
        Assert.Contains(problems, p => p.Line == 14 && p.Message.Contains("expected a range [low, high]"));
    }

    [Fact]
    public void A_sampled_design_with_vary_or_a_fixed_parameter_or_scramble_on_a_hypercube_is_refused()
    {
        var withVary = Problems(Sweep("""
              kind: latin_hypercube
              points: 8
              ranges:
                state.openness: [0.1, 0.9]
            """, "vary:\n  transnational.alliance_probability: [0, 0.5]"));
        Assert.Contains(withVary, p => p.Path == "vary" && p.Message.Contains("design.ranges"));
        var fixedToo = Problems(Sweep("""
              kind: latin_hypercube
              points: 8
              ranges:
                state.openness: [0.1, 0.9]
            """, "set:\n  state.openness: 0.5"));
        Assert.Contains(fixedToo, p => p.Path == "design.ranges.state.openness" && p.Message.Contains("both varied and fixed"));
        var scrambled = Problems(Sweep("""
              kind: latin_hypercube
              points: 8
              scramble: true
              ranges:
                state.openness: [0.1, 0.9]
            """));
        Assert.Contains(scrambled, p => p.Path == "design.scramble" && p.Message.Contains("Sobol sequence only"));
    }
}
