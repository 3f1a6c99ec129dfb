using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The radical flank over seeds (issue 15 item 4; docs/validation.md, "Violence late within the cycle"):
/// within each cycle's own start and end, violent acts come mostly after the cycle's peak with the
/// mechanism on, and not with it off (the negative control).
/// </summary>
public class RadicalFlankOverSeedsTests
{
    /// <summary>scenarios/boomerang.yaml written out (a tight state opened by allies abroad: enough radicals to see violence).</summary>
    private static Scenario Boomerang(ulong seed, double flank) => new()
    {
        Seed = seed,
        Ticks = 520,
        Movements =
        [
            new MovementParameters
            {
                Activists = new ActivistParameters { Count = 5000, Grievance = Distribution.Beta(0.5, 0.15), RadicalFlank = flank },
                Organizations =
                [
                    new OrganizationGroupParameters
                    {
                        Kind = OrganizationKind.ConcernedCitizens, PerThousandActivists = 2, Volunteers = Distribution.Uniform(10, 80),
                        SalariedStaff = Distribution.Uniform(1, 5), Framing = 0.3, Mobilization = 0.3, Lobbying = 0.5, PublicInformation = true,
                    },
                ],
            },
        ],
        State = new StateParameters { Openness = 0.15, Responsiveness = 0.3, Vulnerability = 0.7, InstitutionalReliefPerThousand = 0.025, TalksPerThousand = 0.2 },
        Transnational = new TransnationalParameters { AllianceProbability = 0.5, PressurePerAlliancePerThousand = 0.1 },
    };

    /// <summary>Violent acts of the wave from each non-fizzle cycle's start to its peak, and after its peak to its end, summed over seeds.</summary>
    private static (long Early, long Late, int Cycles, int MostlyLate) Violence(double flank, int seeds)
    {
        long early = 0, late = 0;
        int cycles = 0, mostlyLate = 0;
        for (ulong seed = 1; seed <= (ulong)seeds; seed++)
        {
            var run = Simulator.Run(Boomerang(seed, flank), new RunOptions { Threads = 2 });
            var acts = run.Series.Where(o => o.Movement == TickObservation.WaveId).Select(o => o.ViolentActs).ToArray();
            foreach (var c in run.Cycles.Where(c => c.Movement == TickObservation.WaveId && c.Outcome != Outcome.Fizzle))
            {
                int end = c.EndTick ?? acts.Length;
                long e = 0, l = 0;
                for (int t = c.StartTick; t <= end; t++)
                    if (t <= c.PeakTick) e += acts[t - 1]; else l += acts[t - 1];
                if (e + l == 0) continue;
                cycles++;
                if (l > e) mostlyLate++;
                early += e;
                late += l;
            }
        }
        return (early, late, cycles, mostlyLate);
    }

    [Fact]
    public void With_the_radical_flank_violence_comes_after_the_peak_within_the_cycle_and_without_it_it_does_not()
    {
        const int seeds = 6;
        var on = Violence(1, seeds);
        var off = Violence(0, seeds);

        Assert.True(on.Cycles >= 10, $"only {on.Cycles} cycles with violence in {seeds} seeds");
        double lateOn = on.Late / (double)(on.Early + on.Late), lateOff = off.Late / (double)(off.Early + off.Late);
        Assert.True(lateOn > 0.75 && on.MostlyLate >= 0.75 * on.Cycles,
            $"flank on: {lateOn:P0} of violent acts after the peak; {on.MostlyLate} of {on.Cycles} cycles mostly late");
        Assert.True(lateOff < lateOn - 0.2 && off.MostlyLate < 0.75 * off.Cycles,
            $"flank off: {lateOff:P0} of violent acts after the peak ({lateOn:P0} with it on); {off.MostlyLate} of {off.Cycles} cycles mostly late");
    }
}
