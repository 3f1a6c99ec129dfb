using ContentionSim.Core.Engine;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Activists;

/// <summary>
/// Owns the activist population and its social network. Each tick every activist
/// applies the rules of <see cref="ActivistRules"/> to the state the population had at the
/// end of the last tick (double buffering), so the update is order-free: it is split
/// into fixed chunks run on any number of threads with identical results.
/// </summary>
public sealed class ActivistLayer : ISteppedLayer, IChunkWork
{
    /// <summary>Activists per work item. Fixed, so chunk sums do not depend on the thread count.</summary>
    public const int ChunkSize = 1024;

    private SimulationContext _ctx = null!;
    private MovementTally[] _chunkTallies = [];
    private ActivistRules[] _rules = [];
    private ParallelChunks _parallel = null!;
    private ulong _decisionKey;
    private int _tick;

    public ActivistPopulation Population { get; private set; } = null!;
    public SocialNetwork Network { get; private set; } = null!;

    /// <summary>Signals to each movement: state and allies write theirs in PreTick; momentum and sympathy come from the last PostTick.</summary>
    public MovementSignals[] Signals { get; private set; } = [];

    /// <summary>This tick's tallies per movement (valid after PostTick).</summary>
    public MovementTally[] Tallies { get; private set; } = [];

    /// <summary>Whether an organization called its members out this tick (indexed by organization).</summary>
    public bool[] OrganizationCalling { get; set; } = [];

    /// <summary>Relief the service of each organization gives its members this tick, applied to their grievance before they decide.</summary>
    internal double[] OrganizationRelief { get; private set; } = [];

    /// <summary>
    /// Active members of each organization after this tick (valid after PostTick), counted in the
    /// update; null when counting per chunk would cost more than going through the member lists.
    /// </summary>
    internal int[]? ActiveMembers { get; private set; }

    private int[] _chunkActiveMembers = [];
    private int _organizations;

    /// <summary>Called by the organizations once they have members: the relief they give and whether to count active members.</summary>
    internal void AttachOrganizations(double[] relief, long members)
    {
        OrganizationRelief = relief;
        _organizations = relief.Length;
        if (_organizations > 0 && (long)ChunkCount * _organizations <= members)
        {
            _chunkActiveMembers = new int[ChunkCount * _organizations];
            ActiveMembers = new int[_organizations];
        }
    }

    public void InitLayer(SimulationContext context)
    {
        _ctx = context;
        var scenario = context.Scenario;
        var movements = scenario.Movements;
        var starts = new int[movements.Count + 1];
        for (int m = 0; m < movements.Count; m++)
            starts[m + 1] = checked(starts[m] + movements[m].Activists.EffectiveCount);
        // The network first: its temporary arrays are gone before the population's columns are made.
        Network = SocialNetwork.Build(scenario.Network, starts, context.Random.For("network"), context.Threads);
        Population = new ActivistPopulation(starts[^1], starts);
        Network.CheckShape(Population.Count);
        Signals = movements.Select(_ => new MovementSignals()).ToArray();
        Tallies = new MovementTally[movements.Count];
        _chunkTallies = new MovementTally[ChunkCount * movements.Count];
        _rules = new ActivistRules[movements.Count];
        _parallel = new ParallelChunks(context.Threads);
        _decisionKey = context.Random.Key("activist-decisions");

        ulong attributeKey = context.Random.Key("activist-attributes");
        for (int m = 0; m < movements.Count; m++)
        {
            var parameters = movements[m].Activists;
            int first = starts[m];
            Blocks.For(first, starts[m + 1], context.Threads, (from, to) => Initialise(parameters, first, from, to, attributeKey));
        }
        Population.RebuildTieView();
        Recount();
    }

    private int ChunkCount => (Population.Count + ChunkSize - 1) / ChunkSize;

