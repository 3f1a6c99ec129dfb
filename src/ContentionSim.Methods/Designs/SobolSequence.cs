using System.Reflection;

namespace ContentionSim.Methods.Designs;

/// <summary>
/// The Sobol (1967) low-discrepancy sequence in up to <see cref="MaxDimensions"/> dimensions, with the
/// direction numbers of Joe &amp; Kuo (2008, new-joe-kuo-6.21201), 32 bits, in Gray-code order (Antonov
/// &amp; Saleev 1979): point i is the XOR of the direction numbers of the bits of i ^ (i &gt;&gt; 1), so any
/// point can be computed on its own (a design can be split, resumed or extended without recomputing it).
/// The first 2^m points of every dimension put exactly one point in each interval [k/2^m, (k + 1)/2^m).
/// An optional random digital shift (each dimension's bits XORed with a seeded random word) keeps that
/// property while making the point set a randomised one.
/// </summary>
public sealed class SobolSequence
{
    private const int Bits = 32;
    private static readonly Lazy<(uint A, uint[] M)[]> Table = new(LoadTable);

    private readonly uint[][] _v;      // [dimension][bit]
    private readonly uint[] _shift;

    /// <summary>Dimensions available (1 plus the direction numbers shipped).</summary>
    public static int MaxDimensions => Table.Value.Length + 1;

    /// <summary>The sequence in <paramref name="dimensions"/> dimensions; with a <paramref name="scrambleSeed"/>, digitally shifted.</summary>
    public SobolSequence(int dimensions, ulong? scrambleSeed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"the Sobol sequence here has at most {MaxDimensions} dimensions");
        Dimensions = dimensions;
        _v = new uint[dimensions][];
        for (int d = 0; d < dimensions; d++) _v[d] = DirectionNumbers(d);
        _shift = new uint[dimensions];
        if (scrambleSeed is ulong s)
            for (int d = 0; d < dimensions; d++) _shift[d] = (uint)(StreamRandom.For(s, "sobol-digital-shift", d).NextULong() >> 32);
    }

    public int Dimensions { get; }

    /// <summary>Point <paramref name="index"/> (0-based; point 0 of the unshifted sequence is the origin).</summary>
    public double[] Point(long index)
    {
        if (index < 0 || index > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(index));
        var x = new double[Dimensions];
        uint gray = (uint)index ^ ((uint)index >> 1);
        for (int d = 0; d < Dimensions; d++)
        {
            uint acc = _shift[d];
            uint g = gray;
            for (int bit = 0; g != 0; bit++, g >>= 1)
                if ((g & 1) != 0) acc ^= _v[d][bit];
            x[d] = acc * (1.0 / 4294967296.0);
        }
        return x;
    }

    /// <summary>Points <paramref name="skip"/> … <paramref name="skip"/> + <paramref name="n"/> − 1.</summary>
    public double[][] Points(int n, long skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = Point(skip + i);
        return points;
    }

    private static uint[] DirectionNumbers(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (int j = 0; j < Bits; j++) v[j] = 1u << (Bits - 1 - j);
            return v;
        }
        var (a, m) = Table.Value[dimension - 1];
        int s = m.Length;
        for (int j = 0; j < Math.Min(s, Bits); j++) v[j] = m[j] << (Bits - 1 - j);
        for (int j = s; j < Bits; j++)
        {
            uint x = v[j - s] ^ (v[j - s] >> s);
            for (int k = 1; k < s; k++)
                if (((a >> (s - 1 - k)) & 1) != 0) x ^= v[j - k];
            v[j] = x;
        }
        return v;
    }

    private static (uint A, uint[] M)[] LoadTable()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ContentionSim.Methods.joe-kuo-6.txt")
            ?? throw new InvalidOperationException("the Joe–Kuo direction numbers are missing from the assembly");
        using var reader = new StreamReader(stream);
        var rows = new List<(uint, uint[])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(uint.Parse).ToArray();
            rows.Add((f[0], f[1..]));
        }
        return [.. rows];
    }
}
