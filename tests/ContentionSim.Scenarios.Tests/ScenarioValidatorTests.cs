using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Tests;

public class ScenarioValidatorTests
{
    private static Scenario WithMovement(Func<ActivistParameters, ActivistParameters> change) =>
        new() { Movements = [new MovementParameters { Id = "m", Activists = change(new ActivistParameters()) }] };

    [Fact]
    public void Default_scenario_is_valid()
    {
        Assert.Empty(ScenarioValidator.Validate(new Scenario()));
    }

    [Fact]
    public void Scenario_built_in_code_has_no_positions()
    {
        var s = new Scenario { State = new StateParameters { Openness = -0.1 } };
        var d = Assert.Single(ScenarioValidator.Validate(s));
        Assert.Equal((ScenarioValidator.NoSource, 0, 0, "state.openness"), (d.File, d.Line, d.Column, d.Path));
        Assert.Equal("<scenario>: state.openness: -0.1 is out of range: expected a number from 0 to 1. Set openness from 0 to 1", d.ToString());
    }

    [Fact]
    public void Derived_scenario_validates_against_the_source_map_of_its_origin()
    {
        var loaded = ScenarioLoader.Parse("name: x\nstate:\n  openness: 0.5\n", "origin.yaml");
        var derived = ParameterPath.With(loaded, "state.openness", 7.0); // as a sweep would
        var d = Assert.Single(ScenarioValidator.Validate(derived, ScenarioLoader.SourceOf(loaded)));
        Assert.Equal(("origin.yaml", 3, 13), (d.File, d.Line, d.Column));
    }

    [Fact]
    public void Every_problem_is_collected()
    {
        var s = new Scenario
        {
            Ticks = 0,
            Spillover = 2,
            Classifier = new ClassifierParameters { Dwell = 0, OnsetMargin = 0.01, EndMargin = 0.02 },
            Movements = [new MovementParameters { Id = "a b" }, new MovementParameters { Id = "c" }, new MovementParameters { Id = "c" }],
        };
        Assert.Equal(["ticks", "spillover", "classifier.dwell", "movements[0].id", "movements[2].id", "classifier.end_margin"],
            ScenarioValidator.Validate(s).Select(d => d.Path));
    }

    [Fact]
    public void Explicit_thresholds_are_range_checked_one_by_one()
    {
        var s = WithMovement(a => a with { Thresholds = [0.1, -2, 0.3] }) with { Network = new NetworkParameters { Kind = NetworkKind.None } };
        var d = Assert.Single(ScenarioValidator.Validate(s));
        Assert.Equal("movements[0].activists.thresholds[1]", d.Path);
        Assert.Contains("-2 is out of range: expected a number ≥ 0", d.Message);
    }

    [Fact]
    public void Non_finite_numbers_are_refused()
    {
        var s = new Scenario { Spillover = double.NaN };
        Assert.Contains("not a finite number", Assert.Single(ScenarioValidator.Validate(s)).Message);
    }

    [Fact]
    public void Beta_sd_limit_depends_on_the_mean_and_bounds()
    {
        // mean 0.5 on [0, 1]: sd must be below 0.5. mean 0.9: below 0.3.
        Assert.Empty(ScenarioValidator.Validate(WithMovement(a => a with { Grievance = Distribution.Beta(0.5, 0.45) })));
        var d = Assert.Single(ScenarioValidator.Validate(WithMovement(a => a with { Grievance = Distribution.Beta(0.9, 0.35) })));
        Assert.Equal("movements[0].activists.grievance.sd", d.Path);
        Assert.Contains("must be below 0.3", d.Message);
    }

    [Fact]
    public void Beta_mean_on_a_bound_is_refused()
    {
        var d = Assert.Single(ScenarioValidator.Validate(WithMovement(a => a with { Grievance = Distribution.Beta(1, 0.1) })));
        Assert.Contains("strictly between", d.Message);
    }

    [Fact]
    public void Uniform_bounds_are_checked_against_the_key_range()
    {
        var d = Assert.Single(ScenarioValidator.Validate(WithMovement(a => a with { RiskAversion = Distribution.Uniform(-0.5, 0.5) })));
        Assert.Equal("movements[0].activists.risk_aversion.min", d.Path);
    }

    [Fact]
    public void Unbounded_distribution_key_accepts_large_values()
    {
        var org = new OrganizationGroupParameters { Volunteers = new Distribution { Kind = DistributionKind.Normal, Mean = 200, Sd = 50, Min = 0, Max = 1000 } };
        Assert.Empty(ScenarioValidator.Validate(new Scenario { Movements = [new MovementParameters { Organizations = [org] }] }));
    }

    [Fact]
    public void Complete_network_is_limited_to_what_fits_in_memory()
    {
        var small = new Scenario { Network = new NetworkParameters { Kind = NetworkKind.Complete }, Movements = [new MovementParameters { Activists = new() { Count = 46_341 } }] };
        var large = small with { Movements = [new MovementParameters { Activists = new() { Count = 46_342 } }] };
        Assert.Empty(ScenarioValidator.Validate(small));
        var d = Assert.Single(ScenarioValidator.Validate(large));
        Assert.Equal("network.kind", d.Path);
        Assert.Contains("the largest complete network is 46,341 activists", d.Message);
    }

