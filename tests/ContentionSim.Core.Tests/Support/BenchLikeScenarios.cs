using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Tests.Support;

/// <summary>Scenarios shaped like scenarios/japan-2007.yaml (one movement, small world of degree 8, organizations of several kinds, members-only and public information).</summary>
public static class BenchLikeScenarios
{
    public static Scenario JapanLike(int activists, int ticks, ulong seed = 2007) => new()
    {
        Seed = seed,
        Ticks = ticks,
        State = new StateParameters { Openness = 0.15, RepressionPropensity = 0.6, Responsiveness = 0.3, ThreatFraming = 0.3 },
        Movements =
        [
            new MovementParameters
            {
                Id = "migrant_rights",
                Activists = new ActivistParameters { Count = activists, Membership = 0.25 },
                Organizations =
                [
                    new OrganizationGroupParameters { Kind = OrganizationKind.ChristianNgo, PerThousandActivists = 0.8, PublicInformation = false },
                    new OrganizationGroupParameters { Kind = OrganizationKind.CommunityUnion, PerThousandActivists = 0.6, PublicInformation = false, Mobilization = 0.25 },
                    new OrganizationGroupParameters { Kind = OrganizationKind.LawyersNgo, PerThousandActivists = 0.4, PublicInformation = true },
                    new OrganizationGroupParameters { Kind = OrganizationKind.ConcernedCitizens, PerThousandActivists = 1.0, PublicInformation = false },
                ],
            },
        ],
    };
}
