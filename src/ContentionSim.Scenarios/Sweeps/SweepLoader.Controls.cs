using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

public static partial class SweepLoader
{
    /// <summary>The keys of each item of a sweep file's <c>controls:</c> list (an experiment's negative controls).</summary>
    public static IReadOnlyList<string> ControlKeys { get; } = ["id", "removes", "breaks", "set"];

    private sealed partial class Reader
    {
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
    }
}
