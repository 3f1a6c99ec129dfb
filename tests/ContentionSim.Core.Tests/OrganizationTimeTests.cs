using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Core.Tests;

/// <summary>
/// Organizations' time (docs/ODD.md 7.2): volunteers' and staff's hours go to casework first, casework
/// takes workers to local offices, volunteers with time left visit local authorities. The survey's link of
/// volunteers and local contacts comes from these, not from a chance written per organization.
/// </summary>
public sealed class OrganizationTimeTests
{
    private static RunResult Run(double openness, Func<OrganizationGroupParameters, OrganizationGroupParameters>? change = null, int ticks = 200)
    {
        var group = new OrganizationGroupParameters
        {
            PerThousandActivists = 6, Counselling = 1, // 12 organizations at 2,000 activists LanguageClasses = 0, Lobbying = 1, LobbyingRate = 1,
            Volunteers = new Distribution { Kind = DistributionKind.Uniform, Min = 0, Max = 60, Mean = 30 },
            SalariedStaff = new Distribution { Kind = DistributionKind.Uniform, Min = 0, Max = 4, Mean = 2 },
        };
        return Simulator.Run(new Scenario
        {
            Seed = 3,
            Ticks = ticks,
            State = new StateParameters { Openness = openness },
            Movements = [new MovementParameters { Activists = new ActivistParameters { Count = 2_000 }, Organizations = [change is null ? group : change(group)] }],
        }, new RunOptions { Threads = 1 });
    }

    [Fact]
    public void Casework_takes_workers_to_local_offices_and_without_office_visits_only_lobbying_visits_remain()
    {
        var run = Run(0.2);
        Assert.All(run.Organizations.Where(o => o.Volunteers > 0 && o.Members > 40), o => Assert.True(o.ContactsLocalAuthorities > o.Lobbying, $"organization {o.Id}"));
        var noOffices = Run(0.2, g => g with { LocalOfficeShare = 0 });
        Assert.All(noOffices.Organizations, o => Assert.True(o.ContactsLocalAuthorities <= o.Lobbying, $"organization {o.Id}"));
    }

    [Fact]
    public void Organizations_with_no_hours_do_no_casework_and_spend_nothing_on_service()
    {
        var idle = Run(0.2, g => g with { VolunteerHours = 0, StaffHours = 0 });
        Assert.All(idle.Organizations, o =>
        {
            Assert.Equal(0, o.ContactsLocalAuthorities); // no casework and no volunteer time left for a visit
            Assert.True(o.Counselling > 0);              // the means is still used (the survey's share), with no time behind it
        });
        var busy = Run(0.2);
        Assert.True(busy.Organizations.Average(o => o.ServiceEffort) > idle.Organizations.Average(o => o.ServiceEffort));
    }
}
