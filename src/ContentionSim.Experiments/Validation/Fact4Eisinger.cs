using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Fact 4: protest is curvilinear in openness (Eisinger 1973). Openness 0, 0.1, …, 1; per run the
/// mean participation. Checks: the least-squares quadratic of mean participation on openness over all
/// runs has a quadratic coefficient whose 95% interval lies below 0 and a vertex inside [0.15, 0.85];
/// the interior openness with the highest mean beats both ends (Welch 95% interval of each difference above 0).
/// </summary>
public sealed class Fact4Eisinger : Experiment
{
    public const string Openness = "state.openness";
    public const double VertexLow = 0.15, VertexHigh = 0.85;
    private const string StreetFactor = "the inverted U is written into the activist's street factor (1 − absorption·o)(1 − opportunity_weight·(1 − o))";

    public override string Id => "fact4";
    public override string Title => "Protest is curvilinear in openness";
    public override string Claim => "The largest and most frequent mobilizations appear at intermediate openness: fully closed systems deter protest, fully open ones absorb it.";
    public override string Source => "MODEL.md fact 4; Eisinger (1973), APSR 67(1):11–28";
    public override string FileName => "fact4-eisinger.yaml";

    public override IReadOnlyList<string> Measures { get; } = [Metrics.MeanParticipation.Name, Metrics.PeakParticipation.Name, Metrics.Cycles.Name];

    public override double[] Measure(RunResult run) =>
        [run.Headline.MeanParticipation, run.Headline.PeakParticipation, run.Headline.Cycles];

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        var levels = runs.Select(r => r.Level(Openness)).Distinct().Order().ToArray();
        if (levels.Length < 3) throw new ExperimentDesignException($"{Id} needs at least three levels of {Openness}");
        var fit = QuadraticFit.Fit(runs.Select(r => r.Level(Openness)).ToArray(), runs.Select(r => r[Metrics.MeanParticipation.Name]).ToArray());
        double vertex = fit.Vertex;
        var means = levels.Select(l => (Level: l, Mean: Statistics.Mean(Arm(runs, Openness, l).Select(r => r[Metrics.MeanParticipation.Name])))).ToArray();
        var interior = means.Skip(1).Take(means.Length - 2).MaxBy(m => m.Mean.Value);
        var best = Arm(runs, Openness, interior.Level).Select(r => r[Metrics.MeanParticipation.Name]).ToArray();
        var low = Statistics.WelchDifference(best, Arm(runs, Openness, levels[0]).Select(r => r[Metrics.MeanParticipation.Name]));
        var high = Statistics.WelchDifference(best, Arm(runs, Openness, levels[^1]).Select(r => r[Metrics.MeanParticipation.Name]));
        var checks = new List<Check>
        {
            new("quadratic coefficient of mean participation on openness", fit.Quadratic, "95% CI upper bound < 0",
                fit.Quadratic.HasInterval && fit.Quadratic.High < 0, $"least squares over {runs.Count} runs") { Key = "quadratic", Kind = CheckKind.Formula, KindReason = StreetFactor },
            new("vertex of the fitted quadratic (openness)", Estimate.Exact(vertex, runs.Count), $"inside [{F(VertexLow)}, {F(VertexHigh)}]",
                fit.Quadratic.Value < 0 && vertex >= VertexLow && vertex <= VertexHigh, "a maximum only if the quadratic coefficient is negative") { Key = "vertex", Kind = CheckKind.Formula, KindReason = StreetFactor },
            new($"best interior openness ({F(interior.Level)}) − openness {F(levels[0])}: mean participation", low, "Welch 95% CI lower bound > 0",
                low.HasInterval && low.Low > 0) { Key = "beats_closed", Kind = CheckKind.Formula, KindReason = StreetFactor },
            new($"best interior openness ({F(interior.Level)}) − openness {F(levels[^1])}: mean participation", high, "Welch 95% CI lower bound > 0",
                high.HasInterval && high.Low > 0) { Key = "beats_open", Kind = CheckKind.Formula, KindReason = StreetFactor },
        };
        var reported = new List<Reported>();
        foreach (var l in levels)
        {
            var arm = Arm(runs, Openness, l);
            reported.Add(new Reported($"openness {F(l)}: mean participation", Statistics.Mean(arm.Select(r => r[Metrics.MeanParticipation.Name]))));
            reported.Add(new Reported($"openness {F(l)}: peak participation", Statistics.Mean(arm.Select(r => r[Metrics.PeakParticipation.Name]))));
            reported.Add(new Reported($"openness {F(l)}: non-fizzle cycles", Statistics.Mean(arm.Select(r => r[Metrics.Cycles.Name]))));
        }
        reported.Add(new Reported("linear coefficient", fit.Linear));
        reported.Add(new Reported("intercept", fit.Intercept));
        var curve = Enumerable.Range(0, 101).Select(i => levels[0] + (levels[^1] - levels[0]) * i / 100.0).Select(x => (x, fit.At(x))).ToArray();
        return Result(runs.Count, checks, reported, new ExperimentFigure
        {
            Title = "Fact 4: mean participation against openness",
            XLabel = "Openness of the state",
            YLabel = "Mean participation (share, 95% CI)",
            NumericX = true,
            Series = [new FigureSeries("mean over seeds", means.Select(m => Point(F(m.Level), m.Level, m.Mean)).ToArray())],
            Curve = curve,
            CurveName = $"least-squares quadratic ({(fit.Quadratic.Value < 0 ? "maximum" : "minimum")} at {F(vertex)})",
        });
    }
}
