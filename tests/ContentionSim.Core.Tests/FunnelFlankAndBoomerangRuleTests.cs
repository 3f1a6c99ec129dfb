using ContentionSim.Core.Activists;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.State;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The mechanisms of issue 15's dynamics, case by case (docs/ODD.md 7.4–7.6): the mobilization funnel
/// (outreach, tie recruitment, availability), the radical flank (violence and radicalization of a
/// shrinking movement) and the bounded boomerang (tactical share); each with its switch.
/// </summary>
public class FunnelFlankAndBoomerangRuleTests
{
    /// <summary>A motivated activist: a framed, aggrieved one with no risk, below a low threshold.</summary>
    private static ActivistInput Motivated(int id, ActivistStatus status = ActivistStatus.Inactive, int activeTies = 0, bool called = false,
        float radicalism = 0.2f) => new()
    {
        Id = id, Status = status, Framed = true, Energy = 1, Radicalism = radicalism, BaselineRadicalism = radicalism,
        Grievance = 0.8f, BaselineGrievance = 0.8f, RiskAversion = 0, Threshold = 0.1f, Called = called,
        Ties = new TieCounts(8, activeTies, 0, 0, 0),
    };

    private static MovementRule Rule(ActivistParameters p, double decline = 0, StatePolicy? state = null) =>
        new(new Scenario { Movements = [new MovementParameters { Activists = p }], Public = new PublicOpinionParameters { Enabled = false } },
            0, new MovementSignals(state ?? StatePolicy.None, OutsideAttention.None, 0.5, 0, decline), key: 91, tick: 7);

    private static double JoinShare(ActivistParameters p, int activeTies = 0, bool called = false, ActivistStatus status = ActivistStatus.Inactive)
    {
        var rule = Rule(p);
        const int n = 20_000;
        int joined = 0;
        for (int id = 0; id < n; id++)
            if (ActivistRules.Decide(Motivated(id, status, activeTies, called), rule).Status == ActivistStatus.Active) joined++;
        return joined / (double)n;
    }

    [Fact]
    public void A_motivated_activist_joins_only_when_reached_by_outreach_a_tie_or_its_organizations_call()
    {
        var p = new ActivistParameters { Outreach = 0.1, TieRecruitment = 0.05, Availability = 1 };

        Assert.InRange(JoinShare(p), 0.1 - 0.01, 0.1 + 0.01);
        Assert.InRange(JoinShare(p, activeTies: 4), 0.3 - 0.015, 0.3 + 0.015); // 0.1 + 0.05 · 4
        Assert.Equal(1.0, JoinShare(p, called: true));
        Assert.Equal(1.0, JoinShare(p, status: ActivistStatus.Active)); // those taking part stay while motivated
        Assert.Equal(0.0, JoinShare(p with { Outreach = 0, TieRecruitment = 0 }));
    }

    [Fact]
    public void Barriers_keep_a_share_of_the_motivated_home_and_availability_one_switches_the_funnel_off()
    {
        var p = new ActivistParameters { Outreach = 1, Availability = 0.6 };

        Assert.InRange(JoinShare(p), 0.6 - 0.015, 0.6 + 0.015);
        Assert.InRange(JoinShare(p, status: ActivistStatus.Active), 0.6 - 0.015, 0.6 + 0.015);
        Assert.Equal(1.0, JoinShare(p with { Availability = 1 }));
    }

    [Fact]
    public void With_the_radical_flank_on_radicals_turn_violent_only_once_the_movement_has_fallen_from_its_peak()
    {
        var p = new ActivistParameters { ViolenceProbability = 0.5, ViolenceThreshold = 0.6, Escalation = 0, RadicalFlank = 1, Outreach = 1, Availability = 1 };
        int Violent(ActivistParameters q, double decline)
        {
            var rule = Rule(q, decline);
            int violent = 0;
            for (int id = 0; id < 10_000; id++)
                if (ActivistRules.Decide(Motivated(id, ActivistStatus.Active, radicalism: 0.9f), rule).Violent) violent++;
            return violent;
        }

        Assert.Equal(0, Violent(p, decline: 0));
        Assert.InRange(Violent(p, decline: 0.5) / 10_000.0, 0.25 - 0.015, 0.25 + 0.015);
        Assert.InRange(Violent(p with { RadicalFlank = 0 }, decline: 0) / 10_000.0, 0.5 - 0.015, 0.5 + 0.015);
    }

    [Fact]
    public void A_shrinking_movement_pushes_those_who_stay_towards_radicalism()
    {
        var p = new ActivistParameters { RadicalizationRate = 0.1, Frustration = 0, RadicalFlank = 1, ViolenceProbability = 0, Outreach = 1, Availability = 1 };
        var facilitated = StatePolicy.None with { Facilitation = 0 };

        float growing = ActivistRules.Decide(Motivated(1, ActivistStatus.Active, radicalism: 0.3f), Rule(p, 0, facilitated)).Radicalism;
        float shrinking = ActivistRules.Decide(Motivated(1, ActivistStatus.Active, radicalism: 0.3f), Rule(p, 0.8, facilitated)).Radicalism;
        float off = ActivistRules.Decide(Motivated(1, ActivistStatus.Active, radicalism: 0.3f), Rule(p with { RadicalFlank = 0 }, 0.8, facilitated)).Radicalism;

        Assert.Equal(0.3f, growing);
        Assert.Equal(0.3f + (float)(0.1 * 0.7 * 0.8), shrinking, 5);
        Assert.Equal(0.3f, off);
    }

    [Fact]
    public void Outside_pressure_alone_opens_a_tight_state_only_by_its_tactical_share_and_fully_with_the_switch_off()
    {
        // Tight state, heavy outside pressure, no mobilization at home: the state's opening is the
        // tactical share of the leverage; with tactical_share 1 it is all of it.
        var state = new StateParameters { Openness = 0.1, Vulnerability = 0.8, TacticalShare = 0.25 };
        var scenario = new Scenario { State = state };
        double Opened(Scenario s)
        {
            var layer = new StateLayer(s, new RandomStreams(1));
            var quiet = new MovementTally[] { new() { Inactive = 1000 } };
            layer.Decide(s, 1, 50, quiet, [0.5], [0]);
            layer.Decide(s, 2, 50, quiet, [0.5], [0]);
            return layer.EffectiveOpenness;
        }

        double leverage = 0.8 * (1 - Math.Exp(-50));
        Assert.Equal(0.1 + 0.9 * 0.25 * leverage, Opened(scenario), 9);
        Assert.Equal(0.1 + 0.9 * leverage, Opened(scenario with { State = state with { TacticalShare = 1 } }), 9);
    }
}
