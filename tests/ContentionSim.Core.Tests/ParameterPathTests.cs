using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Tests;

/// <summary>Reading and replacing parameters by dotted path, as events, overrides and sweeps do.</summary>
public class ParameterPathTests
{
    private static Scenario TwoMovements() => new()
    {
        Movements =
        [
            new MovementParameters
            {
                Id = "migrants",
                Activists = new ActivistParameters { Count = 300, EnergyCost = 0.03 },
                Organizations =
                [
                    new OrganizationGroupParameters { Kind = OrganizationKind.ChristianNgo, PerThousandActivists = 4000 / 300.0 },
                    new OrganizationGroupParameters { Kind = OrganizationKind.LawyersNgo, PerThousandActivists = 2000 / 300.0 },
                ],
            },
            new MovementParameters
            {
                Id = "labour",
                GrievanceShift = 0.1,
                Activists = new ActivistParameters { Thresholds = [0, 1, 2, 3] },
            },
        ],
        Events = [new ScheduledEvent { At = 10, Set = "state.openness", Value = 0.9 }],
    };

    private static ParameterPathException Throws(Action action) => Assert.Throws<ParameterPathException>(action);

    [Fact]
    public void Get_reads_nested_records()
    {
        var s = new Scenario { State = new StateParameters { Openness = 0.25, RepressionTerm = 13 } };

        Assert.Equal(0.25, ParameterPath.Get(s, "state.openness"));
        Assert.Equal(13, ParameterPath.Get(s, "state.repression_term"));
        Assert.Equal(NetworkKind.SmallWorld, ParameterPath.Get(s, "network.kind"));
        Assert.Equal(520, ParameterPath.Get(s, "ticks"));
    }

    [Fact]
    public void Get_addresses_list_items_by_id_and_by_index()
    {
        var s = TwoMovements();

        Assert.Equal(0.1, ParameterPath.Get(s, "movements.labour.grievance_shift"));
        Assert.Equal(0.03, ParameterPath.Get(s, "movements.migrants.activists.energy_cost"));
        Assert.Equal(0.03, ParameterPath.Get(s, "movements[0].activists.energy_cost"));
        Assert.Equal("labour", ParameterPath.Get(s, "movements[1].id"));
        Assert.Equal(OrganizationKind.LawyersNgo, ParameterPath.Get(s, "movements.migrants.organizations[1].kind"));
        Assert.Equal(2.0, ParameterPath.Get(s, "movements.labour.activists.thresholds[2]"));
        Assert.Equal(0.9, ParameterPath.Get(s, "events[0].value"));
    }

    [Fact]
    public void Get_works_on_the_default_movement_list()
    {
        // The default list is a compiler-made collection, not an array: it must still be addressable.
        var s = new Scenario();

        Assert.Equal("movement", ParameterPath.Get(s, "movements[0].id"));
        Assert.Equal(2000, ParameterPath.Get(s, "movements.movement.activists.count"));
    }

    [Fact]
    public void Type_at_gives_the_declared_type()
    {
        var s = TwoMovements();

        Assert.Equal(typeof(int), ParameterPath.TypeAt(s, "movements.labour.activists.count"));
        Assert.Equal(typeof(Distribution), ParameterPath.TypeAt(s, "movements[0].activists.grievance"));
        Assert.Equal(typeof(int?), ParameterPath.TypeAt(s, "events[0].until"));
        Assert.Equal(typeof(ThresholdUnit), ParameterPath.TypeAt(s, "movements[0].activists.threshold_unit"));
    }

    [Fact]
    public void With_replaces_a_nested_value_and_leaves_the_original_alone()
    {
        var original = TwoMovements();

        var changed = ParameterPath.With(original, "state.openness", 0.1);

        Assert.Equal(0.1, changed.State.Openness);
        Assert.Equal(0.5, original.State.Openness);
        Assert.NotSame(original, changed);
        Assert.NotSame(original.State, changed.State);
        // Everything else is carried over.
        Assert.Equal(original.State with { Openness = 0.1 }, changed.State);
        Assert.Same(original.Network, changed.Network);
        Assert.Equal(original.Seed, changed.Seed);
    }

