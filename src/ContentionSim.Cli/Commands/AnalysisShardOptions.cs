using System.CommandLine;
using System.Globalization;
using ContentionSim.Experiments.Methods;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>--shard I/N</c>, <c>--shards N</c> and <c>--shard-wait MINUTES</c> of <c>calibrate</c> and the global
/// <c>sensitivity</c>: one task of a job array (see <see cref="AnalysisShard"/>). The shard comes from the options,
/// or from a Slurm array's or a Kubernetes indexed job's environment, as for <c>sweep</c>.
/// </summary>
internal sealed class AnalysisShardOptions
{
    /// <summary>Minutes a task waits for the other tasks when none of them records a run.</summary>
    public const double DefaultWaitMinutes = 30;

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Run as task I of a job array of N (I counts from 0): of every stage, only the runs with run mod N = I, then wait for the other tasks' runs. " +
                      "The same command without --shard (the final step) runs what is missing and writes the results. " +
                      "Without it, a Slurm array task (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) or a Kubernetes indexed job (JOB_COMPLETION_INDEX with --shards) finds its shard itself.",
    };

    public Option<int?> Shards { get; } = new("--shards") { Description = "Number of tasks when the task's index comes from the environment (see --shard)." };

    public Option<double> Wait { get; } = new("--shard-wait")
    {
        Description = $"Minutes a task waits for the other tasks' runs while none of them records one; then it stops, its share done (default {DefaultWaitMinutes.ToString(CultureInfo.InvariantCulture)}).",
        DefaultValueFactory = _ => DefaultWaitMinutes,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Shard);
        command.Options.Add(Shards);
        command.Options.Add(Wait);
    }

    /// <summary>The task's shard, or null for the whole analysis on this machine.</summary>
    /// <exception cref="SweepShardException">The options or the environment are malformed or disagree.</exception>
    public AnalysisShard? Resolve(ParseResult parse, Func<string, string?> environment)
    {
        double minutes = parse.GetValue(Wait);
        if (!(minutes > 0)) throw new SweepShardException("--shard-wait must be a number of minutes above 0");
        var choice = SweepShardEnvironment.Resolve(parse.GetValue(Shard), parse.GetValue(Shards), environment);
        return choice.Shard is null ? null : new AnalysisShard(choice.Shard, TimeSpan.FromMinutes(minutes)) { Source = choice.Source };
    }

    /// <summary>What a task says when it stops: its share done, what is left to the final step.</summary>
    public static int Finish(CliConsole console, AnalysisShard shard, bool complete, string finalCommand)
    {
        if (complete)
            console.Out.WriteLine($"Shard {shard.Shard} has run its share of every stage, and every shard's runs are recorded. " +
                                  $"The final step writes the results: {finalCommand}");
        else
            console.Out.WriteLine($"Shard {shard.Shard} has run its share up to stage '{shard.WaitedOutAt}', where the other shards recorded nothing for " +
                                  $"{shard.Wait.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min; it stops here. " +
                                  $"The final step runs what is missing and writes the results: {finalCommand}");
        return ExitCodes.Ok;
    }

    /// <summary>The command line without the shard options: what the final step runs.</summary>
    public static string FinalCommand(string commandLine)
    {
        var words = commandLine.Split(' ').ToList();
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] is "--shard" or "--shards" or "--shard-wait" && i + 1 < words.Count)
            {
                words.RemoveRange(i, 2);
                i--;
            }
        }
        return string.Join(' ', words);
    }
}
