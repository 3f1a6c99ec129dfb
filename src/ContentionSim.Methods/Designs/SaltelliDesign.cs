namespace ContentionSim.Methods.Designs;

/// <summary>
/// The cross design of Saltelli et al. (2010) for first-order and total Sobol indices: two independent
/// N × d matrices A and B (the first and the last d coordinates of a 2d-dimensional Sobol sequence), and
/// for each factor j the matrix AB_j, A with its column j taken from B. N(d + 2) points in blocks:
/// rows 0 … N − 1 are A, N … 2N − 1 are B, and (2 + j)N … (3 + j)N − 1 are AB_j.
/// </summary>
public sealed class SaltelliDesign
{
    /// <summary>The design of <paramref name="n"/> base points in <paramref name="dimensions"/> dimensions (a power of two is best for the Sobol sequence).</summary>
    public SaltelliDesign(int n, int dimensions, ulong? scrambleSeed = null, long skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (2 * dimensions > SobolSequence.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"a Saltelli design here has at most {SobolSequence.MaxDimensions / 2} factors");
        N = n;
        Dimensions = dimensions;
        var sobol = new SobolSequence(2 * dimensions, scrambleSeed);
        var rows = new double[n * (dimensions + 2)][];
        for (int i = 0; i < n; i++)
        {
            var x = sobol.Point(skip + i);
            var a = x[..dimensions];
            var b = x[dimensions..];
            rows[i] = a;
            rows[n + i] = b;
            for (int j = 0; j < dimensions; j++)
            {
                var ab = (double[])a.Clone();
                ab[j] = b[j];
                rows[(2 + j) * n + i] = ab;
            }
        }
        Rows = rows;
    }

    /// <summary>Base sample size N.</summary>
    public int N { get; }

    public int Dimensions { get; }

    /// <summary>The N(d + 2) points in the unit cube, in blocks A, B, AB_1 … AB_d.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>Splits the outputs of <see cref="Rows"/> (in the same order) into f(A), f(B) and f(AB_j).</summary>
    public SaltelliOutputs Split(IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != Rows.Count) throw new ArgumentException($"{y.Count} outputs for a design of {Rows.Count} points", nameof(y));
        var a = new double[N];
        var b = new double[N];
        var ab = new double[Dimensions][];
        for (int i = 0; i < N; i++) { a[i] = y[i]; b[i] = y[N + i]; }
        for (int j = 0; j < Dimensions; j++)
        {
            ab[j] = new double[N];
            for (int i = 0; i < N; i++) ab[j][i] = y[(2 + j) * N + i];
        }
        return new SaltelliOutputs(a, b, ab);
    }
}

/// <summary>A model's outputs on a Saltelli design: f(A), f(B) and f(AB_j) for each factor j.</summary>
public sealed record SaltelliOutputs(double[] A, double[] B, double[][] AB);
