namespace ContentionSim.Cli;

/// <summary>
/// Where a command writes: standard output and error as injected writers, so tests can
/// read them, and whether the output is an interactive terminal (progress bars only there).
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>Token cancelled on Ctrl-C (the process's) or by a test.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The process's console; Ctrl-C cancels <see cref="Cancellation"/> instead of killing the process.</summary>
    public static CliConsole System()
    {
        var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (cts.IsCancellationRequested) return; // a second Ctrl-C kills as usual
            e.Cancel = true;
            cts.Cancel();
        };
        return new CliConsole(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected)
        {
            Cancellation = cts.Token,
        };
    }

    /// <summary>A console writing to the given writers, never interactive (for tests).</summary>
    public static CliConsole Capture(TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        new(output, error, false) { Cancellation = cancellation };
}

/// <summary>Process exit codes of contentionsim.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something went wrong that is not the user's input (a bug): the message says so.</summary>
    public const int InternalError = 1;
    /// <summary>Bad input: the scenario, an option or a path. The message names the place and the fix.</summary>
    public const int BadInput = 2;
    /// <summary>The outputs could not be written (disk full, permissions, folder exists).</summary>
    public const int OutputFailed = 3;
    /// <summary>A sweep finished but some of its runs failed (each is recorded with its error).</summary>
    public const int SomeRunsFailed = 4;
    /// <summary>Experiments ran, but some of their checks failed (contentionsim experiment).</summary>
    public const int ChecksFailed = 5;
    /// <summary>Interrupted (Ctrl-C) before the run finished; nothing was written.</summary>
    public const int Interrupted = 130;
}
