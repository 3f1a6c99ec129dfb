using System.Text.RegularExpressions;
using ContentionSim.Core.Observation;

namespace ContentionSim.Reporting.Plots;

/// <summary>
/// A figure of a run. <see cref="RunOutputWriter"/> renders each plot to <c>&lt;Name&gt;.png</c> and
/// <c>&lt;Name&gt;.svg</c>; add a figure by implementing this and listing it in
/// <see cref="RunOutputOptions.Figures"/>.
/// </summary>
public interface IRunPlot
{
    /// <summary>File stem, e.g. <c>stages</c>: letters, digits, '_' or '-'.</summary>
    string Name { get; }

    /// <summary>What the figure shows, in a sentence (listed in run.json).</summary>
    string Description { get; }

    /// <summary>Builds the figure. The caller renders and disposes it.</summary>
    ScottPlot.Plot Create(RunResult result);
}

/// <summary>The built-in figures and rendering helpers.</summary>
public static partial class RunPlots
{
    /// <summary>Default image size: 16:9, readable on a projector.</summary>
    public const int DefaultWidth = 1600, DefaultHeight = 900;

    /// <summary>The figures written by default: stages, then actors.</summary>
    public static IReadOnlyList<IRunPlot> Default { get; } = Array.AsReadOnly<IRunPlot>([new StagesPlot(), new ActorsPlot()]);

    /// <summary>Renders <paramref name="plot"/> to PNG bytes.</summary>
    public static byte[] Png(IRunPlot plot, RunResult result, int width = DefaultWidth, int height = DefaultHeight)
    {
        using var p = plot.Create(result);
        return p.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
    }

    /// <summary>Renders <paramref name="plot"/> to an SVG document.</summary>
    public static string Svg(IRunPlot plot, RunResult result, int width = DefaultWidth, int height = DefaultHeight)
    {
        using var p = plot.Create(result);
        return NormalizeSvgIds(p.GetSvgXml(width, height));
    }

    /// <summary>
    /// Renders <paramref name="plot"/> and writes <paramref name="pngPath"/> and <paramref name="svgPath"/>
    /// atomically (each through a temporary file renamed into place).
    /// </summary>
    public static void Render(IRunPlot plot, RunResult result, string pngPath, string svgPath,
        int width = DefaultWidth, int height = DefaultHeight)
    {
        using var p = plot.Create(result);
        byte[] png = p.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
        string svg = NormalizeSvgIds(p.GetSvgXml(width, height));
        AtomicFile.WriteAllBytes(pngPath, png);
        AtomicFile.WriteAllText(svgPath, svg);
    }

    /// <summary>
    /// Renumbers the element ids of an SVG document (<c>cl_1f</c> → <c>cl_1</c>, …) in order of
    /// appearance. Skia numbers clip paths with a process-wide counter, so without this the same
    /// figure rendered twice in one process would differ.
    /// </summary>
    public static string NormalizeSvgIds(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdDefinition().Matches(svg))
        {
            string id = m.Groups[1].Value;
            if (!map.ContainsKey(id))
                map[id] = $"{id[..id.IndexOf('_')]}_{map.Count + 1}";
        }
        return map.Count == 0 ? svg : IdUse().Replace(svg, m => map.TryGetValue(m.Value, out var n) ? n : m.Value);
    }

    [GeneratedRegex("id=\"([A-Za-z]+_[0-9A-Za-z]+)\"")]
    private static partial Regex IdDefinition();

    [GeneratedRegex("(?<=id=\"|#)[A-Za-z]+_[0-9A-Za-z]+(?=[\")])")]
    private static partial Regex IdUse();
}
