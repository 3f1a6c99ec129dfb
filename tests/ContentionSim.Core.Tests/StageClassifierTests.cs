using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The stage classifier fed crafted observables. Smoothing = 1 (no smoothing) and
/// 1,000 activists (so counts are rates per 1,000) make every criterion readable off
/// the script; Dwell = 3 means a stage is entered on the third consecutive tick its
/// criterion holds.
/// </summary>
public class StageClassifierTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static ClassifierParameters Unsmoothed(int dwell = 3) => new()
    {
        Smoothing = 1,
        Dwell = dwell,
        OnsetMargin = 0.02,
        EndMargin = 0.01,
        FrameRise = 0.05,
        InteractionRise = 2.0,
        RiseSlowdown = 0.5,
        DeclineFraction = 0.95,
        ExhaustionShare = 0.05,
        ViolenceRate = 1.0,
        InstitutionalizedShare = 0.1,
        PolarizationRise = 0.05,
        WithdrawalFraction = 0.85,
        ConfrontationRise = 2.0,
        StateResponseShare = 0.5,
        ResponseFraction = 0.5,
        SuppressionRatio = 2.0,
        EndFraction = 0.3,
        BaselineWindow = 26,
    };

    /// <summary>Builds a series of ticks, numbered from 1, a run of equal ticks at a time.</summary>
    private sealed class Script
    {
        private readonly List<StageInput> _ticks = [];
        public int Activists { get; init; } = 1000;
        public int LastTick => _ticks.Count;
        public IReadOnlyList<StageInput> Ticks => _ticks;

        public Script Add(int count, double participation, double frame = 0.10, double radical = 0.2,
            int interactions = 0, int violent = 0, int cooptations = 0, int repression = 0,
            int facilitation = 0, int concessions = 0, bool turnover = false,
            double repressionLevel = 0, double facilitationLevel = 0, int exhausted = 0, int coopted = 0)
        {
            for (int k = 0; k < count; k++)
                _ticks.Add(new StageInput
                {
                    Tick = _ticks.Count + 1,
                    Turnover = turnover,
                    Values = new TickValues
                    {
                        Activists = Activists,
                        Active = (int)Math.Round(participation * Activists),
                        Exhausted = exhausted,
                        Coopted = coopted,
                        Participation = participation,
                        FrameAdoption = frame,
                        RadicalShare = radical,
                        SectorsEngaged = 2,
                        Interactions = interactions,
                        ViolentActs = violent,
                        Cooptations = cooptations,
                        RepressionEvents = repression,
                        FacilitationEvents = facilitation,
                        Concessions = concessions,
                        RepressionLevel = repressionLevel,
                        FacilitationLevel = facilitationLevel,
                    },
                });
            return this;
        }

        /// <summary>Feeds every tick; returns the stage after each one (index 0 = tick 1).</summary>
        public List<Stage> Feed(StageClassifier classifier)
        {
            var stages = new List<Stage>();
            foreach (var x in _ticks)
            {
                classifier.Observe(x);
                stages.Add(classifier.Current);
            }
            return stages;
        }
    }

    public enum Ending { Suppressed, Negotiated, SuppressedDespiteConcession, Faded, Turnover }

    /// <summary>
    /// A full cycle, tick by tick (participation P, frame F, interactions I per 1,000; 1,000 activists):
    /// 1–5 baseline P .05 · 6–8 P .10 (above .05 + .02: opens on tick 8) ·
    /// 9–11 P .20, F .20 (+.10 since onset: stage 2 on 11; the fastest rise, .10, on 9) ·
    /// 12 P .30, I 2 (rising as fast as ever) · 13–15 P .35, .375, .40, I 2 (the rise at half its
    /// fastest pace or less, with interaction: stage 3 on 15, the peak) · 16–17 P .40 ·
    /// 18–20 P .30 ≤ .95 × .40 with 100 exhausted (.10 ≥ .05 × .40), radical share .2 → .6 (stage 4 on 20) ·
    /// 21–23 one violent act a tick among 300 active (3.3 per 1,000 active, none at the peak: stage 5 on 23, by violence) ·
    /// 24–26 P .20 ≤ .5 × .40 with state responses only (stage 6 on 26) ·
    /// 27–29 P .10 ≤ .3 × .40 (cycle ends on 29) · 30–34 quiet at .10.
    /// </summary>
    private static Script FullCycle(Ending ending = Ending.Suppressed)
    {
        var s = new Script()
            .Add(5, 0.05)
            .Add(3, 0.10)
            .Add(3, 0.20, frame: 0.20)
            .Add(1, 0.30, frame: 0.25, interactions: 2)
            .Add(1, 0.35, frame: 0.30, interactions: 2)
            .Add(1, 0.375, frame: 0.30, interactions: 2)
            .Add(1, 0.40, frame: 0.30, interactions: 2)
            .Add(1, 0.40, frame: 0.30, interactions: 2, turnover: ending == Ending.Turnover)
            .Add(1, 0.40, frame: 0.30, interactions: 2);
        s.Add(3, 0.30, frame: 0.30, radical: 0.6, interactions: 2, exhausted: 100)
         .Add(3, 0.30, frame: 0.30, radical: 0.6, violent: 1, exhausted: 100);
        switch (ending)
        {
            case Ending.Negotiated:
                s.Add(1, 0.20, radical: 0.6, cooptations: 2, facilitation: 1, concessions: 1, facilitationLevel: 0.5)
                 .Add(2, 0.20, radical: 0.6, cooptations: 2, facilitation: 1, facilitationLevel: 0.5);
                break;
            case Ending.SuppressedDespiteConcession:
                s.Add(1, 0.20, radical: 0.6, cooptations: 1, repression: 3, facilitation: 1, concessions: 1, repressionLevel: 0.5, facilitationLevel: 0.2)
                 .Add(2, 0.20, radical: 0.6, cooptations: 1, repression: 3, repressionLevel: 0.5);
                break;
            case Ending.Faded:
                // A repressive stance, but one arrest a tick against two co-optations: repression does not dominate.
                s.Add(3, 0.20, radical: 0.6, cooptations: 2, repression: 1, repressionLevel: 0.4);
                break;
            default:
                s.Add(3, 0.20, radical: 0.6, repression: 2, repressionLevel: 0.4);
                break;
        }
        return s.Add(3, 0.10).Add(5, 0.10);
    }

    private static string P(double share, int decimals) => share.ToString("P" + decimals, Inv);

    [Fact]
    public void Full_cycle_enters_each_stage_in_order_after_dwell_ticks_of_its_criterion()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        var stages = FullCycle().Feed(classifier);

        Assert.Equal(
            new[] { (Stage.ConflictAndDiffusion, 8), (Stage.RepertoiresAndFrames, 11), (Stage.InformationAndInteraction, 15),
             (Stage.ExhaustionAndPolarization, 20), (Stage.ViolenceAndInstitutionalization, 23), (Stage.FacilitationAndRepression, 26) },
            classifier.Entries.Select(e => (e.Stage, e.Tick)));
        Assert.All(classifier.Entries, e => Assert.Equal(1, e.Cycle));
        Assert.All(classifier.Entries, e => Assert.Equal("m", e.Movement));

        // Per tick: latent until 7, each stage from its entry tick, latent again from 29.
        Assert.Equal(Stage.Latent, stages[6]);
        Assert.Equal(Stage.ConflictAndDiffusion, stages[7]);
        Assert.Equal(Stage.ConflictAndDiffusion, stages[9]);
        Assert.Equal(Stage.RepertoiresAndFrames, stages[10]);
        Assert.Equal(Stage.InformationAndInteraction, stages[18]);
        Assert.Equal(Stage.ExhaustionAndPolarization, stages[19]);
        Assert.Equal(Stage.ViolenceAndInstitutionalization, stages[22]);
        Assert.Equal(Stage.FacilitationAndRepression, stages[27]);
        Assert.Equal(Stage.Latent, stages[28]);
        Assert.All(stages.Skip(28), s => Assert.Equal(Stage.Latent, s));

        var cycle = Assert.Single(classifier.Cycles);
        Assert.Equal(8, cycle.StartTick);
        Assert.Equal(29, cycle.EndTick);
        Assert.Equal(15, cycle.PeakTick);
        Assert.Equal(0.40, cycle.PeakParticipation, 12);
        Assert.Equal(Stage.FacilitationAndRepression, cycle.HighestStage);
        // Each stage lasts from its entry to the next entry (the last to the end of the cycle).
        Assert.Equal(new[] { 0, 3, 4, 5, 3, 3, 3 }, cycle.StageDurations);
        Assert.Equal(3, cycle.ViolentActs);
        Assert.Equal(3, cycle.ViolentActsLate);
        Assert.Equal(3, cycle.ViolentActsAfterPeak);
        Assert.Equal((1, 0), (cycle.Stage5ByViolence, cycle.Stage5ByInstitutionalization));
        Assert.Equal(6, cycle.RepressionEvents);
        Assert.Equal(1, classifier.Cycle);
    }

    [Fact]
    public void With_dwell_one_each_stage_is_entered_on_the_first_tick_its_criterion_holds()
    {
        var classifier = new StageClassifier("m", Unsmoothed(dwell: 1));
        FullCycle().Feed(classifier);

        // Criteria first hold on ticks 6 (onset), 9 (frame), 13 (the rise slows with interaction),
        // 18 (decline with exhaustion), 21 (violence), 24 (state response); the cycle ends on 27.
        Assert.Equal(new[] { 6, 9, 13, 18, 21, 24 }, classifier.Entries.Select(e => e.Tick));
        Assert.Equal(StageText.Cycle, classifier.Entries.Select(e => e.Stage));
        Assert.Equal(27, Assert.Single(classifier.Cycles).EndTick);
    }

    [Fact]
    public void Smoothing_delays_the_onset_of_a_step()
    {
        var step = new Script().Add(5, 0.05).Add(20, 0.10);
        var raw = new StageClassifier("m", Unsmoothed());
        var smooth = new StageClassifier("m", Unsmoothed() with { Smoothing = 0.25 });
        step.Feed(raw);
        step.Feed(smooth);

        int rawOnset = Assert.Single(raw.Entries).Tick;
        int smoothOnset = Assert.Single(smooth.Entries).Tick;
        Assert.Equal(8, rawOnset);
        // The moving average needs two ticks to pass .07 (.0625, then .0719), then three to dwell.
        Assert.Equal(9, smoothOnset);
        Assert.True(smooth.SmoothedParticipation < 0.10 && smooth.SmoothedParticipation > 0.099);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_blip_shorter_than_the_dwell_does_not_open_a_cycle(int blip)
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        var stages = new Script().Add(5, 0.05).Add(blip, 0.20).Add(10, 0.05).Add(blip, 0.20).Add(10, 0.05).Feed(classifier);

        Assert.All(stages, s => Assert.Equal(Stage.Latent, s));
        Assert.Empty(classifier.Entries);
        Assert.Equal(0, classifier.Cycle);
        classifier.Finish(stages.Count);
        Assert.Empty(classifier.Cycles);
    }

    [Fact]
    public void A_rise_as_long_as_the_dwell_opens_a_cycle()
    {
        // Control for the blip test: the same rise held for Dwell ticks does open.
        var classifier = new StageClassifier("m", Unsmoothed());
        new Script().Add(5, 0.05).Add(3, 0.20).Add(10, 0.05).Feed(classifier);

        Assert.Equal(8, Assert.Single(classifier.Entries).Tick);
    }

    [Fact]
    public void Dipping_below_the_end_level_for_fewer_than_dwell_ticks_does_not_end_the_cycle()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        var s = new Script()
            .Add(5, 0.05).Add(3, 0.10)
            .Add(3, 0.20, frame: 0.20)
            .Add(3, 0.30, frame: 0.25, interactions: 2)
            .Add(1, 0.35, frame: 0.30, interactions: 2).Add(1, 0.375, frame: 0.30, interactions: 2) // the rise slows: stage 3 on 15
            .Add(1, 0.40, frame: 0.30, interactions: 2) // peak .40: the cycle ends at or below .3 × .40 = .12
            .Add(1, 0.10).Add(1, 0.40, interactions: 2)   // one tick down (18)
            .Add(2, 0.10).Add(1, 0.40, interactions: 2);  // two ticks down (20, 21)
        var stages = s.Feed(classifier);

        Assert.Empty(classifier.Cycles);
        Assert.Equal(Stage.InformationAndInteraction, stages[^1]);
        // Nor do the dips count as the decline of stage 4: it needs three ticks in a row too.
        Assert.DoesNotContain(classifier.Entries, e => e.Stage == Stage.ExhaustionAndPolarization);

        // Three ticks down end it, on the third.
        s.Add(3, 0.10);
        foreach (var x in s.Ticks.Skip(stages.Count)) classifier.Observe(x);
        Assert.Equal(s.LastTick, Assert.Single(classifier.Cycles).EndTick);
    }

    [Fact]
    public void A_level_between_the_end_and_onset_margins_neither_opens_nor_ends_a_cycle()
    {
        // EndFraction 0 isolates the margins: the cycle ends at baseline + .01, opens above baseline + .02.
        var p = Unsmoothed() with { EndFraction = 0 };

        var quiet = new StageClassifier("m", p);
        new Script().Add(5, 0.05).Add(30, 0.065).Feed(quiet);
        Assert.Empty(quiet.Entries);

        var open = new StageClassifier("m", p);
        var s = new Script().Add(5, 0.05).Add(3, 0.10).Add(30, 0.065);
        s.Feed(open);
        Assert.Equal(Stage.ConflictAndDiffusion, open.Current);
        Assert.Empty(open.Cycles);

        s.Add(3, 0.055);
        foreach (var x in s.Ticks.Skip(38)) open.Observe(x);
        Assert.Equal(41, Assert.Single(open.Cycles).EndTick);
    }

    [Fact]
    public void A_rise_that_falls_back_before_stage_three_is_one_fizzle()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        new Script().Add(5, 0.05).Add(5, 0.10).Add(3, 0.05).Add(10, 0.05).Feed(classifier);

        var cycle = Assert.Single(classifier.Cycles);
        Assert.Equal(Outcome.Fizzle, cycle.Outcome);
        Assert.Equal(8, cycle.StartTick);
        Assert.Equal(13, cycle.EndTick);
        Assert.Equal(Stage.ConflictAndDiffusion, cycle.HighestStage);
        Assert.Equal(Stage.Latent, classifier.Current);
    }

    [Fact]
    public void A_fizzle_may_reach_stage_two_but_not_stage_three()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        new Script().Add(5, 0.05).Add(3, 0.10).Add(5, 0.20, frame: 0.30).Add(3, 0.05, frame: 0.30).Feed(classifier);

        Assert.Equal(new[] { Stage.ConflictAndDiffusion, Stage.RepertoiresAndFrames }, classifier.Entries.Select(e => e.Stage));
        var cycle = Assert.Single(classifier.Cycles);
        Assert.Equal(Outcome.Fizzle, cycle.Outcome);
        Assert.Equal(Stage.RepertoiresAndFrames, cycle.HighestStage);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4000)]
    public void Stage_three_needs_interaction_to_rise_over_its_quiet_level_at_any_size(int activists)
    {
        // Tarrow's "increased" interaction: a doubling over the quiet level before the cycle opened,
        // not a level. k = activists / 1,000, so the counts are the same rates per 1,000 at either size.
        int k = activists / 1000;
        Outcome OutcomeWith(int quiet, int atOnset, int later)
        {
            var c = new StageClassifier("m", Unsmoothed());
            new Script { Activists = activists }
                .Add(5, 0.05, interactions: quiet * k).Add(3, 0.10, interactions: atOnset * k)
                .Add(9, 0.30, frame: 0.30, interactions: later * k).Add(3, 0.05, frame: 0.30).Feed(c);
            return Assert.Single(c.Cycles).Outcome;
        }

        // 2 per 1,000 a tick throughout: high, but no higher than when quiet: the cycle fizzles.
        Assert.Equal(Outcome.Fizzle, OutcomeWith(2, 2, 2));
        // 1 per 1,000 when quiet, 2 later: a doubling, so stage 3 (and the cycle is not a fizzle).
        Assert.NotEqual(Outcome.Fizzle, OutcomeWith(1, 1, 2));
        // Just short of a doubling: a fizzle.
        Assert.Equal(Outcome.Fizzle, OutcomeWith(2, 2, 3));
        // The reference is the quiet level, not the rate in the ticks the cycle was opening.
        Assert.NotEqual(Outcome.Fizzle, OutcomeWith(1, 2, 2));
    }

    [Fact]
    public void Interaction_alone_does_not_skip_the_frames_of_stage_two()
    {
        // Interaction at the rate of stage 3 from tick 9, but the frame does not spread: the
        // cycle stays in stage 1 (Tarrow's order: frames before interaction peaks).
        var noFrame = new StageClassifier("m", Unsmoothed());
        var stages = new Script().Add(5, 0.05).Add(3, 0.10).Add(8, 0.30, interactions: 2).Feed(noFrame);
        Assert.Equal(Stage.ConflictAndDiffusion, stages[^1]);
        Assert.Single(noFrame.Entries);

        // Both criteria from tick 9: frames first (on 11), then interaction three ticks later (on 14).
        var both = new StageClassifier("m", Unsmoothed());
        new Script().Add(5, 0.05).Add(3, 0.10).Add(8, 0.30, frame: 0.30, interactions: 2).Feed(both);
        Assert.Equal(new[] { (Stage.ConflictAndDiffusion, 8), (Stage.RepertoiresAndFrames, 11), (Stage.InformationAndInteraction, 14) },
            both.Entries.Select(e => (e.Stage, e.Tick)));
    }

    [Fact]
    public void A_frame_already_saturated_at_onset_lets_interaction_skip_stage_two()
    {
        // Frame adoption .97 at onset cannot rise by .05: stage 3 follows stage 1 directly, once the
        // rise has slowed (tick 9 is the fastest rise; 10–12 are flat).
        var classifier = new StageClassifier("m", Unsmoothed());
        new Script().Add(5, 0.05, frame: 0.97).Add(3, 0.10, frame: 0.97).Add(6, 0.30, frame: 0.97, interactions: 2).Feed(classifier);

        Assert.Equal(new[] { (Stage.ConflictAndDiffusion, 8), (Stage.InformationAndInteraction, 12) },
            classifier.Entries.Select(e => (e.Stage, e.Tick)));
    }

    [Theory]
    [InlineData(Ending.Suppressed, Outcome.Suppressed)]
    [InlineData(Ending.Negotiated, Outcome.Negotiated)]
    [InlineData(Ending.SuppressedDespiteConcession, Outcome.Suppressed)]
    [InlineData(Ending.Faded, Outcome.Faded)]
    [InlineData(Ending.Turnover, Outcome.RevolutionaryTurnover)]
    public void The_outcome_follows_the_counts_of_the_cycle(Ending ending, Outcome expected)
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        FullCycle(ending).Feed(classifier);

        var cycle = Assert.Single(classifier.Cycles);
        Assert.Equal(expected, cycle.Outcome);
        Assert.Equal(29, cycle.EndTick);
        Assert.Equal(Stage.FacilitationAndRepression, cycle.HighestStage);
        // The cycle carries the counts it was judged on (Reporting words them).
        var (cooptations, talks, arrests) = ending switch
        {
            Ending.Negotiated => (6, 3, 0),
            Ending.SuppressedDespiteConcession => (3, 1, 9),
            Ending.Faded => (6, 0, 3),
            Ending.Turnover or Ending.Suppressed => (0, 0, 6),
            _ => throw new ArgumentOutOfRangeException(nameof(ending)),
        };
        Assert.Equal((cooptations, talks, arrests), (cycle.Cooptations, cycle.FacilitationEvents, cycle.RepressionEvents));
        Assert.Equal(ending == Ending.Negotiated ? 1 : ending == Ending.SuppressedDespiteConcession ? 1 : 0, cycle.Concessions);
    }

    [Fact]
    public void Finish_marks_an_open_cycle_ongoing()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        var all = FullCycle().Ticks;
        foreach (var x in all.Take(21)) classifier.Observe(x);
        Assert.Equal(Stage.ExhaustionAndPolarization, classifier.Current);
        Assert.Empty(classifier.Cycles);

        classifier.Finish(21);

        var cycle = Assert.Single(classifier.Cycles);
        Assert.Equal(Outcome.Ongoing, cycle.Outcome);
        Assert.Null(cycle.EndTick);
        Assert.Equal(8, cycle.StartTick);
        Assert.Equal(Stage.ExhaustionAndPolarization, cycle.HighestStage);
    }

    [Fact]
    public void Finish_while_latent_adds_no_cycle()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        FullCycle().Feed(classifier);
        classifier.Finish(35);

        Assert.Single(classifier.Cycles);
    }

    [Fact]
    public void An_ended_cycle_leaves_its_level_as_the_new_baseline()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        var s = FullCycle(); // ends on 29 at .10, above the old baseline of .05
        s.Feed(classifier);
        Assert.Equal(0.10, classifier.Baseline, 12);

        // .115 would have opened a cycle over the old baseline (.05 + .02) but not over the new one.
        var more = FullCycle().Add(5, 0.115).Add(3, 0.25).Add(2, 0.25);
        var second = new StageClassifier("m", Unsmoothed());
        more.Feed(second);

        Assert.Equal(2, second.Cycle);
        var onset = second.Entries[^1];
        Assert.Equal((2, Stage.ConflictAndDiffusion, 42), (onset.Cycle, onset.Stage, onset.Tick));
    }

    [Fact]
    public void The_baseline_follows_participation_down_at_once()
    {
        // After a fall to .02 the baseline is .02, so a return to .05 (above .02 + .02) is a rise.
        var classifier = new StageClassifier("m", Unsmoothed());
        new Script().Add(5, 0.05).Add(1, 0.02).Add(3, 0.05).Feed(classifier);

        Assert.Equal(9, Assert.Single(classifier.Entries).Tick);
    }

    [Fact]
    public void Entries_carry_the_values_that_met_the_criterion()
    {
        var classifier = new StageClassifier("m", Unsmoothed());
        FullCycle().Feed(classifier);
        var e = classifier.Entries.ToDictionary(x => x.Stage);

        var onset = e[Stage.ConflictAndDiffusion];
        Assert.Equal(0.05, onset.Baseline, 12);
        Assert.Equal(0.10, onset.Participation, 12);

        var frames = e[Stage.RepertoiresAndFrames];
        Assert.Equal(0.10, frames.FrameAtStart, 12);
        Assert.Equal(0.20, frames.FrameAdoption, 12);

        var interaction = e[Stage.InformationAndInteraction];
        Assert.Equal(2.0, interaction.InteractionRate, 12);

        var exhaustion = e[Stage.ExhaustionAndPolarization];
        Assert.Equal(0.30, exhaustion.Participation, 12);
        Assert.Equal(0.40, exhaustion.PeakParticipation, 12);
        Assert.Equal(0.20, exhaustion.RadicalShareAtPeak, 12);
        Assert.Equal(0.60, exhaustion.RadicalShare, 12);

        Assert.Equal(0.75, exhaustion.Measure(StageMeasure.ShareOfPeak), 12);
        Assert.Equal(0.25, exhaustion.Measure(StageMeasure.ExhaustedPerMobilized), 12); // 100 of 1,000 exhausted, .40 mobilized at the peak

        var violence = e[Stage.ViolenceAndInstitutionalization];
        Assert.Equal((3, 0), (violence.ViolentActsSinceExhaustion, violence.CooptationsSinceExhaustion));
        Assert.Equal(StageRules.Violence, violence.Route);
        Assert.Equal(1000.0 / 300, violence.Measure(StageMeasure.ViolenceRate), 9); // one act among 300 active
        Assert.Equal(double.PositiveInfinity, violence.Measure(StageMeasure.ViolenceRise)); // none at the peak
        Assert.Equal(3, violence.ViolentActs);

        var response = e[Stage.FacilitationAndRepression];
        Assert.Equal(1.0, response.Measure(StageMeasure.StateResponseShare), 12);  // all acts since stage 5 were the state's
        Assert.Equal(0.50, response.Participation / response.PeakParticipation, 9); // participation .20 of the .40 peak
        Assert.Equal(6, response.RepressionEvents);
        Assert.All(classifier.Entries, x => Assert.Equal(2, x.SectorsEngaged));
    }

    [Fact]
    public void Stages_only_advance_within_a_cycle()
    {
        // A recovery after stage 4 (participation back at the peak) does not move the stage back.
        var classifier = new StageClassifier("m", Unsmoothed());
        var stages = new Script()
            .Add(5, 0.05).Add(3, 0.10)
            .Add(3, 0.20, frame: 0.20)
            .Add(6, 0.30, frame: 0.20, interactions: 2)
            .Add(3, 0.20, frame: 0.20, exhausted: 100).Add(6, 0.30, frame: 0.20, interactions: 2)
            .Feed(classifier);

        Assert.Equal(Stage.ExhaustionAndPolarization, stages[^1]);
        for (int i = 1; i < stages.Count; i++) Assert.True(stages[i] >= stages[i - 1], $"stage fell back at tick {i + 1}");
    }

    [Fact]
    public void Stage_five_is_entered_by_institutionalization_when_the_co_opted_outgrow_the_street()
    {
        // As the full cycle, but 60 co-opted against 300 active (0.2 per active, none at the peak) instead of violence after stage 4.
        var s = new Script()
            .Add(5, 0.05).Add(3, 0.10).Add(3, 0.20, frame: 0.20)
            .Add(1, 0.30, frame: 0.25, interactions: 2).Add(1, 0.35, interactions: 2).Add(1, 0.375, interactions: 2).Add(3, 0.40, interactions: 2)
            .Add(3, 0.30, exhausted: 100).Add(3, 0.30, coopted: 60, exhausted: 100).Add(3, 0.30);
        var classifier = new StageClassifier("m", Unsmoothed());
        s.Feed(classifier);
        classifier.Finish(s.LastTick);

        var entry = classifier.Entries.Single(x => x.Stage == Stage.ViolenceAndInstitutionalization);
        Assert.Equal((23, StageRules.Institutionalization), (entry.Tick, entry.Route));
        var cycle = Assert.Single(classifier.Cycles);
        Assert.Equal((0, 1), (cycle.Stage5ByViolence, cycle.Stage5ByInstitutionalization));
    }

    [Fact]
    public void Violence_after_the_peak_is_counted_within_the_cycle_from_the_peak_tick()
    {
        // Two acts on the way up, one at the peak tick and four after it; the cycle ends on 18 (later acts are outside it).
        var s = new Script()
            .Add(5, 0.05).Add(3, 0.10).Add(2, 0.30, violent: 1).Add(1, 0.40, violent: 1).Add(4, 0.35, violent: 1).Add(3, 0.05).Add(3, 0.05, violent: 5);
        var classifier = new StageClassifier("m", Unsmoothed());
        s.Feed(classifier);

        var cycle = Assert.Single(classifier.Cycles);
        Assert.Equal((11, 18), (cycle.PeakTick, cycle.EndTick));
        Assert.Equal((7, 4), (cycle.ViolentActs, cycle.ViolentActsAfterPeak));
    }
}
