using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ScottPlot;

namespace ContentionSim.Reporting.Plots;

/// <summary>
/// Participation over time with the stages of the cycle of contention as coloured, numbered
/// bands (latent periods have no band); one line for the wave and, in multi-movement runs, one
/// per movement. The legend names every stage colour.
/// </summary>
public sealed class StagesPlot : IRunPlot
{
    public const double BandAlpha = 0.3;

    public string Name => "stages";

    public string Description => "Participation (share of activists active) over time, with the six stages of the wave's cycles as numbered coloured bands.";

    public Plot Create(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var wave = FigureStyle.Wave(result);
        var plot = FigureStyle.NewPlot(FigureStyle.Title(result), FigureStyle.TimeLabel(result), "Participation (% of activists active)");
        var (xMin, xMax) = FigureStyle.TickRange(result, wave);

        var movements = result.Movements.Count > 1 ? result.Movements : [];
        double peak = wave.Select(o => o.Participation).DefaultIfEmpty(0).Max();
        foreach (var m in movements)
            peak = Math.Max(peak, FigureStyle.Of(result, m).Select(o => o.Participation).DefaultIfEmpty(0).Max());
        double yMax = Math.Min(NiceCeiling(Math.Max(peak * 100 * 1.15, 1)), 100);

        // Bands first so the lines are drawn on top of them.
        var bands = DrawnBands(wave);
        foreach (var band in bands)
        {
            var span = plot.Add.HorizontalSpan(band.From, band.To, Palette.ToColor(Palette.Stage(band.Stage)).WithAlpha(BandAlpha));
            span.LineWidth = 0;
            span.EnableAutoscale = false;
        }
        // Every stage the run entered is named on the figure: a number chip in the stage's colour over its band,
        // in one of two rows at the top; narrow bands (stage 5 often lasts a few weeks) get one too, so no label vanishes.
        float bandSize = FigureStyle.AnnotationSize;
        var chips = BandLabels(bands, bandSize, xMin, xMax, BandLabelRows);
        foreach (var (band, row, x) in chips)
            AddBandLabel(plot, band, x, yMax, bandSize, 6 + row * BandRowHeight(bandSize));
        int chipRows = Math.Max(BandLabelRows, chips.Count == 0 ? 0 : chips.Max(c => c.Row) + 1);

        AddOutcomes(plot, result, xMin, xMax, yMax, chipRows);
        AddEvents(plot, result, xMin, xMax, yMax);

        var legend = new List<LegendItem>();
        if (wave.Length > 0)
        {
            var (x, y) = FigureStyle.ParticipationLine(wave);
            var line = plot.Add.ScatterLine(x, y);
            line.Color = Palette.ToColor(Palette.Wave);
            line.LineWidth = FigureStyle.LineWidth(wave.Length, 3.5f);
            legend.Add(FigureStyle.LineItem(movements.Count > 0 ? "whole wave" : "participation", Palette.Wave, 3.5f, LinePattern.Solid));
        }
        for (int i = 0; i < movements.Count; i++)
        {
            var series = FigureStyle.Of(result, movements[i]);
            if (series.Length == 0) continue;
            var (x, y) = FigureStyle.ParticipationLine(series);
            var line = plot.Add.ScatterLine(x, y);
            line.Color = Palette.ToColor(Palette.Movement(i));
            line.LineWidth = FigureStyle.LineWidth(series.Length, 3);
            line.LinePattern = LinePattern.Dashed;
            legend.Add(FigureStyle.LineItem(MovementLabel(result, movements[i]), Palette.Movement(i), 3, LinePattern.Dashed));
        }
        foreach (var stage in StageText.Cycle)
            legend.Add(FigureStyle.FillItem($"{(int)stage} {StageText.Name(stage)}", Palette.Stage(stage), BandAlpha + 0.15));
        FigureStyle.LegendBelow(plot, legend);

        plot.Axes.SetLimitsX(xMin, xMax);
        plot.Axes.SetLimitsY(0, yMax);
        return plot;
    }

