namespace ContentionSim.Methods.Designs;

/// <summary>One Morris trajectory: d + 1 points of the grid, each differing from the one before in one factor.</summary>
/// <param name="Points">The d + 1 points in the unit cube.</param>
/// <param name="Factors">Factors[k] is the factor changed between point k and point k + 1.</param>
/// <param name="Steps">Steps[k] is that change, +Δ or −Δ.</param>
public sealed record MorrisTrajectory(double[][] Points, int[] Factors, double[] Steps);

/// <summary>
/// The trajectory design of Morris (1991) for elementary effects: r trajectories on a p-level grid of the
/// unit cube, each starting at a random grid point and changing every factor once, in a random order, by
/// Δ = p / (2(p − 1)) up or down. With <c>candidates</c> &gt; r, r trajectories are chosen among that many
/// to spread over the space (Campolongo, Cariboni &amp; Saltelli 2007), greedily: the two farthest apart,
/// then each time the candidate with the largest summed distance to those chosen (the distance of two
/// trajectories being the sum of the Euclidean distances between their points).
/// </summary>
public sealed class MorrisDesign
{
    public MorrisDesign(int trajectories, int dimensions, ulong seed, int levels = 4, int candidates = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trajectories);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), "the number of levels is even and at least 2");
        Dimensions = dimensions;
        Levels = levels;
        Delta = levels / (2.0 * (levels - 1));
        int m = Math.Max(trajectories, candidates);
        var pool = new MorrisTrajectory[m];
        for (int t = 0; t < m; t++) pool[t] = Trajectory(StreamRandom.For(seed, "morris-trajectory", t));
        Trajectories = m == trajectories ? pool : Spread(pool, trajectories);
    }

    public int Dimensions { get; }

    public int Levels { get; }

    /// <summary>The step Δ in unit-cube coordinates.</summary>
    public double Delta { get; }

    public IReadOnlyList<MorrisTrajectory> Trajectories { get; }

    /// <summary>All points, trajectory by trajectory (r(d + 1) rows).</summary>
    public IReadOnlyList<double[]> Rows => [.. Trajectories.SelectMany(t => t.Points)];

    private MorrisTrajectory Trajectory(StreamRandom rng)
    {
        int d = Dimensions;
        int lowLevels = Levels / 2;               // grid values k/(p − 1) with k/(p − 1) + Δ ≤ 1
        var x = new double[d];
        var up = new bool[d];
        for (int i = 0; i < d; i++)
        {
            double low = rng.Next(lowLevels) / (double)(Levels - 1);
            up[i] = rng.NextDouble() < 0.5;
            x[i] = up[i] ? low : low + Delta;
        }
        var order = rng.Permutation(d);
        var points = new double[d + 1][];
        var steps = new double[d];
        points[0] = (double[])x.Clone();
        for (int k = 0; k < d; k++)
        {
            int f = order[k];
            steps[k] = up[f] ? Delta : -Delta;
            x[f] = Math.Clamp(x[f] + steps[k], 0, 1);
            points[k + 1] = (double[])x.Clone();
        }
        return new MorrisTrajectory(points, order, steps);
    }

    private static MorrisTrajectory[] Spread(MorrisTrajectory[] pool, int r)
    {
        int m = pool.Length;
        var dist = new double[m, m];
        for (int a = 0; a < m; a++)
            for (int b = a + 1; b < m; b++)
                dist[a, b] = dist[b, a] = Distance(pool[a], pool[b]);
        var chosen = new List<int>();
        var (best, bestA, bestB) = (-1.0, 0, 1);
        for (int a = 0; a < m; a++)
            for (int b = a + 1; b < m; b++)
                if (dist[a, b] > best) (best, bestA, bestB) = (dist[a, b], a, b);
        chosen.Add(bestA);
        if (r > 1) chosen.Add(bestB);
        var sum = new double[m];
        for (int c = 0; c < m; c++) sum[c] = chosen.Sum(s => dist[c, s]);
        while (chosen.Count < r)
        {
            int next = -1;
            for (int c = 0; c < m; c++)
                if (!chosen.Contains(c) && (next < 0 || sum[c] > sum[next])) next = c;
            chosen.Add(next);
            for (int c = 0; c < m; c++) sum[c] += dist[c, next];
        }
        return [.. chosen.Select(c => pool[c])];
    }

    private static double Distance(MorrisTrajectory a, MorrisTrajectory b)
    {
        double total = 0;
        foreach (var p in a.Points)
            foreach (var q in b.Points)
            {
                double s = 0;
                for (int i = 0; i < p.Length; i++) s += (p[i] - q[i]) * (p[i] - q[i]);
                total += Math.Sqrt(s);
            }
        return total;
    }
}
