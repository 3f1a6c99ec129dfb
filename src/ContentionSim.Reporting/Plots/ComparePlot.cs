using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ScottPlot;

namespace ContentionSim.Reporting.Plots;

/// <summary>One run in a comparison: a label, the wave's series and its cycles.</summary>
public sealed record CompareRun(string Label, IReadOnlyList<TickObservation> Wave, IReadOnlyList<CycleRecord> Cycles);

/// <summary>
/// Two or more runs on one time axis, one strip each (top to bottom in the order given): the
/// stages as coloured bands in the colours of the stage figure, participation as a line on a scale
/// shared by all strips, and a dashed line with the outcome where each cycle ended. Stage bands of
/// different runs line up in time, so a class sees at a glance where one movement is repressed and
/// the other negotiates.
/// </summary>
public static class ComparePlot
{
    /// <summary>Share of a strip's height the bands fill (the rest separates strips).</summary>
    public const double StripFill = 0.86;

    /// <summary>Image size for <paramref name="runs"/> runs: 1600 wide, taller with more runs.</summary>
    public static (int Width, int Height) Size(int runs) => (RunPlots.DefaultWidth, Math.Clamp(330 + 230 * runs, 560, 6000));

    /// <summary>Builds the figure. The caller renders and disposes it.</summary>
    public static Plot Create(IReadOnlyList<CompareRun> runs, string timeLabel, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("Nothing to compare.", nameof(runs));
        var plot = FigureStyle.NewPlot(title ?? "Stages compared", timeLabel, "");
        int n = runs.Count;

        double xMin = runs.SelectMany(r => r.Wave).Select(o => (double)o.Tick).DefaultIfEmpty(0).Min();
        double xMax = runs.Select(r => r.Wave.Count > 0 ? r.Wave[^1].Tick + 1.0 : 1.0).Max();
        if (xMax <= xMin) xMax = xMin + 1;
        double peak = runs.SelectMany(r => r.Wave).Select(o => o.Participation).DefaultIfEmpty(0).Max();
        double scale = Math.Min(StagesPlot.NiceCeiling(Math.Max(peak * 100 * 1.1, 1)), 100); // percent at the top of a strip

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var scaleTicks = new ScottPlot.TickGenerators.NumericManual();
        float annotation = FigureStyle.AnnotationSize - 2;
        for (int i = 0; i < n; i++)
        {
            var run = runs[i];
            double bottom = n - 1 - i, top = bottom + StripFill;
            ticks.AddMajor(bottom + StripFill / 2, Wrap(run.Label, 24));

            // Each strip's own participation scale on the right: 0 at its bottom, half and the top value.
            scaleTicks.AddMajor(bottom, "0");
            scaleTicks.AddMajor(bottom + StripFill / 2, FigureStyle.TickLabel(scale / 2) + "%");
            scaleTicks.AddMajor(top, FigureStyle.TickLabel(scale) + "%");

            var frame = plot.Add.Rectangle(xMin, xMax, bottom, top);
            frame.FillColor = Colors.White;
            frame.LineColor = Colors.Black.WithAlpha(0.35);
            frame.LineWidth = 1;

            var bands = StagesPlot.DrawnBands(run.Wave);
            foreach (var band in bands)
            {
                var rect = plot.Add.Rectangle(band.From, band.To, bottom, top);
                rect.FillColor = Palette.ToColor(Palette.Stage(band.Stage)).WithAlpha(0.45);
                rect.LineWidth = 0;
            }
            // every stage a run entered is named on its strip, narrow bands included (two rows of chips)
            foreach (var (band, row, x) in StagesPlot.BandLabels(bands, annotation, xMin, xMax, rows: 2))
                StagesPlot.AddBandLabel(plot, band, x, top, annotation, 2 + row * StagesPlot.BandRowHeight(annotation));

            AddOutcomes(plot, run, bottom, top, xMin, xMax, annotation - 2);

            if (run.Wave.Count > 0)
            {
                var (x, y) = FigureStyle.ParticipationLine(run.Wave.ToArray());
                for (int k = 0; k < y.Length; k++) y[k] = bottom + StripFill * Math.Min(y[k], scale) / scale;
                var line = plot.Add.ScatterLine(x, y);
                line.Color = Palette.ToColor(Palette.Wave);
                line.LineWidth = FigureStyle.LineWidth(run.Wave.Count, 3f);
            }
        }

        var legend = new List<LegendItem>
        {
            FigureStyle.LineItem(string.Format(CultureInfo.InvariantCulture, "participation (strip top = {0}%)", FigureStyle.TickLabel(scale)), Palette.Wave, 3f, LinePattern.Solid),
            FigureStyle.LineItem("end of a cycle", Palette.Black, 2f, LinePattern.Dashed),
        };
        foreach (var stage in StageText.Cycle)
            legend.Add(FigureStyle.FillItem($"{(int)stage} {StageText.Name(stage)}", Palette.Stage(stage), 0.6));
        FigureStyle.LegendBelow(plot, legend);

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Right.TickGenerator = scaleTicks;
        plot.Axes.Right.TickLabelStyle.FontSize = FigureStyle.TickSize - 2;
        plot.Axes.Right.Label.Text = "Participation (% of activists active)";
        plot.Axes.Right.Label.FontSize = FigureStyle.LabelSize - 2;
        plot.Axes.Right.Label.Rotation = 90;
        plot.Axes.Left.TickLabelStyle.FontSize = FigureStyle.TickSize;
        plot.Axes.Left.TickLabelStyle.Bold = true;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Grid.YAxisStyle.MinorLineStyle.Width = 0;
        plot.Axes.SetLimitsX(xMin, xMax);
        plot.Axes.SetLimitsY(-0.08, n - 1 + StripFill + 0.08);
        plot.Axes.SetLimitsY(-0.08, n - 1 + StripFill + 0.08, plot.Axes.Right);
        return plot;
    }

