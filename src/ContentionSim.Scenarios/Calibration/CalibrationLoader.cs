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
public static class CalibrationLoader
{
    public static IReadOnlyList<string> Keys { get; } =
        ["name", "description", "scenario", "master_seed", "replicates", "set", "free", "targets", "held_out", "abc", "quick"];

    public static IReadOnlyList<string> AbcKeys { get; } =
        ["particles", "initial_draws", "generations", "quantile", "min_acceptance", "max_simulations"];

    public static IReadOnlyList<string> QuickKeys { get; } = ["replicates", "abc", "set"];

    private static readonly string[] PriorKeys = ["uniform", "normal", "log_uniform"];
    private static readonly string[] PatternKeys = ["observed", "tolerance"];

    /// <summary>Whether the file at <paramref name="path"/> is a calibration file: its top level has <c>free</c> or <c>targets</c>.</summary>
    public static bool IsCalibrationFile(string path)
    {
        var text = TextFile.Read(path, out var problem);
        if (text is null || problem is not null) return false;
        var document = YamlReader.Read(text, path, []);
        return document.Root is YMapping root && root.Entries.Any(e => e.Key.Value is "free" or "targets");
    }

    /// <summary>Reads and checks the calibration in <paramref name="path"/>; <paramref name="observables"/> are the names a pattern may use.</summary>
    /// <exception cref="ScenarioException">Carries every problem.</exception>
    public static CalibrationDefinition LoadFile(string path, IReadOnlyCollection<string> observables, CalibrationLoadOptions? options = null)
    {
        var text = TextFile.Read(path, out var problem);
        if (problem is not null)
            throw new ScenarioException([problem with { Message = problem.Message.Replace("scenario file", "calibration file"), Fix = problem.Fix?.Replace("scenario file", "calibration file") }]);
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

    private sealed class Reader(string text, string file, IReadOnlyCollection<string> observables, CalibrationLoadOptions options)
    {
        private readonly List<Diagnostic> _diagnostics = [];

        private void Add(YNode at, string path, string message, string? fix) =>
            _diagnostics.Add(new Diagnostic(file, at.Line, at.Column, path, message, fix));

        private ScenarioException Failure() => new(ScenarioValidator.Order(_diagnostics));

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
            var (scenarioFile, scenarioText, scenario) = loaded.Value;

            var fixedSettings = new List<string>();
            if (entries.TryGetValue("set", out var setEntry)) ApplySet(ref scenario, setEntry.Value, "set", fixedSettings);
            bool quickApplied = false;
            if (entries.TryGetValue("quick", out var quickEntry))
            {
                if (quickEntry.Value is YMapping quick)
                {
                    var trial = scenario;
                    var trialSettings = new List<string>();
                    int? quickReplicates = null;
                    var quickAbc = abc;
                    foreach (var (key, value) in quick.Entries)
                    {
                        switch (key.Value)
                        {
                            case "replicates": quickReplicates = Whole(value, "quick.replicates", 1, 1000); break;
                            case "abc": quickAbc = AbcBlock(value, "quick.abc", abc); break;
                            case "set": ApplySet(ref trial, value, "quick.set", trialSettings); break;
                            default: UnknownKey(key, "quick", QuickKeys); break;
                        }
                    }
                    if (options.Quick)
                    {
                        scenario = trial;
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
            var baseProblems = ScenarioValidator.Validate(scenario);
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

        private (string File, string Text, Scenario Scenario)? LoadScenario(YEntry entry)
        {
            if (entry.Value is not YScalar { IsNull: false } scalar)
            {
                Add(entry.Value, "scenario", $"expected the path of a scenario file, found {entry.Value.Describe()}",
                    "write e.g. 'scenario: ../scenarios/japan-2007.yaml' (relative to the calibration file's folder)");
                return null;
            }
            string given = scalar.Value.Trim();
            string folder = Path.GetDirectoryName(file) ?? "";
            string resolved = Path.IsPathRooted(given) ? given : Path.Combine(folder, given);
            string shown = Path.IsPathRooted(given) ? given : Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(resolved));
            var scenarioText = TextFile.Read(resolved, out var problem);
            if (problem is not null)
            {
                Add(scalar, "scenario", $"the scenario '{given}' ({shown}) cannot be read: {problem.Message.TrimEnd('.')}",
                    "the path is relative to the calibration file's folder");
                return null;
            }
            try
            {
                return (shown, scenarioText!, ScenarioLoader.Parse(scenarioText!, shown));
            }
            catch (ScenarioException e)
            {
                Add(scalar, "scenario", $"the scenario '{given}' has {e.Diagnostics.Count} problem{(e.Diagnostics.Count == 1 ? "" : "s")}, listed with its file name",
                    "fix the scenario (contentionsim validate checks it on its own)");
                _diagnostics.AddRange(e.Diagnostics);
                return null;
            }
        }

        private void ApplySet(ref Scenario scenario, YNode node, string path, List<string> settings)
        {
            if (node is YScalar { IsNull: true }) return;
            if (node is not YMapping map)
            {
                Add(node, path, $"expected a section of key.path: value settings, found {node.Describe()}", "write each setting on its own line, e.g. '  ticks: 260'");
                return;
            }
            foreach (var (key, value) in map.Entries)
            {
                if (!Resolve(scenario, key.Value, key, $"{path}.{key.Value}", out var target)) continue;
                var local = new List<Diagnostic>();
                new Binder(file, local, new SourceMap(file)).TryBind(target.Type, value, target.Canonical, ParameterPath.Get(scenario, key.Value), out var bound);
                _diagnostics.AddRange(local);
                if (local.Count > 0) continue;
                try
                {
                    scenario = ParameterPath.With(scenario, key.Value, bound);
                    settings.Add($"{key.Value}={(value is YScalar s ? s.Value : value.Describe())}");
                }
                catch (ParameterPathException e)
                {
                    Add(value, $"{path}.{key.Value}", e.Reason, null);
                }
            }
        }

        private bool Resolve(Scenario scenario, string key, YNode at, string path, out ResolvedPath target)
        {
            target = null!;
            try
            {
                target = Paths.Resolve(scenario, key);
                return true;
            }
            catch (ParameterPathException e)
            {
                Add(at, path, $"'{key}' is not a parameter of the scenario: {Paths.Explain(scenario, key, e)}",
                    "see docs/scenarios.md for every key; list items are addressed as movements.<id>.… or movements[0].…; a distribution's mean as ….grievance.mean");
                return false;
            }
        }

        private FreeParameter? Free(Scenario scenario, YScalar key, YNode value, bool checkEnds)
        {
            string path = $"free.{key.Value}";
            if (!Resolve(scenario, key.Value, key, path, out var target)) return null;
            var type = Nullable.GetUnderlyingType(target.Type) ?? target.Type;
            bool whole = type == typeof(int) || type == typeof(long);
            if (!whole && type != typeof(double))
            {
                Add(key, path, $"'{key.Value}' is {Describe(type)}, not a number a calibration can vary",
                    "free a numeric parameter; for a distribution free its mean, e.g. 'movements[0].activists.grievance.mean'");
                return null;
            }
            if (value is not YMapping { Entries.Count: 1 } prior || prior.Entries[0].Value is not YSequence { Items.Count: 2 } args)
            {
                Add(value, path, $"expected a prior with its two numbers, found {value.Describe()}",
                    "write e.g. '{uniform: [0.05, 0.6]}', '{normal: [0.5, 0.1]}' (mean, sd) or '{log_uniform: [0.001, 0.1]}'");
                return null;
            }
            var (kindKey, _) = prior.Entries[0];
            PriorKind? kind = kindKey.Value switch { "uniform" => PriorKind.Uniform, "normal" => PriorKind.Normal, "log_uniform" => PriorKind.LogUniform, _ => null };
            if (kind is null) { UnknownKey(kindKey, path, PriorKeys); return null; }
            double? a = Number(args.Items[0], path), b = Number(args.Items[1], path);
            if (a is null || b is null) return null;
            switch (kind)
            {
                case PriorKind.Uniform when !(a < b):
                case PriorKind.LogUniform when !(a < b && a > 0):
                    Add(args, path, $"the prior's range [{a}, {b}] is empty{(kind == PriorKind.LogUniform ? " or not positive" : "")}",
                        kind == PriorKind.LogUniform ? "give a positive lower end below the upper end" : "give the lower end first, e.g. [0.05, 0.6]");
                    return null;
                case PriorKind.Normal when !(b > 0):
                    Add(args.Items[1], path, $"a normal prior's standard deviation is positive, not {b}", "write e.g. {normal: [0.5, 0.1]} (mean, sd)");
                    return null;
            }
            if (checkEnds)
            {
                // The prior's ends (a normal's 0.1% and 99.9% quantiles) must make a valid scenario.
                double lo = kind == PriorKind.Normal ? a.Value - 3.09 * b.Value : a.Value, hi = kind == PriorKind.Normal ? a.Value + 3.09 * b.Value : b.Value;
                foreach (double end in new[] { lo, hi })
                {
                    object v = whole ? (object)(long)Math.Round(end) : end;
                    try
                    {
                        var problems = ScenarioValidator.Validate(ParameterPath.With(scenario, key.Value, v));
                        foreach (var p in problems.Take(2))
                            Add(args, path, $"at {end.ToString("G6", CultureInfo.InvariantCulture)} the scenario is not valid: {p.Path}: {p.Message}",
                                kind == PriorKind.Normal ? "narrow the prior: its 0.1% and 99.9% quantiles must be valid values" : "narrow the prior to valid values");
                        if (problems.Count > 0) return null;
                    }
                    catch (ParameterPathException e)
                    {
                        Add(args, path, e.Reason, null);
                        return null;
                    }
                }
            }
            return new FreeParameter(key.Value, kind.Value, a.Value, b.Value, whole, key.Line, key.Column);
        }

        private List<TargetPattern> Patterns(Dictionary<string, YEntry> entries, string section, bool required)
        {
            var list = new List<TargetPattern>();
            if (!entries.TryGetValue(section, out var entry) || entry.Value is YScalar { IsNull: true })
            {
                if (required)
                    _diagnostics.Add(new Diagnostic(file, 1, 1, section, "the calibration has no target patterns",
                        $"add 'targets:' with an observable and its observed value on each line, e.g. '  peak_participation: {{observed: 0.12, tolerance: 0.02}}'; observables: {string.Join(", ", observables)}"));
                return list;
            }
            if (entry.Value is not YMapping map)
            {
                Add(entry.Value, section, $"expected a section of patterns, found {entry.Value.Describe()}", "write e.g. '  peak_participation: {observed: 0.12, tolerance: 0.02}'");
                return list;
            }
            foreach (var (key, value) in map.Entries)
            {
                string path = $"{section}.{key.Value}";
                if (!observables.Contains(key.Value)) { UnknownKey(key, section, [.. observables], "observable"); continue; }
                if (value is not YMapping fields) { Add(value, path, $"expected {{observed: …, tolerance: …}}, found {value.Describe()}", "write e.g. '{observed: 0.12, tolerance: 0.02}'"); continue; }
                double? observed = null, tolerance = null;
                foreach (var (k, v) in fields.Entries)
                {
                    switch (k.Value)
                    {
                        case "observed": observed = Number(v, $"{path}.observed"); break;
                        case "tolerance":
                            tolerance = Number(v, $"{path}.tolerance");
                            if (tolerance is <= 0) { Add(v, $"{path}.tolerance", $"a tolerance is positive, not {tolerance}", "give the miss that counts as one unit of distance, e.g. 0.02"); tolerance = null; }
                            break;
                        default: UnknownKey(k, path, PatternKeys); break;
                    }
                }
                if (observed is null || tolerance is null)
                {
                    if (!fields.Entries.Any(e => e.Key.Value == "observed") || !fields.Entries.Any(e => e.Key.Value == "tolerance"))
                        Add(fields, path, "a pattern needs both 'observed' and 'tolerance'", "write e.g. '{observed: 0.12, tolerance: 0.02}'");
                    continue;
                }
                if (list.Any(p => p.Observable == key.Value)) { Add(key, path, $"'{key.Value}' is listed twice", "keep one entry"); continue; }
                list.Add(new TargetPattern(key.Value, observed.Value, tolerance.Value, key.Line, key.Column));
            }
            if (required && list.Count == 0 && map.Entries.Count == 0)
                Add(entry.Value, section, "the calibration has no target patterns", "add at least one pattern below 'targets:'");
            return list;
        }

        private AbcSettings AbcBlock(YNode node, string path, AbcSettings start)
        {
            if (node is YScalar { IsNull: true }) return start;
            if (node is not YMapping map)
            {
                Add(node, path, $"expected a section of ABC settings, found {node.Describe()}", $"write e.g. '{path}: {{particles: 200, generations: 4}}'; keys: {string.Join(", ", AbcKeys)}");
                return start;
            }
            var s = start;
            foreach (var (key, value) in map.Entries)
            {
                string p = $"{path}.{key.Value}";
                switch (key.Value)
                {
                    case "particles": if (Whole(value, p, 10, 1_000_000) is int n) s = s with { Particles = n }; break;
                    case "initial_draws": if (Whole(value, p, 10, 100_000_000) is int d) s = s with { InitialDraws = d }; break;
                    case "generations": if (Whole(value, p, 0, 100) is int g) s = s with { Generations = g }; break;
                    case "quantile":
                        if (Number(value, p) is double q)
                        {
                            if (q is > 0 and < 1) s = s with { Quantile = q };
                            else Add(value, p, $"the quantile lies strictly between 0 and 1, not {q}", "0.5 halves the tolerance's distances each population (a common choice)");
                        }
                        break;
                    case "min_acceptance":
                        if (Number(value, p) is double m)
                        {
                            if (m is >= 0 and < 1) s = s with { MinAcceptance = m };
                            else Add(value, p, $"a rate lies in [0, 1), not {m}", "e.g. 0.02: stop once fewer than 2% of proposals are accepted");
                        }
                        break;
                    case "max_simulations": if (Whole(value, p, 1, int.MaxValue) is int x) s = s with { MaxSimulations = x }; break;
                    default: UnknownKey(key, path, AbcKeys); break;
                }
            }
            if (s.InitialDraws < s.Particles)
                Add(node, path, $"initial_draws ({s.InitialDraws}) is below particles ({s.Particles})", "the first population keeps the closest 'particles' of 'initial_draws' prior draws: draw at least as many");
            return s;
        }

        private string? Text(Dictionary<string, YEntry> entries, string key)
        {
            if (!entries.TryGetValue(key, out var entry)) return null;
            if (entry.Value is YScalar scalar) return scalar.IsNull ? "" : scalar.Value;
            Add(entry.Value, key, $"expected text, found {entry.Value.Describe()}", $"write {key} on one line");
            return null;
        }

        private ulong? Unsigned(YNode node, string path)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryULong(s.Value, out ulong v)) return v;
            Add(node, path, $"expected a whole number (0 or more), found {node.Describe()}", "write e.g. 'master_seed: 2024'");
            return null;
        }

        private int? Whole(YNode node, string path, int min, int max)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryNumber(s.Value, out double x) && x == Math.Floor(x) && x >= min && x <= max) return (int)x;
            Add(node, path, $"expected a whole number from {min:N0} to {max:N0}, found {node.Describe()}", null);
            return null;
        }

        private double? Number(YNode node, string path)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryNumber(s.Value, out double x) && double.IsFinite(x)) return x;
            Add(node, path, $"expected a number, found {node.Describe()}", null);
            return null;
        }

        private void UnknownKey(YScalar key, string path, IReadOnlyList<string> valid, string what = "key")
        {
            string where = path.Length == 0 ? "at the top level" : $"in '{path}'";
            string? near = valid.OrderBy(v => Distance(v, key.Value)).FirstOrDefault();
            string fix = near is not null && Distance(near, key.Value) <= Math.Max(2, key.Value.Length / 3)
                ? $"did you mean '{near}'? (valid: {string.Join(", ", valid)})"
                : $"valid: {string.Join(", ", valid)}";
            Add(key, path.Length == 0 ? key.Value : $"{path}.{key.Value}", $"unknown {what} '{key.Value}' {where}", fix);
        }

        private static string Describe(Type t) => t == typeof(bool) ? "a switch (true/false)" : t == typeof(string) ? "text" : t.IsEnum ? "a choice of names" : $"a {t.Name}";

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
                for (int j = 1; j <= b.Length; j++)
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            return d[a.Length, b.Length];
        }
    }
}
