using ContentionSim.Methods.Designs;

namespace ContentionSim.Scenarios.Sweeps;

/// <summary>How the points of a sampled design are drawn.</summary>
public enum SamplingKind
{
    /// <summary>A Latin hypercube (McKay, Beckman &amp; Conover 1979): in every parameter each of the n equal strata of its range holds one point.</summary>
    LatinHypercube,
    /// <summary>The first n points of the Sobol sequence (Joe &amp; Kuo 2008 direction numbers), optionally with a seeded digital shift.</summary>
    Sobol,
}

/// <summary>A parameter a sampled design spans: its path and the range [<see cref="Low"/>, <see cref="High"/>].</summary>
/// <param name="Key">The parameter's path as written in the sweep file (e.g. <c>state.openness</c>).</param>
/// <param name="Whole">Whether the parameter takes whole numbers (values are then rounded to the nearest).</param>
public sealed record SweepRange(string Key, double Low, double High, bool Whole = false);

/// <summary>
/// A sampled design (the sweep file's <c>design:</c> block): <see cref="Points"/> points spread over the
/// <see cref="Ranges"/> by a Latin hypercube or a Sobol sequence of <c>ContentionSim.Methods</c>. Point i sets
/// parameter j to <c>Low + u[i][j] × (High − Low)</c> (rounded for whole-number parameters), u being the
/// method's unit-cube point i. The design is deterministic: it depends on <see cref="Seed"/> (the Latin
/// hypercube's shuffles and jitter, the Sobol sequence's digital shift), never on the runs' seeds.
/// </summary>
public sealed record SweepSampling(SamplingKind Kind, int Points, ulong Seed, bool Scrambled, IReadOnlyList<SweepRange> Ranges)
{
    /// <summary>Most points a sampled design may have (the grid's limit).</summary>
    public const int MaxPoints = (int)SweepGrid.MaxPoints;

    /// <summary>The name of the kind as written in sweep files and manifests.</summary>
    public string KindName => Name(Kind);

    /// <summary><c>latin_hypercube</c> or <c>sobol</c>.</summary>
    public static string Name(SamplingKind kind) => kind == SamplingKind.Sobol ? "sobol" : "latin_hypercube";

    /// <summary>The unit-cube points, as <c>ContentionSim.Methods</c> gives them: <see cref="Points"/> rows of one coordinate per range.</summary>
    public double[][] UnitPoints() => Kind switch
    {
        SamplingKind.LatinHypercube => LatinHypercube.Sample(Points, Ranges.Count, Seed),
        _ => new SobolSequence(Ranges.Count, Scrambled ? Seed : null).Points(Points),
    };

    /// <summary>The design's values: row i holds each range's value at point i.</summary>
    public double[][] Values()
    {
        var unit = UnitPoints();
        var rows = new double[unit.Length][];
        for (int i = 0; i < unit.Length; i++)
        {
            rows[i] = new double[Ranges.Count];
            for (int j = 0; j < Ranges.Count; j++) rows[i][j] = ValueAt(Ranges[j], unit[i][j]);
        }
        return rows;
    }

    /// <summary>The value of <paramref name="range"/> at unit coordinate <paramref name="u"/>.</summary>
    public static double ValueAt(SweepRange range, double u)
    {
        ArgumentNullException.ThrowIfNull(range);
        double v = new Factor(range.Key, range.Low, range.High).Scale(u);
        return range.Whole ? Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), Math.Ceiling(range.Low), Math.Floor(range.High)) : v;
    }
}
