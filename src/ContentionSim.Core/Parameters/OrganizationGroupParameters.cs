namespace ContentionSim.Core.Parameters;

/// <summary>The six kinds of migrant support organization in Shipper (2006).</summary>
public enum OrganizationKind
{
    /// <summary>A Christian NGO.</summary>
    ChristianNgo,
    /// <summary>A community union.</summary>
    CommunityUnion,
    /// <summary>A women's support group.</summary>
    WomensSupport,
    /// <summary>A medical NGO.</summary>
    MedicalNgo,
    /// <summary>A lawyers' NGO.</summary>
    LawyersNgo,
    /// <summary>A group of concerned citizens.</summary>
    ConcernedCitizens,
}

/// <summary>A group of organizations of one kind in a movement: how many, their size and behaviour (<see cref="MovementParameters.Organizations"/>).</summary>
public sealed record OrganizationGroupParameters
{
    /// <summary>Kind of organization (Shipper): christian_ngo, community_union, womens_support, medical_ngo, lawyers_ngo, concerned_citizens.</summary>
    [Param("Kind of organization (Shipper): christian_ngo, community_union, womens_support, medical_ngo, lawyers_ngo, concerned_citizens.",
        Source = "Shipper (2006): the six kinds of migrant support organization")]
    public OrganizationKind Kind { get; init; } = OrganizationKind.ConcernedCitizens;

    /// <summary>Organizations in this group per 1,000 of the movement's activists: the number of organizations grows with the movement, so members per organization (membership × 1,000 / this) and what the organizations do per activist stay the same at any population size. The number built is this × activists / 1,000, rounded over the movement's groups by largest remainder (ODD 5).</summary>
    [Param("Organizations in this group per 1,000 of the movement's activists: the number of organizations grows with the movement, so members per organization (membership × 1,000 / this) and what the organizations do per activist stay the same at any population size. The number built is this × activists / 1,000, rounded over the movement's groups by largest remainder (ODD 5).", Min = 0, Max = 1_000_000, Unit = "per 1,000 activists",
        Source = "assumed (unit conversion of the former 'count': the default movement's ten organizations for 2,000 activists are 5 per 1,000; each shipped scenario gives its former count × 1,000 / its activists; issue 15 item 1)")]
    public double PerThousandActivists { get; init; } = 5;

    /// <summary>Organizations this group would have among <paramref name="activists"/> activists before rounding.</summary>
    public double ExactCount(int activists) => PerThousandActivists * activists / 1000.0;

    /// <summary>Volunteers per organization.</summary>
    [Param("Volunteers per organization.", Min = 0, Unit = "people",
        Source = "assumed: small local organizations, below the survey's \"more than 50 volunteers\" that have frequent local contact (Vogt & Lersch 2007)")]
    public Distribution Volunteers { get; init; } = new() { Kind = DistributionKind.Uniform, Min = 5, Max = 40, Mean = 22.5 };

    /// <summary>Salaried staff per organization.</summary>
    [Param("Salaried staff per organization.", Min = 0, Unit = "people",
        Source = "assumed: few staff, below the \"more than four salaried staff\" the survey links to subsidies (Vogt & Lersch 2007)")]
    public Distribution SalariedStaff { get; init; } = new() { Kind = DistributionKind.Uniform, Min = 0, Max = 3, Mean = 1.5 };

