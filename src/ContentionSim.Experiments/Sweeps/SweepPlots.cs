using ContentionSim.Reporting;
using System.Globalization;
using ContentionSim.Core.Stages;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Reporting.Plots;
using ScottPlot;
using Palette = ContentionSim.Reporting.Plots.Palette;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>
/// The figures of a sweep, built from its records (sorted by run index, so identical for any
/// parallelism): each metric against the x factor with 95% confidence bands and one line per level of
/// the lines factor; a heatmap of one metric over x × lines; the shares of cycle outcomes against x;
/// and the average stage trace of the lowest and highest x level side by side. Runs are pooled over
/// any further varied parameters.
/// </summary>
public static class SweepPlots
{
    /// <summary>Width of one panel of a multi-panel figure.</summary>
    public const int PanelWidth = 1100;

    /// <summary>Most lines levels drawn as separate panels in the outcome figure (more are pooled).</summary>
    public const int MaxOutcomePanels = 4;

    /// <summary>Colours of the outcomes (Okabe–Ito), in the order of <see cref="SweepSummary.Outcomes"/>.</summary>
    public static string OutcomeColor(Outcome outcome) => outcome switch
    {
        Outcome.Fizzle => Palette.LightGrey,
        Outcome.Negotiated => Palette.BluishGreen,
        Outcome.Suppressed => Palette.Vermillion,
        Outcome.Faded => Palette.Orange,
        Outcome.RevolutionaryTurnover => Palette.ReddishPurple,
        Outcome.Ongoing => Palette.SkyBlue,
        _ => Palette.Black,
    };

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle];

    // Lines are told apart by colour and marker shape; dashes are avoided because Skia's SVG backend cannot draw them.

    // ---- metric against x ----------------------------------------------------------------------

    /// <summary>Mean of <paramref name="metric"/> against the x factor with its 95% CI as a band, a line per lines level.</summary>
    public static Plot Metric(SweepData data, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(metric);
        int mi = IndexOf(metric);
        var plot = FigureStyle.NewPlot(metric.Label, XLabel(data), metric.Label);
        var (positions, labels) = XAxis(data);
        var legend = new List<LegendItem>();
        int lines = LineCount(data);
        double lowest = double.PositiveInfinity;
        // A metric that cannot be negative (a count, a share, a duration) gets its confidence band clipped at zero:
        // the normal interval of a mean near zero would otherwise draw negative counts.
        bool nonNegative = data.Finished.Select(r => r.Metrics[mi]).Where(v => v is not null).All(v => v!.Value >= 0);
        for (int line = 0; line < lines; line++)
        {
            var xs = new List<double>();
            var means = new List<double>();
            var bandX = new List<double>();
            var lows = new List<double>();
            var highs = new List<double>();
            for (int x = 0; x < positions.Length; x++)
            {
                var runs = data.Finished.Where(r => data.LevelOf(r, data.XFactor) == x && data.LevelOf(r, data.LinesFactor) == line);
                var s = SweepStatistics.Describe(runs.Select(r => r.Metrics[mi]).Where(v => v is not null).Select(v => v!.Value * metric.PlotScale));
                if (s.N == 0) continue;
                xs.Add(positions[x]);
                means.Add(s.Mean);
                double ciLow = nonNegative && double.IsFinite(s.CiLow) ? Math.Max(0, s.CiLow) : s.CiLow;
                lowest = Math.Min(lowest, double.IsFinite(ciLow) ? Math.Min(ciLow, s.Mean) : s.Mean);
                if (double.IsFinite(ciLow))
                {
                    bandX.Add(positions[x]);
                    lows.Add(ciLow);
                    highs.Add(s.CiHigh);
                }
            }
            string color = Palette.Movement(line);
            if (bandX.Count >= 2 && !Sampled(data))
            {
                var band = plot.Add.FillY(bandX.ToArray(), highs.ToArray(), lows.ToArray());
                band.FillColor = Palette.ToColor(color).WithAlpha(0.18);
                band.LineWidth = 0;
                band.MarkerSize = 0;
            }
            if (xs.Count > 0)
            {
                var scatter = plot.Add.Scatter(xs.ToArray(), means.ToArray());
                scatter.Color = Palette.ToColor(color);
                scatter.LineWidth = Sampled(data) ? 0 : 3;
                scatter.MarkerShape = Markers[line % Markers.Length];
                scatter.MarkerSize = Sampled(data) ? 7 : 12;
            }
            legend.Add(new LegendItem
            {
                LabelText = LineLabel(data, line),
                LineColor = Palette.ToColor(color),
                LineWidth = 3,
                LinePattern = LinePattern.Solid,
                MarkerShape = Markers[line % Markers.Length],
                MarkerFillColor = Palette.ToColor(color),
                MarkerLineColor = Palette.ToColor(color),
                MarkerSize = 12,
            });
        }
        if (!Sampled(data))
            legend.Add(FigureStyle.FillItem(nonNegative ? "95% confidence interval of the mean (cut at 0)" : "95% confidence interval of the mean", Palette.Black, 0.18));
        FigureStyle.LegendBelow(plot, legend);
        if (labels is not null) plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        double first = positions.Min(), end = positions.Max();
        double pad = positions.Length > 1 ? (end - first) * 0.04 : 0.5;
        plot.Axes.SetLimitsX(first - pad, end + pad);
        if (lowest >= 0) plot.Axes.SetLimitsY(0, limits.Top <= 0 ? 1 : limits.Top);
        return plot;
    }

    // ---- heatmap -------------------------------------------------------------------------------

    /// <summary>Mean of <paramref name="metric"/> over x × lines as coloured cells (viridis), values written in the cells when there is room.</summary>
    public static Plot Heatmap(SweepData data, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(metric);
        int mi = IndexOf(metric);
        int nx = XCount(data), ny = LineCount(data);
        var values = new double[ny, nx];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int y = 0; y < ny; y++)
            for (int x = 0; x < nx; x++)
            {
                var runs = data.Finished.Where(r => data.LevelOf(r, data.XFactor) == x && data.LevelOf(r, data.LinesFactor) == y);
                var s = SweepStatistics.Describe(runs.Select(r => r.Metrics[mi]).Where(v => v is not null).Select(v => v!.Value * metric.PlotScale));
                values[ny - 1 - y, x] = s.Mean; // row 0 is drawn at the top
                if (double.IsFinite(s.Mean)) { min = Math.Min(min, s.Mean); max = Math.Max(max, s.Mean); }
            }
        string yLabel = data.LinesFactor >= 0 ? ComparePlot.Wrap(ParameterWords.Axis(data.Grid.Factors[data.LinesFactor].Key), 50) : "";
        var plot = FigureStyle.NewPlot($"{metric.Label}: mean over runs", XLabel(data), yLabel);
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(-0.5, nx - 0.5, -0.5, ny - 0.5); // the edges of the cells: cell centres at 0, 1, ...
        heatmap.NaNCellColor = Colors.White;
        if (double.IsFinite(min) && max > min) heatmap.ManualRange = new ScottPlot.Range(min, max);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = metric.Label;
        bar.LabelStyle.FontSize = FigureStyle.LabelSize - 4;

        if (nx * ny <= 160)
        {
            float size = nx * ny <= 40 ? FigureStyle.AnnotationSize : FigureStyle.AnnotationSize - 6;
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++)
                {
                    double v = values[ny - 1 - y, x];
                    if (!double.IsFinite(v)) continue;
                    var text = plot.Add.Text(CellText(v, metric), x, y);
                    text.LabelFontSize = size;
                    text.LabelAlignment = Alignment.MiddleCenter;
                    double level = max > min ? (v - min) / (max - min) : 0.5;
                    text.LabelFontColor = level > 0.6 ? Colors.Black : Colors.White;
                }
        }
        var (_, xLabels) = XAxis(data);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, nx).Select(i => (double)i).ToArray(),
            xLabels ?? Enumerable.Range(0, nx).Select(i => XText(data, i)).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, ny).Select(i => (double)i).ToArray(),
            Enumerable.Range(0, ny).Select(i => data.LinesFactor >= 0 ? data.Grid.Factors[data.LinesFactor].Levels[i].Text : "all runs").ToArray());
        plot.Axes.SetLimits(-0.5, nx - 0.5, -0.5, ny - 0.5);
        return plot;
    }

    private static string CellText(double v, Metric metric)
    {
        double a = Math.Abs(v);
        string format = a >= 100 ? "0" : a >= 10 ? "0.#" : a >= 1 ? "0.##" : "0.###";
        string s = v.ToString(format, CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    // ---- outcomes ------------------------------------------------------------------------------

    /// <summary>
    /// Shares of cycles by outcome as stacked bars against x: one panel per lines level (up to
    /// <see cref="MaxOutcomePanels"/>; beyond that, one panel pooling them).
    /// </summary>
    public static IReadOnlyList<Plot> Outcomes(SweepData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int lines = LineCount(data);
        bool perLine = data.LinesFactor >= 0 && lines <= MaxOutcomePanels;
        var panels = new List<Plot>();
        int panelCount = perLine ? lines : 1;
        for (int panel = 0; panel < panelCount; panel++)
        {
            // Titles in words can be long: wrapped to the panel's width, never cut.
            string title = perLine ? ComparePlot.Wrap(LineLabel(data, panel), 60)
                : data.LinesFactor >= 0 ? ComparePlot.Wrap($"Cycle outcomes, all {ParameterWords.Label(data.Grid.Factors[data.LinesFactor].Key)} pooled", 60) : "Cycle outcomes";
            var plot = FigureStyle.NewPlot(title, XLabel(data), panel == 0 ? "Share of cycles (%)" : "");
            int nx = XCount(data);
            var bars = new List<Bar>();
            var counts = new int[nx];
            for (int x = 0; x < nx; x++)
            {
                var runs = data.Finished.Where(r => data.LevelOf(r, data.XFactor) == x && (!perLine || data.LevelOf(r, data.LinesFactor) == panel));
                var (cycles, shares) = SweepSummary.OutcomeShares(runs);
                counts[x] = cycles;
                double bottom = 0;
                for (int o = 0; o < SweepSummary.Outcomes.Count; o++)
                {
                    double share = cycles == 0 ? 0 : shares[o] * 100;
                    if (share <= 0) continue;
                    bars.Add(new Bar
                    {
                        Position = x,
                        ValueBase = bottom,
                        Value = bottom + share,
                        FillColor = Palette.ToColor(OutcomeColor(SweepSummary.Outcomes[o])),
                        LineWidth = 0,
                        Size = 0.8,
                    });
                    bottom += share;
                }
            }
            if (bars.Count > 0) plot.Add.Bars(bars);
            for (int x = 0; x < nx; x++)
            {
                if (counts[x] > 0) continue;
                var text = plot.Add.Text("no cycles", x, 50);
                text.LabelRotation = -90;
                text.LabelFontSize = FigureStyle.AnnotationSize - 4;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = Colors.DimGray;
            }
            var (_, xLabels) = XAxis(data);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, nx).Select(i => (double)i).ToArray(),
                xLabels ?? Enumerable.Range(0, nx).Select(i => XText(data, i)).ToArray());
            plot.Axes.SetLimits(-0.6, nx - 0.4, 0, 100);
            panels.Add(plot);
        }
        FigureStyle.LegendRight(panels[^1], SweepSummary.Outcomes.Reverse()
            .Select(o => FigureStyle.FillItem(StageText.Key(o).Replace('_', ' '), OutcomeColor(o), 1)));
        return panels;
    }

    // ---- stage traces --------------------------------------------------------------------------

    /// <summary>
    /// The average stage trace at the lowest and the highest level of the x factor, side by side: per
    /// tick, the share of runs in each stage (stacked) and the mean participation. Empty when the
    /// series of those runs were not kept (<c>--series none</c>) or nothing is varied.
    /// </summary>
    public static IReadOnlyList<Plot> StageTraces(SweepData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.XFactor < 0) return [];
        var factor = data.Grid.Factors[data.XFactor];
        var (lowest, highest) = data.Grid.ExtremeLevels(data.XFactor);
        var levels = lowest == highest ? new[] { lowest } : new[] { lowest, highest };
        var traces = levels.Select(l => Trace(data, l)).ToArray();
        if (traces.All(t => t.Runs == 0)) return [];
        double yMax = 100;
        var panels = new List<Plot>();
        for (int i = 0; i < levels.Length; i++)
        {
            var (runs, ticks, stageShares, participation) = traces[i];
            string which = levels.Length == 1 ? "" : factor.Key == "state.openness"
                ? (i == 0 ? " (tight)" : " (open)")
                : (i == 0 ? " (lowest)" : " (highest)");
            var plot = FigureStyle.NewPlot($"{factor.Key} = {factor.Levels[levels[i]].Text}{which}, {runs} runs",
                $"Time ({FigureStyle.Plural(data.Manifest.TimeUnit)})", i == 0 ? "Runs in each stage (%), mean participation (%)" : "");
            if (runs > 0)
            {
                int step = Math.Max(1, (ticks.Length + FigureStyle.MaxPoints - 1) / FigureStyle.MaxPoints);
                var keep = Enumerable.Range(0, ticks.Length).Where(k => k % step == 0 || k == ticks.Length - 1).ToArray();
                double[] x = keep.Select(k => (double)ticks[k]).ToArray();
                double[] lower = new double[keep.Length];
                foreach (var stage in StageText.Cycle)
                {
                    double[] upper = new double[keep.Length];
                    for (int k = 0; k < keep.Length; k++) upper[k] = lower[k] + stageShares[(int)stage][keep[k]] * 100;
                    var fill = plot.Add.FillY(x, upper, lower);
                    fill.FillColor = Palette.ToColor(Palette.Stage(stage)).WithAlpha(0.75);
                    fill.LineWidth = 0;
                    fill.MarkerSize = 0;
                    lower = upper;
                }
                var halo = plot.Add.ScatterLine(x, keep.Select(k => participation[k] * 100).ToArray());
                halo.Color = Colors.White.WithAlpha(0.9);
                halo.LineWidth = 8;
                var line = plot.Add.ScatterLine(x, keep.Select(k => participation[k] * 100).ToArray());
                line.Color = Palette.ToColor(Palette.Wave);
                line.LineWidth = 3.5f;
                plot.Axes.SetLimitsX(x[0], Math.Max(x[^1], x[0] + 1));
            }
            plot.Axes.SetLimitsY(0, yMax);
            panels.Add(plot);
        }
        var legend = new List<LegendItem> { FigureStyle.LineItem("mean participation", Palette.Wave, 3.5f, LinePattern.Solid) };
        foreach (var stage in StageText.Cycle.Reverse())
            legend.Add(FigureStyle.FillItem($"{(int)stage} {StageText.Name(stage)}", Palette.Stage(stage), 0.75));
        legend.Add(FigureStyle.FillItem("no cycle under way (white)", "#FFFFFF", 1));
        FigureStyle.LegendRight(panels[^1], legend);
        return panels;
    }

    /// <summary>Per tick: the share of runs in each stage (index = stage number) and the mean participation, over the finished runs at x level <paramref name="level"/> with a kept series.</summary>
    public static (int Runs, int[] Ticks, double[][] StageShares, double[] Participation) Trace(SweepData data, int level)
    {
        ArgumentNullException.ThrowIfNull(data);
        var series = data.Finished.Where(r => data.LevelOf(r, data.XFactor) == level)
            .Select(r => data.Series(r.Run)).Where(s => s is { Count: > 0 }).Select(s => s!).ToList();
        if (series.Count == 0) return (0, [], Enumerable.Range(0, 7).Select(_ => Array.Empty<double>()).ToArray(), []);
        int first = series.Min(s => s[0].Tick), lastTick = series.Max(s => s[^1].Tick);
        int n = lastTick - first + 1;
        var counts = Enumerable.Range(0, 7).Select(_ => new int[n]).ToArray();
        var present = new int[n];
        var sum = new double[n];
        foreach (var s in series)
            foreach (var t in s)
            {
                int i = t.Tick - first;
                if (i < 0 || i >= n) continue;
                present[i]++;
                int stage = (int)t.Stage;
                if (stage >= 0 && stage < 7) counts[stage][i]++;
                if (double.IsFinite(t.Participation)) sum[i] += t.Participation;
            }
        var shares = counts.Select(c => c.Select((k, i) => present[i] == 0 ? 0 : (double)k / present[i]).ToArray()).ToArray();
        var participation = sum.Select((v, i) => present[i] == 0 ? 0 : v / present[i]).ToArray();
        return (series.Count, Enumerable.Range(first, n).ToArray(), shares, participation);
    }

    // ---- axes ----------------------------------------------------------------------------------

    private static int IndexOf(Metric metric)
    {
        for (int i = 0; i < SweepMetrics.All.Count; i++) if (SweepMetrics.All[i].Name == metric.Name) return i;
        throw new ArgumentException($"'{metric.Name}' is not one of the sweep metrics", nameof(metric));
    }

    /// <summary>Whether the sweep is a sampled design: each point is drawn as a marker at its x value, not joined to the next.</summary>
    private static bool Sampled(SweepData data) => data.Grid.Design == SweepDesign.Sampled;

    private static int XCount(SweepData data) => data.XFactor < 0 ? 1 : data.Grid.Factors[data.XFactor].Levels.Count;

    private static int LineCount(SweepData data) => data.LinesFactor < 0 ? 1 : data.Grid.Factors[data.LinesFactor].Levels.Count;

    private static string XLabel(SweepData data) => data.XFactor < 0 ? "(nothing varied)" : ParameterWords.Axis(data.Grid.Factors[data.XFactor].Key);

    private static string XText(SweepData data, int level) => data.XFactor < 0 ? "all runs" : data.Grid.Factors[data.XFactor].Levels[level].Text;

    private static string LineLabel(SweepData data, int line) =>
        data.LinesFactor < 0 ? "all runs" : $"{ParameterWords.Label(data.Grid.Factors[data.LinesFactor].Key)} = {data.Grid.Factors[data.LinesFactor].Levels[line].Text}";

    /// <summary>x positions of the x levels: their numbers when all are numeric and distinct (labels null), else 0, 1, … with the levels' text as labels.</summary>
    private static (double[] Positions, string[]? Labels) XAxis(SweepData data)
    {
        if (data.XFactor < 0) return ([0], ["all runs"]);
        var factor = data.Grid.Factors[data.XFactor];
        if (Sampled(data) && factor.IsNumeric) return (factor.Levels.Select(l => l.Number!.Value).ToArray(), null);
        if (factor.IsNumeric && factor.Levels.Select(l => l.Number!.Value).Distinct().Count() == factor.Levels.Count
            && factor.Levels.Zip(factor.Levels.Skip(1)).All(p => p.First.Number < p.Second.Number))
            return (factor.Levels.Select(l => l.Number!.Value).ToArray(), null);
        return (Enumerable.Range(0, factor.Levels.Count).Select(i => (double)i).ToArray(), factor.Levels.Select(l => l.Text).ToArray());
    }
}
