using ContentionSim.Core.Parameters;
using static ContentionSim.Scenarios.Tests.Support;

namespace ContentionSim.Scenarios.Tests;

public partial class ScenarioLoaderTests
{
    // ---- malformed YAML ------------------------------------------------------------------

    [Fact]
    public void Tab_indentation_points_at_the_tab()
    {
        var d = Problem("name: x\nstate:\n\topenness: 0.5\n", "tabs.yaml");
        Assert.Equal(("tabs.yaml", 3, 1), (d.File, d.Line, d.Column));
        Assert.Contains("tab", d.Message);
        Assert.Contains("spaces", d.Fix);
    }

    [Fact]
    public void Unclosed_quote_points_at_the_opening_quote()
    {
        var d = Problem("name: x\ndescription: \"a wave of protest\nticks: 5\n");
        Assert.Equal((2, 14), (d.Line, d.Column));
        Assert.Contains("never closed", d.Message);
        Assert.Contains("closing \"", d.Fix);
    }

    [Fact]
    public void Bad_indentation_is_explained()
    {
        var d = Problem("state:\n  openness: 0.5\n repression_capacity: 0.1\n");
        Assert.Equal(3, d.Line);
        Assert.Contains("indentation", d.Message);
        Assert.NotNull(d.Fix);
    }

    [Fact]
    public void Duplicate_key_is_reported_with_both_lines()
    {
        var problems = Problems("name: a\nticks: 10\nname: b\nstate:\n  openness: 0.1\n  openness: 0.2\n");
        Assert.Equal(2, problems.Count);
        AssertAt(problems[0], 3, 1, "name");
        Assert.Contains("duplicate key 'name'", problems[0].Message);
        Assert.Contains("line 1", problems[0].Message);
        AssertAt(problems[1], 6, 3, "state.openness");
        Assert.Contains("line 5", problems[1].Message);
    }

    [Fact]
    public void Second_document_is_refused()
    {
        var d = Problem("name: a\n---\nname: b\n");
        Assert.Equal(2, d.Line);
        Assert.Contains("second YAML document", d.Message);
    }

    // ---- unknown keys --------------------------------------------------------------------

    [Fact]
    public void Unknown_top_level_key_suggests_the_closest()
    {
        var d = Problem("name: x\ntick: 10\n");
        AssertAt(d, 2, 1, "tick");
        Assert.Contains("did you mean 'ticks'?", d.Message);
        Assert.Contains("spillover", d.Fix);
        Assert.Contains("movements", d.Fix);
    }

    [Fact]
    public void Unknown_nested_key_suggests_the_closest_and_lists_the_section()
    {
        var d = Problem("name: x\nstate:\n  opennes: 0.5\n");
        AssertAt(d, 3, 3, "state.opennes");
        Assert.Contains("did you mean 'openness'?", d.Message);
        Assert.Contains("repression_capacity", d.Fix);
        Assert.DoesNotContain("smoothing", d.Fix); // keys of other sections are not listed
    }

    [Fact]
    public void Unknown_key_inside_a_list_item_has_the_item_index_in_its_path()
    {
        var d = Problem("""
            movements:
              - id: a
              - id: b
                activists:
                  risk_aversio: 0.4
            """);
        AssertAt(d, 5, 7, "movements[1].activists.risk_aversio");
        Assert.Contains("did you mean 'risk_aversion'?", d.Message);
    }

    [Fact]
    public void Key_in_the_wrong_section_says_where_it_belongs()
    {
        var d = Problem("openness: 0.5\n");
        Assert.Contains("'openness' is a key of 'state'", d.Message);
    }

    [Fact]
    public void Camel_case_key_suggests_the_snake_case_key()
    {
        var d = Problem("state:\n  RepressionCapacity: 0.1\n");
        Assert.Contains("did you mean 'repression_capacity'?", d.Message);
    }

    // ---- wrong types ---------------------------------------------------------------------

