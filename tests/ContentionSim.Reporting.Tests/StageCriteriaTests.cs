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
        Assert.Contains(rows, r => r.Key == "dwell" && r.Value == new ClassifierParameters().Dwell.ToString());
    }

    [Fact]
    public void Every_outcome_has_a_rule() =>
        Assert.Equal(Enum.GetValues<Outcome>().Order(), StageCriteria.Outcomes.Select(o => o.Outcome).Order());
}
