using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
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
    public double EffectiveOpenness => Context.GetLayer<StateLayer>().EffectiveOpenness;

    public double LastParticipation(int movement) => _lastParticipation[movement];

    public void InitLayer(SimulationContext context)
    {
        Context = context;
        Activists = context.GetLayer<ActivistLayer>();
        Allies = context.GetLayer<TransnationalLayer>();
        var scenario = context.Scenario;
        var pop = Activists.Population;
        for (int m = 0; m < scenario.Movements.Count; m++)
        {
            int groupIndex = 0;
            foreach (var group in scenario.Movements[m].Organizations)
            {
                for (int k = 0; k < group.Count; k++)
                {
                    var rng = context.Random.For("organization-attributes", _organizations.Count, 0);
                    int volunteers = (int)Math.Round(Math.Max(0, group.Volunteers.Draw(ref rng)));
                    int staff = (int)Math.Round(Math.Max(0, group.SalariedStaff.Draw(ref rng)));
                    _organizations.Add(new Organization(_organizations.Count, m, group, volunteers, staff));
                }
                groupIndex++;
            }
            AssignMembers(m, scenario.Movements[m].Activists.Membership, pop, context.Random);
        }
        Calling = new bool[_organizations.Count];
        Activists.OrganizationCalling = Calling;
        _lastParticipation = new double[scenario.Movements.Count];
        SectorsEngaged = new int[scenario.Movements.Count];
        foreach (var o in _organizations) o.Init(this);
    }

    /// <summary>Each activist joins one of the movement's organizations with chance 'membership', weighted by capacity.</summary>
    private void AssignMembers(int movement, double membership, ActivistPopulation pop, RandomStreams random)
    {
        var orgs = _organizations.Where(o => o.Movement == movement).ToArray();
        if (orgs.Length == 0) return;
        var cumulative = new double[orgs.Length];
        double sum = 0;
        for (int k = 0; k < orgs.Length; k++) { sum += Math.Max(1, orgs[k].Capacity); cumulative[k] = sum; }
        var members = orgs.Select(_ => new List<int>()).ToArray();
        ulong key = random.Key("membership");
        for (int i = pop.MovementStarts[movement]; i < pop.MovementStarts[movement + 1]; i++)
        {
            var rng = Rng.For(key, i, 0);
            if (!rng.Chance(membership)) continue;
            double u = rng.NextDouble() * sum;
            int k = Array.BinarySearch(cumulative, u);
            if (k < 0) k = ~k;
            k = Math.Min(k, orgs.Length - 1);
            members[k].Add(i);
            pop.Organization[i] = orgs[k].Id;
        }
        for (int k = 0; k < orgs.Length; k++) orgs[k].SetMembers(members[k].ToArray());
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
        var pop = Activists.Population;
        var kinds = new HashSet<int>[SectorsEngaged.Length];
        for (int m = 0; m < kinds.Length; m++) kinds[m] = [];
        var overall = new HashSet<int>();
        foreach (var o in _organizations)
        {
            var members = o.Members;
            if (members.Length == 0) continue;
            int active = 0;
            foreach (int i in members)
                if ((pop.State[i] & ActivistPopulation.StatusMask) == (int)ActivistStatus.Active) active++;
            if (active > 0 && active >= EngagedShare * members.Length)
            {
                kinds[o.Movement].Add((int)o.Kind);
                overall.Add((int)o.Kind);
            }
        }
        for (int m = 0; m < kinds.Length; m++) SectorsEngaged[m] = kinds[m].Count;
        SectorsEngagedOverall = overall.Count;
    }

    /// <summary>National contacts made this tick by organizations of <paramref name="movement"/>.</summary>
    public int NationalContacts(int movement) =>
        _organizations.Where(o => o.Movement == movement).Sum(o => o.NationalContactsThisTick);

    /// <summary>Share of <paramref name="movement"/>'s organizations that spread public information this tick.</summary>
    public double PublicInformationShare(int movement)
    {
        int n = 0, info = 0;
        foreach (var o in _organizations)
        {
            if (o.Movement != movement) continue;
            n++;
            if (o.PublicInformationThisTick) info++;
        }
        return n == 0 ? 0 : (double)info / n;
    }
}
