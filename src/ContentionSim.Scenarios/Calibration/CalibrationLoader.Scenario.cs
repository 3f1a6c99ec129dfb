using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Calibration;

// The calibration's scenario: read (relative to the calibration file, as a sweep's base), its fixed settings applied, parameter paths resolved.
public static partial class CalibrationLoader
{
    private sealed partial class Reader
    {
        private static readonly ScenarioFileReference Reference = new("scenario", "scenario", Subject, "../scenarios/japan-2007.yaml");

        private ScenarioFileReference.Loaded? LoadScenario(YEntry entry) => Reference.Load(file, entry, _diagnostics);

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
    }
}
