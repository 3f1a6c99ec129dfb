using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Scale;
using ContentionSim.Experiments.Validation;
using ContentionSim.Scenarios;
using Xunit.Abstractions;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>
/// The generated section "The shipped scenarios: magnitudes and stages" of docs/validation.md: rendered from hand-built
/// runs (medians, quartiles, ranges, slivers, stage 5's routes), run on the shipped scenarios at quick size, the same
/// for any number of runs at once.
/// </summary>
public sealed class ShippedScenariosTests(ITestOutputHelper log)
{
    private static string Repo(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new InvalidOperationException($"ContentionSim.sln not found above {AppContext.BaseDirectory}");
    }

    private static ShippedCycle Cycle(int s1, int s2, int s5, bool violence = false, bool institutions = false) =>
        new([0, s1, s2, 10, 10, s5, 10], s5 > 0, violence, institutions);

    private static ShippedRun Run(ulong seed, double peak, int cycles, int weeksAbove = 0, params ShippedCycle[] completed) =>
        new(seed, peak, cycles, weeksAbove, completed);

    /// <summary>open-pos: peaks 2, 5, 10, 20% (median 7.5%); four completed cycles with known stage 1, 2 and 5 durations.</summary>
    private static ShippedScenariosResult HandBuilt(ScaleSummary? scale = null) => new("quick size", 4,
    [
        new("scenarios/open-pos.yaml", "open-pos", 3,
        [
            Run(1, 0.02, 0),
            Run(2, 0.05, 1, 0, Cycle(2, 1, 0)),
            Run(3, 0.10, 2, 5, Cycle(4, 3, 2, violence: true), Cycle(6, 4, 5, institutions: true)),
            Run(4, 0.20, 3, 0, Cycle(8, 10, 7, violence: true, institutions: true)),
        ]),
        new("scenarios/japan-2007.yaml", "japan-2007", 3, [Run(1, 0.001, 0), Run(2, 0.002, 0), Run(3, 0.006, 0), Run(4, 0.003, 0)]),
        new("scenarios/granovetter.yaml", "granovetter", 3, [Run(1, 1.0, 0, 100), Run(2, 1.0, 0, 100), Run(3, 1.0, 0, 100), Run(4, 1.0, 0, 100)]),
        new("scenarios/teaching/3-exhaustion.yaml", "teaching-exhaustion", 3, [Run(1, 0.4, 1, 3), Run(2, 0.5, 1, 2), Run(3, 0.45, 1, 1), Run(4, 0.5, 1, 0)]),
    ], scale);

    private static string Row(string text, string file) =>
        text.Split('\n').First(l => l.StartsWith($"| `{file}` |", StringComparison.Ordinal));

    private static string StageRow(string text, string file) =>
        text.Split('\n').Where(l => l.StartsWith($"| `{file}` |", StringComparison.Ordinal)).ElementAt(1);

    [Fact]
    public void The_magnitudes_are_the_median_and_range_of_the_peaks_against_the_declared_target()
    {
        string text = ShippedScenariosMarkdown.Section(HandBuilt());
        log.WriteLine(text);

        Assert.StartsWith(ShippedScenariosMarkdown.Heading, text);
        Assert.Contains("run with seeds 1–4 (quick size: 4 seeds per scenario; full size 30, `--quick` 8)", text);
        // The declared targets with their sources, once.
        Assert.Contains("| `open-pos`, `boomerang`, `wave` | a strong movement at its height | 3%–15% | Klandermans & Oegema (1987)", text);
        Assert.Contains("| `japan-2007` | Japan's migrant support movement under a tight POS | 0.5%–5%, below `open-pos` |", text);
        Assert.Contains("| every scenario but `granovetter` | — | above 35% in at most 4 weeks of a run", text);
        // open-pos: median of 2, 5, 10, 20% is 7.5%; cycles 0, 1, 2, 3; 5 and 10% lie in 3–15%; one run had 5 weeks above 35%.
        Assert.Equal("| `scenarios/open-pos.yaml` | 7.5% (2%–20%) | 1.5 (3 of 4) | 3%–15% | yes | 2 of 4 | 5 (1 of 4) |", Row(text, "scenarios/open-pos.yaml"));
        // japan-2007: median 0.25%, below its range but below open-pos's median.
        Assert.Equal("| `scenarios/japan-2007.yaml` | 0.25% (0.1%–0.6%) | 0 (0 of 4) | 0.5%–5%, below `open-pos` | **no** (below); below `open-pos`'s 7.5%: yes | 1 of 4 | 0 (0 of 4) |",
            Row(text, "scenarios/japan-2007.yaml"));
        // No target declared; Granovetter exempt from the bound, with the reason.
        Assert.Equal("| `scenarios/teaching/3-exhaustion.yaml` | 47.5% (40%–50%) | 1 (4 of 4) | – | – | – | 3 (0 of 4) |", Row(text, "scenarios/teaching/3-exhaustion.yaml"));
        Assert.Contains("| `scenarios/granovetter.yaml` | 100% (100%–100%) | 0 (0 of 4) | – | – | – | – (not held to it) |", text);
        Assert.Contains("`granovetter` is not held to the bound: the model reduced to Granovetter's (1978) riot", text);
    }

