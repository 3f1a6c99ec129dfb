using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios;

namespace ContentionSim.Benchmarks;

/// <summary>The scenarios the benchmarks run: the shipped japan-2007.yaml resized.</summary>
public static class BenchScenarios
{
    /// <summary>The repository root (the folder holding ContentionSim.sln), found from the working folder or the binary's.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository (ContentionSim.sln not found above the working folder)");
    }

    /// <summary>
    /// scenarios/japan-2007.yaml (one movement, small-world network of degree 8, nineteen
    /// organizations) with <paramref name="activists"/> activists and <paramref name="ticks"/> ticks.
    /// </summary>
    public static Scenario JapanLike(int activists, int ticks)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepositoryRoot, "scenarios", "japan-2007.yaml"));
        return ScenarioLoader.ApplyOverrides(scenario,
        [
            $"movements[0].activists.count={activists}",
            $"ticks={ticks}",
        ]);
    }
}
