using System.Collections;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Tests;

public partial class ScenarioLoaderTests
{
    [Fact]
    public void Minimal_scenario_takes_every_default()
    {
        var s = ScenarioLoader.Parse("name: minimal\n", "minimal.yaml");
        var d = new Scenario();

        Assert.Equal("minimal", s.Name);
        Assert.Equal(d.Seed, s.Seed);
        Assert.Equal(d.Ticks, s.Ticks);
        Assert.Equal(d.Spillover, s.Spillover);
        Assert.Equal(d.Network, s.Network);
        Assert.Equal(d.State, s.State);
        Assert.Equal(d.Transnational, s.Transnational);
        Assert.Equal(d.Public, s.Public);
        Assert.Equal(d.Classifier, s.Classifier);
        Assert.Empty(s.Events);
        var movement = Assert.Single(s.Movements);
        Assert.Equal("movement", movement.Id);
        Assert.Equal(new ActivistParameters().Count, movement.Activists.Count);
        Assert.Equal(new ActivistParameters().Grievance, movement.Activists.Grievance);
    }

    [Fact]
    public void Partial_section_keeps_the_defaults_of_the_keys_left_out()
    {
        var s = ScenarioLoader.Parse("state:\n  openness: 0.9\n", "t.yaml");
        Assert.Equal(new StateParameters() with { Openness = 0.9 }, s.State);
    }

    [Fact]
    public void Empty_section_means_defaults()
    {
        var s = ScenarioLoader.Parse("name: x\nstate:\nclassifier: ~\n", "t.yaml");
        Assert.Equal(new StateParameters(), s.State);
        Assert.Equal(new ClassifierParameters(), s.Classifier);
    }

    private const string Full = """
        name: full
        description: Every key set to something other than its default.
        seed: 18446744073709551615
        ticks: 300
        burn_in: 40
        time_unit: month
        spillover: 0.45
        network:
          kind: random
          degree: 4
          rewiring: 0.2
          cross_movement: 0.3
        movements:
          - id: migrants
            name: Migrant workers
            grievance_shift: -0.1
            activists:
              count: 6
              grievance: {kind: normal, mean: 0.6, sd: 0.2, min: 0.1, max: 0.9}
              risk_aversion: {uniform: [0.2, 0.8]}
              threshold: 2
              thresholds: [0, 1, 1, 2, 3, 5]
              threshold_unit: people
              radicalism: {beta: [0.4, 0.1]}
              initial_frame_adoption: 0.1
              membership: 0.5
              grievance_weight: 2
              unframed_grievance: 0.5
              social_weight: 0.75
              risk_weight: 1.5
              energy_cost: 0.05
              energy_recovery: 0.02
              exhaustion_level: 0.1
              recovered_level: 0.9
              radical_commitment: 0.4
              radicalization_rate: 0.03
              violence_threshold: 0.8
              violence_probability: 0.01
              frame_contagion: 0.2
              frame_decay: 0.01
              frustration: 0.25
              disillusionment: 0.25
              grievance_rebuild: 0.02
              efficacy_weight: 0.3
              opportunity_weight: 0.4
              repression_cost: 0.6
              call_weight: 0.4
              repression_backfire: 0.1
              escalation: 1.5
              deradicalization: 0.02
              radical_flank: 0.4
              outreach: 0.3
              tie_recruitment: 0.2
              availability: 0.9
            organizations:
              - kind: christian_ngo
                per_thousand_activists: 1000
                volunteers: {kind: normal, mean: 20, sd: 5, min: 0, max: 60}
                salaried_staff: {constant: 2}
                counselling: 0.9
                language_classes: 0.8
                networking: 0.7
                referral: 0.15
                framing: 0.6
                mobilization: 0.5
                lobbying: 0.4
                lobbying_rate: 0.35
                public_information: false
                service_relief: 0.04
                framing_reach: 2.5
                volunteer_hours: 6
                staff_hours: 30
                case_rate: 0.1
                case_hours: 1.5
                local_office_share: 0.4
                action_hours: 3
                trigger_rate: 0.01
                trigger_grievance: 0.3
                trigger_call_ticks: 6
        state:
          enabled: false
          openness: 0.2
          repression_capacity: 0.1
          repression_propensity: 0.3
          responsiveness: 0.4
          vulnerability: 0.6
          tolerance: 0.05
          repression_term: 10
          concession_size: 0.2
          cooptation: 0.05
          cooptation_term: 50
          threat_framing: 0.3
          absorption: 0.2
          institutional_relief_per_thousand: 0.02
          talks_per_thousand: 0.25
          turnover_threshold: 0.7
          tactical_share: 0.6
        transnational:
          enabled: false
          alliance_probability: 0.1
          pressure_per_alliance_per_thousand: 0.03
          pressure_decay: 0.1
          alliance_lapse: 0.04
          international_share: 0.5
          information_amplification: 2
        public:
          enabled: false
          initial_sympathy: 0.4
          information_effect: 0.03
          repression_backfire: 2
          violence_effect: 0.05
          relaxation: 0.04
          recruitment_effect: 0.2
        classifier:
          smoothing: 0.5
          dwell: 5
          onset_margin: 0.03
          end_margin: 0.015
          frame_rise: 0.1
          interaction_rise: 2.5
          rise_slowdown: 0.4
          decline_fraction: 0.8
          exhaustion_share: 0.1
          polarization_rise: 0.1
          withdrawal_fraction: 0.7
          violence_rate: 2
          institutionalized_share: 0.3
          confrontation_rise: 1.5
          state_response_share: 0.6
          response_fraction: 0.4
          suppression_ratio: 3
          end_fraction: 0.25
          baseline_window: 52
        events:
          - at: 10
            until: 20
            set: state.openness
            value: 0.7
            label: opening
        """;