    /// <summary>Renders the figure to PNG bytes at <see cref="Size"/>.</summary>
    public static byte[] Png(IReadOnlyList<CompareRun> runs, string timeLabel, string? title = null)
    {
        var (w, h) = Size(runs.Count);
        using var plot = Create(runs, timeLabel, title);
        return plot.GetImageBytes(w, h, ImageFormat.Png);
    }

    private static void AddOutcomes(Plot plot, CompareRun run, double bottom, double top, double xMin, double xMax, float size)
    {
        var ended = run.Cycles
            .Where(c => c.Movement == TickObservation.WaveId && c.EndTick is not null && c.Outcome != Outcome.Ongoing)
            .OrderBy(c => c.EndTick)
            .ToArray();
        if (ended.Length > StagesPlot.MaxOutcomeMarkers) return;
        var labels = ended.Select(c => StageText.Key(c.Outcome).Replace('_', ' ')).ToArray();
        var rows = StagesPlot.LabelRows(ended.Select((c, i) => ((double)c.EndTick!.Value, FigureStyle.TextWidth(labels[i], size, xMin, xMax))).ToArray(), 1, xMin);
        for (int i = 0; i < ended.Length; i++)
        {
            double end = ended[i].EndTick!.Value;
            var line = plot.Add.Line(end, bottom, end, top);
            line.LineColor = Colors.Black.WithAlpha(0.7);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            if (rows[i] < 0) continue;
            var text = plot.Add.Text(labels[i], end, bottom);
            text.LabelFontSize = size;
            text.LabelFontColor = Colors.Black;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
            text.LabelAlignment = Alignment.LowerRight;
            text.LabelOffsetX = -4;
            text.LabelOffsetY = -4;
        }
    }

    /// <summary>
    /// A run's label in lines of at most about <paramref name="width"/> characters, broken at spaces (a word longer
    /// than a line stays whole), so a strip's name is never cut.
    /// </summary>
    public static string Wrap(string label, int width)
    {
        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        if (current.Length > 0) lines.Add(current.ToString());
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The figure's title: "Stages compared: A vs B" when it fits the figure's width, else "Stages compared: N runs"
    /// (each strip is named on the left), so the title is never clipped.
    /// </summary>
    public static string Title(IReadOnlyList<string> labels, int maxChars = 70)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string full = "Stages compared: " + string.Join(" vs ", labels);
        return full.Length <= maxChars ? full : string.Format(CultureInfo.InvariantCulture, "Stages compared: {0} runs, named on the left", labels.Count);
    }
}
