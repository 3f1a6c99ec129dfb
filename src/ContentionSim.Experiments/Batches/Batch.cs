using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Experiments.Batches;

/// <summary>
/// What a batch runs: <see cref="RunCount"/> runs with canonical indices 0 … n − 1, each the scenario of its
/// point with the seed of its index, visited in an execution order (position → run). A part of it can be
/// selected (a shard: <see cref="Only"/>) and runs already recorded skipped (resume: <see cref="Except"/>).
/// The design is arbitrary: a grid, a one-at-a-time design, a Latin hypercube or any list of points
/// (<see cref="OfPoints"/>). Results never depend on the execution order or on the parallelism, because a
/// run's scenario and seed depend on its index alone.
/// </summary>
public sealed class Batch
{
    private readonly Func<long, Scenario> _scenarioAt;
    private readonly Func<long, ulong> _seedOf;
    private readonly Func<long, long> _runAt;
    private readonly BatchPart? _part;
    private readonly IReadOnlySet<long> _skip;

    private Batch(long runCount, Func<long, Scenario> scenarioAt, Func<long, ulong> seedOf, Func<long, long> runAt,
        BatchPart? part, IReadOnlySet<long> skip)
    {
        RunCount = runCount;
        _scenarioAt = scenarioAt;
        _seedOf = seedOf;
        _runAt = runAt;
        _part = part;
        _skip = skip;
    }

    /// <summary>
    /// A batch of <paramref name="runCount"/> runs.
    /// </summary>
    /// <param name="runCount">Runs, with canonical indices 0 … runCount − 1.</param>
    /// <param name="scenarioAt">The scenario of a run, its seed aside (the seed is set from <paramref name="seedOf"/>).
    /// It may throw: the run then fails (see <see cref="BatchFailures"/>).</param>
    /// <param name="seedOf">The seed of a run, from its canonical index (see <see cref="BatchSeeds"/>).</param>
    /// <param name="runAt">The run executed at a position (a permutation of 0 … runCount − 1); null: run r at position r.</param>
    public static Batch Create(long runCount, Func<long, Scenario> scenarioAt, Func<long, ulong> seedOf, Func<long, long>? runAt = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runCount);
        ArgumentNullException.ThrowIfNull(scenarioAt);
        ArgumentNullException.ThrowIfNull(seedOf);
        return new Batch(runCount, scenarioAt, seedOf, runAt ?? (p => p), null, new HashSet<long>());
    }

    /// <summary>
    /// Every point of an arbitrary design, each run <paramref name="replications"/> times. Run
    /// <c>r = replication × points + point</c> (replication-major, so adding replications keeps the runs a
    /// batch already had), executed in that order: every point once before any point twice.
    /// </summary>
    /// <param name="points">The scenarios of the design's points (their seeds are ignored).</param>
    /// <param name="replications">Runs per point.</param>
    /// <param name="seedOf">The seed of a run from its index, e.g. <see cref="BatchSeeds.PerRun"/> or <see cref="BatchSeeds.PerReplication"/>.</param>
    public static Batch OfPoints(IReadOnlyList<Scenario> points, int replications, Func<long, ulong> seedOf)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        int n = points.Count;
        return Create((long)n * replications, run => points[(int)(run % n)], seedOf);
    }

    /// <summary>Runs in the whole design (every part, recorded or not).</summary>
    public long RunCount { get; }

    /// <summary>Runs of the selected part (<see cref="RunCount"/> when no part is selected), recorded or not.</summary>
    public long PartCount => _part?.Count ?? RunCount;

    /// <summary>Runs of the selected part not yet recorded: what a runner sets out to do.</summary>
    public long ToDo => PartCount - _skip.Count(r => r >= 0 && r < RunCount && InPart(r));

    /// <summary>The seed of run <paramref name="run"/>.</summary>
    public ulong SeedOf(long run) => _seedOf(run);

    /// <summary>The scenario of run <paramref name="run"/>, with its seed.</summary>
    public Scenario ScenarioOf(long run) => _scenarioAt(run) with { Seed = _seedOf(run) };

    /// <summary>The run executed at <paramref name="position"/> (0 … <see cref="RunCount"/> − 1).</summary>
    public long RunAt(long position) => _runAt(position);

    /// <summary>Whether run <paramref name="run"/> belongs to the selected part.</summary>
    public bool InPart(long run) => _part is null || _part.HasRun(run);

    /// <summary>Whether the run at <paramref name="position"/> is to be run: in the selected part and not recorded.</summary>
    internal bool Runs(long position, out long run)
    {
        run = -1;
        if (_part is not null && !_part.HasPosition(position)) return false;
        run = _runAt(position);
        return !_skip.Contains(run);
    }

    /// <summary>
    /// Only a part of the runs (a shard): <paramref name="count"/> runs, those at the positions
    /// <paramref name="hasPosition"/> accepts; <paramref name="hasRun"/> says the same of a run index.
    /// </summary>
    public Batch Only(long count, Func<long, bool> hasPosition, Func<long, bool> hasRun)
    {
        ArgumentNullException.ThrowIfNull(hasPosition);
        ArgumentNullException.ThrowIfNull(hasRun);
        return new Batch(RunCount, _scenarioAt, _seedOf, _runAt, new BatchPart(count, hasPosition, hasRun), _skip);
    }

    /// <summary>The same batch without the runs in <paramref name="recorded"/> (resume).</summary>
    public Batch Except(IReadOnlySet<long> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new Batch(RunCount, _scenarioAt, _seedOf, _runAt, _part, recorded);
    }

    private sealed record BatchPart(long Count, Func<long, bool> HasPosition, Func<long, bool> HasRun);
}

/// <summary>Seed schemes: a run's seed from its canonical index, never from the order runs are executed in.</summary>
public static class BatchSeeds
{
    /// <summary>Every run its own seed: <see cref="RandomStreams.DeriveRunSeed"/>(master seed, run).</summary>
    public static Func<long, ulong> PerRun(ulong masterSeed) => run => RandomStreams.DeriveRunSeed(masterSeed, run);

    /// <summary>
    /// Common random numbers for a batch of <paramref name="points"/> points run replication-major
    /// (<see cref="Batch.OfPoints"/>): replication r has <see cref="RandomStreams.DeriveRunSeed"/>(master seed, r) at every point.
    /// </summary>
    public static Func<long, ulong> PerReplication(ulong masterSeed, int points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        return run => RandomStreams.DeriveRunSeed(masterSeed, run / points);
    }
}
