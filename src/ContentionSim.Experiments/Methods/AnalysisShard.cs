using System.Globalization;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Methods;

/// <summary>
/// One task of a global sensitivity analysis or a calibration run as a job array (<c>--shard I/N</c>, or a Slurm
/// array's environment). The analysis goes through its stages as on one machine, but of each stage's runs the task
/// runs only those with <c>run mod N = I</c>, into <c>STAGE/runs-shard-I-of-N.csv</c>, and then waits until the
/// other tasks have recorded theirs (every stage's log is read from all of <c>STAGE/runs*.csv</c>), because the
/// next stage depends on the whole of this one. Every task computes the same next stage (the design and ABC's
/// proposals depend on the seed and the recorded results only). A task that waits longer than
/// <see cref="Wait"/> without any other task recording a run stops (<see cref="WaitedOut"/>): its share is done,
/// and the final step — the same command without a shard — runs whatever is missing and writes the results.
/// </summary>
public sealed class AnalysisShard
{
    public AnalysisShard(SweepShard shard, TimeSpan wait)
    {
        Shard = shard ?? throw new ArgumentNullException(nameof(shard));
        Wait = wait;
    }

    public SweepShard Shard { get; }

    /// <summary>How long to wait for the other tasks when none of them records a run.</summary>
    public TimeSpan Wait { get; }

    /// <summary>Where the shard came from (<c>--shard 1/4</c>, a Slurm array's variables), for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>How often the other tasks' logs are read while waiting (tests shorten it).</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Set when the task stopped because the other tasks recorded nothing for <see cref="Wait"/>.</summary>
    public bool WaitedOut { get; internal set; }

    /// <summary>The stage at which the task stopped waiting, if it did.</summary>
    public string? WaitedOutAt { get; internal set; }

    /// <summary>Whether run <paramref name="run"/> of a stage is this task's.</summary>
    public bool Owns(long run) => run % Shard.Count == Shard.Index;

    /// <summary>This task's log in a stage's folder: <c>runs-shard-I-of-N.csv</c>.</summary>
    public string LogName => string.Create(CultureInfo.InvariantCulture, $"runs-shard-{Shard.Index}-of-{Shard.Count}.csv");
}
