using System.Globalization;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Tests;

/// <summary>Sweep files for the CLI tests and a comparison of runs.csv that ignores timings.</summary>
internal static class SweepTestFiles
{
    /// <summary>3 × 2 points × 3 replications = 18 runs of the small scenario.</summary>
    public const string Small = """
        name: small-sweep
        base: small.yaml
        master_seed: 77
        replications: 3
        vary:
          state.openness: [0.1, 0.5, 0.9]
          transnational.alliance_probability: [0, 0.5]
        """;

    /// <summary>Writes the small scenario and the sweep into the harness folder; returns the sweep's path.</summary>
    public static string WriteSmall(CliHarness cli, string sweep = Small)
    {
        cli.Write("small.yaml", CliHarness.SmallScenario);
        return cli.Write("sweep.yaml", sweep);
    }

    /// <summary>runs.csv without its timing column, sorted by run index.</summary>
    public static string[] Comparable(string runsCsv)
    {
        var lines = File.ReadAllLines(runsCsv);
        var header = SweepRunsCsv.SplitLine(lines[0]).ToList();
        int elapsed = header.IndexOf(SweepRunsCsv.ElapsedColumn);
        Assert.True(elapsed >= 0);
        return lines.Skip(1)
            .Select(l => SweepRunsCsv.SplitLine(l).Where((_, i) => i != elapsed).ToArray())
            .OrderBy(f => long.Parse(f[0], CultureInfo.InvariantCulture))
            .Select(f => string.Join(",", f))
            .Prepend(string.Join(",", header.Where((_, i) => i != elapsed)))
            .ToArray();
    }
}
