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
        var p = new ClassifierParameters { OnsetMargin = 0.03, FrameRise = 0.07, InteractionRate = 1.5, NearPeak = 0.75, DeclineFraction = 0.8, ConfrontationCount = 4, StateResponseShare = 0.55, ResponseFraction = 0.65 };

        Assert.Contains("onset_margin = 0.03", StageCriteria.Entry(Stage.ConflictAndDiffusion, p));
        Assert.Contains("frame_rise = 0.07", StageCriteria.Entry(Stage.RepertoiresAndFrames, p));
        Assert.Contains("interaction_rate = 1.5", StageCriteria.Entry(Stage.InformationAndInteraction, p));
        Assert.Contains("near_peak = 0.75", StageCriteria.Entry(Stage.InformationAndInteraction, p));
        Assert.Contains("decline_fraction = 0.8", StageCriteria.Entry(Stage.ExhaustionAndPolarization, p));
        Assert.Contains("confrontation_count = 4", StageCriteria.Entry(Stage.ViolenceAndInstitutionalization, p));
        Assert.Contains("state_response_share = 0.55", StageCriteria.Entry(Stage.FacilitationAndRepression, p));
        Assert.Contains("response_fraction = 0.65", StageCriteria.Entry(Stage.FacilitationAndRepression, p));
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
    public void Stage_five_is_worded_per_thousand_mobilized_at_the_peak_in_the_criterion_and_the_trigger()
    {
        var p = new ClassifierParameters();
        var entry = new StageEntry { Stage = Stage.ViolenceAndInstitutionalization, ViolentActsSinceExhaustion = 2, ConfrontationsPerThousandMobilized = 5.0 };

        Assert.Contains("per 1,000 mobilized at the peak", StageCriteria.Entry(Stage.ViolenceAndInstitutionalization, p));
        Assert.Contains("per 1,000 mobilized at the peak", StageCriteria.Trigger(entry, p));
        Assert.Contains("2 violent acts and 0 co-optations", StageCriteria.Trigger(entry, p));
        Assert.Contains("(5.0 per 1,000", StageCriteria.Trigger(entry, p));
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
        Assert.Contains($"from {P(0.10, 0)} to {P(0.20, 0)}", Trigger(new StageEntry { Stage = Stage.RepertoiresAndFrames, FrameAtStart = 0.10, FrameAdoption = 0.20 }));
        Assert.Contains("2.0 per 1,000", Trigger(new StageEntry { Stage = Stage.InformationAndInteraction, InteractionRate = 2.0 }));
        var exhaustion = Trigger(new StageEntry
        {
            Stage = Stage.ExhaustionAndPolarization, Participation = 0.30, PeakParticipation = 0.40, RadicalShareAtPeak = 0.20, RadicalShare = 0.60,
        });
        Assert.Contains(P(0.75, 0), exhaustion);
        Assert.Contains($"{P(0.40, 1)} → {P(0.30, 1)}", exhaustion);
        Assert.Contains($"from {P(0.20, 0)} to {P(0.60, 0)}", exhaustion);
        var response = Trigger(new StageEntry { Stage = Stage.FacilitationAndRepression, StateResponseShare = 1.0, Participation = 0.2, PeakParticipation = 0.4 });
        Assert.Contains(P(1.0, 0), response);
        Assert.Contains(P(0.50, 0), response);
    }

    [Theory]
    [InlineData(Outcome.Negotiated, "")]
    [InlineData(Outcome.Suppressed, "")]
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
