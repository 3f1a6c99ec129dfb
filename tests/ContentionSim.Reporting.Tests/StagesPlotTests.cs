using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Tests;

public class StagesPlotTests
{
    [Fact]
    public void Bands_follow_the_wave_stages_and_skip_latent_stretches()
    {
        var wave = TestRuns.Sample().Series.Where(o => o.Movement == TickObservation.WaveId).ToArray();
        var bands = StagesPlot.Bands(wave);
        Assert.Equal(
            [
                new StagesPlot.Band(Stage.ConflictAndDiffusion, 10, 20),
                new StagesPlot.Band(Stage.RepertoiresAndFrames, 20, 35),
                new StagesPlot.Band(Stage.InformationAndInteraction, 35, 55),
                new StagesPlot.Band(Stage.ExhaustionAndPolarization, 55, 70),
                new StagesPlot.Band(Stage.ViolenceAndInstitutionalization, 70, 85),
                new StagesPlot.Band(Stage.FacilitationAndRepression, 85, 100),
                new StagesPlot.Band(Stage.ConflictAndDiffusion, 105, 120),
            ],
            bands);
    }

    [Fact]
    public void Back_to_back_cycles_in_the_same_stage_make_separate_bands()
    {
        TickObservation O(int t, Stage s, int c) => new() { Tick = t, Stage = s, Cycle = c };
        var bands = StagesPlot.Bands([O(0, Stage.ConflictAndDiffusion, 1), O(1, Stage.ConflictAndDiffusion, 1), O(2, Stage.ConflictAndDiffusion, 2)]);
        Assert.Equal([new StagesPlot.Band(Stage.ConflictAndDiffusion, 0, 2), new StagesPlot.Band(Stage.ConflictAndDiffusion, 2, 3)], bands);
    }

    [Fact]
    public void Renders_png_and_svg()
    {
        var run = TestRuns.Sample();
        PlotAssert.IsPng(RunPlots.Png(new StagesPlot(), run), 1600, 900);
        var svg = RunPlots.Svg(new StagesPlot(), run);
        PlotAssert.IsSvg(svg);
        Assert.Contains("Test wave", svg);
    }

    [Fact]
    public void Legend_names_every_stage_colour_and_the_lines()
    {
        using var plot = new StagesPlot().Create(TestRuns.Sample(movements: 2));
        var labels = plot.Legend.ManualItems.Select(i => i.LabelText).ToArray();
        Assert.Equal(
            ["whole wave", "Migrant support", "Labour", "1 conflict and diffusion", "2 repertoires and frames",
             "3 increased information and interaction", "4 exhaustion and polarization", "5 violence and institutionalization",
             "6 facilitation and repression"],
            labels);
        var stageFills = plot.Legend.ManualItems.Skip(3).Select(i => i.FillColor.WithAlpha((byte)255).ToHex()).ToArray();
        Assert.Equal(StageText.Cycle.Select(s => Palette.Stage(s)), stageFills);
    }

    [Fact]
    public void One_line_per_movement_plus_the_wave()
    {
        using var single = new StagesPlot().Create(TestRuns.Sample(movements: 1));
        Assert.Single(single.GetPlottables<ScottPlot.Plottables.Scatter>());
        using var multi = new StagesPlot().Create(TestRuns.Sample(movements: 2));
        var lines = multi.GetPlottables<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(3, lines.Length);
        // Lines are in percent of activists: the wave peaks at 42 %.
        Assert.Equal(42, lines[0].Data.GetScatterPoints().Max(p => p.Y), 6);
    }

