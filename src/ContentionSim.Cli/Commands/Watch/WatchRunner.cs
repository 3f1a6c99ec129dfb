using System.Diagnostics;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using Spectre.Console;

namespace ContentionSim.Cli.Commands.Watch;

/// <summary>
/// Runs a scenario for <c>run --watch</c>. On a terminal the cycle unfolds live (a Spectre live
/// display of <see cref="LiveView"/>) at <c>speed</c> ticks per second, so a class can follow it;
/// when the output is not a terminal it prints one plain line per stage change, as fast as it can.
/// The run's results are the same either way.
/// </summary>
internal static class WatchRunner
{
    /// <summary>Default pace, in ticks per second: ten years of weeks in under a minute.</summary>
    public const double DefaultSpeed = 10;

    /// <summary>Fastest accepted pace.</summary>
    public const double MaxSpeed = 10_000;

    /// <summary>Shortest time between two redraws (at high speeds most ticks are not drawn).</summary>
    private static readonly TimeSpan MinRedraw = TimeSpan.FromMilliseconds(40);

    public static RunResult Run(Scenario s, int threads, double speed, CliConsole console, bool pauseAtStages = false, IKeySource? keys = null)
    {
        keys ??= ConsoleKeys.Instance;
        var control = new WatchControl(speed, pauseAtStages);
        var view = new LiveView(s.Name, s.TimeUnit, s.Ticks);
        if (!console.Interactive)
        {
            console.Out.WriteLine($"Watching '{s.Name}' (not a terminal: one line per stage change).");
            view.StageChanged += line => console.Out.WriteLine(line);
            var plain = Simulator.Run(s, new RunOptions { Threads = threads, Cancellation = console.Cancellation, OnTick = view.Observe });
            console.Out.WriteLine($"Watched {plain.TicksRun} {s.TimeUnit}s: {view.StageChanges.Count} stage change(s).");
            return plain;
        }

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Terminal) });
        RunResult? result = null;
        var clock = Stopwatch.StartNew();
        var sinceTick = Stopwatch.StartNew();
        TimeSpan? lastDraw = null;
        int changes = 0;
        view.ChartWidth = Math.Clamp(ansi.Profile.Width - 24, 20, 200); // room for the y axis, the unit and the panel's border
        view.Footer = control.Help;
        ansi.Live(view.Render())
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .Start(ctx =>
            {
                void Draw()
                {
                    view.Status = control.Status;
                    view.Footer = control.Help;
                    ctx.UpdateTarget(view.Render());
                    ctx.Refresh();
                    lastDraw = clock.Elapsed;
                }
                bool ReadKeys()
                {
                    bool any = false;
                    while (keys.TryRead(out var key)) any |= control.Key(key);
                    return any;
                }
                result = Simulator.Run(s, new RunOptions
                {
                    Threads = threads,
                    Cancellation = console.Cancellation,
                    OnTick = o =>
                    {
                        view.Observe(o);
                        bool changed = view.StageChanges.Count != changes;
                        changes = view.StageChanges.Count;
                        bool keyed = ReadKeys();
                        control.Ticked(changed);
                        if (changed || keyed || control.Paused || lastDraw is not TimeSpan drawn || clock.Elapsed - drawn >= MinRedraw || o.Tick >= s.Ticks - 1)
                            Draw();
                        double wait = 1 / control.Speed - sinceTick.Elapsed.TotalSeconds;
                        if (wait > 0) console.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(wait));
                        // Paused (Space, a step, or a stage change with --pause-at-stages): wait for a key.
                        while (control.Paused && !console.Cancellation.IsCancellationRequested)
                        {
                            if (ReadKeys()) Draw();
                            else console.Cancellation.WaitHandle.WaitOne(PollKeys);
                        }
                        sinceTick.Restart();
                    },
                });
                view.Status = result.TicksRun < s.Ticks ? "STOPPED" : null;
                ctx.UpdateTarget(view.Render());
                ctx.Refresh();
            });
        return result!;
    }

    /// <summary>How often a paused view looks for a key.</summary>
    private static readonly TimeSpan PollKeys = TimeSpan.FromMilliseconds(40);
}

/// <summary>Where the live view's keys come from.</summary>
internal interface IKeySource
{
    /// <summary>A key if one was pressed, without waiting.</summary>
    bool TryRead(out ConsoleKeyInfo key);
}

/// <summary>The process's keyboard, when standard input is a terminal.</summary>
internal sealed class ConsoleKeys : IKeySource
{
    public static ConsoleKeys Instance { get; } = new();

    /// <summary>Whether keys can be read (standard input is a terminal).</summary>
    public static bool Available
    {
        get
        {
            try
            {
                return !Console.IsInputRedirected;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    public bool TryRead(out ConsoleKeyInfo key)
    {
        key = default;
        try
        {
            if (!Available || !Console.KeyAvailable) return false;
            key = Console.ReadKey(intercept: true);
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Waits for a key and returns its character, or null when keys cannot be read.</summary>
    public static char? Wait()
    {
        try
        {
            return Available ? Console.ReadKey(intercept: true).KeyChar : null;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
