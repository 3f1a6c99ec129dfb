using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

/// <summary>
/// Loads sweep files: a base scenario (a path relative to the sweep file), fixed settings, the varied
/// parameters with their values (lists or ranges), replications and a master seed. Everything is
/// checked as a scenario is, every problem reported at once with the sweep file's line and column:
/// each varied value is applied to the base and the result validated by <see cref="ScenarioValidator"/>,
/// and so is every combination of values when there are at most <see cref="MaxPointsChecked"/> points.
/// </summary>
public static class SweepLoader
{
    /// <summary>The <see cref="ScenarioException.Subject"/> of a sweep file's problems.</summary>
    public const string Subject = "sweep";

    /// <summary>Sweeps with at most this many points have every combination of values validated before running.</summary>
    public const int MaxPointsChecked = 2000;

    /// <summary>Factors with at most this many values have each value validated; longer ones a spread-out sample of this many.</summary>
    public const int MaxLevelsChecked = 200;

    /// <summary>Most values one range may produce.</summary>
    public const int MaxRangeValues = 1_000_000;

    /// <summary>Most replications per point.</summary>
    public const int MaxReplications = 1_000_000;

    /// <summary>Replications per point when the file does not say.</summary>
    public const int DefaultReplications = 10;

    /// <summary>The keys of a sweep file, in the order they are documented.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["name", "description", "base", "master_seed", "replications", "paired", "design", "set", "vary", "plots", "quick", "controls"];

    /// <summary>The keys of each item of a sweep file's <c>controls:</c> list (an experiment's negative controls).</summary>
    public static IReadOnlyList<string> ControlKeys { get; } = ["id", "removes", "breaks", "set"];

    /// <summary>The keys of a sweep file's <c>quick:</c> block (the reduced size used with <c>--quick</c>).</summary>
    public static IReadOnlyList<string> QuickKeys { get; } = ["replications", "set"];

    private static readonly string[] PlotKeys = ["x", "lines", "heatmap"];
    private static readonly string[] RangeKeys = ["from", "to", "step", "count"];

    /// <summary>
    /// Whether the file at <paramref name="path"/> is a sweep rather than a scenario: its top level
    /// has <c>base</c> or <c>vary</c>, keys no scenario has. False when the file cannot be read or
    /// parsed; loading it as a scenario then reports why.
    /// </summary>
    public static bool IsSweepFile(string path)
    {
        var text = TextFile.Read(path, out var problem);
        if (text is null || problem is not null) return false;
        var document = YamlReader.Read(text, path, []);
        return document.Root is YMapping root && root.Entries.Any(e => e.Key.Value is "base" or "vary");
    }

    /// <summary>Reads, validates and expands the sweep in <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The sweep file or its base scenario is missing or not valid; carries every problem.</exception>
    public static SweepDefinition LoadFile(string path, SweepLoadOptions? options = null)
    {
        var text = TextFile.Read(path, out var problem);
        if (problem is not null) throw new ScenarioException([problem with { Message = problem.Message.Replace("scenario file", "sweep file"), Fix = problem.Fix?.Replace("scenario file", "sweep file") }], Subject);
        return Parse(text!, path, options);
    }

    /// <summary>
    /// Parses a sweep from YAML text. <paramref name="fileName"/> is used in diagnostics and to find the
    /// base scenario (its <c>base</c> path is relative to the folder of <paramref name="fileName"/>).
    /// </summary>
    /// <exception cref="ScenarioException">The sweep or its base scenario is not valid.</exception>
    public static SweepDefinition Parse(string yamlText, string fileName, SweepLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        return new Reader(yamlText, fileName, options ?? new SweepLoadOptions()).Read();
    }

    /// <summary>A number as written in outputs: invariant culture, shortest round-trip form.</summary>
    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The values of a range from <paramref name="from"/> to <paramref name="to"/> (included when on the grid) by <paramref name="step"/>, rounded to 12 significant digits.</summary>
    public static IReadOnlyList<double> RangeValues(double from, double to, double step)
    {
        long n = RangeCount(from, to, step);
        if (n < 1 || n > MaxRangeValues) throw new ArgumentException($"the range has {n} values");
        var values = new double[n];
        for (long i = 0; i < n; i++) values[i] = Round12(from + i * step);
        return values;
    }

    /// <summary>Number of values of a range with a step; 0 when the step does not lead from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static long RangeCount(double from, double to, double step)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to) || !double.IsFinite(step) || step == 0) return 0;
        if (from == to) return 1;
        if ((to - from) / step < 0) return 0;
        double spans = (to - from) / step;
        if (spans > MaxRangeValues * 10.0) return (long)Math.Min(spans, long.MaxValue / 2);
        return (long)Math.Floor(spans + 1e-9) + 1;
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<double> RangeValuesByCount(double from, double to, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        if (count == 1) return [Round12(from)];
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = Round12(from + (to - from) * i / (count - 1));
        return values;
    }

