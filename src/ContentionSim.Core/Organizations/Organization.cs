using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Organizations;

/// <summary>
/// A civil society or movement organization: volunteers and salaried staff, a kind, a
/// split of effort between service and advocacy, and ties it builds by acting. See
/// docs/ODD.md, "Submodels: organization".
/// </summary>
public sealed class Organization : IAgent<OrganizationLayer>
{
    private OrganizationLayer _layer = null!;
    private int[] _members = [];
    /// <summary>Ticks left of the calls after a triggering event (see <see cref="OrganizationGroupParameters.TriggerRate"/>).</summary>
    private int _triggeredCalls;

    internal Organization(int id, int movement, OrganizationGroupParameters group, int volunteers, int staff, OrganizationMeans means)
    {
        Id = id;
        Movement = movement;
        Group = group;
        Volunteers = volunteers;
        SalariedStaff = staff;
        Means = means;
    }

    /// <summary>Index of the organization among all of the run's organizations (0-based).</summary>
    public int Id { get; }
    /// <summary>Index of the movement it belongs to (0-based, in scenario order).</summary>
    public int Movement { get; }
    /// <summary>The group of the scenario it was made from (its kind and behaviour).</summary>
    public OrganizationGroupParameters Group { get; }
    /// <summary>Its kind, from its <see cref="Group"/>.</summary>
    public OrganizationKind Kind => Group.Kind;
    /// <summary>Volunteers (people).</summary>
    public int Volunteers { get; }
    /// <summary>Salaried staff (people; each counts double in <see cref="Capacity"/>).</summary>
    public int SalariedStaff { get; }
    /// <summary>The means the organization uses (drawn once from its group's shares).</summary>
    public OrganizationMeans Means { get; }
    /// <summary>Rows of the activists who are its members.</summary>
    public ReadOnlySpan<int> Members => _members;

    /// <summary>Work capacity: volunteers plus salaried staff, who count double (full-time).</summary>
    public double Capacity => Volunteers + 2.0 * SalariedStaff;

    // What the organization did, tick counts.
    /// <summary>Ticks with counselling.</summary>
    public int Counselling { get; private set; }
    /// <summary>Ticks with language classes.</summary>
    public int LanguageClasses { get; private set; }
    /// <summary>Ticks with networking.</summary>
    public int Networking { get; private set; }
    /// <summary>Ticks in which it framed (spread information).</summary>
    public int Framing { get; private set; }
    /// <summary>Ticks in which it called its members out.</summary>
    public int Mobilization { get; private set; }
    /// <summary>Ticks in which it lobbied.</summary>
    public int Lobbying { get; private set; }
    /// <summary>Contacts with local authorities: cases that took the worker to a local office, and lobbying visits.</summary>
    public int ContactsLocal { get; private set; }
    /// <summary>Contacts made with the national government by lobbying (the national channel was open).</summary>
    public int ContactsNational { get; private set; }
    /// <summary>Contacts with other domestic organizations (networking, and counselling cases taken up together).</summary>
    public int ContactsDomestic { get; private set; }
    /// <summary>Contacts with NGOs abroad: alliances formed with them, and framing while an alliance stands.</summary>
    public int ContactsAbroad { get; private set; }
    /// <summary>Alliances formed with international organizations.</summary>
    public int ContactsInternational { get; private set; }
    /// <summary>Times its national lobbying was blocked (the channel was closed).</summary>
    public int Blocked { get; private set; }
    /// <summary>Alliances abroad it formed after being blocked (the boomerang).</summary>
    public int AlliancesFormed { get; private set; }
    /// <summary>Hours spent on service (casework, language classes), summed over ticks.</summary>
    public double ServiceHours { get; private set; }
    /// <summary>Hours spent on outward actions (framing, calls to members, lobbying), summed over ticks.</summary>
    public double AdvocacyHours { get; private set; }
    /// <summary>Hours spent on networking, summed over ticks.</summary>
    public double NetworkingHours { get; private set; }
    /// <summary>Triggering events (suddenly imposed grievances) among its members (see <see cref="OrganizationGroupParameters.TriggerRate"/>).</summary>
    public int TriggeringEvents { get; private set; }
    /// <summary>Cases of counselling handled (summed over ticks).</summary>
    public int CasesHandled { get; private set; }

    /// <summary>Whether the organization did advocacy this tick (keeps its alliances up).</summary>
    public bool AdvocatedThisTick { get; private set; }
    /// <summary>Whether it spread information publicly this tick.</summary>
    public bool PublicInformationThisTick { get; private set; }
    /// <summary>National contacts made this tick (state–movement interactions).</summary>
    public int NationalContactsThisTick { get; private set; }
    internal void SetMembers(int[] members) => _members = members;

