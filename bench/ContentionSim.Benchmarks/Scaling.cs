using System.Diagnostics;
using System.Globalization;
using ScottPlot;

namespace ContentionSim.Benchmarks;

/// <summary>
/// The scaling study of docs/performance.md: time per tick against the number of activists
/// (10^4 to 10^6, one and two threads) and run time against the number of ticks, each point the
/// best of several runs, each run in its own process (<see cref="Measure"/>). Fits the exponent of
/// time against activists and against ticks (1 = linear), writes the points as CSV and the figure as PNG.
/// </summary>
internal static class Scaling
{
    private sealed record Point(long Activists, int Ticks, int Threads, double StartupSeconds, double TickSeconds, double PeakMiB, double BytesPerActivist)
    {
        public double MsPerTick => 1000 * TickSeconds / Ticks;
        public double NsPerActivistTick => 1e9 * TickSeconds / Ticks / Activists;
    }

    public static readonly int[] Sizes = [10_000, 30_000, 100_000, 300_000, 1_000_000];
    public static readonly int[] TickCounts = [250, 500, 1000, 2000];

    public static void Run(string csvPath, string pngPath, int repetitions, int ticks, TextWriter log)
    {
        // One and two threads take turns at each size, so a load that comes and goes falls on both.
        var points = Sizes.SelectMany(n => Best(n, ticks, [1, 2], repetitions, log)).ToList();
        var byTicks = TickCounts.Select(t => Best(100_000, t, [1], repetitions, log)[0]).ToList();

        var inv = CultureInfo.InvariantCulture;
        using (var csv = new StreamWriter(csvPath))
        {
            csv.WriteLine("series,activists,ticks,threads,startup_s,ticks_s,ms_per_tick,ns_per_activist_tick,peak_working_set_mib,bytes_per_activist");
            foreach (var (series, list) in new[] { ("activists", points), ("ticks", byTicks) })
                foreach (var p in list)
                    csv.WriteLine(string.Join(',', series, p.Activists.ToString(inv), p.Ticks.ToString(inv), p.Threads.ToString(inv),
                        p.StartupSeconds.ToString("0.000", inv), p.TickSeconds.ToString("0.000", inv), p.MsPerTick.ToString("0.000", inv),
                        p.NsPerActivistTick.ToString("0.00", inv), p.PeakMiB.ToString("0.0", inv), p.BytesPerActivist.ToString("0", inv)));
        }

        foreach (int threads in new[] { 1, 2 })
        {
            var ps = points.Where(p => p.Threads == threads).ToList();
            double slope = Slope(ps.Select(p => (double)p.Activists), ps.Select(p => p.TickSeconds));
            double whole = Slope(ps.Select(p => (double)p.Activists), ps.Select(p => p.TickSeconds + p.StartupSeconds));
            log.WriteLine(string.Create(inv, $"{threads} thread(s): time of {ticks} ticks ∝ activists^{slope:0.000} (whole run with start-up: ^{whole:0.000})"));
        }
        double tickSlope = Slope(byTicks.Select(p => (double)p.Ticks), byTicks.Select(p => p.TickSeconds));
        log.WriteLine(string.Create(inv, $"100,000 activists, 1 thread: time ∝ ticks^{tickSlope:0.000}"));
        foreach (int n in Sizes)
        {
            var one = points.Single(p => p.Threads == 1 && p.Activists == n);
            var two = points.Single(p => p.Threads == 2 && p.Activists == n);
            log.WriteLine(string.Create(inv, $"{n,9:N0}: 1 thread {one.MsPerTick,8:0.00} ms/tick, 2 threads {two.MsPerTick,8:0.00} ms/tick, speed-up {one.TickSeconds / two.TickSeconds:0.00}×"));
        }

        Plot(points, byTicks, ticks, pngPath);
    }

    /// <summary>Least-squares slope of log y against log x.</summary>
    public static double Slope(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var lx = xs.Select(x => Math.Log(x)).ToArray();
        var ly = ys.Select(y => Math.Log(y)).ToArray();
        double mx = lx.Average(), my = ly.Average();
        double sxy = lx.Zip(ly).Sum(p => (p.First - mx) * (p.Second - my));
        double sxx = lx.Sum(x => (x - mx) * (x - mx));
        return sxy / sxx;
    }

    /// <summary>The best of <paramref name="repetitions"/> runs for each thread count, the thread counts taking turns.</summary>
    private static Point[] Best(int activists, int ticks, int[] threadCounts, int repetitions, TextWriter log)
    {
        var best = new Point?[threadCounts.Length];
        for (int r = 0; r < repetitions; r++)
        {
            for (int k = 0; k < threadCounts.Length; k++)
            {
                int threads = threadCounts[k];
                var p = Child(activists, ticks, threads);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {activists,9:N0} activists × {ticks,5} ticks, {threads} thread(s): start-up {p.StartupSeconds:0.000} s, ticks {p.TickSeconds:0.000} s ({p.MsPerTick:0.00} ms/tick), peak {p.PeakMiB:0} MiB"));
                var b = best[k] ?? p;
                if (p.TickSeconds < b.TickSeconds) b = b with { TickSeconds = p.TickSeconds };
                if (p.StartupSeconds < b.StartupSeconds) b = b with { StartupSeconds = p.StartupSeconds };
                if (p.PeakMiB < b.PeakMiB) b = b with { PeakMiB = p.PeakMiB, BytesPerActivist = p.BytesPerActivist };
                best[k] = b;
            }
        }
        return best.Select(b => b!).ToArray();
    }

