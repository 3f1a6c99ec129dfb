using ContentionSim.Reporting;
using ContentionSim.Reporting.Plots;
using ScottPlot;
using Palette = ContentionSim.Reporting.Plots.Palette;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Draws an <see cref="ExperimentFigure"/>: each series as markers with 95% intervals as vertical
/// whiskers (a reference series, such as the paper's values with their tolerance, as open markers
/// beside them), an optional fitted curve and an optional horizontal line for a criterion.
/// </summary>
public static class ExperimentPlot
{
    public const int Width = 1600, Height = 900;

    private static readonly string[] Colors = [Palette.Blue, Palette.Vermillion, Palette.BluishGreen, Palette.ReddishPurple];

    /// <summary>The figure as a ScottPlot plot.</summary>
    public static Plot Build(ExperimentFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var plot = FigureStyle.NewPlot(figure.Title, figure.XLabel, figure.YLabel);
        var legend = new List<LegendItem>();
        int count = figure.Series.Count;
        double width = figure.NumericX ? Spacing(figure) : 1;
        for (int s = 0; s < count; s++)
        {
            var series = figure.Series[s];
            if (series.Points.Count == 0) continue;
            string hex = series.Reference ? Palette.Black : Colors[s % Colors.Length];
            var color = Palette.ToColor(hex);
            double offset = count > 1 ? (s - (count - 1) / 2.0) * width * 0.18 : 0;
            var xs = series.Points.Select(p => p.X + offset).ToArray();
            foreach (var (p, x) in series.Points.Zip(xs))
            {
                if (p.High > p.Low)
                {
                    var whisker = plot.Add.ScatterLine(new[] { x, x }, new[] { p.Low, p.High });
                    whisker.Color = color;
                    whisker.LineWidth = 3;
                    whisker.MarkerSize = 0;
                    double cap = width * 0.06;
                    foreach (var y in new[] { p.Low, p.High })
                    {
                        var c = plot.Add.ScatterLine(new[] { x - cap, x + cap }, new[] { y, y });
                        c.Color = color;
                        c.LineWidth = 3;
                        c.MarkerSize = 0;
                    }
                }
            }
            var markers = plot.Add.Scatter(xs, series.Points.Select(p => p.Value).ToArray());
            markers.Color = color;
            markers.LineWidth = figure.NumericX && !series.Reference ? 2 : 0;
            markers.MarkerSize = 16;
            markers.MarkerShape = series.Reference ? MarkerShape.OpenDiamond : MarkerShape.FilledCircle;
            legend.Add(new LegendItem
            {
                LabelText = series.Name + (series.Reference ? "" : " (95% CI)"),
                LineColor = color,
                LineWidth = 3,
                MarkerShape = series.Reference ? MarkerShape.OpenDiamond : MarkerShape.FilledCircle,
                MarkerFillColor = color,
                MarkerLineColor = color,
                MarkerSize = 14,
            });
        }
        if (figure.Curve.Count > 1)
        {
            var curve = plot.Add.ScatterLine(figure.Curve.Select(c => c.X).ToArray(), figure.Curve.Select(c => c.Y).ToArray());
            curve.Color = Palette.ToColor(Palette.Orange);
            curve.LineWidth = 3;
            curve.MarkerSize = 0;
            legend.Add(FigureStyle.LineItem(figure.CurveName, Palette.Orange, 3, LinePattern.Solid));
        }
        if (figure.Line is double line)
        {
            var h = plot.Add.HorizontalLine(line);
            h.Color = Palette.ToColor(Palette.Black).WithAlpha(0.6);
            h.LineWidth = 2;
            legend.Add(FigureStyle.LineItem(figure.LineName, Palette.Black, 2, LinePattern.Solid));
        }
        FigureStyle.LegendRight(plot, legend);
        var all = figure.Series.SelectMany(s => s.Points).ToList();
        if (!figure.NumericX)
        {
            int n = all.Count == 0 ? 1 : all.Max(p => (int)Math.Round(p.X)) + 1;
            var labels = new string[n];
            foreach (var p in all) labels[(int)Math.Round(p.X)] = Wrap(p.Label, 18);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, n).Select(i => (double)i).ToArray(), labels.Select(l => l ?? "").ToArray());
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsX(-0.6, n - 0.4);
        }
        else plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        double lowest = all.Count == 0 ? 0 : all.Min(p => Math.Min(p.Low, p.Value));
        if (lowest >= 0 && (figure.Line is null || figure.Line >= 0))
            plot.Axes.SetLimitsY(0, Math.Max(limits.Top, figure.Line ?? 0) * 1.05 + 1e-9);
        return plot;
    }

    /// <summary>The figure as PNG bytes and SVG text.</summary>
    public static (byte[] Png, string Svg) Render(ExperimentFigure figure)
    {
        var plot = Build(figure);
        return (plot.GetImageBytes(Width, Height, ImageFormat.Png), RunPlots.NormalizeSvgIds(plot.GetSvgXml(Width, Height)));
    }

    private static double Spacing(ExperimentFigure figure)
    {
        var xs = figure.Series.SelectMany(s => s.Points).Select(p => p.X).Distinct().Order().ToArray();
        if (xs.Length < 2) return 1;
        return xs.Zip(xs.Skip(1), (a, b) => b - a).Min();
    }

    /// <summary>Breaks a label into lines of at most about <paramref name="width"/> characters.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = current.Length == 0 ? word : current + " " + word;
        }
        if (current.Length > 0) lines.Add(current);
        return string.Join('\n', lines);
    }
}
