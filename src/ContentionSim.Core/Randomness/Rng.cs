using System.Runtime.CompilerServices;

namespace ContentionSim.Core.Randomness;

/// <summary>
/// A small, fast SplitMix64 generator (Steele, Lea &amp; Flood 2014). Its state is one
/// 64-bit word, so a fresh generator per agent and tick costs nothing; streams are
/// derived by hashing (seed, entity, tick), never by seed+1, so draws do not depend on
/// the order in which agents are updated or on the number of threads.
/// </summary>
internal struct Rng
{
    private ulong _state;

    public Rng(ulong seed) => _state = seed;

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        return Mix(z);
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => p > 0 && NextDouble() < p;

    /// <summary>Uniform integer in [0, <paramref name="n"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int n) => (int)((NextULong() >> 33) * (ulong)n >> 31);

    /// <summary>Standard normal draw (Box–Muller; one of the pair is discarded for simplicity).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia &amp; Tsang (2000).</summary>
    public double NextGamma(double shape)
    {
        if (shape < 1)
            return NextGamma(shape + 1) * Math.Pow(NextDouble() + 1e-300, 1.0 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do { x = NextNormal(); v = 1 + c * x; } while (v <= 0);
            v = v * v * v;
            double u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>The SplitMix64 finalizer: a bijective 64-bit mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Hash of a key and two counters: the seed of an independent stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong key, ulong a, ulong b = 0) =>
        Mix(Mix(key ^ Mix(a + 0x632BE59BD9B4E019UL)) ^ (b * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL));

    /// <summary>A generator for entity <paramref name="entity"/> at tick <paramref name="tick"/> of stream <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rng For(ulong key, long entity, long tick) => new(Hash(key, (ulong)entity, (ulong)tick));
}

/// <summary>
/// Named random streams derived from a run's master seed. Each purpose (network,
/// activist attributes, activist decisions, organizations, state, …) has its own
/// stream; within it each entity and tick has its own generator.
/// </summary>
public sealed class RandomStreams(ulong seed)
{
    /// <summary>The run's master seed, from which every stream is derived.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>Key of the stream named <paramref name="purpose"/> (FNV-1a of the name, mixed with the seed).</summary>
    public ulong Key(string purpose)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in purpose) { h ^= c; h *= 0x100000001B3UL; }
        return Rng.Hash(Seed, h);
    }

    /// <summary>A generator for one entity and tick of a named stream.</summary>
    internal Rng For(string purpose, long entity = 0, long tick = 0) => Rng.For(Key(purpose), entity, tick);

    /// <summary>
    /// Seed of run <paramref name="index"/> derived from a master seed by hashing
    /// (a splittable scheme: runs' seeds are independent of each other and of run order).
    /// </summary>
    public static ulong DeriveRunSeed(ulong masterSeed, long index) => Rng.Hash(masterSeed, 0x52554E5FUL, (ulong)index);
}
