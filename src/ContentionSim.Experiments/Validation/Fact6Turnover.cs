using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Fact 6: revolutionary turnover is rare. A grid of openness {0.1, 0.5} × grievance shift {0, 0.3} ×
/// repression capacity {0.05 (default), 0.02}. Checks: at the default settings (shift 0, capacity
/// 0.05) no run ends in turnover at either openness (exact); over the whole grid the share of runs with
/// a turnover has a Wilson 95% upper bound below 0.15. The share per cell shows where it occurs.
/// </summary>
public sealed class Fact6Turnover : Experiment
{
    public const string Openness = "state.openness";
    public const string Shift = "movements[0].grievance_shift";
    public const string Capacity = "state.repression_capacity";
    public const double DefaultShift = 0, DefaultCapacity = 0.05;
    public const double MaxShare = 0.15;

    public override string Id => "fact6";
    public override string Title => "Revolutionary turnover is rare";
    public override string Claim => "Revolutionary turnover happens in a small share of runs at most, and only under extreme settings.";
    public override string Source => "MODEL.md fact 6; Tarrow (1998) ch. 9 (cycles rarely end in revolution)";
    public override string FileName => "fact6-turnover-rare.yaml";

    public override IReadOnlyList<string> Measures { get; } = ["turnover", Metrics.Cycles.Name];

    public override double[] Measure(RunResult run) => [RunMeasures.HadTurnover(run) ? 1 : 0, Metrics.Cycles.Of(run) ?? double.NaN];

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        var checks = new List<Check>();
        var opennessLevels = runs.Select(r => r.Level(Openness)).Distinct().Order().ToArray();
        int defaultTurnovers = 0, defaultRuns = 0;
        foreach (var o in opennessLevels)
        {
            var cell = Cell(runs, (Openness, o), (Shift, DefaultShift), (Capacity, DefaultCapacity));
            defaultTurnovers += cell.Count(r => r["turnover"] == 1);
            defaultRuns += cell.Count;
        }
        checks.Add(new Check("runs with a turnover at default settings (shift 0, capacity 0.05), both openness levels",
            Estimate.Exact(defaultTurnovers, defaultRuns), "exactly 0", defaultTurnovers == 0, $"of {defaultRuns} runs") { Key = "none_at_defaults" });
        var all = Proportion.Wilson(runs.Count(r => r["turnover"] == 1), runs.Count);
        checks.Add(new Check("share of runs with a turnover over the whole grid", all, $"Wilson 95% upper bound < {F(MaxShare)}",
            all.HasInterval && all.High < MaxShare, $"{runs.Count(r => r["turnover"] == 1)} of {runs.Count} runs") { Key = "rare_over_grid" });

        var reported = new List<Reported>();
        var points = new List<FigurePoint>();
        foreach (var group in runs.GroupBy(r => r.Point).OrderBy(g => g.Key))
        {
            var first = group.First();
            string label = $"o {F(first.Level(Openness))}, shift {F(first.Level(Shift))}, cap {F(first.Level(Capacity))}";
            var share = Proportion.Wilson(group.Count(r => r["turnover"] == 1), group.Count());
            reported.Add(new Reported($"turnover share: {label}", share, $"{group.Count(r => r["turnover"] == 1)} of {group.Count()}"));
            points.Add(Point(label, points.Count, share));
        }
        return Result(runs.Count, checks, reported, new ExperimentFigure
        {
            Title = "Fact 6: share of runs ending in revolutionary turnover",
            XLabel = "Openness, grievance shift, repression capacity",
            YLabel = "Share of runs (95% Wilson CI)",
            Series = [new FigureSeries("turnover share", points)],
            Line = MaxShare,
            LineName = "bound for the whole grid (0.15)",
        });
    }
}
