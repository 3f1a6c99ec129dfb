using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;
using ContentionSim.Scenarios;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests.Lessons;

/// <summary>
/// Every claim docs/teaching.md makes holds over <see cref="LessonClaims.Seeds"/> seeds: the lower end of the
/// 95% Wilson interval of the share of seeds it holds in is at least the claim's threshold. A model change that
/// breaks a lesson fails here, naming the claim, the share observed and the seeds where it failed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LessonClaimTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<(string, ulong), Lazy<RunResult>> Runs = new();

    private static string Folder => Path.Combine(CliHarness.RepoRoot, "scenarios", "teaching");

    /// <summary>One run of a lesson's scenario at a seed, shared by every claim that uses it.</summary>
    private static RunResult Run(LessonVariant variant, ulong seed) =>
        Runs.GetOrAdd((variant.ToString(), seed), _ => new Lazy<RunResult>(() =>
        {
            var scenario = ScenarioLoader.LoadFile(Path.Combine(Folder, variant.File));
            scenario = ScenarioLoader.ApplyOverrides(scenario, [.. variant.Sets, $"seed={seed}"]);
            return Simulator.Run(scenario, new RunOptions { Threads = 1 });
        })).Value;

    public static TheoryData<string> Claims()
    {
        var data = new TheoryData<string>();
        foreach (var c in LessonClaims.All) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public void The_lesson_claim_holds_over_seeds(string id)
    {
        var claim = LessonClaims.All.Single(c => c.Id == id);
        var held = new bool?[LessonClaims.Seeds];
        Parallel.For(0, LessonClaims.Seeds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ulong seed = (ulong)i + 1;
            var run = Run(claim.Scenario, seed);
            var other = claim.ComparedWith is null ? null : Run(claim.ComparedWith, seed);
            held[i] = claim.Applies is { } applies && !applies(run, other) ? null : claim.Holds(run, other);
        });
        int k = held.Count(h => h == true), n = held.Count(h => h is not null);
        var (low, high) = n > 0 ? Wilson(k, n) : (0.0, 1.0);
        var failed = Enumerable.Range(1, held.Length).Where(s => held[s - 1] == false);
        string of = claim.Applies is null ? $"{n} seeds" : $"{n} seeds it applies to (of {held.Length})";
        string observed = FormattableString.Invariant(
            $"{claim.Id} ({claim.Scenario}): \"{claim.Words}\" held in {k} of {of} ({(n > 0 ? (double)k / n : 0):P0}, 95% interval {low:P0}–{high:P0}); ");
        string needed = FormattableString.Invariant(
            $"the lesson needs the interval's lower end at {claim.MinShare:P0} or more. Seeds where it failed: {string.Join(", ", failed)}. ");
        output.WriteLine(observed);
        // docs/teaching.md states the count: "`id`: k of n" (it says what the test found, so it must stay true).
        string plan = Regex.Replace(File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "docs", "teaching.md")), @"\s+", " ");
        Assert.True(plan.Contains(FormattableString.Invariant($"`{claim.Id}`: {k} of {n}"), StringComparison.Ordinal),
            observed + $"docs/teaching.md must state this claim's count as \"`{claim.Id}`: {k} of {n}\" (the test observed it).");
        if (claim.KnownFailure is { } why)
        {
            Assert.False(low >= claim.MinShare, observed + "This claim is a known failure (" + why + ") but now holds: " +
                "remove its KnownFailure in LessonClaims.cs and say so in docs/teaching.md.");
            return;
        }
        Assert.True(n >= LessonClaims.Seeds / 3, observed + $"The claim applies to too few runs to be tested (fewer than {LessonClaims.Seeds / 3}).");
        Assert.True(low >= claim.MinShare, observed + needed +
            "If the model changed, rewrite the claim in LessonClaims.cs and docs/teaching.md to what the model now does.");
    }

    [Fact]
    public void A_measure_can_fail_the_claim_is_not_true_of_every_run()
    {
        // The tight state's claim is false for the open state: the measures look at the run, not a constant.
        var claim = LessonClaims.All.Single(c => c.Id == "L1-no-negotiation");
        var open = Run(new LessonVariant("1-tight-state.yaml", "state.openness=0.85"), 1);
        Assert.False(claim.Holds(open, null));
        var boomerang = LessonClaims.All.Single(c => c.Id == "L2-openness-rises");
        Assert.False(boomerang.Holds(Run(new LessonVariant("1-tight-state.yaml"), 1), null));
    }

    [Fact]
    public void Lesson_one_at_the_class_seed_is_two_fizzles_whose_highest_week_is_eight_percent()
    {
        // docs/teaching.md, lesson 1, answer 2: seed 1 is two fizzles whose highest week brings out 8% of the activists.
        string plan = Regex.Replace(File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "docs", "teaching.md")), @"\s+", " ");
        Assert.Contains("Seed 1, the class's run, is one of them: two fizzles, whose highest week brings out 8% of the activists", plan);
        var run = Run(new LessonVariant("1-tight-state.yaml"), 1);
        var cycles = run.Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
        Assert.Equal(2, cycles.Count);
        Assert.All(cycles, c => Assert.Equal(Core.Stages.Outcome.Fizzle, c.Outcome));
        Assert.InRange(run.Headline.PeakParticipation, 0.07, 0.09);
    }

    [Fact]
    public void Teaching_md_cites_every_claim_and_no_other()
    {
        string plan = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "docs", "teaching.md"));
        var cited = Regex.Matches(plan, @"`(L\d-[a-z0-9-]+)`").Select(m => m.Groups[1].Value).ToHashSet();
        var ids = LessonClaims.All.Select(c => c.Id).ToHashSet();
        Assert.Empty(ids.Except(cited));
        Assert.Empty(cited.Except(ids));
        Assert.Equal(ids.Count, LessonClaims.All.Count); // ids are unique
    }

    /// <summary>The 95% Wilson score interval of k successes in n.</summary>
    internal static (double Low, double High) Wilson(int k, int n)
    {
        const double z = 1.959963984540054;
        double p = (double)k / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    [Fact]
    public void Wilson_interval_matches_a_known_value()
    {
        // 28 of 30: Wilson 95% interval 0.787–0.982 (Newcombe 1998's formula, computed by hand).
        var (low, high) = Wilson(28, 30);
        Assert.InRange(low, 0.786, 0.788);
        Assert.InRange(high, 0.981, 0.983);
        Assert.Equal(1.0, Wilson(30, 30).High, 9);
    }
}