    /// <summary>A dashed line where each ended cycle of the wave ended, labelled with its outcome (labels stagger to avoid overlap).</summary>
    private static void AddOutcomes(Plot plot, RunResult result, double xMin, double xMax, double yMax, int chipRows)
    {
        var ended = result.Cycles
            .Where(c => c.Movement == TickObservation.WaveId && c.EndTick is not null && c.Outcome != Outcome.Ongoing)
            .OrderBy(c => c.EndTick)
            .ToArray();
        if (ended.Length > MaxOutcomeMarkers) return; // too many to read: cycles.csv has them
        float size = FigureStyle.AnnotationSize - 2;
        var labels = ended.Select(c => StageText.Key(c.Outcome).Replace('_', ' ')).ToArray();
        var rows = LabelRows(ended.Select((c, i) => ((double)c.EndTick!.Value, FigureStyle.TextWidth(labels[i], size, xMin, xMax))).ToArray(), OutcomeRows, xMin);
        for (int i = 0; i < ended.Length; i++)
        {
            int end = ended[i].EndTick!.Value;
            var line = plot.Add.VerticalLine(end, 2, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
            line.EnableAutoscale = false;
            if (rows[i] < 0) continue; // no room: the dashed line still marks the end
            var text = plot.Add.Text(labels[i], end, yMax);
            text.LabelFontSize = size;
            text.LabelFontColor = Colors.Black;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelAlignment = Alignment.UpperRight;
            text.LabelOffsetX = -4;
            text.LabelOffsetY = 10 + chipRows * BandRowHeight(FigureStyle.AnnotationSize) + rows[i] * (size + 10);
        }
    }

    /// <summary>Rows of stage-number chips at the top of the plot.</summary>
    public const int BandLabelRows = 2;

    /// <summary>Height in pixels of a row of stage-number chips of <paramref name="size"/>.</summary>
    public static float BandRowHeight(float size) => size + 12;

    /// <summary>
    /// Which bands get a number chip, and in which row (0 at the top). First the widest band of each stage
    /// present, so that every stage entered is named even when all its bands are narrow; then the other bands,
    /// left to right, where a row has room (chips never overlap). A chip is centred on its band (X), moved in
    /// just enough to stay whole at the ends of the axis. A stage whose widest band finds no room in the
    /// <paramref name="rows"/> rows (three narrow bands in a row: stages 2, 3 and 4 of a short cycle) gets a
    /// row below them, so that no stage goes unnamed; the other bands keep to the <paramref name="rows"/> rows.
    /// </summary>
    public static IReadOnlyList<(Band Band, int Row, double X)> BandLabels(IReadOnlyList<Band> bands, float size, double xMin, double xMax, int rows)
    {
        double width = FigureStyle.TextWidth("0", size, xMin, xMax) + FigureStyle.TextWidth("0", size, xMin, xMax) * 0.8; // digit plus padding
        int maxRows = rows + StageText.Cycle.Count; // room for every stage's own chip in the worst case
        var taken = Enumerable.Range(0, maxRows).Select(_ => new List<(double From, double To)>()).ToArray();
        var placed = new List<(Band, int, double)>();
        var first = bands.GroupBy(b => b.Stage).Select(g => g.OrderByDescending(b => b.To - b.From).ThenBy(b => b.From).First()).ToHashSet();
        foreach (var band in first.OrderBy(b => b.From).Concat(bands.Where(b => !first.Contains(b))))
        {
            double centre = Math.Clamp((band.From + band.To) / 2, xMin + width / 2, xMax - width / 2); // a chip at the edge stays whole
            double from = centre - width / 2 * 1.1, to = centre + width / 2 * 1.1;
            int allowed = first.Contains(band) ? maxRows : rows;
            for (int r = 0; r < allowed; r++)
            {
                if (taken[r].Any(t => t.From < to && from < t.To)) continue;
                taken[r].Add((from, to));
                placed.Add((band, r, centre));
                break;
            }
        }
        return placed.OrderBy(p => p.Item3).ToList();
    }

    /// <summary>A stage-number chip (the stage's colour, bold number, thin border) over <paramref name="band"/>, <paramref name="offsetY"/> pixels below the top.</summary>
    internal static ScottPlot.Plottables.Text AddBandLabel(Plot plot, Band band, double x, double top, float size, float offsetY)
    {
        var text = plot.Add.Text(((int)band.Stage).ToString(System.Globalization.CultureInfo.InvariantCulture), x, top);
        text.LabelFontSize = size;
        text.LabelBold = true;
        text.LabelFontColor = Colors.Black;
        text.LabelBackgroundColor = Palette.ToColor(Palette.Stage(band.Stage));
        text.LabelBorderColor = Colors.Black.WithAlpha(0.5);
        text.LabelBorderWidth = 1;
        text.LabelPadding = 3;
        text.LabelAlignment = Alignment.UpperCenter;
        text.LabelOffsetY = offsetY;
        return text;
    }

    /// <summary>Rows of outcome labels under the stage numbers.</summary>
    public const int OutcomeRows = 3;

    /// <summary>Cycle ends are marked only when there are at most this many (long runs with many cycles would be unreadable).</summary>
    public const int MaxOutcomeMarkers = 24;

    /// <summary>
    /// Places right-aligned labels (each covering [X − Width, X]) greedily in the first of
    /// <paramref name="rows"/> rows where it does not overlap the previous label; −1 when none has room
    /// or the label would stick out left of <paramref name="minX"/>. Labels must be in ascending X.
    /// </summary>
    public static int[] LabelRows(IReadOnlyList<(double X, double Width)> labels, int rows, double minX = double.NegativeInfinity)
    {
        var rowEnds = Enumerable.Repeat(double.NegativeInfinity, rows).ToArray();
        var placed = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            var (x, width) = labels[i];
            placed[i] = -1;
            if (x - width < minX) continue;
            for (int r = 0; r < rows; r++)
            {
                if (rowEnds[r] <= x - width * 1.1)
                {
                    rowEnds[r] = x;
                    placed[i] = r;
                    break;
                }
            }
        }
        return placed;
    }

