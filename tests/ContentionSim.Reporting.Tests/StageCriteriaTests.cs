using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Tests;

public sealed class StageCriteriaTests
{
    [Fact]
    public void Every_stage_has_a_criterion_naming_its_settings_with_their_values()
    {
        var p = new ClassifierParameters
        {
            OnsetMargin = 0.03, FrameRise = 0.07, InteractionRise = 1.5, RiseSlowdown = 0.45, DeclineFraction = 0.9, ExhaustionShare = 0.06,
            PolarizationRise = 0.08, WithdrawalFraction = 0.8, ViolenceRate = 1.25, InstitutionalizedShare = 0.15, ConfrontationRise = 2.5,
            StateResponseShare = 0.55, ResponseFraction = 0.45,
        };

        Assert.Contains("onset_margin = 0.03", StageCriteria.Entry(Stage.ConflictAndDiffusion, p));
        Assert.Contains("frame_rise = 0.07", StageCriteria.Entry(Stage.RepertoiresAndFrames, p));
        Assert.Contains("interaction_rise = 1.5", StageCriteria.Entry(Stage.InformationAndInteraction, p));
        Assert.Contains("rise_slowdown = 0.45", StageCriteria.Entry(Stage.InformationAndInteraction, p));
        Assert.Contains("decline_fraction = 0.9", StageCriteria.Entry(Stage.ExhaustionAndPolarization, p));
        Assert.Contains("exhaustion_share = 0.06", StageCriteria.Entry(Stage.ExhaustionAndPolarization, p));
        Assert.Contains("polarization_rise = 0.08", StageCriteria.Entry(Stage.ExhaustionAndPolarization, p));
        Assert.Contains("withdrawal_fraction = 0.8", StageCriteria.Entry(Stage.ExhaustionAndPolarization, p));
        Assert.Contains("violence_rate = 1.25", StageCriteria.Entry(Stage.ViolenceAndInstitutionalization, p));
        Assert.Contains("institutionalized_share = 0.15", StageCriteria.Entry(Stage.ViolenceAndInstitutionalization, p));
        Assert.Contains("confrontation_rise = 2.5", StageCriteria.Entry(Stage.ViolenceAndInstitutionalization, p));
        Assert.Contains("state_response_share = 0.55", StageCriteria.Entry(Stage.FacilitationAndRepression, p));
        Assert.Contains("response_fraction = 0.45", StageCriteria.Entry(Stage.FacilitationAndRepression, p));
    }

    [Fact]
    public void The_words_of_each_criterion_come_from_the_table_the_classifier_evaluates()
    {
        var p = new ClassifierParameters();
        foreach (var rule in StageRules.All)
        {
            string words = StageCriteria.Entry(rule.Stage, p);
            foreach (var route in rule.Routes)
            {
                if (rule.Routes.Count > 1) Assert.Contains("by " + route.Name, words);
                foreach (var c in route.Conditions)
                {
                    Assert.Contains(StageMeasures.Description(c.Measure), words);
                    Assert.Contains($"{c.Parameter} = ", words);
                    // Every setting a condition names is a classifier parameter.
                    Assert.Contains(c.Parameter, ParameterPath.PropertiesOf(typeof(ClassifierParameters)).Select(ParameterPath.KeyOf));
                }
            }
            // Each route cites its source, with a year.
            Assert.All(StageCriteria.Sources(rule.Stage), src => Assert.Matches(@"\((19|20)\d\d\)", src));
            Assert.Equal(rule.Routes.Count, StageCriteria.Sources(rule.Stage).Count);
        }
    }

