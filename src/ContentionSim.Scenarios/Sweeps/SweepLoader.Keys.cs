using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

public static partial class SweepLoader
{
    private sealed partial class Reader
    {
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
            if (entry.Value is YMapping sampled)
            {
                _sampling = SamplingBlock(sampled);
                return SweepDesign.Sampled;
            }
            if (entry.Value is YScalar s)
            {
                switch (s.Value.Trim().ToLowerInvariant())
                {
                    case "factorial" or "full_factorial" or "full-factorial": return SweepDesign.Factorial;
                    case "zip" or "paired": return SweepDesign.Zip;
                }
            }
            Add(entry.Value, "design", $"'{(entry.Value as YScalar)?.Value ?? entry.Value.Describe()}' is not a design",
                "use 'factorial' (every combination of values, the default), 'zip' (the i-th values of all parameters together), " +
                "or a sampled design: 'design: {kind: latin_hypercube, points: 64, ranges: {state.openness: [0.05, 0.95]}}'");
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

        private static readonly ScenarioFileReference BaseReference = new("base", "base scenario", Subject, "../japan-2007.yaml");

        private ScenarioFileReference.Loaded? LoadBase(YEntry entry) => BaseReference.Load(file, entry, _diagnostics);

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
    }
}