    [Fact]
    public void Full_scenario_binds_every_key()
    {
        var s = ScenarioLoader.Parse(Full, "full.yaml");

        // Every [Param] leaf differs from its default, so every key was read into its property.
        var unchanged = new List<string>();
        CollectUnchanged(s, new Scenario(), typeof(Scenario), "", unchanged);
        Assert.True(unchanged.Count == 0, "keys not bound (or missing from the test's full scenario): " + string.Join(", ", unchanged));

        // And a sample of values is exactly what was written.
        Assert.Equal(ulong.MaxValue, s.Seed);
        Assert.Equal(NetworkKind.Random, s.Network.Kind);
        var a = s.Movements[0].Activists;
        Assert.Equal(new Distribution { Kind = DistributionKind.Normal, Mean = 0.6, Sd = 0.2, Min = 0.1, Max = 0.9 }, a.Grievance);
        Assert.Equal(Distribution.Uniform(0.2, 0.8), a.RiskAversion);
        Assert.Equal(Distribution.Constant(2), a.Threshold);
        Assert.Equal(Distribution.Beta(0.4, 0.1), a.Radicalism);
        Assert.Equal([0.0, 1, 1, 2, 3, 5], a.Thresholds);
        Assert.Equal(ThresholdUnit.People, a.ThresholdUnit);
        Assert.Equal(-0.1, s.Movements[0].GrievanceShift);
        var org = Assert.Single(s.Movements[0].Organizations);
        Assert.Equal(OrganizationKind.ChristianNgo, org.Kind);
        Assert.Equal(Distribution.Constant(2), org.SalariedStaff);
        Assert.False(org.PublicInformation);
        var e = Assert.Single(s.Events);
        Assert.Equal((10, (int?)20, "state.openness", 0.7, "opening"), (e.At, e.Until, e.Set, e.Value, e.Label));
    }

