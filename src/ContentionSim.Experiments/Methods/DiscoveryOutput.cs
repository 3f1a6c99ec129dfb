using System.Globalization;
using System.Text;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Csv;
using ContentionSim.Reporting.Methods;
using ContentionSim.Shared;

namespace ContentionSim.Experiments.Methods;

/// <summary>
/// Writes a scenario discovery's folder: <c>prim-trajectory.csv</c>, <c>prim-box.csv</c>, <c>prim.png</c> and
/// <c>prim.svg</c> (with plots) and <c>discovery.md</c>. As for a run's folder, everything goes into a sibling staging
/// folder (<see cref="StagingFolder"/>) that replaces the target only when every file is complete; a folder that is not
/// empty is replaced only with --force, and only when it holds an earlier discovery and nothing else.
/// </summary>
public static class DiscoveryOutput
{
    public const string TrajectoryFile = "prim-trajectory.csv";
    public const string BoxFile = "prim-box.csv";
    public const string FigurePng = "prim.png";
    public const string FigureSvg = "prim.svg";
    public const string ReportFile = "discovery.md";

    /// <summary>Every name a discovery's folder may hold.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [TrajectoryFile, BoxFile, FigurePng, FigureSvg, ReportFile];

    /// <summary>How <see cref="ReportFile"/> starts: what tells an earlier discovery's folder from someone else's.</summary>
    private const string Heading = "# Scenario discovery: where `";

    /// <summary>The files <see cref="Write"/> writes, with what each holds (the figure's two files as one line).</summary>
    public static IReadOnlyList<OutputFile> Files(bool plots)
    {
        var files = new List<OutputFile>
        {
            new(TrajectoryFile, "PRIM's peeling trajectory: each box's coverage, density, mass and limits."),
            new(BoxFile, "The box chosen (pasted): each factor's limits against its range in the design."),
        };
        if (plots) files.Add(new("prim.png/.svg", "The coverage–density trade-off of the peeling trajectory, the chosen box ringed."));
        files.Add(new(ReportFile, "The box in words."));
        return files;
    }