    private static double Round12(double value) =>
        value == 0 ? 0 : double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private sealed class Reader(string text, string file, SweepLoadOptions options)
    {
        private readonly List<Diagnostic> _diagnostics = [];

        /// <summary>Whether every value and every combination was validated (else runs are checked as they start).</summary>
        public bool FullyChecked { get; private set; } = true;

        private void Add(YNode at, string path, string message, string? fix) =>
            _diagnostics.Add(new Diagnostic(file, at.Line, at.Column, path, message, fix));

        private ScenarioException Failure() => new(ScenarioValidator.Order(_diagnostics), Subject);

        public SweepDefinition Read()
        {
            var document = YamlReader.Read(text, file, _diagnostics);
            if (document.SyntaxError) throw Failure();
            if (document.Empty)
            {
                _diagnostics.Add(new Diagnostic(file, 1, 1, "",
                    text.Trim().Length == 0 ? "the sweep file is empty" : "the sweep file holds only comments, no keys",
                    "write at least 'base: path/to/scenario.yaml' and a 'vary:' section; docs/sweeps.md shows the format"));
                throw Failure();
            }
            if (document.Root is not YMapping root)
            {
                _diagnostics.Add(new Diagnostic(file, document.Root!.Line, document.Root.Column, "",
                    $"expected the sweep's keys (base:, vary:, replications:, ...) at the top level, found {document.Root.Describe()}",
                    "start the file with 'base: path/to/scenario.yaml' and put the other keys below it, not indented"));
                throw Failure();
            }

            var entries = new Dictionary<string, YEntry>(StringComparer.Ordinal);
            foreach (var entry in root.Entries)
            {
                if (Keys.Contains(entry.Key.Value)) entries[entry.Key.Value] = entry;
                else UnknownKey(entry.Key, "", Keys, "at the top level");
            }

            string name = Text(entries, "name") ?? Path.GetFileNameWithoutExtension(file);
            if (ScenarioValidator.NameProblem(name, "sweep's name") is var (nameMessage, nameFix))
            {
                if (entries.TryGetValue("name", out var nameEntry)) Add(nameEntry.Value, "name", nameMessage, nameFix);
                else Add(root, "name", nameMessage.Replace("the sweep's name", "the sweep file's name (the sweep's name when it has no 'name:')"), "rename the file or add 'name: <short name>'");
                throw Failure();
            }
            string description = Text(entries, "description") ?? "";
            ulong? masterSeed = entries.TryGetValue("master_seed", out var seedEntry) ? UnsignedValue(seedEntry) : null;
            int replications = entries.TryGetValue("replications", out var replicationsEntry)
                ? ReplicationsValue(replicationsEntry.Value, "replications") ?? DefaultReplications
                : DefaultReplications;
            bool paired = entries.TryGetValue("paired", out var pairedEntry) && BoolValue(pairedEntry);
            var design = DesignValue(entries);

            // The base scenario: without it nothing else can be checked.
            if (!entries.TryGetValue("base", out var baseEntry))
            {
                _diagnostics.Add(new Diagnostic(file, root.Line, root.Column, "base",
                    "the sweep does not say which scenario it varies", "add 'base: path/to/scenario.yaml' (relative to the sweep file's folder)"));
                throw Failure();
            }
            var loadedBase = LoadBase(baseEntry);
            if (loadedBase is null) throw Failure();
            var (baseFile, baseText, scenario, map) = loadedBase.Value;

            // Fixed settings: the file's 'set', then --set and --ticks.
            var fixedSettings = new List<string>();
            var fixedPaths = new Dictionary<string, string>(StringComparer.Ordinal); // canonical → where it was set
            if (entries.TryGetValue("set", out var setEntry))
            {
                if (setEntry.Value is YMapping setMap)
                {
                    foreach (var (key, value) in setMap.Entries)
                    {
                        if (Apply(ref scenario, ref map, key.Value, key, value, $"set.{key.Value}", out var canonical))
                        {
                            fixedSettings.Add($"{key.Value}={Flow(value)}");
                            fixedPaths[canonical] = "the sweep's 'set'";
                        }
                    }
                }
                else if (setEntry.Value is not YScalar { IsNull: true })
                    Add(setEntry.Value, "set", $"expected a section of key.path: value settings, found {setEntry.Value.Describe()}",
                        "write each setting on its own line below 'set:', e.g. '  ticks: 260'");
            }
            // The quick block: applied with --quick; otherwise checked on a copy of the base and dropped.
            bool quickApplied = false;
            var checkedPaths = new Dictionary<string, string>(StringComparer.Ordinal); // fixed paths, and quick.set's when not applied
            Scenario? quickTrial = null;
            SourceMap quickTrialMap = map;
            if (entries.TryGetValue("quick", out var quickEntry))
            {
                if (quickEntry.Value is YMapping quickBlock)
                {
                    bool apply = options.Quick;
                    var trial = scenario;
                    var trialMap = map;
                    foreach (var (key, value) in quickBlock.Entries)
                    {
                        switch (key.Value)
                        {
                            case "replications":
                                if (ReplicationsValue(value, "quick.replications") is int quickReplications && apply) replications = quickReplications;
                                break;
                            case "set":
                                if (value is YMapping quickSet)
                                {
                                    foreach (var (k, v) in quickSet.Entries)
                                    {
                                        if (apply)
                                        {
                                            if (Apply(ref scenario, ref map, k.Value, k, v, $"quick.set.{k.Value}", out var canonical))
                                            {
                                                fixedSettings.Add($"{k.Value}={Flow(v)}");
                                                fixedPaths[canonical] = "the sweep's 'quick.set'";
                                            }
                                        }
                                        else if (Apply(ref trial, ref trialMap, k.Value, k, v, $"quick.set.{k.Value}", out var canonical))
                                            checkedPaths[canonical] = "the sweep's 'quick.set'";
                                    }
                                }
                                else if (value is not YScalar { IsNull: true })
                                    Add(value, "quick.set", $"expected a section of key.path: value settings, found {value.Describe()}",
                                        "write each setting on its own line below 'set:', e.g. '    ticks: 260'");
                                break;
                            default:
                                UnknownKey(key, "quick", QuickKeys, "in 'quick'");
                                break;
                        }
                    }
                    quickApplied = apply;
                    if (!apply && checkedPaths.Count > 0)
                    {
                        quickTrial = trial;
                        quickTrialMap = trialMap;
                    }
                }
                else if (quickEntry.Value is not YScalar { IsNull: true })
                    Add(quickEntry.Value, "quick", $"expected a section (replications:, set:), found {quickEntry.Value.Describe()}",
                        "write e.g. 'quick: {replications: 30, set: {ticks: 260}}': the reduced size that --quick runs");
            }

            var cliSets = new List<(string Key, string Value, string Given)>();
            foreach (var assignment in options.Sets)
                if (Overrides.Parse(assignment, _diagnostics) is var (setKey, setValue)) cliSets.Add((setKey, setValue, assignment));
            if (options.Ticks is int ticks) cliSets.Add(("ticks", ticks.ToString(CultureInfo.InvariantCulture), $"--ticks {ticks.ToString(CultureInfo.InvariantCulture)}"));
            foreach (var (key, valueText, given) in cliSets)
            {
                if (Overrides.ApplyText(ref scenario, ref map, key, valueText, given, _diagnostics, out var canonical))
                {
                    fixedSettings.Add($"{key}={valueText.Trim()}");
                    fixedPaths[canonical] = key == "ticks" && options.Ticks is not null ? "--ticks" : "--set";
                }
            }
            var baseProblems = ScenarioValidator.Validate(scenario, map); // values that did not bind were not applied
            _diagnostics.AddRange(baseProblems);
            // With a base that does not validate, checking each varied value would only repeat its problems.
            bool baseValid = baseProblems.Count == 0;
            if (baseValid && quickTrial is not null)
                _diagnostics.AddRange(ScenarioValidator.Validate(quickTrial, quickTrialMap)); // the quick size must be valid too

            var controls = entries.TryGetValue("controls", out var controlsEntry) ? Controls(controlsEntry, scenario, map) : [];
            foreach (var (path, where) in fixedPaths) checkedPaths[path] = where; // the file's set, quick.set, --set, --ticks
            // The varied parameters: first what they name and how many values each has ...
            var specs = new List<FactorSpec>();
            YNode varyNode = root;
            if (entries.TryGetValue("vary", out var varyEntry))
            {
                varyNode = varyEntry.Key;
                if (varyEntry.Value is YMapping varyMap)
                {
                    var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
                    foreach (var (key, value) in varyMap.Entries)
                        if (Spec(scenario, key, value, checkedPaths, seen) is FactorSpec spec) specs.Add(spec);
                }
                else if (varyEntry.Value is not YScalar { IsNull: true })
                    Add(varyEntry.Value, "vary", $"expected a section of varied parameters, found {varyEntry.Value.Describe()}",
                        "write each parameter on its own line below 'vary:', e.g. '  state.openness: {from: 0.1, to: 0.9, step: 0.2}'");
            }

            if (options.Replications is int cliReplications)
            {
                if (cliReplications < 1 || cliReplications > MaxReplications)
                    _diagnostics.Add(new Diagnostic("--replications", 0, 0, "replications",
                        $"{cliReplications} is out of range: expected a whole number from 1 to {MaxReplications:N0}", null));
                else replications = cliReplications;
            }

            // ... then the size of the grid, before any value is checked ...
            var counts = specs.Select(f => f.LevelNodes.Count).ToArray();
            long points = SweepGrid.CountPoints(counts, design);
            bool sizeOk = false;
            if (points < 0)
            {
                var at = entries.TryGetValue("design", out var d) ? d.Value : varyNode;
                Add(at, "design",
                    $"a zip design pairs the i-th values of every varied parameter, but they have different numbers of values: " +
                    string.Join(", ", specs.Select(f => $"{f.Key.Value} {f.LevelNodes.Count}")),
                    "give every parameter the same number of values, or use 'design: factorial' for every combination");
            }
            else if (points > SweepGrid.MaxPoints)
            {
                Add(varyNode, "vary",
                    $"the grid is too large: {GridSize(counts, design, points)}, more than the {SweepGrid.MaxPoints:N0} a sweep may list (its manifest lists every point, " +
                    "and a grid this size would fill memory before the first run)",
                    "use fewer values (a coarser step) or fewer varied parameters; to explore many parameters, sample the space with 'contentionsim sensitivity --method morris|sobol' or 'contentionsim calibrate'");
            }
            else if (points * (double)replications > SweepGrid.MaxRuns)
            {
                string size = GridSize(counts, design, points);
                Add(varyNode, "vary",
                    $"the sweep is too large: {size} × {replications:N0} replications = {points * (double)replications:N0} runs, more than the {SweepGrid.MaxRuns:N0} a sweep may have",
                    "use fewer values (a coarser step), fewer varied parameters or fewer replications");
            }
            else sizeOk = true;

            // ... then every value.
            var factors = new List<SweepFactor>();
            var factorNodes = new List<(YScalar Key, List<YNode> LevelNodes, string Canonical)>();
            if (sizeOk)
            {
                foreach (var spec in specs)
                {
                    if (Build(scenario, map, spec, baseValid) is not SweepFactor factor) continue;
                    factors.Add(factor);
                    factorNodes.Add((spec.Key, spec.LevelNodes, spec.Target.Canonical));
                }
            }

            var plots = PlotSettings(entries, sizeOk ? factors : [], specs.Select(f => f.Key.Value).ToList());
            if (_diagnostics.Count > 0) throw Failure();

            var grid = new SweepGrid(factors, design, replications);
            var plan = new SweepPlan(scenario, grid, masterSeed ?? scenario.Seed, paired);
            CheckCombinations(plan, map, factorNodes);
            if (_diagnostics.Count > 0) throw Failure();

            return new SweepDefinition(name, description, file, text, baseFile, baseText, fixedSettings, options, plan,
                plots ?? SweepPlotSettings.For(grid), FullyChecked, quickApplied) { Controls = controls };
        }

        // ---- negative controls -----------------------------------------------------------------

        /// <summary>
        /// The <c>controls:</c> list: each item an id, a one-line statement of the mechanism it removes, the
        /// checks it must break and its settings, each bound and applied to a copy of the base (the same
        /// override applier as <c>set</c>) so that a value that does not fit is reported with its line.
        /// </summary>
        private List<SweepControl> Controls(YEntry entry, Scenario scenario, SourceMap map)
        {
            var controls = new List<SweepControl>();
            if (entry.Value is YScalar { IsNull: true }) return controls;
            if (entry.Value is not YSequence list)
            {
                Add(entry.Value, "controls", $"expected a list of negative controls, found {entry.Value.Describe()}",
                    "write each control as a list item: '- id: no-escalation', 'removes: ...', 'breaks: [check keys]', 'set: {key.path: value}'");
                return controls;
            }
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < list.Items.Count; i++)
            {
                string at = $"controls[{i}]";
                if (list.Items[i] is not YMapping item)
                {
                    Add(list.Items[i], at, $"expected a section (id:, removes:, breaks:, set:), found {list.Items[i].Describe()}", null);
                    continue;
                }
                string? id = null, removes = null;
                var breaks = new List<string>();
                var settings = new List<SweepControlSetting>();
                var trial = scenario;
                var trialMap = map;
                foreach (var (key, value) in item.Entries)
                {
                    switch (key.Value)
                    {
                        case "id" or "removes":
                            if (value is YScalar { IsNull: false } text && text.Value.Trim().Length > 0)
                            {
                                if (key.Value == "id") id = text.Value.Trim(); else removes = text.Value.Trim();
                            }
                            else Add(value, $"{at}.{key.Value}", $"expected text, found {value.Describe()}",
                                key.Value == "id" ? "write a short name, e.g. 'id: no-escalation'" : "say in one line which mechanism the control switches off");
                            break;
                        case "breaks":
                            if (value is YSequence keys && keys.Items.Count > 0 && keys.Items.All(k => k is YScalar { IsNull: false }))
                                breaks.AddRange(keys.Items.Select(k => ((YScalar)k).Value.Trim()));
                            else Add(value, $"{at}.breaks", $"expected a list of check keys, found {value.Describe()}",
                                "list the keys of the checks that must fail under the control, e.g. 'breaks: [late_share]'");
                            break;
                        case "set":
                            if (value is YMapping set && set.Entries.Count > 0)
                            {
                                foreach (var (k, v) in set.Entries)
                                    if (Apply(ref trial, ref trialMap, k.Value, k, v, $"{at}.set.{k.Value}", out _))
                                        settings.Add(new SweepControlSetting(k.Value, ParameterPath.Get(trial, k.Value), Flow(v)));
                            }
                            else Add(value, $"{at}.set", $"expected a section of key.path: value settings, found {value.Describe()}",
                                "write the settings that switch the mechanism off, e.g. 'set: {movements[0].activists.escalation: 0}'");
                            break;
                        default:
                            UnknownKey(key, at, ControlKeys, $"in '{at}'");
                            break;
                    }
                }
                foreach (var (required, present) in new[] { ("id", id is not null), ("removes", removes is not null), ("breaks", breaks.Count > 0), ("set", settings.Count > 0) })
                    if (!present && !item.Entries.Any(e => e.Key.Value == required))
                        Add(item, $"{at}.{required}", $"the control has no '{required}'", "a control needs id, removes (one line), breaks (check keys) and set (the overrides)");
                if (settings.Count > 0 && ScenarioValidator.Validate(scenario, map).Count == 0)
                    _diagnostics.AddRange(ScenarioValidator.Validate(trial, trialMap)); // the control's scenario must be valid too
                if (id is not null && !ids.Add(id))
                    Add(item, $"{at}.id", $"the control id '{id}' is used twice", "give each control its own id");
                if (id is not null && removes is not null && breaks.Count > 0 && settings.Count > 0)
                    controls.Add(new SweepControl(id, removes, breaks, settings));
            }
            return controls;
        }