    [Fact]
    public void Text_where_a_number_is_expected()
    {
        var d = Problem("name: x\nspillover: strong\n");
        AssertAt(d, 2, 12, "spillover");
        Assert.Contains("expected a number, found 'strong'", d.Message);
    }

    [Fact]
    public void Quoted_number_is_text()
    {
        var d = Problem("spillover: \"0.3\"\n");
        Assert.Contains("quoted text", d.Message);
        Assert.Contains("remove the quotes", d.Fix);
    }

    [Fact]
    public void Percentage_suggests_a_fraction()
    {
        var d = Problem("spillover: 30%\n");
        Assert.Contains("0.3", d.Fix);
    }

    [Fact]
    public void Mapping_where_a_number_is_expected()
    {
        var d = Problem("state:\n  openness:\n    value: 0.5\n");
        AssertAt(d, 3, 5, "state.openness");
        Assert.Contains("expected a number, found a mapping", d.Message);
    }

    [Fact]
    public void Number_where_a_section_is_expected()
    {
        var d = Problem("state: 0.5\n");
        AssertAt(d, 1, 8, "state");
        Assert.Contains("expected a section of keys (enabled, openness", d.Message);
    }

    [Fact]
    public void Mapping_where_a_list_is_expected()
    {
        var d = Problem("movements:\n  id: a\n");
        AssertAt(d, 2, 3, "movements");
        Assert.Contains("expected a list of movements", d.Message);
        Assert.Contains("'- ", d.Fix);
    }

    [Fact]
    public void Non_boolean_for_a_boolean()
    {
        var d = Problem("state:\n  enabled: yes\n");
        AssertAt(d, 2, 12, "state.enabled");
        Assert.Contains("expected true or false", d.Message);
        Assert.Equal("write true", d.Fix);
    }

    [Fact]
    public void Integer_key_given_a_fraction()
    {
        var d = Problem("name: x\nticks: 52.5\n");
        AssertAt(d, 2, 8, "ticks");
        Assert.Equal("expected a whole number, found 52.5", d.Message);
        Assert.Contains("52 or 53", d.Fix);
    }

    [Fact]
    public void Integer_key_given_a_number_too_large()
    {
        var d = Problem("ticks: 99999999999\n");
        Assert.Contains("too large", d.Message);
    }

    [Fact]
    public void Seed_beyond_the_largest_names_the_largest()
    {
        var d = Problem("seed: 18446744073709551616\n");
        Assert.Equal("18446744073709551616 is too large: expected a whole number from 0 to 18446744073709551615", d.Message);
    }

    [Fact]
    public void Negative_seed()
    {
        var d = Problem("seed: -1\n");
        AssertAt(d, 1, 7, "seed");
        Assert.Contains("0 or more", d.Message);
    }

    [Fact]
    public void Bad_enum_lists_the_valid_values()
    {
        var d = Problem("network:\n  kind: small_wrld\n");
        AssertAt(d, 2, 9, "network.kind");
        Assert.Contains("not a valid network kind; did you mean 'small_world'?", d.Message);
        Assert.Equal("use one of: small_world, random, complete, none", d.Fix);
    }

    [Fact]
    public void Missing_value_for_a_number()
    {
        var d = Problem("state:\n  openness:\n");
        Assert.Equal("state.openness", d.Path);
        Assert.Contains("a value is required", d.Message);
    }

    // ---- distributions -------------------------------------------------------------------

