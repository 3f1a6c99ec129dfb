using ContentionSim.Core.Observation;
using ScottPlot;

namespace ContentionSim.Reporting.Plots;

/// <summary>
/// The wave's activists by status (active, exhausted, repressed, co-opted, inactive) stacked as
/// shares of all activists on the left axis (zoomed to the engaged share; inactive fills the rest),
/// with outside pressure on the inner right axis (0–1, higher if needed) and the state's effective
/// openness on its own outer right axis, always 0–1, so a rise from 0.15 to 0.74 shows even when
/// outside pressure reaches 8.
/// </summary>
public sealed class ActorsPlot : IRunPlot
{
    /// <summary>Stacking order from the bottom: the statuses that change most sit on the x axis.</summary>
    public static IReadOnlyList<ActivistStatus> StackOrder { get; } = Array.AsReadOnly(new[]
    {
        ActivistStatus.Active, ActivistStatus.Exhausted, ActivistStatus.Repressed, ActivistStatus.Coopted, ActivistStatus.Inactive,
    });

    public const string PressureColor = Palette.Black;
    public const string OpennessColor = Palette.Black;

    public string Name => "actors";

    /// <summary>The outer right axis of <paramref name="plot"/> made by <see cref="Create"/>: effective openness, 0–1.</summary>
    public static IYAxis OpennessAxis(Plot plot) => plot.Axes.GetYAxes().OfType<ScottPlot.AxisPanels.RightAxis>().Last();

    public string Description => "Activists by status as stacked shares of all activists, with outside pressure and the state's effective openness (0–1) on their own right axes.";

    public Plot Create(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var wave = FigureStyle.Wave(result);
        var plot = FigureStyle.NewPlot($"{FigureStyle.Title(result)}: activists and the state",
            FigureStyle.TimeLabel(result), "Activists by status (% of all)");
        var (xMin, xMax) = FigureStyle.TickRange(result, wave);
        var legend = new List<LegendItem>();
        var opennessAxis = plot.Axes.AddRightAxis();

        if (wave.Length > 0)
        {
            var drawn = FigureStyle.Stride(wave);
            double[] x = drawn.Select(o => (double)o.Tick).ToArray();
            double[] lower = new double[drawn.Length];
            foreach (var status in StackOrder)
            {
                double[] upper = new double[drawn.Length];
                for (int i = 0; i < drawn.Length; i++)
                    upper[i] = lower[i] + Share(drawn[i], status) * 100;
                var fill = plot.Add.FillY(x, upper, lower);
                var color = Palette.ToColor(Palette.Status(status));
                fill.FillColor = status == ActivistStatus.Inactive ? color.WithAlpha(0.6) : color.WithAlpha(0.85);
                fill.LineWidth = 0;
                fill.MarkerSize = 0;
                lower = upper;
            }
            // Legend from the top of the stack down, as the bands appear.
            foreach (var status in StackOrder.Reverse())
                legend.Add(FigureStyle.FillItem(StatusLabel(status), Palette.Status(status), status == ActivistStatus.Inactive ? 0.6 : 0.85));

            double[] ticks = wave.Select(o => (double)o.Tick).ToArray();
            AddRightLine(plot, plot.Axes.Right, FigureStyle.Thin(ticks, wave.Select(o => o.OutsidePressure).ToArray()), PressureColor, LinePattern.Solid);
            AddRightLine(plot, opennessAxis, FigureStyle.Thin(ticks, wave.Select(o => o.EffectiveOpenness).ToArray()), OpennessColor, LinePattern.Dashed);
        }
        legend.Add(FigureStyle.LineItem("outside pressure (inner right axis)", PressureColor, 3.5f, LinePattern.Solid));
        legend.Add(FigureStyle.LineItem("effective openness (outer right axis, 0–1)", OpennessColor, 3.5f, LinePattern.Dashed));
        FigureStyle.LegendBelow(plot, legend);

        plot.Axes.Right.Label.Text = "Outside pressure (solid)";
        plot.Axes.Right.Label.FontSize = FigureStyle.LabelSize;
        plot.Axes.Right.Label.Rotation = 90;
        opennessAxis.LabelText = "Effective openness (dashed, 0–1)";
        opennessAxis.LabelFontSize = FigureStyle.LabelSize;
        opennessAxis.LabelStyle.Rotation = 90;
        opennessAxis.TickLabelStyle.FontSize = plot.Axes.Right.TickLabelStyle.FontSize;
        opennessAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.6, LabelFormatter = FigureStyle.TickLabel };
        plot.Axes.SetLimitsX(xMin, xMax);
        plot.Axes.SetLimitsY(0, LeftAxisMax(wave), plot.Axes.Left);
        plot.Axes.SetLimitsY(0, RightAxisMax(wave), plot.Axes.Right);
        plot.Axes.SetLimitsY(0, 1, opennessAxis);
        return plot;
    }

    /// <summary>
    /// Top of the left axis in percent: the stack is zoomed to where the engaged (non-inactive)
    /// activists are, with room above, so small shares stay visible; the inactive band fills the rest.
    /// </summary>
    public static double LeftAxisMax(IReadOnlyList<TickObservation> wave)
    {
        double engaged = wave.Where(o => o.Activists > 0).Select(o => 1 - Share(o, ActivistStatus.Inactive)).DefaultIfEmpty(1).Max();
        return StagesPlot.NiceCeiling(Math.Clamp(engaged * 100 * 1.25, 1, 100));
    }

    /// <summary>Top of the outside-pressure axis: 1, or more if outside pressure ever exceeds 1 (openness has its own 0–1 axis).</summary>
    public static double RightAxisMax(IReadOnlyList<TickObservation> wave)
    {
        double max = wave.Select(o => o.OutsidePressure).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        return max <= 1 ? 1 : StagesPlot.NiceCeiling(max * 1.05);
    }

    /// <summary>Share of the observation's activists in <paramref name="status"/> (0 when there are none).</summary>
    public static double Share(TickObservation o, ActivistStatus status)
    {
        int total = o.Activists;
        if (total <= 0) return 0;
        int n = status switch
        {
            ActivistStatus.Inactive => o.Inactive,
            ActivistStatus.Active => o.Active,
            ActivistStatus.Exhausted => o.Exhausted,
            ActivistStatus.Repressed => o.Repressed,
            ActivistStatus.Coopted => o.Coopted,
            _ => 0,
        };
        return (double)n / total;
    }

    public static string StatusLabel(ActivistStatus status) => status switch
    {
        ActivistStatus.Inactive => "inactive",
        ActivistStatus.Active => "active",
        ActivistStatus.Exhausted => "exhausted",
        ActivistStatus.Repressed => "repressed (held)",
        ActivistStatus.Coopted => "co-opted",
        _ => status.ToString(),
    };

    private static void AddRightLine(Plot plot, IYAxis axis, (double[] X, double[] Y) line, string hex, LinePattern pattern)
    {
        var (x, y) = line;
        // A white halo under the line keeps it readable over every fill colour.
        var halo = plot.Add.ScatterLine(x, y);
        halo.Color = Colors.White.WithAlpha(0.9);
        halo.LineWidth = 8;
        halo.Axes.YAxis = axis;
        var drawn = plot.Add.ScatterLine(x, y);
        drawn.Color = Palette.ToColor(hex);
        drawn.LineWidth = 3.5f;
        drawn.LinePattern = pattern;
        drawn.Axes.YAxis = axis;
    }
}
