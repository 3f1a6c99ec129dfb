using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Extreme but valid values run through <c>contentionsim run</c> to the end and write every output with
/// no NaN or infinity in it (the model-level cases are in Core's ExtremeParameterTests).
/// </summary>
public sealed class ExtremeValuesEndToEndTests(ITestOutputHelper log) : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Base = """
        name: extreme
        seed: 9
        ticks: 150
        movements:
          - id: m
            activists:
              count: 400
            organizations:
              - kind: lawyers_ngo
                per_thousand_activists: 7.5
                volunteers: {uniform: [2, 10]}
        """;

    private const string Probabilities =
        "movements[0].activists.violence_probability|movements[0].activists.frame_contagion|movements[0].activists.frame_decay|" +
        "movements[0].activists.disillusionment|movements[0].organizations[0].counselling|movements[0].organizations[0].language_classes|" +
        "movements[0].organizations[0].networking|movements[0].organizations[0].framing|movements[0].organizations[0].mobilization|" +
        "movements[0].organizations[0].lobbying|state.cooptation|transnational.alliance_probability|transnational.alliance_lapse|network.rewiring";

    public static TheoryData<string, string[]> Cases() => new()
    {
        { "one activist, no organizations, no network", ["movements[0].activists.count=1", "movements[0].organizations=[]", "network.kind=none"] },
        { "one activist in a complete network", ["movements[0].activists.count=1", "movements[0].organizations=[]", "network.kind=complete"] },
        { "two activists, one organization of one volunteer", ["movements[0].activists.count=2", "network.degree=1", "network.kind=random",
            "movements[0].organizations=[{kind: medical_ngo, per_thousand_activists: 500, volunteers: 1, salaried_staff: 0}]"] },
        { "openness 0", ["state.openness=0"] },
        { "openness 1", ["state.openness=1"] },
        { "probabilities 0", Probabilities.Split('|').Select(p => p + "=0").ToArray() },
        { "probabilities 1", Probabilities.Split('|').Select(p => p + "=1").ToArray() },
        { "no organizations", ["movements[0].organizations=[]"] },
        { "everyone a member", ["movements[0].activists.membership=1"] },
        { "no network ties at all", ["network.kind=random", "network.degree=0"] },
        { "state, allies and public all off", ["state.enabled=false", "transnational.enabled=false", "public.enabled=false"] },
        { "full repression and violence", ["state.openness=0", "state.repression_capacity=1", "state.repression_propensity=1", "state.tolerance=0",
            "movements[0].activists.violence_threshold=0", "movements[0].activists.violence_probability=1", "movements[0].activists.escalation=100"] },
        { "grievance and sympathy at their limits", ["movements[0].activists.grievance=1", "movements[0].activists.risk_aversion=0",
            "movements[0].grievance_shift=1", "public.initial_sympathy=0", "movements[0].activists.energy_cost=1", "movements[0].activists.energy_recovery=0"] },
        { "one tick", ["ticks=1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extreme_values_run_and_write_only_finite_numbers(string name, string[] sets)
    {
        var scenario = _cli.Write("extreme.yaml", Base);
        string outDir = _cli.PathOf("out");
        string[] args = ["run", scenario, "--out", outDir, .. sets.SelectMany(s => new[] { "--set", s })];
        // Figures for a few cases only (they take most of the time): the one-activist and the all-off ones.
        if (!name.StartsWith("one activist", StringComparison.Ordinal) && !name.Contains("all off", StringComparison.Ordinal)) args = [.. args, "--no-plots"];

        var (code, output, error) = _cli.Run(args);

        Assert.True(code == 0, $"{name}: exit {code}\n{error}");
        long values = FiniteOutputs.Check(outDir);
        log.WriteLine($"{name}: {values:N0} values checked, all finite");
        Assert.Contains("Outputs in", output);
    }
}
