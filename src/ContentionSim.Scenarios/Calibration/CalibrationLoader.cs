using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Calibration;

/// <summary>
/// Loads calibration files (the format is in docs/calibration.md). Every problem is reported at once
/// with the file's line and column and a fix, as for scenarios and sweeps: unknown keys, a scenario that
/// cannot be read or is not valid, fixed settings and free parameters that name no parameter, priors whose
/// ends make the scenario invalid, patterns that name no observable, tolerances that are not positive.
/// </summary>
public static partial class CalibrationLoader
{
    /// <summary>The <see cref="ScenarioException.Subject"/> of a calibration file's problems (its scenario's included), for every command that loads one.</summary>
    public const string Subject = "calibration";

    public static IReadOnlyList<string> Keys { get; } =
        ["name", "description", "scenario", "master_seed", "replicates", "set", "free", "targets", "held_out", "abc", "quick"];

    public static IReadOnlyList<string> AbcKeys { get; } =
        ["particles", "initial_draws", "generations", "quantile", "min_acceptance", "max_simulations"];

    public static IReadOnlyList<string> QuickKeys { get; } = ["replicates", "abc", "set"];

    private static readonly string[] PriorKeys = ["uniform", "normal", "log_uniform"];
    private static readonly string[] PatternKeys = ["observed", "tolerance"];

    /// <summary>Whether the file at <paramref name="path"/> is a calibration file: its top level has <c>free</c> or <c>targets</c> (also when its YAML is broken).</summary>
    public static bool IsCalibrationFile(string path) => TopLevelKeys.AnyOf(path, TopLevelKeys.Calibration);

    /// <summary>Reads and checks the calibration in <paramref name="path"/>; <paramref name="observables"/> are the names a pattern may use.</summary>
    /// <exception cref="ScenarioException">Carries every problem.</exception>
    public static CalibrationDefinition LoadFile(string path, IReadOnlyCollection<string> observables, CalibrationLoadOptions? options = null)
    {
        var text = TextFile.Read(path, "calibration", out var problem);
        if (problem is not null) throw new ScenarioException([problem], Subject);
        return Parse(text!, path, observables, options);
    }

    /// <summary>Parses a calibration from YAML text; its <c>scenario</c> path is relative to the folder of <paramref name="fileName"/>.</summary>
    public static CalibrationDefinition Parse(string yamlText, string fileName, IReadOnlyCollection<string> observables, CalibrationLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(observables);
        return new Reader(yamlText, fileName, observables, options ?? new CalibrationLoadOptions()).Read();
    }

    private sealed partial class Reader(string text, string file, IReadOnlyCollection<string> observables, CalibrationLoadOptions options)
    {
        private readonly List<Diagnostic> _diagnostics = [];

        private void Add(YNode at, string path, string message, string? fix) =>
            _diagnostics.Add(new Diagnostic(file, at.Line, at.Column, path, message, fix));

        private ScenarioException Failure() => new(ScenarioValidator.Order(_diagnostics), Subject);

