using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Scale;

/// <summary>
/// The scale test of issue 15 item 1: a scenario must mean the same at 1,000 and at 1,000,000
/// activists. A scenario is run at several population sizes (every movement scaled by the same factor,
/// everything else as written) over seeds, and the distributions of its headline results are compared
/// between two sizes with an equivalence test (two one-sided tests, TOST, at 5%: equivalent when the 90%
/// interval of the difference lies inside ± the margin). The margins are fixed here, before any run, and
/// printed with every comparison.
/// </summary>
public static class ScaleEquivalence
{
    /// <summary>Peak participation: equivalent within max(0.02, 25% of the reference mean), as a share of activists.</summary>
    public const double PeakMarginAbsolute = 0.02, PeakMarginRelative = 0.25;
    /// <summary>Non-fizzle cycles per run: equivalent within max(0.5, 25% of the reference mean).</summary>
    public const double CyclesMarginAbsolute = 0.5, CyclesMarginRelative = 0.25;
    /// <summary>Mean ticks in each stage per completed cycle: equivalent within max(4 ticks, 25% of the reference mean).</summary>
    public const double DurationMarginTicks = 4, DurationMarginRelative = 0.25;
    /// <summary>Share of ended cycles with each outcome: equivalent within 0.15.</summary>
    public const double OutcomeShareMargin = 0.15;
    /// <summary>One-sided level of each of the two tests (the interval is 1 − 2α = 90%).</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// <paramref name="scenario"/> with <paramref name="total"/> activists in all, each movement scaled by the
    /// same factor (at least one activist each); null when a movement lists its thresholds one by one
    /// (Granovetter's model counts people, its size is its list).
    /// </summary>
    public static Scenario? AtSize(Scenario scenario, int total)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Movements.Any(m => m.Activists.Thresholds.Count > 0)) return null;
        double factor = (double)total / scenario.TotalActivists;
        return scenario with
        {
            Movements = scenario.Movements
                .Select(m => m with { Activists = m.Activists with { Count = Math.Max(1, (int)Math.Round(m.Activists.Count * factor)) } })
                .ToArray(),
        };
    }

    /// <summary>What the test keeps of the runs at one size.</summary>
    /// <param name="Size">Activists in all.</param>
    /// <param name="Peaks">Peak participation of each run.</param>
    /// <param name="Cycles">Non-fizzle cycles of each run.</param>
    /// <param name="Durations">Per stage 1–6 (index 1–6), the ticks in that stage of each completed cycle of the wave.</param>
    /// <param name="Outcomes">The outcome of each ended cycle of the wave (not ongoing).</param>
    public sealed record SizeSample(int Size, double[] Peaks, double[] Cycles, double[][] Durations, Outcome[] Outcomes);

    /// <summary>Runs <paramref name="scenario"/> at <paramref name="size"/> activists for seeds 1 … <paramref name="seeds"/> (in parallel, each run on one thread).</summary>
    public static SizeSample Run(Scenario scenario, int size, int seeds, CancellationToken cancellation = default)
    {
        var at = AtSize(scenario, size) ?? throw new ArgumentException($"'{scenario.Name}' lists its activists' thresholds one by one: its size is fixed", nameof(scenario));
        var results = new RunResult[seeds];
        Parallel.For(0, seeds, new ParallelOptions { CancellationToken = cancellation }, r =>
            results[r] = Simulator.Run(at with { Seed = (ulong)(r + 1) }, new RunOptions { Threads = 1, KeepSeries = false, Cancellation = cancellation }));
        return Measure(size, results);
    }

    /// <summary>The sample of finished runs at one size.</summary>
    public static SizeSample Measure(int size, IReadOnlyList<RunResult> runs)
    {
        var waveCycles = runs.SelectMany(r => r.Cycles.Where(c => c.Movement == TickObservation.WaveId)).ToList();
        var completed = waveCycles.Where(c => c.Outcome is not (Outcome.Ongoing or Outcome.Fizzle)).ToList();
        var durations = new double[7][];
        for (int s = 0; s < 7; s++) durations[s] = s == 0 ? [] : completed.Select(c => (double)c.StageDurations[s]).ToArray();
        return new SizeSample(size,
            runs.Select(r => r.Headline.PeakParticipation).ToArray(),
            runs.Select(r => (double)r.Headline.Cycles).ToArray(),
            durations,
            waveCycles.Where(c => c.Outcome != Outcome.Ongoing).Select(c => c.Outcome).ToArray());
    }

    /// <summary>One equivalence test: the difference other − reference, its 90% interval and the margin.</summary>
    public sealed record Comparison(string Measure, double Reference, double Other, double Difference, double Low, double High, double Margin,
        int ReferenceN, int OtherN)
    {
        /// <summary>Equivalent: the 90% interval lies inside ± the margin (TOST at 5%). With no data at either size there is nothing to test.</summary>
        public bool Equivalent => double.IsFinite(Low) && double.IsFinite(High) && Low > -Margin && High < Margin;

        /// <summary>Whether there were data at both sizes.</summary>
        public bool Testable => ReferenceN > 0 && OtherN > 0;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Measure}: {Reference:0.###} (n={ReferenceN}) vs {Other:0.###} (n={OtherN}), difference {Difference:0.###} [{Low:0.###}, {High:0.###}], margin ±{Margin:0.###}: {(Equivalent ? "equivalent" : Testable ? "NOT shown equivalent" : "no data")}");
    }

    /// <summary>Every comparison of <paramref name="other"/> with <paramref name="reference"/>: peak, cycles, the six stage durations, each outcome's share.</summary>
    public static IReadOnlyList<Comparison> Compare(SizeSample reference, SizeSample other)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        var list = new List<Comparison>
        {
            Means(Metrics.PeakParticipation.Name, reference.Peaks, other.Peaks, PeakMarginAbsolute, PeakMarginRelative),
            Means(Metrics.Cycles.Name, reference.Cycles, other.Cycles, CyclesMarginAbsolute, CyclesMarginRelative),
        };
        for (int s = 1; s < 7; s++)
            list.Add(Means($"stage {s} ticks per completed cycle", reference.Durations[s], other.Durations[s], DurationMarginTicks, DurationMarginRelative));
        foreach (var outcome in Enum.GetValues<Outcome>().Where(o => o != Outcome.Ongoing))
            list.Add(Share($"share {StageText.Key(outcome)}", reference.Outcomes, other.Outcomes, outcome));
        return list;
    }

    private static Comparison Means(string name, double[] reference, double[] other, double absolute, double relative)
    {
        if (reference.Length == 0 || other.Length == 0)
            return new Comparison(name, Avg(reference), Avg(other), double.NaN, double.NaN, double.NaN, absolute, reference.Length, other.Length);
        double ma = reference.Average(), mb = other.Average();
        double margin = Math.Max(absolute, relative * Math.Abs(ma));
        double va = reference.Length > 1 ? Statistics.Variance(reference, ma) / reference.Length : 0;
        double vb = other.Length > 1 ? Statistics.Variance(other, mb) / other.Length : 0;
        double se = Math.Sqrt(va + vb), diff = mb - ma;
        double half;
        if (se == 0) half = 0;
        else if (reference.Length < 2 || other.Length < 2) half = double.PositiveInfinity;
        else
        {
            double df = (va + vb) * (va + vb) / (va * va / (reference.Length - 1) + vb * vb / (other.Length - 1));
            half = Statistics.StudentTQuantile(1 - Alpha, df) * se;
        }
        return new Comparison(name, ma, mb, diff, diff - half, diff + half, margin, reference.Length, other.Length);
    }

    private static Comparison Share(string name, Outcome[] reference, Outcome[] other, Outcome outcome)
    {
        if (reference.Length == 0 || other.Length == 0)
            return new Comparison(name, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, OutcomeShareMargin, reference.Length, other.Length);
        double pa = reference.Count(o => o == outcome) / (double)reference.Length, pb = other.Count(o => o == outcome) / (double)other.Length;
        // Wald interval of the difference, with a continuity floor (a share of 0 or 1 still has sampling error).
        double fa = Math.Clamp(pa, 0.5 / reference.Length, 1 - 0.5 / reference.Length), fb = Math.Clamp(pb, 0.5 / other.Length, 1 - 0.5 / other.Length);
        double se = Math.Sqrt(fa * (1 - fa) / reference.Length + fb * (1 - fb) / other.Length);
        double z = 1.6448536269514722, diff = pb - pa;
        return new Comparison(name, pa, pb, diff, diff - z * se, diff + z * se, OutcomeShareMargin, reference.Length, other.Length);
    }

    private static double Avg(double[] xs) => xs.Length == 0 ? double.NaN : xs.Average();
}
