using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// A one-at-a-time design ready to run: the base scenario, the parameters varied with their low and
/// high values, the replications and the seeds. Variant 0 is the base; variant 1 + 2k is parameter k
/// at its low value and 2 + 2k at its high value. Every variant runs the same replications with the
/// same seeds (common random numbers): replication r has seed
/// <see cref="RandomStreams.DeriveRunSeed"/>(master seed, r) in every variant, so a difference
/// between variants comes from the parameter, not from the draws.
/// </summary>
public sealed class SensitivityDesign
{
    /// <summary>The seed scheme, as written into the manifest.</summary>
    public const string SeedScheme =
        "seed(replication r) = RandomStreams.DeriveRunSeed(master_seed, r) = SplitMix64 hash of (master_seed, \"RUN_\", r), " +
        "the same in every variant (common random numbers)";

    private readonly Scenario[] _variants;

    private SensitivityDesign(Scenario baseScenario, SensitivityCatalog catalog, IReadOnlyList<SensitivityRange> ranges,
        Scenario[] variants, int replications, double delta, ulong masterSeed)
    {
        Base = baseScenario;
        Catalog = catalog;
        Ranges = ranges;
        _variants = variants;
        Replications = replications;
        Delta = delta;
        MasterSeed = masterSeed;
    }

    public Scenario Base { get; }
    /// <summary>The parameters varied (<see cref="SensitivityCatalog.Varied"/>, in order) and those skipped.</summary>
    public SensitivityCatalog Catalog { get; }
    public IReadOnlyList<SensitivityParameter> Parameters => Catalog.Varied;
    /// <summary>Low, base and high value of each varied parameter (the location reached, for distributions).</summary>
    public IReadOnlyList<SensitivityRange> Ranges { get; }
    public int Replications { get; }
    public double Delta { get; }
    public ulong MasterSeed { get; }

    /// <summary>Number of variants: the base and two per parameter.</summary>
    public int VariantCount => _variants.Length;

    /// <summary>Number of runs: variants × replications.</summary>
    public long RunCount => (long)_variants.Length * Replications;

    /// <summary>Seed of replication <paramref name="replication"/> (the same in every variant).</summary>
    public ulong SeedOf(int replication) => RandomStreams.DeriveRunSeed(MasterSeed, replication);

    /// <summary>The scenario of variant <paramref name="variant"/> (without its seed).</summary>
    public Scenario Variant(int variant) => _variants[variant];

    /// <summary>The scenario of run <paramref name="run"/> = variant × replications + replication, with its seed.</summary>
    public Scenario ScenarioOf(long run) =>
        _variants[(int)(run / Replications)] with { Seed = SeedOf((int)(run % Replications)) };

    /// <summary>
    /// Builds the design. Parameters whose low or high variant fails <paramref name="check"/> (the
    /// scenario validator, which knows the rules across parameters) are moved to the skipped list.
    /// </summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="catalog">The parameters to vary (see <see cref="SensitivityCatalog.Of"/>).</param>
    /// <param name="replications">Runs per variant, at least 2 for confidence intervals.</param>
    /// <param name="delta">Relative change, strictly between 0 and 1.</param>
    /// <param name="masterSeed">Seed the replications' seeds are derived from.</param>
    /// <param name="check">Problems of a variant, none when it is valid; null to accept every variant.</param>
    public static SensitivityDesign Create(Scenario scenario, SensitivityCatalog catalog, int replications, double delta, ulong masterSeed,
        Func<Scenario, IReadOnlyList<string>>? check = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(catalog);
        if (replications < 1) throw new ArgumentOutOfRangeException(nameof(replications), replications, "at least one replication is needed");
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must lie strictly between 0 and 1");

        var variants = new List<Scenario> { scenario };
        var ranges = new List<SensitivityRange>();
        foreach (var p in catalog.Varied.ToArray())
        {
            var range = SensitivityRanges.Of(p, delta);
            var low = p.Apply(scenario, range.Low);
            var high = p.Apply(scenario, range.High);
            var problems = check is null ? [] : check(low).Concat(check(high)).Distinct().ToArray();
            if (problems.Length > 0)
            {
                catalog = catalog.Without(p, SkipReason.InvalidVariant, string.Join("; ", problems));
                continue;
            }
            variants.Add(low);
            variants.Add(high);
            ranges.Add(new SensitivityRange(p.Reached(scenario, range.Low), range.Base, p.Reached(scenario, range.High)));
        }
        return new SensitivityDesign(scenario, catalog, ranges, variants.ToArray(), replications, delta, masterSeed);
    }
}
