using System.Runtime.ExceptionServices;

namespace ContentionSim.Core.Engine;

/// <summary>Work over a range of fixed-size chunks (see <see cref="ParallelChunks"/>).</summary>
internal interface IChunkWork
{
    /// <summary>Does chunks <c>[fromChunk, toChunk)</c>. Called from any thread; chunks never overlap.</summary>
    void Run(int fromChunk, int toChunk);
}

/// <summary>
/// Runs <see cref="IChunkWork"/> over fixed chunks on the calling thread and up to
/// <c>threads − 1</c> thread-pool threads, without allocating per call: the helpers are queued
/// as one preallocated <see cref="IThreadPoolWorkItem"/>, and work is handed out in batches of
/// consecutive chunks from a shared counter. The batches shrink as the work runs out (guided
/// self-scheduling: a claim takes the remaining chunks ÷ (2 × threads), at least one), so claims
/// are few while much is left and no thread waits long for another's last batch, even when
/// another process slows one core. Which thread does a chunk never matters for the results: the
/// caller keeps per-chunk results and combines them in chunk order.
/// </summary>
internal sealed class ParallelChunks : IThreadPoolWorkItem
{
    /// <summary>A claim takes the remaining chunks divided by this many per thread.</summary>
    private const int ShareDivisor = 2;
    /// <summary>Counter value while a call is being set up or after it ended: claims fail.</summary>
    private const int Closed = int.MaxValue / 2;

    private readonly int _threads;
    private IChunkWork? _work;
    private int _chunks;
    private int _next = Closed;
    private int _done;
    private int _helpersQueued;
    private int _helpersClaiming;
    private ExceptionDispatchInfo? _error;

    public ParallelChunks(int threads) => _threads = Math.Max(1, threads);

    public int Threads => _threads;

    /// <summary>Runs chunks <c>[0, chunks)</c> of <paramref name="work"/> and returns when all are done.</summary>
    public void Run(IChunkWork work, int chunks)
    {
        if (chunks <= 0) return;
        if (_threads == 1 || chunks == 1)
        {
            work.Run(0, chunks);
            return;
        }

        _work = work;
        _chunks = chunks;
        _error = null;
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _next, 0); // opens the call: from here on, claims succeed

        // Helpers still queued from an earlier call (a starved pool) will join this one.
        int wanted = Math.Min(_threads, chunks) - 1 - Volatile.Read(ref _helpersQueued);
        for (int h = 0; h < wanted; h++)
        {
            Interlocked.Increment(ref _helpersQueued);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Claim();
        var spinner = new SpinWait();
        while (Volatile.Read(ref _done) < chunks)
            spinner.SpinOnce(sleep1Threshold: -1);
        // Close the call, then wait for helpers still inside Claim: one that took a number from
        // this call's counter must not read the next call's fields.
        Interlocked.Exchange(ref _next, Closed);
        while (Volatile.Read(ref _helpersClaiming) > 0)
            spinner.SpinOnce(sleep1Threshold: -1);
        _work = null;
        _error?.Throw();
    }

    void IThreadPoolWorkItem.Execute()
    {
        Interlocked.Decrement(ref _helpersQueued);
        Interlocked.Increment(ref _helpersClaiming);
        try
        {
            Claim();
        }
        finally
        {
            Interlocked.Decrement(ref _helpersClaiming);
        }
    }

    /// <summary>Takes batches until none is left: each the remaining chunks ÷ (2 × threads), at least one.</summary>
    private void Claim()
    {
        int divisor = _threads * ShareDivisor;
        while (true)
        {
            int from = Volatile.Read(ref _next);
            // Closed (between calls) is above any chunk count, so a claim then fails too.
            if (from >= _chunks) return;
            int size = Math.Max(1, (_chunks - from) / divisor);
            if (Interlocked.CompareExchange(ref _next, from + size, from) != from) continue;
            try
            {
                _work!.Run(from, from + size);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                Interlocked.Add(ref _done, size);
            }
        }
    }
}
