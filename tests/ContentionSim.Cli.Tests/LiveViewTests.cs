using ContentionSim.Cli.Commands.Watch;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Cli.Tests;

public sealed class LiveViewTests
{
    private static TickObservation Tick(int t, Stage stage, int cycle, double participation, int arrests = 0, int concessions = 0, int alliances = 0) => new()
    {
        Tick = t, Stage = stage, Cycle = cycle, Activists = 1000, Active = (int)(participation * 1000), Exhausted = 100, Repressed = arrests,
        Inactive = 900 - (int)(participation * 1000) - arrests, Participation = participation, RepressionEvents = arrests, Concessions = concessions,
        Alliances = alliances, OutsidePressure = 0.4, EffectiveOpenness = 0.3, Sympathy = 0.5,
    };

    private static LiveView Fed()
    {
        var view = new LiveView("lesson", "week", 100);
        for (int t = 0; t < 10; t++) view.Observe(Tick(t, Stage.Latent, 0, 0.02));
        for (int t = 10; t < 20; t++) view.Observe(Tick(t, Stage.ConflictAndDiffusion, 1, 0.02 + 0.02 * (t - 9)));
        for (int t = 20; t < 30; t++) view.Observe(Tick(t, Stage.RepertoiresAndFrames, 1, 0.25, arrests: t == 25 ? 4 : 0, alliances: t >= 22 ? 1 : 0));
        view.Observe(Tick(30, Stage.InformationAndInteraction, 1, 0.3, concessions: 1, alliances: 2));
        for (int t = 31; t < 61; t++) view.Observe(Tick(t, Stage.ExhaustionAndPolarization, 1, 0.2 - 0.003 * (t - 31), arrests: 3, alliances: 2));
        return view;
    }

    [Fact]
    public void A_recorded_frame_shows_the_stage_the_sparkline_the_counts_and_the_latest_events()
    {
        var frame = Fed().Frame(100);

        Assert.Contains("lesson · week 60 of 100", frame);
        Assert.Contains(" 4 ", frame);
        Assert.Contains("exhaustion and polarization", frame);
        Assert.Contains("(cycle 1)", frame);
        Assert.Contains("Activists tire and are disillusioned", frame);
        Assert.Matches("Participation +11.3%", frame);
        Assert.Contains("  40% ┤", frame); // the y axis: peak 30% -> top 40%
        Assert.Contains("   0% └", frame);
        Assert.Contains("active 113 · exhausted 100 · held 3", frame);
        Assert.Contains("This week arrests 3", frame);
        Assert.Contains("Latest events", frame);
        Assert.Contains("week 31: entered stage 4, exhaustion and polarization (cycle 1; participation 20.0%)", frame);
        Assert.Contains("week 30: the state made a concession", frame);
        Assert.DoesNotContain("\u001b[", frame); // plain text: no colour or cursor codes
        Assert.All(frame.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 100, $"line wider than the frame: {line}"));
    }

    [Fact]
    public void The_chart_has_axes_the_whole_run_on_x_stage_bands_and_every_band_numbered()
    {
        var view = Fed();
        view.ChartWidth = 50; // 100 weeks over 50 columns: 2 weeks a column
        var chart = view.Chart();

        Assert.Equal(LiveView.ChartHeight + 4, chart.Count);
        Assert.StartsWith("  40% ┤", Plain(chart[0]));
        Assert.Contains("[black on " + ContentionSim.Reporting.Plots.Palette.Stage(Stage.ExhaustionAndPolarization) + "]", chart[LiveView.ChartHeight - 1]);
        string axis = Plain(chart[LiveView.ChartHeight + 1]);
        Assert.Matches(@"^\s+0\s+50\s+100 weeks$", axis);
        // Stage 2 lasts 10 weeks (5 columns) and 3 one week: every band is numbered where it begins.
        string numbers = Plain(chart[LiveView.ChartHeight + 2]);
        Assert.Matches(@"^stage\s+1\s*2\s*3?4", numbers);
        Assert.Contains("2", numbers);
        Assert.Contains("4", numbers);
        foreach (var s in StageText.Cycle) Assert.Contains(StageText.Name(s), chart[^1]);
        // The plot grows: columns after week 60 are still empty.
        Assert.All(chart.Take(LiveView.ChartHeight), line => Assert.Equal(7 + 50, Plain(line).Length));
        Assert.EndsWith(new string(' ', 15), Plain(chart[LiveView.ChartHeight - 1]));
    }

    [Fact]
    public void The_chart_top_is_a_round_share_above_the_peak()
    {
        Assert.Equal(0.05, LiveView.ChartTop(0.01));
        Assert.Equal(0.2, LiveView.ChartTop(0.135));
        Assert.Equal(1.0, LiveView.ChartTop(0.97));
    }

    /// <summary>Markup without its [style] tags, and with [[ ]] unescaped.</summary>
    private static string Plain(string markup) => Spectre.Console.Markup.Remove(markup);

    [Fact]
    public void Stage_changes_are_reported_once_each_in_order()
    {
        var lines = new List<string>();
        var view = new LiveView("lesson", "week", 100);
        view.StageChanged += lines.Add;
        view.Observe(Tick(0, Stage.Latent, 0, 0.01));
        view.Observe(Tick(1, Stage.ConflictAndDiffusion, 1, 0.05));
        view.Observe(Tick(2, Stage.ConflictAndDiffusion, 1, 0.06));
        view.Observe(Tick(3, Stage.RepertoiresAndFrames, 1, 0.08));
        view.Observe(Tick(4, Stage.Latent, 1, 0.01));
        view.Observe(Tick(9, Stage.ConflictAndDiffusion, 2, 0.05));

        Assert.Equal(
        [
            "week 1: entered stage 1, conflict and diffusion (cycle 1; participation 5.0%)",
            "week 3: entered stage 2, repertoires and frames (cycle 1; participation 8.0%)",
            "week 4: cycle 1 ended (participation 1.0%)",
            "week 9: entered stage 1, conflict and diffusion (cycle 2; participation 5.0%)",
        ], lines);
        Assert.Equal(lines, view.StageChanges);
    }

    [Fact]
    public void The_latest_events_keep_the_newest_few_and_the_first_arrests_of_a_cycle()
    {
        var view = Fed();

        Assert.True(view.Events.Count <= LiveView.MaxEvents);
        Assert.Equal("week 31: entered stage 4, exhaustion and polarization (cycle 1; participation 20.0%)", view.Events[^1]);
        Assert.Contains("week 25: the state's first arrests of cycle 1 (4)", view.Events);
        Assert.Contains("week 30: 2 alliances abroad (the boomerang)", view.Events);
    }

    [Fact]
    public void Before_the_first_tick_the_frame_says_it_is_starting() =>
        Assert.Contains("starting", new LiveView("lesson", "week", 10).Frame(60));
}