    /// <summary>Draws the attributes of activists <c>[from, to)</c> of the movement starting at <paramref name="first"/>, each from its own stream.</summary>
    private void Initialise(ActivistParameters p, int first, int from, int to, ulong key)
    {
        var pop = Population;
        for (int i = from; i < to; i++)
        {
            var rng = Rng.For(key, i, 0);
            pop.BaselineGrievance[i] = (float)p.Grievance.Draw(ref rng);
            pop.Grievance[i] = pop.BaselineGrievance[i];
            pop.RiskAversion[i] = (float)p.RiskAversion.Draw(ref rng);
            double threshold = p.Thresholds.Count > 0 ? p.Thresholds[i - first] : p.Threshold.Draw(ref rng);
            pop.Threshold[i] = (float)threshold;
            pop.Radicalism[i] = pop.BaselineRadicalism[i] = (float)p.Radicalism.Draw(ref rng);
            pop.Energy[i] = 1f;
            pop.State[i] = (byte)(ActivistStatus.Inactive | (rng.Chance(p.InitialFrameAdoption) ? (ActivistStatus)ActivistPopulation.FramedBit : 0));
        }
    }

    public void PreTick() { }

    public void Tick()
    {
        var scenario = _ctx.Scenario;
        for (int m = 0; m < _rules.Length; m++)
            _rules[m].Set(scenario, m, Signals[m]);
        Array.Clear(_chunkTallies);
        Array.Clear(_chunkActiveMembers);
        _tick = _ctx.CurrentTick;
        _parallel.Run(this, ChunkCount);
    }

    /// <summary>Updates the activists of chunks <c>[fromChunk, toChunk)</c>, each chunk's movements into its own tallies.</summary>
    void IChunkWork.Run(int fromChunk, int toChunk)
    {
        var pop = Population;
        var starts = pop.MovementStarts;
        int movements = _rules.Length;
        var inputs = new ActivistRules.Inputs(pop, Network, OrganizationCalling, OrganizationRelief, _decisionKey, _tick);
        for (int chunk = fromChunk; chunk < toChunk; chunk++)
        {
            var activeMembers = ActiveMembers is null ? default : _chunkActiveMembers.AsSpan(chunk * _organizations, _organizations);
            int from = chunk * ChunkSize;
            int to = Math.Min(pop.Count, from + ChunkSize);
            // The chunk's activists, movement by movement (movements hold contiguous rows).
            int m = pop.Movement[from];
            while (from < to)
            {
                while (starts[m + 1] <= from) m++;
                int segmentEnd = Math.Min(to, starts[m + 1]);
                _rules[m].UpdateSegment(inputs, starts[m], starts[m + 1], from, segmentEnd,
                    ref _chunkTallies[chunk * movements + m], activeMembers);
                from = segmentEnd;
            }
        }
    }

    public void PostTick()
    {
        Population.Swap();
        Array.Clear(Tallies);
        int movements = Tallies.Length;
        for (int c = 0; c < ChunkCount; c++)
            for (int m = 0; m < movements; m++)
                Tallies[m].Add(_chunkTallies[c * movements + m]);
        if (ActiveMembers is { } active)
        {
            Array.Clear(active);
            for (int c = 0; c < ChunkCount; c++)
            {
                var chunk = _chunkActiveMembers.AsSpan(c * _organizations, _organizations);
                for (int o = 0; o < chunk.Length; o++) active[o] += chunk[o];
            }
        }
        for (int m = 0; m < movements; m++)
        {
            var s = Signals[m];
            double participation = Tallies[m].Total > 0 ? (double)Tallies[m].Active / Tallies[m].Total : 0;
            s.FastParticipation += FastTrend * (participation - s.FastParticipation);
            s.SlowParticipation += SlowTrend * (participation - s.SlowParticipation);
            s.Momentum = Math.Clamp((s.FastParticipation - s.SlowParticipation) / Math.Max(s.SlowParticipation, MomentumFloor), -1, 1);
        }
    }

    /// <summary>Weight of the newest tick in the fast average of participation behind momentum.</summary>
    public const double FastTrend = 0.3;
    /// <summary>Weight of the newest tick in the slow average of participation behind momentum.</summary>
    public const double SlowTrend = 0.05;
    /// <summary>Smallest slow average momentum is measured against, so noise near zero is not read as a surge.</summary>
    public const double MomentumFloor = 0.05;

    /// <summary>Fills <see cref="Tallies"/> from the current state (used at initialisation).</summary>
    private void Recount()
    {
        Array.Clear(Tallies);
        var pop = Population;
        for (int i = 0; i < pop.Count; i++)
        {
            ref var t = ref Tallies[pop.Movement[i]];
            t.Inactive++;
            if (pop.IsFramed(i)) t.Framed++;
            t.GrievanceSum += pop.Grievance[i];
        }
    }
}