    /// <summary>Clears the counts of what it did (the burn-in is not recorded); its means and members stay.</summary>
    internal void ClearRecord()
    {
        Counselling = LanguageClasses = Networking = Framing = Mobilization = Lobbying = 0;
        ContactsLocal = ContactsNational = ContactsDomestic = ContactsAbroad = ContactsInternational = 0;
        Blocked = AlliancesFormed = TriggeringEvents = 0;
    }

    /// <inheritdoc/>
    public void Init(OrganizationLayer layer) => _layer = layer;

    /// <summary>One tick of the organization: service, networking, framing, mobilization calls and lobbying; see docs/ODD.md, "Submodels: organization".</summary>
    public void Tick()
    {
        int tick = _layer.CurrentTick;
        var rng = Rng.For(_layer.DecisionKey, Id, tick);
        var pop = _layer.Population;
        var g = Group;
        AdvocatedThisTick = false;
        PublicInformationThisTick = false;
        NationalContactsThisTick = 0;

        // The week's time: volunteers' and staff's hours. Service comes first (members' immediate
        // needs, Pekkanen's "members without advocates"): volunteers take the cases, staff cover
        // what the volunteers could not. What is left goes to outward actions.
        double volunteerHours = Volunteers * g.VolunteerHours, staffHours = SalariedStaff * g.StaffHours;
        // Service: counselling and language classes ease members' hardship, every tick for an
        // organization that uses them. A counselling case may be taken up together with another
        // domestic organization (case-to-case cooperation).
        double relief = 0;
        if ((Means & OrganizationMeans.Counselling) != 0)
        {
            Counselling++;
            relief += g.ServiceRelief;
            if (rng.Chance(g.Referral)) ContactsDomestic++;
            // Casework: the members' cases of the week, as far as the hours go; some take the
            // worker to a local authority's office (the contacts with local authorities).
            double demand = _members.Length * g.CaseRate;
            int cases = (int)demand + (rng.Chance(demand - Math.Floor(demand)) ? 1 : 0);
            int handled = (int)Math.Min(cases, Math.Floor((volunteerHours + staffHours) / g.CaseHours));
            Work(handled * g.CaseHours, ref volunteerHours, ref staffHours);
            ServiceHours += handled * g.CaseHours;
            CasesHandled += handled;
            for (int c = 0; c < handled; c++)
                if (rng.Chance(g.LocalOfficeShare)) ContactsLocal++;
        }
        if ((Means & OrganizationMeans.LanguageClasses) != 0)
        {
            LanguageClasses++;
            relief += g.ServiceRelief / 2;
            ServiceHours += g.CaseHours;
            Work(g.CaseHours, ref volunteerHours, ref staffHours);
        }
        // Members' grievance is eased by it in the activist update, before they decide: each
        // activist belongs to one organization at most, so this is the same as easing it here
        // (framing below reads grievance as eased so far, see GrievanceAfterService).
        _layer.Relief[Id] = relief;

        if ((Means & OrganizationMeans.Networking) != 0) { Networking++; ContactsDomestic++; NetworkingHours += g.ActionHours; }

        // A suddenly imposed grievance among the members (Walsh 1981): their grievance rises, the
        // event names the injustice, and the organization calls them out for a while whatever the
        // movement does (organizations start protest, McCarthy & Zald 1977; Morris 1984).
        if (rng.Chance(g.TriggerRate))
        {
            TriggeringEvents++;
            _triggeredCalls = g.TriggerCallTicks;
            float rise = (float)g.TriggerGrievance;
            var grievance = pop.Grievance;
            foreach (int i in _members)
            {
                grievance[i] += rise * (1f - grievance[i]);
                if (rng.Chance(grievance[i])) pop.SetFramed(i);
            }
        }

        // Framing: information politics. Public information reaches the whole movement,
        // members-only information reaches members; outside attention amplifies it.
        if (rng.Chance(g.Framing))
        {
            Framing++;
            AdvocatedThisTick = true;
            AdvocacyHours += g.ActionHours;
            PublicInformationThisTick = g.PublicInformation;
            int reach = (int)Math.Ceiling(g.FramingReach * Capacity * _layer.LastFrameBoost);
            int start = pop.MovementStarts[Movement], size = pop.MovementStarts[Movement + 1] - start;
            // The frame resonates with those who feel the grievance: adoption chance = grievance.
            if (g.PublicInformation ? size > 0 : _members.Length > 0)
            {
                for (int r = 0; r < reach; r++)
                {
                    int target = g.PublicInformation ? start + rng.NextInt(size) : _members[rng.NextInt(_members.Length)];
                    if (rng.Chance(_layer.GrievanceAfterService(target, Id)))
                        pop.SetFramed(target);
                }
            }
            if (_layer.StandingAlliances(Id) > 0) ContactsAbroad++;
        }

        // Mobilization calls ride the wave: their chance grows with the movement's participation.
        var last = _layer.LastParticipation(Movement);
        _layer.Calling[Id] = rng.Chance(g.Mobilization * Math.Min(1.0, last / OrganizationLayer.CallSaturation));
        if (_triggeredCalls > 0)
        {
            _triggeredCalls--;
            _layer.Calling[Id] = true;
        }
        if (_layer.Calling[Id]) { Mobilization++; AdvocatedThisTick = true; AdvocacyHours += g.ActionHours; }

        // Lobbying: volunteers with time left after the casework visit local authorities. National
        // government is gated by the effective openness of the POS: salaried staff turn to national
        // lobbying only as far as the POS gives it a chance (professionals target channels that are
        // open), a chance still written as S / (S + 3) · openness (not yet from staff's time).
        // Blocked organizations may ally abroad (the boomerang).
        if ((Means & OrganizationMeans.Lobbying) != 0 && rng.Chance(g.LobbyingRate))
        {
            Lobbying++;
            AdvocatedThisTick = true;
            AdvocacyHours += g.ActionHours;
            if (volunteerHours >= g.ActionHours)
            {
                volunteerHours -= g.ActionHours;
                ContactsLocal++;
            }
            double professional = SalariedStaff / (SalariedStaff + OrganizationLayer.StaffHalfCapacity);
            double openness = _layer.LastEffectiveOpenness;
            if (rng.Chance(OrganizationLayer.NationalBaseAttempt + (1 - OrganizationLayer.NationalBaseAttempt) * openness * professional))
            {
                if (rng.Chance(openness))
                {
                    ContactsNational++;
                    NationalContactsThisTick++;
                }
                else
                {
                    Blocked++;
                    var tn = _layer.Scenario.Transnational;
                    if (tn.Enabled && rng.Chance(tn.AllianceProbability))
                    {
                        bool international = rng.Chance(tn.InternationalShare);
                        if (international) ContactsInternational++; else ContactsAbroad++;
                        AlliancesFormed++;
                        _layer.Ally(Id, international);
                    }
                }
            }
        }
        _layer.Advocated[Id] = AdvocatedThisTick;
    }