    [Fact]
    public void The_settings_table_lists_every_classifier_parameter_with_its_description()
    {
        var rows = StageCriteria.Parameters(new ClassifierParameters());

        Assert.Equal(ParameterPath.PropertiesOf(typeof(ClassifierParameters)).Select(ParameterPath.KeyOf), rows.Select(r => r.Key));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Meaning)));
        Assert.Contains(rows, r => r.Key == "dwell" && r.Value == new ClassifierParameters().Dwell.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_outcome_has_a_rule() =>
        Assert.Equal(Enum.GetValues<Outcome>().Order(), StageCriteria.Outcomes.Select(o => o.Outcome).Order());

    private static string P(double share, int decimals) => share.ToString("P" + decimals, CultureInfo.InvariantCulture);

    [Fact]
    public void Stage_five_names_its_route_and_the_values_that_met_it()
    {
        var p = new ClassifierParameters();
        var entry = new StageEntry
        {
            Stage = Stage.ViolenceAndInstitutionalization, Route = StageRules.Violence, ViolentActsSinceExhaustion = 2,
            Measures = new StageMeasureValues { Recorded = true, ViolenceRate = 3.5, ViolenceRise = 4 },
        };

        string trigger = StageCriteria.Trigger(entry, p);
        Assert.StartsWith("violence: ", trigger, StringComparison.Ordinal);
        Assert.Contains("violent acts per 1,000 active activists a tick 3.5 (≥ violence_rate = 1)", trigger);
        Assert.Contains("4 (≥ confrontation_rise = 2)", trigger);
        Assert.Contains("2 violent acts and 0 co-optations", trigger);
        Assert.DoesNotContain("co-opted activists", trigger);
    }

    [Fact]
    public void Triggers_word_the_numbers_the_classifier_recorded()
    {
        var p = new ClassifierParameters { OnsetMargin = 0.02, Dwell = 3 };
        string Trigger(StageEntry e) => StageCriteria.Trigger(e, p);

        var onset = Trigger(new StageEntry { Stage = Stage.ConflictAndDiffusion, Participation = 0.10, Baseline = 0.05 });
        Assert.Contains(P(0.10, 1), onset);
        Assert.Contains(P(0.05, 1), onset);
        Assert.Contains(P(0.02, 1), onset);
        Assert.Contains("3 ticks", onset);
        Assert.Contains("since the cycle opened 0.1 (≥ frame_rise = 0.05)",
            Trigger(new StageEntry { Stage = Stage.RepertoiresAndFrames, Measures = new StageMeasureValues { Recorded = true, FrameRise = 0.1 } }));
        Assert.Contains("as a multiple of their quiet level before the cycle opened (a slow average over the ticks between cycles) 3 (≥ interaction_rise = 2)",
            Trigger(new StageEntry { Stage = Stage.InformationAndInteraction, Measures = new StageMeasureValues { Recorded = true, InteractionRate = 2.0, InteractionRise = 3.0, RisePace = 0.25 } }));
        var exhaustion = Trigger(new StageEntry
        {
            Stage = Stage.ExhaustionAndPolarization, Route = StageRules.Polarization, Participation = 0.30, PeakParticipation = 0.40, RadicalShareAtPeak = 0.20, RadicalShare = 0.60,
            Measures = new StageMeasureValues { Recorded = true, ShareOfPeak = 0.75, RadicalShareRise = 0.4 },
        });
        Assert.StartsWith("polarization: ", exhaustion, StringComparison.Ordinal);
        Assert.Contains("0.75 (≤ decline_fraction = 0.95)", exhaustion);
        Assert.Contains($"{P(0.40, 1)} at the peak → {P(0.30, 1)}", exhaustion);
        Assert.Contains($"{P(0.20, 0)} → {P(0.60, 0)}", exhaustion);
        var response = Trigger(new StageEntry
        {
            Stage = Stage.FacilitationAndRepression, Measures = new StageMeasureValues { Recorded = true, StateResponseShare = 1.0, ShareOfPeak = 0.5 },
        });
        Assert.Contains("1 (≥ state_response_share = 0.5)", response);
        Assert.Contains("0.5 (≤ response_fraction = 0.5)", response);
        // Read back from a file, the measures are not known.
        Assert.Contains("n/a", Trigger(new StageEntry { Stage = Stage.FacilitationAndRepression }));
    }

    [Theory]
    [InlineData(Outcome.Negotiated, "")]
    [InlineData(Outcome.Suppressed, "")]
    [InlineData(Outcome.Faded, "")]
    [InlineData(Outcome.RevolutionaryTurnover, "turnover threshold")]
    [InlineData(Outcome.Ongoing, "the run ended during the cycle")]
    [InlineData(Outcome.Fizzle, "after peaking at")]
    public void Outcome_reasons_state_the_counts_the_outcome_was_judged_on(Outcome outcome, string also)
    {
        var cycle = new CycleRecord
        {
            Outcome = outcome, Concessions = 1, Cooptations = 6, FacilitationEvents = 3, RepressionEvents = 0,
            MeanFacilitationStance = 0.25, MeanRepressionStance = 0.12, PeakParticipation = 0.3,
        };
        string reason = StageCriteria.OutcomeReason(cycle);

        Assert.Contains("1 concessions, 6 co-optations and 3 talks against 0 arrests", reason);
        Assert.Contains("facilitation 0.25, repression 0.12", reason);
        Assert.Contains(also, reason);
    }
}
