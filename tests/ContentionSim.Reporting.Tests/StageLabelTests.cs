using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Plots;
using ScottPlot;

namespace ContentionSim.Reporting.Tests;

/// <summary>
/// The teacher found the stage bands of the static figures mostly unlabelled (stage 5 never, in any teaching figure):
/// numbers were drawn only on bands at least 2.5% of the axis wide. Now every stage a run entered is named by a number
/// chip over one of its bands, whatever its width (the live view's bands are labelled too).
/// </summary>
public class StageLabelTests
{
    /// <summary>The visible stage-number chips the plot declares: (stage, x).</summary>
    private static List<(Stage Stage, double X)> Chips(Plot plot) => plot.GetPlottables<ScottPlot.Plottables.Text>()
        .Where(t => t.IsVisible && t.LabelText.Length == 1 && t.LabelText[0] is >= '1' and <= '6' && t.LabelFontSize >= 14)
        .Select(t => ((Stage)(t.LabelText[0] - '0'), t.Location.X)).ToList();

    private static void EveryStageEnteredIsNamed(Plot plot, IReadOnlyList<StagesPlot.Band> bands)
    {
        var chips = Chips(plot);
        var limits = plot.Axes.GetLimits();
        double slack = FigureStyle.TextWidth("00", FigureStyle.AnnotationSize, limits.Left, limits.Right); // a chip at an end of the axis moves in to stay whole
        foreach (var stage in bands.Select(b => b.Stage).Distinct())
            Assert.True(chips.Any(c => c.Stage == stage && bands.Any(b => b.Stage == stage && c.X >= b.From - slack && c.X <= b.To + slack) && c.X >= limits.Left && c.X <= limits.Right),
                $"stage {(int)stage} has a band but no visible number over any of its bands (chips: {string.Join(", ", chips.Select(c => $"{(int)c.Stage}@{c.X:0.#}"))})");
    }

    /// <summary>1,000 weeks with one cycle whose stage 5 lasts a single week and stage 6 three (0.1% and 0.3% of the axis).</summary>
    private static TickObservation[] NarrowStages() => Enumerable.Range(0, 1000).Select(t => new TickObservation
    {
        Tick = t,
        Cycle = t is >= 100 and < 804 ? 1 : 0,
        Participation = 0.1,
        Stage = t switch
        {
            < 100 => Stage.Latent,
            < 300 => Stage.ConflictAndDiffusion,
            < 500 => Stage.RepertoiresAndFrames,
            < 700 => Stage.InformationAndInteraction,
            < 800 => Stage.ExhaustionAndPolarization,
            800 => Stage.ViolenceAndInstitutionalization,
            < 804 => Stage.FacilitationAndRepression,
            _ => Stage.Latent,
        },
    }).ToArray();

    [Fact]
    public void Every_stage_entered_is_named_on_the_stage_plot_even_a_stage_one_week_long()
    {
        var wave = NarrowStages();
        using var plot = new StagesPlot().Create(TestRuns.Sample() with { Series = wave, Cycles = [] });
        var bands = StagesPlot.DrawnBands(wave);
        Assert.Equal(6, bands.Select(b => b.Stage).Distinct().Count());
        EveryStageEnteredIsNamed(plot, bands);
        // the chips are rendered (not only declared): the figure draws
        PlotAssert.IsPng(plot.GetImageBytes(RunPlots.DefaultWidth, RunPlots.DefaultHeight, ImageFormat.Png), RunPlots.DefaultWidth, RunPlots.DefaultHeight);
    }

    [Fact]
    public void Every_stage_entered_is_named_on_each_strip_of_the_compare_figure()
    {
        var wave = NarrowStages();
        var sample = TestRuns.Sample().Series.Where(o => o.Movement == TickObservation.WaveId).ToArray();
        using var plot = ComparePlot.Create([new CompareRun("narrow", wave, []), new CompareRun("sample", sample, [])], "Time (weeks)");
        var chips = Chips(plot);
        foreach (var stage in StageText.Cycle)
            Assert.True(chips.Count(c => c.Stage == stage) >= 2, $"stage {(int)stage} is not named on both strips");
    }

    [Fact]
    public void Every_stage_a_simulated_run_entered_is_named_on_its_stage_plot()
    {
        var run = ReportFolders.SimulateWithCycle(openness: 0.15, ticks: 260);
        var wave = run.Series.Where(o => o.Movement == TickObservation.WaveId).ToArray();
        var bands = StagesPlot.DrawnBands(wave);
        Assert.NotEmpty(bands);
        using var plot = new StagesPlot().Create(run);
        EveryStageEnteredIsNamed(plot, bands);
        Assert.Equal(run.StageEntries.Where(e => e.Movement == TickObservation.WaveId).Select(e => e.Stage).Distinct().Order(),
            Chips(plot).Select(c => c.Stage).Distinct().Order());
    }

    [Fact]
    public void Three_narrow_bands_in_a_row_each_get_their_stages_chip()
    {
        // A short cycle at the end of a 260-week run: stages 2, 3 and 4 three weeks each (seen in a simulated run):
        // the third chip finds both rows taken and goes to a row below them rather than vanishing.
        var bands = new List<StagesPlot.Band> { new(Stage.ConflictAndDiffusion, 212, 247), new(Stage.RepertoiresAndFrames, 247, 250),
            new(Stage.InformationAndInteraction, 250, 253), new(Stage.ExhaustionAndPolarization, 253, 256) };
        var placed = StagesPlot.BandLabels(bands, FigureStyle.AnnotationSize, 1, 260, rows: 2);
        Assert.Equal(bands.Select(b => b.Stage).Order(), placed.Select(p => p.Band.Stage).Order());
        Assert.Contains(placed, p => p.Row == 2);
        double width = FigureStyle.TextWidth("0", FigureStyle.AnnotationSize, 1, 260);
        foreach (var row in placed.GroupBy(p => p.Row))
        {
            var centres = row.Select(p => p.X).Order().ToList();
            for (int i = 1; i < centres.Count; i++)
                Assert.True(centres[i] - centres[i - 1] >= width, $"chips at {centres[i - 1]} and {centres[i]} overlap in row {row.Key}");
        }
    }

    [Fact]
    public void Chips_in_a_row_never_overlap_and_crowded_bands_give_way_to_one_chip_per_stage()
    {
        // 300 one-week bands cycling through the six stages on a 300-week axis: far too many for a chip each.
        var bands = Enumerable.Range(0, 300).Select(t => new StagesPlot.Band(StageText.Cycle[t % 6], t, t + 1)).ToList();
        var placed = StagesPlot.BandLabels(bands, FigureStyle.AnnotationSize, 0, 300, rows: 2);
        Assert.Equal(StageText.Cycle.Order(), placed.Select(p => p.Band.Stage).Distinct().Order());
        Assert.True(placed.Count < bands.Count);
        double width = FigureStyle.TextWidth("0", FigureStyle.AnnotationSize, 0, 300);
        foreach (var row in placed.GroupBy(p => p.Row))
        {
            var centres = row.Select(p => p.X).Order().ToList();
            for (int i = 1; i < centres.Count; i++)
                Assert.True(centres[i] - centres[i - 1] >= width, $"chips at {centres[i - 1]} and {centres[i]} overlap in row {row.Key}");
        }
    }
}
