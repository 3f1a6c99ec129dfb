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

    public static RunResult Run(Scenario s, int threads, double speed, CliConsole console)
    {
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
        TimeSpan? lastDraw = null;
        int ticks = 0, changes = 0;
        ansi.Live(view.Render())
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .Start(ctx =>
            {
                result = Simulator.Run(s, new RunOptions
                {
                    Threads = threads,
                    Cancellation = console.Cancellation,
                    OnTick = o =>
                    {
                        view.Observe(o);
                        ticks++;
                        bool changed = view.StageChanges.Count != changes;
                        changes = view.StageChanges.Count;
                        if (changed || lastDraw is not TimeSpan drawn || clock.Elapsed - drawn >= MinRedraw || o.Tick >= s.Ticks - 1)
                        {
                            ctx.UpdateTarget(view.Render());
                            ctx.Refresh();
                            lastDraw = clock.Elapsed;
                        }
                        double wait = ticks / speed - clock.Elapsed.TotalSeconds;
                        if (wait > 0) console.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(wait));
                    },
                });
                ctx.UpdateTarget(view.Render());
                ctx.Refresh();
            });
        return result!;
    }
}