    /// <summary>Dotted lines at scheduled events (first time each label occurs), labelled vertically; labels that would overlap are left out.</summary>
    private static void AddEvents(Plot plot, RunResult result, double xMin, double xMax, double yMax)
    {
        float size = FigureStyle.AnnotationSize - 4;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<(int Tick, string Label)>();
        foreach (var e in result.Events.OrderBy(e => e.Tick))
        {
            string label = string.IsNullOrWhiteSpace(e.Label) ? e.Key : e.Label;
            if (e.Tick < xMin || e.Tick > xMax || !seen.Add(label)) continue;
            events.Add((e.Tick, label));
            if (events.Count == MaxEventMarkers) break;
        }
        // A vertical label is as wide as a line of text.
        var rows = LabelRows(events.Select(e => ((double)e.Tick, FigureStyle.TextWidth("M", size, xMin, xMax) * 1.5)).ToArray(), 1);
        for (int i = 0; i < events.Count; i++)
        {
            var line = plot.Add.VerticalLine(events[i].Tick, 2, Colors.DimGray, LinePattern.Dotted);
            line.EnableAutoscale = false;
            if (rows[i] < 0) continue;
            var text = plot.Add.Text(events[i].Label, events[i].Tick, yMax);
            text.LabelFontSize = size;
            text.LabelFontColor = Colors.DimGray;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelRotation = -90;
            text.LabelAlignment = Alignment.UpperRight;
            text.LabelOffsetY = 10 + BandLabelRows * BandRowHeight(FigureStyle.AnnotationSize) + OutcomeRows * (FigureStyle.AnnotationSize + 8);
        }
    }

