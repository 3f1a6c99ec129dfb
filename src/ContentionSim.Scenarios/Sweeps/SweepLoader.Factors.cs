using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

public static partial class SweepLoader
{
    private sealed partial class Reader
    {
        // ---- varied parameters ---------------------------------------------------------------

        private sealed record FactorSpec(YScalar Key, ResolvedPath Target, List<YNode> LevelNodes, string Path);

        /// <summary>The parameter a vary entry names and the nodes of its values (ranges expanded), before binding them.</summary>
        private FactorSpec? Spec(Scenario scenario, YScalar key, YNode value, Dictionary<string, string> fixedPaths,
            Dictionary<string, YScalar> seen, string section = "vary")
        {
            var levelNodes = new List<YNode>();
            string path = $"{section}.{key.Value}";
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
        private SweepFactor? Build(Scenario scenario, SourceMap map, FactorSpec spec, bool validate, bool distinct = true)
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
                if (distinct && texts.TryGetValue(levelText, out var first))
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
    }
}
