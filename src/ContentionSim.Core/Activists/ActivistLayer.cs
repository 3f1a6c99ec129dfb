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
public sealed class ActivistLayer : ISteppedLayer
{
    /// <summary>Activists per work item. Fixed, so chunk sums do not depend on the thread count.</summary>
    public const int ChunkSize = 1024;

    private SimulationContext _ctx = null!;
    private MovementTally[] _chunkTallies = [];
    private ulong _decisionKey;

    public ActivistPopulation Population { get; private set; } = null!;
    public SocialNetwork Network { get; private set; } = null!;

    /// <summary>Signals to each movement: state and allies write theirs in PreTick; momentum and sympathy come from the last PostTick.</summary>
    public MovementSignals[] Signals { get; private set; } = [];

    /// <summary>This tick's tallies per movement (valid after PostTick).</summary>
    public MovementTally[] Tallies { get; private set; } = [];

    /// <summary>Whether an organization called its members out this tick (indexed by organization).</summary>
    public bool[] OrganizationCalling { get; set; } = [];

    public void InitLayer(SimulationContext context)
    {
        _ctx = context;
        var scenario = context.Scenario;
        var movements = scenario.Movements;
        var starts = new int[movements.Count + 1];
        for (int m = 0; m < movements.Count; m++)
            starts[m + 1] = checked(starts[m] + movements[m].Activists.EffectiveCount);
        Population = new ActivistPopulation(starts[^1], starts);
        Network = SocialNetwork.Build(scenario.Network, starts, context.Random.For("network"));
        Signals = movements.Select(_ => new MovementSignals()).ToArray();
        Tallies = new MovementTally[movements.Count];
        _chunkTallies = new MovementTally[ChunkCount * movements.Count];
        _decisionKey = context.Random.Key("activist-decisions");

        ulong attributeKey = context.Random.Key("activist-attributes");
        for (int m = 0; m < movements.Count; m++)
            Initialise(movements[m].Activists, starts[m], starts[m + 1], attributeKey);
        Recount();
    }

    private int ChunkCount => (Population.Count + ChunkSize - 1) / ChunkSize;

    private void Initialise(ActivistParameters p, int from, int to, ulong key)
    {
        var pop = Population;
        for (int i = from; i < to; i++)
        {
            var rng = Rng.For(key, i, 0);
            pop.BaselineGrievance[i] = (float)p.Grievance.Draw(ref rng);
            pop.Grievance[i] = pop.BaselineGrievance[i];
            pop.RiskAversion[i] = (float)p.RiskAversion.Draw(ref rng);
            double threshold = p.Thresholds.Count > 0 ? p.Thresholds[i - from] : p.Threshold.Draw(ref rng);
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
        var rules = new ActivistRules[scenario.Movements.Count];
        for (int m = 0; m < rules.Length; m++)
            rules[m] = new ActivistRules(scenario, m, Signals[m]);
        Array.Clear(_chunkTallies);
        int tick = _ctx.CurrentTick;
        int movements = rules.Length;
        int chunks = ChunkCount;
        if (_ctx.Threads <= 1 || chunks == 1)
        {
            for (int c = 0; c < chunks; c++) UpdateChunk(c, rules, tick, movements);
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = _ctx.Threads };
            Parallel.For(0, chunks, options, c => UpdateChunk(c, rules, tick, movements));
        }
    }

    private void UpdateChunk(int chunk, ActivistRules[] rules, int tick, int movements)
    {
        int from = chunk * ChunkSize;
        int to = Math.Min(Population.Count, from + ChunkSize);
        var tallies = _chunkTallies.AsSpan(chunk * movements, movements);
        for (int i = from; i < to; i++)
        {
            int m = Population.Movement[i];
            rules[m].Update(Population, Network, OrganizationCalling, i, Rng.For(_decisionKey, i, tick), ref tallies[m]);
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
