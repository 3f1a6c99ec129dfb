using System.Text.RegularExpressions;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios;

/// <summary>
/// Checks a built <see cref="Scenario"/>: every value against the range of its
/// <see cref="ParamAttribute"/>, distributions for coherence, and the settings that must agree
/// with each other. Used by the loader, by <c>--set</c> overrides and by anything else that
/// derives scenarios (sweeps), so all of them enforce the same rules.
/// </summary>
public static partial class ScenarioValidator
{
    /// <summary>Most activists a scenario may hold in total.</summary>
    public const long MaxActivists = 50_000_000;

    /// <summary>Estimated memory per activist, in bytes, not counting ties.</summary>
    public const int BytesPerActivist = 120;

    /// <summary>Memory per tie end, in bytes (an int in the network's adjacency array).</summary>
    public const int BytesPerTieEnd = 4;

    /// <summary>Most activists a complete network can tie together (n·(n−1) tie ends must fit an int array).</summary>
    public static readonly long MaxCompleteNetwork = (long)Math.Floor((1 + Math.Sqrt(1 + 4.0 * int.MaxValue)) / 2);

    /// <summary>The file name used in diagnostics when a scenario has no source map.</summary>
    public const string NoSource = "<scenario>";

    /// <summary>
    /// Every problem of <paramref name="scenario"/>, ordered by position. Positions come from
    /// <paramref name="source"/>, or from the source map the loader kept for this scenario, or
    /// are line 0 when neither exists.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(Scenario scenario, SourceMap? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var validation = new Validation(scenario, source ?? ScenarioLoader.SourceOf(scenario));
        validation.Walk(scenario, typeof(Scenario), "");
        validation.CrossChecks();
        return Order(validation.Diagnostics);
    }

    internal static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Distinct()
            .OrderBy(d => d.Line <= 0 ? 1 : 0)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();

    /// <summary>
    /// Parameters an event cannot change because they take effect only when the run starts:
    /// they size the population, build the network or seed the draws.
    /// </summary>
    internal static bool IsFixedAtStart(string canonicalPath, bool throughDistribution) =>
        throughDistribution || FixedAtStart().IsMatch(canonicalPath);

    [GeneratedRegex(@"^(seed|ticks|time_unit|name|description|network(\..*)?|events(\[.*)?|movements\[\d+\]\.(id|name|activists\.(count|thresholds(\[\d+\])?|threshold_unit|initial_frame_adoption|membership)|organizations(\[\d+\]\.(kind|per_thousand_activists))?))$")]
    private static partial Regex FixedAtStart();

    /// <summary>The longest name or id: it becomes part of a folder name, and a file system takes 255 bytes.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// What is wrong with a name that names folders and is printed on the terminal: too long, or holding control
    /// characters (which would move the cursor or retitle the terminal when printed). Null when it is fine.
    /// </summary>
    internal static (string Message, string Fix)? NameProblem(string value, string what)
    {
        int bad = value.AsSpan().IndexOfAny(ControlCharacters);
        if (bad >= 0)
            return ($"the {what} holds the control character U+{(int)value[bad]:X4} at character {bad + 1}",
                "use letters, digits, '-', '_' and spaces (no escape sequences, tabs or line breaks)");
        if (value.Length > MaxNameLength)
            return ($"the {what} is {value.Length:N0} characters long, more than the limit of {MaxNameLength} (it becomes part of a folder name)",
                "give a short name; put longer text in 'description'");
        return null;
    }

    /// <summary>C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 32).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u2028', '\u2029', '\u200E', '\u200F', .. Enumerable.Range(0x202A, 5).Select(c => (char)c), .. Enumerable.Range(0x2066, 4).Select(c => (char)c)]);

    // Per-value ranges here; the settings that must agree with each other in ScenarioValidator.CrossChecks.cs.
    private sealed partial class Validation(Scenario scenario, SourceMap? source)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        /// <summary>Whether a problem was already found at or under <paramref name="path"/> (checks built on it would only add noise).</summary>
        private bool Failed(string path) => Diagnostics.Any(d => SourceMap.IsAtOrUnder(d.Path, path));

        /// <summary>Adds a problem at <paramref name="path"/>; the position is that of the first of <paramref name="at"/> (or the path) that was written.</summary>
        private void Add(string path, string message, string? fix, params string[] at)
        {
            SourceLocation location;
            if (source is null) location = new SourceLocation(NoSource, 0, 0);
            else
            {
                var written = at.Append(path).FirstOrDefault(source.Contains);
                location = source.Locate(written ?? (at.Length > 0 ? at[0] : path));
                if (written is null && location.Line == 0) location = source.Locate(path);
            }
            Diagnostics.Add(new Diagnostic(location.File, location.Line, location.Column, path, message, fix));
        }

        // ---- per-value ranges ------------------------------------------------------------

        public void Walk(object record, Type type, string path)
        {
            foreach (var property in ParameterPath.PropertiesOf(type))
            {
                string key = ParameterPath.KeyOf(property);
                string p = Schema.Child(path, key);
                var param = Schema.ParamOf(property);
                var value = property.GetValue(record);
                if (value is null) continue;
                switch (Schema.ShapeOf(property.PropertyType))
                {
                    case Shape.Number or Shape.Whole or Shape.Unsigned:
                        CheckNumber(p, key, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), property.PropertyType, param);
                        break;
                    case Shape.Enum when !Enum.IsDefined(value.GetType(), value):
                        Add(p, $"{value} is not a valid value", $"use one of: {string.Join(", ", Schema.EnumNames(value.GetType()))}");
                        break;
                    case Shape.Distribution:
                        CheckDistribution(p, (Distribution)value, param);
                        break;
                    case Shape.Record:
                        Walk(value, property.PropertyType, p);
                        break;
                    case Shape.List:
                    {
                        var elementType = ParameterPath.ElementType(property.PropertyType)!;
                        var shape = Schema.ShapeOf(elementType);
                        int i = 0;
                        foreach (var item in (System.Collections.IEnumerable)value)
                        {
                            string itemPath = $"{p}[{i++}]";
                            if (item is null) continue;
                            if (shape == Shape.Record) Walk(item, elementType, itemPath);
                            else if (Schema.IsNumeric(elementType))
                                CheckNumber(itemPath, key, Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture), elementType, param);
                        }
                        break;
                    }
                }
            }
        }

        private void CheckNumber(string path, string key, double value, Type type, ParamAttribute? param, string? what = null)
        {
            what ??= Schema.Num(value);
            if (!double.IsFinite(value))
            {
                Add(path, $"{what} is not a finite number", "write an ordinary number");
                return;
            }
            if (Schema.InRange(value, param)) return;
            string unit = string.IsNullOrEmpty(param!.Unit) ? "" : $" ({param.Unit})";
            string noun = Schema.ShapeOf(type) == Shape.Number ? "a number" : "a whole number";
            Add(path, $"{what} is out of range: expected {noun} {Schema.Range(param)}{unit}",
                $"set {key} {Schema.Range(param)}");
        }

        private void CheckDistribution(string path, Distribution d, ParamAttribute? param)
        {
            string key = path[(path.LastIndexOf('.') + 1)..];
            var sdParam = Schema.ParamOf(typeof(Distribution).GetProperty(nameof(Distribution.Sd))!);
            if (d.Kind == DistributionKind.Constant)
            {
                CheckNumber(path, key, d.Mean, typeof(double), param, $"constant {Schema.Num(d.Mean)}");
                return;
            }
            int before = Diagnostics.Count;
            string kind = Schema.EnumName(d.Kind);
            if (d.Kind != DistributionKind.Uniform)
            {
                CheckNumber(path + ".mean", "mean", d.Mean, typeof(double), param, $"mean {Schema.Num(d.Mean)}");
                CheckNumber(path + ".sd", "sd", d.Sd, typeof(double), sdParam, $"sd {Schema.Num(d.Sd)}");
            }
            CheckNumber(path + ".min", "min", d.Min, typeof(double), param, $"min {Schema.Num(d.Min)}");
            CheckNumber(path + ".max", "max", d.Max, typeof(double), param, $"max {Schema.Num(d.Max)}");
            if (Diagnostics.Count > before) return;

            if (d.Min > d.Max)
            {
                Add(path + ".max", $"max {Schema.Num(d.Max)} is below min {Schema.Num(d.Min)}", "swap min and max", path + ".max", path + ".min");
                return;
            }
            if (d.Kind == DistributionKind.Uniform) return;
            if (d.Mean < d.Min || d.Mean > d.Max)
            {
                Add(path + ".mean", $"mean {Schema.Num(d.Mean)} lies outside [min {Schema.Num(d.Min)}, max {Schema.Num(d.Max)}] of this {kind} distribution",
                    "give min and max that enclose the mean (they default to 0 and 1)", path + ".mean", path);
                return;
            }
            if (d.Kind == DistributionKind.Beta && d.Max > d.Min && d.Sd > 0)
            {
                double width = d.Max - d.Min;
                double m = (d.Mean - d.Min) / width;
                double limit = width * Math.Sqrt(m * (1 - m));
                if (m <= 0 || m >= 1)
                    Add(path + ".mean", $"the mean of a beta distribution must lie strictly between min {Schema.Num(d.Min)} and max {Schema.Num(d.Max)}, found {Schema.Num(d.Mean)}",
                        "move the mean inside, or use a constant", path + ".mean", path);
                else if (d.Sd >= limit)
                    Add(path + ".sd", $"sd {Schema.Num(d.Sd)} is too large for a beta distribution with mean {Schema.Num(d.Mean)} on [{Schema.Num(d.Min)}, {Schema.Num(d.Max)}]: it must be below {Schema.Num(Math.Round(limit, 4))}",
                        "use a smaller sd, or a uniform distribution for a flat spread", path + ".sd", path);
            }
        }
    }
}
