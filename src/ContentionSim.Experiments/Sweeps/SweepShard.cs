using ContentionSim.Scenarios.Sweeps;

using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>
/// One of <see cref="Count"/> disjoint slices of a sweep's runs, for running a sweep on several machines
/// (a Slurm job array, a Kubernetes indexed job). Shard <c>I/N</c> — <see cref="Index"/> counted from 0,
/// so 0 ≤ I &lt; N — holds every N-th run of the <em>shard sequence</em>, starting with its I-th: the runs
/// with <c>s mod N = I</c>. The shard sequence is the sweep's execution order (<see cref="SweepOrder"/>:
/// rounds of P points, every point once per round, spread out) with the points of round <c>r</c> rotated
/// by <c>r</c> places: the run at place <c>k</c> of round <c>r</c> has <c>s = r·P + (k − r) mod P</c>.
/// Without the rotation (plain <c>position mod N</c>) a shard would get the same P/g points in every round
/// when N and P share a factor g, and a lost shard would leave holes in the grid; with it, each shard
/// moves on to other points round by round. The shards of any N are disjoint, together hold every run
/// exactly once, differ in size by at most one run (s runs over 0 … runs − 1), and each is interleaved
/// over the whole grid. Which runs a shard holds depends only on the grid and N, never on seeds, workers
/// or machines; a run's index and seed are the same as in a single-machine sweep.
/// </summary>
public sealed partial record SweepShard
{
    /// <summary>Most shards a sweep may be split into.</summary>
    public const int MaxCount = 1_000_000;

    public SweepShard(int index, int count)
    {
        if (count < 1 || count > MaxCount) throw new ArgumentOutOfRangeException(nameof(count), $"the number of shards must be 1 – {MaxCount:N0}, not {count}");
        if (index < 0 || index >= count) throw new ArgumentOutOfRangeException(nameof(index), $"shard index {index} is not in 0 – {count - 1} (shards are counted from 0)");
        Index = index;
        Count = count;
    }

    /// <summary>The shard's index, 0 ≤ Index &lt; Count.</summary>
    public int Index { get; }

    /// <summary>How many shards the sweep is split into.</summary>
    public int Count { get; }

    /// <summary>The whole sweep as one shard (0/1).</summary>
    public static SweepShard Whole { get; } = new(0, 1);

    /// <summary>Whether this is the whole sweep (N = 1).</summary>
    public bool IsWhole => Count == 1;

    /// <summary><c>I/N</c>, as given to <c>--shard</c>.</summary>
    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The folder a shard writes into, inside the sweep's output folder: <c>shard-I-of-N</c>.</summary>
    public string FolderName => $"shard-{Index.ToString(CultureInfo.InvariantCulture)}-of-{Count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The shard named by a folder name written by <see cref="FolderName"/>, or null.</summary>
    public static SweepShard? FromFolderName(string name)
    {
        var m = FolderPattern().Match(name ?? "");
        if (!m.Success) return null;
        if (!int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || n > MaxCount || i >= n)
            return null;
        return new SweepShard(i, n);
    }

    /// <summary>Reads <c>I/N</c> (0 ≤ I &lt; N); null and a message saying what is wrong when it is not that.</summary>
    public static SweepShard? TryParse(string? text, out string? error)
    {
        error = null;
        var m = SpecPattern().Match(text ?? "");
        if (!m.Success)
        {
            error = $"'{text}' is not I/N (e.g. 0/4 for the first of four shards; I counts from 0)";
            return null;
        }
        if (!int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || n > MaxCount)
        {
            error = $"'{text}': the number of shards must be 1 – {MaxCount:N0}";
            return null;
        }
        if (i >= n)
        {
            error = $"'{text}': shards are counted from 0, so the shards of {n} are 0/{n} … {n - 1}/{n}";
            return null;
        }
        return new SweepShard(i, n);
    }

