using ContentionSim.Core.Engine;

namespace ContentionSim.Core.Tests;

/// <summary>The scheduler of the activist update: every chunk exactly once, any number of threads, calls after calls.</summary>
public class ParallelChunksTests
{
    private sealed class Recorder(int chunks) : IChunkWork
    {
        public readonly int[] Done = new int[chunks];
        public readonly System.Collections.Concurrent.ConcurrentBag<(int From, int To)> Ranges = [];
        public int Calls;

        public void Run(int fromChunk, int toChunk)
        {
            Interlocked.Increment(ref Calls);
            Ranges.Add((fromChunk, toChunk));
            for (int c = fromChunk; c < toChunk; c++) Interlocked.Increment(ref Done[c]);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100)]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    [InlineData(2, 977)]
    [InlineData(8, 60)]
    [InlineData(8, 7)]
    public void Every_chunk_is_done_exactly_once(int threads, int chunks)
    {
        var parallel = new ParallelChunks(threads);
        for (int call = 0; call < 50; call++)
        {
            var work = new Recorder(chunks);
            parallel.Run(work, chunks);
            Assert.All(work.Done, n => Assert.Equal(1, n));
        }
    }

    [Fact]
    public void Many_threads_get_batches_of_several_chunks()
    {
        // Larger ranges than one chunk per work item, so claiming costs little.
        var work = new Recorder(977);
        new ParallelChunks(2).Run(work, 977);

        Assert.InRange(work.Calls, 2, 977 / 8);
    }

    [Theory]
    [InlineData(2, 977)]
    [InlineData(4, 977)]
    [InlineData(8, 60)]
    public void Batches_shrink_as_the_work_runs_out(int threads, int chunks)
    {
        // Guided self-scheduling: a claim takes what is left ÷ (2 × threads), so the first batches
        // are large and the last are single chunks; no thread waits long for another's last batch.
        var work = new Recorder(chunks);
        new ParallelChunks(threads).Run(work, chunks);

        var sizes = work.Ranges.OrderBy(r => r.From).Select(r => r.To - r.From).ToArray();
        Assert.Equal(Math.Max(1, chunks / (2 * threads)), sizes[0]);
        for (int k = 1; k < sizes.Length; k++) Assert.True(sizes[k] <= sizes[k - 1], $"batch {k} ({sizes[k]} chunks) is larger than the one before ({sizes[k - 1]})");
        Assert.Equal(1, sizes[^1]);
    }

    [Fact]
    public void No_chunks_is_nothing_to_do()
    {
        var work = new Recorder(0);
        new ParallelChunks(4).Run(work, 0);

        Assert.Equal(0, work.Calls);
    }

    private sealed class Failing : IChunkWork
    {
        public void Run(int fromChunk, int toChunk)
        {
            if (fromChunk <= 13 && 13 < toChunk) throw new InvalidOperationException("chunk 13");
        }
    }

    [Fact]
    public void An_exception_in_a_chunk_reaches_the_caller_and_the_next_call_works()
    {
        var parallel = new ParallelChunks(2);

        var e = Assert.Throws<InvalidOperationException>(() => parallel.Run(new Failing(), 40));
        Assert.Equal("chunk 13", e.Message);

        var work = new Recorder(40);
        parallel.Run(work, 40);
        Assert.All(work.Done, n => Assert.Equal(1, n));
    }
}
