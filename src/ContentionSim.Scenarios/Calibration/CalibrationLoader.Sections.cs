using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Calibration;

// The free parameters with their priors, the target and held-out patterns, the ABC settings.
public static partial class CalibrationLoader
{
    private sealed partial class Reader
    {
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
    }
}