    /// <summary>The place in the shard sequence of the run executed at <paramref name="position"/> of the execution order.</summary>
    public static long SequenceOf(SweepOrder order, long position)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (position < 0 || position >= order.Count) throw new ArgumentOutOfRangeException(nameof(position));
        int points = order.RoundLength;
        long round = position / points;
        long place = position % points;
        return round * points + Mod(place - round, points);
    }

    /// <summary>The position in the execution order of place <paramref name="sequence"/> of the shard sequence (the inverse of <see cref="SequenceOf"/>).</summary>
    public static long PositionOf(SweepOrder order, long sequence)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (sequence < 0 || sequence >= order.Count) throw new ArgumentOutOfRangeException(nameof(sequence));
        int points = order.RoundLength;
        long round = sequence / points;
        long rotated = sequence % points;
        return round * points + Mod(rotated + round, points);
    }

    /// <summary>Whether the run executed at <paramref name="position"/> of the execution order belongs to this shard.</summary>
    public bool ContainsPosition(SweepOrder order, long position) => SequenceOf(order, position) % Count == Index;

    /// <summary>Whether canonical run <paramref name="run"/> belongs to this shard.</summary>
    public bool Contains(SweepOrder order, long run)
    {
        ArgumentNullException.ThrowIfNull(order);
        return run >= 0 && run < order.Count && ContainsPosition(order, order.PositionOf(run));
    }

    /// <summary>Number of runs in this shard of a sweep of <paramref name="totalRuns"/> runs (⌈(total − I) / N⌉).</summary>
    public long RunCount(long totalRuns) => totalRuns <= Index ? 0 : (totalRuns - 1 - Index) / Count + 1;

    /// <summary>This shard's canonical run indices, in the sweep's execution order (the order a shard runs them in).</summary>
    public IEnumerable<long> Runs(SweepOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        for (long position = 0; position < order.Count; position++)
            if (ContainsPosition(order, position)) yield return order.RunAt(position);
    }

    private static long Mod(long value, long modulus) => ((value % modulus) + modulus) % modulus;

    [GeneratedRegex(@"^\s*(\d{1,9})\s*/\s*(\d{1,9})\s*$")]
    private static partial Regex SpecPattern();

    [GeneratedRegex(@"^shard-(\d{1,9})-of-(\d{1,9})$")]
    private static partial Regex FolderPattern();
}

/// <summary>The shard a process is to run, and where that came from (for messages).</summary>
/// <param name="Shard">The shard, or null for the whole sweep.</param>
/// <param name="Source">How it was chosen, e.g. <c>--shard 2/4</c> or <c>SLURM_ARRAY_TASK_ID=3, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=4</c>.</param>
public sealed record SweepShardChoice(SweepShard? Shard, string Source);

/// <summary>The shard options and the environment do not name a shard consistently.</summary>
public sealed class SweepShardException(string message) : Exception(message);

