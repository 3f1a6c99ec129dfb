using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Scenarios.Sweeps;

/// <summary>What the figures of a sweep put on their axes.</summary>
/// <param name="X">Factor on the x axis (default: the first varied).</param>
/// <param name="Lines">Factor drawn as one line per level (default: the second varied), or null.</param>
/// <param name="Heatmap">Metric of the heatmap (see <see cref="SweepMetrics"/>).</param>
public sealed record SweepPlotSettings(string? X, string? Lines, string Heatmap)
{
    /// <summary>The defaults for a grid: x the first factor, lines the second (none for a sampled design), heatmap peak participation.</summary>
    public static SweepPlotSettings For(SweepGrid grid) => new(
        grid.Factors.Count > 0 ? grid.Factors[0].Key : null,
        grid.Factors.Count > 1 && grid.Design != SweepDesign.Sampled ? grid.Factors[1].Key : null,
        SweepMetrics.DefaultHeatmap);
}

/// <summary>
/// A sweep ready to run: the base scenario (with the sweep's fixed settings applied), the grid of
/// varied values and the master seed. Run <c>r</c>'s seed is
/// <see cref="RandomStreams.DeriveRunSeed"/>(master seed, r): a hash of the master seed and the run's
/// canonical index, so seeds are distinct, reproducible, and independent of the order runs are
/// executed in and of how many run at once. A <see cref="Paired"/> plan (common random numbers)
/// derives the seed from the replication alone, <see cref="RandomStreams.DeriveRunSeed"/>(master seed,
/// replication), so replication r of every point runs with the same seed and arms can be compared
/// seed by seed.
/// </summary>
public sealed class SweepPlan
{
    public SweepPlan(Scenario baseScenario, SweepGrid grid, ulong masterSeed, bool paired = false, SweepSampling? sampling = null)
    {
        if ((sampling is null) != (grid?.Design != SweepDesign.Sampled))
            throw new ArgumentException("a sampled grid needs its sampling, and only a sampled grid has one", nameof(sampling));
        Sampling = sampling;
        Base = baseScenario ?? throw new ArgumentNullException(nameof(baseScenario));
        Grid = grid ?? throw new ArgumentNullException(nameof(grid));
        MasterSeed = masterSeed;
        Paired = paired;
        Order = new SweepOrder(grid);
    }

    /// <summary>Whether replication r has the same seed at every point (common random numbers).</summary>
    public bool Paired { get; }

    /// <summary>The sampled design the grid's points come from (the sweep file's <c>design:</c> block), or null for a grid of listed values.</summary>
    public SweepSampling? Sampling { get; }

    public Scenario Base { get; }
    public SweepGrid Grid { get; }
    public ulong MasterSeed { get; }
    public SweepOrder Order { get; }

    /// <summary>The description of the seed scheme, as written into the manifest.</summary>
    public const string SeedScheme =
        "seed(run) = RandomStreams.DeriveRunSeed(master_seed, run) = SplitMix64 hash of (master_seed, \"RUN_\", run); " +
        "run = replication × points + point (canonical index, independent of execution order and parallelism)";

    /// <summary>The seed scheme of a paired plan, as written into the manifest.</summary>
    public const string PairedSeedScheme =
        "seed(run) = RandomStreams.DeriveRunSeed(master_seed, replication) = SplitMix64 hash of (master_seed, \"RUN_\", replication); " +
        "paired: replication r has the same seed at every point (common random numbers); run = replication × points + point";

    /// <summary>This plan's seed scheme: <see cref="SeedScheme"/> or <see cref="PairedSeedScheme"/>.</summary>
    public string Scheme => Paired ? PairedSeedScheme : SeedScheme;

    /// <summary>Seed of canonical run <paramref name="run"/>.</summary>
    public ulong SeedOf(long run) => RandomStreams.DeriveRunSeed(MasterSeed, Paired ? Grid.Decompose(run).Replication : run);

    /// <summary>
    /// The scenario of canonical run <paramref name="run"/>: the base with the point's values set and
    /// the run's seed. Throws <see cref="ParameterPathException"/> if a value does not fit (a sweep
    /// built in code without validation).
    /// </summary>
    public Scenario ScenarioOf(long run)
    {
        var (point, _) = Grid.Decompose(run);
        return ScenarioAt(point) with { Seed = SeedOf(run) };
    }

    /// <summary>The base with the values of <paramref name="point"/> set (seed left as in the base).</summary>
    public Scenario ScenarioAt(int point)
    {
        var scenario = Base;
        var values = Grid.ValuesOf(point);
        for (int f = 0; f < values.Count; f++)
        {
            var level = values[f];
            if (level.Value is null)
                throw new InvalidOperationException($"the level '{level.Text}' of {Grid.Factors[f].Key} has no value (read from a manifest?)");
            scenario = ParameterPath.With(scenario, Grid.Factors[f].Key, level.Value);
        }
        return scenario;
    }
}
