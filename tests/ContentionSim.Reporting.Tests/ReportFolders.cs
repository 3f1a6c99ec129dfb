using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Reporting.Tests;

/// <summary>Run folders for the report tests, written by <see cref="RunOutputWriter"/> as <c>contentionsim run</c> writes them.</summary>
internal static class ReportFolders
{
    /// <summary>A scenario file that tries to inject markup and a network request: the report must show it as text.</summary>
    public const string HostileYaml = """
        # <script>console.error('injected')</script> & <img src="http://example.invalid/x.png">
        name: "Test wave </title><script>console.error(1)</script>"
        description: 'quotes " and '' and <b>tags</b>'
        """;

    /// <summary>The hand-built sample run (two cycles, tricky text) written to <paramref name="dir"/>.</summary>
    public static string Sample(string dir, int movements = 1, bool events = true)
    {
        RunOutputWriter.Write(TestRuns.Sample(movements, events), dir, new RunOutputOptions { ScenarioText = HostileYaml, SourceFile = "sample.yaml" });
        return dir;
    }

    /// <summary>A small simulated run (a few seconds) under a tight or an open state.</summary>
    public static RunResult Simulate(double openness, double allianceProbability = 0, string name = "small", ulong seed = 5, int ticks = 200)
    {
        var scenario = new Scenario
        {
            Name = name,
            Description = "A small movement for the report tests.",
            Seed = seed,
            Ticks = ticks,
            Movements =
            [
                new MovementParameters
                {
                    Id = "migrants",
                    Name = "Migrant rights",
                    Activists = new ActivistParameters { Count = 800, Grievance = Distribution.Beta(0.5, 0.15) },
                    Organizations = [new OrganizationGroupParameters { PerThousandActivists = 5, Framing = 0.4, Mobilization = 0.4, Lobbying = 0.5 }],
                },
            ],
            State = new StateParameters { Openness = openness, RepressionPropensity = 0.7, Responsiveness = 0.3, Vulnerability = 0.7 },
            Transnational = new TransnationalParameters { AllianceProbability = allianceProbability },
        };
        return Simulator.Run(scenario, new RunOptions { Threads = 1 });
    }

    /// <summary>
    /// The small simulated run at the first seed from 5 whose movement began a cycle (the report tests need stage
    /// entries to tell; whether a given seed mobilizes is the model's business, tested elsewhere).
    /// </summary>
    public static RunResult SimulateWithCycle(double openness, double allianceProbability = 0, string name = "small", int ticks = 200)
    {
        for (ulong seed = 5; seed < 45; seed++)
        {
            var run = Simulate(openness, allianceProbability, name, seed, ticks);
            if (run.StageEntries.Count > 0) return run;
        }
        throw new InvalidOperationException($"the small movement at openness {openness} began no cycle in seeds 5-44: the report tests need a run that does");
    }

    /// <summary>A simulated run written to <paramref name="dir"/> with a plain scenario copy (with <paramref name="needCycle"/>, the first seed from 5 that began a cycle).</summary>
    public static string Simulated(string dir, double openness, double allianceProbability = 0, string name = "small", bool needCycle = false)
    {
        var result = needCycle ? SimulateWithCycle(openness, allianceProbability, name) : Simulate(openness, allianceProbability, name);
        RunOutputWriter.Write(result, dir, new RunOutputOptions
        {
            ScenarioText = $"name: {name}\nstate:\n  openness: {openness.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n",
            SourceFile = name + ".yaml",
        });
        return dir;
    }
}
