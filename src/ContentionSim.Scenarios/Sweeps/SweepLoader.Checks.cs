using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

public static partial class SweepLoader
{
    private sealed partial class Reader
    {
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

        private SweepPlotSettings? PlotSettings(Dictionary<string, YEntry> entries, List<SweepFactor> factors, List<string> keys, bool sampled)
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
                keys.Count > 0 ? keys[0] : null, keys.Count > 1 && !sampled ? keys[1] : null, SweepMetrics.DefaultHeatmap);
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
}