    /// <summary>
    /// On a shared machine, waits (at most <paramref name="seconds"/>) for a moment when nothing
    /// else is runnable (Linux: the running count in /proc/loadavg is this process alone), so that
    /// measurements are of the engine, not of the neighbours.
    /// </summary>
    public static void WaitForQuiet(double seconds = 30)
    {
        const string loadavg = "/proc/loadavg";
        if (!File.Exists(loadavg)) return;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var fields = File.ReadAllText(loadavg).Split(' ');
            if (fields.Length > 3 && int.TryParse(fields[3].Split('/')[0], CultureInfo.InvariantCulture, out int running) && running <= 1) return;
            Thread.Sleep(200);
        }
    }

    private static Point Child(int activists, int ticks, int threads)
    {
        WaitForQuiet();
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "measure", activists.ToString(CultureInfo.InvariantCulture), ticks.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"measure failed: {output}");
        var f = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(',');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new Point(long.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), threads, D(3), D(4), D(7), D(8));
    }

    private static void Plot(List<Point> points, List<Point> byTicks, int ticks, string pngPath)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var left = multiplot.GetPlot(0);
        left.Title("Time per tick against activists");
        left.XLabel("activists (log scale)");
        left.YLabel("ms per tick (log scale)");
        var colors = new[] { Color.FromHex("#0072B2"), Color.FromHex("#D55E00") };
        foreach (int threads in new[] { 1, 2 })
        {
            var ps = points.Where(p => p.Threads == threads).ToList();
            var xs = ps.Select(p => Math.Log10(p.Activists)).ToArray();
            var ys = ps.Select(p => Math.Log10(p.MsPerTick)).ToArray();
            var line = left.Add.Scatter(xs, ys);
            line.Color = colors[threads - 1];
            line.LineWidth = 2;
            line.MarkerSize = 8;
            double slope = Slope(ps.Select(p => (double)p.Activists), ps.Select(p => p.TickSeconds));
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{threads} thread{(threads > 1 ? "s" : "")} (slope {slope:0.00})");
        }
        // Linear scaling through the first one-thread point, for reference.
        var first = points.First(p => p.Threads == 1);
        var reference = left.Add.Line(Math.Log10(first.Activists), Math.Log10(first.MsPerTick),
            Math.Log10(1_000_000), Math.Log10(first.MsPerTick * 1_000_000 / first.Activists));
        reference.LinePattern = LinePattern.Dashed;
        reference.Color = Colors.Gray;
        reference.LegendText = "linear (slope 1)";
        left.Axes.Bottom.TickGenerator = LogTicks();
        left.Axes.Left.TickGenerator = LogTicks();
        left.ShowLegend(Alignment.UpperLeft);

        var right = multiplot.GetPlot(1);
        right.Title("Run time against ticks (100,000 activists, 1 thread)");
        right.XLabel("ticks");
        right.YLabel("seconds (ticks only)");
        var tx = byTicks.Select(p => (double)p.Ticks).ToArray();
        var ty = byTicks.Select(p => p.TickSeconds).ToArray();
        var tl = right.Add.Scatter(tx, ty);
        tl.Color = colors[0];
        tl.LineWidth = 2;
        tl.MarkerSize = 8;
        double tickSlope = Slope(tx, ty);
        tl.LegendText = string.Create(CultureInfo.InvariantCulture, $"measured (log–log slope {tickSlope:0.00})");
        var proportional = right.Add.Line(0, 0, tx[^1], ty[0] * tx[^1] / tx[0]);
        proportional.LinePattern = LinePattern.Dashed;
        proportional.Color = Colors.Gray;
        proportional.LegendText = "proportional to ticks";
        right.Axes.SetLimits(0, tx[^1] * 1.05, 0, Math.Max(ty.Max(), ty[0] * tx[^1] / tx[0]) * 1.1);
        right.ShowLegend(Alignment.UpperLeft);

        multiplot.SavePng(pngPath, 1600, 650);
    }

    /// <summary>Ticks at powers of ten on an axis holding log10 values, labelled in plain numbers.</summary>
    private static ScottPlot.TickGenerators.NumericManual LogTicks()
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int e = -2; e <= 7; e++)
        {
            ticks.AddMajor(e, Math.Pow(10, e).ToString("#,0.##", CultureInfo.InvariantCulture));
            for (int m = 2; m <= 9; m++) ticks.AddMinor(e + Math.Log10(m));
        }
        return ticks;
    }
}
