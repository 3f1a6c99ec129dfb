using ContentionSim.Core.Engine;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Activists;

/// <summary>
/// Owns the activist population and its social network. Each tick (<see cref="Step"/>) every
/// activist applies the rule of <see cref="ActivistRules"/> to the state the population had at the
/// end of the last tick (double buffering), so the update is order-free: it is split into fixed
/// chunks run on any number of threads with identical results. Then the new states become current,
/// the chunks' tallies are summed in chunk order and each movement's momentum moves.
/// </summary>
public sealed class ActivistLayer : IChunkWork
{
    /// <summary>Activists per work item. Fixed, so chunk sums do not depend on the thread count.</summary>
    public const int ChunkSize = 1024;

    private readonly MovementTally[] _chunkTallies;
    private readonly MovementRule[] _rules;
    private readonly ParallelChunks _parallel;
    private readonly ulong _decisionKey;
    private readonly MovementTally[] _tallies;
    private readonly double[] _momentum, _decline;
    private readonly ParticipationTrend[] _trends;
    private ActivistKernel.TickInputs _inputs;
    private bool[] _calling = [];
    private double[] _relief = [];
    private int[] _chunkActiveMembers = [];
    private int _organizations;

    /// <summary>Draws the activists of every movement and builds their network.</summary>
    internal ActivistLayer(SimulationContext context)
    {
        var scenario = context.Scenario;
        var movements = scenario.Movements;
        var starts = new int[movements.Count + 1];
        for (int m = 0; m < movements.Count; m++)
            starts[m + 1] = checked(starts[m] + movements[m].Activists.EffectiveCount);
        // The network first: its temporary arrays are gone before the population's columns are made.
        Network = SocialNetwork.Build(scenario.Network, starts, context.Random.For("network"), context.Threads);
        Population = new ActivistPopulation(starts[^1], starts);
        Network.CheckShape(Population.Count);
        _tallies = new MovementTally[movements.Count];
        _chunkTallies = new MovementTally[ChunkCount * movements.Count];
        _rules = new MovementRule[movements.Count];
        _trends = new ParticipationTrend[movements.Count];
        _momentum = new double[movements.Count];
        _decline = new double[movements.Count];
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
        _inputs = new ActivistKernel.TickInputs(Population, Network, _calling, _relief);
    }

    /// <summary>The activists' attributes and states, one row per activist.</summary>
    public ActivistPopulation Population { get; }
    /// <summary>The ties between activists, within and across movements.</summary>
    public SocialNetwork Network { get; }

    /// <summary>What each movement's activists did in the last step (at the start: all inactive).</summary>
    internal ReadOnlySpan<MovementTally> Tallies => _tallies;

    /// <summary>Each movement's momentum as the last step left it (0 at the start).</summary>
    internal ReadOnlySpan<double> Momentum => _momentum;

    /// <summary>Each movement's decline from its recent peak as the last step left it (0 at the start; docs/ODD.md 7.6).</summary>
    public ReadOnlySpan<double> Decline => _decline;

    /// <summary>
    /// Active members of each organization after the last step, counted in the update; null when
    /// counting per chunk would cost more than going through the member lists.
    /// </summary>
    internal int[]? ActiveMembers { get; private set; }

    /// <summary>Tells the layer how many organizations there are and how many members they have in all.</summary>
    internal void AttachOrganizations(int organizations, long members)
    {
        _organizations = organizations;
        _calling = new bool[organizations];
        _relief = new double[organizations];
        _inputs = new ActivistKernel.TickInputs(Population, Network, _calling, _relief);
        if (organizations > 0 && (long)ChunkCount * organizations <= members)
        {
            _chunkActiveMembers = new int[ChunkCount * organizations];
            ActiveMembers = new int[organizations];
        }
    }

    /// <summary>
    /// The activists' step of tick <paramref name="tick"/>: every activist decides on the last tick's
    /// states; then the new states become current and each movement's momentum moves.
    /// </summary>
    /// <param name="scenario">The parameters in force this tick.</param>
    /// <param name="tick">The tick (1-based).</param>
    /// <param name="signals">What each movement's activists hear this tick.</param>
    /// <param name="calling">Whether each organization calls its members out this tick.</param>
    /// <param name="relief">Relief each organization's service gives its members this tick.</param>
    /// <returns>What each movement's activists did this tick.</returns>
    internal ReadOnlySpan<MovementTally> Step(Scenario scenario, int tick, ReadOnlySpan<MovementSignals> signals,
        ReadOnlySpan<bool> calling, ReadOnlySpan<double> relief)
    {
        for (int m = 0; m < _rules.Length; m++)
            _rules[m] = new MovementRule(scenario, m, signals[m], _decisionKey, tick);
        calling.CopyTo(_calling);
        relief.CopyTo(_relief);
        Array.Clear(_chunkTallies);
        Array.Clear(_chunkActiveMembers);
        _parallel.Run(this, ChunkCount);

        Population.Swap();
        Array.Clear(_tallies);
        int movements = _tallies.Length;
        for (int c = 0; c < ChunkCount; c++)
            for (int m = 0; m < movements; m++)
                _tallies[m].Add(_chunkTallies[c * movements + m]);
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
            _trends[m] = _trends[m].Next(_tallies[m].Active, _tallies[m].Total);
            _momentum[m] = _trends[m].Momentum;
            _decline[m] = _trends[m].Decline;
        }
        return _tallies;
    }

    /// <summary>Updates the activists of chunks <c>[fromChunk, toChunk)</c>, each chunk's movements into its own tallies.</summary>
    void IChunkWork.Run(int fromChunk, int toChunk)
    {
        var pop = Population;
        var starts = pop.MovementStarts;
        int movements = _rules.Length;
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
                ActivistKernel.UpdateSegment(_inputs, _rules[m], starts[m], starts[m + 1], from, segmentEnd,
                    ref _chunkTallies[chunk * movements + m], activeMembers);
                from = segmentEnd;
            }
        }
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

    /// <summary>Fills <see cref="Tallies"/> from the current state (used at initialisation).</summary>
    private void Recount()
    {
        var pop = Population;
        for (int i = 0; i < pop.Count; i++)
        {
            ref var t = ref _tallies[pop.Movement[i]];
            t.Inactive++;
            if (pop.IsFramed(i)) t.Framed++;
            t.GrievanceSum += pop.Grievance[i];
        }
    }
}