    [Fact]
    public void The_stage_durations_are_medians_and_quartiles_of_completed_cycles_with_slivers_and_stage_5_routes()
    {
        string text = ShippedScenariosMarkdown.Section(HandBuilt());

        // Stage 1: 2, 4, 6, 8 → median 5, quartiles 3.5 and 6.5 (linear interpolation). Stage 2: 1, 3, 4, 10 → 3.5 [2.5–5.5];
        // two of four last ≤ 3 ticks (the dwell). Stage 5: 0, 2, 5, 7 → 3.5 [1.5–5.5]; 0 and 2 are slivers; three entered it,
        // two by violence, two by institutionalization (one by both).
        Assert.Equal("| `scenarios/open-pos.yaml` | 4 | 5 [3.5–6.5] | 3.5 [2.5–5.5] | 10 [10–10] | 10 [10–10] | 3.5 [1.5–5.5] | 10 [10–10] | 50% (2 of 4) | 50% (2 of 4) | 3 of 4 | 2 | 2 |",
            StageRow(text, "scenarios/open-pos.yaml"));
        Assert.Equal("| `scenarios/japan-2007.yaml` | 0 | – | – | – | – | – | – | – | – | – | – | – |", StageRow(text, "scenarios/japan-2007.yaml"));
    }

    [Fact]
    public void The_scale_table_gives_each_size_and_its_equivalence_verdict()
    {
        double[][] none = [.. Enumerable.Range(0, 7).Select(_ => Array.Empty<double>())];
        var scale = new ScaleSummary("scenarios/experiments/base-classroom.yaml", 4, 20_000,
        [
            new ScaleEquivalence.SizeSample(1000, [0.50, 0.52, 0.48, 0.50], [1, 1, 1, 1], none, []),
            new ScaleEquivalence.SizeSample(5000, [0.301, 0.30, 0.299, 0.30], [1, 1, 1, 1], none, []),
            new ScaleEquivalence.SizeSample(20_000, [0.30, 0.301, 0.299, 0.30], [1, 1, 1, 1], none, []),
        ]);
        string text = ShippedScenariosMarkdown.Section(HandBuilt(scale));
        log.WriteLine(text[text.IndexOf("### Scale", StringComparison.Ordinal)..]);

        Assert.Contains("| 1,000 | 50% (50%) | 1 (4 of 4) | 0 |", text);
        // Peak participation in per cent and percentage points: 50% against 30%, a difference of 20 points, margin 25% of 30%.
        Assert.Matches(@"\| Peak participation \(% of activists\) \| 1,000 \| 50% \| 30% \| 20 \[[0-9.]+, [0-9.]+\] points \| ±7\.5 points \| \*\*not shown equivalent\*\* \|", text);
        Assert.Matches(@"\| Peak participation \(% of activists\) \| 5,000 \| 30% \| 30% \| 0 \[-[0-9.]+, [0-9.]+\] points \| ±7\.5 points \| equivalent \|", text);
        Assert.Contains("| Cycles of contention (not counting fizzles) | 1,000 | 1 | 1 | 0 [0, 0] | ±0.5 | equivalent |", text);
        Assert.Contains("`ScaleEquivalenceTests.Every_measure_is_the_same_from_one_to_a_hundred_thousand_activists`", text);
    }

