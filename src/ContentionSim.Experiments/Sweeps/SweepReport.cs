using ContentionSim.Reporting;
using System.Text.RegularExpressions;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Reporting.Plots;
using SkiaSharp;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>
/// Writes what is derived from a sweep folder's records: <c>summary.csv</c> and the figures in
/// <c>plots/</c> (PNG and SVG). It reads only manifest.json, runs.csv and series/, so it rebuilds them
/// for a finished (or interrupted) sweep without running anything, and gives the same files whatever
/// order the runs were recorded in.
/// </summary>
public static partial class SweepReport
{
    public const string PlotsFolder = SweepFolderLayout.Plots;

    /// <summary>Writes summary.csv and (unless <paramref name="plots"/> is false) the figures; returns the files written.</summary>
    /// <param name="folder">The sweep folder.</param>
    /// <param name="heatmapMetric">The heatmap's metric instead of the manifest's (null keeps it).</param>
    /// <param name="plots">Whether to draw the figures.</param>
    /// <exception cref="SweepFolderException">The folder is not a sweep folder.</exception>
    /// <exception cref="OutputException">A file cannot be written.</exception>
    public static IReadOnlyList<OutputFile> Write(string folder, string? heatmapMetric = null, bool plots = true)
    {
        var data = SweepData.Load(folder);
        var files = new List<OutputFile>();
        var keys = data.Grid.Factors.Select(f => f.Key).ToArray();
        SweepSummary.WriteFile(Path.Combine(folder, SweepSummary.FileName), keys, SweepSummary.Compute(data.Grid, data.Records));
        files.Add(new OutputFile(SweepSummary.FileName, "per point: runs, failures, n, mean, sd and 95% CI of each metric, share of each cycle outcome"));
        if (!plots) return files;

        string plotDir = Path.Combine(folder, PlotsFolder);
        try
        {
            Directory.CreateDirectory(plotDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(plotDir, e);
        }
        if (data.Finished.Any())
        {
            bool sampled = data.Grid.Design == SweepDesign.Sampled;
            // Figures are independent: draw them on all cores, list them in metric order.
            var metricFiles = new OutputFile[SweepMetrics.All.Count];
            Parallel.For(0, metricFiles.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var metric = SweepMetrics.All[i];
                using var plot = SweepPlots.Metric(data, metric);
                metricFiles[i] = Render([plot], plotDir, $"metric-{metric.Name}", RunPlots.DefaultWidth,
                    sampled ? $"{metric.Label} against {XName(data)}, the mean of each point of the sampled design"
                        : $"{metric.Label} against {XName(data)} with 95% confidence bands{LinesText(data)}");
            });
            files.AddRange(metricFiles);
            var heat = SweepMetrics.Find(heatmapMetric ?? data.Manifest.Plots.Heatmap) ?? SweepMetrics.Find(SweepMetrics.DefaultHeatmap)!;
            if (!sampled) // a sampled design has no x × lines cells: every point has its own values
            {
                using var plot = SweepPlots.Heatmap(data, heat);
                files.Add(Render([plot], plotDir, $"heatmap-{heat.Name}", RunPlots.DefaultWidth,
                    $"mean {heat.Label} over {XName(data)} × {(data.LinesFactor >= 0 ? data.Grid.Factors[data.LinesFactor].Key : "all runs")}"));
            }
            var outcomePanels = SweepPlots.Outcomes(data);
            try
            {
                files.Add(Render(outcomePanels, plotDir, "outcomes", outcomePanels.Count == 1 ? RunPlots.DefaultWidth : SweepPlots.PanelWidth,
                    $"shares of cycles by outcome against {XName(data)}"));
            }
            finally
            {
                foreach (var p in outcomePanels) p.Dispose();
            }
            var tracePanels = SweepPlots.StageTraces(data);
            try
            {
                if (tracePanels.Count > 0)
                    files.Add(Render(tracePanels, plotDir, "stage-trace", SweepPlots.PanelWidth,
                        $"average stage trace (share of runs in each stage, mean participation) at the lowest and highest {XName(data)}"));
            }
            finally
            {
                foreach (var p in tracePanels) p.Dispose();
            }
        }
        return files;
    }

    private static string XName(SweepData data) => data.XFactor >= 0 ? data.Grid.Factors[data.XFactor].Key : "the base scenario";

    private static string LinesText(SweepData data) =>
        data.LinesFactor >= 0 ? $", one line per {data.Grid.Factors[data.LinesFactor].Key}" : "";

    /// <summary>Extra width of the last panel of a multi-panel figure, which carries the legend.</summary>
    public const int LegendWidth = 480;

    /// <summary>Renders panels side by side to <c>stem.png</c> and <c>stem.svg</c> (atomically).</summary>
    public static OutputFile Render(IReadOnlyList<ScottPlot.Plot> panels, string folder, string stem, int panelWidth, string description,
        int height = RunPlots.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("no panels", nameof(panels));
        var (png, svg) = Compose(panels, panelWidth, height);
        AtomicFile.WriteAllBytes(Path.Combine(folder, stem + ".png"), png);
        AtomicFile.WriteAllText(Path.Combine(folder, stem + ".svg"), svg);
        return new OutputFile($"{PlotsFolder}/{stem}.png/.svg", description);
    }

    /// <summary>
    /// PNG bytes and SVG text of panels laid out left to right, each <paramref name="panelWidth"/> wide
    /// (the last, which carries the legend, <see cref="LegendWidth"/> wider when there are several).
    /// </summary>
    public static (byte[] Png, string Svg) Compose(IReadOnlyList<ScottPlot.Plot> panels, int panelWidth, int height)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 1)
            return (panels[0].GetImageBytes(panelWidth, height, ScottPlot.ImageFormat.Png),
                RunPlots.NormalizeSvgIds(panels[0].GetSvgXml(panelWidth, height)));

        var widths = panels.Select((_, i) => i == panels.Count - 1 ? panelWidth + LegendWidth : panelWidth).ToArray();
        var offsets = widths.Select((_, i) => widths.Take(i).Sum()).ToArray();
        int width = widths.Sum();
        byte[] png;
        using (var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul)))
        {
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            for (int i = 0; i < panels.Count; i++)
            {
                using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(widths[i], height, ScottPlot.ImageFormat.Png));
                canvas.DrawBitmap(bitmap, offsets[i], 0);
            }
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            png = data.ToArray();
        }

        var svg = new System.Text.StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        for (int i = 0; i < panels.Count; i++)
        {
            string inner = XmlDeclaration().Replace(panels[i].GetSvgXml(widths[i], height), "");
            int open = inner.IndexOf("<svg", StringComparison.Ordinal);
            if (open < 0) continue;
            inner = inner[..(open + 4)] + $" x=\"{offsets[i]}\" y=\"0\"" + inner[(open + 4)..];
            svg.Append(inner.Trim()).Append('\n');
        }
        svg.Append("</svg>\n");
        return (png, RunPlots.NormalizeSvgIds(svg.ToString()));
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();
}
