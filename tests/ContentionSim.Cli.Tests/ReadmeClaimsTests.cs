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
    public void Open_pos_at_its_own_seed_is_mostly_quiet_and_the_pictures_seed_cycles()
    {
        string readme = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "README.md"));
        Assert.Contains("At the scenario's own seed (42) the movement stays quiet", readme);
        Assert.Contains("until a wave late in the run (week 448) that spreads its frame (stage 2) and", readme);
        Assert.Contains("`--seed 5`): five waves, four of them cycles of contention that reach stage 5 and end", readme);
        Assert.Contains("(faded once, negotiated three times), the fifth still rising when the ten years end", readme);

        // Seed 42: one wave, late, a fizzle that reached stage 2; before it only bursts below the onset margin.
        var own = OpenPos(42);
        var ownCycles = own.Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
        var wave = Assert.Single(ownCycles);
        Assert.Equal(448, wave.StartTick);
        Assert.Equal(Outcome.Fizzle, wave.Outcome);
        Assert.Equal(Stage.RepertoiresAndFrames, wave.HighestStage);
        Assert.InRange(own.Headline.PeakParticipation, 0.05, 0.12);

        // Seed 5, the picture: five waves, the first four cycles of contention that reach stage 5 (one faded, three
        // negotiated), the fifth under way at the end.
        var picture = OpenPos(5).Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
        Assert.Equal(5, picture.Count);
        Assert.All(picture.Take(4), c => Assert.Equal(Stage.ViolenceAndInstitutionalization, c.HighestStage));
        Assert.Equal([Outcome.Faded, Outcome.Negotiated, Outcome.Negotiated, Outcome.Negotiated, Outcome.Ongoing], picture.Select(c => c.Outcome));
    }
}
