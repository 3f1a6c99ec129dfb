using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Fact 8: cycles can repeat. Long runs with grievances that rebuild (the default rate) against none,
/// paired by seed. Checks: the mean number of non-fizzle cycles with rebuilding has a 95% t-interval
/// above 1.5; the paired difference (rebuild − none) has a 95% interval above 0.
/// </summary>
public sealed class Fact8RepeatedCycles : Experiment
{
    public const string Rebuild = "movements[0].activists.grievance_rebuild";
    public const double None = 0;
    public const double MinCycles = 1.5;

    public override string Id => "fact8";
    public override string Title => "Cycles repeat when grievances rebuild";
    public override string Claim => "With grievances that rebuild, long runs show several cycles: movements can be stuck in the cycle.";
    public override string Source => "MODEL.md fact 8; Vogt & Lersch (2007) sec. 5; Tarrow (1998) ch. 9";
    public override string FileName => "fact8-repeated-cycles.yaml";

    public override IReadOnlyList<string> Measures { get; } = [Metrics.Cycles.Name, Metrics.CompletedCycles.Name, Metrics.Fizzles.Name];

    public override double[] Measure(RunResult run) =>
        [.. new[] { Metrics.Cycles, Metrics.CompletedCycles, Metrics.Fizzles }.Select(m => m.Of(run) ?? double.NaN)];

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        var levels = runs.Select(r => r.Level(Rebuild)).Distinct().Order().ToArray();
        if (levels.Length != 2 || levels[0] != None)
            throw new ExperimentDesignException($"{Id} needs {Rebuild} at 0 and at one rebuilding rate");
        var none = Arm(runs, Rebuild, None);
        var rebuild = Arm(runs, Rebuild, levels[1]);
        var mean = Statistics.Mean(rebuild.Select(r => r[Metrics.Cycles.Name]));
        var difference = PairedAbove($"non-fizzle cycles: rebuild {F(levels[1])} − none", rebuild, none, Metrics.Cycles.Name);
        var checks = new List<Check>
        {
            new($"mean non-fizzle cycles with grievance rebuild {F(levels[1])}", mean, $"95% CI lower bound > {F(MinCycles)}",
                mean.HasInterval && mean.Low > MinCycles, $"{mean.N} seeds")
            {
                Key = "several_cycles",
            },
            difference with { Key = "rebuild_difference", Kind = CheckKind.Input, KindReason = "it compares a rebuild of 0.01 with none: the input's own difference" },
        };
        var reported = new List<Reported>();
        foreach (var m in Measures)
        {
            reported.Add(new Reported($"{m}, rebuild {F(levels[1])}", Statistics.Mean(rebuild.Select(r => r[m]))));
            reported.Add(new Reported($"{m}, no rebuild", Statistics.Mean(none.Select(r => r[m]))));
        }
        return Result(runs.Count, checks, reported, new ExperimentFigure
        {
            Title = "Fact 8: cycles per run with and without grievance rebuild",
            XLabel = "Grievance rebuild rate",
            YLabel = "Non-fizzle cycles per run (mean, 95% CI)",
            Series = [new FigureSeries(Metrics.Cycles.Name, [
                Point("none (0)", 0, Statistics.Mean(none.Select(r => r[Metrics.Cycles.Name]))),
                Point($"rebuild ({F(levels[1])})", 1, mean),
            ])],
            Line = MinCycles,
            LineName = "criterion: lower bound > 1.5",
        });
    }
}