    [Fact]
    public void Degree_checks_do_not_apply_to_complete_and_none()
    {
        foreach (var kind in new[] { NetworkKind.Complete, NetworkKind.None })
        {
            var s = new Scenario { Network = new NetworkParameters { Kind = kind, Degree = 7 }, Movements = [new MovementParameters { Activists = new() { Count = 3 }, Organizations = [] }] };
            Assert.Empty(ScenarioValidator.Validate(s));
        }
    }

    [Fact]
    public void Degree_limit_for_random_is_population_minus_one()
    {
        var s = new Scenario { Network = new NetworkParameters { Kind = NetworkKind.Random, Degree = 10 }, Movements = [new MovementParameters { Activists = new() { Count = 10 }, Organizations = [] }] };
        Assert.Contains("the largest possible degree for random is 9", Assert.Single(ScenarioValidator.Validate(s)).Message);
        Assert.Empty(ScenarioValidator.Validate(s with { Network = s.Network with { Degree = 9 } }));
    }

    [Fact]
    public void Too_many_tie_ends_for_one_array()
    {
        var s = new Scenario
        {
            Network = new NetworkParameters { Degree = 1000 },
            Movements = [new MovementParameters { Activists = new() { Count = 10_000_000 } }],
        };
        var d = Assert.Single(ScenarioValidator.Validate(s));
        Assert.Equal("network.degree", d.Path);
        Assert.Contains("more than one array can hold", d.Message);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("network.degree")]
    [InlineData("movements[0].activists.membership")]
    [InlineData("movements.m.activists.grievance.mean")]
    [InlineData("movements[0].organizations[0].per_thousand_activists")]
    public void Events_cannot_change_what_is_fixed_at_the_start(string path)
    {
        var s = new Scenario
        {
            Movements = [new MovementParameters { Id = "m", Organizations = [new OrganizationGroupParameters()] }],
            Events = [new ScheduledEvent { At = 1, Set = path, Value = 1 }],
        };
        var d = Assert.Single(ScenarioValidator.Validate(s));
        Assert.Equal("events[0].set", d.Path);
        Assert.Contains("only when the run starts", d.Message);
    }

    [Theory]
    [InlineData("state.openness", 0.9)]
    [InlineData("spillover", 0.1)]
    [InlineData("state.repression_term", 10)]
    [InlineData("movements.m.grievance_shift", -0.3)]
    [InlineData("movements[0].activists.energy_cost", 0.1)]
    [InlineData("movements[0].organizations[0].lobbying", 0.9)]
    [InlineData("public.initial_sympathy", 0.2)]
    public void Events_can_change_rates_and_levels(string path, double value)
    {
        var s = new Scenario
        {
            Movements = [new MovementParameters { Id = "m", Organizations = [new OrganizationGroupParameters()] }],
            Events = [new ScheduledEvent { At = 1, Until = 5, Set = path, Value = value }],
        };
        Assert.Empty(ScenarioValidator.Validate(s));
    }

    private static Scenario Organized(int activists, params OrganizationGroupParameters[] groups) =>
        new() { Movements = [new MovementParameters { Id = "m", Activists = new() { Count = activists }, Organizations = groups }], Network = new() { Kind = NetworkKind.None } };

    [Fact]
    public void Organizations_needing_more_volunteers_than_there_are_activists_are_refused()
    {
        // Default volunteers are uniform(5, 40): ten organizations need at least 50.
        var d = Assert.Single(ScenarioValidator.Validate(Organized(49, new OrganizationGroupParameters { PerThousandActivists = 200 })));
        Assert.Equal("movements[0].organizations", d.Path);
        Assert.Contains("the 10 organizations of 'm' need at least 50 volunteers (10 × 5, the fewest volunteers each can have), more than the movement's 49 activists", d.Message);
        Assert.Contains("give fewer organizations per 1,000 activists (per_thousand_activists)", d.Fix);
        Assert.Empty(ScenarioValidator.Validate(Organized(50, new OrganizationGroupParameters { PerThousandActivists = 200 })));
    }

    [Fact]
    public void Volunteers_are_counted_over_every_group_at_the_fewest_each_can_draw()
    {
        var constant = new OrganizationGroupParameters { PerThousandActivists = 200, Volunteers = Distribution.Constant(4) };
        var normal = new OrganizationGroupParameters { PerThousandActivists = 2000 / 15.0, Volunteers = new Distribution { Kind = DistributionKind.Normal, Mean = 10, Sd = 3, Min = 2.5, Max = 20 } };
        var none = new OrganizationGroupParameters { PerThousandActivists = 5000 / 15.0, Volunteers = Distribution.Uniform(0, 10) };
        // 3 × 4 + 2 × 2 (2.5 rounds to even, as the draw does) = 16.
        Assert.Contains("need at least 16 volunteers (3 × 4 + 2 × 2", Assert.Single(ScenarioValidator.Validate(Organized(15, constant, normal, none))).Message);
        Assert.Empty(ScenarioValidator.Validate(Organized(16, constant, normal, none)));
        Assert.Empty(ScenarioValidator.Validate(Organized(1, none)));
        Assert.Empty(ScenarioValidator.Validate(Organized(1)));
    }

    [Fact]
    public void Volunteers_are_not_checked_against_a_count_that_is_itself_out_of_range()
    {
        var d = Assert.Single(ScenarioValidator.Validate(Organized(0, new OrganizationGroupParameters { PerThousandActivists = 200 })));
        Assert.Equal("movements[0].activists.count", d.Path);
    }
}
