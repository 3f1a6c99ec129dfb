namespace ContentionSim.Core.Engine;

/// <summary>Runs order-free work over <c>[0, n)</c> in fixed blocks (initialisation; not per tick).</summary>
internal static class Blocks
{
    /// <summary>Items per block.</summary>
    public const int Size = 16_384;

    /// <summary>
    /// Runs <paramref name="body"/> on blocks of <c>[from, to)</c> on up to <paramref name="threads"/>
    /// threads. The body must write only what belongs to its block, so the result is the same
    /// for any number of threads.
    /// </summary>
    public static void For(int from, int to, int threads, Action<int, int> body)
    {
        int n = to - from;
        if (n <= 0) return;
        int blocks = (n + Size - 1) / Size;
        if (threads <= 1 || blocks <= 1)
        {
            body(from, to);
            return;
        }
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            b => body(from + b * Size, Math.Min(to, from + (b + 1) * Size)));
    }
}
