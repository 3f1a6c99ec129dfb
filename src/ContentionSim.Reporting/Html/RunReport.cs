using System.Globalization;
using System.Text;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Html;

/// <summary>
/// The report of one run as a single self-contained HTML page, made from the run folder's files:
/// the scenario in plain words beside its YAML, the stage figure and a narrative timeline with a
/// line for every row of stages.csv (when, the stage in Tarrow's words, what the agents did that
/// triggered it), each cycle's outcome and what led to it, the actors figure, and the six stages with
/// the criteria the classifier used.
/// </summary>
public static class RunReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Default file name of the report inside the run folder.</summary>
    public const string FileName = "report.html";

    /// <summary>Reads <paramref name="runDir"/> and writes its report to <paramref name="outFile"/> (default: report.html in the folder). Returns the path written.</summary>
    /// <exception cref="ReportInputException">The folder is not a readable run folder.</exception>
    /// <exception cref="OutputException">The page could not be written.</exception>
    public static string Write(string runDir, string? outFile = null)
    {
        var run = RunFolder.Read(runDir);
        string path = Path.GetFullPath(outFile ?? Path.Combine(run.Directory, FileName));
        OutputGuard.CheckFile(path, [run.Directory]);
        HtmlPage.WriteFile(path, Build(run));
        return path;
    }

    /// <summary>The page.</summary>
    public static string Build(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string unit = ScenarioWords.Unit(run.TimeUnit);
        var page = new HtmlPage($"{run.Name} — ContentionSim report");

        // ---- title and headline numbers
        page.Raw("<header>\n<h1>").Text(run.Name).Raw("</h1>\n");
        if (run.Description.Length > 0) page.Raw("<p class=\"lead\">").Text(run.Description).Raw("</p>\n");
        page.Raw("<p class=\"meta\">").Text(string.Format(Inv, "A run of {0:N0} {1}, seed {2}. Made from the run folder {3}.",
            run.TicksRun, ScenarioWords.Plural(unit), run.Seed, run.FolderName)).Raw("</p>\n</header>\n");
        page.Raw(Glance(run, unit));

        // ---- the scenario
        page.Raw("<section id=\"scenario\">\n<h2>The scenario in plain words</h2>\n");
        page.Raw(ScenarioSection(run));
        page.Raw("</section>\n");

        // ---- the cycle: figure, narrative, outcomes
        page.Raw("<section id=\"cycle\">\n<h2>How the cycle unfolded</h2>\n");
        var stagesFigure = run.Figures.FirstOrDefault(f => f.Name == "stages.png");
        if (stagesFigure is not null)
        {
            page.Raw(HtmlPage.Figure(stagesFigure.Png, "Participation over time with the stages of each cycle as numbered coloured bands",
                Caption(stagesFigure, "Participation over time with the stages as bands."), "figure-stages"));
            page.Raw(Guide(
                $"The black line is the share of activists taking part each {unit}. The coloured bands are the stages the classifier found in what the agents did, numbered 1 to 6 as in the legend; white gaps are quiet periods between cycles. A dashed line marks the end of a cycle, labelled with its outcome.",
                "the rise (stages 1–3), the peak, and the decline (stages 4–6) — Tarrow's parabola — and for how each cycle ends."));
        }
        page.Raw("<h3>The six stages</h3>\n").Raw(HtmlPage.StageLegend());
        page.Raw(Narrative(run, unit));
        page.Raw("</section>\n");

        page.Raw("<section id=\"outcomes\">\n<h2>Outcomes of the cycles</h2>\n");
        page.Raw(Outcomes(run, unit));
        page.Raw("</section>\n");

        // ---- other figures
        var others = run.Figures.Where(f => f.Name != "stages.png").ToList();
        if (others.Count > 0)
        {
            page.Raw("<section id=\"actors\">\n<h2>Activists and the state</h2>\n");
            foreach (var f in others)
            {
                page.Raw(HtmlPage.Figure(f.Png, Caption(f, f.Name), Caption(f, f.Name), "figure-" + Path.GetFileNameWithoutExtension(f.Name)));
                if (f.Name == "actors.png")
                    page.Raw(Guide(
                        "The coloured areas stack the activists by status, each named in the legend under the plot: active at the bottom, then exhausted, held by the state, co-opted into institutions and inactive. The solid line is outside pressure from allies abroad (inner right axis); the dashed line is the state's effective openness (outer right axis, always 0 to 1), which that pressure raises.",
                        "Compare the exhausted and the held areas (the legend names each colour): a movement that ends exhausted is not the same as one that ends in prison."));
            }
            page.Raw("</section>\n");
        }

        // ---- how stages are detected
        page.Raw("<section id=\"criteria\">\n<h2>How the stages were detected</h2>\n");
        page.Raw(Criteria(run.Parameters?.Classifier ?? new ClassifierParameters(), run.Parameters is not null));
        page.Raw("</section>\n");

        page.Raw("<footer class=\"meta\"><p>").Text(string.Format(Inv,
            "Made by {0} {1} (report) from run.json, stages.csv, cycles.csv and the figures of {2}; the run was made by version {3}. The page needs no network: figures are embedded.",
            RunManifest.ToolName, RunManifest.ToolVersion, run.FolderName, run.ToolVersion.Length > 0 ? run.ToolVersion : "unknown")).Raw("</p></footer>\n");
        return page.ToString();
    }

    // ---- sections -------------------------------------------------------------------------------

    private static string Glance(RunFolder run, string unit)
    {
        var waveCycles = run.Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
        int Int(Metric metric, int fallback) => run.Metric(metric) is double v ? (int)v : fallback;
        double Dbl(Metric metric, double fallback) => run.Metric(metric) ?? fallback;

        var outcomes = waveCycles.Where(c => c.Outcome is not Outcome.Fizzle)
            .GroupBy(c => c.Outcome).OrderBy(g => g.Key == Outcome.Ongoing ? int.MaxValue : (int)g.Key).Select(g => $"{g.Count()} {RunStory.OutcomeName(g.Key)}");
        var items = new List<(string Label, string Value)>
        {
            ("Cycles", RunSummary.CycleCounts(waveCycles.Select(c => c.Outcome).ToList())),
            ("Outcomes", string.Join(", ", outcomes) is { Length: > 0 } o ? o : "none"),
            ("Peak participation (a single " + unit + ")", string.Format(Inv, "{0} in {1} {2}", RunSummary.Percent(Dbl(Metrics.PeakParticipation, waveCycles.Select(c => c.PeakParticipation).DefaultIfEmpty(0).Max())), unit, Int(Metrics.PeakTick, 0))),
            ("Arrests", Int(Metrics.RepressionEvents, waveCycles.Sum(c => c.RepressionEvents)).ToString("N0", Inv)),
            ("Talks / concessions", string.Format(Inv, "{0:N0} / {1:N0}", Int(Metrics.FacilitationEvents, waveCycles.Sum(c => c.FacilitationEvents)), Int(Metrics.Concessions, waveCycles.Sum(c => c.Concessions)))),
            ("Co-optations", Int(Metrics.Cooptations, waveCycles.Sum(c => c.Cooptations)).ToString("N0", Inv)),
            ("Violent acts", Int(Metrics.ViolentActs, waveCycles.Sum(c => c.ViolentActs)).ToString("N0", Inv)),
            ("Alliances abroad formed", Int(Metrics.AlliancesFormed, 0).ToString("N0", Inv)),
            ("Outside pressure, max", Dbl(Metrics.MaxOutsidePressure, 0).ToString("0.##", Inv)),
        };
        var sb = new StringBuilder("<dl class=\"glance\">\n");
        foreach (var (label, value) in items)
            sb.Append("<div><dt>").Append(HtmlPage.Escape(label)).Append("</dt><dd>").Append(HtmlPage.Escape(value)).Append("</dd></div>\n");
        sb.Append("</dl>\n");
        return sb.ToString();
    }

    /// <summary>The plain-words description beside the YAML.</summary>
    internal static string ScenarioSection(RunFolder run)
    {
        var sb = new StringBuilder("<div class=\"cols\">\n<div>\n");
        if (run.Parameters is Scenario s)
        {
            foreach (var p in ScenarioWords.Describe(s))
                sb.Append("<h3>").Append(HtmlPage.Escape(p.Heading)).Append("</h3>\n<p>").Append(HtmlPage.Escape(p.Text)).Append("</p>\n");
        }
        else
        {
            sb.Append("<p>The parameters in this folder's run.json could not be read by this version, so they are not described here; the scenario file is on the right.</p>\n");
        }
        sb.Append("</div>\n<div>\n<h3>").Append(HtmlPage.Escape(run.ScenarioFile ?? "Scenario file")).Append("</h3>\n");
        if (run.ScenarioText is string yaml)
            sb.Append("<pre class=\"scroll\"><code>").Append(HtmlPage.Escape(yaml.Replace("\r\n", "\n").TrimEnd('\n'))).Append("</code></pre>\n");
        else
            sb.Append("<p>The run folder holds no copy of the scenario file; the resolved parameters are in its run.json.</p>\n");
        sb.Append("</div>\n</div>\n");
        return sb.ToString();
    }

    private static string Narrative(RunFolder run, string unit)
    {
        var sb = new StringBuilder();
        sb.Append("<h3 id=\"timeline\">Timeline</h3>\n");
        sb.Append("<p>Each entry is a stage the movement entered: when, what the stage means in Tarrow's account, and what the agents did that met the classifier's criterion (from stages.csv). Each cycle closes with its outcome.</p>\n");
        if (run.StageEntries.Count == 0)
        {
            sb.Append("<p><strong>No stage was entered:</strong> participation never rose clearly above its baseline, so no cycle of contention began.</p>\n");
            return sb.ToString();
        }
        var order = new List<string>();
        if (run.StageEntries.Any(e => e.Movement == TickObservation.WaveId)) order.Add(TickObservation.WaveId);
        order.AddRange(run.Movements.Where(m => m != TickObservation.WaveId));
        order.AddRange(run.StageEntries.Select(e => e.Movement).Distinct().Where(m => !order.Contains(m)));
        bool several = order.Count(m => run.StageEntries.Any(e => e.Movement == m)) > 1;

        foreach (var movement in order)
        {
            var entries = run.StageEntries.Where(e => e.Movement == movement).ToList();
            if (entries.Count == 0) continue;
            if (several)
                sb.Append("<h4>").Append(HtmlPage.Escape(RunStory.Sentence(run.MovementName(movement)))).Append("</h4>\n");
            sb.Append("<ol class=\"timeline\" data-movement=\"").Append(HtmlPage.Escape(movement)).Append("\">\n");
            for (int i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                sb.Append(CultureInfo.InvariantCulture,
                    $"<li class=\"entry\" style=\"--stage:{Plots.Palette.Stage(e.Stage)}\" data-movement=\"{HtmlPage.Escape(e.Movement)}\" data-cycle=\"{e.Cycle}\" data-stage=\"{(int)e.Stage}\" data-tick=\"{e.Tick}\">\n");
                sb.Append("<p class=\"when\">").Append(HtmlPage.StageChip(e.Stage)).Append(" <strong>").Append(HtmlPage.Escape(RunStory.EntryHeading(e, unit))).Append("</strong></p>\n");
                sb.Append("<p class=\"tarrow\">").Append(HtmlPage.Escape(RunStory.Sentence(StageText.Explanation(e.Stage)))).Append(".</p>\n");
                string trigger = run.TriggerOf(e);
                if (trigger.Length > 0)
                    sb.Append("<p class=\"why\"><strong>What the agents did:</strong> ").Append(HtmlPage.Escape(RunStory.Tidy(trigger))).Append(".</p>\n");
                sb.Append("</li>\n");
                bool lastOfCycle = i + 1 == entries.Count || entries[i + 1].Cycle != e.Cycle;
                if (lastOfCycle && run.Cycles.FirstOrDefault(c => c.Movement == movement && c.Cycle == e.Cycle) is CycleRecord cycle)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<li class=\"outcome\" data-movement=\"{HtmlPage.Escape(movement)}\" data-cycle=\"{cycle.Cycle}\" data-outcome=\"{StageText.Key(cycle.Outcome)}\">\n");
                    sb.Append("<p class=\"when\"><span class=\"tag\">").Append(HtmlPage.Escape(RunStory.OutcomeName(cycle.Outcome))).Append("</span> <strong>")
                      .Append(HtmlPage.Escape(RunStory.CycleSpan(cycle, unit))).Append("</strong></p>\n");
                    sb.Append("<p>").Append(HtmlPage.Escape(RunStory.OutcomeRule(cycle, run.ReasonOf(cycle)))).Append("</p>\n");
                    sb.Append("<p><strong>What led to it:</strong> ").Append(HtmlPage.Escape(RunStory.WhatLedToIt(cycle, unit, run.Events, run.TicksRun))).Append("</p>\n");
                    sb.Append("</li>\n");
                }
            }
            sb.Append("</ol>\n");
        }
        return sb.ToString();
    }

    private static string Outcomes(RunFolder run, string unit)
    {
        var sb = new StringBuilder();
        var cycles = run.Cycles.Where(c => c.Movement == TickObservation.WaveId).ToList();
        if (cycles.Count == 0) cycles = run.Cycles.ToList();
        if (cycles.Count == 0)
        {
            sb.Append("<p>No cycle began, so there is no outcome to report.</p>\n");
            return sb.ToString();
        }
        sb.Append("<p>A row per cycle").Append(run.Movements.Count > 1 ? " of the whole wave (each movement's cycles are in cycles.csv)" : "")
          .Append(": how it ended and the state's and activists' acts that decided it. The timeline above says why each outcome was given. ")
          .Append(HtmlPage.Escape(RunSummary.CycleCounts(cycles.Select(c => c.Outcome).ToList()))).Append(". ")
          .Append("Peaks here are of participation smoothed as the stage classifier sees it, so a little lower than the highest single values of the figures.</p>\n");
        sb.Append(OutcomeTable(cycles, unit));
        sb.Append("<h3>What the outcomes mean</h3>\n<ul>\n");
        foreach (var (outcome, rule) in StageCriteria.Outcomes)
            sb.Append("<li><strong>").Append(HtmlPage.Escape(RunStory.OutcomeName(outcome))).Append("</strong>: ")
              .Append(HtmlPage.Escape(rule)).Append(".</li>\n");
        sb.Append("<p>A cycle that ends before stage 3 is a fizzle; the others are judged, in the order above, when they end.</p>\n");
        sb.Append("</ul>\n");
        return sb.ToString();
    }

    internal static string OutcomeTable(IReadOnlyList<CycleRecord> cycles, string unit) =>
        HtmlPage.Table(
            ["Cycle", ScenarioWords.Plural(ScenarioWords.Unit(unit)), "Outcome", "Highest stage", "Peak (smoothed)", "Arrests", "Talks", "Concessions", "Co-optations", "Violent acts", "Outside pressure"],
            cycles.Select(c => (IReadOnlyList<string>)
            [
                c.Cycle.ToString(Inv),
                c.EndTick is int end ? string.Format(Inv, "{0}–{1}", c.StartTick, end) : string.Format(Inv, "{0}–", c.StartTick),
                RunStory.OutcomeName(c.Outcome),
                string.Format(Inv, "{0} {1}", (int)c.HighestStage, StageText.Name(c.HighestStage)),
                RunSummary.Percent(c.PeakParticipation),
                c.RepressionEvents.ToString("N0", Inv),
                c.FacilitationEvents.ToString("N0", Inv),
                c.Concessions.ToString("N0", Inv),
                c.Cooptations.ToString("N0", Inv),
                c.ViolentActs.ToString("N0", Inv),
                c.MaxOutsidePressure.ToString("0.##", Inv),
            ]),
            numeric: new HashSet<int> { 0, 4, 5, 6, 7, 8, 9, 10 }, cssClass: "outcomes");

    internal static string Criteria(ClassifierParameters p, bool fromRun)
    {
        var sb = new StringBuilder();
        sb.Append("<p>").Append(HtmlPage.Escape(fromRun
            ? "Stages are not scheduled: each tick a classifier reads what the agents did and moves the movement on when a criterion holds. These are the criteria with this run's classifier settings (the classifier section of the scenario)."
            : "Stages are not scheduled: each tick a classifier reads what the agents did and moves the movement on when a criterion holds. These are the criteria with the default classifier settings.")).Append("</p>\n");
        sb.Append("<ol class=\"legend\">\n");
        foreach (var s in StageText.Cycle)
            sb.Append("<li>").Append(HtmlPage.StageChip(s)).Append(" <strong>").Append(HtmlPage.Escape(StageText.Name(s))).Append("</strong>: ")
              .Append(HtmlPage.Escape(StageCriteria.Entry(s, p))).Append(".</li>\n");
        sb.Append("</ol>\n<p>").Append(HtmlPage.Escape(StageCriteria.Reading(p))).Append("</p>\n<p>").Append(HtmlPage.Escape(StageCriteria.End(p))).Append("</p>\n");
        sb.Append(HtmlPage.Table(["Setting (classifier.…)", "Value", "Meaning"],
            StageCriteria.Parameters(p).Select(x => (IReadOnlyList<string>)[x.Key, x.Value, x.Unit.Length > 0 ? $"{x.Meaning} [{x.Unit}]" : x.Meaning]),
            numeric: new HashSet<int> { 1 }, cssClass: "settings", firstColumnIsHeader: true));
        return sb.ToString();
    }

    internal static string Guide(string howToRead, string lookFor) =>
        $"<div class=\"guide\"><p><strong>How to read it.</strong> {HtmlPage.Escape(howToRead)}</p><p><strong>Look for:</strong> {HtmlPage.Escape(lookFor)}</p></div>\n";

    private static string Caption(FigureFile f, string fallback) =>
        string.IsNullOrWhiteSpace(f.Description) ? fallback : f.Description;
}
