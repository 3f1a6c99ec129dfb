using ContentionSim.Core.Observation;
using ContentionSim.Reporting.Csv;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting;

/// <summary>
/// Writes a run's folder: CSV tables, figures and <c>run.json</c>. Everything is written into a
/// sibling staging folder <c>&lt;out&gt;.partial-&lt;pid&gt;</c> (<see cref="StagingFolder"/>), each file atomically, and the staging
/// folder is renamed to <c>&lt;out&gt;</c> only when every file is complete, so an interrupted run
/// never leaves a folder that looks complete. On failure the staging folder is removed and an
/// existing folder is left as it was. The files depend only on the <see cref="RunResult"/> and the
/// options: writing the same result twice gives byte-identical files.
/// </summary>
public static class RunOutputWriter
{
    public const string TimeseriesFile = "timeseries.csv";
    public const string StagesFile = "stages.csv";
    public const string CyclesFile = "cycles.csv";
    public const string OrganizationsFile = "organizations.csv";
    public const string EventsFile = "events.csv";
    public const string ManifestFile = "run.json";

    private sealed record Step(IReadOnlyList<OutputFile> Files, Action<string> Write);

    /// <summary>
    /// Writes <paramref name="result"/> into <paramref name="outDir"/>.
    /// </summary>
    /// <exception cref="OutputException">
    /// The folder exists and is not empty (without <see cref="RunOutputOptions.Force"/>), or it could
    /// not be written; the message names the path and a fix. Nothing is left behind.
    /// </exception>
    public static RunOutput Write(RunResult result, string outDir, RunOutputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        options ??= new RunOutputOptions();

        string target = Normalize(outDir);
        string parent = Path.GetDirectoryName(target)
            ?? throw new OutputException(target, $"Cannot write a run into '{target}'; choose a folder inside it with --out.");

        CheckTarget(target, options.Force, options.ForceDeleteForeign); // cleans what killed writers left first, as CheckReplaceable does
        Try(parent, () => Directory.CreateDirectory(parent));

        var steps = Plan(result, options);
        var files = steps.SelectMany(s => s.Files).ToList();

        StagingFolder.Write(target, stage =>
        {
            foreach (var step in steps)
            {
                stage.File(step.Files[0].Name); // errors name the file as it will be called in the final folder
                step.Write(stage.Path);
            }
        },
        // Checked again: the folder may have appeared or filled while we were writing.
        beforeCommit: () =>
        {
            if (Directory.Exists(target) || File.Exists(target)) CheckTarget(target, options.Force, options.ForceDeleteForeign);
        });
        return new RunOutput(target, files);
    }

    /// <summary>The files <see cref="Write"/> would write for <paramref name="result"/>, in order.</summary>
    public static IReadOnlyList<OutputFile> Files(RunResult result, RunOutputOptions? options = null) =>
        Plan(result, options ?? new RunOutputOptions()).SelectMany(s => s.Files).ToList();

    private static List<Step> Plan(RunResult result, RunOutputOptions options)
    {
        var steps = new List<Step>();
        void Csv(string file, string description, Action<RunResult, TextWriter> write) =>
            steps.Add(new Step([new OutputFile(file, description)],
                dir => AtomicFile.WriteText(Path.Combine(dir, file), w => write(result, w))));

        Csv(TimeseriesFile, "A row per tick and movement (the wave first): stage, activists by status, participation, events and the state's stance.", RunCsv.WriteTimeseries);
        Csv(StagesFile, "A row per stage entry with the values that triggered it and the outcome of its cycle.", RunCsv.WriteStages);
        Csv(CyclesFile, "A row per cycle: outcome and reason, start, peak and end, ticks in each stage, counts.", RunCsv.WriteCycles);
        Csv(OrganizationsFile, "A row per organization: kind, size, activities and contacts over the run.", RunCsv.WriteOrganizations);
        if (result.Events.Count > 0)
            Csv(EventsFile, "A row per scheduled event as applied: tick, parameter, value, label.", RunCsv.WriteEvents);

        string? scenarioCopy = null;
        if (options.ScenarioText is string text)
        {
            scenarioCopy = ScenarioCopyName(options.SourceFile);
            steps.Add(new Step([new OutputFile(scenarioCopy, "The scenario file as given.")],
                dir => AtomicFile.WriteAllText(Path.Combine(dir, scenarioCopy), text)));
        }

        if (options.Plots)
        {
            if (options.PlotWidth is < 100 or > 20_000 || options.PlotHeight is < 100 or > 20_000)
                throw new ArgumentOutOfRangeException(nameof(options), $"Figure size {options.PlotWidth}×{options.PlotHeight} is outside 100–20,000 pixels.");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var figure in options.Figures)
            {
                if (!IsValidName(figure.Name) || !seen.Add(figure.Name))
                    throw new ArgumentException($"Figure name '{figure.Name}' is invalid or used twice.", nameof(options));
                string png = figure.Name + ".png", svg = figure.Name + ".svg";
                steps.Add(new Step(
                    [new OutputFile(png, figure.Description), new OutputFile(svg, $"{figure.Description} Vector version of {png}.")],
                    dir => RunPlots.Render(figure, result, Path.Combine(dir, png), Path.Combine(dir, svg), options.PlotWidth, options.PlotHeight)));
            }
        }

