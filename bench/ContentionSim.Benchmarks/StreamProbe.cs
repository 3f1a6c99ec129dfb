using System.Diagnostics;

namespace ContentionSim.Benchmarks;

/// <summary>
/// The memory traffic of one activist tick without its arithmetic: reads every column the
/// update reads (and the ties, a tenth of them to random activists), writes every column it
/// writes. A lower bound on the update's time on this machine.
/// </summary>
internal static class StreamProbe
{
    private sealed class Columns(int n, int degree)
    {
        public readonly byte[] State = new byte[n], Next = new byte[n];
        public readonly float[] Energy = new float[n], Radicalism = new float[n], Grievance = new float[n];
        public readonly float[] BaselineG = new float[n], BaselineR = new float[n], Risk = new float[n], Threshold = new float[n];
        public readonly ushort[] Timer = new ushort[n];
        public readonly int[] Organization = new int[n];
        public readonly int[] Offsets = new int[n + 1];
        public readonly int[] Ties = new int[(long)n * degree];
    }

    public static double MillisecondsPerPass(int n, int degree, int repetitions = 15, int threads = 1)
    {
        var c = new Columns(n, degree);
        var rng = new Random(1);
        for (int i = 0; i <= n; i++) c.Offsets[i] = i * degree;
        for (int i = 0; i < n; i++)
            for (int d = 0; d < degree; d++)
                c.Ties[i * degree + d] = rng.NextDouble() < 0.1 ? rng.Next(n) : (i + d - degree / 2 + n) % n;
        double best = double.MaxValue;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (int r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, options, t => Pass(c, (int)((long)n * t / threads), (int)((long)n * (t + 1) / threads)));
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return best;
    }

    private static void Pass(Columns c, int from, int to)
    {
        byte[] state = c.State, next = c.Next;
        float[] energy = c.Energy, radicalism = c.Radicalism, grievance = c.Grievance;
        float[] baselineG = c.BaselineG, baselineR = c.BaselineR, risk = c.Risk, threshold = c.Threshold;
        ushort[] timer = c.Timer;
        int[] org = c.Organization, offsets = c.Offsets, ties = c.Ties;
        float sum = 0;
        for (int i = from; i < to; i++)
        {
            int acc = 0;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) acc += state[ties[k]];
            float e = energy[i] + 1e-7f, rad = radicalism[i] + baselineR[i] * 1e-7f, g = grievance[i] + baselineG[i] * 1e-7f;
            sum += risk[i] + threshold[i] + org[i];
            energy[i] = e;
            radicalism[i] = rad;
            grievance[i] = g;
            timer[i] = (ushort)(timer[i] + 1);
            next[i] = (byte)(state[i] + acc);
        }
        GC.KeepAlive(sum);
    }
}
