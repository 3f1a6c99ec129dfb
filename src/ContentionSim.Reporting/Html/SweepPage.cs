using ContentionSim.Core.Observation;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Reporting.Html;

/// <summary>
/// The report of a sweep folder (one that holds <c>manifest.json</c> and <c>summary.csv</c>) as a
/// single self-contained page: the manifest's top-level settings, a short guide to reading sweep
/// plots, every PNG in the folder and its subfolders (such as plots/) embedded, captioned from the
/// manifest when it describes the file, and the summary table. It relies on nothing else of the sweep's layout, so new plots and columns
/// appear without changes here.
/// </summary>
public static class SweepPage
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    /// <summary>Keys of a run.json file entry that name a figure's file.</summary>
    private static readonly string[] FigureNameKeys = ["name", "file", "path", "png"];

    public const string ManifestFile = SweepFolderLayout.Manifest;
    public const string SummaryFile = SweepFolderLayout.Summary;

    /// <summary>Most rows of summary.csv shown on the page.</summary>
    public const int MaxRows = 500;

    /// <summary>Whether <paramref name="directory"/> looks like a sweep folder (manifest.json and summary.csv).</summary>
    public static bool IsSweepFolder(string directory) =>
        File.Exists(Path.Combine(directory, ManifestFile)) && File.Exists(Path.Combine(directory, SummaryFile));

    /// <summary>Writes the report of <paramref name="sweepDir"/> to <paramref name="outFile"/> (default: report.html in the folder). Returns the path.</summary>
    /// <exception cref="ReportInputException">Not a sweep folder, or its manifest or summary cannot be read.</exception>
    /// <exception cref="OutputException">The page could not be written.</exception>
    public static string Write(string sweepDir, string? outFile = null)
    {
        string dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sweepDir));
        string html = Build(dir);
        string path = Path.GetFullPath(outFile ?? Path.Combine(dir, RunReport.FileName));
        OutputGuard.CheckFile(path, [dir]);
        HtmlPage.WriteFile(path, html);
        return path;
    }

    /// <summary>The page for the sweep folder <paramref name="sweepDir"/>.</summary>
    public static string Build(string sweepDir)
    {
        string dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sweepDir));
        if (!IsSweepFolder(dir))
            throw new ReportInputException(dir, $"'{sweepDir}' is not a sweep folder: it needs {ManifestFile} and {SummaryFile}.");
        JsonElement manifest;
        string manifestPath = Path.Combine(dir, ManifestFile);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifestPath));
            manifest = doc.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(manifestPath, $"Could not read '{manifestPath}': {e.Message}", e);
        }
        CsvTable summary;
        string summaryPath = Path.Combine(dir, SummaryFile);
        try
        {
            summary = CsvTable.Read(summaryPath);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(summaryPath, $"Could not read '{summaryPath}': {e.Message}", e);
        }

        string folder = Path.GetFileName(dir);
        string name = FirstString(manifest, "name", "sweep", "title", "scenario") ?? folder;
        var page = new HtmlPage($"{name} — ContentionSim sweep report");
        page.Raw("<header>\n<h1>").Text(name).Raw("</h1>\n");
        if (FirstString(manifest, "description") is string description && description.Length > 0)
            page.Raw("<p class=\"lead\">").Text(description).Raw("</p>\n");
        page.Raw("<p class=\"meta\">").Text(string.Format(Inv, "A sweep: {0:N0} row{1} in {2}. Made from the folder {3}.",
            summary.Rows.Count, summary.Rows.Count == 1 ? "" : "s", SummaryFile, folder)).Raw("</p>\n</header>\n");

        var settings = Settings(manifest);
        if (settings.Count > 0)
        {
            page.Raw("<section id=\"settings\">\n<h2>The sweep</h2>\n<p>Its settings, from manifest.json (nested settings are in the file):</p>\n");
            page.Raw(HtmlPage.Table(["Setting", "Value"], settings.Select(s => (IReadOnlyList<string>)[s.Key, s.Value]), firstColumnIsHeader: true));
            page.Raw("</section>\n");
        }

        page.Raw("<section id=\"plots\">\n<h2>Comparison plots</h2>\n");
        page.Raw("<div class=\"guide\"><p><strong>How to read a sweep.</strong> ")
            .Text("A sweep runs one scenario many times, changing one or two parameters (named in the settings above) and the seed. " +
                  "Each plot puts a changed parameter along the horizontal axis and a result of the runs — peak participation, cycles, outcomes, arrests, concessions — on the vertical one. " +
                  "Runs with the same settings differ only by chance (the seed), so read a difference as real only when it is larger than their spread.")
            .Raw("</p><p><strong>Look for:</strong> ")
            .Text("thresholds, where a result changes sharply; humps, such as the largest mobilization at intermediate openness (Eisinger's curvilinear relation); " +
                  "and trade-offs, such as repression falling while concessions rise. The numbers behind the plots are in the table below.")
            .Raw("</p></div>\n");
        var pngs = Pngs(dir);
        if (pngs.Count == 0) page.Raw("<p>The folder holds no PNG plot.</p>\n");
        if (pngs.Count == MaxPlots) page.Raw("<p>").Text(string.Format(Inv, "The first {0} PNG files are shown.", MaxPlots)).Raw("</p>\n");
        foreach (var png in pngs)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(Path.Combine(dir, png));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReportInputException(Path.Combine(dir, png), $"Could not read '{Path.Combine(dir, png)}': {e.Message}", e);
            }
            string? described = Describe(manifest, png);
            string title = Path.GetFileNameWithoutExtension(png).Replace('_', ' ').Replace('-', ' ');
            string id = "plot-" + string.Concat(Path.ChangeExtension(png, null).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
            page.Raw("<h3>").Text(RunStory.Sentence(title)).Raw("</h3>\n");
            page.Raw(HtmlPage.Figure(bytes, described ?? title, described is null ? png : $"{described} ({png})", id));
        }
        page.Raw("</section>\n");

        page.Raw("<section id=\"summary\">\n<h2>Summary table</h2>\n");
        if (summary.Rows.Count > MaxRows)
            page.Raw("<p>").Text(string.Format(Inv, "The first {0:N0} of {1:N0} rows of {2}.", MaxRows, summary.Rows.Count, SummaryFile)).Raw("</p>\n");
        var numeric = new HashSet<int>(Enumerable.Range(0, summary.Header.Count)
            .Where(i => summary.Rows.Count > 0 && summary.Rows.Take(50).All(r => r[i].Length == 0 || double.TryParse(r[i], NumberStyles.Float, Inv, out _))));
        page.Raw(HtmlPage.Table(summary.Header, summary.Rows.Take(MaxRows).Select(r => (IReadOnlyList<string>)r), numeric, cssClass: "summary"));
        page.Raw("</section>\n");

        page.Raw("<footer class=\"meta\"><p>").Text(string.Format(Inv, "Made by {0} {1} (report) from {2}, {3} and the PNG files of {4}. The page needs no network: plots are embedded.",
            RunManifest.ToolName, RunManifest.ToolVersion, ManifestFile, SummaryFile, folder)).Raw("</p></footer>\n");
        return page.ToString();
    }

    /// <summary>Most PNG files embedded.</summary>
    public const int MaxPlots = 100;

    /// <summary>PNG files of the folder and its subfolders two levels down (relative paths with '/', sorted; temporary files left out).</summary>
    private static List<string> Pngs(string dir)
    {
        var found = new List<string>();
        void Walk(string folder, int depth)
        {
            foreach (var f in Directory.EnumerateFiles(folder, "*.png"))
                if (!AtomicFile.IsTempName(Path.GetFileName(f))) found.Add(Path.GetRelativePath(dir, f).Replace('\\', '/'));
            if (depth < 2)
                foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')))
                    Walk(sub, depth + 1);
        }
        try
        {
            Walk(dir, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(dir, $"Could not list the plots of '{dir}': {e.Message}", e);
        }
        // By meaning: top-level plots first, then the outcomes and the stage trace, the heatmap, the metrics, then by path.
        return found.OrderBy(p => p.Count(c => c == '/')).ThenBy(Rank).ThenBy(p => p, StringComparer.Ordinal).Take(MaxPlots).ToList();
    }

    /// <summary>
    /// Where a sweep figure comes in the page, by what it shows: how cycles end (<c>outcomes</c>) and how they unfold
    /// (<c>stage-trace</c>) first, then the <c>heatmap-</c>, the cycle counts and outcomes among the <c>metric-</c>
    /// figures, then the other metrics; any other figure last.
    /// </summary>
    public static int Rank(string png)
    {
        ArgumentNullException.ThrowIfNull(png);
        string name = Path.GetFileNameWithoutExtension(png);
        if (name == "outcomes") return 0;
        if (name == "stage-trace") return 1;
        if (name.StartsWith("heatmap-", StringComparison.Ordinal)) return 2;
        if (name.StartsWith("metric-", StringComparison.Ordinal))
        {
            string metric = name["metric-".Length..];
            int at = Array.IndexOf(MetricOrder, metric);
            return 3 + (at >= 0 ? at : MetricOrder.Length);
        }
        return 100;
    }

    /// <summary>The sweep metrics a reader looks at first, in order (the others follow alphabetically).</summary>
    private static readonly string[] MetricOrder =
    [
        .. new[] { Metrics.Cycles, Metrics.CompletedCycles, Metrics.Fizzles, Metrics.PeakParticipation, Metrics.MeanParticipation, Metrics.TimeToPeak, Metrics.PeakTick }
            .Concat(Metrics.StageTicks.Skip(1)).Append(Metrics.StageTicks[0]).Select(m => m.Name),
    ];

    /// <summary>Top-level scalar settings of the manifest (and short lists of scalars), in file order.</summary>
    private static List<(string Key, string Value)> Settings(JsonElement manifest)
    {
        var list = new List<(string, string)>();
        if (manifest.ValueKind != JsonValueKind.Object) return list;
        foreach (var p in manifest.EnumerateObject())
        {
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.String:
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    list.Add((p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()));
                    break;
                case JsonValueKind.Array when p.Value.GetArrayLength() <= 30 && p.Value.EnumerateArray().All(x => x.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                    list.Add((p.Name, string.Join(", ", p.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText()))));
                    break;
            }
        }
        return list;
    }

    /// <summary>
    /// A description of <paramref name="file"/> from anywhere in the manifest: an object whose
    /// name, file or path is the file and that has a description, title or caption.
    /// </summary>
    private static string? Describe(JsonElement e, string file)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                bool named = FigureNameKeys.Any(k =>
                    e.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String && Names(v.GetString() ?? "", file));
                if (named && FirstString(e, "description", "title", "caption") is string d && d.Length > 0) return d;
                foreach (var p in e.EnumerateObject())
                    if (Describe(p.Value, file) is string found) return found;
                return null;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    if (Describe(item, file) is string found) return found;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether a manifest's file reference names <paramref name="file"/> (a relative path): the same path, the same name, or the path with more after it ("plots/x.png/.svg").</summary>
    private static bool Names(string reference, string file)
    {
        reference = reference.Replace('\\', '/');
        return reference == file || reference.StartsWith(file + "/", StringComparison.Ordinal) ||
               (!file.Contains('/') && Path.GetFileName(reference) == file);
    }

    private static string? FirstString(JsonElement e, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var n in names)
            if (e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        return null;
    }
}
