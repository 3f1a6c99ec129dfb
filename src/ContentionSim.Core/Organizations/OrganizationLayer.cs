using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Organizations;

/// <summary>
/// Owns the organizations of all movements and gives them members. Each tick the organizations
/// act before the state and the activists (their service, framing and calls shape this tick's
/// decisions, their lobbying meets the state): <see cref="Act"/>. After the activists have
/// decided, <see cref="CountEngaged"/> counts the kinds of organization whose members took part.
/// See docs/ODD.md 7.2 and 7.7.
/// </summary>
public sealed class OrganizationLayer
{
    /// <summary>Participation at which an organization's call chance is at its full mobilization effort.</summary>
    public const double CallSaturation = 0.05;
    /// <summary>Volunteers at which half of lobbying ticks reach local authorities.</summary>
    public const double VolunteerHalfCapacity = 20;
    /// <summary>Chance that a lobbying tick also tries national government with no salaried staff.</summary>
    public const double NationalBaseAttempt = 0.2;
    /// <summary>Salaried staff at which the national attempt chance is halfway to certain.</summary>
    public const double StaffHalfCapacity = 3;
    /// <summary>Share of its members active for an organization's sector to count as engaged.</summary>
    public const double EngagedShare = 0.1;

    private readonly List<Organization> _organizations = [];
    /// <summary>Organizations of movement m are <c>[_firstOf[m], _firstOf[m+1])</c> (ids are given movement by movement).</summary>
    private readonly int[] _firstOf;
    private readonly ActivistPopulation _population;

    // This tick's inputs, set by Act for the organizations' Tick.
    private Scenario _scenario = null!;
    private int _tick;
    private readonly double[] _lastParticipation;
    private readonly int[] _standing;

    // This tick's outputs.
    private readonly bool[] _calling;
    private readonly double[] _relief;
    private readonly bool[] _advocated;
    private readonly int[] _nationalContacts;
    private readonly double[] _publicInformation;
    private readonly List<AllianceFormed> _formed = [];
    private readonly int[] _sectorsEngaged;

    /// <summary>Creates the organizations of every movement and gives them members among <paramref name="population"/>.</summary>
    internal OrganizationLayer(SimulationContext context, ActivistPopulation population)
    {
        _population = population;
        DecisionKey = context.Random.Key("organizations");
        var scenario = context.Scenario;
        _firstOf = new int[scenario.Movements.Count + 1];
        for (int m = 0; m < scenario.Movements.Count; m++)
        {
            _firstOf[m] = _organizations.Count;
            foreach (var group in scenario.Movements[m].Organizations)
            {
                for (int k = 0; k < group.Count; k++)
                {
                    var rng = context.Random.For("organization-attributes", _organizations.Count, 0);
                    int volunteers = (int)Math.Round(Math.Max(0, group.Volunteers.Draw(ref rng)));
                    int staff = (int)Math.Round(Math.Max(0, group.SalariedStaff.Draw(ref rng)));
                    var means = DrawMeans(group, context.Random.For("organization-means", _organizations.Count, 0));
                    _organizations.Add(new Organization(_organizations.Count, m, group, volunteers, staff, means));
                }
            }
            AssignMembers(m, scenario.Movements[m].Activists.Membership, population, context.Random, context.Threads);
        }
        _firstOf[^1] = _organizations.Count;
        int n = _organizations.Count, movements = scenario.Movements.Count;
        foreach (var o in _organizations)
            if ((int)o.Kind is < 0 or >= 64) throw new ArgumentOutOfRangeException(nameof(context), o.Kind, "organization kinds are counted in a 64-bit mask");
        _calling = new bool[n];
        _relief = new double[n];
        _advocated = new bool[n];
        _standing = new int[n];
        _lastParticipation = new double[movements];
        _nationalContacts = new int[movements];
        _publicInformation = new double[movements];
        _sectorsEngaged = new int[movements];
        foreach (var o in _organizations) o.Init(this);
    }

    /// <summary>Every organization of the run, by <see cref="Organization.Id"/>.</summary>
    public IReadOnlyList<Organization> Organizations => _organizations;

    /// <summary>Members of all organizations together.</summary>
    public long MemberCount => _organizations.Sum(o => (long)o.Members.Length);

    /// <summary>Key of the stream "organizations" (each organization draws from <c>Rng.For(key, id, tick)</c>).</summary>
    internal ulong DecisionKey { get; }

