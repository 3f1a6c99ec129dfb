using System.Globalization;
using System.Text;
using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Html;

/// <summary>
/// Two or more runs side by side: one PNG with their stage bands aligned on a common time axis, and
/// one self-contained HTML page with that figure, the headline numbers in a table, the parameters
/// that differ between the scenarios, and each run's stage figure and cycle outcomes.
/// </summary>
public static class ComparePage
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What <see cref="Write"/> wrote.</summary>
    public sealed record Output(string Html, string Png);

    /// <summary>
    /// Reads the run folders and writes the page and its figure. <paramref name="outPath"/> ending in
    /// <c>.html</c> (or <c>.htm</c>) names the page, and the PNG goes beside it; any other path names a
    /// folder that receives <c>compare.html</c> and <c>compare.png</c>. Without it they go next to the
    /// first run folder as <c>compare-A-vs-B.html</c> and <c>.png</c>. Like <c>run</c>, an earlier
    /// comparison is replaced only with <paramref name="force"/>.
    /// </summary>
    /// <exception cref="ReportInputException">A folder is not a readable run folder, or fewer than two were given.</exception>
    /// <exception cref="OutputException">The files could not be written, or exist and <paramref name="force"/> is false.</exception>
    public static Output Write(IReadOnlyList<string> runDirs, string? outPath = null, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(runDirs);
        if (runDirs.Count < 2)
            throw new ReportInputException((runDirs.Count > 0 ? runDirs[0] : ""), "Give at least two run folders to compare.");
        var runs = runDirs.Select(RunFolder.Read).ToList();
        string html = Target(outPath ?? DefaultPath(runs));
        string png = Path.ChangeExtension(html, ".png");
        // Both files are checked before either is written: neither may land on a file of a run it compares, nor under a file.
        OutputTarget.CheckParents(html);
        OutputGuard.CheckFile(html, runs.Select(r => r.Directory));
        OutputGuard.CheckFile(png, runs.Select(r => r.Directory));
        if (!force)
            foreach (var existing in new[] { html, png }.Where(File.Exists))
                throw new OutputException(existing, $"'{existing}' exists (an earlier comparison); use --force to replace it or choose another --out.");
        byte[] figure = Figure(runs);
        HtmlPage.WriteFile(png, figure);
        HtmlPage.WriteFile(html, Build(runs, figure, Path.GetFileName(png)));
        return new Output(html, png);
    }

    /// <summary>The page's full path for an --out value: an .html/.htm file as given, anything else a folder holding compare.html.</summary>
    public static string Target(string outPath)
    {
        string full = Path.GetFullPath(outPath);
        bool page = full.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
        return page ? full : Path.Combine(full, "compare.html");
    }

    /// <summary>Default page path: <c>compare-&lt;first&gt;-vs-&lt;second&gt;[...].html</c> beside the first run folder.</summary>
    public static string DefaultPath(IReadOnlyList<RunFolder> runs)
    {
        var names = runs.Take(4).Select(r => Slug(r.FolderName)).ToList();
        string stem = "compare-" + string.Join("-vs-", names) + (runs.Count > 4 ? $"-and-{runs.Count - 4}-more" : "");
        string parent = Path.GetDirectoryName(runs[0].Directory) ?? ".";
        return Path.Combine(parent, stem + ".html");
    }

    /// <summary>The aligned stage figure as PNG bytes.</summary>
    public static byte[] Figure(IReadOnlyList<RunFolder> runs)
    {
        var labels = Labels(runs);
        var input = runs.Select((r, i) => new CompareRun(labels[i], r.Wave, r.Cycles)).ToList();
        var units = runs.Select(r => ScenarioWords.Unit(r.TimeUnit)).Distinct().ToList();
        string timeLabel = units.Count == 1 ? $"Time ({ScenarioWords.Plural(units[0])})" : "Time (ticks)";
        return ComparePlot.Png(input, timeLabel, ComparePlot.Title(labels));
    }

    /// <summary>Labels of the runs: scenario names, or folder names when names repeat.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<RunFolder> runs)
    {
        bool unique = runs.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() == runs.Count;
        var labels = runs.Select(r => unique ? r.Name : r.FolderName).ToList();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
            labels = labels.Select((l, i) => $"{i + 1}. {l}").ToList();
        return labels;
    }

    /// <summary>The page, with <paramref name="figure"/> embedded.</summary>
    public static string Build(IReadOnlyList<RunFolder> runs, byte[] figure, string? figureFile = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var labels = Labels(runs);
        var page = new HtmlPage("Comparing " + string.Join(", ", labels) + " — ContentionSim");
        page.Raw("<header>\n<h1>").Text("Comparing " + JoinAnd(labels)).Raw("</h1>\n");
        page.Raw("<p class=\"lead\">").Text(string.Format(Inv, "{0} runs side by side: the same stages, classified from what the agents did, on one time axis.", runs.Count)).Raw("</p>\n</header>\n");

        page.Raw("<section id=\"aligned\">\n<h2>Stages, aligned in time</h2>\n");
        page.Raw(HtmlPage.Figure(figure, "The stages of each run as coloured bands on a common time axis, with participation as a line",
            figureFile is null ? "One strip per run." : $"One strip per run ({figureFile}).", "figure-compare"));
        page.Raw(RunReport.Guide(
            "Each strip is one run. Coloured bands are the stages of its cycles (numbered as in the legend below); the black line is participation, on the same scale in every strip; a dashed line marks where a cycle ended, with its outcome.",
            "Which run mobilizes more and for longer, which reaches the late stages, and whether cycles end suppressed or negotiated."));
        page.Raw(HtmlPage.StageLegend());
        page.Raw("</section>\n");

        page.Raw("<section id=\"headline\">\n<h2>Headline numbers</h2>\n").Raw(HeadlineTable(runs, labels)).Raw("</section>\n");
        page.Raw("<section id=\"differences\">\n<h2>What differs between the scenarios</h2>\n").Raw(Differences(runs, labels)).Raw("</section>\n");

        page.Raw("<section id=\"runs\">\n<h2>Each run</h2>\n<div class=\"cols many\">\n");
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            string unit = ScenarioWords.Unit(run.TimeUnit);
            page.Raw("<article class=\"card\">\n<h3>").Text(labels[i]).Raw("</h3>\n");
            if (run.Description.Length > 0) page.Raw("<p>").Text(run.Description).Raw("</p>\n");
            if (run.Figures.FirstOrDefault(f => f.Name == "stages.png") is FigureFile stages)
                page.Raw(HtmlPage.Figure(stages.Png, $"Stages of {labels[i]}", $"{labels[i]}: participation and stages ({run.FolderName}/stages.png)."));
            var cycles = run.Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
            if (cycles.Count == 0)
                page.Raw("<p>No cycle began.</p>\n");
            else
            {
                page.Raw("<ul>\n");
                foreach (var c in cycles)
                    page.Raw("<li><strong>").Text(RunStory.OutcomeHeading(c, unit)).Raw("</strong>. ").Text(RunStory.OutcomeRule(c, run.ReasonOf(c))).Raw("</li>\n");
                page.Raw("</ul>\n");
            }
            if (run.Parameters is not null)
            {
                foreach (var p in ScenarioWords.Describe(run.Parameters).Where(p => p.Heading is "The state" or "Allies abroad"))
                    page.Raw("<p><strong>").Text(p.Heading).Raw(".</strong> ").Text(p.Text).Raw("</p>\n");
            }
            page.Raw("</article>\n");
        }
        page.Raw("</div>\n</section>\n");

        page.Raw("<footer class=\"meta\"><p>").Text(string.Format(Inv, "Made by {0} {1} (compare) from the run folders {2}. The page needs no network: figures are embedded.",
            RunManifest.ToolName, RunManifest.ToolVersion, string.Join(", ", runs.Select(r => r.FolderName)))).Raw("</p></footer>\n");
        return page.ToString();
    }

    private static string HeadlineTable(IReadOnlyList<RunFolder> runs, IReadOnlyList<string> labels)
    {
        var rows = new List<(string Metric, Func<RunFolder, string> Value)>
        {
            ("Openness of the state", r => r.Parameters is null ? "" : ScenarioWords.N(r.Parameters.State.Openness)),
            ("Alliance probability abroad", r => r.Parameters is null ? "" : ScenarioWords.N(r.Parameters.Transnational.AllianceProbability)),
            ("Activists", r => r.Parameters is null ? "" : r.Parameters.TotalActivists.ToString("N0", Inv)),
            ("Length of the run", r => string.Format(Inv, "{0:N0} {1}", r.TicksRun, ScenarioWords.Plural(ScenarioWords.Unit(r.TimeUnit)))),
            ("Cycles in all (as listed in cycles.csv)", r => r.Cycles.Count(c => c.Movement == TickObservation.WaveId).ToString(Inv)),
            ("Cycles of contention (reached stage 3)", r => Int(r, Metrics.Cycles)),
            ("Fizzles (fell back before stage 3)", r => Int(r, Metrics.Fizzles)),
            ("Negotiated", r => WaveOutcomes(r, Outcome.Negotiated)),
            ("Suppressed", r => WaveOutcomes(r, Outcome.Suppressed)),
            ("Faded", r => WaveOutcomes(r, Outcome.Faded)),
            ("Revolutionary turnover", r => WaveOutcomes(r, Outcome.RevolutionaryTurnover)),
            ("Peak participation (a single tick)", r => r.Metric(Metrics.PeakParticipation) is double p ? RunSummary.Percent(p) : ""),
            ("Peak at", r => Int(r, Metrics.PeakTick)),
            ("Mean participation", r => r.Metric(Metrics.MeanParticipation) is double p ? RunSummary.Percent(p) : ""),
            ("Arrests", r => Int(r, Metrics.RepressionEvents)),
            ("Talks (facilitation)", r => Int(r, Metrics.FacilitationEvents)),
            ("Concessions", r => Int(r, Metrics.Concessions)),
            ("Co-optations", r => Int(r, Metrics.Cooptations)),
            ("Violent acts", r => Int(r, Metrics.ViolentActs)),
            ("Violence within cycles after the peak", r => r.Metric(Metrics.ViolenceAfterPeakShare) is double p ? RunSummary.Percent(p) : ""),
            ("Violence within cycles in stages 4–6", r => r.Metric(Metrics.LateViolenceShare) is double p ? RunSummary.Percent(p) : ""),
            ("Alliances abroad formed", r => Int(r, Metrics.AlliancesFormed)),
            ("Outside pressure, max", r => r.Metric(Metrics.MaxOutsidePressure) is double p ? p.ToString("0.##", Inv) : ""),
            ("Outside pressure, mean", r => r.Metric(Metrics.MeanOutsidePressure) is double p ? p.ToString("0.###", Inv) : ""),
        };
        var header = new List<string> { "" };
        header.AddRange(labels);
        var numeric = new HashSet<int>(Enumerable.Range(1, runs.Count));
        return HtmlPage.Table(header, rows.Select(row =>
        {
            var cells = new List<string> { row.Metric };
            cells.AddRange(runs.Select(row.Value));
            return (IReadOnlyList<string>)cells;
        }), numeric, cssClass: "headline", firstColumnIsHeader: true);
    }

    private static string Int(RunFolder r, Metric metric) =>
        r.Metric(metric) is double v ? ((long)v).ToString("N0", Inv) : "";

    private static string WaveOutcomes(RunFolder r, Outcome outcome) =>
        r.Cycles.Count(c => c.Movement == TickObservation.WaveId && c.Outcome == outcome).ToString(Inv);

    /// <summary>A table of the parameters (by dotted path) whose values differ between the runs.</summary>
    private static string Differences(IReadOnlyList<RunFolder> runs, IReadOnlyList<string> labels)
    {
        var flat = runs.Select(r => Flatten(r.ParametersJson)).ToList();
        var keys = new List<string>();
        foreach (var f in flat)
            foreach (var k in f.Keys)
                if (!keys.Contains(k)) keys.Add(k);
        var differing = keys.Where(k => k is not ("name" or "description"))
            .Where(k => flat.Select(f => f.GetValueOrDefault(k, "—")).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select((k, i) => (Key: k, Index: i))
            .OrderBy(x => Priority(x.Key)).ThenBy(x => x.Index)
            .Select(x => x.Key)
            .ToList();
        if (differing.Count == 0) return "<p>The runs have the same parameters.</p>\n";
        const int Max = 40;
        var sb = new StringBuilder();
        sb.Append("<p>").Append(HtmlPage.Escape(string.Format(Inv,
            "{0} parameter{1} (keys as in the scenario file; — where a run does not have it){2}.",
            differing.Count, differing.Count == 1 ? " differs" : "s differ", differing.Count > Max ? string.Format(Inv, "; the first {0} are shown", Max) : ""))).Append("</p>\n");
        var header = new List<string> { "Parameter" };
        header.AddRange(labels);
        sb.Append(HtmlPage.Table(header, differing.Take(Max).Select(k =>
        {
            var cells = new List<string> { k };
            cells.AddRange(flat.Select(f => f.GetValueOrDefault(k, "—")));
            return (IReadOnlyList<string>)cells;
        }), cssClass: "differences", firstColumnIsHeader: true));
        return sb.ToString();
    }

    /// <summary>A JSON object as dotted paths to scalar values (lists of scalars stay whole): <c>state.openness</c> → <c>0.15</c>.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(JsonElement root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                    break;
                case JsonValueKind.Array when e.EnumerateArray().All(x => x.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                    result[path] = "[" + string.Join(", ", e.EnumerateArray().Select(Scalar)) + "]";
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]");
                    if (i == 0) result[path] = "[]";
                    break;
                default:
                    result[path] = Scalar(e);
                    break;
            }
        }
        if (root.ValueKind == JsonValueKind.Object) Walk(root, "");
        return result;
    }

    /// <summary>Order of sections in the differences: the state and allies first (what a lesson varies), movements last.</summary>
    private static int Priority(string key)
    {
        string section = key.Split('.', '[')[0];
        return section switch
        {
            "state" => 0,
            "transnational" => 1,
            "public" => 2,
            "seed" or "ticks" or "time_unit" or "spillover" => 3,
            "classifier" => 4,
            "events" => 5,
            "network" => 6,
            _ => 7,
        };
    }

    private static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count <= 2 ? string.Join(" and ", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Null => "(none)",
        _ => e.GetRawText(),
    };

    private static string Slug(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "run" : slug.Length > 40 ? slug[..40] : slug;
    }
}
