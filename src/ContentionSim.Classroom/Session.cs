using System.Globalization;
using System.Reflection;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Reporting.Csv;
using ContentionSim.Scenarios;

namespace ContentionSim.Classroom;

/// <summary>A scenario shipped with ContentionSim, embedded in the page.</summary>
public sealed record ShippedScenario(string File, string Text);

/// <summary>A change the class made, as it was recorded.</summary>
public sealed record Change(int Tick, string Text);

/// <summary>
/// What the page holds: the scenario, the run stepped by play/step, and the class's changes. A
/// change before the first tick edits the scenario; a change once the run has started is an event
/// at the next tick (<see cref="LiveRun.Schedule"/>), so <see cref="ExportYaml"/> is a scenario
/// whose <c>events</c> replay the run exactly, with <c>contentionsim run</c> as on the page.
/// </summary>
public sealed class Session
{
    private Scenario _base = new();

    /// <summary>Most activists the page runs (the browser has one thread and a few hundred MB).</summary>
    public const long MaxActivists = 200_000;

    public Session()
    {
        Shipped = LoadShipped();
        var first = Shipped.FirstOrDefault(s => s.File == "scenarios/teaching/1-tight-state.yaml") ?? Shipped[0];
        Load(first.File, first.Text);
    }

    /// <summary>The scenarios shipped in <c>scenarios/</c> and <c>scenarios/teaching/</c>.</summary>
    public IReadOnlyList<ShippedScenario> Shipped { get; }

    /// <summary>File name of the scenario loaded (shipped path or the uploaded file's name).</summary>
    public string SourceName { get; private set; } = "";

    /// <summary>The scenario as loaded, before the class's changes.</summary>
    public Scenario Loaded { get; private set; } = new();

    /// <summary>The scenario the run started from (the loaded one with the changes made before the start).</summary>
    public Scenario Base => _base;

    public LiveRun Run { get; private set; } = null!;

    /// <summary>Every change the class made, in order (before the start and during the run).</summary>
    public List<Change> Changes { get; } = [];

    /// <summary>Loads a scenario from YAML text. Throws <see cref="ScenarioException"/> with every problem (file, line, column, fix).</summary>
    public void Load(string fileName, string text)
    {
        var scenario = ScenarioLoader.Parse(text, fileName);
        if (scenario.TotalActivists > MaxActivists)
            throw new ArgumentException($"{fileName}: {scenario.TotalActivists:N0} activists are more than the page runs in a browser ({MaxActivists:N0}); " +
                                        "lower the movements' activists.count, or run it with 'contentionsim run' on a computer.");
        SourceName = fileName;
        Loaded = scenario;
        _base = scenario;
        Changes.Clear();
        Restart();
    }

    /// <summary>Back to tick 0 with the same scenario and the changes made before the start; changes made during the run are dropped.</summary>
    public void Restart()
    {
        Run = new LiveRun(_base, new RunOptions { Threads = 1 });
        Changes.RemoveAll(c => c.Tick > 0);
    }

    /// <summary>A new seed (before the start or with a restart).</summary>
    public void SetSeed(ulong seed)
    {
        _base = _base with { Seed = seed };
        Changes.Add(new Change(0, $"seed {seed}"));
        Restart();
    }

    /// <summary>Sets a control: before the first tick the scenario changes; during the run the change is an event at the next tick.</summary>
    public string Set(Control control, double value)
    {
        if (double.IsNaN(value)) throw new ArgumentException("not a number");
        value = Math.Clamp(value, control.Min, control.Max);
        string label = $"{control.Title}: {Control.Num(value)}";
        var paths = control.Expand(Run.Current);
        if (paths.Count == 0) throw new InvalidOperationException($"this scenario has nothing to set for '{control.Title}'");
        if (Run.Tick == 0)
        {
            foreach (var p in paths) _base = WithNumber(_base, p, value);
            Changes.Add(new Change(0, label + " (before the start)"));
            Restart();
            return label;
        }
        if (!control.MidRun) throw new InvalidOperationException($"{control.Title} shapes the population at the start: restart to change it");
        Schedule(paths.Select(p => (p, value)).ToList(), "classroom: " + label);
        return label;
    }

    /// <summary>Applies a shock at the next tick (before the start: at tick 1).</summary>
    public void Apply(Shock shock) => Schedule(shock.Changes(Run.Current), "classroom: " + shock.Label);

    private void Schedule(IReadOnlyList<(string Path, double Value)> changes, string label)
    {
        int at = Run.Tick + 1;
        foreach (var (path, value) in changes)
            Run.Schedule(new ScheduledEvent { At = at, Set = Control.EventPath(Run.Current, path), Value = value, Label = label });
        Changes.Add(new Change(at, label));
    }

    private static Scenario WithNumber(Scenario s, string path, double value)
    {
        var type = Nullable.GetUnderlyingType(ParameterPath.TypeAt(s, path)) ?? ParameterPath.TypeAt(s, path);
        object boxed = type == typeof(int) ? (int)Math.Round(value) : type == typeof(bool) ? value != 0 : value;
        return ParameterPath.With(s, path, boxed);
    }

    /// <summary>The scenario as played, written out whole, with the changes as events: <c>contentionsim run</c> on it gives this run.</summary>
    public string ExportYaml()
    {
        var played = Run.Replay;
        var header = new List<string>
        {
            $"{played.Name}: played in the ContentionSim classroom from {SourceName}, seed {played.Seed}.",
            $"Stopped at tick {Run.Tick} of {played.Ticks}. The changes the class made are its last events (label 'classroom: ...'); the values before the start are written in place.",
            "Every key is written with its value. Run it again with: contentionsim run THIS_FILE",
        };
        foreach (var c in Changes) header.Add($"tick {c.Tick}: {c.Text}");
        return ScenarioTemplate.Yaml(played, header);
    }

    /// <summary><c>timeseries.csv</c> of the ticks run so far, written by the same code as <c>contentionsim run</c>.</summary>
    public string ExportTimeseries()
    {
        var result = new RunResult { Scenario = Run.Replay, Seed = Run.Scenario.Seed, TicksRun = Run.Tick, Series = Run.Series, Headline = new Headline() };
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        RunCsv.WriteTimeseries(result, writer);
        return writer.ToString();
    }

    /// <summary>A file name for exports: the scenario's name, seed and tick.</summary>
    public string ExportName => $"{Safe(Run.Scenario.Name)}-seed{Run.Scenario.Seed}-tick{Run.Tick}";

    private static string Safe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());

    private static List<ShippedScenario> LoadShipped()
    {
        var assembly = typeof(Session).Assembly;
        var list = new List<ShippedScenario>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("scenarios/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new ShippedScenario(name, reader.ReadToEnd()));
        }
        return list;
    }
}