    /// <summary>At most this many scheduled events are marked, to keep the figure readable.</summary>
    public const int MaxEventMarkers = 8;

    /// <summary>A run of consecutive ticks of the wave in the same (non-latent) stage: [From, To).</summary>
    public sealed record Band(Stage Stage, double From, double To);

    /// <summary>The stage bands of the wave series, in tick order; latent stretches make no band.</summary>
    public static IReadOnlyList<Band> Bands(IReadOnlyList<TickObservation> wave)
    {
        var bands = new List<Band>();
        int i = 0;
        while (i < wave.Count)
        {
            int j = i;
            while (j + 1 < wave.Count && wave[j + 1].Stage == wave[i].Stage && wave[j + 1].Cycle == wave[i].Cycle) j++;
            if (wave[i].Stage != Stage.Latent)
            {
                double to = j + 1 < wave.Count ? wave[j + 1].Tick : wave[j].Tick + 1;
                bands.Add(new Band(wave[i].Stage, wave[i].Tick, to));
            }
            i = j + 1;
        }
        return bands;
    }

    /// <summary>Above this many bands the figure shows, per slice of the x axis, the stage that covers most of it.</summary>
    public const int MaxBands = 500;

    /// <summary>
    /// The bands to draw: <see cref="Bands"/> as they are when there are at most <see cref="MaxBands"/>;
    /// otherwise (very long runs with many short cycles, where most bands would be thinner than a pixel)
    /// the x range is cut into <paramref name="slices"/> equal slices, each takes the stage that covers
    /// most of it (none if latent periods cover more), and neighbouring slices of the same stage merge.
    /// </summary>
    public static IReadOnlyList<Band> DrawnBands(IReadOnlyList<TickObservation> wave, int slices = 2 * MaxBands)
    {
        var exact = Bands(wave);
        if (exact.Count <= MaxBands || wave.Count == 0) return exact;
        double from = wave[0].Tick, to = wave[^1].Tick + 1, width = (to - from) / slices;
        var cover = new double[slices, 7];
        foreach (var band in exact)
        {
            int first = Math.Clamp((int)((band.From - from) / width), 0, slices - 1);
            int last = Math.Clamp((int)((band.To - from) / width), 0, slices - 1);
            for (int i = first; i <= last; i++)
            {
                double lo = Math.Max(band.From, from + i * width), hi = Math.Min(band.To, from + (i + 1) * width);
                if (hi > lo) cover[i, (int)band.Stage] += hi - lo;
            }
        }
        var drawn = new List<Band>();
        for (int i = 0; i < slices; i++)
        {
            int best = 0;
            double bestCover = 0, covered = 0;
            for (int s = 1; s <= 6; s++)
            {
                covered += cover[i, s];
                if (cover[i, s] > bestCover) { best = s; bestCover = cover[i, s]; }
            }
            if (best == 0 || covered < width / 2) continue;
            double lo = from + i * width, hi = from + (i + 1) * width;
            if (drawn.Count > 0 && drawn[^1].Stage == (Stage)best && Math.Abs(drawn[^1].To - lo) < 1e-9)
                drawn[^1] = drawn[^1] with { To = hi };
            else
                drawn.Add(new Band((Stage)best, lo, hi));
        }
        return drawn;
    }

    private static string MovementLabel(RunResult result, string id)
    {
        var name = result.Scenario.Movements.FirstOrDefault(m => m.Id == id)?.Name;
        return string.IsNullOrWhiteSpace(name) || name == id ? id : name;
    }

    /// <summary>Rounds up to a round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) so an axis ends on a tick.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0 || !double.IsFinite(value)) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (double step in new[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
            if (step * magnitude >= value - 1e-12) return step * magnitude;
        return 10 * magnitude;
    }
}