        public CalibrationDefinition Read()
        {
            var document = YamlReader.Read(text, file, _diagnostics);
            if (document.SyntaxError) throw Failure();
            if (document.Empty || document.Root is not YMapping root)
            {
                _diagnostics.Add(new Diagnostic(file, document.Root?.Line ?? 1, document.Root?.Column ?? 1, "",
                    document.Empty ? "the calibration file is empty" : $"expected the calibration's keys (scenario:, free:, targets:, ...) at the top level, found {document.Root!.Describe()}",
                    "write at least 'scenario:', 'free:' and 'targets:'; docs/calibration.md shows the format"));
                throw Failure();
            }
            var entries = new Dictionary<string, YEntry>(StringComparer.Ordinal);
            foreach (var entry in root.Entries)
            {
                if (Keys.Contains(entry.Key.Value)) entries[entry.Key.Value] = entry;
                else UnknownKey(entry.Key, "", Keys);
            }
            string name = Text(entries, "name") ?? Path.GetFileNameWithoutExtension(file);
            string description = Text(entries, "description") ?? "";
            ulong? seed = entries.TryGetValue("master_seed", out var seedEntry) ? Unsigned(seedEntry.Value, "master_seed") : null;
            int replicates = entries.TryGetValue("replicates", out var repEntry) ? Whole(repEntry.Value, "replicates", 1, 1000) ?? 1 : 1;
            var abc = entries.TryGetValue("abc", out var abcEntry) ? AbcBlock(abcEntry.Value, "abc", new AbcSettings()) : new AbcSettings();

            if (!entries.TryGetValue("scenario", out var scenarioEntry))
            {
                _diagnostics.Add(new Diagnostic(file, root.Line, root.Column, "scenario", "the calibration does not say which scenario it calibrates",
                    "add 'scenario: path/to/scenario.yaml' (relative to the calibration file's folder)"));
                throw Failure();
            }
            var loaded = LoadScenario(scenarioEntry);
            if (loaded is null) throw Failure();
            var (scenarioFile, scenarioText, scenario, map) = loaded;

            var fixedSettings = new List<string>();
            if (entries.TryGetValue("set", out var setEntry)) ApplySet(ref scenario, ref map, setEntry.Value, "set", fixedSettings);
            bool quickApplied = false;
            if (entries.TryGetValue("quick", out var quickEntry))
            {
                if (quickEntry.Value is YMapping quick)
                {
                    var trial = scenario;
                    var trialMap = map;
                    var trialSettings = new List<string>();
                    int? quickReplicates = null;
                    var quickAbc = abc;
                    foreach (var (key, value) in quick.Entries)
                    {
                        switch (key.Value)
                        {
                            case "replicates": quickReplicates = Whole(value, "quick.replicates", 1, 1000); break;
                            case "abc": quickAbc = AbcBlock(value, "quick.abc", abc); break;
                            case "set": ApplySet(ref trial, ref trialMap, value, "quick.set", trialSettings); break;
                            default: UnknownKey(key, "quick", QuickKeys); break;
                        }
                    }
                    if (options.Quick)
                    {
                        scenario = trial;
                        map = trialMap;
                        fixedSettings.AddRange(trialSettings);
                        replicates = quickReplicates ?? replicates;
                        abc = quickAbc;
                        quickApplied = true;
                    }
                }
                else if (quickEntry.Value is not YScalar { IsNull: true })
                    Add(quickEntry.Value, "quick", $"expected a section (replicates:, abc:, set:), found {quickEntry.Value.Describe()}",
                        "write e.g. 'quick: {replicates: 1, abc: {particles: 40, initial_draws: 160, generations: 2}}'");
            }
            var baseProblems = ScenarioValidator.Validate(scenario, map);
            _diagnostics.AddRange(baseProblems);

            var free = new List<FreeParameter>();
            if (entries.TryGetValue("free", out var freeEntry) && freeEntry.Value is YMapping freeMap && freeMap.Entries.Count > 0)
            {
                foreach (var (key, value) in freeMap.Entries)
                    if (Free(scenario, key, value, baseProblems.Count == 0) is FreeParameter p)
                    {
                        if (free.Any(f => f.Path == p.Path)) Add(key, $"free.{key.Value}", $"'{key.Value}' is free twice", "keep one entry");
                        else free.Add(p);
                    }
            }
            else
                Add(freeEntry?.Value ?? root, "free", "the calibration has no free parameters",
                    "add 'free:' with a parameter path and its prior on each line, e.g. '  state.openness: {uniform: [0.05, 0.6]}'");

            var targets = Patterns(entries, "targets", required: true);
            var heldOut = Patterns(entries, "held_out", required: false);
            foreach (var h in heldOut.Where(h => targets.Any(t => t.Observable == h.Observable)))
                _diagnostics.Add(new Diagnostic(file, h.Line, h.Column, $"held_out.{h.Observable}",
                    $"'{h.Observable}' is both a target and held out", "a held-out pattern checks the fit on something it was not fitted to: keep it in one list"));
            if (_diagnostics.Count > 0) throw Failure();
            return new CalibrationDefinition(name, description, file, text, scenarioFile, scenarioText, scenario, fixedSettings,
                seed ?? scenario.Seed, replicates, free, targets, heldOut, abc, quickApplied);
        }
    }
}
