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

        /// <summary>Applies the settings of a <c>set:</c> section as a sweep's are (<see cref="Overrides"/>), recording in <paramref name="map"/> that they come from the calibration file.</summary>
        private void ApplySet(ref Scenario scenario, ref SourceMap map, YNode node, string path, List<string> settings)
        {
            if (node is YScalar { IsNull: true }) return;
            if (node is not YMapping section)
            {
                Add(node, path, $"expected a section of key.path: value settings, found {node.Describe()}", "write each setting on its own line, e.g. '  ticks: 260'");
                return;
            }
            foreach (var (key, value) in section.Entries)
            {
                var origin = Origin(key, $"{path}.{key.Value}");
                if (Overrides.Resolve(scenario, key.Value, origin, _diagnostics, out var target)
                    && Overrides.Apply(ref scenario, ref map, key.Value, target, value, origin, _diagnostics, out _))
                    settings.Add($"{key.Value}={(value is YScalar s ? s.Value : value.Describe())}");
            }
        }

        private bool Resolve(Scenario scenario, string key, YNode at, string path, out ResolvedPath target) =>
            Overrides.Resolve(scenario, key, Origin(at, path), _diagnostics, out target);

        private Overrides.Origin Origin(YNode at, string path) => new(file, at.Line, at.Column, path, Of: " of the scenario");
    }
}
