using ContentionSim.Core.Activists;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Tests;

/// <summary>The activist's rule (<see cref="ActivistRules.Decide"/>) does what docs/ODD.md 7.5 says, case by case.</summary>
public class ActivistRulesTests
{
    /// <summary>Granovetter's model: everything off but the count of active others against a threshold in people.</summary>
    private static readonly ActivistParameters Granovetter = new()
    {
        ThresholdUnit = ThresholdUnit.People, GrievanceWeight = 0, SocialWeight = 1, RiskWeight = 0, CallWeight = 0,
        EfficacyWeight = 0, EnergyCost = 0, FrameContagion = 0, FrameDecay = 0, RadicalizationRate = 0, ViolenceProbability = 0,
        Outreach = 1, Availability = 1, RadicalFlank = 0,
    };

    private static MovementRule Rule(ActivistParameters p, StatePolicy? state = null, double momentum = 0) =>
        new(new Scenario { Movements = [new MovementParameters { Activists = p }], Public = new PublicOpinionParameters { Enabled = false } },
            0, new MovementSignals(state ?? StatePolicy.None, OutsideAttention.None, 0.5, momentum), key: 77, tick: 3);

    private static ActivistInput Activist(ActivistStatus status, float energy = 1, float radicalism = 0.2f, ushort timer = 0,
        float threshold = 0.5f, int activeOwn = 0, int degree = 8) => new()
    {
        Id = 5, Status = status, Energy = energy, Radicalism = radicalism, BaselineRadicalism = radicalism, Timer = timer,
        Grievance = 0.5f, BaselineGrievance = 0.5f, RiskAversion = 0.5f, Threshold = threshold,
        Ties = new TieCounts(degree, activeOwn, 0, 0, 0),
    };

    [Fact]
    public void Reduced_to_granovetter_an_activist_joins_when_at_least_threshold_others_are_active()
    {
        var rule = Rule(Granovetter);
        for (int threshold = 0; threshold <= 5; threshold++)
            for (int active = 0; active <= 5; active++)
            {
                var o = ActivistRules.Decide(Activist(ActivistStatus.Inactive, threshold: threshold, activeOwn: active), rule);
                Assert.Equal(active >= threshold ? ActivistStatus.Active : ActivistStatus.Inactive, o.Status);
                Assert.Equal(active >= threshold, o.NewlyActive);
            }
    }

    [Fact]
    public void One_released_worn_out_must_recover_first_and_one_still_held_stays_held()
    {
        var rule = Rule(new ActivistParameters { RecoveredLevel = 0.8, Deradicalization = 0 });

        var wornOut = ActivistRules.Decide(Activist(ActivistStatus.Repressed, energy: 0.5f, timer: 1), rule);
        var rested = ActivistRules.Decide(Activist(ActivistStatus.Repressed, energy: 0.9f, timer: 1), rule);
        var held = ActivistRules.Decide(Activist(ActivistStatus.Repressed, energy: 0.5f, timer: 2), rule);

        Assert.Equal((ActivistStatus.Exhausted, (ushort)0, 0.5f), (wornOut.Status, wornOut.Timer, wornOut.Energy));
        Assert.Equal(ActivistStatus.Inactive, rested.Status);
        Assert.Equal((ActivistStatus.Repressed, (ushort)1, 0.5f), (held.Status, held.Timer, held.Energy));
    }

    [Fact]
    public void An_active_activist_below_the_exhaustion_level_stops_without_deciding()
    {
        var p = Granovetter with { EnergyCost = 0.1, RadicalCommitment = 0, ExhaustionLevel = 0.2 };

        var o = ActivistRules.Decide(Activist(ActivistStatus.Active, energy: 0.25f, threshold: 0, activeOwn: 8), Rule(p));

        Assert.Equal(ActivistStatus.Exhausted, o.Status);
        Assert.Equal(0.25f - (float)0.1, o.Energy);
        Assert.False(o.NewlyActive);
    }

    [Fact]
    public void The_coopted_are_moderated_then_drawn_back_towards_their_own_radicalism()
    {
        var p = new ActivistParameters { RadicalizationRate = 0.1, Deradicalization = 0.2, EnergyRecovery = 0 };
        var a = Activist(ActivistStatus.Coopted, radicalism: 0.6f, timer: 5);
        a.BaselineRadicalism = 0.4f;

        var o = ActivistRules.Decide(a, Rule(p));

        float moderated = 0.6f - (float)0.1 * 0.6f;
        Assert.Equal(moderated + (float)0.2 * (0.4f - moderated), o.Radicalism);
        Assert.Equal((ActivistStatus.Coopted, (ushort)4), (o.Status, o.Timer));
    }

    [Fact]
    public void The_violent_are_arrested_three_times_as_often_as_others_of_the_same_radicalism()
    {
        // Arrest chance = ArrestProbability · (ArrestBase + r) · (violent ? ViolentArrestFactor : 1):
        // 0.35 · 1.1 = 0.385 for the peaceful, 1.155 (certain) for the violent.
        var policy = StatePolicy.None with { ArrestProbability = 0.35 };
        var peaceful = Rule(Granovetter, policy);
        var violent = Rule(Granovetter with { ViolenceProbability = 1, ViolenceThreshold = 0.5 }, policy);
        int peacefulArrests = 0;
        const int n = 20_000;
        for (int id = 0; id < n; id++)
        {
            var a = Activist(ActivistStatus.Active, radicalism: 0.6f, threshold: 0) with { Id = id };
            var p = ActivistRules.Decide(a, peaceful);
            var v = ActivistRules.Decide(a, violent);
            Assert.True(v.Violent && v.Arrested && v.Status == ActivistStatus.Repressed);
            Assert.False(p.Violent);
            if (p.Arrested) peacefulArrests++;
        }
        Assert.InRange(peacefulArrests / (double)n, 0.385 - 0.015, 0.385 + 0.015);
    }

    [Fact]
    public void Only_moderates_are_coopted()
    {
        var policy = StatePolicy.None with { CooptProbability = 1 };
        var rule = Rule(Granovetter, policy);

        var moderate = ActivistRules.Decide(Activist(ActivistStatus.Active, radicalism: 0.49f, threshold: 0), rule);
        var radical = ActivistRules.Decide(Activist(ActivistStatus.Active, radicalism: ActivistRules.RadicalLine, threshold: 0), rule);

        Assert.True(moderate.Coopted);
        Assert.Equal(ActivistStatus.Coopted, moderate.Status);
        Assert.False(radical.Coopted);
        Assert.Equal(ActivistStatus.Active, radical.Status);
    }
}
