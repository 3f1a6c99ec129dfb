using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>The survey's shares from organizations' counters, the tolerance, and the correlations.</summary>
public class SurveyJapan2007Tests
{
    private static readonly SurveyJapan2007 Experiment = new();

    [Fact]
    public void Shares_count_organizations_that_used_a_means_at_all()
    {
        OrganizationRecord[] orgs =
        [
            new() { Counselling = 3, LanguageClasses = 0, Networking = 1, ContactsDomestic = 130, Lobbying = 0 },
            new() { Counselling = 0, LanguageClasses = 2, Networking = 0, ContactsDomestic = 129, ContactsInternational = 1, Lobbying = 4 },
            new() { Counselling = 1, LanguageClasses = 1, Networking = 0, ContactsDomestic = 600, ContactsAbroad = 2, Lobbying = 1 },
            new() { Counselling = 1, LanguageClasses = 0, Networking = 0, ContactsDomestic = 0, Lobbying = 0 },
        ];
        var m = Experiment.Measure(Synthetic.Run(organizations: orgs, ticks: 520)); // regular: at least 520/4 = 130 domestic contacts
        Assert.Equal([4, 0.75, 0.5, 0.25, 0.5, 0.5, 0.5], m);
    }

    private static ExperimentRun Replication(int r, double counselling, int orgs = 19)
    {
        var organizations = Enumerable.Range(0, orgs).Select(i => new OrganizationRecord
        {
            Volunteers = 5 + 5 * i,
            ContactsLocalAuthorities = 10 * i + r % 3,
            SalariedStaff = i % 4,
            ContactsNationalGovernment = (i * 7 + r) % 5,
        }).ToArray();
        return Synthetic.Record(r, [], ("organizations", orgs), ("counselling", counselling), ("language_classes", 0.63),
            ("networking", 0.74), ("regular_cooperation_japan", 0.89), ("cooperation_abroad", 0.05), ("influence_politics", 0.6)) with { Organizations = organizations };
    }

    [Fact]
    public void The_paper_figures_pass_and_a_share_outside_the_tolerance_fails()
    {
        var good = Experiment.Analyze(Enumerable.Range(0, 30).Select(r => Replication(r, 0.8 + 0.01 * (r % 3))).ToArray());
        Assert.All(good.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Estimate}"));
        Assert.Equal(9, good.Table.Count); // header, six shares, two correlations
        Assert.Equal("input check", good.Table[1][^1]);
        Assert.Equal("formula check", good.Table[4][^1]);
        Assert.Equal("reproduced fact", good.Table[7][^1]);

        var bad = Experiment.Analyze(Enumerable.Range(0, 30).Select(r => Replication(r, 1.0)).ToArray());
        Assert.False(bad.Checks[0].Passed); // counselling 1.0 is more than 0.84 + 0.10
        Assert.True(bad.Checks[1].Passed);
    }

    [Fact]
    public void Correlations_are_pooled_over_organizations_of_all_replications()
    {
        var result = Experiment.Analyze(Enumerable.Range(0, 10).Select(r => Replication(r, 0.84)).ToArray());
        var volunteers = result.Checks.Single(c => c.Name.Contains("volunteers", StringComparison.Ordinal));
        Assert.Equal(190, volunteers.Estimate.N);
        Assert.True(volunteers.Estimate.Value > 0.9);
        var staff = result.Checks.Single(c => c.Name.Contains("salaried", StringComparison.Ordinal));
        Assert.True(Math.Abs(staff.Estimate.Value) < 0.3, staff.Estimate.ToString());
    }
}
