namespace ContentionSim.Methods;

/// <summary>
/// A seeded <see cref="Random"/> (SplitMix64, Steele, Lea &amp; Flood 2014) whose streams are derived
/// by hashing (seed, purpose, index), so that every draw of a method depends on its seed and on what
/// it is for, never on the order or the thread in which work is done. MathNet.Numerics' samplers
/// accept it as any <see cref="Random"/>.
/// </summary>
public sealed class StreamRandom : Random
{
    private ulong _state;

    public StreamRandom(ulong seed) => _state = seed;

    /// <summary>The generator of item <paramref name="index"/> of stream <paramref name="purpose"/> under <paramref name="seed"/>.</summary>
    public static StreamRandom For(ulong seed, string purpose, long index = 0, long sub = 0) =>
        new(Hash(Hash(seed, Fnv(purpose)), (ulong)index, (ulong)sub));

    /// <summary>Next 64 random bits.</summary>
    public ulong NextULong() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    public override int Next() => (int)(NextULong() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)((NextULong() >> 32) * (ulong)maxValue >> 32);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValue, minValue);
        long range = (long)maxValue - minValue;
        return (int)(minValue + (long)((NextULong() >> 32) * (ulong)range >> 32));
    }

    public override long NextInt64() => (long)(NextULong() >> 1);

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextULong() >> 56);
    }

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextULong() >> 56);
    }

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A uniformly random permutation of 0 … n − 1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Hash(ulong key, ulong a, ulong b = 0) =>
        Mix(Mix(key ^ Mix(a + 0x632BE59BD9B4E019UL)) ^ (b * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL));

    private static ulong Fnv(string s)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in s) { h ^= c; h *= 0x100000001B3UL; }
        return h;
    }
}