    /// <summary>
    /// Throws unless <paramref name="folder"/> is missing or empty, or, with <paramref name="force"/>, holds an earlier
    /// discovery and nothing else (its <see cref="ReportFile"/> as discover writes it, no name discover does not write):
    /// the folder is replaced as a whole, so anything else in it would be lost. Stale temporary files and staging folders
    /// of killed processes are removed first (<see cref="Litter"/>).
    /// </summary>
    /// <exception cref="OutputException">The folder is not a folder, is not empty (without <paramref name="force"/>), or holds something else.</exception>
    public static void CheckTarget(string folder, bool force) =>
        OutputTarget.Check(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), Rules, force);

    /// <summary>A discovery's folder: replaced with --force when it holds only discover's names, its report among them.</summary>
    private static readonly OutputTargetRules Rules = new()
    {
        Names = FileNames,
        Ours = folder => IsDiscoveryReport(Path.Combine(folder, ReportFile)) ? [] : null,
        FolderName = "a discovery's folder",
        MarkerName = $"{ReportFile} written by contentionsim discover",
        Strangers = (target, others) =>
            $"'{target}' holds {string.Join(", ", others.Take(5).Select(o => $"'{o}'"))}{(others.Count > 5 ? $" and {others.Count - 5} more" : "")}, " +
            $"which discover does not write, so --force will not replace it; move {(others.Count == 1 ? "it" : "them")} out or choose another --out.",
    };

    /// <summary>True if <paramref name="path"/> is an ordinary file that starts as discover's <see cref="ReportFile"/> does.</summary>
    private static bool IsDiscoveryReport(string path)
    {
        if (FileKinds.Of(path) != FileKind.Regular) return false;
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            var start = new char[Heading.Length];
            return reader.ReadBlock(start, 0, start.Length) == start.Length && new string(start) == Heading;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the folder <paramref name="folder"/> (replacing an earlier discovery with <paramref name="force"/>, see
    /// <see cref="CheckTarget"/>); <paramref name="title"/> heads the figure.
    /// </summary>
    /// <exception cref="OutputException">The folder may not be replaced, or a file could not be written; nothing is left half-written.</exception>
    public static IReadOnlyList<OutputFile> Write(DiscoveryResult d, string folder, string title, bool plots, bool force)
    {
        ArgumentNullException.ThrowIfNull(d);
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Path.GetDirectoryName(target) is null) throw new OutputException(target, $"Cannot write into '{target}'; choose a folder inside it with --out.");
        CheckTarget(target, force);
        StagingFolder.Write(target, stage =>
        {
            AtomicFile.WriteText(stage.File(TrajectoryFile), w => WriteTrajectory(w, d));
            AtomicFile.WriteText(stage.File(BoxFile), w => WriteBox(w, d));
            if (plots)
            {
                string pngFile = stage.File(FigurePng);
                var (png, svg) = MethodPlots.PrimTradeoff(d.Prim.Trajectory, title, d.Chosen);
                AtomicFile.WriteAllBytes(pngFile, png);
                AtomicFile.WriteAllText(stage.File(FigureSvg), svg);
            }
            AtomicFile.WriteAllText(stage.File(ReportFile), Markdown(d));
        },
        beforeCommit: () => CheckTarget(target, force)); // again: something may have appeared meanwhile
        return Files(plots);
    }

    private static void WriteTrajectory(TextWriter w, DiscoveryResult d)
    {
        var csv = new CsvWriter(w);
        csv.Header(["step", "coverage", "density", "mass", "points", "restricted", .. d.Factors.SelectMany(f => new[] { f + "_low", f + "_high" })]);
        foreach (var s in d.Prim.Trajectory)
        {
            csv.Field(s.Index).Field(s.Coverage).Field(s.Density).Field(s.Mass).Field(s.Points).Field(string.Join(" ", s.Restricted.Select(j => d.Factors[j])));
            for (int j = 0; j < d.Factors.Count; j++) csv.Field(s.Box.Lower[j]).Field(s.Box.Upper[j]);
            csv.EndRow();
        }
    }

    private static void WriteBox(TextWriter w, DiscoveryResult d)
    {
        var bounds = d.Prim.Trajectory[0].Box;
        var csv = new CsvWriter(w);
        csv.Header(["factor", "restricted", "low", "high", "range_low", "range_high"]);
        for (int j = 0; j < d.Factors.Count; j++)
        {
            csv.Field(d.Factors[j]).Field(d.Chosen.Restricted.Contains(j)).Field(d.Chosen.Box.Lower[j]).Field(d.Chosen.Box.Upper[j]).Field(bounds.Lower[j]).Field(bounds.Upper[j]);
            csv.EndRow();
        }
    }

    private static string Markdown(DiscoveryResult d)
    {
        var bounds = d.Prim.Trajectory[0].Box;
        var md = new StringBuilder();
        string F(double v) => GlobalSensitivityWriter.F(v);
        md.AppendLine(CultureInfo.InvariantCulture, $"{Heading}{d.Condition}`");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{d.Cases} of {d.Runs} finished runs are cases of interest{(d.Skipped > 0 ? $" ({d.Skipped} failed runs left out)" : "")}. PRIM (Friedman & Fisher 1999; peeling α = 0.05, pasting, as in the EMA Workbench) found the box below: it holds **{GlobalSensitivityWriter.Pct(d.Chosen.Coverage)}** of the cases (coverage) and **{GlobalSensitivityWriter.Pct(d.Chosen.Density)}** of its runs are cases (density; {GlobalSensitivityWriter.Pct(d.Cases / (double)d.Runs)} in the whole design), {GlobalSensitivityWriter.Pct(d.Chosen.Mass)} of the runs.");
        md.AppendLine();
        md.AppendLine("| factor | box | design's range |");
        md.AppendLine("|---|---|---|");
        for (int j = 0; j < d.Factors.Count; j++)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{d.Factors[j]}` | {(d.Chosen.Restricted.Contains(j) ? $"**[{F(d.Chosen.Box.Lower[j])}, {F(d.Chosen.Box.Upper[j])}]**" : "not restricted")} | [{F(bounds.Lower[j])}, {F(bounds.Upper[j])}] |");
        md.AppendLine();
        md.AppendLine("Other boxes on the trajectory trade coverage for density (`prim-trajectory.csv`, `prim.png`).");
        return md.ToString();
    }
}
