using ContentionSim.Reporting;
using System.Globalization;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Writes one experiment's folder: runs.csv (the per-run measures), checks.csv, figure.png and
/// figure.svg, results.md. Everything goes into a sibling staging folder (<see cref="StagingFolder"/>) that replaces the
/// experiment's folder only when every file is complete, so an interrupted or failed write never
/// leaves a folder that looks complete. The files depend only on the runs and the analysis: the same
/// runs give byte-identical files.
/// </summary>
public static class ExperimentOutput
{
    public const string RunsFile = "runs.csv";
    public const string ChecksFile = "checks.csv";
    public const string FigurePng = "figure.png";
    public const string FigureSvg = "figure.svg";
    public const string ResultsFile = "results.md";

    /// <summary>The files of an experiment's folder with what each holds.</summary>
    public static IReadOnlyList<OutputFile> Files { get; } =
    [
        new(RunsFile, "One row per run: its point, replication, seed, the varied values and the experiment's measures."),
        new(ChecksFile, "One row per check: its key and label (reproduced fact, calibration target, input, formula), the estimate, its 95% interval, the criterion fixed beforehand, PASS or FAIL, and its negative controls: whether it fails on them."),
        new(FigurePng, "The experiment's figure."),
        new(FigureSvg, "The figure as SVG."),
        new(ResultsFile, "Claim, source, checks, further numbers and the figure, in Markdown."),
    ];

    /// <summary>
    /// Throws unless <paramref name="folder"/> is missing, empty, or holds nothing but an experiment's files (<see cref="Files"/>):
    /// the folder is replaced as a whole, so anything else in it would be lost. Stale temporary files and staging folders
    /// of killed processes are removed first (<see cref="Litter"/>).
    /// </summary>
    /// <exception cref="OutputException">The folder is a file or holds something an experiment does not write.</exception>
    public static void CheckTarget(string folder) =>
        OutputTarget.Check(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), Rules);

    /// <summary>An experiment's folder: replaced (no --force needed) when it holds nothing but an experiment's files.</summary>
    private static readonly OutputTargetRules Rules = new()
    {
        NeedsForce = false,
        Names = [.. Files.Select(f => f.Name)],
        Strangers = (target, foreign) =>
            $"'{target}' holds {string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? $" and {foreign.Count - 5} more" : "")}, which an experiment does not write; " +
            $"the experiment's folder is replaced as a whole, so nothing was written and {(foreign.Count == 1 ? "it is" : "they are")} kept. Move {(foreign.Count == 1 ? "it" : "them")} elsewhere or choose another --out.",
    };

    /// <summary>Writes the folder <paramref name="folder"/> (replacing it if it holds an earlier result of an experiment, see <see cref="CheckTarget"/>).</summary>
    /// <exception cref="OutputException">The folder holds something else, or a file or the folder could not be written; nothing is left half-written.</exception>
    public static void Write(string folder, ExperimentResult result, IReadOnlyList<ExperimentRun> runs, string size)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(runs);
        string target = Path.GetFullPath(folder);
        if (Path.GetDirectoryName(target) is null) throw new OutputException(target, $"Cannot write an experiment into '{target}'.");
        CheckTarget(target);
        StagingFolder.Write(target, stage =>
        {
            AtomicFile.WriteText(stage.File(RunsFile), w => WriteRuns(w, result.Experiment, runs));
            AtomicFile.WriteText(stage.File(ChecksFile), w => WriteChecks(w, result));
            if (result.Figure is not null)
            {
                string pngFile = stage.File(FigurePng);
                var (png, svg) = ExperimentPlot.Render(result.Figure);
                AtomicFile.WriteAllBytes(pngFile, png);
                AtomicFile.WriteAllText(Path.Combine(stage.Path, FigureSvg), svg);
            }
            AtomicFile.WriteAllText(stage.File(ResultsFile), ExperimentMarkdown.Section(result, FigurePng, size, level: 1));
        },
        beforeCommit: () => CheckTarget(target)); // again: something may have appeared while the experiment ran
    }

    /// <summary>runs.csv: run, point, replication, seed, one column per varied parameter, one per measure.</summary>
    public static void WriteRuns(TextWriter output, Experiment experiment, IReadOnlyList<ExperimentRun> runs)
    {
        var csv = new CsvWriter(output);
        var keys = runs.Count > 0 ? runs[0].Levels.Select(l => l.Key).ToArray() : [];
        csv.Header(["run", "point", "replication", "seed", .. keys, .. experiment.Measures]);
        foreach (var r in runs)
        {
            csv.Field(r.Run).Field(r.Point).Field(r.Replication).Field(r.Seed);
            foreach (var l in r.Levels) csv.Field(l.Text);
            foreach (var m in experiment.Measures) csv.Field(r[m]);
            csv.EndRow();
        }
    }

    /// <summary>checks.csv: one row per check.</summary>
    public static void WriteChecks(TextWriter output, ExperimentResult result)
    {
        var csv = new CsvWriter(output);
        csv.Header(["experiment", "check", "key", "label", "estimate", "ci_low", "ci_high", "n", "criterion", "result", "note", "control", "fails_on_control", "under_control"]);
        foreach (var v in ExperimentControls.Verdicts(result))
        {
            var c = v.Check;
            csv.Field(result.Experiment.Id).Field(c.Name).Field(c.Key).Field(Check.Label(c.Kind)).Field(c.Estimate.Value).Field(c.Estimate.Low).Field(c.Estimate.High)
               .Field(c.Estimate.N).Field(c.Criterion).Field(ExperimentMarkdown.Verdict(c)).Field(c.Note)
               .Field(v.ControlText).Field(v.StatusText).Field(v.Detail).EndRow();
        }
    }



    /// <summary>A size as words: "quick size (30 replications per point)" or "full size (100 replications per point)".</summary>
    public static string Size(bool quick, int replications) =>
        $"{(quick ? "quick" : "full")} size ({replications.ToString(CultureInfo.InvariantCulture)} replications per point)";
}
