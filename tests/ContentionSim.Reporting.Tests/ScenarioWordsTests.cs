using ContentionSim.Core.Parameters;
using ContentionSim.Reporting.Html;

namespace ContentionSim.Reporting.Tests;

public sealed class ScenarioWordsTests
{
    private static string Text(Scenario s) => string.Join("\n", ScenarioWords.Describe(s).Select(p => p.Heading + ": " + p.Text));

    [Fact]
    public void A_tight_state_is_called_tight_and_expected_to_arrest()
    {
        var text = Text(new Scenario { State = new StateParameters { Openness = 0.1, RepressionPropensity = 0.7, Responsiveness = 0.3 } });

        Assert.Contains("The state: The political opportunity structure is tight (openness 0.1 of 1)", text);
        Assert.Contains("expect arrests rather than talks", text);
    }

    [Fact]
    public void An_open_state_is_expected_to_talk()
    {
        var text = Text(new Scenario { State = new StateParameters { Openness = 0.9, RepressionPropensity = 0.4, Responsiveness = 0.7 } });

        Assert.Contains("is open (openness 0.9 of 1)", text);
        Assert.Contains("expect talks and co-optation rather than arrests", text);
    }

    [Theory]
    [InlineData(0, "never")]
    [InlineData(0.01, "almost never")]
    [InlineData(0.05, "rarely")]
    [InlineData(0.5, "often")]
    [InlineData(0.9, "very often")]
    public void The_alliance_probability_is_put_in_words(double p, string words) =>
        Assert.Contains($"with probability {ScenarioWords.N(p)} — {words} (the boomerang pattern)", Text(new Scenario { Transnational = new TransnationalParameters { AllianceProbability = p } }));

    [Fact]
    public void Organizations_are_counted_by_kind_with_their_focus()
    {
        var s = new Scenario
        {
            Movements =
            [
                new MovementParameters
                {
                    Organizations =
                    [
                        new OrganizationGroupParameters { Kind = OrganizationKind.ChristianNgo, PerThousandActivists = 2, Counselling = 0.84, LanguageClasses = 0.63, Framing = 0.1, Mobilization = 0.1, Lobbying = 0.3, PublicInformation = false },
                        new OrganizationGroupParameters { Kind = OrganizationKind.LawyersNgo, PerThousandActivists = 0.5, PublicInformation = false },
                    ],
                },
            ],
        };

        var text = Text(s);

        Assert.Contains("5 organizations: 4 Christian NGOs and 1 lawyers' NGO", text);
        Assert.Contains("mostly service providers", text);
        Assert.Contains("their information is for members only", text);
    }

    [Fact]
    public void Switched_off_actors_and_scheduled_events_are_said_so()
    {
        var text = Text(new Scenario
        {
            State = new StateParameters { Enabled = false },
            Transnational = new TransnationalParameters { Enabled = false },
            Events = [new ScheduledEvent { At = 100, Set = "state.openness", Value = 0.2, Until = 150, Label = "erosion" }],
        });

        Assert.Contains("The state: Switched off", text);
        Assert.Contains("Allies abroad: None", text);
        Assert.Contains("From week 100 to week 150, state.openness moves to 0.2 (erosion).", text);
    }

    [Theory]
    [InlineData(0.25, "25%")]
    [InlineData(0.025, "2.5%")]
    [InlineData(0.03, "3%")]
    [InlineData(1, "100%")]
    public void Shares_are_whole_percentages_or_one_decimal_below_ten(double share, string expected) =>
        Assert.Equal(expected, ScenarioWords.Pct(share));
}
