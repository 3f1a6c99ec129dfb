using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Validation;
using ContentionSim.Scenarios;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>
/// What japan-2007's header and docs/ODD.md Known limitations 14 say of it over 30 seeds: as shipped, with
/// triggering events (suddenly imposed grievances among an organization's members, Walsh 1981) at the rate
/// derived from the Ministry of Justice's deportation figures (0.024 a week per organization), it has a cycle
/// (fizzles included) in most seeds, and most of those cycles fizzle in stage 1. The negative control is the
/// same scenario with the mechanism off (trigger_rate 0), where the claim fails.
/// </summary>
public sealed class JapanTriggeringEventsTests
{
    private const int Seeds = 30;

    private static string Japan => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scenarios/japan-2007.yaml"));

    /// <summary>japan-2007 as shipped (null) or with every group's trigger_rate set, at its own size or another.</summary>
    private static List<RunResult> Runs(double? triggerRate, int? activists = null, int seeds = Seeds)
    {
        var shipped = ScenarioLoader.LoadFile(Japan);
        var movement = shipped.Movements[0];
        var scenario = shipped with
        {
            Movements = [movement with
            {
                Organizations = [.. movement.Organizations.Select(g => g with { TriggerRate = triggerRate ?? g.TriggerRate })],
                Activists = movement.Activists with { Count = activists ?? movement.Activists.Count },
            }],
        };
        return [.. Enumerable.Range(1, seeds).Select(seed => Simulator.Run(scenario with { Seed = (ulong)seed }, new RunOptions { Threads = 1 }))];
    }

    /// <summary>japan-2007 without triggering events, with public information in every group and/or alliance probability 0.1.</summary>
    private static List<RunResult> Opened(bool publicInformation, bool alliances)
    {
        var shipped = ScenarioLoader.LoadFile(Japan);
        var movement = shipped.Movements[0];
        var scenario = shipped with
        {
            Movements = [movement with { Organizations = [.. movement.Organizations.Select(g => g with { PublicInformation = publicInformation || g.PublicInformation, TriggerRate = 0 })] }],
            Transnational = alliances ? shipped.Transnational with { AllianceProbability = 0.1 } : shipped.Transnational,
        };
        return [.. Enumerable.Range(1, Seeds).Select(seed => Simulator.Run(scenario with { Seed = (ulong)seed }, new RunOptions { Threads = 1 }))];
    }

