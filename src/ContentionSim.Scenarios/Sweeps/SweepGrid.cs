namespace ContentionSim.Scenarios.Sweeps;

/// <summary>
/// The points of a sweep and its replications. A point is one combination of factor levels; each
/// point is run <see cref="Replications"/> times. Runs have a canonical index,
/// <c>run = replication × points + point</c> (replication-major), so adding replications to a sweep
/// keeps the index, and therefore the seed, of every run it already had.
/// </summary>
public sealed class SweepGrid
{
    /// <summary>Most runs a sweep may have.</summary>
    public const long MaxRuns = 10_000_000;

    /// <summary>
    /// Most points a grid may have. The manifest lists every point (measured: about 185 bytes each, so a
    /// 4,000,000-point grid wrote a 738 MB manifest and ran out of memory before its first run); at this cap the
    /// manifest stays under about 200 MB. Replications multiply runs, not points, so a sweep can still have
    /// <see cref="MaxRuns"/> runs.
    /// </summary>
    public const long MaxPoints = 1_000_000;

    private readonly int[] _radix;

    public SweepGrid(IReadOnlyList<SweepFactor> factors, SweepDesign design, int replications)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (replications < 1) throw new ArgumentOutOfRangeException(nameof(replications), "at least one replication");
        if (factors.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() != factors.Count)
            throw new ArgumentException("a parameter is varied twice", nameof(factors));
        Factors = factors;
        Design = design;
        Replications = replications;
        _radix = factors.Select(f => f.Levels.Count).ToArray();
        long points = CountPoints(_radix, design);
        if (points < 0) throw new ArgumentException("zip design: every factor needs the same number of levels", nameof(factors));
        if (points > MaxPoints)
            throw new ArgumentException($"{points:N0} points is more than {MaxPoints:N0}", nameof(factors));
        if (points * replications > MaxRuns)
            throw new ArgumentException($"{points:N0} points × {replications:N0} replications is more than {MaxRuns:N0} runs", nameof(factors));
        PointCount = (int)points;
    }

    public IReadOnlyList<SweepFactor> Factors { get; }
    public SweepDesign Design { get; }
    public int Replications { get; }

    /// <summary>Number of distinct points (1 when nothing is varied).</summary>
    public int PointCount { get; }

    /// <summary>Number of runs: points × replications.</summary>
    public long RunCount => (long)PointCount * Replications;

    /// <summary>
    /// Points of a design with the given level counts; −1 for a zip design whose factors differ in
    /// length; saturates at <see cref="long.MaxValue"/> instead of overflowing.
    /// </summary>
    public static long CountPoints(IReadOnlyList<int> levelCounts, SweepDesign design)
    {
        ArgumentNullException.ThrowIfNull(levelCounts);
        if (levelCounts.Count == 0) return 1;
        if (design != SweepDesign.Factorial) return levelCounts.Distinct().Count() == 1 ? levelCounts[0] : -1;
        long product = 1;
        foreach (int n in levelCounts)
        {
            if (n <= 0) return 0;
            if (product > long.MaxValue / n) return long.MaxValue;
            product *= n;
        }
        return product;
    }

    /// <summary>
    /// The level index of each factor at <paramref name="point"/>. Factorial points are numbered with the
    /// last factor varying fastest (like nested loops in the order the factors are written).
    /// </summary>
    public int[] LevelsOf(int point)
    {
        if ((uint)point >= (uint)PointCount) throw new ArgumentOutOfRangeException(nameof(point));
        var levels = new int[_radix.Length];
        if (Design != SweepDesign.Factorial)
        {
            Array.Fill(levels, point);
            return levels;
        }
        int rest = point;
        for (int f = _radix.Length - 1; f >= 0; f--)
        {
            levels[f] = rest % _radix[f];
            rest /= _radix[f];
        }
        return levels;
    }

    /// <summary>The point with the given level of each factor.</summary>
    public int PointOf(IReadOnlyList<int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count != _radix.Length) throw new ArgumentException("one level per factor", nameof(levels));
        if (_radix.Length == 0) return 0;
        if (Design != SweepDesign.Factorial)
        {
            if (levels.Distinct().Count() != 1) throw new ArgumentException("a zip point has the same level in every factor", nameof(levels));
            return levels[0];
        }
        int point = 0;
        for (int f = 0; f < _radix.Length; f++)
        {
            if ((uint)levels[f] >= (uint)_radix[f]) throw new ArgumentOutOfRangeException(nameof(levels));
            point = point * _radix[f] + levels[f];
        }
        return point;
    }

    /// <summary>The level of each factor at <paramref name="point"/>.</summary>
    public IReadOnlyList<SweepLevel> ValuesOf(int point)
    {
        var levels = LevelsOf(point);
        return levels.Select((l, f) => Factors[f].Levels[l]).ToArray();
    }

    /// <summary>Canonical index of replication <paramref name="replication"/> of <paramref name="point"/>.</summary>
    public long RunIndex(int point, int replication)
    {
        if ((uint)point >= (uint)PointCount) throw new ArgumentOutOfRangeException(nameof(point));
        if ((uint)replication >= (uint)Replications) throw new ArgumentOutOfRangeException(nameof(replication));
        return (long)replication * PointCount + point;
    }

    /// <summary>The point and replication of canonical run <paramref name="run"/>.</summary>
    public (int Point, int Replication) Decompose(long run)
    {
        if (run < 0 || run >= RunCount) throw new ArgumentOutOfRangeException(nameof(run));
        return ((int)(run % PointCount), (int)(run / PointCount));
    }

    /// <summary>
    /// The levels of factor <paramref name="factor"/> at its two ends: the first and the last level of a grid (its
    /// values in the order written), the smallest and the largest value of a sampled design (whose values come
    /// in the design's order).
    /// </summary>
    public (int Low, int High) ExtremeLevels(int factor)
    {
        var levels = Factors[factor].Levels;
        if (Design != SweepDesign.Sampled || !Factors[factor].IsNumeric) return (0, levels.Count - 1);
        int low = 0, high = 0;
        for (int i = 1; i < levels.Count; i++)
        {
            if (levels[i].Number < levels[low].Number) low = i;
            if (levels[i].Number > levels[high].Number) high = i;
        }
        return (low, high);
    }

    /// <summary>Index of the factor with path <paramref name="key"/>, or −1.</summary>
    public int FactorIndex(string? key)
    {
        if (key is null) return -1;
        for (int i = 0; i < Factors.Count; i++)
            if (string.Equals(Factors[i].Key, key, StringComparison.Ordinal)) return i;
        return -1;
    }
}