    [Theory]
    [InlineData("{mean: 0.5, sd: 0.1}", "needs a 'kind'")]
    [InlineData("{kind: uniform, min: 0, max: 1, sd: 0.1}", "'sd' does not apply to a uniform distribution")]
    [InlineData("{kind: uniform, mean: 0.5}", "'mean' does not apply to a uniform distribution")]
    [InlineData("{kind: normal, mean: 0.5}", "a normal distribution needs 'sd'")]
    [InlineData("{normal: [0.5]}", "'normal' expects [mean, sd]")]
    [InlineData("{uniform: [0, 0.5, 1]}", "'uniform' expects [min, max]")]
    [InlineData("{normal: [0.5, 0.1], kind: beta}", "both set the kind")]
    [InlineData("{normal: [0.5, 0.1], mean: 0.4}", "'mean' is given twice")]
    [InlineData("{kind: weibull, mean: 0.5}", "'weibull' is not a valid distribution kind")]
    [InlineData("{kind: normal, mean: 0.5, sdev: 0.1}", "unknown key 'sdev' in a distribution; did you mean 'sd'?")]
    [InlineData("normal", "without parameters")]
    [InlineData("[0.2, 0.8]", "found a list of 2")]
    public void Distribution_errors(string yaml, string expected)
    {
        var problems = Problems($"movements:\n  - activists:\n      grievance: {yaml}\n");
        Assert.Contains(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal(3, p.Line));
        Assert.All(problems, p => Assert.StartsWith("movements[0].activists.grievance", p.Path));
    }

    [Theory]
    [InlineData("{normal: [1.4, 0.1]}", "movements[0].activists.grievance.mean", "mean 1.4 is out of range")]
    [InlineData("{kind: normal, mean: 0.5, sd: -0.1}", "movements[0].activists.grievance.sd", "sd -0.1 is out of range")]
    [InlineData("{uniform: [0.8, 0.2]}", "movements[0].activists.grievance.max", "max 0.2 is below min 0.8")]
    [InlineData("{kind: normal, mean: 0.5, sd: 0.1, min: 0.6, max: 0.9}", "movements[0].activists.grievance.mean", "lies outside [min 0.6, max 0.9]")]
    [InlineData("{beta: [0.5, 0.6]}", "movements[0].activists.grievance.sd", "too large for a beta")]
    [InlineData("1.5", "movements[0].activists.grievance", "constant 1.5 is out of range")]
    public void Distribution_ranges(string yaml, string path, string expected)
    {
        var d = Problem($"movements:\n  - activists:\n      grievance: {yaml}\n");
        Assert.Equal(path, d.Path);
        Assert.Contains(expected, d.Message);
        Assert.Equal(3, d.Line);
    }

    [Fact]
    public void Distribution_beyond_one_needs_max()
    {
        var d = Problem("movements:\n  - organizations:\n      - volunteers: {normal: [20, 5]}\n");
        Assert.Equal("movements[0].organizations[0].volunteers.mean", d.Path);
        Assert.Contains("default to 0 and 1", d.Fix);
    }

    // ---- ranges and settings that must agree ---------------------------------------------

    [Fact]
    public void Out_of_range_value_points_at_the_value()
    {
        var d = Problem("name: x\nstate:\n  openness: 1.5\n");
        AssertAt(d, 3, 13, "state.openness");
        Assert.Equal("1.5 is out of range: expected a number from 0 to 1", d.Message);
    }

    [Fact]
    public void Out_of_range_whole_number_shows_the_unit()
    {
        var d = Problem("movements:\n  - activists:\n      count: 0\n");
        AssertAt(d, 3, 14, "movements[0].activists.count");
        Assert.Contains("expected a whole number from 1 to 50,000,000 (people)", d.Message);
    }

    [Fact]
    public void Contradictory_classifier_margins()
    {
        var d = Problem("classifier:\n  onset_margin: 0.02\n  end_margin: 0.05\n");
        AssertAt(d, 3, 15, "classifier.end_margin");
        Assert.Contains("end_margin 0.05 is above onset_margin 0.02", d.Message);
        Assert.Contains("at most 0.02", d.Fix);
    }

    [Fact]
    public void Contradictory_energy_levels()
    {
        var d = Problem("movements:\n  - activists:\n      exhaustion_level: 0.5\n      recovered_level: 0.4\n");
        AssertAt(d, 4, 24, "movements[0].activists.recovered_level");
        Assert.Contains("not above exhaustion_level 0.5", d.Message);
    }

    [Fact]
    public void Degree_larger_than_the_population_says_the_maximum()
    {
        var d = Problem("network:\n  degree: 12\nmovements:\n  - activists:\n      count: 10\n    organizations: []\n");
        AssertAt(d, 2, 11, "network.degree");
        Assert.Contains("the largest possible degree for small_world is 8", d.Message);
    }

