using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.State;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Organizations;

/// <summary>
/// Owns the organizations of all movements, gives them members, and ticks them before
/// the activists decide (their service, framing and calls shape this tick's decisions).
/// </summary>
public sealed class OrganizationLayer : ISteppedLayer
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
    private double[] _lastParticipation = [];
    private double[] _relief = [];
    /// <summary>Organizations of movement m are <c>[_firstOf[m], _firstOf[m+1])</c> (ids are given movement by movement).</summary>
    private int[] _firstOf = [0];
    private StateLayer _state = null!;

    public SimulationContext Context { get; private set; } = null!;
    public ActivistLayer Activists { get; private set; } = null!;
    public TransnationalLayer Allies { get; private set; } = null!;
    public IReadOnlyList<Organization> Organizations => _organizations;
    public bool[] Calling { get; private set; } = [];

    /// <summary>Kinds of organization engaged per movement this tick (valid after PostTick).</summary>
    public int[] SectorsEngaged { get; private set; } = [];
    /// <summary>Kinds engaged over all movements this tick.</summary>
    public int SectorsEngagedOverall { get; private set; }

    /// <summary>Effective openness in force this tick (from the state).</summary>
    public double EffectiveOpenness => _state.EffectiveOpenness;

    /// <summary>Key of the stream "organizations" (each organization draws from <c>Rng.For(key, id, tick)</c>).</summary>
    internal ulong DecisionKey { get; private set; }

    /// <summary>Relief each organization's service gives its members this tick (0 if none); applied in the activist update.</summary>
    internal double[] Relief => _relief;

    /// <summary>
    /// Grievance of activist <paramref name="i"/> as eased by the service of organizations up to
    /// <paramref name="upTo"/> this tick (organizations tick in id order; an activist belongs to one at most).
    /// </summary>
    internal float GrievanceAfterService(int i, int upTo)
    {
        var pop = Activists.Population;
        float g = pop.Grievance[i];
        int o = pop.Organization[i];
        if (o >= 0 && o <= upTo)
        {
            double relief = _relief[o];
            if (relief > 0) g -= (float)(relief * g);
        }
        return g;
    }

    public double LastParticipation(int movement) => _lastParticipation[movement];

    public void InitLayer(SimulationContext context)
    {
        Context = context;
        Activists = context.GetLayer<ActivistLayer>();
        _state = context.GetLayer<StateLayer>();
        DecisionKey = context.Random.Key("organizations");
        Allies = context.GetLayer<TransnationalLayer>();
        var scenario = context.Scenario;
        var pop = Activists.Population;
        _firstOf = new int[scenario.Movements.Count + 1];
        for (int m = 0; m < scenario.Movements.Count; m++)
        {
            _firstOf[m] = _organizations.Count;
            int groupIndex = 0;
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
                groupIndex++;
            }
            AssignMembers(m, scenario.Movements[m].Activists.Membership, pop, context.Random, context.Threads);
        }
        _firstOf[^1] = _organizations.Count;
        Calling = new bool[_organizations.Count];
        _relief = new double[_organizations.Count];
        Activists.OrganizationCalling = Calling;
        Activists.AttachOrganizations(_relief, _organizations.Sum(o => (long)o.Members.Length));
        foreach (var o in _organizations)
            if ((int)o.Kind is < 0 or >= 64) throw new ArgumentOutOfRangeException(nameof(context), o.Kind, "organization kinds are counted in a 64-bit mask");
        _lastParticipation = new double[scenario.Movements.Count];
        SectorsEngaged = new int[scenario.Movements.Count];
        foreach (var o in _organizations) o.Init(this);
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

    public void PreTick()
    {
        var tallies = Activists.Tallies;
        for (int m = 0; m < tallies.Length; m++)
            _lastParticipation[m] = tallies[m].Total > 0 ? (double)tallies[m].Active / tallies[m].Total : 0;
        foreach (var o in _organizations) o.Tick();
    }

    public void Tick() { }

    public void PostTick()
    {
        // Kinds engaged: at least EngagedShare of some organization's members active.
        var pop = Activists.Population;
        var counted = Activists.ActiveMembers;
        ulong overall = 0;
        for (int m = 0; m < SectorsEngaged.Length; m++)
        {
            ulong kinds = 0;
            for (int id = _firstOf[m]; id < _firstOf[m + 1]; id++)
            {
                var o = _organizations[id];
                var members = o.Members;
                if (members.Length == 0) continue;
                int active = 0;
                if (counted is not null)
                    active = counted[id];
                else
                    foreach (int i in members)
                        if ((pop.State[i] & ActivistPopulation.StatusMask) == (int)ActivistStatus.Active) active++;
                if (active > 0 && active >= EngagedShare * members.Length)
                    kinds |= 1UL << (int)o.Kind;
            }
            SectorsEngaged[m] = System.Numerics.BitOperations.PopCount(kinds);
            overall |= kinds;
        }
        SectorsEngagedOverall = System.Numerics.BitOperations.PopCount(overall);
    }

    /// <summary>National contacts made this tick by organizations of <paramref name="movement"/>.</summary>
    public int NationalContacts(int movement)
    {
        int sum = 0;
        for (int id = _firstOf[movement]; id < _firstOf[movement + 1]; id++)
            sum += _organizations[id].NationalContactsThisTick;
        return sum;
    }

    /// <summary>Share of <paramref name="movement"/>'s organizations that spread public information this tick.</summary>
    public double PublicInformationShare(int movement)
    {
        int n = 0, info = 0;
        for (int id = _firstOf[movement]; id < _firstOf[movement + 1]; id++)
        {
            n++;
            if (_organizations[id].PublicInformationThisTick) info++;
        }
        return n == 0 ? 0 : (double)info / n;
    }
}
