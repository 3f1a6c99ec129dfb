using System.Text.RegularExpressions;
using ContentionSim.Core.Organizations;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios;

// The settings of a scenario that must agree with each other (the per-value ranges are in ScenarioValidator.cs).
public static partial class ScenarioValidator
{
    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NotIdCharacters();

    private sealed partial class Validation
    {
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