    private static void CollectUnchanged(object actual, object defaults, Type type, string path, List<string> unchanged)
    {
        foreach (var property in ParameterPath.PropertiesOf(type))
        {
            string p = path.Length == 0 ? ParameterPath.KeyOf(property) : $"{path}.{ParameterPath.KeyOf(property)}";
            object? a = property.GetValue(actual), d = property.GetValue(defaults);
            var elementType = ParameterPath.ElementType(property.PropertyType);
            if (elementType is not null && ParameterPath.PropertiesOf(elementType).Count > 0 && elementType != typeof(Distribution))
            {
                var items = ((IEnumerable)a!).Cast<object>().ToList();
                if (items.Count == 0) unchanged.Add(p);
                else CollectUnchanged(items[0], Activator.CreateInstance(elementType)!, elementType, p + "[0]", unchanged);
            }
            else if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && elementType is null && property.PropertyType != typeof(Distribution))
                CollectUnchanged(a!, d!, property.PropertyType, p, unchanged);
            else if (a is IEnumerable ea && d is IEnumerable ed && a is not string ? ea.Cast<object>().SequenceEqual(ed.Cast<object>()) : Equals(a, d))
                unchanged.Add(p);
        }
    }

    [Fact]
    public void Lists_are_read_only()
    {
        var s = ScenarioLoader.Parse("movements:\n  - id: a\n  - id: b\n", "t.yaml");
        Assert.Equal(["a", "b"], s.Movements.Select(m => m.Id));
        Assert.False(s.Movements is MovementParameters[], "a list must not be a mutable array");
        Assert.True(((IList)s.Movements).IsReadOnly);
    }

    [Theory]
    [InlineData("0.4", DistributionKind.Constant, 0.4, 0, 0, 1)]
    [InlineData("{constant: 0.4}", DistributionKind.Constant, 0.4, 0, 0, 1)]
    [InlineData("{kind: constant, mean: 0.4}", DistributionKind.Constant, 0.4, 0, 0, 1)]
    [InlineData("{uniform: [0.2, 0.6]}", DistributionKind.Uniform, 0.4, 0, 0.2, 0.6)]
    [InlineData("{kind: uniform, min: 0.2, max: 0.6}", DistributionKind.Uniform, 0.4, 0, 0.2, 0.6)]
    [InlineData("{normal: [0.5, 0.1]}", DistributionKind.Normal, 0.5, 0.1, 0, 1)]
    [InlineData("{normal: [0.5, 0.1], min: 0.2, max: 0.8}", DistributionKind.Normal, 0.5, 0.1, 0.2, 0.8)]
    [InlineData("{kind: normal, mean: 0.5, sd: 0.1, max: 0.9}", DistributionKind.Normal, 0.5, 0.1, 0, 0.9)]
    [InlineData("{beta: [0.3, 0.1]}", DistributionKind.Beta, 0.3, 0.1, 0, 1)]
    [InlineData("{kind: beta, mean: 0.3, sd: 0.1}", DistributionKind.Beta, 0.3, 0.1, 0, 1)]
    public void Distribution_forms(string yaml, DistributionKind kind, double mean, double sd, double min, double max)
    {
        var s = ScenarioLoader.Parse($"movements:\n  - activists:\n      grievance: {yaml}\n", "t.yaml");
        Assert.Equal(new Distribution { Kind = kind, Mean = mean, Sd = sd, Min = min, Max = max }, s.Movements[0].Activists.Grievance);
    }

    [Fact]
    public void Distribution_in_block_form()
    {
        var s = ScenarioLoader.Parse("""
            movements:
              - activists:
                  grievance:
                    kind: beta
                    mean: 0.6
                    sd: 0.2
            """, "t.yaml");
        Assert.Equal(Distribution.Beta(0.6, 0.2), s.Movements[0].Activists.Grievance);
    }

    [Theory]
    [InlineData("ticks: 1_000", 1000)]
    [InlineData("ticks: 1e3", 1000)]
    [InlineData("ticks: 26.0", 26)]
    [InlineData("ticks: 0x1A", 26)]
    public void Whole_numbers_in_several_notations(string yaml, int ticks)
    {
        Assert.Equal(ticks, ScenarioLoader.Parse(yaml, "t.yaml").Ticks);
    }

    [Fact]
    public void Enums_accept_snake_case_and_pascal_case()
    {
        var s = ScenarioLoader.Parse("network:\n  kind: small_world\nmovements:\n  - organizations:\n      - kind: WomensSupport\n", "t.yaml");
        Assert.Equal(NetworkKind.SmallWorld, s.Network.Kind);
        Assert.Equal(OrganizationKind.WomensSupport, s.Movements[0].Organizations[0].Kind);
    }

    [Fact]
    public void Nullable_until_may_be_left_empty_or_null()
    {
        var s = ScenarioLoader.Parse("events:\n  - {at: 1, set: state.openness, value: 0.2, until: ~}\n  - {at: 2, set: state.openness, value: 0.3}\n", "t.yaml");
        Assert.All(s.Events, e => Assert.Null(e.Until));
    }

    [Fact]
    public void Anchors_and_aliases_repeat_a_section()
    {
        var s = ScenarioLoader.Parse("""
            movements:
              - id: a
                activists: &common
                  count: 300
                  energy_cost: 0.05
              - id: b
                activists: *common
            """, "t.yaml");
        Assert.All(s.Movements, m => Assert.Equal((300, 0.05), (m.Activists.Count, m.Activists.EnergyCost)));
    }

    [Fact]
    public void Quoted_text_is_text_for_string_keys_and_numbers_are_kept_verbatim()
    {
        var s = ScenarioLoader.Parse("description: \"2024: a run\"\nmovements:\n  - id: 01\n    name: 'O''Brien'\n", "t.yaml");
        Assert.Equal("2024: a run", s.Description);
        Assert.Equal("01", s.Movements[0].Id);
        Assert.Equal("O'Brien", s.Movements[0].Name);
    }

    [Fact]
    public void Loaded_scenario_remembers_where_keys_were_written()
    {
        var s = ScenarioLoader.Parse("name: x\nstate:\n  openness: 0.4\n", "where.yaml");
        var map = ScenarioLoader.SourceOf(s);
        Assert.NotNull(map);
        Assert.Equal(new SourceLocation("where.yaml", 3, 13), map!.Locate("state.openness"));
        Assert.Equal(new SourceLocation("where.yaml", 2, 1), map.Locate("state.tolerance"));
    }
}
