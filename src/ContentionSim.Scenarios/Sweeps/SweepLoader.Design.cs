using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Methods.Designs;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

public static partial class SweepLoader
{
    /// <summary>The keys of a sampled design's block (<c>design: {kind: …}</c>).</summary>
    public static IReadOnlyList<string> DesignKeys { get; } = ["kind", "points", "seed", "scramble", "ranges"];

    private static readonly string[] SamplingKinds = ["latin_hypercube", "sobol"];

    private sealed partial class Reader
    {
        /// <summary>A sampled design's block as read: its node, kind, points, seed and scrambling, and its ranges' entries.</summary>
        private sealed record SamplingSpec(YMapping Node, SamplingKind Kind, int Points, ulong? Seed, bool Scramble, List<YEntry> Ranges);

        private SamplingSpec? _sampling;

        /// <summary>Reads a <c>design:</c> mapping (a sampled design); null (with diagnostics) when it is not valid.</summary>
        private SamplingSpec? SamplingBlock(YMapping mapping)
        {
            SamplingKind? kind = null;
            int? points = null;
            ulong? seed = null;
            bool? scramble = null;
            List<YEntry>? ranges = null;
            bool ok = true;
            foreach (var (k, v) in mapping.Entries)
            {
                string path = $"design.{k.Value}";
                switch (k.Value)
                {
                    case "kind":
                        string? name = v is YScalar { IsNull: false } s ? s.Value.Trim().ToLowerInvariant().Replace('-', '_') : null;
                        kind = name switch
                        {
                            "latin_hypercube" or "lhs" => SamplingKind.LatinHypercube,
                            "sobol" => SamplingKind.Sobol,
                            _ => null,
                        };
                        if (kind is null)
                        {
                            string? suggestion = name is null ? null : Suggest.Closest(name, SamplingKinds);
                            Add(v, path, $"'{(v as YScalar)?.Value ?? v.Describe()}' is not a sampled design" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                                "use 'latin_hypercube' (one point in each of n strata of every range) or 'sobol' (a quasi-random sequence)");
                            ok = false;
                        }
                        break;
                    case "points":
                        if (v is YScalar { IsPlain: true } p && Scalars.TryNumber(p.Value, out double n) && n == Math.Floor(n) && n >= 1 && n <= SweepSampling.MaxPoints)
                            points = (int)n;
                        else
                        {
                            Add(v, path, $"expected a whole number of points from 1 to {SweepSampling.MaxPoints:N0}, found {v.Describe()}",
                                "write e.g. 'points: 64' (for a Sobol sequence a power of 2 keeps its balance)");
                            ok = false;
                        }
                        break;
                    case "seed":
                        if (v is YScalar { IsPlain: true } sd && Scalars.TryULong(sd.Value, out ulong value)) seed = value;
                        else
                        {
                            Add(v, path, $"expected a whole number (0 or more), found {v.Describe()}",
                                "write e.g. 'seed: 7', or leave it out: the design's seed is then the sweep's master_seed");
                            ok = false;
                        }
                        break;
                    case "scramble":
                        if (v is YScalar { IsPlain: true } sc && sc.Value.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off")
                            scramble = sc.Value.Trim().ToLowerInvariant() is "true" or "yes" or "on";
                        else
                        {
                            Add(v, path, $"expected true or false, found {v.Describe()}",
                                "write 'scramble: true' (a seeded digital shift of the Sobol sequence, the default) or 'scramble: false' (the sequence itself)");
                            ok = false;
                        }
                        break;
                    case "ranges":
                        if (v is YMapping { Entries.Count: > 0 } r) ranges = r.Entries;
                        else
                        {
                            Add(v, path, $"expected a section of parameters with their ranges, found {v.Describe()}",
                                "write each parameter on its own line below 'ranges:', e.g. '    state.openness: [0.05, 0.95]'");
                            ok = false;
                        }
                        break;
                    default:
                        UnknownKey(k, "design", DesignKeys, "in 'design'");
                        ok = false;
                        break;
                }
            }
            foreach (var (required, example) in new[] { ("kind", "kind: latin_hypercube"), ("points", "points: 64"), ("ranges", "ranges: {state.openness: [0.05, 0.95]}") })
            {
                if (mapping.Entries.Any(e => e.Key.Value == required)) continue;
                Add(mapping, "design", $"the sampled design has no '{required}'", $"add '{example}'; docs/sweeps.md shows a sampled design");
                ok = false;
            }
            if (scramble is not null && kind == SamplingKind.LatinHypercube)
            {
                Add(mapping.Entries.First(e => e.Key.Value == "scramble").Key, "design.scramble",
                    "'scramble' applies to a Sobol sequence only (a Latin hypercube is always shuffled by its seed)", "remove 'scramble:'");
                ok = false;
            }
            if (kind == SamplingKind.Sobol && ranges is not null && ranges.Count > SobolSequence.MaxDimensions)
            {
                Add(mapping, "design.ranges", $"a Sobol sequence here has at most {SobolSequence.MaxDimensions} dimensions, and the design has {ranges.Count} ranges",
                    "use 'kind: latin_hypercube', or fewer ranges");
                ok = false;
            }
            return ok ? new SamplingSpec(mapping, kind!.Value, points!.Value, seed, scramble ?? true, ranges!) : null;
        }

        /// <summary>
        /// The factors of a sampled design: each range checked (a numeric parameter, low below high, both ends valid
        /// scenarios), the unit-cube points of <c>ContentionSim.Methods</c> scaled onto the ranges, and each
        /// parameter's values written as the levels of a factor (placed at its range in the file).
        /// </summary>
        private (List<FactorSpec> Specs, SweepSampling? Sampling) SampledSpecs(SamplingSpec spec, Scenario scenario, SourceMap map, ulong masterSeed,
            Dictionary<string, string> fixedPaths, bool validate)
        {
            var ranges = new List<(YScalar Key, YNode Node, ResolvedPath Target, SweepRange Range)>();
            var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
            foreach (var (key, value) in spec.Ranges)
            {
                string path = $"design.ranges.{key.Value}";
                if (!Resolve(scenario, key.Value, key, path, out var target)) continue;
                var shape = Schema.ShapeOf(target.Type);
                if (!(Schema.IsNumeric(target.Type) || shape == Shape.Distribution))
                {
                    Add(key, path, $"a sampled design needs a numeric parameter, but '{key.Value}' is {Schema.Expected(target.Type)}",
                        "sample numeric parameters only (a distribution's '.mean' is one); list other values in a grid sweep's 'vary:'");
                    continue;
                }
                if (EndsOf(value, path) is not (double low, double high)) continue;
                bool whole = shape is Shape.Whole or Shape.Unsigned;
                if (whole && Math.Floor(high) < Math.Ceiling(low))
                {
                    Add(value, path, $"'{key.Value}' takes whole numbers, and no whole number lies between {FormatNumber(low)} and {FormatNumber(high)}",
                        "widen the range to include a whole number");
                    continue;
                }
                // Both ends go through the checks of a varied value (binding, the parameter's range, the scenario's rules).
                var ends = new List<YNode> { Number(whole ? Math.Ceiling(low) : low, value), Number(whole ? Math.Floor(high) : high, value) };
                if (Spec(scenario, key, Sequence(ends, value), fixedPaths, seen, "design.ranges") is not FactorSpec check) continue;
                if (Build(scenario, map, check, validate, distinct: false) is null) continue;
                ranges.Add((key, value, target, new SweepRange(key.Value, low, high, whole)));
            }
            if (ranges.Count < spec.Ranges.Count) return ([], null);
            var sampling = new SweepSampling(spec.Kind, spec.Points, spec.Seed ?? masterSeed, spec.Kind == SamplingKind.Sobol && spec.Scramble,
                ranges.Select(r => r.Range).ToArray());
            var values = sampling.Values();
            var specs = new List<FactorSpec>();
            for (int j = 0; j < ranges.Count; j++)
            {
                var nodes = new List<YNode>(values.Length);
                foreach (var row in values) nodes.Add(Number(row[j], ranges[j].Node));
                specs.Add(new FactorSpec(ranges[j].Key, ranges[j].Target, nodes, $"design.ranges.{ranges[j].Key.Value}"));
            }
            return (specs, sampling);
        }

        /// <summary>A range's ends from <c>[low, high]</c> or <c>{from: low, to: high}</c>; null (with a diagnostic) otherwise.</summary>
        private (double Low, double High)? EndsOf(YNode value, string path)
        {
            YNode? lowNode = null, highNode = null;
            if (value is YSequence { Items.Count: 2 } seq) (lowNode, highNode) = (seq.Items[0], seq.Items[1]);
            else if (value is YMapping m && m.Entries.Count == 2 && m.Entries.All(e => e.Key.Value is "from" or "to"))
                (lowNode, highNode) = (m.Entries.First(e => e.Key.Value == "from").Value, m.Entries.First(e => e.Key.Value == "to").Value);
            if (lowNode is null || highNode is null)
            {
                Add(value, path, $"expected a range [low, high], found {value.Describe()}",
                    "write e.g. '[0.05, 0.95]' or '{from: 0.05, to: 0.95}' (a sampled design draws its values; no step or count)");
                return null;
            }
            double? low = NumberOf(lowNode, path), high = NumberOf(highNode, path);
            if (low is null || high is null) return null;
            if (!(high > low))
            {
                Add(value, path, $"the range's high end ({FormatNumber(high.Value)}) is not above its low end ({FormatNumber(low.Value)})",
                    "write [low, high] with low < high; to fix a parameter, put it under 'set:'");
                return null;
            }
            return (low.Value, high.Value);
        }

        private double? NumberOf(YNode node, string path)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryNumber(s.Value, out double x) && double.IsFinite(x)) return x;
            Add(node, path, $"expected a number, found {node.Describe()}", "write e.g. '[0.05, 0.95]'");
            return null;
        }

        private static YScalar Number(double value, YNode at) => new(FormatNumber(value), true, at.Line, at.Column);

        private static YSequence Sequence(List<YNode> items, YNode at)
        {
            var seq = new YSequence(at.Line, at.Column);
            seq.Items.AddRange(items);
            return seq;
        }
    }

    /// <summary>The size of a sampled design in words, e.g. "a Latin hypercube of 64 points over 3 parameters".</summary>
    public static string Describe(SweepSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        string what = sampling.Kind == SamplingKind.Sobol
            ? (sampling.Scrambled ? "a Sobol sequence (digitally shifted)" : "a Sobol sequence")
            : "a Latin hypercube";
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} of {sampling.Points:N0} points over {sampling.Ranges.Count} parameter{(sampling.Ranges.Count == 1 ? "" : "s")}, design seed {sampling.Seed}");
    }
}
