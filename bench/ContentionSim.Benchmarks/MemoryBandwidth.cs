using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ContentionSim.Benchmarks;

/// <summary>
/// A STREAM-like measurement of this machine's memory bandwidth: read (sum), write (fill) and
/// copy of arrays far larger than the caches, on one thread and on all cores. The best of several
/// repetitions is reported (the machine is shared; the best is the least disturbed).
/// </summary>
public static class MemoryBandwidth
{
    public sealed record Result(string Kernel, int Threads, double GigabytesPerSecond);

    public static IReadOnlyList<Result> Measure(long bytes = 1L << 30, int repetitions = 7)
    {
        int n = (int)(bytes / sizeof(long));
        var a = new long[n];
        var b = new long[n];
        Array.Fill(a, 1);
        Array.Fill(b, 2);
        var results = new List<Result>();
        foreach (int threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            results.Add(new("read", threads, Best(repetitions, threads, n, bytes, (from, to) => Sum(a, from, to))));
            results.Add(new("write", threads, Best(repetitions, threads, n, bytes, (from, to) => Array.Fill(b, 3, from, to - from))));
            results.Add(new("copy (read + write)", threads, Best(repetitions, threads, n, 2 * bytes, (from, to) => Array.Copy(a, from, b, from, to - from))));
        }
        return results;
    }

    private static double Best(int repetitions, int threads, int length, long bytesMoved, Action<int, int> kernel)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        double best = double.MaxValue;
        for (int r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, options, t => kernel((int)((long)length * t / threads), (int)((long)length * (t + 1) / threads)));
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return bytesMoved / best / 1e9;
    }

    private static long _sink;

    /// <summary>Sums <paramref name="a"/> on <paramref name="threads"/> threads, each a contiguous part.</summary>
    public static void Read(long[] a, int threads) =>
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
            t => Sum(a, (int)((long)a.Length * t / threads), (int)((long)a.Length * (t + 1) / threads)));

    /// <summary>Copies <paramref name="a"/> into <paramref name="b"/> on <paramref name="threads"/> threads.</summary>
    public static void Copy(long[] a, long[] b, int threads) =>
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int from = (int)((long)a.Length * t / threads), to = (int)((long)a.Length * (t + 1) / threads);
            Array.Copy(a, from, b, from, to - from);
        });

    private static void Sum(long[] a, int from, int to)
    {
        var span = MemoryMarshal.Cast<long, Vector<long>>(a.AsSpan(from, to - from));
        Vector<long> a0 = default, a1 = default, a2 = default, a3 = default;
        int i = 0;
        for (; i + 4 <= span.Length; i += 4)
        {
            a0 += span[i];
            a1 += span[i + 1];
            a2 += span[i + 2];
            a3 += span[i + 3];
        }
        for (; i < span.Length; i++) a0 += span[i];
        Interlocked.Add(ref _sink, Vector.Sum(a0 + a1 + a2 + a3));
    }
}