    // What the organizations read while they tick (set by Act).
    internal Scenario Scenario => _scenario;
    internal int CurrentTick => _tick;
    internal ActivistPopulation Population => _population;
    /// <summary>The state's effective openness as its last decision set it (lobbying meets it).</summary>
    internal double LastEffectiveOpenness { get; private set; }
    /// <summary>The allies' frame boost as their last step set it (framing reach).</summary>
    internal double LastFrameBoost { get; private set; }
    internal double LastParticipation(int movement) => _lastParticipation[movement];
    internal int StandingAlliances(int organization) => _standing[organization];

    // Where the organizations write what they do (read by Act's caller through its result).
    internal bool[] Calling => _calling;
    internal double[] Relief => _relief;
    internal bool[] Advocated => _advocated;
    internal int[] NationalContactsOut => _nationalContacts;
    internal void Ally(int organization, bool international) => _formed.Add(new AllianceFormed(organization, international));

    /// <summary>
    /// Grievance of activist <paramref name="i"/> as eased by the service of organizations up to
    /// <paramref name="upTo"/> this tick (organizations tick in id order; an activist belongs to one at most).
    /// </summary>
    internal float GrievanceAfterService(int i, int upTo)
    {
        float g = _population.Grievance[i];
        int o = _population.Organization[i];
        if (o >= 0 && o <= upTo)
        {
            double relief = _relief[o];
            if (relief > 0) g -= (float)(relief * g);
        }
        return g;
    }

    /// <summary>Which means an organization uses: one draw per means from its group's shares, in a fixed order.</summary>
    internal static OrganizationMeans DrawMeans(OrganizationGroupParameters group, Rng rng)
    {
        var means = OrganizationMeans.None;
        if (rng.Chance(group.Counselling)) means |= OrganizationMeans.Counselling;
        if (rng.Chance(group.LanguageClasses)) means |= OrganizationMeans.LanguageClasses;
        if (rng.Chance(group.Networking)) means |= OrganizationMeans.Networking;
        if (rng.Chance(group.Lobbying)) means |= OrganizationMeans.Lobbying;
        return means;
    }

