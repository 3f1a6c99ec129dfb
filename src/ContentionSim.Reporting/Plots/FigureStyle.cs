using ContentionSim.Core.Observation;
using ScottPlot;

namespace ContentionSim.Reporting.Plots;

/// <summary>Shared look of the figures: large fonts for projectors, legend outside the data.</summary>
public static class FigureStyle
{
    /// <summary>Sans-serif families tried in order for figure text.</summary>
    private static readonly string[] PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "Segoe UI"];

    public const float TitleSize = 30, LabelSize = 24, TickSize = 20, LegendSize = 20, AnnotationSize = 20;

    /// <summary>A sans-serif family installed here, preferred in this order; null leaves ScottPlot's choice.</summary>
    public static readonly string? SansFont = PickSans();

    private static string? PickSans()
    {
        try
        {
            var installed = new HashSet<string>(SkiaSharp.SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
            return PreferredFonts.FirstOrDefault(installed.Contains);
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (SansFont is string font) plot.Font.Set(font);
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        // Culture-free tick labels; fewer ticks on the y axes so they stay legible from afar.
        plot.Axes.Bottom.TickGenerator = Ticks(1.0);
        plot.Axes.Left.TickGenerator = Ticks(0.6);
        plot.Axes.Right.TickGenerator = Ticks(0.6);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Right.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.SymbolWidth = 36;
        plot.Legend.SymbolHeight = 22;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic Ticks(double density) => new()
    {
        TickDensity = density,
        LabelFormatter = TickLabel,
    };

    /// <summary>A tick label with the invariant culture: at most four decimals, no "-0".</summary>
    public static string TickLabel(double value)
    {
        string s = value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>Puts the legend in its own panel right of the data so it never covers it.</summary>
    public static void LegendRight(Plot plot, IEnumerable<LegendItem> items)
    {
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>
    /// The legend as a strip under the plot, items side by side in rows, so it takes height, not a third
    /// of the width, and every stage colour is named under the bands (labels in the bands can be too narrow to show).
    /// </summary>
    public static void LegendBelow(Plot plot, IEnumerable<LegendItem> items)
    {
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    public static LegendItem LineItem(string label, string hex, float width, LinePattern pattern) => new()
    {
        LabelText = label,
        LineColor = Palette.ToColor(hex),
        LineWidth = width,
        LinePattern = pattern,
        MarkerShape = MarkerShape.None,
    };

    public static LegendItem FillItem(string label, string hex, double alpha) => new()
    {
        LabelText = label,
        FillColor = Palette.ToColor(hex).WithAlpha(alpha),
        OutlineColor = Palette.ToColor(hex),
        OutlineWidth = 1,
        LineWidth = 0,
        MarkerShape = MarkerShape.None,
    };

    /// <summary>
    /// Rough width of <paramref name="text"/> in x-axis units, for laying out labels before rendering:
    /// assumes the data area takes about 60% of a <see cref="RunPlots.DefaultWidth"/>-pixel figure.
    /// </summary>
    public static double TextWidth(string text, float fontSize, double xMin, double xMax)
    {
        double pixels = text.Length * fontSize * 0.6;
        double dataPixels = RunPlots.DefaultWidth * 0.6;
        return pixels / dataPixels * Math.Max(xMax - xMin, 1e-9);
    }

    /// <summary>The x-axis label from the scenario's time unit, e.g. "Time (weeks)".</summary>
    public static string TimeLabel(RunResult result) => $"Time ({Plural(UnitOf(result))})";

    public static string UnitOf(RunResult result) =>
        string.IsNullOrWhiteSpace(result.Scenario.TimeUnit) ? "tick" : result.Scenario.TimeUnit.Trim();

    public static string Plural(string unit) =>
        unit.EndsWith('s') ? unit : unit.EndsWith('y') && !unit.EndsWith("ay") && !unit.EndsWith("ey") ? unit[..^1] + "ies" : unit + "s";

    public static string Title(RunResult result) =>
        string.IsNullOrWhiteSpace(result.Scenario.Name) ? "ContentionSim run" : result.Scenario.Name;

    /// <summary>Most points a line or area is drawn with; longer series are thinned (see <see cref="Thin"/>).</summary>
    public const int MaxPoints = 2000;

    /// <summary>
    /// Thins a line for drawing: series of at most <paramref name="maxPoints"/> points are returned
    /// as they are; longer ones are cut into buckets of consecutive points and each bucket keeps its
    /// first, lowest and highest points (in x order), so peaks and troughs survive.
    /// </summary>
    public static (double[] X, double[] Y) Thin(double[] x, double[] y, int maxPoints = MaxPoints)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y differ in length.");
        if (x.Length <= maxPoints || maxPoints < 3) return (x, y);
        int buckets = maxPoints / 3;
        var xs = new List<double>(maxPoints + 1);
        var ys = new List<double>(maxPoints + 1);
        for (int b = 0; b < buckets; b++)
        {
            int from = (int)((long)b * x.Length / buckets), to = (int)((long)(b + 1) * x.Length / buckets);
            if (to <= from) continue;
            int lo = from, hi = from;
            for (int i = from + 1; i < to; i++)
            {
                if (y[i] < y[lo]) lo = i;
                if (y[i] > y[hi]) hi = i;
            }
            foreach (int i in new[] { from, lo, hi }.Distinct().Order())
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
            }
        }
        if (xs[^1] != x[^1]) { xs.Add(x[^1]); ys.Add(y[^1]); }
        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>Every k-th observation (and the last) so that at most about <paramref name="maxPoints"/> remain, for stacked areas that must share x values.</summary>
    public static TickObservation[] Stride(TickObservation[] series, int maxPoints = MaxPoints)
    {
        if (series.Length <= maxPoints) return series;
        int k = (series.Length + maxPoints - 1) / maxPoints;
        var kept = new List<TickObservation>(maxPoints + 1);
        for (int i = 0; i < series.Length; i += k) kept.Add(series[i]);
        if (!ReferenceEquals(kept[^1], series[^1])) kept.Add(series[^1]);
        return kept.ToArray();
    }

    /// <summary>Line width for a series: <paramref name="width"/>, thinner for long, dense series so peaks stay distinct.</summary>
    public static float LineWidth(int points, float width) => points > 1500 ? Math.Min(width, 1.5f) : width;

    /// <summary>A participation line (in percent) for <paramref name="series"/>, thinned for drawing.</summary>
    public static (double[] X, double[] Y) ParticipationLine(TickObservation[] series) =>
        Thin(series.Select(o => (double)o.Tick).ToArray(), series.Select(o => o.Participation * 100).ToArray());

    /// <summary>The wave's observations (<see cref="TickObservation.WaveId"/>) in tick order.</summary>
    public static TickObservation[] Wave(RunResult result) => Of(result, TickObservation.WaveId);

    public static TickObservation[] Of(RunResult result, string movement) =>
        result.Series.Where(o => o.Movement == movement).OrderBy(o => o.Tick).ToArray();

    /// <summary>X range covering the run: [first tick, last tick + 1].</summary>
    public static (double Min, double Max) TickRange(RunResult result, TickObservation[] wave)
    {
        if (wave.Length == 0) return (0, Math.Max(1, result.TicksRun));
        return (wave[0].Tick, Math.Max(wave[^1].Tick + 1, wave[0].Tick + 1));
    }
}
