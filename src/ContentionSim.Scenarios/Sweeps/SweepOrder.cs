namespace ContentionSim.Scenarios.Sweeps;

/// <summary>
/// The order in which a sweep's runs are executed, chosen so that a sweep stopped at any moment has
/// covered its space evenly:
/// <list type="bullet">
/// <item>replication-major rounds: every point gets its first replication before any gets its second,
/// so after any number of runs the replications of two points differ by at most one;</item>
/// <item>within a round, points in a balanced, spread-out order: each next point is one whose values
/// have been visited least often in this round (summed over the varied parameters), and among those
/// the one farthest from all points already visited (maximin; grid coordinates scaled to [0, 1] per
/// parameter; ties go to the lowest point index). The first two are the two extreme corners (all first
/// levels, then all last levels); every value of every parameter comes early, and any prefix of a round
/// is spread over the whole grid rather than a block of it.</item>
/// </list>
/// A sampled design (<see cref="SweepDesign.Sampled"/>) keeps its own order within a round: its points are
/// already spread (every prefix of a Sobol sequence of 2^m points is balanced, a Latin hypercube's points are in
/// random order).
/// The order depends only on the grid, never on seeds or on the number of workers. It is an execution
/// order only: a run's index and seed are canonical (see <see cref="SweepGrid.RunIndex"/>).
/// </summary>
public sealed class SweepOrder
{
    /// <summary>Above this many points the maximin order (quadratic in the points) gives way to a bit-reversal order.</summary>
    public const int MaximinLimit = 4096;

    private readonly SweepGrid _grid;
    private readonly int[] _points;
    private readonly int[] _rank;

    public SweepOrder(SweepGrid grid)
    {
        _grid = grid ?? throw new ArgumentNullException(nameof(grid));
        _points = grid.Design == SweepDesign.Sampled ? Enumerable.Range(0, grid.PointCount).ToArray()
            : grid.PointCount <= MaximinLimit ? Maximin(grid) : BitReversal(grid.PointCount);
        _rank = new int[_points.Length];
        for (int i = 0; i < _points.Length; i++) _rank[_points[i]] = i;
    }

    /// <summary>The points in the order they are visited within each round of replications.</summary>
    public IReadOnlyList<int> Points => _points;

    /// <summary>Number of runs in the order (every run of the grid, once).</summary>
    public long Count => _grid.RunCount;

    /// <summary>Runs in each round: the number of points.</summary>
    public int RoundLength => _grid.PointCount;

    /// <summary>The canonical index of the run executed at <paramref name="position"/> (0-based).</summary>
    public long RunAt(long position)
    {
        if (position < 0 || position >= Count) throw new ArgumentOutOfRangeException(nameof(position));
        int p = _grid.PointCount;
        long round = position / p;
        return _grid.RunIndex(_points[(int)(position % p)], (int)round);
    }

    /// <summary>The position (0-based) at which canonical run <paramref name="run"/> is executed: the inverse of <see cref="RunAt"/>.</summary>
    public long PositionOf(long run)
    {
        var (point, replication) = _grid.Decompose(run);
        return (long)replication * _grid.PointCount + _rank[point];
    }

    /// <summary>All runs in execution order.</summary>
    public IEnumerable<long> Runs()
    {
        for (long k = 0; k < Count; k++) yield return RunAt(k);
    }

    /// <summary>The runs not in <paramref name="done"/>, in execution order.</summary>
    public IEnumerable<long> Remaining(IReadOnlySet<long> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return Runs().Where(r => !done.Contains(r));
    }

    private static int[] Maximin(SweepGrid grid)
    {
        int n = grid.PointCount, d = grid.Factors.Count;
        var coords = new double[n * Math.Max(d, 1)];
        var levels = new int[n][];
        for (int p = 0; p < n; p++)
        {
            levels[p] = grid.LevelsOf(p);
            for (int f = 0; f < d; f++)
            {
                int count = grid.Design != SweepDesign.Factorial ? grid.PointCount : grid.Factors[f].Levels.Count;
                coords[p * d + f] = count > 1 ? (double)levels[p][f] / (count - 1) : 0;
            }
        }
        // How often each level of each factor has been visited in this round.
        var used = grid.Factors.Select(f => new int[grid.Design != SweepDesign.Factorial ? grid.PointCount : f.Levels.Count]).ToArray();
        var order = new int[n];
        var minDistance = new double[n];
        Array.Fill(minDistance, double.PositiveInfinity);
        var visited = new bool[n];
        int current = 0;
        for (int step = 0; step < n; step++)
        {
            order[step] = current;
            visited[current] = true;
            for (int f = 0; f < d; f++) used[f][levels[current][f]]++;
            int next = -1;
            long bestUsage = long.MaxValue;
            double bestDistance = -1;
            for (int j = 0; j < n; j++)
            {
                if (visited[j]) continue;
                double dist = 0;
                long usage = 0;
                for (int f = 0; f < d; f++)
                {
                    double delta = coords[current * d + f] - coords[j * d + f];
                    dist += delta * delta;
                    usage += used[f][levels[j][f]];
                }
                if (dist < minDistance[j]) minDistance[j] = dist;
                if (usage < bestUsage || (usage == bestUsage && minDistance[j] > bestDistance + 1e-12))
                {
                    bestUsage = usage;
                    bestDistance = minDistance[j];
                    next = j;
                }
            }
            current = next;
        }
        return order;
    }

    /// <summary>0..n−1 in the order of the bit-reversed counter (van der Corput in base 2), skipping values ≥ n.</summary>
    internal static int[] BitReversal(int n)
    {
        int bits = 0;
        while ((1L << bits) < n) bits++;
        var order = new int[n];
        int k = 0;
        for (long i = 0; k < n; i++)
        {
            long r = Reverse(i, bits);
            if (r < n) order[k++] = (int)r;
        }
        return order;
    }

    private static long Reverse(long value, int bits)
    {
        long r = 0;
        for (int b = 0; b < bits; b++)
        {
            r = (r << 1) | (value & 1);
            value >>= 1;
        }
        return r;
    }
}
