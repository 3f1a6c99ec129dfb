using System.Runtime.InteropServices;

namespace ContentionSim.Cli;

/// <summary>
/// Where a command writes: standard output and error as injected writers, so tests can
/// read them, and whether the output is an interactive terminal (progress bars only there).
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>
    /// Standard output without the filter of <see cref="Out"/>, for the progress bars and the live view, which
    /// write their own escape sequences. <see cref="Out"/> and <see cref="Error"/> show user text's control
    /// characters as visible escapes (<see cref="Reporting.Terminal"/>), so a name cannot retitle or recolour the terminal.
    /// </summary>
    public TextWriter Terminal { get; init; } = Out;

    /// <summary>Token cancelled on Ctrl-C (the process's) or by a test.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// The exit code of an interruption: 130 for Ctrl-C (SIGINT), 143 for SIGTERM (what Slurm and Kubernetes send at a
    /// time limit or preemption), 129 for SIGHUP (the terminal closed) — 128 plus the signal's number, as a shell reports it.
    /// </summary>
    public InterruptionSource Interruption { get; init; } = new();

    /// <summary>
    /// The process's console; Ctrl-C, SIGTERM and SIGHUP cancel <see cref="Cancellation"/> instead of killing the
    /// process, so a run stops at its next tick and a sweep keeps every finished run, marks its manifest
    /// interrupted and says how to resume. A second signal of the same kind kills as usual.
    /// </summary>
    public static CliConsole System()
    {
        var cts = new CancellationTokenSource();
        var interruption = new InterruptionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (cts.IsCancellationRequested) return; // a second Ctrl-C kills as usual
            e.Cancel = true;
            interruption.ExitCode = ExitCodes.Interrupted;
            cts.Cancel();
        };
        if (!OperatingSystem.IsWindows())
        {
            foreach (var (signal, code) in new[] { (PosixSignal.SIGTERM, ExitCodes.Terminated), (PosixSignal.SIGHUP, ExitCodes.HungUp) })
            {
                interruption.Registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    if (cts.IsCancellationRequested) return; // the second one ends the process as usual
                    context.Cancel = true;
                    interruption.ExitCode = code;
                    cts.Cancel();
                }));
            }
        }
        return new CliConsole(Reporting.Terminal.SafeWriter(Console.Out), Reporting.Terminal.SafeWriter(Console.Error), !Console.IsOutputRedirected && !Console.IsErrorRedirected)
        {
            Cancellation = cts.Token,
            Terminal = Console.Out,
            Interruption = interruption,
        };
    }

    /// <summary>A console writing to the given writers, never interactive (for tests).</summary>
    public static CliConsole Capture(TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        new(Reporting.Terminal.SafeWriter(output), Reporting.Terminal.SafeWriter(error), false) { Cancellation = cancellation, Terminal = output };
}

/// <summary>Which signal interrupted a command, as the exit code it gives (130 when none or Ctrl-C).</summary>
public sealed class InterruptionSource
{
    /// <summary>The exit code for an interrupted command.</summary>
    public int ExitCode { get; set; } = ExitCodes.Interrupted;

    /// <summary>The signal handlers, kept alive for the process's life.</summary>
    internal List<PosixSignalRegistration> Registrations { get; } = [];
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
    /// <summary>Stopped by SIGTERM (a scheduler's time limit or preemption), handled as Ctrl-C is: 128 + 15.</summary>
    public const int Terminated = 143;
    /// <summary>Stopped by SIGHUP (the terminal or SSH session closed), handled as Ctrl-C is: 128 + 1.</summary>
    public const int HungUp = 129;
}
