using ContentionSim.Core.Organizations;
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

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NotIdCharacters();

    private sealed class Validation(Scenario scenario, SourceMap? source)
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

        // ---- settings that must agree ----------------------------------------------------

        public void CrossChecks()
        {
            CheckName();
            CheckMovements();
            CheckPopulationAndNetwork();
            CheckClassifier();
            CheckEvents();
        }

        private void CheckName()
        {
            var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
            if (string.IsNullOrWhiteSpace(scenario.Name))
                Add("name", "the name is empty; it names the output folder", "give a short name such as 'japan-migrants'");
            else if (NameProblem(scenario.Name, "name") is var (message, fix))
                Add("name", message, fix);
            else if (scenario.Name.Any(invalid.Contains) || scenario.Name is "." or "..")
                Add("name", $"'{scenario.Name}' cannot be used as a folder name (it names the output folder)",
                    "use letters, digits, '-', '_' and spaces; put longer text in 'description'");
        }

        private void CheckMovements()
        {
            if (scenario.Movements.Count == 0)
            {
                Add("movements", "no movements: a scenario needs at least one", "add one, e.g. 'movements: [{id: migrants}]'");
                return;
            }
            var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < scenario.Movements.Count; i++)
            {
                var movement = scenario.Movements[i];
                string path = $"movements[{i}]";
                if (movement.Id is { Length: > MaxNameLength })
                    Add(path + ".id", $"the id is {movement.Id.Length:N0} characters long, more than the limit of {MaxNameLength}", "give a short id such as 'migrants'; put the full name in 'name'", path + ".id", path);
                else if (!IdPattern().IsMatch(movement.Id ?? ""))
                {
                    string suggestion = NotIdCharacters().Replace(movement.Id ?? "", "_").Trim('_');
                    Add(path + ".id", $"id '{movement.Id}' may hold only letters, digits, '_' and '-' (it is used in event keys and file names)",
                        suggestion.Length > 0 ? $"use '{suggestion}'; put the full name in 'name'" : "give an id such as 'migrants'", path + ".id", path);
                }
                else if (firstIndex.TryGetValue(movement.Id!, out int first))
                {
                    var firstLocation = source?.Locate($"movements[{first}].id");
                    string where = firstLocation is { Line: > 0 } l ? $" (line {l.Line})" : "";
                    Add(path + ".id", $"id '{movement.Id}' is already used by movements[{first}]{where}",
                        source is not null && !source.Contains(path + ".id")
                            ? "give every movement its own 'id:' (the default id is 'movement')"
                            : "give every movement its own id", path + ".id", path);
                }
                else firstIndex[movement.Id!] = i;

                CheckVolunteers(movement, path);

                var a = movement.Activists;
                if (a.RecoveredLevel <= a.ExhaustionLevel)
                    Add(path + ".activists.recovered_level",
                        $"recovered_level {Schema.Num(a.RecoveredLevel)} is not above exhaustion_level {Schema.Num(a.ExhaustionLevel)}: exhausted activists must regain more energy than the level at which they dropped out",
                        $"set recovered_level above {Schema.Plain(a.ExhaustionLevel)} or lower exhaustion_level",
                        path + ".activists.recovered_level", path + ".activists.exhaustion_level", path + ".activists");
            }
        }

        /// <summary>
        /// Organizations whose volunteers outnumber the movement's activists even at the fewest each can have
        /// (the lowest value of its 'volunteers' distribution, rounded as it is drawn).
        /// </summary>
        private void CheckVolunteers(MovementParameters movement, string path)
        {
            if (Failed(path + ".activists.count") || Failed(path + ".activists.thresholds") || Failed(path + ".organizations")) return;
            int activists = movement.Activists.EffectiveCount;
            if (movement.Organizations.Any(g => !double.IsFinite(g.PerThousandActivists) || g.PerThousandActivists < 0 || !double.IsFinite(Fewest(g.Volunteers)))) return;
            var built = OrganizationLayer.GroupCounts(movement.Organizations, activists);
            var groups = movement.Organizations
                .Select((g, k) => (Group: g, Index: k, Count: built[k], Fewest: Fewest(g.Volunteers)))
                .Where(x => x.Count > 0 && x.Fewest > 0)
                .ToList();
            if (groups.Count == 0) return;
            double needed = groups.Sum(x => (double)x.Count * x.Fewest);
            if (needed <= activists) return;
            int organizations = built.Sum();
            string sum = string.Join(" + ", groups.Select(x => $"{Schema.Num(x.Count)} × {Schema.Num(x.Fewest)}"));
            string id = string.IsNullOrEmpty(movement.Id) ? path : $"'{movement.Id}'";
            Add(path + ".organizations",
                $"the {Schema.Num(organizations)} organization{(organizations == 1 ? "" : "s")} of {id} need at least {Schema.Num(needed)} volunteers " +
                $"({sum}, the fewest volunteers each can have), more than the movement's {Schema.Num(activists)} activists",
                "give fewer organizations per 1,000 activists (per_thousand_activists) or fewer volunteers each (a lower volunteers min)",
                [.. groups.Select(x => $"{path}.organizations[{x.Index}].volunteers"), .. groups.Select(x => $"{path}.organizations[{x.Index}].per_thousand_activists"), path + ".organizations"]);
        }

        /// <summary>The fewest volunteers an organization can draw from <paramref name="d"/> (draws are rounded, never below 0).</summary>
        private static double Fewest(Distribution d)
        {
            double lowest = d.Kind == DistributionKind.Constant ? d.Mean : d.Min;
            return double.IsFinite(lowest) ? Math.Round(Math.Max(0, lowest)) : double.NaN;
        }

        private void CheckPopulationAndNetwork()
        {
            long n = scenario.TotalActivists;
            var network = scenario.Network;
            long degree = network.Kind switch
            {
                NetworkKind.None => 0,
                NetworkKind.Complete => Math.Max(0, n - 1),
                _ => network.Degree,
            };
            double bytes = (double)n * (BytesPerActivist + BytesPerTieEnd * degree);
            string[] countPaths = Enumerable.Range(0, scenario.Movements.Count)
                .OrderByDescending(i => scenario.Movements[i].Activists.EffectiveCount)
                .SelectMany(i => new[] { $"movements[{i}].activists.thresholds", $"movements[{i}].activists.count" })
                .ToArray();

            if (n > MaxActivists)
            {
                int largest = Enumerable.Range(0, scenario.Movements.Count).MaxBy(i => scenario.Movements[i].Activists.EffectiveCount);
                Add("movements",
                    $"{Schema.Num(n)} activists in total is more than the limit of {Schema.Num(MaxActivists)}: they would need about {Schema.Bytes(bytes)} of memory " +
                    $"({BytesPerActivist} bytes per activist plus {BytesPerTieEnd} bytes per tie × degree {degree})",
                    $"reduce activists.count (the largest is movements[{largest}] with {Schema.Num(scenario.Movements[largest].Activists.EffectiveCount)}); " +
                    "the shape of a cycle seldom changes above a few hundred thousand",
                    countPaths);
                return;
            }
            // A count that is itself out of range says all there is to say.
            if (n <= 0 || Enumerable.Range(0, scenario.Movements.Count).Any(i => Failed($"movements[{i}].activists.count") || Failed($"movements[{i}].activists.thresholds"))) return;

            switch (network.Kind)
            {
                case NetworkKind.SmallWorld or NetworkKind.Random:
                {
                    string kind = Schema.EnumName(network.Kind);
                    if (network.Degree >= n)
                    {
                        long max = n - 1;
                        if (network.Kind == NetworkKind.SmallWorld && max % 2 == 1) max--;
                        Add("network.degree",
                            $"degree {network.Degree} needs more activists than the {Schema.Num(n)} in the scenario: each has at most {Schema.Num(n - 1)} others to tie to, so the largest possible degree for {kind} is {Schema.Num(max)}",
                            $"set network.degree to at most {Schema.Plain(max)}, or add activists",
                            ["network.degree", "network", .. countPaths]);
                    }
                    else if (network.Kind == NetworkKind.SmallWorld && network.Degree % 2 == 1)
                        Add("network.degree",
                            $"degree {network.Degree} is odd: a small_world ring lattice ties each activist to degree/2 neighbours on each side, so the degree must be even",
                            $"use {network.Degree - 1} or {network.Degree + 1}", "network.degree", "network");
                    if (n * network.Degree > Array.MaxLength)
                        Add("network.degree",
                            $"{Schema.Num(n)} activists × degree {network.Degree} is {Schema.Num((double)n * network.Degree)} tie ends, more than one array can hold ({Schema.Num(Array.MaxLength)}); " +
                            $"it would need about {Schema.Bytes(bytes)} of memory",
                            "lower network.degree or the number of activists", "network.degree", "network");
                    break;
                }
                case NetworkKind.Complete when n * (n - 1) > int.MaxValue:
                {
                    long max = MaxCompleteNetwork;
                    Add("network.kind",
                        $"a complete network of {Schema.Num(n)} activists has {Schema.Num((double)n * (n - 1))} tie ends, about {Schema.Bytes(bytes)} of memory; the largest complete network is {Schema.Num(max)} activists",
                        "use kind: small_world or random with a degree, or fewer activists", "network.kind", "network");
                    break;
                }
            }
        }

        private void CheckClassifier()
        {
            var c = scenario.Classifier;
            if (c.EndMargin > c.OnsetMargin)
                Add("classifier.end_margin",
                    $"end_margin {Schema.Num(c.EndMargin)} is above onset_margin {Schema.Num(c.OnsetMargin)}: a cycle would end at a level that does not even open one (the end margin must not exceed the onset margin)",
                    $"set end_margin to at most {Schema.Plain(c.OnsetMargin)}, or raise onset_margin",
                    "classifier.end_margin", "classifier.onset_margin", "classifier");
        }

        private void CheckEvents()
        {
            for (int i = 0; i < scenario.Events.Count; i++)
            {
                var e = scenario.Events[i];
                string path = $"events[{i}]";
                if (e.At >= scenario.Ticks)
                    Add(path + ".at", $"at {e.At} is not before the end of the run (ticks: {scenario.Ticks}), so the event would never happen",
                        $"use a tick from 0 to {Schema.Plain(scenario.Ticks - 1)}, or raise ticks", path + ".at", path);
                if (e.Until is int until && until <= e.At)
                    Add(path + ".until", $"until {until} is not after at {e.At}: a ramp must end after it starts",
                        $"set until above {e.At}, or remove until for a one-tick shock", path + ".until", path);
                CheckEventTarget(e, path);
            }
        }

        private void CheckEventTarget(ScheduledEvent e, string path)
        {
            if (string.IsNullOrWhiteSpace(e.Set))
            {
                Add(path + ".set", "the event does not say which parameter it changes",
                    "add 'set:' with a dotted path such as state.openness or movements.<id>.grievance_shift", path + ".set", path);
                return;
            }
            ResolvedPath target;
            try
            {
                target = Paths.Resolve(scenario, e.Set);
            }
            catch (ParameterPathException x)
            {
                Add(path + ".set", $"'{e.Set}' is not a parameter: {Paths.Explain(scenario, e.Set, x)}",
                    "write a dotted path such as state.openness, movements.<id>.grievance_shift or movements[0].activists.energy_cost", path + ".set", path);
                return;
            }
            if (!Schema.IsNumeric(target.Type))
            {
                Add(path + ".set", $"'{e.Set}' is {Schema.Expected(target.Type)}, not a number: an event can only change a numeric parameter",
                    target.Type == typeof(Distribution)
                        ? "a distribution is drawn once at the start; to shift grievance during the run, schedule movements.<id>.grievance_shift"
                        : "choose a numeric parameter", path + ".set", path);
                return;
            }
            if (IsFixedAtStart(target.Canonical, target.ThroughDistribution))
            {
                Add(path + ".set", $"'{e.Set}' takes effect only when the run starts (it sizes the population, builds the network or seeds the draws), so an event cannot change it",
                    "set it in the scenario itself; to model a shock, schedule a rate such as state.openness or movements.<id>.grievance_shift", path + ".set", path);
                return;
            }
            var param = target.Property is null ? null : Schema.ParamOf(target.Property);
            if (!double.IsFinite(e.Value))
                Add(path + ".value", $"value {Schema.Num(e.Value)} is not a finite number", "write an ordinary number", path + ".value", path);
            else if (Schema.ShapeOf(target.Type) != Shape.Number && e.Value != Math.Floor(e.Value))
                Add(path + ".value", $"value {Schema.Num(e.Value)} is not a whole number, but {target.Canonical} is",
                    $"write {Schema.Plain(Math.Floor(e.Value))} or {Schema.Plain(Math.Ceiling(e.Value))}", path + ".value", path);
            else if (!Schema.InRange(e.Value, param))
                Add(path + ".value",
                    $"value {Schema.Num(e.Value)} is out of range for {target.Canonical}: expected {Schema.Range(param)}{(string.IsNullOrEmpty(param!.Unit) ? "" : $" ({param.Unit})")}",
                    $"use a value {Schema.Range(param)}", path + ".value", path);
        }
    }
}
