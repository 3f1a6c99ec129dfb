using System.Globalization;
using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// An experiment that tests one stylized fact of MODEL.md (or the survey): what it claims and where
/// the claim comes from, the sweep file that runs it, the measures it takes of every run, and the
/// analysis that turns the runs into checks with criteria fixed before the runs were made.
/// </summary>
public abstract class Experiment
{
    /// <summary>Short id: fact1 … fact9, survey.</summary>
    public abstract string Id { get; }
    public abstract string Title { get; }
    /// <summary>The claim, in words.</summary>
    public abstract string Claim { get; }
    /// <summary>Where the claim comes from.</summary>
    public abstract string Source { get; }
    /// <summary>The sweep file under scenarios/experiments/.</summary>
    public abstract string FileName { get; }
    /// <summary>Names of the per-run measures, in the order of <see cref="Measure"/>.</summary>
    public abstract IReadOnlyList<string> Measures { get; }
    /// <summary>Whether the runs keep their organizations' records (for analyses over organizations).</summary>
    public virtual bool KeepsOrganizations => false;

    /// <summary>The measures of one run, in the order of <see cref="Measures"/> (NaN where one does not exist).</summary>
    public abstract double[] Measure(RunResult run);

    /// <summary>The checks, reported numbers and figure from the runs.</summary>
    /// <exception cref="ExperimentDesignException">The runs do not have the design the analysis needs.</exception>
    public abstract ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs);

    // ---- helpers for the analyses ----------------------------------------------------------------

    /// <summary>What this experiment found in <paramref name="runs"/> runs: its checks, the numbers it reports, its figure and, for the survey's, a table.</summary>
    protected ExperimentResult Result(int runs, IReadOnlyList<Check> checks, IReadOnlyList<Reported> reported, ExperimentFigure? figure,
        IReadOnlyList<IReadOnlyList<string>>? table = null) =>
        new() { Experiment = this, Runs = runs, Checks = checks, Reported = reported, Figure = figure, Table = table ?? [] };

    /// <summary>Runs whose <paramref name="key"/> equals <paramref name="value"/>, by replication.</summary>
    protected static IReadOnlyList<ExperimentRun> Arm(IReadOnlyList<ExperimentRun> runs, string key, double value)
    {
        var arm = runs.Where(r => Math.Abs(r.Level(key) - value) < 1e-9).OrderBy(r => r.Replication).ToList();
        if (arm.Count == 0)
            throw new ExperimentDesignException($"the experiment needs runs with {key} = {F(value)}; the sweep has none");
        return arm;
    }

    /// <summary>Runs at the point where every varied parameter has the given value.</summary>
    protected static IReadOnlyList<ExperimentRun> Cell(IReadOnlyList<ExperimentRun> runs, params (string Key, double Value)[] at)
    {
        var cell = runs.Where(r => at.All(a => Math.Abs(r.Level(a.Key) - a.Value) < 1e-9)).OrderBy(r => r.Replication).ToList();
        if (cell.Count == 0)
            throw new ExperimentDesignException($"the experiment needs runs with {string.Join(", ", at.Select(a => $"{a.Key} = {F(a.Value)}"))}; the sweep has none");
        return cell;
    }

    /// <summary>
    /// The measure of two arms aligned by replication (common random numbers: replication r has the
    /// same seed in both arms of a paired sweep).
    /// </summary>
    protected static (double[] A, double[] B) Paired(IReadOnlyList<ExperimentRun> a, IReadOnlyList<ExperimentRun> b, string measure)
    {
        var byRep = b.ToDictionary(r => r.Replication);
        var pairs = a.Where(r => byRep.ContainsKey(r.Replication)).Select(r => (r[measure], byRep[r.Replication][measure])).ToArray();
        return (pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray());
    }

    /// <summary>A check that the paired difference higher − lower has a 95% interval above 0.</summary>
    protected static Check PairedAbove(string name, IReadOnlyList<ExperimentRun> higher, IReadOnlyList<ExperimentRun> lower, string measure)
    {
        var (a, b) = Paired(higher, lower, measure);
        var d = Statistics.PairedDifference(a, b);
        return new Check(name, d, "paired 95% CI of the difference > 0 (lower bound above 0)", d.HasInterval && d.Low > 0, $"{d.N} pairs");
    }

    /// <summary>A number in invariant culture, shortest form up to four significant decimals.</summary>
    public static string F(double x) =>
        double.IsNaN(x) ? "–" : x.ToString(Math.Abs(x) >= 100 ? "0.#" : "0.####", CultureInfo.InvariantCulture);

    /// <summary>A figure point from an estimate.</summary>
    protected static FigurePoint Point(string label, double x, Estimate e) =>
        new(label, x, e.Value, e.HasInterval ? e.Low : e.Value, e.HasInterval ? e.High : e.Value);
}
