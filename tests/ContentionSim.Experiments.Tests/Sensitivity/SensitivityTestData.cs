using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Parameters;
using ContentionSim.Experiments.Sensitivity;

namespace ContentionSim.Experiments.Tests.Sensitivity;

/// <summary>A small analysis, run once per test process: 300 activists, 100 ticks, three parameters, three seeds.</summary>
internal static class SensitivityTestData
{
    private static readonly Lazy<SensitivityAnalysis> Small = new(() => Analyse(1));

    public static SensitivityAnalysis Analysis => Small.Value;

    public static Scenario Scenario => new()
    {
        Name = "tiny",
        Seed = 5,
        Ticks = 100,
        Transnational = new TransnationalParameters { Enabled = false },
        Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 300 } }],
    };

    public static SensitivityAnalysis Analyse(int parallel)
    {
        var s = Scenario;
        var catalog = SensitivityCatalog.Of(s).Only("*.grievance_weight,state.openness,transnational.information_amplification");
        var design = SensitivityDesign.Create(s, catalog, 3, 0.25, s.Seed);
        return SensitivityAnalysis.Summarize(SensitivityRunner.Run(design, new BatchOptions { Parallel = parallel }));
    }

    public static SensitivitySetup Setup(bool plots = true) => new()
    {
        ScenarioFile = "tiny.yaml",
        ScenarioText = "name: tiny\n",
        Command = "contentionsim sensitivity tiny.yaml",
        Plots = plots,
    };
}