    [Fact]
    public void With_replaces_one_list_item_by_id()
    {
        var original = TwoMovements();

        var changed = ParameterPath.With(original, "movements.labour.grievance_shift", 0.4);

        Assert.Equal(0.4, changed.Movements[1].GrievanceShift);
        Assert.Equal(0.1, original.Movements[1].GrievanceShift);
        Assert.Same(original.Movements[0], changed.Movements[0]);
        Assert.Equal(new[] { "migrants", "labour" }, changed.Movements.Select(m => m.Id));
        Assert.Equal(original.Movements[1] with { GrievanceShift = 0.4 }, changed.Movements[1]);
    }

    [Fact]
    public void With_replaces_deep_list_items_by_index()
    {
        var original = TwoMovements();

        var a = ParameterPath.With(original, "movements[0].organizations[1].per_thousand_activists", 7.0);
        var b = ParameterPath.With(original, "movements[1].activists.thresholds[1]", 2.0);

        Assert.Equal(7, a.Movements[0].Organizations[1].PerThousandActivists);
        Assert.Equal(4000 / 300.0, a.Movements[0].Organizations[0].PerThousandActivists);
        Assert.Equal(2000 / 300.0, original.Movements[0].Organizations[1].PerThousandActivists);
        Assert.Equal(new[] { 0.0, 2.0, 2.0, 3.0 }, b.Movements[1].Activists.Thresholds);
        Assert.Equal(new[] { 0.0, 1.0, 2.0, 3.0 }, original.Movements[1].Activists.Thresholds);
    }

    [Theory]
    [InlineData("complete", NetworkKind.Complete)]
    [InlineData("small_world", NetworkKind.SmallWorld)]
    [InlineData("none", NetworkKind.None)]
    [InlineData("Random", NetworkKind.Random)]
    public void With_reads_enums_by_snake_case_name(string text, NetworkKind expected)
    {
        var changed = ParameterPath.With(new Scenario(), "network.kind", text);

        Assert.Equal(expected, changed.Network.Kind);
    }

    [Fact]
    public void With_reads_multi_word_enums_by_snake_case()
    {
        var changed = ParameterPath.With(TwoMovements(), "movements.migrants.organizations[0].kind", "womens_support");
        var unit = ParameterPath.With(TwoMovements(), "movements.labour.activists.threshold_unit", "people");

        Assert.Equal(OrganizationKind.WomensSupport, changed.Movements[0].Organizations[0].Kind);
        Assert.Equal(ThresholdUnit.People, unit.Movements[1].Activists.ThresholdUnit);
    }

    [Fact]
    public void An_unknown_enum_name_lists_the_valid_ones()
    {
        var e = Throws(() => ParameterPath.With(new Scenario(), "network.kind", "small-world"));

        Assert.Contains("small_world", e.Reason);
        Assert.Contains("complete", e.Reason);
        Assert.Equal("network.kind", e.Path);
    }

    [Fact]
    public void With_converts_a_whole_double_to_int()
    {
        var changed = ParameterPath.With(new Scenario(), "ticks", 300.0);
        var term = ParameterPath.With(new Scenario(), "state.repression_term", 12.0);

        Assert.Equal(300, changed.Ticks);
        Assert.Equal(12, term.State.RepressionTerm);
        Assert.IsType<int>(ParameterPath.Get(changed, "ticks"));
    }

    [Fact]
    public void With_converts_numbers_to_distributions_and_strings_to_numbers()
    {
        var grievance = ParameterPath.With(new Scenario(), "movements[0].activists.grievance", 0.7);
        var openness = ParameterPath.With(new Scenario(), "state.openness", "0.35");
        var enabled = ParameterPath.With(new Scenario(), "state.enabled", "false");

        Assert.Equal(Distribution.Constant(0.7), grievance.Movements[0].Activists.Grievance);
        Assert.Equal(0.35, openness.State.Openness);
        Assert.False(enabled.State.Enabled);
    }

    [Fact]
    public void With_accepts_null_for_a_nullable_value_only()
    {
        var s = TwoMovements();

        Assert.Null(ParameterPath.With(s, "events[0].until", null).Events[0].Until);
        Assert.Equal(20, ParameterPath.With(s, "events[0].until", 20.0).Events[0].Until);
        var e = Throws(() => ParameterPath.With(s, "ticks", null));
        Assert.Contains("value is required", e.Reason);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(-0.1)]
    public void A_non_whole_number_into_an_int_is_an_error(double value)
    {
        var e = Throws(() => ParameterPath.With(new Scenario(), "ticks", value));

        Assert.Contains("whole number", e.Reason);
        Assert.Equal("ticks", e.Path);
    }

