using System.Diagnostics;

namespace ContentionSim.Benchmarks;

/// <summary>
/// Whether this machine's cores can run two threads at full speed at once, independently of
/// ContentionSim: the same arithmetic on one thread, then on two at once, with no shared data.
/// Two kernels: one bound by the multiplier's latency (a dependent chain: two hardware threads
/// sharing a physical core both run it at full speed) and one bound by the multiplier's throughput
/// (eight independent chains: two hardware threads of one physical core share the multiplier and
/// each gets about half). If the throughput kernel keeps its speed on two threads, the two
/// (virtual) cores are separate physical cores, and a speed-up of 2× is available to code bound by
/// computation; if it halves, they are two hardware threads of one core.
/// </summary>
internal static class CoreProbe
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    public static void Run(TextWriter output, long iterations = 400_000_000)
    {
        foreach (var (name, kernel) in new (string, Func<long, ulong>)[] { ("latency-bound (1 chain)", Latency), ("throughput-bound (8 chains)", Throughput) })
        {
            kernel(1_000_000); // compile
            double alone = Time(kernel, iterations, 1);
            double both = Time(kernel, iterations, 2);
            output.WriteLine($"{name,-28} one thread {alone:0.000} s, two threads at once {both:0.000} s each: two threads do {2 * alone / both:0.00}× the work of one");
        }
    }

    /// <summary>Seconds until <paramref name="threads"/> threads have each run the kernel (the slowest one).</summary>
    private static double Time(Func<long, ulong> kernel, long iterations, int threads)
    {
        var seconds = new double[threads];
        var sink = new ulong[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            sink[t] = kernel(iterations);
            seconds[t] = clock.Elapsed.TotalSeconds;
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        GC.KeepAlive(sink);
        return seconds.Max();
    }

    private static ulong Latency(long n)
    {
        ulong x = (ulong)n | 1;
        for (long i = 0; i < n; i++) x = x * Multiplier + 1442695040888963407UL;
        return x;
    }

    private static ulong Throughput(long n)
    {
        ulong a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = (ulong)n;
        for (long i = 0; i < n; i++)
        {
            a *= Multiplier; b *= Multiplier; c *= Multiplier; d *= Multiplier;
            e *= Multiplier; f *= Multiplier; g *= Multiplier; h *= Multiplier;
        }
        return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
    }
}
