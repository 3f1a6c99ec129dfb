using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Tests;

public class RunSummaryTests
{
    [Fact]
    public void Summarizes_cycles_outcomes_peaks_and_counts()
    {
        var lines = RunSummary.Lines(TestRuns.Sample());
        Assert.Equal("Test wave: seed 18446744073709551557, 120 weeks, 1,000 activists in 1 movement.", lines[0]);
        Assert.Contains("2 cycles: 2 of contention (1 ended, 1 still under way) and 0 fizzles (fell back before stage 3).", lines);
        Assert.Contains(lines, l => l.Contains("Cycle 1: negotiated") && l.Contains("smoothed peak 42% at week 45") && l.Contains("week 10–100"));
        Assert.Contains(lines, l => l.Contains("Cycle 2: ongoing") && l.Contains("still under way"));
        Assert.Contains(lines, l => l.StartsWith("Peak participation 42.1% at week 45", StringComparison.Ordinal) && l.Contains("35 weeks after onset"));
        Assert.Contains(lines, l => l.Contains("Violent acts 14 (within cycles: 92.9% after the peak, 85.7% in demobilization, stages 4–6)") && l.Contains("repression events 30") && l.Contains("facilitation events 40"));
        Assert.All(lines, l => Assert.DoesNotContain('\n', l));
    }

    [Theory]
    [InlineData(new[] { Outcome.Fizzle, Outcome.Fizzle, Outcome.Suppressed, Outcome.Fizzle, Outcome.Fizzle, Outcome.Fizzle, Outcome.Ongoing },
        "7 cycles: 2 of contention (1 ended, 1 still under way) and 5 fizzles (fell back before stage 3)")]
    [InlineData(new[] { Outcome.Negotiated }, "1 cycle: 1 of contention (1 ended) and 0 fizzles (fell back before stage 3)")]
    [InlineData(new[] { Outcome.Fizzle }, "1 cycle: 0 of contention and 1 fizzle (fell back before stage 3)")]
    public void Cycle_counts_add_up_to_the_cycles_listed(Outcome[] outcomes, string expected)
    {
        // The teacher saw "2 cycles of contention (1 completed, 5 fizzled)" above a list of 7 cycles.
        Assert.Equal(expected, RunSummary.CycleCounts(outcomes));
    }

    [Fact]
    public void The_summary_counts_every_cycle_it_lists_and_says_which_peaks_are_smoothed()
    {
        var lines = RunSummary.Lines(TestRuns.Sample());
        int listed = lines.Count(l => l.StartsWith("  Cycle ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{listed} cycles: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("smoothed") && l.Contains("highest value of a single week"));
    }

    [Fact]
    public void Says_where_the_cycles_stalled_or_ended_counting_each_once()
    {
        var sample = TestRuns.Sample();
        var lines = RunSummary.Lines(sample);
        var stages = sample.Cycles.Where(c => c.Movement == TickObservation.WaveId).Select(c => c.HighestStage).ToList();
        Assert.True(stages.Distinct().Count() > 1, "the sample's cycles reach different stages");
        string line = Assert.Single(lines, l => l.StartsWith("Highest stage reached: ", StringComparison.Ordinal));
        foreach (var g in stages.GroupBy(x => x))
            Assert.Contains($"stage {(int)g.Key} ({StageText.Name(g.Key)}) in {g.Count()}", line);
        Assert.EndsWith($" of {stages.Count} cycles.", line);

        // One cycle says it on its own line already: no summary line.
        var one = sample with { Cycles = [sample.Cycles[0]] };
        Assert.DoesNotContain(RunSummary.Lines(one), l => l.StartsWith("Highest stage reached", StringComparison.Ordinal));
    }

    [Fact]
    public void Uses_dots_whatever_the_culture()
    {
        string text;
        using (new CultureScope("de-DE")) text = RunSummary.Text(TestRuns.Sample());
        Assert.Contains("42.1%", text);
        Assert.DoesNotContain("42,1", text);
        Assert.Equal(RunSummary.Text(TestRuns.Sample()), text);
    }

    [Fact]
    public void Says_so_when_there_was_no_cycle()
    {
        var run = TestRuns.Sample() with { Cycles = [], Headline = new Headline { TimeToPeak = -1 } };
        var lines = RunSummary.Lines(run);
        Assert.Contains(lines, l => l.StartsWith("No cycle of contention", StringComparison.Ordinal));
        // How far the movement got is still said (japan-2007's users ask), without a time from onset.
        Assert.Contains(lines, l => l.StartsWith("Peak participation", StringComparison.Ordinal) && l.EndsWith("; no cycle began.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("after onset"));
        Assert.DoesNotContain(lines, l => l.Contains("in demobilization"));
    }

    [Theory]
    [InlineData(0.4212, "42.1%")]
    [InlineData(0.5, "50%")]
    [InlineData(-0.0001, "0%")]
    [InlineData(double.NaN, "n/a")]
    public void Percent_formats_shares(double share, string expected) => Assert.Equal(expected, RunSummary.Percent(share));
}