    [Fact]
    public void A_non_whole_numeric_string_into_an_int_is_an_error()
    {
        var e = Throws(() => ParameterPath.With(new Scenario(), "ticks", "2.5"));

        Assert.Contains("whole number", e.Reason);
    }

    [Fact]
    public void A_number_that_does_not_fit_is_an_error()
    {
        var e = Throws(() => ParameterPath.With(new Scenario(), "ticks", 1e12));
        Assert.Contains("cannot be read as int32", e.Reason);

        var text = Throws(() => ParameterPath.With(new Scenario(), "state.openness", "open"));
        Assert.Contains("cannot be read as double", text.Reason);
    }

    [Fact]
    public void An_unknown_key_suggests_the_closest_valid_key()
    {
        var e = Throws(() => ParameterPath.Get(new Scenario(), "state.opennes"));

        Assert.Equal("state.opennes", e.Path);
        Assert.Contains("unknown key 'opennes'", e.Reason);
        Assert.Contains("did you mean 'openness'?", e.Reason);
        Assert.Contains("repression_capacity", e.Reason); // the keys valid there
        Assert.StartsWith("state.opennes: ", e.Message);
    }

    [Fact]
    public void An_unknown_key_far_from_any_valid_key_has_no_suggestion()
    {
        var e = Throws(() => ParameterPath.With(new Scenario(), "state.zzzzzzzzzzzz", 1.0));

        Assert.Contains("unknown key 'zzzzzzzzzzzz'", e.Reason);
        Assert.DoesNotContain("did you mean", e.Reason);
    }

    [Fact]
    public void An_unknown_id_lists_the_ids()
    {
        var e = Throws(() => ParameterPath.Get(TwoMovements(), "movements.labor.grievance_shift"));

        Assert.Contains("no item with id 'labor'", e.Reason);
        Assert.Contains("migrants, labour", e.Reason);
    }

    [Theory]
    [InlineData("movements[2].id")]
    [InlineData("movements[-1].id")]
    [InlineData("movements[x].id")]
    [InlineData("movements[1].activists.thresholds[4]")]
    public void An_index_outside_the_list_is_an_error(string path)
    {
        var e = Throws(() => ParameterPath.Get(TwoMovements(), path));

        Assert.Contains("outside the list", e.Reason);
        // and With does not fall back to anything else
        Throws(() => ParameterPath.With(TwoMovements(), path, 1.0));
    }

    [Fact]
    public void Indexing_something_that_is_not_a_list_is_an_error()
    {
        var e = Throws(() => ParameterPath.Get(new Scenario(), "state[0].openness"));

        Assert.Contains("not a list", e.Reason);
    }

    [Fact]
    public void An_unclosed_bracket_is_an_error()
    {
        var e = Throws(() => ParameterPath.Get(TwoMovements(), "movements[0.id"));

        Assert.Contains("without ']'", e.Reason);
    }

    [Fact]
    public void A_failed_with_leaves_the_original_alone()
    {
        var original = TwoMovements();
        var migrants = original.Movements[0];

        Throws(() => ParameterPath.With(original, "movements.migrants.activists.count", 2.5));

        Assert.Same(migrants, original.Movements[0]);
        Assert.Equal(300, original.Movements[0].Activists.Count);
    }

    [Fact]
    public void Split_separates_dots_and_indexes()
    {
        Assert.Equal(new[] { "movements", "[1]", "organizations", "[0]", "kind" }, ParameterPath.Split("movements[1].organizations[0].kind"));
        Assert.Equal(new[] { "state", "openness" }, ParameterPath.Split("state.openness"));
    }

    [Theory]
    [InlineData("RiskAversion", "risk_aversion")]
    [InlineData("Openness", "openness")]
    [InlineData("InformationAmplification", "information_amplification")]
    [InlineData("NGOKind", "ngo_kind")]
    public void Keys_are_snake_case_of_property_names(string property, string key)
    {
        Assert.Equal(key, ParameterPath.ToSnakeCase(property));
    }
}
