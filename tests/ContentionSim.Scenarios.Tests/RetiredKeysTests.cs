using ContentionSim.Core.Parameters;
using static ContentionSim.Scenarios.Tests.Support;

namespace ContentionSim.Scenarios.Tests;

/// <summary>
/// Keys replaced by quantities per capita (issue 15 item 1) are refused where they are written, with the new
/// key and the conversion, in a file, in --set and in an event.
/// </summary>
public class RetiredKeysTests
{
    [Fact]
    public void An_organization_count_in_a_file_names_per_thousand_activists_and_the_conversion()
    {
        var d = Problem("""
            name: x
            movements:
              - id: m
                activists:
                  count: 2000
                organizations:
                  - kind: christian_ngo
                    count: 10
            """, "old.yaml");

        AssertAt(d, 8, 9, "movements[0].organizations[0].count");
        Assert.Equal("old.yaml", d.File);
        Assert.Contains("'count' was replaced by 'per_thousand_activists'", d.Message);
        Assert.Contains("count × 1,000 / activists.count", d.Fix);
        Assert.DoesNotContain("unknown key", d.Message);
    }

    [Theory]
    [InlineData("state:\n  institutional_relief: 0.005\n", "state.institutional_relief", "institutional_relief_per_thousand")]
    [InlineData("transnational:\n  pressure_per_alliance: 0.02\n", "transnational.pressure_per_alliance", "pressure_per_alliance_per_thousand")]
    public void A_retired_key_of_the_state_or_the_allies_names_its_replacement(string yaml, string path, string replacement)
    {
        var d = Problem("name: x\n" + yaml);

        AssertAt(d, 3, 3, path);
        Assert.Contains($"replaced by '{replacement}'", d.Message);
        Assert.Contains("total activists / 1,000", d.Fix);
    }

    [Fact]
    public void A_retired_key_in_set_names_its_replacement()
    {
        var d = Assert.Single(OverrideProblems(new Scenario(), "movements[0].organizations[0].count=4"));

        Assert.Equal("--set", d.File);
        Assert.Contains("per_thousand_activists", d.Message + d.Fix);
    }

    [Fact]
    public void Every_retired_key_is_gone_from_its_record_and_its_replacement_exists()
    {
        foreach (var r in RetiredKeys.All)
        {
            Assert.Null(ParameterPath.Find(r.Record, r.Key));
            Assert.NotNull(ParameterPath.Find(r.Record, r.NewKey));
        }
    }
}
