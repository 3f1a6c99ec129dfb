using System.Globalization;
using System.Text;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Classroom;

/// <summary>A stage band: a run of ticks of one cycle in one stage.</summary>
public sealed record Band(int Cycle, Stage Stage, int From, int To);

/// <summary>The geometry of the page's figures (SVG drawn by the page; the reports' plotting library needs native code the browser does not have).</summary>
public static class Figures
{
    public const double Width = 860, Height = 250, Left = 56, Right = 64, Top = 12, Bottom = 30;

    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The wave's observations (the first series of each tick).</summary>
    public static IEnumerable<TickObservation> Wave(LiveRun run) => run.Series.Where(o => o.Movement == TickObservation.WaveId);

    /// <summary>Runs of ticks in one stage of one cycle, latent ticks left out.</summary>
    public static IReadOnlyList<Band> Bands(LiveRun run)
    {
        var bands = new List<Band>();
        Band? open = null;
        foreach (var o in Wave(run))
        {
            if (open is not null && (o.Stage != open.Stage || o.Cycle != open.Cycle)) { bands.Add(open); open = null; }
            if (o.Stage == Stage.Latent) continue;
            open = open is null ? new Band(o.Cycle, o.Stage, o.Tick, o.Tick) : open with { To = o.Tick };
        }
        if (open is not null) bands.Add(open);
        return bands;
    }

    /// <summary>A band at least this wide (in figure units) holds its stage number.</summary>
    public const double LabelWidth = 9;

    /// <summary>
    /// The bands whose stage number is drawn, with its row (0 at the top): every band wide enough to hold it, and for
    /// each stage that has none, its widest band, in a second row; so every stage entered is named, however short.
    /// </summary>
    public static IReadOnlyDictionary<Band, int> Labelled(LiveRun run, IReadOnlyList<Band> bands)
    {
        double Wide(Band b) => X(run, b.To + 0.5) - X(run, b.From - 0.5);
        var labelled = bands.Where(b => Wide(b) >= LabelWidth).ToDictionary(b => b, _ => 0);
        foreach (var stage in bands.Select(b => b.Stage).Distinct().Where(s => !labelled.Keys.Any(b => b.Stage == s)))
            labelled[bands.Where(b => b.Stage == stage).MaxBy(Wide)!] = 1;
        return labelled;
    }

    public static double X(LiveRun run, double tick) => Left + (tick - 0.5) / Math.Max(1, run.Ticks) * (Width - Left - Right);

    /// <summary>Top of the participation axis: a round share above the highest value so far.</summary>
    public static double ParticipationTop(LiveRun run)
    {
        double max = Wave(run).Select(o => o.Participation).DefaultIfEmpty(0).Max();
        return Math.Max(0.05, Math.Ceiling(max * 1.15 / 0.05) * 0.05);
    }

    public static double Y(double share, double top) => Top + (1 - share / top) * (Height - Top - Bottom);

    /// <summary>A polyline's points.</summary>
    public static string Points(IEnumerable<(double X, double Y)> points)
    {
        var sb = new StringBuilder();
        foreach (var (x, y) in points) sb.Append(F(x)).Append(',').Append(F(y)).Append(' ');
        return sb.ToString();
    }

    /// <summary>Tick marks of the time axis.</summary>
    public static IEnumerable<int> TimeTicks(LiveRun run)
    {
        int step = run.Ticks <= 60 ? 10 : run.Ticks <= 150 ? 25 : run.Ticks <= 300 ? 50 : run.Ticks <= 600 ? 104 : (int)Math.Ceiling(run.Ticks / 5.0 / 100) * 100;
        for (int t = 0; t <= run.Ticks; t += step) yield return t;
    }

    /// <summary>Stacked status shares of the wave (active, exhausted, repressed, co-opted) as polygons, bottom up.</summary>
    public static IReadOnlyList<(ActivistStatus Status, string Points)> StatusAreas(LiveRun run)
    {
        var wave = Wave(run).ToList();
        var result = new List<(ActivistStatus, string)>();
        if (wave.Count == 0) return result;
        var below = new double[wave.Count];
        foreach (var status in new[] { ActivistStatus.Active, ActivistStatus.Exhausted, ActivistStatus.Repressed, ActivistStatus.Coopted })
        {
            var top = new double[wave.Count];
            for (int i = 0; i < wave.Count; i++)
            {
                var o = wave[i];
                double n = Math.Max(1, o.Activists);
                int count = status switch
                {
                    ActivistStatus.Active => o.Active,
                    ActivistStatus.Exhausted => o.Exhausted,
                    ActivistStatus.Repressed => o.Repressed,
                    _ => o.Coopted,
                };
                top[i] = below[i] + count / n;
            }
            var pts = new List<(double, double)>();
            for (int i = 0; i < wave.Count; i++) pts.Add((X(run, wave[i].Tick), Y(top[i], 1)));
            for (int i = wave.Count - 1; i >= 0; i--) pts.Add((X(run, wave[i].Tick), Y(below[i], 1)));
            result.Add((status, Points(pts)));
            below = top;
        }
        return result;
    }
}

/// <summary>
/// A sample of the social network for the agent view: up to <see cref="Size"/> activists reached
/// from the first one tie by tie (a neighbourhood, so ties among them show), placed on a circle in id order.
/// </summary>
public sealed class NetworkSample
{
    public const int Size = 150;

    public NetworkSample(LiveRun run)
    {
        var network = run.Network;
        int n = run.Population.Count;
        var seen = new HashSet<int>();
        var order = new List<int>();
        var queue = new Queue<int>();
        for (int start = 0; start < n && order.Count < Math.Min(Size, n); start++)
        {
            if (!seen.Add(start)) continue;
            queue.Enqueue(start);
            while (queue.Count > 0 && order.Count < Size)
            {
                int i = queue.Dequeue();
                order.Add(i);
                if (network.NodeCount == 0) continue;
                foreach (int j in network.TiesOf(i))
                    if (seen.Add(j)) queue.Enqueue(j);
            }
            queue.Clear();
        }
        Nodes = order.Order().ToArray();
        var index = Nodes.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => p.k);
        var ties = new List<(int, int)>();
        if (network.NodeCount > 0)
            foreach (var (id, k) in index)
                foreach (int j in network.TiesOf(id))
                    if (index.TryGetValue(j, out int l) && l > k) ties.Add((k, l));
        Ties = ties;
        Positions = Nodes.Select((_, k) =>
        {
            double a = 2 * Math.PI * k / Math.Max(1, Nodes.Length) - Math.PI / 2;
            return (X: 150 + 120 * Math.Cos(a), Y: 140 + 120 * Math.Sin(a));
        }).ToArray();
    }

    /// <summary>Activist ids in the sample.</summary>
    public int[] Nodes { get; }
    /// <summary>Ties among them, by position in <see cref="Nodes"/>.</summary>
    public IReadOnlyList<(int A, int B)> Ties { get; }
    public (double X, double Y)[] Positions { get; }
}