    /// <summary>Share of the group's organizations that give counselling (service), drawn once per organization; one that does counsels its members every tick. The survey's \"84% name counselling as a means\".</summary>
    [Param("Share of the group's organizations that give counselling (service), drawn once per organization; one that does counsels its members every tick. The survey's \"84% name counselling as a means\".", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 84% (Vogt & Lersch 2007; docs/validation.md)")]
    public double Counselling { get; init; } = 0.6;

    /// <summary>Share of the group's organizations that hold language classes (service), drawn once per organization; one that does holds them every tick.</summary>
    [Param("Share of the group's organizations that hold language classes (service), drawn once per organization; one that does holds them every tick.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 63% (Vogt & Lersch 2007; docs/validation.md)")]
    public double LanguageClasses { get; init; } = 0.4;

    /// <summary>Share of the group's organizations that name networking with other domestic organizations as a means, drawn once per organization; one that does networks every tick.</summary>
    [Param("Share of the group's organizations that name networking with other domestic organizations as a means, drawn once per organization; one that does networks every tick.", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 74% (Vogt & Lersch 2007; docs/validation.md)")]
    public double Networking { get; init; } = 0.5;

    /// <summary>Chance per tick of counselling that a case is taken up together with another domestic organization (case-to-case cooperation, Vogt &amp; Lersch 2007).</summary>
    [Param("Chance per tick of counselling that a case is taken up together with another domestic organization (case-to-case cooperation, Vogt & Lersch 2007).", Min = 0, Max = 1, Unit = "probability",
        Source = "Vogt & Lersch (2007) for the effect (cooperation case by case); value assumed, set with the survey's 89% cooperating often or regularly in mind, not fitted")]
    public double Referral { get; init; } = 0.3;

    /// <summary>Chance per tick of framing and spreading information (advocacy).</summary>
    [Param("Chance per tick of framing and spreading information (advocacy).", Min = 0, Max = 1, Unit = "probability",
        Source = "Pekkanen (2006) for the order (highly active in service, highly passive in advocacy); value assumed")]
    public double Framing { get; init; } = 0.3;

    /// <summary>Chance per tick of calling members out when the movement stirs (advocacy).</summary>
    [Param("Chance per tick of calling members out when the movement stirs (advocacy).", Min = 0, Max = 1, Unit = "probability",
        Source = "Pekkanen (2006) for the order (advocacy below service); value assumed")]
    public double Mobilization { get; init; } = 0.3;

    /// <summary>Share of the group's organizations that try to influence political decisions by lobbying (advocacy), drawn once per organization. The survey's \"63% try to influence political decisions\".</summary>
    [Param("Share of the group's organizations that try to influence political decisions by lobbying (advocacy), drawn once per organization. The survey's \"63% try to influence political decisions\".", Min = 0, Max = 1, Unit = "share",
        Source = "assumed for a generic group; japan-2007 sets the survey's 63% (Vogt & Lersch 2007; docs/validation.md)")]
    public double Lobbying { get; init; } = 0.6;

    /// <summary>Chance per tick that an organization that lobbies approaches local authorities or national government.</summary>
    [Param("Chance per tick that an organization that lobbies approaches local authorities or national government.", Min = 0, Max = 1, Unit = "probability",
        Source = "assumed: with lobbying 0.6 it gives 0.3 attempts per organization-tick, the per-tick chance before the survey's means were drawn per organization")]
    public double LobbyingRate { get; init; } = 0.5;

    /// <summary>Whether the organization's information is public (true) or for members only (false).</summary>
    [Param("Whether the organization's information is public (true) or for members only (false).",
        Source = "assumed: public by default; Japan-like scenarios set members-only (Ijuren's members' newsletter and mailing list, Vogt & Lersch 2007)")]
    public bool PublicInformation { get; init; } = true;

    /// <summary>Share of each member's grievance eased by a tick of counselling (language classes ease half as much).</summary>
    [Param("Share of each member's grievance eased by a tick of counselling (language classes ease half as much).", Min = 0, Max = 1, Unit = "share",
        Source = "Pekkanen (2006) for the effect (service eases hardship and damps contention among members); value assumed")]
    public double ServiceRelief { get; init; } = 0.02;

    /// <summary>Hours a volunteer gives the organization per tick (a week in the shipped scenarios). Volunteers' time goes to casework first, then to visits to local authorities. 0 is a negative control: volunteers give no time.</summary>
    [Param("Hours a volunteer gives the organization per tick (a week in the shipped scenarios). Volunteers' time goes to casework first, then to visits to local authorities. 0 is a negative control: volunteers give no time.", Min = 0, Max = 168, Unit = "hours/tick",
        Source = "assumed: a few hours a week; 0 is a switch for negative controls")]
    public double VolunteerHours { get; init; } = 4;

    /// <summary>Hours a salaried staff member gives the organization per tick: casework the volunteers could not cover.</summary>
    [Param("Hours a salaried staff member gives the organization per tick: casework the volunteers could not cover.", Min = 0, Max = 168, Unit = "hours/tick",
        Source = "assumed: a full-time week less administration")]
    public double StaffHours { get; init; } = 35;

    /// <summary>Cases (residence status, work, health insurance, schooling) each member brings to an organization that counsels, per tick.</summary>
    [Param("Cases (residence status, work, health insurance, schooling) each member brings to an organization that counsels, per tick.", Min = 0, Max = 1, Unit = "cases/member/tick",
        Source = "Vogt & Lersch (2007) for the effect (counselling is the most common means, done case by case); value assumed: a member brings a case about once in 20 weeks")]
    public double CaseRate { get; init; } = 0.05;

    /// <summary>Hours one case of counselling takes (a weekly language class takes as long).</summary>
    [Param("Hours one case of counselling takes (a weekly language class takes as long).", Min = 0.01, Max = 168, Unit = "hours/case",
        Source = "assumed: an interview and a follow-up")]
    public double CaseHours { get; init; } = 2;

    /// <summary>Share of the cases handled that take the worker to a local authority's office (contacts with local authorities).</summary>
    [Param("Share of the cases handled that take the worker to a local authority's office (contacts with local authorities).", Min = 0, Max = 1, Unit = "share",
        Source = "Vogt & Lersch (2007) for the effect (contacts with local authorities rise with volunteers: casework meets city offices); value assumed")]
    public double LocalOfficeShare { get; init; } = 0.3;

    /// <summary>Hours one outward action takes: a lobbying visit, a framing action, a call to members, a networking meeting.</summary>
    [Param("Hours one outward action takes: a lobbying visit, a framing action, a call to members, a networking meeting.", Min = 0.01, Max = 168, Unit = "hours/action",
        Source = "assumed: half a working day")]
    public double ActionHours { get; init; } = 4;

    /// <summary>Chance per tick that a suddenly imposed grievance hits the organization's members (a raid, a deportation, a dismissal among them): their grievance rises by trigger_grievance of the way to 1, the event names the injustice (each member adopts the frame with chance equal to its new grievance), and the organization calls its members out for trigger_call_ticks ticks whatever the movement does. Suddenly imposed grievances mobilize through existing organizations (Walsh 1981); local organizations, not a movement-wide wave, start protest (McCarthy &amp; Zald 1977; Morris 1984). 0 switches it off.</summary>
    [Param("Chance per tick that a suddenly imposed grievance hits the organization's members (a raid, a deportation, a dismissal among them): their grievance rises by trigger_grievance of the way to 1, the event names the injustice (each member adopts the frame with chance equal to its new grievance), and the organization calls its members out for trigger_call_ticks ticks whatever the movement does. Suddenly imposed grievances mobilize through existing organizations (Walsh 1981); local organizations, not a movement-wide wave, start protest (McCarthy & Zald 1977; Morris 1984). 0 switches it off.", Min = 0, Max = 1, Unit = "probability",
        Source = "Walsh (1981), McCarthy & Zald (1977), Morris (1984) for the mechanism; default 0 (off): no rate holds for every movement. japan-2007 sets 0.024, derived from the Ministry of Justice's deportation figures for 2007 and the average organization's 66 members, with the assumptions in its header; scenarios/sweeps/japan-triggering-events.yaml shows half and double that rate (docs/ODD.md Known limitations 14)")]
    public double TriggerRate { get; init; }

    /// <summary>Share of the way to 1 by which a triggering event raises each member's grievance (see trigger_rate).</summary>
    [Param("Share of the way to 1 by which a triggering event raises each member's grievance (see trigger_rate).", Min = 0, Max = 1, Unit = "share",
        Source = "Walsh (1981) for the effect (a sudden grievance on top of standing ones); value assumed: half the way, a member of grievance 0.5 is raised to 0.75")]
    public double TriggerGrievance { get; init; } = 0.5;

    /// <summary>Ticks for which an organization hit by a triggering event calls its members out (see trigger_rate).</summary>
    [Param("Ticks for which an organization hit by a triggering event calls its members out (see trigger_rate).", Min = 0, Max = 1000, Unit = "ticks",
        Source = "assumed: a month of weekly ticks, a campaign around a case")]
    public int TriggerCallTicks { get; init; } = 4;

    /// <summary>People reached by a tick of framing, per volunteer or staff member.</summary>
    [Param("People reached by a tick of framing, per volunteer or staff member.", Min = 0, Max = 100, Unit = "people/worker",
        Source = "assumed: a mid-sized organization (capacity about 25) reaches about 5 people a tick")]
    public double FramingReach { get; init; } = 0.2;
}
