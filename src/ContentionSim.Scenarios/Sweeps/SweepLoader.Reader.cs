using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

public static partial class SweepLoader
{
    /// <summary>Reads one sweep file, collecting every problem (the other parts: simple keys and the base, factors and ranges, checks and figures).</summary>
    private sealed partial class Reader(string text, string file, SweepLoadOptions options)
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
            var (baseFile, baseText, scenario, map) = loadedBase;

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

            SweepSampling? sampling = null;
            if (design == SweepDesign.Sampled)
            {
                if (specs.Count > 0)
                    Add(varyNode, "vary", "a sweep with a sampled design ('design: {kind: …}') varies the parameters of its 'design.ranges', not of 'vary:'",
                        "move each parameter into 'design.ranges' as [low, high], or fix it under 'set:'");
                else if (_sampling is not null)
                    (specs, sampling) = SampledSpecs(_sampling, scenario, map, masterSeed ?? scenario.Seed, checkedPaths, baseValid);
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
                    if (Build(scenario, map, spec, baseValid, distinct: design != SweepDesign.Sampled) is not SweepFactor factor) continue;
                    factors.Add(factor);
                    factorNodes.Add((spec.Key, spec.LevelNodes, spec.Target.Canonical));
                }
            }

            var plots = PlotSettings(entries, sizeOk ? factors : [], specs.Select(f => f.Key.Value).ToList(), design == SweepDesign.Sampled);
            if (_diagnostics.Count > 0) throw Failure();

            var grid = new SweepGrid(factors, design, replications);
            var plan = new SweepPlan(scenario, grid, masterSeed ?? scenario.Seed, paired, sampling);
            CheckCombinations(plan, map, factorNodes);
            if (_diagnostics.Count > 0) throw Failure();

            return new SweepDefinition(name, description, file, text, baseFile, baseText, fixedSettings, options, plan,
                plots ?? SweepPlotSettings.For(grid), FullyChecked, quickApplied) { Controls = controls };
        }
    }
}
