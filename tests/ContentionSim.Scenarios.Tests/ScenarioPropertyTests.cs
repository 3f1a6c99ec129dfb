using CsCheck;
using Xunit.Abstractions;

namespace ContentionSim.Scenarios.Tests;

/// <summary>
/// Property-based fuzzing (CsCheck) of scenarios (issue 17): a valid scenario with 1–6 of its values replaced by
/// hostile ones — huge, negative, non-finite, a decimal comma, quoted numbers, text with control characters or
/// terminal escapes, a 5,000-character name — either loads into a scenario the validator accepts or is refused with
/// located problems; a name or id that loads is short and free of control characters. Anything else fails and
/// prints the seed and the YAML. CI runs a fixed seed and number of cases; CONTENTIONSIM_FUZZ_CASES and
/// CONTENTIONSIM_FUZZ_SEED run longer or other ones.
/// </summary>
public sealed class ScenarioPropertyTests(ITestOutputHelper log)
{
    private static readonly string[] Keys =
    [
        "name", "seed", "ticks", "state.openness", "network.degree", "movements[0].id", "movements[0].name",
        "movements[0].activists.count", "movements[0].activists.escalation", "movements[0].activists.threshold",
        "transnational.alliance_probability", "public.sympathy",
    ];

    private static readonly string[] Values =
    [
        "0", "1", "-1", "0.5", "0,5", "1,000", "1e308", "-1e308", ".nan", ".inf", "99999999999999999999", "\"12\"", "'0.3'", "30%",
        "\"evil\\e]0;pwned\\a\"", "\"tab\\there\"", "\"line\\nbreak\"", "\"\\u202Ereversed\"", new string('x', 5000), "\"\"", "[1, 2]", "{a: 1}",
        "null", "~", "yes", "migrants", "\"a/b\"", "\"..\"", "é", "2147483648",
    ];

    private const string Base = """
        name: prop
        seed: 5
        ticks: 40
        network: {kind: small_world, degree: 6}
        state: {openness: 0.4}
        movements:
          - id: m
            name: Movement
            activists: {count: 200}
            organizations: []
        """;

    [Fact]
    public void A_scenario_with_hostile_values_loads_valid_or_is_refused_with_located_problems()
    {
        int loaded = 0, refused = 0;
        var gen = Gen.Select(Gen.Int[0, Keys.Length - 1], Gen.Int[0, Values.Length - 1], (k, v) => $"{Keys[k]}={Values[v]}").Array[1, 6];
        gen.Sample(sets =>
        {
            Core.Parameters.Scenario? scenario = null;
            try
            {
                scenario = ScenarioLoader.ApplyOverrides(ScenarioLoader.Parse(Base, "prop.yaml"), sets);
                var problems = ScenarioValidator.Validate(scenario);
                Assert.True(problems.Count == 0, string.Join("; ", problems));
                Assert.True(scenario.Name.Length <= ScenarioValidator.MaxNameLength && !scenario.Name.Any(char.IsControl), "a name that loads is short and plain");
                Assert.All(scenario.Movements, m => Assert.True(m.Id.Length <= ScenarioValidator.MaxNameLength && !m.Id.Any(char.IsControl)));
                loaded++;
            }
            catch (ScenarioException e)
            {
                Assert.NotEmpty(e.Diagnostics);
                Assert.All(e.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
                refused++;
            }
        }, seed: FolderMutationSeed, iter: Cases, threads: 1, print: sets => string.Join(" ", sets.Select(s => "--set " + s)));
        log.WriteLine($"seed {FolderMutationSeed}: {loaded + refused} scenarios, {loaded} loaded, {refused} refused");
        Assert.True(loaded > 0 && refused > 0, $"{loaded} loaded, {refused} refused: the values should give both");
    }

    private static string FolderMutationSeed => Environment.GetEnvironmentVariable("CONTENTIONSIM_FUZZ_SEED") is { Length: > 0 } s ? s : "0000000000J1";

    private static long Cases => long.TryParse(Environment.GetEnvironmentVariable("CONTENTIONSIM_FUZZ_CASES"), out long n) && n > 0 ? n : 300;
}
