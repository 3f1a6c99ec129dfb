using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// What README.md says of its first command and its picture: open-pos at its own seed (42) does not take off,
/// and the picture's seed (5) has cycles of contention. A model change that alters either must change the README.
/// </summary>
public sealed class ReadmeClaimsTests
{
    private static RunResult OpenPos(ulong seed) =>
        Simulator.Run(ScenarioLoader.LoadFile(Path.Combine(CliHarness.RepoRoot, "scenarios", "open-pos.yaml")) with { Seed = seed },
            new RunOptions { Threads = 1, KeepSeries = false });

    [Fact]
    public void Open_pos_at_its_own_seed_does_not_take_off_and_the_pictures_seed_cycles()
    {
        string readme = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "README.md"));
        Assert.Contains("At the scenario's own seed (42) the movement does not take", readme);
        Assert.Contains("`scenarios/open-pos.yaml` at seed 5", readme);

        var own = OpenPos(42);
        Assert.Equal(0, own.Headline.Cycles);
        Assert.True(own.Headline.PeakParticipation < 0.03, $"seed 42 peaks at {own.Headline.PeakParticipation:P1}: update the README");
        Assert.True(OpenPos(5).Headline.Cycles >= 2, "seed 5 (the README's picture) no longer has cycles of contention: regenerate the picture");
    }
}
