using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Sweeps;

/// <summary>
/// Loads sweep files: a base scenario (a path relative to the sweep file), fixed settings, the varied
/// parameters with their values (lists or ranges), replications and a master seed. Everything is
/// checked as a scenario is, every problem reported at once with the sweep file's line and column:
/// each varied value is applied to the base and the result validated by <see cref="ScenarioValidator"/>,
/// and so is every combination of values when there are at most <see cref="MaxPointsChecked"/> points.
/// </summary>
public static partial class SweepLoader
{
    /// <summary>The <see cref="ScenarioException.Subject"/> of a sweep file's problems.</summary>
    public const string Subject = "sweep";

    /// <summary>Sweeps with at most this many points have every combination of values validated before running.</summary>
    public const int MaxPointsChecked = 2000;

    /// <summary>Factors with at most this many values have each value validated; longer ones a spread-out sample of this many.</summary>
    public const int MaxLevelsChecked = 200;

    /// <summary>Most values one range may produce.</summary>
    public const int MaxRangeValues = 1_000_000;

    /// <summary>Most replications per point.</summary>
    public const int MaxReplications = 1_000_000;

    /// <summary>Replications per point when the file does not say.</summary>
    public const int DefaultReplications = 10;

    /// <summary>The keys of a sweep file, in the order they are documented.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["name", "description", "base", "master_seed", "replications", "paired", "design", "set", "vary", "plots", "quick", "controls"];

    /// <summary>The keys of a sweep file's <c>quick:</c> block (the reduced size used with <c>--quick</c>).</summary>
    public static IReadOnlyList<string> QuickKeys { get; } = ["replications", "set"];

    private static readonly string[] PlotKeys = ["x", "lines", "heatmap"];
    private static readonly string[] RangeKeys = ["from", "to", "step", "count"];

    /// <summary>
    /// Whether the file at <paramref name="path"/> is a sweep rather than a scenario: its top level
    /// has <c>base</c> or <c>vary</c>, keys no scenario has (also when its YAML is broken: a line that
    /// starts with one of them). False when the file cannot be read; loading it as a scenario then reports why.
    /// </summary>
    public static bool IsSweepFile(string path) => TopLevelKeys.AnyOf(path, TopLevelKeys.Sweep);

    /// <summary>Reads, validates and expands the sweep in <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The sweep file or its base scenario is missing or not valid; carries every problem.</exception>
    public static SweepDefinition LoadFile(string path, SweepLoadOptions? options = null)
    {
        var text = TextFile.Read(path, "sweep", out var problem);
        if (problem is not null) throw new ScenarioException([problem], Subject);
        return Parse(text!, path, options);
    }

    /// <summary>
    /// Parses a sweep from YAML text. <paramref name="fileName"/> is used in diagnostics and to find the
    /// base scenario (its <c>base</c> path is relative to the folder of <paramref name="fileName"/>).
    /// </summary>
    /// <exception cref="ScenarioException">The sweep or its base scenario is not valid.</exception>
    public static SweepDefinition Parse(string yamlText, string fileName, SweepLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        return new Reader(yamlText, fileName, options ?? new SweepLoadOptions()).Read();
    }

    /// <summary>A number as written in outputs: invariant culture, shortest round-trip form.</summary>
    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The values of a range from <paramref name="from"/> to <paramref name="to"/> (included when on the grid) by <paramref name="step"/>, rounded to 12 significant digits.</summary>
    public static IReadOnlyList<double> RangeValues(double from, double to, double step)
    {
        long n = RangeCount(from, to, step);
        if (n < 1 || n > MaxRangeValues) throw new ArgumentException($"the range has {n} values");
        var values = new double[n];
        for (long i = 0; i < n; i++) values[i] = Round12(from + i * step);
        return values;
    }

    /// <summary>Number of values of a range with a step; 0 when the step does not lead from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static long RangeCount(double from, double to, double step)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to) || !double.IsFinite(step) || step == 0) return 0;
        if (from == to) return 1;
        if ((to - from) / step < 0) return 0;
        double spans = (to - from) / step;
        if (spans > MaxRangeValues * 10.0) return (long)Math.Min(spans, long.MaxValue / 2);
        return (long)Math.Floor(spans + 1e-9) + 1;
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<double> RangeValuesByCount(double from, double to, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (count == 1) return [Round12(from)];
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = Round12(from + (to - from) * i / (count - 1));
        return values;
    }

    private static double Round12(double value) =>
        value == 0 ? 0 : double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string GridSize(int[] counts, SweepDesign design, long points) =>
        counts.Length == 0 ? "1 point" : string.Join(" × ", counts.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))
            + (design == SweepDesign.Zip ? " (zipped)" : design == SweepDesign.Sampled ? " (sampled)" : "") + string.Create(CultureInfo.InvariantCulture, $" = {points:N0} points");

}
