using ContentionSim.Methods;
using ContentionSim.Methods.Discovery;
using ContentionSim.Methods.Sensitivity;
using ContentionSim.Reporting.Plots;
using ScottPlot;
using Palette = ContentionSim.Reporting.Plots.Palette;

namespace ContentionSim.Reporting.Methods;

/// <summary>
/// Figures of the global methods: the Morris μ*–σ plane, Sobol first-order and total indices with their
/// intervals, the pair plot of a posterior, and PRIM's coverage–density trade-off. Each returns PNG and
/// SVG (the pair plot, a grid of panels, PNG only).
/// </summary>
public static class MethodPlots
{
    public const int Width = 1600;

    /// <summary>
    /// Morris screening: each factor at (μ*, σ) with the bootstrap interval of μ* as a horizontal bar; the
    /// lines σ/μ* = 0.1, 0.5 and 1 (Garcia Sanchez et al. 2014) separate near-linear from non-linear or
    /// interacting effects. The <paramref name="labelled"/> largest μ* are named.
    /// </summary>
    public static (byte[] Png, string Svg) Morris(IReadOnlyList<MorrisIndex> indices, string title, string outcomeLabel, int labelled = 12)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var plot = FigureStyle.NewPlot(title, $"μ* (mean |elementary effect|) of {outcomeLabel}", "σ (spread of the effects)");
        var shown = indices.Where(i => double.IsFinite(i.MuStar.Value) && double.IsFinite(i.Sigma)).ToArray();
        double maxX = shown.Length == 0 ? 1 : Math.Max(shown.Max(i => double.IsFinite(i.MuStar.Upper) ? i.MuStar.Upper : i.MuStar.Value), 1e-12) * 1.1;
        foreach (var (ratio, pattern) in new[] { (0.1, LinePattern.Dotted), (0.5, LinePattern.Dashed), (1.0, LinePattern.Solid) })
        {
            var line = plot.Add.Line(0, 0, maxX, ratio * maxX);
            line.Color = Colors.Black.WithAlpha(0.35);
            line.LinePattern = pattern;
            line.LineWidth = 1.5f;
        }
        foreach (var i in shown)
        {
            if (double.IsFinite(i.MuStar.Lower) && double.IsFinite(i.MuStar.Upper) && i.MuStar.Upper > i.MuStar.Lower)
            {
                var bar = plot.Add.Line(i.MuStar.Lower, i.Sigma, i.MuStar.Upper, i.Sigma);
                bar.Color = Palette.ToColor(Palette.Blue).WithAlpha(0.6);
                bar.LineWidth = 2;
            }
        }
        if (shown.Length > 0)
        {
            var markers = plot.Add.ScatterPoints(shown.Select(i => i.MuStar.Value).ToArray(), shown.Select(i => i.Sigma).ToArray());
            markers.Color = Palette.ToColor(Palette.Blue);
            markers.MarkerSize = 11;
        }
        foreach (var i in shown.OrderByDescending(i => i.MuStar.Value).Take(labelled))
        {
            var text = plot.Add.Text(" " + i.Factor, i.MuStar.Value, i.Sigma);
            text.LabelFontSize = FigureStyle.AnnotationSize - 6;
            text.LabelAlignment = Alignment.LowerLeft;
        }
        FigureStyle.LegendRight(plot,
        [
            FigureStyle.LineItem("σ/μ* = 1", Palette.Black, 1.5f, LinePattern.Solid),
            FigureStyle.LineItem("σ/μ* = 0.5", Palette.Black, 1.5f, LinePattern.Dashed),
            FigureStyle.LineItem("σ/μ* = 0.1", Palette.Black, 1.5f, LinePattern.Dotted),
            FigureStyle.LineItem("95% interval of μ*", Palette.Blue, 2, LinePattern.Solid),
        ]);
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimits(0, maxX, 0, Math.Max(limits.Top, 1e-12));
        return Render(plot, 1000);
    }

    /// <summary>
    /// Sobol indices: per factor (largest total index at the top) a bar of the first-order index (S1) and
    /// one of the total index (ST), each with its bootstrap interval; with <paramref name="noiseShare"/>,
    /// a line at the share of the variance that is the model's own noise.
    /// </summary>
    public static (byte[] Png, string Svg) Sobol(IReadOnlyList<SobolIndex> indices, string title, double noiseShare = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var rows = indices.OrderByDescending(i => i.Total.Value).ToArray();
        var plot = FigureStyle.NewPlot(title, "Share of the output's variance", "");
        var bars = new List<Bar>();
        var positions = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            double y = rows.Length - 1 - k;
            positions[k] = y;
            bars.Add(new Bar { Position = y + 0.2, Value = Finite(rows[k].First.Value), FillColor = Palette.ToColor(Palette.SkyBlue), LineWidth = 0, Size = 0.38 });
            bars.Add(new Bar { Position = y - 0.2, Value = Finite(rows[k].Total.Value), FillColor = Palette.ToColor(Palette.Vermillion), LineWidth = 0, Size = 0.38 });
        }
        if (bars.Count > 0) plot.Add.Bars(bars).Horizontal = true;
        for (int k = 0; k < rows.Length; k++)
        {
            Whisker(plot, positions[k] + 0.2, rows[k].First);
            Whisker(plot, positions[k] - 0.2, rows[k].Total);
        }
        var legend = new List<LegendItem>
        {
            FigureStyle.FillItem("first order S1", Palette.SkyBlue, 1),
            FigureStyle.FillItem("total ST", Palette.Vermillion, 1),
            FigureStyle.LineItem("95% bootstrap interval", Palette.Black, 2, LinePattern.Solid),
        };
        if (double.IsFinite(noiseShare))
        {
            var line = plot.Add.VerticalLine(noiseShare, 2, Palette.ToColor(Palette.BluishGreen));
            line.LinePattern = LinePattern.Dashed;
            legend.Add(FigureStyle.LineItem("model noise (share of variance)", Palette.BluishGreen, 2, LinePattern.Dashed));
        }
        FigureStyle.LegendRight(plot, legend);
        if (rows.Length > 0)
        {
            plot.Axes.Left.SetTicks(positions, rows.Select(r => r.Factor).ToArray());
            plot.Axes.Left.TickLabelStyle.FontSize = FigureStyle.TickSize - 4;
        }
        double right = Math.Max(1, rows.Select(r => Finite(r.Total.Upper)).DefaultIfEmpty(0).Max());
        double left = Math.Min(0, rows.Select(r => Finite(r.First.Lower)).DefaultIfEmpty(0).Min());
        plot.Axes.SetLimits(left - 0.02, right + 0.02, -0.7, Math.Max(rows.Length, 1) - 0.3);
        return Render(plot, 260 + 64 * Math.Max(rows.Length, 1));
    }

    /// <summary>
    /// The pair plot of a weighted sample (a posterior): on the diagonal each parameter's weighted
    /// histogram with the prior range as the axis; below it each pair's particles, darker for larger
    /// weight; the <paramref name="truth"/> (a known value, in a recovery test) as a vermillion line or point.
    /// </summary>
    public static byte[] Pairs(IReadOnlyList<string> names, IReadOnlyList<double[]> thetas, IReadOnlyList<double> weights,
        IReadOnlyList<(double Lower, double Upper)> ranges, string title, IReadOnlyList<double>? truth = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(thetas);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(ranges);
        int k = names.Count;
        int panel = k <= 2 ? 600 : k <= 4 ? 420 : 300;
        var multi = new Multiplot();
        multi.AddPlots(k * k);
        multi.Layout = new ScottPlot.MultiplotLayouts.Grid(k, k);
        double wmax = weights.Count == 0 ? 1 : weights.Max();
        for (int r = 0; r < k; r++)
        {
            for (int c = 0; c < k; c++)
            {
                var plot = multi.GetPlot(r * k + c);
                if (FigureStyle.SansFont is string font) plot.Font.Set(font);
                plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
                plot.Axes.Left.TickLabelStyle.FontSize = 12;
                if (r == k - 1) plot.XLabel(names[c], 14);
                if (c == 0) plot.YLabel(r == 0 ? "density" : names[r], 14);
                if (r == 0 && c == 0) plot.Title(title, 16);
                if (c > r) { plot.Axes.Frameless(); plot.HideGrid(); continue; }
                if (r == c)
                {
                    Histogram(plot, thetas.Select(t => t[c]).ToArray(), weights, ranges[c]);
                    if (truth is not null && double.IsFinite(truth[c])) plot.Add.VerticalLine(truth[c], 2, Palette.ToColor(Palette.Vermillion));
                    plot.Axes.SetLimitsX(ranges[c].Lower, ranges[c].Upper);
                }
                else
                {
                    for (int i = 0; i < thetas.Count; i++)
                    {
                        var m = plot.Add.Marker(thetas[i][c], thetas[i][r]);
                        m.Color = Palette.ToColor(Palette.Blue).WithAlpha(0.15 + 0.75 * weights[i] / wmax);
                        m.Size = 4;
                    }
                    if (truth is not null && double.IsFinite(truth[c]) && double.IsFinite(truth[r]))
                    {
                        var t = plot.Add.Marker(truth[c], truth[r]);
                        t.Color = Palette.ToColor(Palette.Vermillion);
                        t.Size = 14;
                        t.Shape = MarkerShape.Cross;
                        t.LineWidth = 3;
                    }
                    plot.Axes.SetLimits(ranges[c].Lower, ranges[c].Upper, ranges[r].Lower, ranges[r].Upper);
                }
            }
        }
        return multi.Render(panel * k, panel * k).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>PRIM's peeling trajectory: density against coverage, one point per box, coloured by how many factors it restricts; the chosen box ringed.</summary>
    public static (byte[] Png, string Svg) PrimTradeoff(IReadOnlyList<PrimStep> trajectory, string title, PrimStep? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var plot = FigureStyle.NewPlot(title, "Coverage (share of the cases of interest in the box)", "Density (share of the box that is of interest)");
        string[] colours = [Palette.LightGrey, Palette.SkyBlue, Palette.Blue, Palette.BluishGreen, Palette.Orange, Palette.Vermillion, Palette.ReddishPurple];
        var legend = new List<LegendItem>();
        foreach (var group in trajectory.GroupBy(s => Math.Min(s.Restricted.Count, colours.Length - 1)).OrderBy(g => g.Key))
        {
            var pts = plot.Add.ScatterPoints(group.Select(s => s.Coverage).ToArray(), group.Select(s => s.Density).ToArray());
            pts.Color = Palette.ToColor(colours[group.Key]);
            pts.MarkerSize = 10;
            legend.Add(new LegendItem
            {
                LabelText = group.Key == colours.Length - 1 ? $"{group.Key}+ factors restricted" : $"{group.Key} factor{(group.Key == 1 ? "" : "s")} restricted",
                MarkerShape = MarkerShape.FilledCircle,
                MarkerFillColor = Palette.ToColor(colours[group.Key]),
                MarkerLineColor = Palette.ToColor(colours[group.Key]),
                MarkerSize = 14,
                LineWidth = 0,
            });
        }
        if (chosen is not null)
        {
            var ring = plot.Add.Marker(chosen.Coverage, chosen.Density);
            ring.Shape = MarkerShape.OpenCircle;
            ring.Size = 26;
            ring.LineWidth = 3;
            ring.Color = Colors.Black;
            legend.Add(new LegendItem { LabelText = "box chosen", MarkerShape = MarkerShape.OpenCircle, MarkerLineColor = Colors.Black, MarkerSize = 18, MarkerLineWidth = 3, LineWidth = 0 });
        }
        FigureStyle.LegendRight(plot, legend);
        plot.Axes.SetLimits(0, 1.02, 0, 1.02);
        return Render(plot, 1000);
    }

    private static void Histogram(Plot plot, double[] values, IReadOnlyList<double> weights, (double Lower, double Upper) range)
    {
        const int bins = 24;
        double width = (range.Upper - range.Lower) / bins;
        if (!(width > 0)) return;
        var mass = new double[bins];
        for (int i = 0; i < values.Length; i++)
        {
            int b = (int)Math.Floor((values[i] - range.Lower) / width);
            if (b >= 0 && b < bins) mass[b] += weights[i];
            else if (b == bins) mass[bins - 1] += weights[i];
        }
        double total = mass.Sum();
        var bars = Enumerable.Range(0, bins).Select(b => new Bar
        {
            Position = range.Lower + (b + 0.5) * width,
            Value = total > 0 ? mass[b] / total / width : 0,
            Size = width * 0.95,
            FillColor = Palette.ToColor(Palette.Blue).WithAlpha(0.7),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.SetLimitsY(0, Math.Max(bars.Max(b => b.Value) * 1.08, 1e-12));
    }

    private static void Whisker(Plot plot, double y, Interval interval)
    {
        if (!double.IsFinite(interval.Lower) || !double.IsFinite(interval.Upper) || interval.Upper <= interval.Lower) return;
        var color = Colors.Black.WithAlpha(0.75);
        var line = plot.Add.Line(interval.Lower, y, interval.Upper, y);
        line.Color = color;
        line.LineWidth = 2;
        foreach (double x in new[] { interval.Lower, interval.Upper })
        {
            var cap = plot.Add.Line(x, y - 0.1, x, y + 0.1);
            cap.Color = color;
            cap.LineWidth = 2;
        }
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private static (byte[] Png, string Svg) Render(Plot plot, int height) =>
        (plot.GetImageBytes(Width, height, ImageFormat.Png), RunPlots.NormalizeSvgIds(plot.GetSvgXml(Width, height)));
}
