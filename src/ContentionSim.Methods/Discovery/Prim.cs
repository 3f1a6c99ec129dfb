namespace ContentionSim.Methods.Discovery;

/// <summary>A box: for each factor the range [Lower[j], Upper[j]] a point must fall in.</summary>
public sealed record PrimBox(double[] Lower, double[] Upper)
{
    public bool Contains(double[] x)
    {
        for (int j = 0; j < Lower.Length; j++)
            if (x[j] < Lower[j] || x[j] > Upper[j]) return false;
        return true;
    }
}

/// <summary>
/// A box on PRIM's peeling trajectory: <see cref="Coverage"/>, the share of all cases of interest that are
/// in the box; <see cref="Density"/>, the share of the box's points that are cases of interest;
/// <see cref="Mass"/>, the share of all points in the box; the factors it restricts.
/// </summary>
public sealed record PrimStep(int Index, PrimBox Box, double Coverage, double Density, double Mass, int Points, IReadOnlyList<int> Restricted);

/// <summary>Settings of <see cref="Prim"/>.</summary>
public sealed record PrimOptions
{
    /// <summary>Share of the box's points removed by one peel.</summary>
    public double PeelAlpha { get; init; } = 0.05;

    /// <summary>Share of the box's points added by one paste.</summary>
    public double PasteAlpha { get; init; } = 0.05;

    /// <summary>Peeling stops before the box holds fewer than this share of all points.</summary>
    public double MassMin { get; init; } = 0.05;
}

/// <summary>
/// The Patient Rule Induction Method (Friedman &amp; Fisher 1999) for scenario discovery (Bryant &amp;
/// Lempert 2010), as in the EMA Workbench: starting from the box holding every point, repeatedly peel off
/// the α share of the box's points at the lower or upper end of one factor, choosing the peel that leaves
/// the highest density of cases of interest, until the box's mass would fall below a minimum. The boxes
/// peeled form the coverage–density trade-off curve; a box chosen on it can then be pasted (its limits
/// widened again by α steps while that raises its density).
/// </summary>
public sealed class Prim
{
    private readonly double[][] _x;
    private readonly bool[] _y;
    private readonly int _interesting;
    private readonly PrimOptions _options;

