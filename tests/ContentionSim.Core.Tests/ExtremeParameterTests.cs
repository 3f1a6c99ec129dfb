using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Core.Tests;

/// <summary>
/// Extreme but valid parameter values run to the end and no NaN or infinity reaches an
/// observation, a stage entry, a cycle or an organization record.
/// </summary>
public sealed class ExtremeParameterTests
{
    private static Scenario Base(int count = 300, int ticks = 120) => new()
    {
        Seed = 5,
        Ticks = ticks,
        Movements =
        [
            new MovementParameters
            {
                Activists = new ActivistParameters { Count = count },
                Organizations = [new OrganizationGroupParameters { PerThousandActivists = 10 }],
            },
        ],
    };

    public static TheoryData<string, object> Extremes() => new()
    {
        { "state.openness", 0.0 },
        { "state.openness", 1.0 },
        { "state.repression_capacity", 1.0 },
        { "state.repression_propensity", 1.0 },
        { "state.responsiveness", 1.0 },
        { "state.vulnerability", 1.0 },
        { "state.tolerance", 0.0 },
        { "state.tolerance", 1.0 },
        { "state.concession_size", 1.0 },
        { "state.cooptation", 1.0 },
        { "state.absorption", 1.0 },
        { "state.institutional_relief_per_thousand", 1000.0 },
        { "state.repression_term", 0 },
        { "state.threat_framing", 1.0 },
        { "transnational.alliance_probability", 0.0 },
        { "transnational.alliance_probability", 1.0 },
        { "transnational.pressure_per_alliance_per_thousand", 1000.0 },
        { "transnational.pressure_decay", 0.0 },
        { "transnational.pressure_decay", 1.0 },
        { "public.initial_sympathy", 0.0 },
        { "public.initial_sympathy", 1.0 },
        { "public.repression_backfire", 10.0 },
        { "movements[0].activists.energy_cost", 1.0 },
        { "movements[0].activists.energy_recovery", 0.0 },
        { "movements[0].activists.violence_probability", 1.0 },
        { "movements[0].activists.violence_threshold", 0.0 },
        { "movements[0].activists.frame_contagion", 1.0 },
        { "movements[0].activists.initial_frame_adoption", 1.0 },
        { "movements[0].activists.membership", 1.0 },
        { "movements[0].activists.grievance_weight", 10.0 },
        { "movements[0].activists.escalation", 100.0 },
        { "movements[0].activists.radicalization_rate", 1.0 },
        { "movements[0].grievance_shift", 1.0 },
        { "movements[0].grievance_shift", -1.0 },
        { "classifier.smoothing", 1.0 },
        { "classifier.dwell", 1 },
        { "spillover", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void An_extreme_value_runs_to_the_end_with_finite_outputs(string path, object value)
    {
        var result = Simulator.Run(ParameterPath.With(Base(), path, value), new RunOptions { Threads = 1 });

        Assert.Equal(120, result.TicksRun);
        AssertFinite(result);
    }

    [Fact]
    public void One_activist_without_organizations_runs()
    {
        var s = Base(count: 1) with { Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 1 }, Organizations = [] }] };

        var result = Simulator.Run(s);

        Assert.Equal(120, result.TicksRun);
        Assert.All(result.Series, o => Assert.Equal(1, o.Activists));
        AssertFinite(result);
    }

    [Fact]
    public void No_network_no_state_no_allies_no_public_runs()
    {
        var s = Base() with
        {
            Network = new NetworkParameters { Kind = NetworkKind.None },
            State = new StateParameters { Enabled = false },
            Transnational = new TransnationalParameters { Enabled = false },
            Public = new PublicOpinionParameters { Enabled = false },
        };

        var result = Simulator.Run(s);

        Assert.Equal(0, result.Headline.RepressionEvents);
        Assert.Equal(0, result.Headline.AlliancesFormed);
        AssertFinite(result);
    }

    private static void AssertFinite(RunResult r)
    {
        foreach (var o in r.Series)
            foreach (var (name, v) in Doubles(o))
                Assert.True(double.IsFinite(v), $"tick {o.Tick} {o.Movement}: {name} = {v}");
        foreach (var e in r.StageEntries)
            foreach (var v in new[] { e.Participation, e.PeakParticipation, e.FrameAdoption, e.RadicalShare, e.RadicalShareAtPeak, e.InteractionRate })
                Assert.True(double.IsFinite(v), $"stage entry at {e.Tick}: {v}");
        foreach (var c in r.Cycles)
            Assert.True(double.IsFinite(c.PeakParticipation) && double.IsFinite(c.MaxOutsidePressure), $"cycle {c.Cycle}");
        foreach (var org in r.Organizations)
            Assert.True(double.IsFinite(org.ServiceEffort) && double.IsFinite(org.AdvocacyEffort), $"organization {org.Id}");
        var h = r.Headline;
        foreach (var v in new[] { h.PeakParticipation, h.LateViolenceShare, h.MeanOutsidePressure, h.MaxOutsidePressure, h.MeanParticipation })
            Assert.True(double.IsFinite(v), "headline");
    }

    private static IEnumerable<(string, double)> Doubles(TickObservation o) =>
    [
        ("participation", o.Participation), ("radical_share", o.RadicalShare), ("frame_adoption", o.FrameAdoption),
        ("outside_pressure", o.OutsidePressure), ("effective_openness", o.EffectiveOpenness), ("sympathy", o.Sympathy),
        ("mean_grievance", o.MeanGrievance), ("repression_level", o.RepressionLevel), ("facilitation_level", o.FacilitationLevel),
    ];
}