    [Fact]
    public void The_document_puts_the_section_after_the_summary_and_keeps_the_hand_written_text()
    {
        string first = ValidationDocument.Render([ValidationDocumentTests.Result(true)], "quick size", shipped: HandBuilt());
        string edited = first.Replace("# Validation: the stylized facts and the survey", "# Validation (edited by hand)");
        string second = ValidationDocument.Render([ValidationDocumentTests.Result(true)], "quick size", edited, shipped: HandBuilt());

        Assert.StartsWith("# Validation (edited by hand)", second);
        int summary = second.IndexOf("## Summary", StringComparison.Ordinal), section = second.IndexOf(ShippedScenariosMarkdown.Heading, StringComparison.Ordinal);
        int controls = second.IndexOf("## Negative controls", StringComparison.Ordinal);
        Assert.True(summary < section && section < controls, $"summary {summary}, section {section}, controls {controls}");
        Assert.Equal(1, second.Split(ShippedScenariosMarkdown.Heading).Length - 1);
        Assert.DoesNotContain(ShippedScenariosMarkdown.Heading, ValidationDocument.Render([ValidationDocumentTests.Result(true)], "quick size"));
    }

    [Fact]
    public void The_runs_give_the_same_section_for_any_number_at_once_and_seed_s_is_the_scenarios_seed_s()
    {
        var scenario = ScenarioLoader.LoadFile(Repo("scenarios", "teaching", "3-exhaustion.yaml")) with { Ticks = 80 };
        ShippedScenario[] shipped = [new("scenarios/teaching/3-exhaustion.yaml", scenario), new("scenarios/teaching/1-tight-state.yaml",
            ScenarioLoader.LoadFile(Repo("scenarios", "teaching", "1-tight-state.yaml")) with { Ticks = 80 })];
        var one = ShippedScenarios.Run(shipped, 3, new BatchOptions { Parallel = 1 });
        var three = ShippedScenarios.Run(shipped, 3, new BatchOptions { Parallel = 3 });

        Assert.Equal(ShippedScenariosMarkdown.Section(new("quick size", 3, one, null)), ShippedScenariosMarkdown.Section(new("quick size", 3, three, null)));
        Assert.Equal([1UL, 2UL, 3UL], one[1].Runs.Select(r => r.Seed));
        var alone = Core.Simulation.Simulator.Run(scenario with { Seed = 2 }, new Core.Simulation.RunOptions { Threads = 1, KeepSeries = true });
        Assert.Equal(ShippedScenarios.Reduce(2, alone).PeakParticipation, one[0].Runs[1].PeakParticipation);
        Assert.Equal(alone.Headline.Cycles, one[0].Runs[1].Cycles);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void At_quick_size_every_shipped_scenario_has_a_row_in_each_table()
    {
        var set = ShippedScenarios.Load(Repo("scenarios"), Repo("scenarios", "experiments"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = ShippedScenarios.Measure(set, quick: true, new BatchOptions { Parallel = 2 });
        log.WriteLine($"{set.Scenarios.Count} scenarios × {ShippedScenarios.QuickSeeds} seeds and the scale comparison in {clock.Elapsed.TotalSeconds:0.0} s");
        string text = ShippedScenariosMarkdown.Section(result);
        log.WriteLine(text);

        var files = Directory.GetFiles(Repo("scenarios"), "*.yaml").Concat(Directory.GetFiles(Repo("scenarios", "teaching"), "*.yaml"))
            .Select(f => Path.GetRelativePath(Repo(), f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, set.Scenarios.Select(s => s.File));
        foreach (var f in files)
            Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith($"| `{f}` |", StringComparison.Ordinal)));
        Assert.All(result.Scenarios, s => Assert.Equal(ShippedScenarios.QuickSeeds, s.Runs.Count));
        Assert.Equal(ShippedScenarios.ScaleSizes, result.Scale!.Samples.Select(s => s.Size));
        Assert.Equal(4, result.Scale.Comparisons().Count);
        Assert.Contains("| 20,000 |", text);
    }
}