    /// <summary>Each activist joins one of the movement's organizations with chance 'membership', weighted by capacity.</summary>
    private void AssignMembers(int movement, double membership, ActivistPopulation pop, RandomStreams random, int threads)
    {
        var orgs = _organizations.Where(o => o.Movement == movement).ToArray();
        if (orgs.Length == 0) return;
        var cumulative = new double[orgs.Length];
        double sum = 0;
        for (int k = 0; k < orgs.Length; k++) { sum += Math.Max(1, orgs[k].Capacity); cumulative[k] = sum; }
        ulong key = random.Key("membership");
        int first = pop.MovementStarts[movement], last = pop.MovementStarts[movement + 1];
        // Each activist draws from its own stream, so the blocks can run in any order.
        Blocks.For(first, last, threads, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                var rng = Rng.For(key, i, 0);
                if (!rng.Chance(membership)) continue;
                double u = rng.NextDouble() * sum;
                int k = Array.BinarySearch(cumulative, u);
                if (k < 0) k = ~k;
                k = Math.Min(k, orgs.Length - 1);
                pop.Organization[i] = orgs[k].Id;
            }
        });
        // Member lists in ascending activist order. The movement's organizations have consecutive ids.
        int firstId = orgs[0].Id;
        var counts = new int[orgs.Length];
        for (int i = first; i < last; i++)
            if (pop.Organization[i] >= 0) counts[pop.Organization[i] - firstId]++;
        var members = new int[orgs.Length][];
        for (int k = 0; k < orgs.Length; k++) members[k] = new int[counts[k]];
        Array.Clear(counts);
        for (int i = first; i < last; i++)
        {
            int org = pop.Organization[i];
            if (org >= 0) members[org - firstId][counts[org - firstId]++] = i;
        }
        for (int k = 0; k < orgs.Length; k++) orgs[k].SetMembers(members[k]);
    }

    /// <summary>
    /// The organizations' step of tick <paramref name="tick"/>: each, in id order, gives its service,
    /// networks, frames (writing the frame into the population's state), may call its members out
    /// and lobbies; blocked ones may ally abroad.
    /// </summary>
    /// <param name="scenario">The parameters in force this tick.</param>
    /// <param name="tick">The tick (1-based).</param>
    /// <param name="lastTallies">What each movement's activists did last tick (calls ride the wave).</param>
    /// <param name="lastEffectiveOpenness">The state's effective openness of the last tick (this tick's is decided after the organizations act).</param>
    /// <param name="lastFrameBoost">The allies' frame boost of the last tick (likewise).</param>
    /// <param name="standingAlliances">Alliances each organization keeps abroad, as the allies' last step left them.</param>
    internal OrganizationsActed Act(Scenario scenario, int tick, ReadOnlySpan<MovementTally> lastTallies,
        double lastEffectiveOpenness, double lastFrameBoost, ReadOnlySpan<int> standingAlliances)
    {
        _scenario = scenario;
        _tick = tick;
        LastEffectiveOpenness = lastEffectiveOpenness;
        LastFrameBoost = lastFrameBoost;
        standingAlliances.CopyTo(_standing);
        for (int m = 0; m < lastTallies.Length; m++)
            _lastParticipation[m] = lastTallies[m].Total > 0 ? (double)lastTallies[m].Active / lastTallies[m].Total : 0;
        _formed.Clear();
        foreach (var o in _organizations) o.Tick();
        for (int m = 0; m < _nationalContacts.Length; m++)
        {
            int contacts = 0, n = 0, info = 0;
            for (int id = _firstOf[m]; id < _firstOf[m + 1]; id++)
            {
                contacts += _organizations[id].NationalContactsThisTick;
                n++;
                if (_organizations[id].PublicInformationThisTick) info++;
            }
            _nationalContacts[m] = contacts;
            _publicInformation[m] = n == 0 ? 0 : (double)info / n;
        }
        return new OrganizationsActed(_calling, _relief, _advocated, _nationalContacts, _publicInformation, _formed);
    }

    /// <summary>
    /// Kinds of organization engaged per movement after the activists' update: at least
    /// <see cref="EngagedShare"/> of some organization's members active.
    /// </summary>
    /// <param name="activeMembers">Active members of each organization, counted in the activists' update; null to count them here from the population.</param>
    internal SectorsEngaged CountEngaged(int[]? activeMembers)
    {
        var pop = _population;
        ulong overall = 0;
        for (int m = 0; m < _sectorsEngaged.Length; m++)
        {
            ulong kinds = 0;
            for (int id = _firstOf[m]; id < _firstOf[m + 1]; id++)
            {
                var o = _organizations[id];
                var members = o.Members;
                if (members.Length == 0) continue;
                int active = 0;
                if (activeMembers is not null)
                    active = activeMembers[id];
                else
                    foreach (int i in members)
                        if ((pop.State[i] & ActivistPopulation.StatusMask) == (int)ActivistStatus.Active) active++;
                if (active > 0 && active >= EngagedShare * members.Length)
                    kinds |= 1UL << (int)o.Kind;
            }
            _sectorsEngaged[m] = System.Numerics.BitOperations.PopCount(kinds);
            overall |= kinds;
        }
        return new SectorsEngaged(_sectorsEngaged, System.Numerics.BitOperations.PopCount(overall));
    }
}

/// <summary>What the organizations did in their step of a tick (arrays owned by the layer, valid until its next step).</summary>
internal readonly struct OrganizationsActed(bool[] calling, double[] relief, bool[] advocated, int[] nationalContacts, double[] publicInformation, List<AllianceFormed> formed)
{
    /// <summary>Whether each organization calls its members out this tick.</summary>
    public ReadOnlySpan<bool> Calling => calling;
    /// <summary>Relief each organization's service gives its members this tick (0 if none), applied in their update.</summary>
    public ReadOnlySpan<double> Relief => relief;
    /// <summary>Whether each organization advocated this tick (framing, a call or lobbying): keeps its alliances up.</summary>
    public ReadOnlySpan<bool> Advocated => advocated;
    /// <summary>National contacts made this tick by each movement's organizations (state–movement interactions).</summary>
    public ReadOnlySpan<int> NationalContacts => nationalContacts;
    /// <summary>Share of each movement's organizations that spread public information this tick.</summary>
    public ReadOnlySpan<double> PublicInformation => publicInformation;
    /// <summary>Alliances abroad formed this tick, in the order formed.</summary>
    public ReadOnlySpan<AllianceFormed> Formed => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(formed);
}

/// <summary>Kinds of organization engaged this tick, per movement and over all movements.</summary>
internal readonly struct SectorsEngaged(int[] perMovement, int overall)
{
    public ReadOnlySpan<int> PerMovement => perMovement;
    public int Overall { get; } = overall;
}