        // run.json last: it lists every file, itself first.
        var manifest = new OutputFile(ManifestFile, "This manifest: tool version, seed, scenario and its hash, resolved parameters, headline results, files.");
        var listed = new List<OutputFile> { manifest };
        listed.AddRange(steps.SelectMany(s => s.Files));
        steps.Add(new Step([manifest],
            dir =>
            {
                // Every other file is complete in the staging folder: their SHA-256 go into run.json, which
                // report, compare and merge check, so a file changed or cut short afterwards is told, not read as whole.
                var checksums = listed.Skip(1).ToDictionary(f => f.Name, f => RunManifest.Sha256File(Path.Combine(dir, f.Name)), StringComparer.Ordinal);
                AtomicFile.WriteAllBytes(Path.Combine(dir, ManifestFile), RunManifest.Create(result, options, listed, scenarioCopy, checksums));
            }));
        return steps;
    }

    private static string ScenarioCopyName(string? source)
    {
        string ext = Path.GetExtension(source ?? "").ToLowerInvariant();
        return ext is ".yaml" or ".yml" or ".json" ? "scenario" + ext : "scenario.yaml";
    }

    private static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static string Normalize(string outDir)
    {
        string full;
        try
        {
            full = Path.GetFullPath(outDir);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputException(outDir, $"'{outDir}' is not a valid folder path; choose another --out.", ex);
        }
        string trimmed = Path.TrimEndingDirectorySeparator(full);
        return trimmed;
    }

    /// <summary>
    /// Refuses, before anything is run, an output folder that <see cref="Write"/> would refuse: a file or a
    /// device in its place, a folder that is not empty without <see cref="RunOutputOptions.Force"/>, or one that
    /// is not a previous run's (or holds more than its files) without <see cref="RunOutputOptions.ForceDeleteForeign"/>.
    /// The same check as <see cref="Write"/>'s, so it removes what killed writers left there (<see cref="Litter"/>) as
    /// <see cref="Write"/> would, and gives the same verdict.
    /// </summary>
    /// <exception cref="OutputException">The folder may not be written; the message says why and what to do.</exception>
    public static void CheckReplaceable(string outDir, RunOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(outDir))
            throw new OutputException(outDir ?? "", "The output folder is empty or blank; give a folder with --out, e.g. --out runs/my-run.");
        CheckTarget(Normalize(outDir), options.Force, options.ForceDeleteForeign);
    }

    /// <summary>A run's folder: replaced with --force when its run.json is ours and it holds only the files that run.json lists.</summary>
    private static readonly OutputTargetRules Rules = new()
    {
        Ours = OwnedFiles,
        FolderName = "a ContentionSim run folder",
        MarkerName = $"{ManifestFile} written by ContentionSim",
        SuggestsForceDeleteForeign = true,
        Strangers = (target, others) =>
            $"'{target}' holds a previous run and {others.Count} {(others.Count == 1 ? "entry" : "entries")} that run did not write " +
            $"({string.Join(", ", others.Take(5).Select(o => $"'{o}'"))}{(others.Count > 5 ? ", …" : "")}), so --force will not replace it; " +
            "move them out, choose another --out, or use --force-delete-foreign to delete them with the run.",
    };

    private static void CheckTarget(string target, bool force, bool foreign) => OutputTarget.Check(target, Rules, force, foreign);

    /// <summary>
    /// The files a previous run wrote into <paramref name="dir"/>, as its run.json lists them (and <c>report.html</c>,
    /// which <c>contentionsim report</c> writes there), or null when the folder has no run.json of ContentionSim's:
    /// one whose <c>format</c> is a <c>contentionsim-run/</c> format and whose <c>tool.name</c> is <c>contentionsim</c>.
    /// </summary>
    public static HashSet<string>? OwnedFiles(string dir)
    {
        string manifest = Path.Combine(dir, ManifestFile);
        if (Shared.FileKinds.Of(manifest) != Shared.FileKind.Regular) return null;
        try
        {
            var info = new FileInfo(manifest);
            if (info.Length > 64 * 1024 * 1024) return null;
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(manifest));
            var root = doc.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != System.Text.Json.JsonValueKind.String
                || !(format.GetString() ?? "").StartsWith("contentionsim-run/", StringComparison.Ordinal)
                || !root.TryGetProperty("tool", out var tool) || tool.ValueKind != System.Text.Json.JsonValueKind.Object
                || !tool.TryGetProperty("name", out var name) || name.ValueKind != System.Text.Json.JsonValueKind.String
                || name.GetString() != RunManifest.ToolName)
                return null;
            var owned = new HashSet<string>(StringComparer.Ordinal) { ManifestFile, Html.RunReport.FileName };
            OutputTarget.AddListedFiles(root, owned);
            return owned;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Try(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw OutputException.From(path, ex);
        }
    }
}
