using System.Globalization;
using System.Text;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Plots;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ContentionSim.Cli.Commands.Watch;

/// <summary>
/// What <c>run --watch</c> shows while a cycle unfolds: the current stage and what it means, a
/// participation sparkline coloured by stage (the palette of the figures), activists by status, this
/// tick's acts of the state and the movement, and the latest events (stage changes, concessions,
/// the first arrests, violence and co-optations of a cycle, new alliances abroad). It is fed the wave's
/// <see cref="TickObservation"/> tick by tick and renders a frame on demand, so a test can record one.
/// </summary>
internal sealed class LiveView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Levels = "▁▂▃▄▅▆▇█";

    /// <summary>Ticks the sparkline covers.</summary>
    public const int SparkTicks = 60;

    /// <summary>Events kept for the display.</summary>
    public const int MaxEvents = 7;

    private readonly List<(double Participation, Stage Stage)> _history = [];
    private readonly LinkedList<string> _events = new();
    private readonly List<string> _stageChanges = [];
    private TickObservation? _last;
    private Stage _stage = Stage.Latent;
    private int _cycle;
    private bool _arrestsThisCycle, _violenceThisCycle, _cooptThisCycle;
    private double _peak;
    private int _nextAllianceMilestone = 1;

    public LiveView(string scenario, string timeUnit, int ticks)
    {
        Scenario = scenario;
        Unit = string.IsNullOrWhiteSpace(timeUnit) ? "tick" : timeUnit.Trim();
        Ticks = ticks;
    }

    public string Scenario { get; }
    public string Unit { get; }
    public int Ticks { get; }

    /// <summary>Called with a plain line each time the wave enters a stage or a cycle ends.</summary>
    public event Action<string>? StageChanged;

    /// <summary>Every stage change so far, as plain lines.</summary>
    public IReadOnlyList<string> StageChanges => _stageChanges;

    /// <summary>The latest events, oldest first.</summary>
    public IReadOnlyList<string> Events => _events.ToList();

    public TickObservation? Last => _last;

    /// <summary>Reads one tick of the wave.</summary>
    public void Observe(TickObservation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        string when = string.Format(Inv, "{0} {1}", Unit, o.Tick);
        if (o.Stage != _stage || (o.Stage != Stage.Latent && o.Cycle != _cycle))
        {
            string line = o.Stage == Stage.Latent
                ? string.Format(Inv, "{0}: cycle {1} ended (participation {2})", when, _cycle, Pct(o.Participation))
                : string.Format(Inv, "{0}: entered stage {1}, {2} (cycle {3}; participation {4})", when, (int)o.Stage, StageText.Name(o.Stage), o.Cycle, Pct(o.Participation));
            if (o.Stage != Stage.Latent && o.Cycle != _cycle)
            {
                _arrestsThisCycle = _violenceThisCycle = _cooptThisCycle = false;
                _peak = 0;
            }
            _stage = o.Stage;
            _cycle = o.Cycle;
            _stageChanges.Add(line);
            Add(line);
            StageChanged?.Invoke(line);
        }
        if (_stage != Stage.Latent)
        {
            if (o.RepressionEvents > 0 && !_arrestsThisCycle)
            {
                _arrestsThisCycle = true;
                Add(string.Format(Inv, "{0}: the state's first arrests of cycle {1} ({2})", when, _cycle, o.RepressionEvents));
            }
            if (o.ViolentActs > 0 && !_violenceThisCycle)
            {
                _violenceThisCycle = true;
                Add(string.Format(Inv, "{0}: first violent acts of cycle {1} ({2})", when, _cycle, o.ViolentActs));
            }
            if (o.Cooptations > 0 && !_cooptThisCycle)
            {
                _cooptThisCycle = true;
                Add(string.Format(Inv, "{0}: the state co-opts its first moderates of cycle {1}", when, _cycle));
            }
        }
        if (o.Concessions > 0)
            Add(string.Format(Inv, "{0}: the state made {1}", when, o.Concessions == 1 ? "a concession" : $"{o.Concessions} concessions"));
        // Alliances abroad at milestones (the first, then each doubling), so they do not crowd out the stages.
        if (o.Alliances >= _nextAllianceMilestone)
        {
            Add(string.Format(Inv, "{0}: {1} alliance{2} abroad (the boomerang)", when, o.Alliances, o.Alliances == 1 ? "" : "s"));
            while (_nextAllianceMilestone <= o.Alliances) _nextAllianceMilestone *= 2;
        }
        _peak = Math.Max(_peak, o.Participation);
        _history.Add((o.Participation, o.Stage));
        if (_history.Count > SparkTicks) _history.RemoveAt(0);
        _last = o;
    }

    private void Add(string line)
    {
        _events.AddLast(line);
        while (_events.Count > MaxEvents) _events.RemoveFirst();
    }

    /// <summary>The display as a Spectre renderable.</summary>
    public IRenderable Render()
    {
        var o = _last;
        var rows = new List<IRenderable>();
        if (o is null)
        {
            rows.Add(new Markup("[grey]starting…[/]"));
        }
        else
        {
            // Stage line and what it means.
            if (o.Stage == Stage.Latent)
                rows.Add(new Markup(string.Format(Inv, "[bold]Between cycles[/] [grey]({0} cycle{1} so far, fizzles included)[/]", o.Cycle, o.Cycle == 1 ? "" : "s")));
            else
                rows.Add(new Markup(string.Format(Inv, "[bold black on {0}] {1} [/] [bold]{2}[/] [grey](cycle {3})[/]",
                    Palette.Stage(o.Stage), (int)o.Stage, Markup.Escape(StageText.Name(o.Stage)), o.Cycle)));
            rows.Add(new Markup("[grey]" + Markup.Escape(Sentence(StageText.Explanation(o.Stage))) + "[/]"));
            rows.Add(Text.Empty);

            // Participation and its sparkline.
            rows.Add(new Markup(string.Format(Inv, "[bold]Participation[/] {0,6}  [grey](highest single {1} of {2} cycle: {3}; the summary's cycle peaks are smoothed)[/]", Pct(o.Participation), Unit, o.Stage == Stage.Latent ? "the last" : "this", Pct(_peak))));
            rows.Add(new Markup(Sparkline() + string.Format(Inv, " [grey]last {0} {1}s[/]", _history.Count, Unit)));
            rows.Add(Text.Empty);

            // Activists by status.
            var chart = new BreakdownChart().Width(60).ShowPercentage();
            double total = Math.Max(1, o.Active + o.Exhausted + o.Repressed + o.Coopted + o.Inactive);
            void Item(string label, int n, ActivistStatus status)
            {
                if (n > 0) chart.AddItem(label, Math.Round(n * 100 / total, 1), HexColor(Palette.Status(status)));
            }
            Item("active", o.Active, ActivistStatus.Active);
            Item("exhausted", o.Exhausted, ActivistStatus.Exhausted);
            Item("held by the state", o.Repressed, ActivistStatus.Repressed);
            Item("co-opted", o.Coopted, ActivistStatus.Coopted);
            Item("inactive", o.Inactive, ActivistStatus.Inactive);
            rows.Add(new Markup(string.Format(Inv, "[bold]Activists[/] active {0:N0} · exhausted {1:N0} · held {2:N0} · co-opted {3:N0} · inactive {4:N0}",
                o.Active, o.Exhausted, o.Repressed, o.Coopted, o.Inactive)));
            rows.Add(chart);
            rows.Add(Text.Empty);

            // This tick.
            rows.Add(new Markup(string.Format(Inv,
                "[bold]This {0}[/] arrests {1:N0} · talks {2:N0} · concessions {3:N0} · co-optations {4:N0} · violent acts {5:N0}",
                Markup.Escape(Unit), o.RepressionEvents, o.FacilitationEvents, o.Concessions, o.Cooptations, o.ViolentActs)));
            rows.Add(new Markup(string.Format(Inv, "[grey]outside pressure {0:0.##} · effective openness {1:0.##} · alliances abroad {2:N0} · public sympathy {3:0.##}[/]",
                o.OutsidePressure, o.EffectiveOpenness, o.Alliances, o.Sympathy)));
            rows.Add(Text.Empty);
        }

        rows.Add(new Markup("[bold]Latest events[/]"));
        if (_events.Count == 0) rows.Add(new Markup("[grey]  none yet[/]"));
        foreach (var e in _events) rows.Add(new Markup("  " + Markup.Escape(e)));

        string header = o is null
            ? Markup.Escape(Scenario)
            : string.Format(Inv, "{0} · {1} {2} of {3}", Markup.Escape(Scenario), Markup.Escape(Unit), o.Tick, Ticks);
        return new Panel(new Rows(rows)) { Header = new PanelHeader($" [bold]{header}[/] "), Border = BoxBorder.Rounded, Expand = true };
    }

    /// <summary>One frame as plain text (no colours or cursor codes), <paramref name="width"/> columns wide.</summary>
    public string Frame(int width = 100)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(Render());
        return writer.ToString();
    }

    private string Sparkline()
    {
        if (_history.Count == 0) return "";
        double max = Math.Max(_history.Max(h => h.Participation), 1e-9);
        var sb = new StringBuilder();
        Stage? current = null;
        foreach (var (p, stage) in _history)
        {
            if (current != stage)
            {
                if (current is not null) sb.Append("[/]");
                sb.Append('[').Append(stage == Stage.Latent ? "grey" : Palette.Stage(stage)).Append(']');
                current = stage;
            }
            int level = (int)Math.Round(p / max * (Levels.Length - 1));
            sb.Append(Levels[Math.Clamp(level, 0, Levels.Length - 1)]);
        }
        if (current is not null) sb.Append("[/]");
        return sb.ToString();
    }

    private static Color HexColor(string hex)
    {
        int v = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, Inv);
        return new Color((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    private static string Pct(double share) => (share * 100).ToString("0.0", Inv) + "%";

    private static string Sentence(string text) => string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..] + ".";
}