        // ---- simple keys ---------------------------------------------------------------------

        private string? Text(Dictionary<string, YEntry> entries, string key)
        {
            if (!entries.TryGetValue(key, out var entry)) return null;
            if (entry.Value is YScalar scalar && !scalar.IsNull) return scalar.Value;
            if (entry.Value is YScalar) return "";
            Add(entry.Value, key, $"expected text, found {entry.Value.Describe()}", $"write {key} on one line, e.g. '{key}: my-sweep'");
            return null;
        }

        private ulong? UnsignedValue(YEntry entry)
        {
            if (entry.Value is YScalar { IsPlain: true } s && Scalars.TryULong(s.Value, out ulong value)) return value;
            Add(entry.Value, entry.Key.Value, $"expected a whole number (0 or more), found {entry.Value.Describe()}",
                "write e.g. 'master_seed: 2024'; every run's seed is derived from it");
            return null;
        }

        /// <summary>A number of replications, or null (with a diagnostic) if <paramref name="node"/> is not one.</summary>
        private int? ReplicationsValue(YNode node, string path)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryNumber(s.Value, out double x))
            {
                if (x != Math.Floor(x))
                    Add(s, path, $"expected a whole number, found {s.Value}",
                        $"write {Math.Floor(x).ToString(CultureInfo.InvariantCulture)} or {Math.Ceiling(x).ToString(CultureInfo.InvariantCulture)}");
                else if (x < 1 || x > MaxReplications)
                    Add(s, path, $"{s.Value} is out of range: expected a whole number from 1 to {MaxReplications:N0}",
                        "give how many times each point is run, e.g. 'replications: 20'");
                else return (int)x;
                return null;
            }
            Add(node, path, $"expected a whole number, found {node.Describe()}", "write e.g. 'replications: 20'");
            return null;
        }

        private bool BoolValue(YEntry entry)
        {
            if (entry.Value is YScalar { IsPlain: true } s)
            {
                switch (s.Value.Trim().ToLowerInvariant())
                {
                    case "true" or "yes" or "on": return true;
                    case "false" or "no" or "off": return false;
                }
            }
            Add(entry.Value, entry.Key.Value, $"expected true or false, found {entry.Value.Describe()}",
                $"write '{entry.Key.Value}: true' (replication r runs with the same seed at every point: common random numbers for paired comparisons) or '{entry.Key.Value}: false'");
            return false;
        }

        private SweepDesign DesignValue(Dictionary<string, YEntry> entries)
        {
            if (!entries.TryGetValue("design", out var entry)) return SweepDesign.Factorial;
            if (entry.Value is YScalar s)
            {
                switch (s.Value.Trim().ToLowerInvariant())
                {
                    case "factorial" or "full_factorial" or "full-factorial": return SweepDesign.Factorial;
                    case "zip" or "paired": return SweepDesign.Zip;
                }
            }
            Add(entry.Value, "design", $"'{(entry.Value as YScalar)?.Value ?? entry.Value.Describe()}' is not a design",
                "use 'factorial' (every combination of values, the default) or 'zip' (the i-th values of all parameters together)");
            return SweepDesign.Factorial;
        }

        private void UnknownKey(YScalar key, string path, IReadOnlyList<string> valid, string where)
        {
            string? suggestion = Suggest.Closest(key.Value, valid);
            string message = $"unknown key '{key.Value}' {where}";
            if (path.Length == 0 && LooksLikeParameter(key.Value))
                message += "; scenario parameters go under 'set:' (fixed for every run) or 'vary:' (varied), by their full path (state.openness)";
            else if (suggestion is not null) message += $"; did you mean '{suggestion}'?";
            Add(key, path.Length == 0 ? key.Value : $"{path}.{key.Value}", message, $"valid keys {where}: {string.Join(", ", valid)}");
        }

        private static bool LooksLikeParameter(string key) =>
            key.Contains('.') || ParameterPath.Find(typeof(Scenario), key) is not null || Schema.SectionsWithKey(key).Count > 0;

        // ---- the base scenario ---------------------------------------------------------------

        private (string File, string Text, Scenario Scenario, SourceMap Map)? LoadBase(YEntry entry)
        {
            if (entry.Value is not YScalar { IsNull: false } scalar)
            {
                Add(entry.Value, "base", $"expected the path of a scenario file, found {entry.Value.Describe()}",
                    "write e.g. 'base: ../japan-2007.yaml' (relative to the sweep file's folder)");
                return null;
            }
            string given = scalar.Value.Trim();
            string folder = Path.GetDirectoryName(file) ?? "";
            string resolved = Path.IsPathRooted(given) ? given : Path.Combine(folder, given);
            string shown = Path.IsPathRooted(given) ? given : Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(resolved));
            var baseText = TextFile.Read(resolved, out var problem);
            if (problem is not null)
            {
                Add(scalar, "base", $"the base scenario '{given}' ({shown}) cannot be read: {problem.Message.TrimEnd('.')}",
                    problem.Fix is null ? "the path is relative to the sweep file's folder" : $"{problem.Fix.TrimEnd('.')} (the path is relative to the sweep file's folder)");
                return null;
            }
            try
            {
                var scenario = ScenarioLoader.Parse(baseText!, shown);
                return (shown, baseText!, scenario, ScenarioLoader.SourceOf(scenario) ?? new SourceMap(shown));
            }
            catch (ScenarioException e)
            {
                Add(scalar, "base", $"the base scenario '{given}' has {e.Diagnostics.Count} problem{(e.Diagnostics.Count == 1 ? "" : "s")}, listed with its file name",
                    "fix the base scenario (contentionsim validate checks it on its own)");
                _diagnostics.AddRange(e.Diagnostics);
                return null;
            }
        }

        // ---- applying a value ----------------------------------------------------------------

        /// <summary>Binds <paramref name="valueNode"/> to the parameter <paramref name="key"/> and sets it (see <see cref="Overrides"/>); false (with diagnostics) if it does not fit.</summary>
        private bool Apply(ref Scenario scenario, ref SourceMap map, string key, YNode keyNode, YNode valueNode, string path, out string canonical)
        {
            canonical = "";
            var origin = new Overrides.Origin(file, keyNode.Line, keyNode.Column, path, Of: " of the base scenario");
            return Overrides.Resolve(scenario, key, origin, _diagnostics, out var target)
                && Overrides.Apply(ref scenario, ref map, key, target, valueNode, origin, _diagnostics, out canonical);
        }

        private bool Resolve(Scenario scenario, string key, YNode at, string path, out ResolvedPath target) =>
            Overrides.Resolve(scenario, key, new Overrides.Origin(file, at.Line, at.Column, path, Of: " of the base scenario"), _diagnostics, out target);

        private bool Bind(Scenario scenario, string key, ResolvedPath target, YNode node, out object? value)
        {
            var local = new List<Diagnostic>();
            var binder = new Binder(file, local, new SourceMap(file));
            binder.TryBind(target.Type, node, target.Canonical, ParameterPath.Get(scenario, key), out value);
            _diagnostics.AddRange(local);
            return local.Count == 0;
        }

        // ---- varied parameters ---------------------------------------------------------------

        private sealed record FactorSpec(YScalar Key, ResolvedPath Target, List<YNode> LevelNodes, string Path);

        /// <summary>The parameter a vary entry names and the nodes of its values (ranges expanded), before binding them.</summary>
        private FactorSpec? Spec(Scenario scenario, YScalar key, YNode value, Dictionary<string, string> fixedPaths,
            Dictionary<string, YScalar> seen)
        {
            var levelNodes = new List<YNode>();
            string path = $"vary.{key.Value}";
            if (key.Value.Trim() == "seed")
            {
                Add(key, path, "the seed cannot be varied: every run's seed is derived from the sweep's master_seed",
                    "set 'master_seed:' and raise 'replications:' to run each point with more seeds");
                return null;
            }
            if (!Resolve(scenario, key.Value, key, path, out var target)) return null;
            if (seen.TryGetValue(target.Canonical, out var earlier))
            {
                Add(key, path, $"'{key.Value}' is the same parameter as '{earlier.Value}' on line {earlier.Line}",
                    "vary each parameter once");
                return null;
            }
            seen[target.Canonical] = key;
            foreach (var (fixedPath, where) in fixedPaths)
            {
                if (SourceMap.IsAtOrUnder(target.Canonical, fixedPath) || SourceMap.IsAtOrUnder(fixedPath, target.Canonical))
                {
                    Add(key, path, $"'{key.Value}' is both varied and fixed by {where} ({fixedPath})",
                        "remove one of the two");
                    return null;
                }
            }
            var shape = Schema.ShapeOf(target.Type);
            if (shape is Shape.List or Shape.Record && value is YSequence { Items.Count: > 0 } seq && seq.Items[0] is not (YSequence or YMapping))
            {
                // A list of scalars for a list or section parameter is almost certainly a mistake.
                Add(value, path, $"'{key.Value}' is {Schema.Expected(target.Type)}; each value in the list must be one",
                    "give a list of whole values, e.g. [[1, 2], [3, 4]] for a list parameter");
                return null;
            }

            switch (value)
            {
                case YSequence sequence:
                    if (sequence.Items.Count == 0)
                    {
                        Add(value, path, "the list of values is empty", "give at least one value, e.g. [0.1, 0.5, 0.9]");
                        return null;
                    }
                    levelNodes.AddRange(sequence.Items);
                    break;
                case YMapping mapping when mapping.Entries.Any(e => e.Key.Value is "from" or "to" or "step" or "count"):
                    if (!Range(mapping, target, path, levelNodes)) return null;
                    break;
                case YMapping:
                    Add(value, path, $"expected a list of values or a range, found {value.Describe()}",
                        "write [a, b, c] or {from: 0.1, to: 0.9, step: 0.2} (a single distribution as a value goes in a list: [{normal: [0.5, 0.1]}])");
                    return null;
                case YScalar { IsNull: true }:
                    Add(value, path, "no values given", "write a list [a, b, c] or a range {from: 0.1, to: 0.9, step: 0.2}");
                    return null;
                default:
                    levelNodes.Add(value); // one value: allowed, it is then fixed (listed in the outputs)
                    break;
            }
            return new FactorSpec(key, target, levelNodes, path);
        }

        /// <summary>
        /// Binds a factor's values and checks each by applying it to the base and validating the result
        /// (all of them up to <see cref="MaxLevelsChecked"/>, else that many spread over the list, the
        /// first and last included; the others are checked when their runs start).
        /// </summary>
        private SweepFactor? Build(Scenario scenario, SourceMap map, FactorSpec spec, bool validate)
        {
            var (key, target, levelNodes, path) = spec;
            int stride = Math.Max(1, (levelNodes.Count + MaxLevelsChecked - 1) / MaxLevelsChecked);
            if (stride > 1) FullyChecked = false;

            var levels = new List<SweepLevel>();
            var texts = new Dictionary<string, YNode>(StringComparer.Ordinal);
            int errors = 0;
            for (int i = 0; i < levelNodes.Count && errors < 5; i++)
            {
                var node = levelNodes[i];
                int before = _diagnostics.Count;
                if (!Bind(scenario, key.Value, target, node, out var bound))
                {
                    errors++;
                    continue;
                }
                string levelText = LevelText(bound, node);
                if (texts.TryGetValue(levelText, out var first))
                {
                    Add(node, $"{path}[{i}]", $"the value {levelText} is listed twice (also at line {first.Line}, column {first.Column})",
                        "list each value once; raise 'replications:' to run a point more often");
                    errors++;
                    continue;
                }
                texts[levelText] = node;
                Scenario changed;
                try
                {
                    changed = ParameterPath.With(scenario, key.Value, bound);
                }
                catch (ParameterPathException e)
                {
                    Add(node, $"{path}[{i}]", e.Reason, null);
                    errors++;
                    continue;
                }
                var location = new SourceLocation(file, node.Line, node.Column);
                if (validate && (i % stride == 0 || i == levelNodes.Count - 1))
                    foreach (var d in ScenarioValidator.Validate(changed, map.Overridden(target.Canonical, location)))
                        _diagnostics.Add(Repoint(d, location, $"with {key.Value} = {levelText}"));
                if (_diagnostics.Count > before) errors++;
                levels.Add(new SweepLevel(bound, levelText, NumberOf(bound)));
            }
            return errors == 0 && levels.Count > 0 ? new SweepFactor(key.Value, levels) : null;
        }

        private bool Range(YMapping mapping, ResolvedPath target, string path, List<YNode> levelNodes)
        {
            var given = new Dictionary<string, (YScalar Node, double Value)>(StringComparer.Ordinal);
            bool ok = true;
            foreach (var (k, v) in mapping.Entries)
            {
                if (!RangeKeys.Contains(k.Value))
                {
                    UnknownKey(k, path, RangeKeys, $"in the range of '{path[5..]}'");
                    ok = false;
                    continue;
                }
                if (v is YScalar { IsPlain: true } s && Scalars.TryNumber(s.Value, out double x) && double.IsFinite(x))
                    given[k.Value] = (s, x);
                else
                {
                    Add(v, $"{path}.{k.Value}", $"expected a number, found {v.Describe()}", $"write e.g. '{k.Value}: 0.1'");
                    ok = false;
                }
            }
            if (!ok) return false;
            var shape = Schema.ShapeOf(target.Type);
            if (!(Schema.IsNumeric(target.Type) || shape == Shape.Distribution))
            {
                Add(mapping, path, $"a range needs a numeric parameter, but '{path[5..]}' is {Schema.Expected(target.Type)}",
                    "list the values instead: [a, b, c]");
                return false;
            }
            foreach (var required in new[] { "from", "to" })
            {
                if (!given.ContainsKey(required))
                {
                    Add(mapping, path, $"the range has no '{required}'", "write {from: 0.1, to: 0.9, step: 0.2} or {from: 0.1, to: 0.9, count: 5}");
                    ok = false;
                }
            }
            bool hasStep = given.ContainsKey("step"), hasCount = given.ContainsKey("count");
            if (hasStep == hasCount)
            {
                Add(mapping, path, hasStep ? "the range gives both 'step' and 'count'" : "the range gives neither 'step' nor 'count'",
                    "give one: 'step: 0.1' (the distance between values) or 'count: 10' (the number of values)");
                ok = false;
            }
            if (!ok) return false;
            double from = given["from"].Value, to = given["to"].Value;
            IReadOnlyList<double> values;
            if (hasStep)
            {
                var (stepNode, step) = given["step"];
                long n = RangeCount(from, to, step);
                if (step == 0 || (from != to && n == 0))
                {
                    Add(stepNode, $"{path}.step", step == 0
                            ? "the step is 0"
                            : $"a step of {FormatNumber(step)} never leads from {FormatNumber(from)} to {FormatNumber(to)}",
                        $"use a step of {(to >= from ? "more" : "less")} than 0");
                    return false;
                }
                if (n > MaxRangeValues)
                {
                    Add(stepNode, $"{path}.step", $"the range from {FormatNumber(from)} to {FormatNumber(to)} by {FormatNumber(step)} has {n:N0} values, more than {MaxRangeValues:N0}",
                        "use a larger step");
                    return false;
                }
                values = RangeValues(from, to, step);
            }
            else
            {
                var (countNode, count) = given["count"];
                if (count != Math.Floor(count) || count < 1 || count > MaxRangeValues)
                {
                    Add(countNode, $"{path}.count", $"count must be a whole number from 1 to {MaxRangeValues:N0}, found {FormatNumber(count)}",
                        "give the number of values, e.g. 'count: 10'");
                    return false;
                }
                values = RangeValuesByCount(from, to, (int)count);
            }
            foreach (var v in values)
                levelNodes.Add(new YScalar(FormatNumber(v), true, mapping.Line, mapping.Column));
            return true;
        }

        /// <summary>A problem of a scenario derived from a sweep value, placed at the value when the scenario's own position is elsewhere.</summary>
        private Diagnostic Repoint(Diagnostic d, SourceLocation location, string context)
        {
            if (d.File == file && d.Line > 0) return d;
            return new Diagnostic(file, location.Line, location.Column, d.Path, $"{context}: {d.Message}", d.Fix);
        }

        private void CheckCombinations(SweepPlan plan, SourceMap map, List<(YScalar Key, List<YNode> LevelNodes, string Canonical)> factorNodes)
        {
            var grid = plan.Grid;
            if (grid.Factors.Count < 2) return;
            if (grid.PointCount > MaxPointsChecked)
            {
                FullyChecked = false;
                return;
            }
            int bad = 0;
            for (int point = 0; point < grid.PointCount; point++)
            {
                var levels = grid.LevelsOf(point);
                Scenario scenario;
                try
                {
                    scenario = plan.ScenarioAt(point);
                }
                catch (ParameterPathException e)
                {
                    if (bad++ < 10) Add(factorNodes[0].Key, "vary", $"at point {point}: {e.Message}", null);
                    continue;
                }
                var pointMap = map;
                for (int f = 0; f < factorNodes.Count; f++)
                {
                    var node = factorNodes[f].LevelNodes[levels[f]];
                    pointMap = pointMap.Overridden(factorNodes[f].Canonical, new SourceLocation(file, node.Line, node.Column));
                }
                var problems = ScenarioValidator.Validate(scenario, pointMap);
                if (problems.Count == 0) continue;
                if (bad++ >= 10) continue;
                string values = string.Join(", ", grid.Factors.Select((f, i) => $"{f.Key} = {f.Levels[levels[i]].Text}"));
                var first = factorNodes[0].LevelNodes[levels[0]];
                foreach (var d in problems)
                    _diagnostics.Add(d.File == file && d.Line > 0
                        ? d with { Message = $"with {values}: {d.Message}" }
                        : Repoint(d, new SourceLocation(file, first.Line, first.Column), $"with {values}"));
            }
            if (bad > 10)
                Add(factorNodes[0].Key, "vary", $"{bad - 10} more combinations of values are not valid (only the first 10 are listed)",
                    "narrow the ranges so that every combination is a valid scenario");
        }

        private SweepPlotSettings? PlotSettings(Dictionary<string, YEntry> entries, List<SweepFactor> factors, List<string> keys)
        {
            if (!entries.TryGetValue("plots", out var entry)) return null;
            if (entry.Value is YScalar { IsNull: true }) return null;
            if (entry.Value is not YMapping mapping)
            {
                Add(entry.Value, "plots", $"expected a section (x:, lines:, heatmap:), found {entry.Value.Describe()}",
                    "write e.g. 'plots: {x: state.openness, lines: transnational.alliance_probability, heatmap: peak_participation}'");
                return null;
            }
            var defaults = new SweepPlotSettings(
                keys.Count > 0 ? keys[0] : null, keys.Count > 1 ? keys[1] : null, SweepMetrics.DefaultHeatmap);
            string? x = defaults.X, lines = defaults.Lines, heatmap = defaults.Heatmap;
            bool linesGiven = false;
            foreach (var (k, v) in mapping.Entries)
            {
                string path = $"plots.{k.Value}";
                if (!PlotKeys.Contains(k.Value))
                {
                    UnknownKey(k, "plots", PlotKeys, "in 'plots'");
                    continue;
                }
                string? value = v is YScalar { IsNull: false } s ? s.Value.Trim() : null;
                if (k.Value == "heatmap")
                {
                    if (value is not null && SweepMetrics.Find(value) is not null) heatmap = value;
                    else
                    {
                        string? suggestion = value is null ? null : Suggest.Closest(value, SweepMetrics.All.Select(m => m.Name));
                        Add(v, path, $"'{value ?? v.Describe()}' is not a metric" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                            $"use one of: {string.Join(", ", SweepMetrics.All.Select(m => m.Name))}");
                    }
                    continue;
                }
                if (k.Value == "lines" && (value is null || value is "none"))
                {
                    lines = null;
                    linesGiven = true;
                    continue;
                }
                if (value is null || !keys.Contains(value))
                {
                    string? suggestion = value is null ? null : Suggest.Closest(value, keys);
                    Add(v, path, $"'{value ?? v.Describe()}' is not one of the varied parameters" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                        keys.Count == 0 ? "vary a parameter first" : $"use one of: {string.Join(", ", keys)}" + (k.Value == "lines" ? ", or none" : ""));
                    continue;
                }
                if (k.Value == "x") x = value;
                else { lines = value; linesGiven = true; }
            }
            if (!linesGiven && lines == x) lines = keys.FirstOrDefault(key => key != x);
            if (x is not null && lines == x)
                Add(mapping, "plots", $"'{x}' is both the x axis and the lines", "choose two different varied parameters");
            return new SweepPlotSettings(x, lines, heatmap!);
        }

        // ---- values as text ------------------------------------------------------------------

        private static double? NumberOf(object? value) => value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            ulong u => u,
            uint u => u,
            Distribution { Kind: DistributionKind.Constant } d => d.Mean,
            _ => null,
        };

        private static string LevelText(object? value, YNode node) => value switch
        {
            null => "",
            double d => FormatNumber(d),
            float f => FormatNumber(f),
            int or long or ulong or uint => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            bool b => b ? "true" : "false",
            Enum e => Schema.EnumName(e),
            string s => s,
            Distribution { Kind: DistributionKind.Constant } d => FormatNumber(d.Mean),
            _ => Flow(node),
        };

        /// <summary>A node in YAML flow style, for outputs: <c>{normal: [0.5, 0.1]}</c>.</summary>
        internal static string Flow(YNode node) => node switch
        {
            YScalar s => s.IsPlain ? s.Value : "\"" + s.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            YSequence q => "[" + string.Join(", ", q.Items.Select(Flow)) + "]",
            YMapping m => "{" + string.Join(", ", m.Entries.Select(e => $"{e.Key.Value}: {Flow(e.Value)}")) + "}",
            _ => node.Describe(),
        };
    }

    private static string GridSize(int[] counts, SweepDesign design, long points) =>
        counts.Length == 0 ? "1 point" : string.Join(" × ", counts.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))
            + (design == SweepDesign.Zip ? " (zipped)" : "") + string.Create(CultureInfo.InvariantCulture, $" = {points:N0} points");

}