    [Fact]
    public void Degree_check_points_at_the_count_when_the_degree_is_a_default()
    {
        var d = Problem("name: x\nmovements:\n  - activists:\n      count: 5\n    organizations: []\n");
        AssertAt(d, 4, 14, "network.degree");
        Assert.Contains("degree 8", d.Message);
    }

    [Fact]
    public void Odd_small_world_degree()
    {
        var d = Problem("network:\n  degree: 7\n");
        Assert.Equal("network.degree", d.Path);
        Assert.Equal("use 6 or 8", d.Fix);
    }

    [Fact]
    public void Odd_degree_is_fine_for_a_random_network()
    {
        Assert.Equal(7, ScenarioLoader.Parse("network:\n  kind: random\n  degree: 7\n", "t.yaml").Network.Degree);
    }

    [Fact]
    public void Duplicate_and_malformed_movement_ids()
    {
        var problems = Problems("movements:\n  - id: a\n  - id: a\n  - id: bad id!\n");
        AssertAt(problems[0], 3, 9, "movements[1].id");
        Assert.Contains("already used by movements[0] (line 2)", problems[0].Message);
        AssertAt(problems[1], 4, 9, "movements[2].id");
        Assert.Contains("use 'bad_id'", problems[1].Fix);
    }

    [Fact]
    public void Movements_without_ids_are_told_to_add_them()
    {
        var d = Problem("movements:\n  - name: A\n  - name: B\n");
        Assert.Equal("movements[1].id", d.Path);
        Assert.Equal(3, d.Line);
        Assert.Contains("the default id is 'movement'", d.Fix);
    }

    [Fact]
    public void No_movements()
    {
        var d = Problem("movements: []\n");
        AssertAt(d, 1, 1, "movements");
        Assert.Contains("at least one", d.Message);
    }

    [Fact]
    public void Huge_population_is_refused_with_the_memory_it_would_need()
    {
        var d = Problem("movements:\n  - id: a\n    activists: {count: 40000000}\n  - id: b\n    activists: {count: 20000000}\n");
        Assert.Equal("movements", d.Path);
        Assert.Equal(3, d.Line); // the largest movement's count
        // 60M × (120 + 4 × 8) bytes = 9.12 GB
        Assert.Contains("60,000,000 activists in total is more than the limit of 50,000,000", d.Message);
        Assert.Contains("9.1 GB", d.Message);
    }

    // ---- events --------------------------------------------------------------------------

    [Fact]
    public void Event_with_an_invalid_path()
    {
        var d = Problem("events:\n  - at: 5\n    set: state.opennes\n    value: 0.5\n");
        AssertAt(d, 3, 10, "events[0].set");
        Assert.Contains("'state.opennes' is not a parameter", d.Message);
        Assert.Contains("did you mean 'openness'?", d.Message);
    }

    [Fact]
    public void Event_path_that_goes_on_past_a_value()
    {
        var d = Problem("events:\n  - {at: 5, set: state.openness.max, value: 0.5}\n");
        Assert.Contains("'state.openness' is a number and has no part 'max'", d.Message);
    }

    [Fact]
    public void Event_on_an_unknown_movement_id()
    {
        var d = Problem("movements:\n  - id: migrants\nevents:\n  - {at: 5, set: movements.students.grievance_shift, value: 0.1}\n");
        Assert.Equal("events[0].set", d.Path);
        Assert.Contains("no item with id 'students'", d.Message);
    }

