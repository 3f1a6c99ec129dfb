using ContentionSim.Experiments.Validation;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>The sweep files of the experiments in <c>scenarios/experiments/</c>: one per experiment, each loads and states its claim.</summary>
public class ExperimentFilesTests
{
    [Fact]
    public void Every_experiment_file_loads_full_and_quick_and_states_its_claim()
    {
        var dir = Path.Combine(RepoRoot(), "scenarios", "experiments");
        ScenarioLoader.LoadFile(Path.Combine(dir, "base-classroom.yaml"));
        foreach (var experiment in ExperimentCatalog.All)
        {
            var file = Path.Combine(dir, experiment.FileName);
            var full = SweepLoader.LoadFile(file);
            var quick = SweepLoader.LoadFile(file, new SweepLoadOptions { Quick = true });
            Assert.True(quick.QuickApplied, file);
            Assert.True(quick.Plan.Grid.Replications >= 30, file);
            Assert.True(full.Plan.Grid.Replications >= quick.Plan.Grid.Replications, file);
            var header = File.ReadAllLines(file).TakeWhile(l => l.StartsWith('#')).ToArray();
            foreach (var field in new[] { "Claim:", "Source:", "Varies:", "Measures:", "Run:" })
                Assert.True(header.Any(l => l.Contains(field, StringComparison.Ordinal)), $"{file}: no '{field}' in the header comment");
        }
        Assert.Equal(ExperimentCatalog.All.Count + 1, Directory.GetFiles(dir, "*.yaml").Length);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ContentionSim.sln not found above {AppContext.BaseDirectory}");
    }
}
