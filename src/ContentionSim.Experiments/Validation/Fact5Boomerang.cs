using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Fact 5: the boomerang. Under a tight POS (openness 0.1), transnational alliance probability 0.5
/// against 0, paired by seed. Checks (paired 95% t-intervals above 0): mean outside pressure, mean
/// effective openness, and concessions or ticks in non-fizzle cycles (either suffices); and, exactly,
/// no alliance forms when the probability is 0.
/// </summary>
public sealed class Fact5Boomerang : Experiment
{
    public const string Alliance = "transnational.alliance_probability";
    public const double Without = 0, With = 0.5;

    public override string Id => "fact5";
    public override string Title => "The boomerang: allies abroad open a tight state";
    public override string Claim => "Under a tight POS, a higher transnational alliance probability raises outside pressure and the state's responsiveness, and the movement lasts longer or wins more concessions.";
    public override string Source => "MODEL.md fact 5; Keck & Sikkink (1998), Activists Beyond Borders, ch. 1";
    public override string FileName => "fact5-boomerang.yaml";

    public override IReadOnlyList<string> Measures { get; } =
        [Metrics.MeanOutsidePressure.Name, "mean_effective_openness", Metrics.Concessions.Name, "cycle_ticks", Metrics.AlliancesFormed.Name];

    public override double[] Measure(RunResult run) =>
    [
        run.Headline.MeanOutsidePressure,
        RunMeasures.MeanEffectiveOpenness(run),
        run.Headline.Concessions,
        RunMeasures.Mobilizations(run).Sum(c => (double)RunMeasures.Length(run, c)),
        run.Headline.AlliancesFormed,
    ];

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        var without = Arm(runs, Alliance, Without);
        var with = Arm(runs, Alliance, With);
        var pressure = PairedAbove("mean outside pressure: allies − none", with, without, Metrics.MeanOutsidePressure.Name);
        var openness = PairedAbove("mean effective openness: allies − none", with, without, "mean_effective_openness");
        var concessions = PairedAbove("concessions: allies − none", with, without, Metrics.Concessions.Name);
        var ticks = PairedAbove("ticks in non-fizzle cycles: allies − none", with, without, "cycle_ticks");
        var either = concessions.Passed || !ticks.Passed ? concessions : ticks;
        double maxAlliances = without.Max(r => r[Metrics.AlliancesFormed.Name]);
        var checks = new List<Check>
        {
            pressure with { Key = "pressure", Kind = CheckKind.Formula, KindReason = "standing alliances add pressure_per_alliance_per_thousand each per 1,000 activists" },
            openness with { Key = "openness_gain", Kind = CheckKind.Formula, KindReason = "the state's formula raises effective openness with outside pressure" },
            new("concessions or ticks in non-fizzle cycles: allies − none (shown: " + (either == concessions ? "concessions" : "ticks") + ")",
                either.Estimate, "either paired 95% CI lower bound > 0", concessions.Passed || ticks.Passed,
                $"concessions {F(concessions.Estimate.Value)} [{F(concessions.Estimate.Low)}, {F(concessions.Estimate.High)}]; " +
                $"ticks {F(ticks.Estimate.Value)} [{F(ticks.Estimate.Low)}, {F(ticks.Estimate.High)}]")
            {
                Key = "gains", Kind = CheckKind.CalibrationTarget, KindReason = "defaults were retuned so that fact 5 holds, b8053e2",
            },
            new("alliances formed at probability 0 (most in any run)", Estimate.Exact(maxAlliances, without.Count), "exactly 0", maxAlliances == 0)
            {
                Key = "no_alliances_at_zero", Kind = CheckKind.Input, KindReason = "an alliance is formed with chance alliance_probability, set to 0",
            },
        };
        var reported = new List<Reported> { new(concessions.Name, concessions.Estimate), new(ticks.Name, ticks.Estimate) };
        foreach (var m in Measures)
        {
            reported.Add(new Reported($"{m}, probability 0", Statistics.Mean(without.Select(r => r[m]))));
            reported.Add(new Reported($"{m}, probability 0.5", Statistics.Mean(with.Select(r => r[m]))));
        }
        return Result(runs.Count, checks, reported, PairedFigure.Build("Fact 5: alliance probability 0.5 against 0 at openness 0.1, paired",
            [pressure, openness, concessions, ticks], with, without,
            [Metrics.MeanOutsidePressure.Name, "mean_effective_openness", Metrics.Concessions.Name, "cycle_ticks"],
            ["outside pressure", "effective openness", "concessions", "ticks in cycles"]));
    }
}