    [Theory]
    [InlineData("{at: 5, set: network.kind, value: 1}", "events[0].set", "not a number")]
    [InlineData("{at: 5, set: 'movements[0].activists.grievance', value: 0.5}", "events[0].set", "grievance_shift")]
    [InlineData("{at: 5, set: movements.movement.activists.count, value: 5}", "events[0].set", "only when the run starts")]
    [InlineData("{at: 5, set: state.openness, value: 2}", "events[0].value", "value 2 is out of range for state.openness")]
    [InlineData("{at: 5, set: state.repression_term, value: 2.5}", "events[0].value", "not a whole number")]
    [InlineData("{at: 520, set: state.openness, value: 0.5}", "events[0].at", "never happen")]
    [InlineData("{at: 50, until: 40, set: state.openness, value: 0.5}", "events[0].until", "until 40 is not after at 50")]
    [InlineData("{at: 50, value: 0.5}", "events[0].set", "does not say which parameter")]
    public void Event_errors(string yaml, string path, string expected)
    {
        var d = Problem($"events:\n  - {yaml}\n");
        Assert.Equal(path, d.Path);
        Assert.Contains(expected, d.Fix is not null && expected == "grievance_shift" ? d.Fix : d.Message);
        Assert.Equal(2, d.Line);
    }

    [Fact]
    public void Shock_and_ramp_on_a_movement_by_id_load()
    {
        var s = ScenarioLoader.Parse("""
            movements:
              - id: migrants
            events:
              - {at: 5, set: movements.migrants.grievance_shift, value: 0.2}
              - {at: 10, until: 30, set: "movements[0].activists.energy_cost", value: 0.05}
            """, "t.yaml");
        Assert.Equal(2, s.Events.Count);
    }

    // ---- several problems at once --------------------------------------------------------

    [Fact]
    public void All_problems_are_reported_together_in_file_order()
    {
        var problems = Problems("""
            name: broken
            ticks: 52.5
            network:
              kind: ring
            movements:
              - id: migrants
                activists:
                  risk_aversio: 0.4
            state:
              openness: 1.5
            classifier:
              onset_margin: 0.02
              end_margin: 0.05
            """);
        Assert.Equal(["ticks", "network.kind", "movements[0].activists.risk_aversio", "state.openness", "classifier.end_margin"],
            problems.Select(p => p.Path));
        Assert.Equal([2, 4, 8, 10, 13], problems.Select(p => p.Line));
    }

    [Fact]
    public void A_value_that_failed_to_bind_is_not_range_checked_again()
    {
        // 'count' keeps its default when it cannot be read; the degree check must not pile on.
        var problems = Problems("movements:\n  - activists:\n      count: many\n");
        var d = Assert.Single(problems);
        Assert.Equal("movements[0].activists.count", d.Path);
    }

    [Fact]
    public void Exception_message_lists_every_problem_on_its_own_line()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("tick: 5\nstate:\n  openness: 2\n", "m.yaml"));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("m.yaml:1:1: tick: unknown key 'tick'", lines[0]);
        Assert.StartsWith("m.yaml:3:13: state.openness: 2 is out of range", lines[1]);
    }

    // ---- empty and odd documents ---------------------------------------------------------

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   \n\n", "is empty")]
    [InlineData("# just a comment\n", "only comments")]
    [InlineData("---\n", "only comments")]
    public void Empty_documents(string yaml, string expected)
    {
        var d = Problem(yaml, "empty.yaml");
        Assert.Equal(("empty.yaml", 1, 1), (d.File, d.Line, d.Column));
        Assert.Contains(expected, d.Message);
        Assert.Contains("name:", d.Fix);
    }

    [Theory]
    [InlineData("name: \"a/b\"\n")]
    [InlineData("name: \"\"\n")]
    public void Name_must_work_as_a_folder_name(string yaml)
    {
        Assert.Equal("name", Problem(yaml).Path);
    }

    [Fact]
    public void Enum_names_are_forgiving_about_case_and_dashes()
    {
        Assert.Equal(NetworkKind.SmallWorld, ScenarioLoader.Parse("network:\n  kind: small-world\n", "t.yaml").Network.Kind);
        Assert.Equal(NetworkKind.SmallWorld, ScenarioLoader.Parse("network:\n  kind: SmallWorld\n", "t.yaml").Network.Kind);
    }

    [Fact]
    public void Top_level_list_is_refused()
    {
        var d = Problem("- name: x\n");
        Assert.Contains("expected the scenario's keys", d.Message);
    }
}
