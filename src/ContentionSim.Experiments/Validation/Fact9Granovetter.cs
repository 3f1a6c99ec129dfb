using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Fact 9: with organizations, the state, allies and the public off, a complete network and explicit
/// thresholds counted in people, activation is Granovetter's threshold model: thresholds 0, 1, …, 99
/// give a riot of all 100; raising the threshold of the person with threshold 1 to 2 leaves one
/// rioter. Checks are exact, in every replication.
/// </summary>
public sealed class Fact9Granovetter : Experiment
{
    public const string Threshold = "movements[0].activists.thresholds[1]";

    public override string Id => "fact9";
    public override string Title => "Granovetter's threshold model as a special case";
    public override string Claim => "100 people with thresholds 0, 1, …, 99 all riot; raise the threshold 1 to 2 and only one does.";
    public override string Source => "MODEL.md fact 9; Granovetter (1978), AJS 83(6):1420–1443";
    public override string FileName => "fact9-granovetter.yaml";

    public override IReadOnlyList<string> Measures { get; } = ["final_active", Observables.Activists.Name];

    public override double[] Measure(RunResult run)
    {
        var wave = RunMeasures.Wave(run);
        return wave.Count == 0 ? [double.NaN, double.NaN] : [wave[^1].Active, wave[^1].Activists];
    }

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        var uniform = Arm(runs, Threshold, 1);
        var raised = Arm(runs, Threshold, 2);
        int allRiot = uniform.Count(r => r["final_active"] == 100);
        int oneRiots = raised.Count(r => r["final_active"] == 1);
        var checks = new List<Check>
        {
            new("thresholds 0..99: runs where all 100 are active at the end", Estimate.Exact(allRiot, uniform.Count),
                $"all {uniform.Count} runs", allRiot == uniform.Count, $"mean final active {F(uniform.Average(r => r["final_active"]))}")
            {
                Key = "all_riot", Kind = CheckKind.Formula, KindReason = "the threshold rule itself: the model reduced to Granovetter's arithmetic",
            },
            new("threshold of person 1 raised to 2: runs where exactly 1 is active at the end", Estimate.Exact(oneRiots, raised.Count),
                $"all {raised.Count} runs", oneRiots == raised.Count, $"mean final active {F(raised.Average(r => r["final_active"]))}")
            {
                Key = "one_riots", Kind = CheckKind.Formula, KindReason = "the threshold rule itself: the model reduced to Granovetter's arithmetic",
            },
        };
        return Result(runs.Count, checks, [], new ExperimentFigure
        {
            Title = "Fact 9: Granovetter's riot",
            XLabel = "Thresholds",
            YLabel = "Active at the end (mean over runs)",
            Series = [new FigureSeries("final active", [
                Point("0, 1, 2, …, 99", 0, Statistics.Mean(uniform.Select(r => r["final_active"]))),
                Point("0, 2, 2, …, 99", 1, Statistics.Mean(raised.Select(r => r["final_active"]))),
            ])],
        });
    }
}