    public Prim(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, PrimOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"{x.Count} points for {y.Count} outcomes", nameof(y));
        if (x.Count == 0) throw new ArgumentException("PRIM needs points", nameof(x));
        Dimensions = x[0].Length;
        if (x.Any(r => r.Length != Dimensions)) throw new ArgumentException("every point has the same number of factors", nameof(x));
        _x = [.. x];
        _y = [.. y];
        _interesting = _y.Count(b => b);
        if (_interesting == 0) throw new ArgumentException("no point is a case of interest: there is nothing to find", nameof(y));
        _options = options ?? new PrimOptions();
        Trajectory = Peel();
    }

    public int Dimensions { get; }

    /// <summary>The peeling trajectory, from the whole space (step 0) to the smallest box.</summary>
    public IReadOnlyList<PrimStep> Trajectory { get; }

    /// <summary>The densest box on the trajectory whose coverage is at least <paramref name="minCoverage"/>.</summary>
    public PrimStep Select(double minCoverage) =>
        Trajectory.Where(s => s.Coverage >= minCoverage).OrderByDescending(s => s.Density).ThenByDescending(s => s.Coverage).FirstOrDefault()
        ?? Trajectory[0];

    /// <summary>The box of <paramref name="step"/> widened by pasting, limit by limit, while that raises its density.</summary>
    public PrimStep Paste(PrimStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var box = step.Box;
        var bounds = Bounds();
        while (true)
        {
            var inside = Indices(box);
            double density = Density(inside);
            PrimBox? best = null;
            double bestDensity = density;
            int add = Math.Max(1, (int)Math.Floor(_options.PasteAlpha * inside.Count));
            for (int j = 0; j < Dimensions; j++)
            {
                foreach (bool lower in new[] { true, false })
                {
                    // points outside only on factor j, on that side
                    var candidates = Enumerable.Range(0, _x.Length)
                        .Where(i => (lower ? _x[i][j] < box.Lower[j] : _x[i][j] > box.Upper[j]) && OutsideOnlyOn(box, _x[i], j))
                        .Select(i => _x[i][j]).ToArray();
                    if (candidates.Length == 0) continue;
                    Array.Sort(candidates);
                    var lo = (double[])box.Lower.Clone();
                    var hi = (double[])box.Upper.Clone();
                    int take = Math.Min(add, candidates.Length);
                    if (lower) lo[j] = take == candidates.Length ? bounds.Lower[j] : candidates[^take];
                    else hi[j] = take == candidates.Length ? bounds.Upper[j] : candidates[take - 1];
                    var trial = new PrimBox(lo, hi);
                    double d = Density(Indices(trial));
                    if (d > bestDensity) { bestDensity = d; best = trial; }
                }
            }
            if (best is null) return Step(step.Index, box);
            box = best;
        }
    }

    private List<PrimStep> Peel()
    {
        var box = Bounds();
        var steps = new List<PrimStep> { Step(0, box) };
        int minPoints = (int)Math.Ceiling(_options.MassMin * _x.Length);
        while (true)
        {
            var inside = Indices(box);
            PrimBox? best = null;
            double bestDensity = double.NegativeInfinity;
            int bestCount = 0;
            int peel = Math.Max(1, (int)Math.Floor(_options.PeelAlpha * inside.Count));
            for (int j = 0; j < Dimensions; j++)
            {
                var values = inside.Select(i => _x[i][j]).ToArray();
                Array.Sort(values);
                if (peel >= values.Length) break;
                foreach (bool lower in new[] { true, false })
                {
                    var lo = (double[])box.Lower.Clone();
                    var hi = (double[])box.Upper.Clone();
                    // Peel the α share; with ties at the edge (a grid, a discrete factor) peel the whole tied level.
                    if (lower)
                    {
                        lo[j] = values[peel];
                        if (lo[j] == values[0]) lo[j] = values.FirstOrDefault(v => v > values[0], values[0]);
                    }
                    else
                    {
                        hi[j] = values[^(peel + 1)];
                        if (hi[j] == values[^1]) hi[j] = values.LastOrDefault(v => v < values[^1], values[^1]);
                    }
                    if (lo[j] == box.Lower[j] && hi[j] == box.Upper[j]) continue;   // a single value left: nothing to peel
                    var trial = new PrimBox(lo, hi);
                    var kept = Indices(trial);
                    if (kept.Count < minPoints || kept.Count == inside.Count) continue;
                    double d = Density(kept);
                    if (d > bestDensity || (d == bestDensity && kept.Count > bestCount)) { best = trial; bestDensity = d; bestCount = kept.Count; }
                }
            }
            if (best is null) return steps;
            box = best;
            steps.Add(Step(steps.Count, box));
        }
    }

    private PrimBox? _bounds;

    private PrimBox Bounds() => _bounds ??= ComputeBounds();

    private PrimBox ComputeBounds()
    {
        var lo = new double[Dimensions];
        var hi = new double[Dimensions];
        for (int j = 0; j < Dimensions; j++) { lo[j] = _x.Min(r => r[j]); hi[j] = _x.Max(r => r[j]); }
        return new PrimBox(lo, hi);
    }

    private PrimStep Step(int index, PrimBox box)
    {
        var inside = Indices(box);
        int hits = inside.Count(i => _y[i]);
        var bounds = Bounds();
        var restricted = Enumerable.Range(0, Dimensions).Where(j => box.Lower[j] > bounds.Lower[j] || box.Upper[j] < bounds.Upper[j]).ToArray();
        return new PrimStep(index, box, (double)hits / _interesting, inside.Count == 0 ? 0 : (double)hits / inside.Count,
            (double)inside.Count / _x.Length, inside.Count, restricted);
    }

    private List<int> Indices(PrimBox box)
    {
        var list = new List<int>();
        for (int i = 0; i < _x.Length; i++) if (box.Contains(_x[i])) list.Add(i);
        return list;
    }

    private double Density(List<int> inside) => inside.Count == 0 ? 0 : (double)inside.Count(i => _y[i]) / inside.Count;

    private static bool OutsideOnlyOn(PrimBox box, double[] x, int j)
    {
        for (int k = 0; k < x.Length; k++)
            if (k != j && (x[k] < box.Lower[k] || x[k] > box.Upper[k])) return false;
        return true;
    }
}
