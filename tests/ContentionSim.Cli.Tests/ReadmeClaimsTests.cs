using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// What README.md says of its first command and its picture: open-pos at its own seed (42) surges in waves that the
/// classifier calls fizzles (stage 2 at most) and ends in one still under way, and the picture's seed (5) has five waves,
/// three of them cycles of contention that reach stage 5. A model change that alters either must change the README.
/// </summary>
public sealed class ReadmeClaimsTests
{
    private static RunResult OpenPos(ulong seed) =>
        Simulator.Run(ScenarioLoader.LoadFile(Path.Combine(CliHarness.RepoRoot, "scenarios", "open-pos.yaml")) with { Seed = seed },
            new RunOptions { Threads = 1, KeepSeries = false });

    [Fact]
    public void Open_pos_at_its_own_seed_surges_in_fizzles_and_the_pictures_seed_cycles()
    {
        string readme = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "README.md"));
        Assert.Contains("At the scenario's own seed (42) the movement surges in waves", readme);
        Assert.Contains("`--seed 5`): five waves, three of them cycles of contention that reach stage 5", readme);

        var own = OpenPos(42);
        var ownCycles = own.Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
        Assert.True(ownCycles.Count(c => c.Outcome == Outcome.Fizzle) >= 2, "seed 42 no longer has fizzles: update the README");
        var largest = ownCycles.MaxBy(c => c.PeakParticipation)!;
        Assert.Equal(Outcome.Fizzle, largest.Outcome);
        Assert.Equal(Stage.RepertoiresAndFrames, largest.HighestStage);
        Assert.Equal(Outcome.Ongoing, ownCycles[^1].Outcome);
        Assert.InRange(own.Headline.PeakParticipation, 0.07, 0.15);

        var picture = OpenPos(5).Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
        Assert.Equal(5, picture.Count);
        Assert.Equal(3, picture.Count(c => c.Outcome != Outcome.Fizzle && c.HighestStage == Stage.ViolenceAndInstitutionalization));
    }
}