/// <summary>
/// Chooses a process's shard from <c>--shard I/N</c>, or else from the environment of a Slurm job array
/// (<c>SLURM_ARRAY_TASK_ID</c>, <c>SLURM_ARRAY_TASK_MIN</c>, <c>SLURM_ARRAY_TASK_STEP</c>,
/// <c>SLURM_ARRAY_TASK_COUNT</c>) or of a Kubernetes indexed job (<c>JOB_COMPLETION_INDEX</c>, with the
/// number of shards given by <c>--shards N</c>).
/// </summary>
public static class SweepShardEnvironment
{
    public const string SlurmTaskId = "SLURM_ARRAY_TASK_ID";
    public const string SlurmTaskMin = "SLURM_ARRAY_TASK_MIN";
    public const string SlurmTaskStep = "SLURM_ARRAY_TASK_STEP";
    public const string SlurmTaskCount = "SLURM_ARRAY_TASK_COUNT";
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <summary>
    /// The shard to run. An explicit <paramref name="shard"/> (<c>--shard I/N</c>) wins over the
    /// environment (<c>--shard 0/1</c> runs the whole sweep inside an array job). Without it, a Slurm
    /// array task is shard <c>(SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP</c> of
    /// <c>SLURM_ARRAY_TASK_COUNT</c> (so <c>--array=1-8</c> works as well as <c>--array=0-7</c>). When
    /// <paramref name="count"/> (<c>--shards N</c>) is given and the array has another number of tasks, the
    /// array is a subset of the shards resubmitted (<c>sbatch --array=1,3 …</c> after two tasks failed) and
    /// the task ID is the shard index. A Kubernetes indexed job's pod is shard <c>JOB_COMPLETION_INDEX</c>
    /// of <paramref name="count"/>. Without any of these it is the whole sweep (Shard null).
    /// </summary>
    /// <param name="shard">The text of <c>--shard</c>, or null.</param>
    /// <param name="count">The value of <c>--shards</c> (the number of shards when the index comes from the environment), or null.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <exception cref="SweepShardException">The options or variables are malformed or disagree; the message says how to fix it.</exception>
    public static SweepShardChoice Resolve(string? shard, int? count, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (count is int c && (c < 1 || c > SweepShard.MaxCount))
            throw new SweepShardException($"--shards must be 1 – {SweepShard.MaxCount:N0}, not {c}");
        if (shard is not null)
        {
            var parsed = SweepShard.TryParse(shard, out var error) ?? throw new SweepShardException("--shard " + error);
            if (count is int n && n != parsed.Count)
                throw new SweepShardException($"--shard {shard} and --shards {n} disagree on the number of shards; give one of them");
            return new SweepShardChoice(parsed.IsWhole ? null : parsed, $"--shard {parsed}");
        }

        string? taskId = Get(environment, SlurmTaskId);
        if (taskId is not null)
        {
            long id = Number(SlurmTaskId, taskId);
            string? minText = Get(environment, SlurmTaskMin), stepText = Get(environment, SlurmTaskStep), countText = Get(environment, SlurmTaskCount);
            long min = minText is null ? 0 : Number(SlurmTaskMin, minText);
            long step = stepText is null ? 1 : Number(SlurmTaskStep, stepText);
            if (step < 1) step = 1;
            long tasks = countText is null
                ? count ?? throw new SweepShardException(
                    $"{SlurmTaskId} is set but {SlurmTaskCount} is not, so the number of shards is unknown; give --shard I/N or --shards N")
                : Number(SlurmTaskCount, countText);
            string source = $"{SlurmTaskId}={id}, {SlurmTaskMin}={min}" + (stepText is null ? "" : $", {SlurmTaskStep}={step}") + $", {SlurmTaskCount}={tasks}";
            if (count is int n && n != tasks)
            {
                // Some of the N shards resubmitted as their own array (e.g. --array=1,3): the task ID is the shard index.
                if (id >= n)
                    throw new SweepShardException(
                        $"the job array ({source}) has {tasks} task(s), not --shards {n}, so its task IDs are taken as shard indices (a resubmitted subset); " +
                        $"but {SlurmTaskId}={id} is not below {n}. Resubmit shards with their indices (--array=I,J with 0 ≤ I < {n}), or give --shard I/N");
                var resubmitted = new SweepShard((int)id, n);
                return new SweepShardChoice(resubmitted.IsWhole ? null : resubmitted,
                    $"{SlurmTaskId}={id} of a resubmitted subset of {tasks} task(s), --shards {n}");
            }
            long offset = id - min;
            if (offset < 0 || offset % step != 0 || offset / step >= tasks || tasks > SweepShard.MaxCount)
                throw new SweepShardException(
                    $"the job array ({source}) is not a range MIN-MAX[:STEP] of {tasks} tasks, so this task's shard is unknown; " +
                    $"submit with --array=0-{tasks - 1}, or give --shard I/N");
            var fromSlurm = new SweepShard((int)(offset / step), (int)tasks);
            return new SweepShardChoice(fromSlurm.IsWhole ? null : fromSlurm, source);
        }

        string? completion = Get(environment, KubernetesIndex);
        if (completion is not null)
        {
            long index = Number(KubernetesIndex, completion);
            if (count is not int n)
                throw new SweepShardException(
                    $"{KubernetesIndex}={index} is set (a Kubernetes indexed job) but not the number of shards: add --shards N with N the job's completions " +
                    "(or --shard 0/1 to run the whole sweep)");
            if (index >= n)
                throw new SweepShardException($"{KubernetesIndex}={index} is not below --shards {n}: set the job's completions to {n}");
            var fromJob = new SweepShard((int)index, n);
            return new SweepShardChoice(fromJob.IsWhole ? null : fromJob, $"{KubernetesIndex}={index}, --shards {n}");
        }

        if (count is int alone)
        {
            if (alone == 1) return new SweepShardChoice(null, "--shards 1");
            throw new SweepShardException(
                $"--shards {alone} takes this process's shard from {SlurmTaskId} (a Slurm job array) or {KubernetesIndex} (a Kubernetes indexed job), " +
                $"and neither is set; give --shard I/N (0 ≤ I < {alone}) instead");
        }
        return new SweepShardChoice(null, "");
    }

    private static string? Get(Func<string, string?> environment, string name) =>
        environment(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static long Number(string name, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n <= int.MaxValue
            ? n
            : throw new SweepShardException($"{name}='{value}' is not a whole number ≥ 0");
}
