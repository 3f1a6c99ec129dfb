using ContentionSim.Reporting;
using System.Globalization;
using ContentionSim.Reporting.Plots;
using ScottPlot;
using Palette = ContentionSim.Reporting.Plots.Palette;
using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// The tornado plot of one outcome: a row per parameter that moved it, the largest swing at the top
/// (the top <see cref="DefaultRows"/>), each with two horizontal bars from the outcome's mean at the base
/// scenario (the vertical line) to its mean at the parameter's low value (blue) and at its high value
/// (vermillion), with whiskers of ± half the 95% CI of the paired (same-seed) difference from the base. Row labels give the
/// parameter's path and its low / base / high values.
/// </summary>
public static class TornadoPlot
{
    /// <summary>Rows drawn unless asked otherwise.</summary>
    public const int DefaultRows = 20;

    public const int Width = 1800;
    /// <summary>Height of the figure for <paramref name="rows"/> rows.</summary>
    public static int HeightFor(int rows) => 260 + 56 * Math.Max(rows, 1);

    public const string LowColor = Palette.Blue;
    public const string HighColor = Palette.Vermillion;

    /// <summary>The figure of <paramref name="outcome"/>, and the number of rows drawn.</summary>
    public static (Plot Plot, int Rows) Create(SensitivityAnalysis analysis, Metric outcome, string title, int maxRows = DefaultRows)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(outcome);
        double scale = outcome.PlotScale;
        var effects = analysis.Ranked(outcome).Where(e => double.IsFinite(e.Swing) && e.Swing > 0).Take(Math.Max(1, maxRows)).ToArray();
        string pct = (analysis.Design.Delta * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var plot = FigureStyle.NewPlot(title, outcome.Label, "");
        var baseline = analysis.Baseline[SensitivityOutcomes.All.ToList().FindIndex(o => o.Name == outcome.Name)];
        double center = baseline.Mean * scale;

        var bars = new List<Bar>();
        var positions = new double[effects.Length];
        var labels = new string[effects.Length];
        for (int i = 0; i < effects.Length; i++)
        {
            var e = effects[i];
            double y = effects.Length - 1 - i; // largest swing at the top
            positions[i] = y;
            labels[i] = RowLabel(e);
            bars.Add(BarOf(y + 0.2, e.Low.Mean * scale, center, LowColor));
            bars.Add(BarOf(y - 0.2, e.High.Mean * scale, center, HighColor));
        }
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
        }
        for (int i = 0; i < effects.Length; i++)
        {
            Whisker(plot, positions[i] + 0.2, effects[i].Low.Mean * scale, effects[i].LowMinusBase, scale);
            Whisker(plot, positions[i] - 0.2, effects[i].High.Mean * scale, effects[i].HighMinusBase, scale);
        }
        if (double.IsFinite(center))
        {
            var line = plot.Add.VerticalLine(center, 3, Colors.Black);
            line.LinePattern = LinePattern.Solid;
        }
        if (effects.Length > 0)
        {
            plot.Axes.Left.SetTicks(positions, labels);
            plot.Axes.Left.TickLabelStyle.FontSize = FigureStyle.TickSize - 2;
        }
        else
        {
            string text = double.IsFinite(center)
                ? $"No parameter moved this outcome: every variant gives {Number(center)} or has no value"
                : "No run of the base scenario has a value for this outcome";
            // In the middle of the axis (see the limits below), not at the base line, which may be at its edge.
            double x = outcome.PlotScale == 100 ? 50 : double.IsFinite(center) ? center : 0;
            var note = plot.Add.Text(text, x, 0);
            plot.Axes.Left.SetTicks([], []);
            note.LabelFontSize = FigureStyle.AnnotationSize;
            note.LabelAlignment = Alignment.MiddleCenter;
        }
        FigureStyle.LegendRight(plot,
        [
            FigureStyle.FillItem($"low value (−{pct}%)", LowColor, 1),
            FigureStyle.FillItem($"high value (+{pct}%)", HighColor, 1),
            FigureStyle.LineItem("base scenario", Palette.Black, 3, LinePattern.Solid),
        ]);
        plot.Axes.AutoScale();
        // Whiskers may reach below 0 for an outcome that cannot: keep the axis where the means are.
        var ends = effects.SelectMany(e => new[] { e.Low.Mean, e.High.Mean }).Append(baseline.Mean).Where(double.IsFinite).ToArray();
        if (ends.Length > 0 && ends.Min() >= 0)
        {
            var limits = plot.Axes.GetLimits();
            // Shares (drawn in percent) cannot pass 100 either.
            double right = outcome.PlotScale == 100 && ends.Max() <= 1 ? Math.Min(limits.Right, 100) : limits.Right;
            plot.Axes.SetLimitsX(Math.Max(limits.Left, 0), right);
        }
        if (effects.Length == 0)
        {
            if (outcome.PlotScale == 100) plot.Axes.SetLimitsX(-2, 102);
            else if (double.IsFinite(center)) plot.Axes.SetLimitsX(center - Math.Max(1, Math.Abs(center)), center + Math.Max(1, Math.Abs(center)));
        }
        plot.Axes.SetLimitsY(-0.7, Math.Max(effects.Length, 1) - 0.3);
        return (plot, effects.Length);
    }

    /// <summary>
    /// "scenario: outcome label", with the number of base runs that have the outcome when some do
    /// not (cycle length and outcome shares exist only in runs with a cycle), so a sparse outcome's
    /// figure says how little it rests on.
    /// </summary>
    public static string Title(SensitivityAnalysis analysis, Metric outcome)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(outcome);
        string title = $"{analysis.Design.Base.Name}: {outcome.Label}";
        int n = analysis.Baseline[SensitivityOutcomes.All.ToList().FindIndex(o => o.Name == outcome.Name)].N;
        return n < analysis.Design.Replications ? $"{title} ({n} of {analysis.Design.Replications} base runs have one)" : title;
    }

    /// <summary>Renders the figure of <paramref name="outcome"/> to PNG and SVG bytes.</summary>
    public static (byte[] Png, string Svg) Render(SensitivityAnalysis analysis, Metric outcome, string title, int maxRows = DefaultRows)
    {
        var (plot, rows) = Create(analysis, outcome, title, maxRows);
        int height = HeightFor(rows);
        return (plot.GetImageBytes(Width, height, ImageFormat.Png), RunPlots.NormalizeSvgIds(plot.GetSvgXml(Width, height)));
    }

    /// <summary>"state.openness  0.375 | 0.5 | 0.625" (the parameter and its low | base | high values).</summary>
    public static string RowLabel(SensitivityEffect e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string suffix = e.Parameter.Kind == VariationKind.Value ? "" : e.Parameter.Kind == VariationKind.DistributionMean ? " (mean)" : " (location)";
        return $"{e.Parameter.Path}{suffix}  {Number(e.Values.Low)} | {Number(e.Values.Base)} | {Number(e.Values.High)}";
    }

    private static Bar BarOf(double y, double value, double center, string color) => new()
    {
        Position = y,
        ValueBase = double.IsFinite(center) ? center : 0,
        Value = double.IsFinite(value) ? value : (double.IsFinite(center) ? center : 0),
        FillColor = Palette.ToColor(color),
        LineWidth = 0,
        Size = 0.38,
    };

    /// <summary>A whisker at the end of a bar: ± half the 95% CI of the paired difference from the base.</summary>
    private static void Whisker(Plot plot, double y, double value, MeanInterval difference, double scale)
    {
        if (!double.IsFinite(value) || !double.IsFinite(difference.CiLow) || difference.CiHigh <= difference.CiLow) return;
        double half = (difference.CiHigh - difference.CiLow) / 2 * scale;
        var color = Colors.Black.WithAlpha(0.75);
        var line = plot.Add.Line(value - half, y, value + half, y);
        line.Color = color;
        line.LineWidth = 2;
        foreach (double x in new[] { value - half, value + half })
        {
            var cap = plot.Add.Line(x, y - 0.1, x, y + 0.1);
            cap.Color = color;
            cap.LineWidth = 2;
        }
    }

    /// <summary>A value for labels and tables: up to four decimals below 1, three below 100, one above; invariant culture.</summary>
    public static string Number(double v)
    {
        double a = Math.Abs(v);
        string format = a >= 100 ? "0.#" : a >= 1 ? "0.###" : "0.####";
        string s = v.ToString(format, CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }
}