    /// <summary><paramref name="hours"/> of work, done by volunteers first and by staff for the rest (as far as either has time).</summary>
    private static void Work(double hours, ref double volunteerHours, ref double staffHours)
    {
        double byVolunteers = Math.Min(hours, volunteerHours);
        volunteerHours -= byVolunteers;
        staffHours = Math.Max(0, staffHours - (hours - byVolunteers));
    }

    /// <summary>This organization as a record for output.</summary>
    internal OrganizationRecord ToRecord(string movementId)
    {
        double service = ServiceHours;
        double advocacy = AdvocacyHours;
        double total = service + advocacy + NetworkingHours;
        return new OrganizationRecord
        {
            Id = Id,
            Movement = movementId,
            Kind = Kind,
            Volunteers = Volunteers,
            SalariedStaff = SalariedStaff,
            Members = _members.Length,
            PublicInformation = Group.PublicInformation,
            Means = Means,
            Counselling = Counselling,
            LanguageClasses = LanguageClasses,
            Networking = Networking,
            Framing = Framing,
            Mobilization = Mobilization,
            Lobbying = Lobbying,
            ServiceEffort = total > 0 ? service / total : 0,
            AdvocacyEffort = total > 0 ? advocacy / total : 0,
            ContactsLocalAuthorities = ContactsLocal,
            ContactsNationalGovernment = ContactsNational,
            ContactsDomestic = ContactsDomestic,
            ContactsAbroad = ContactsAbroad,
            ContactsInternational = ContactsInternational,
            Blocked = Blocked,
            AlliancesFormed = AlliancesFormed,
        };
    }
}

/// <summary>
/// The means an organization uses, as a survey asks about them ("which means do you employ to
/// achieve your purposes?"): drawn once per organization from its group's shares.
/// </summary>
[Flags]
public enum OrganizationMeans
{
    /// <summary>No means.</summary>
    None = 0,
    /// <summary>Counselling (a service: eases members' grievance).</summary>
    Counselling = 1,
    /// <summary>Language classes (a service: eases members' grievance, half as much as counselling).</summary>
    LanguageClasses = 2,
    /// <summary>Networking with other domestic organizations.</summary>
    Networking = 4,
    /// <summary>Lobbying local authorities and the national government.</summary>
    Lobbying = 8,
}