    /// <summary>
    /// The header of japan-2007.yaml: without triggering events, "public information in every group together with ties
    /// abroad gives a cycle in more than a third of the seeds; either alone hardly ever". Each alone is the negative
    /// control of the other.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Japan_cycles_with_public_information_and_ties_abroad_together_and_not_with_either_alone()
    {
        static Estimate WithCycle(List<RunResult> runs) => Proportion.Wilson(runs.Select(r => r.Headline.Outcomes.Count > 0));
        var both = WithCycle(Opened(publicInformation: true, alliances: true));
        Assert.True(both.Low > 1.0 / 3, $"seeds with a cycle with public information and alliances 0.1: {both.Value:0.00} [{both.Low:0.00}, {both.High:0.00}]");
        var informationOnly = WithCycle(Opened(publicInformation: true, alliances: false));
        var alliancesOnly = WithCycle(Opened(publicInformation: false, alliances: true));
        Assert.True(informationOnly.High < 1.0 / 3, $"public information alone: {informationOnly.Value:0.00} [{informationOnly.Low:0.00}, {informationOnly.High:0.00}]");
        Assert.True(alliancesOnly.High < 1.0 / 3, $"alliances alone: {alliancesOnly.Value:0.00} [{alliancesOnly.Low:0.00}, {alliancesOnly.High:0.00}]");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Japan_as_shipped_has_a_cycle_in_most_seeds_mostly_fizzles_and_without_triggering_events_has_none_in_most()
    {
        var triggered = Runs(null);
        Assert.All(ScenarioLoader.LoadFile(Japan).Movements[0].Organizations, g => Assert.True(g.TriggerRate > 0, "japan-2007 ships triggering events"));
        var withCycle = Proportion.Wilson(triggered.Select(r => r.Headline.Outcomes.Count > 0));
        Assert.True(withCycle.Low > 0.5, $"seeds with a cycle (fizzles included) as shipped: {withCycle.Value:0.00} [{withCycle.Low:0.00}, {withCycle.High:0.00}]");
        var outcomes = triggered.SelectMany(r => r.Headline.Outcomes).ToList();
        var fizzled = Proportion.Wilson(outcomes.Select(o => o == Outcome.Fizzle));
        Assert.True(fizzled.Low > 0.5, $"share of the cycles that fizzle: {fizzled.Value:0.00} [{fizzled.Low:0.00}, {fizzled.High:0.00}] of {outcomes.Count}");
        // "Its plot shows where it stalls": most cycles stop in stage 1 (conflict and diffusion).
        var cycles = triggered.SelectMany(r => r.Cycles.Where(c => c.Movement == TickObservation.WaveId)).ToList();
        var stalled = Proportion.Wilson(cycles.Select(c => c.HighestStage == Stage.ConflictAndDiffusion));
        Assert.True(stalled.Low > 0.5, $"share of the cycles that never left stage 1: {stalled.Value:0.00} [{stalled.Low:0.00}, {stalled.High:0.00}] of {cycles.Count}");
        // The header: "in most seeds one or more become cycles of contention, which ... mostly end suppressed".
        var contention = Proportion.Wilson(triggered.Select(r => r.Headline.Outcomes.Any(o => o is not (Outcome.Fizzle or Outcome.Ongoing))));
        Assert.True(contention.Low > 0.5, $"seeds with a cycle of contention: {contention.Value:0.00} [{contention.Low:0.00}, {contention.High:0.00}]");
        var ended = outcomes.Where(o => o is not (Outcome.Fizzle or Outcome.Ongoing)).ToList();
        var suppressed = Proportion.Wilson(ended.Select(o => o == Outcome.Suppressed));
        Assert.True(suppressed.Low > 0.5, $"share of the ended cycles of contention that are suppressed: {suppressed.Value:0.00} [{suppressed.Low:0.00}, {suppressed.High:0.00}] of {ended.Count}");

        // Negative control: the mechanism off (trigger_rate 0), where the claim must fail.
        var off = Runs(0);
        var control = Proportion.Wilson(off.Select(r => r.Headline.Outcomes.Count > 0));
        Assert.True(control.High < 0.5, $"seeds with a cycle without triggering events: {control.Value:0.00} [{control.Low:0.00}, {control.High:0.00}]");
    }

    /// <summary>
    /// The header of japan-2007.yaml and docs/ODD.md Known limitations 14: the cycles are local, so at 100,000 activists
    /// (380 organizations) the bursts average out and none registers as a cycle of the movement, while at the
    /// scenario's 5,000 most seeds have one (the test above). A known limitation, asserted so that the docs change
    /// when it does (a local classifier would make the cycles visible at any size).
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Japan_cycles_are_local_bursts_that_no_longer_register_at_a_hundred_thousand_activists()
    {
        var large = Runs(null, activists: 100_000, seeds: 5);
        Assert.All(large, r => Assert.True(r.Headline.Outcomes.Count == 0,
            $"seed {r.Seed} at 100,000 activists has cycles ({string.Join(", ", r.Headline.Outcomes)}): update the header of " +
            "japan-2007.yaml and docs/ODD.md Known limitations 10 and 14"));
    }

    /// <summary>
    /// The header of scenarios/sweeps/japan-triggering-events.yaml, over seeds 1-30 (the sweep's own seeds differ): at
    /// half the derived rate (0.012) a cycle in nearly every seed, at double it (0.048) more cycles a run
    /// than at the derived rate and a larger share of them suppressed by the closed state.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Halving_the_rate_leaves_cycles_in_most_seeds_and_doubling_it_gives_more_and_more_suppressed_cycles()
    {
        var half = Proportion.Wilson(Runs(0.012).Select(r => r.Headline.Outcomes.Count > 0));
        // With the momentum floor as a share (seventh session) about two thirds; since it is ten people, 28 of 30.
        Assert.True(half.Value >= 0.8 && half.Low > 0.5, $"seeds with a cycle at 0.012: {half.Value:0.00} [{half.Low:0.00}, {half.High:0.00}]");

        static (double PerRun, double Suppressed) Cycles(List<RunResult> runs)
        {
            var outcomes = runs.SelectMany(r => r.Headline.Outcomes).ToList();
            return ((double)outcomes.Count / runs.Count, outcomes.Count(o => o == Outcome.Suppressed) / (double)Math.Max(1, outcomes.Count));
        }
        var derived = Cycles(Runs(null));
        var twice = Cycles(Runs(0.048));
        // The header's "about 8 a run" at 0.024 and "about 10 a run" at 0.048.
        Assert.True(twice.PerRun > derived.PerRun, $"cycles a run: {twice.PerRun:0.0} at 0.048 against {derived.PerRun:0.0} at 0.024");
        Assert.InRange(derived.PerRun, 7, 9);
        Assert.InRange(twice.PerRun, 9, 11.5);
        Assert.True(twice.Suppressed > derived.Suppressed, $"suppressed share: {twice.Suppressed:0.00} at 0.048 against {derived.Suppressed:0.00} at 0.024");
    }

    /// <summary>
    /// The header of japan-2007.yaml and docs/ODD.md Known limitations 14: the peaks are members — at each run's peak
    /// week most of the active belong to an organization (four in five over seeds 1-10), though members are a quarter
    /// of the activists: the bursts hardly spread beyond the organizations hit.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void At_the_peak_week_most_of_the_active_are_members_of_the_organizations()
    {
        var scenario = ScenarioLoader.LoadFile(Japan);
        var shares = new List<double>();
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var live = new LiveRun(scenario with { Seed = seed }, new RunOptions { Threads = 1 });
            var population = live.Population;
            int peakActive = -1, peakMembers = 0;
            while (live.Step())
            {
                int active = 0, members = 0;
                for (int i = 0; i < population.Count; i++)
                {
                    if (population.StatusOf(i) != ActivistStatus.Active) continue;
                    active++;
                    if (population.Organization[i] >= 0) members++;
                }
                if (active > peakActive) (peakActive, peakMembers) = (active, members);
            }
            shares.Add((double)peakMembers / peakActive);
        }
        Assert.True(shares.Average() > 0.7, $"members' share of the active at the peak week: {string.Join(", ", shares.Select(x => x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.All(shares, x => Assert.True(x > 0.5, $"a run's peak is not mostly members: {x:0.00}"));
    }
}
