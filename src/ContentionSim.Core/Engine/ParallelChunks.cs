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
/// consecutive chunks from a shared counter (dynamic, so a core slowed by another process does
/// not hold up the tick). Which thread does a chunk never matters for the results: the caller
/// keeps per-chunk results and combines them in chunk order.
/// </summary>
internal sealed class ParallelChunks : IThreadPoolWorkItem
{
    /// <summary>Batches handed out per thread and call: enough to even out a slow thread, few enough to keep claiming cheap.</summary>
    private const int BatchesPerThread = 8;
    /// <summary>Counter value while a call is being set up or after it ended: claims fail.</summary>
    private const int Closed = int.MaxValue / 2;

    private readonly int _threads;
    private IChunkWork? _work;
    private int _chunks, _batchSize, _batches;
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
        _batchSize = Math.Max(1, chunks / (_threads * BatchesPerThread));
        _batches = (chunks + _batchSize - 1) / _batchSize;
        _error = null;
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _next, 0); // opens the call: from here on, claims succeed

        // Helpers still queued from an earlier call (a starved pool) will join this one.
        int wanted = Math.Min(_threads, _batches) - 1 - Volatile.Read(ref _helpersQueued);
        for (int h = 0; h < wanted; h++)
        {
            Interlocked.Increment(ref _helpersQueued);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Claim();
        var spinner = new SpinWait();
        while (Volatile.Read(ref _done) < _batches)
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

    /// <summary>Takes batches until none is left.</summary>
    private void Claim()
    {
        while (true)
        {
            int batch = Interlocked.Increment(ref _next) - 1;
            if (batch >= _batches || batch >= Closed) return;
            int from = batch * _batchSize;
            int to = Math.Min(_chunks, from + _batchSize);
            try
            {
                _work!.Run(from, to);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                Interlocked.Increment(ref _done);
            }
        }
    }
}