    [Fact]
    public void The_axes_cover_the_run_and_the_peak()
    {
        using var plot = new StagesPlot().Create(TestRuns.Sample());
        var limits = plot.Axes.GetLimits();
        Assert.Equal((0.0, 120.0), (limits.Left, limits.Right));
        Assert.True(limits.Top >= 42 && limits.Top <= 60, $"y axis ends at {limits.Top}");
        Assert.Equal(0, limits.Bottom);
        Assert.Equal("Time (weeks)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("Test wave", plot.Axes.Title.Label.Text);
        Assert.True(plot.Axes.Bottom.TickLabelStyle.FontSize >= 16);
    }

    [Fact]
    public void An_empty_run_still_renders()
    {
        var run = TestRuns.Sample() with { Series = [], StageEntries = [], Cycles = [] };
        PlotAssert.IsPng(RunPlots.Png(new StagesPlot(), run, 800, 450), 800, 450);
    }

    [Fact]
    public void Close_outcome_labels_are_staggered_or_dropped_never_overlapped()
    {
        // Labels 10 wide ending at 100, 105, 112, 200: the 2nd and 3rd collide with the 1st.
        var rows = StagesPlot.LabelRows([(100, 10), (105, 10), (112, 10), (200, 10)], rows: 2);
        Assert.Equal([0, 1, 0, 0], rows);
        var crowded = StagesPlot.LabelRows([(100, 10), (101, 10), (102, 10)], rows: 2);
        Assert.Equal([0, 1, -1], crowded);
    }

    [Fact]
    public void Ended_cycles_are_marked_with_their_outcome()
    {
        using var plot = new StagesPlot().Create(TestRuns.Sample());
        var ends = plot.GetPlottables<ScottPlot.Plottables.VerticalLine>().Select(l => l.X).ToArray();
        Assert.Contains(100.0, ends); // cycle 1 ended at 100; cycle 2 is ongoing and unmarked
        Assert.DoesNotContain(119.0, ends);
        Assert.Contains(plot.GetPlottables<ScottPlot.Plottables.Text>(), t => t.LabelText == "negotiated");
    }

    [Fact]
    public void Few_bands_are_drawn_exactly()
    {
        var wave = TestRuns.Sample().Series.Where(o => o.Movement == TickObservation.WaveId).ToArray();
        Assert.Equal(StagesPlot.Bands(wave), StagesPlot.DrawnBands(wave));
    }

    [Fact]
    public void Thousands_of_short_bands_are_summarized_by_the_dominant_stage_per_slice()
    {
        // 2,000 short cycles: 3 ticks of stage 1, then 7 ticks of stage 3, repeated.
        var wave = Enumerable.Range(0, 20_000).Select(t => new TickObservation
        {
            Tick = t, Cycle = 1 + t / 10, Stage = t % 10 < 3 ? Stage.ConflictAndDiffusion : Stage.InformationAndInteraction,
        }).ToArray();
        Assert.Equal(4000, StagesPlot.Bands(wave).Count);
        var drawn = StagesPlot.DrawnBands(wave, slices: 100);
        // Stage 3 covers 70% of every slice, so one band covers everything.
        var band = Assert.Single(drawn);
        Assert.Equal(new StagesPlot.Band(Stage.InformationAndInteraction, 0, 20_000), band);
    }

    [Fact]
    public void Summarized_slices_that_are_mostly_latent_get_no_band()
    {
        // Stage 2 for the first half (one long band), then alternating latent/stage 1 ticks, mostly latent.
        var wave = Enumerable.Range(0, 10_000).Select(t => new TickObservation
        {
            Tick = t,
            Cycle = t < 5000 ? 1 : 2 + t,
            Stage = t < 5000 ? Stage.RepertoiresAndFrames : t % 4 == 0 ? Stage.ConflictAndDiffusion : Stage.Latent,
        }).ToArray();
        Assert.True(StagesPlot.Bands(wave).Count > StagesPlot.MaxBands);
        var drawn = StagesPlot.DrawnBands(wave, slices: 10);
        Assert.Equal([new StagesPlot.Band(Stage.RepertoiresAndFrames, 0, 5000)], drawn);
    }

    [Fact]
    public void Labels_that_would_stick_out_left_of_the_axis_are_dropped()
    {
        Assert.Equal([-1, 0], StagesPlot.LabelRows([(5, 10), (30, 10)], rows: 3, minX: 0));
    }

    [Fact]
    public void Many_cycle_ends_are_not_marked()
    {
        var run = TestRuns.Sample();
        var many = Enumerable.Range(1, StagesPlot.MaxOutcomeMarkers + 1)
            .Select(i => new CycleRecord { Cycle = i, StartTick = i, EndTick = i + 1, Outcome = Outcome.Fizzle }).ToArray();
        using var plot = new StagesPlot().Create(run with { Cycles = many });
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.VerticalLine>());
        using var few = new StagesPlot().Create(run with { Cycles = many[..StagesPlot.MaxOutcomeMarkers] });
        Assert.Equal(StagesPlot.MaxOutcomeMarkers, few.GetPlottables<ScottPlot.Plottables.VerticalLine>().Count());
    }
}

public class LegendStripTests
{
    public static TheoryData<string> Figures() => new() { "stages", "actors" };

    [Theory]
    [MemberData(nameof(Figures))]
    public void The_legend_is_a_strip_under_the_plot_and_the_data_takes_most_of_the_width(string name)
    {
        // The teacher found the stage legend took a third of the figure's width, and narrow stage bands unlabelled.
        IRunPlot figure = name == "stages" ? new StagesPlot() : new ActorsPlot();
        using var plot = figure.Create(TestRuns.Sample());
        plot.GetImageBytes(RunPlots.DefaultWidth, RunPlots.DefaultHeight, ScottPlot.ImageFormat.Png);
        var data = plot.RenderManager.LastRender.DataRect;
        Assert.True(data.Width > 0.75 * RunPlots.DefaultWidth, $"the data area is {data.Width:0} px of {RunPlots.DefaultWidth}");
        Assert.Equal(ScottPlot.Orientation.Horizontal, plot.Legend.Orientation);
        if (name == "stages")
            foreach (var stage in ContentionSim.Core.Stages.StageText.Cycle)
                Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == $"{(int)stage} {ContentionSim.Core.Stages.StageText.Name(stage)}");
    }

    [Fact]
    public void The_compare_figure_has_a_scale_on_every_strip_and_a_title_that_fits()
    {
        var run = TestRuns.Sample();
        var wave = run.Series.Where(o => o.Movement == "wave").ToArray();
        var runs = new[] { new CompareRun("teaching-tight-state", wave, run.Cycles), new CompareRun("teaching-tight-state, state.openness=0.85", wave, run.Cycles), new CompareRun("teaching-boomerang", wave, run.Cycles) };
        string title = ComparePlot.Title(runs.Select(r => r.Label).ToList());
        Assert.True(title.Length <= 70, title);
        Assert.Equal("Stages compared: a vs b", ComparePlot.Title(["a", "b"]));
        using var plot = ComparePlot.Create(runs, "Time (weeks)", title);
        var (w, h) = ComparePlot.Size(runs.Length);
        plot.GetImageBytes(w, h, ScottPlot.ImageFormat.Png);
        var right = plot.Axes.Right.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(runs.Length, right.Count(l => l == "0"));
        Assert.Equal(2 * runs.Length, right.Count(l => l.EndsWith('%')));
        // The strip names wrap instead of being cut.
        var left = plot.Axes.Left.TickGenerator.Ticks.Select(t => t.Label).ToList();
        Assert.Contains("teaching-tight-state,\nstate.openness=0.85", left);
        Assert.DoesNotContain(left, l => l.Contains('…'));
    }
}
