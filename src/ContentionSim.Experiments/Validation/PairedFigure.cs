namespace ContentionSim.Experiments.Validation;

/// <summary>
/// The figure of a paired experiment: each paired difference with its 95% interval, divided by the
/// mean level of the measure over both arms, so differences of measures on different scales can be
/// read on one axis (a forest plot; the criterion is an interval that excludes 0).
/// </summary>
public static class PairedFigure
{
    public static ExperimentFigure Build(string title, IReadOnlyList<Check> differences, IReadOnlyList<ExperimentRun> a,
        IReadOnlyList<ExperimentRun> b, IReadOnlyList<string> measures, IReadOnlyList<string> labels)
    {
        var points = new List<FigurePoint>();
        for (int i = 0; i < differences.Count; i++)
        {
            double level = Statistics.Mean(a.Concat(b).Select(r => r[measures[i]])).Value;
            var d = differences[i].Estimate;
            double scale = double.IsFinite(level) && Math.Abs(level) > 1e-12 ? Math.Abs(level) : 1;
            points.Add(new FigurePoint(labels[i], i, d.Value / scale, (d.HasInterval ? d.Low : d.Value) / scale, (d.HasInterval ? d.High : d.Value) / scale));
        }
        return new ExperimentFigure
        {
            Title = title,
            XLabel = "Measure (expected direction)",
            YLabel = "Paired difference / mean level (95% CI)",
            Series = [new FigureSeries("paired difference", points)],
            Line = 0,
            LineName = "no difference",
        };
    }
}
