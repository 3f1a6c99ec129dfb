using ContentionSim.Core.Observation;
using ContentionSim.Reporting;
using ContentionSim.Shared;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// Writes a sensitivity folder: <c>sensitivity.csv</c>, a tornado figure per outcome
/// (<c>tornado-&lt;outcome&gt;.png</c> and <c>.svg</c>), <c>sensitivity.md</c> and <c>manifest.json</c>.
/// As for a run's folder (see <see cref="RunOutputWriter"/>), everything goes into a sibling staging
/// folder <c>&lt;out&gt;.partial-&lt;pid&gt;</c> (<see cref="StagingFolder"/>), each file atomically, which is renamed to
/// <c>&lt;out&gt;</c> only when complete; on failure it is removed and an existing folder is left as it was.
/// </summary>
public static class SensitivityOutputWriter
{
    /// <summary>File name of the tornado figure of <paramref name="outcome"/>, without extension.</summary>
    public static string FigureName(Metric outcome) => "tornado-" + outcome.Name.Replace('_', '-');

    /// <summary>The files <see cref="Write"/> writes, in order (the manifest first).</summary>
    public static IReadOnlyList<OutputFile> Files(SensitivitySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var files = new List<OutputFile>
        {
            new(SensitivityManifest.FileName, "This manifest: tool version, scenario and its hash, delta, replications and seeds, parameters varied and skipped with reasons."),
            new(SensitivityCsv.FileName, "A row per parameter and outcome: low, base and high value, mean outcome at each, paired differences with 95% CIs, swing."),
            new(SensitivityMarkdown.FileName, "Summary: the base scenario's outcomes and the top drivers of each outcome."),
        };
        if (setup.Plots)
            foreach (var o in SensitivityOutcomes.All)
            {
                files.Add(new(FigureName(o) + ".png", $"Tornado plot of {o.Label.ToLowerInvariant()}: the top {setup.Rows} parameters by swing."));
                files.Add(new(FigureName(o) + ".svg", $"Vector version of {FigureName(o)}.png."));
            }
        return files;
    }

    /// <summary>
    /// Throws unless <paramref name="outDir"/> could be written by <see cref="Write"/> with <paramref name="force"/>, so
    /// that the command refuses a folder before it spends time on the runs rather than after.
    /// </summary>
    /// <exception cref="OutputException">The folder may not be written; the message says why and what to do.</exception>
    public static void CheckReplaceable(string outDir, bool force) => CheckTarget(Target(outDir), force);

    /// <exception cref="OutputException">The folder exists and is not empty (without <see cref="SensitivitySetup.Force"/>, or not a sensitivity folder), or could not be written.</exception>
    public static RunOutput Write(SensitivityAnalysis analysis, SensitivitySetup setup, string outDir)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(setup);
        string target = Target(outDir);
        CheckTarget(target, setup.Force);
        var files = Files(setup);

        StagingFolder.Write(target, stage =>
        {
            AtomicFile.WriteText(stage.File(SensitivityCsv.FileName), w => SensitivityCsv.Write(analysis, w));
            AtomicFile.WriteText(stage.File(SensitivityMarkdown.FileName), w => w.Write(SensitivityMarkdown.Create(analysis, setup)));
            if (setup.Plots)
                foreach (var outcome in SensitivityOutcomes.All)
                {
                    string figure = FigureName(outcome);
                    string pngFile = stage.File(figure + ".png");
                    var (png, svg) = TornadoPlot.Render(analysis, outcome, TornadoPlot.Title(analysis, outcome), setup.Rows);
                    AtomicFile.WriteAllBytes(pngFile, png);
                    AtomicFile.WriteAllText(Path.Combine(stage.Path, figure + ".svg"), svg);
                }
            AtomicFile.WriteAllBytes(stage.File(SensitivityManifest.FileName), SensitivityManifest.Create(analysis, setup, files));
        },
        beforeCommit: () =>
        {
            if (Directory.Exists(target)) CheckTarget(target, setup.Force); // again: it may have filled while we ran
        });
        return new RunOutput(target, files);
    }

    /// <summary>A sensitivity folder: replaced with --force when it has a sensitivity manifest and holds only the files that manifest lists.</summary>
    private static readonly OutputTargetRules Rules = new()
    {
        Ours = OwnedFiles,
        FolderName = "a sensitivity folder",
        MarkerName = $"sensitivity {SensitivityManifest.FileName}",
    };

    /// <summary>The full path of <paramref name="outDir"/> without a trailing separator.</summary>
    /// <exception cref="OutputException">It is not a valid folder path, or a root.</exception>
    private static string Target(string outDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        string target;
        try
        {
            target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputException(outDir, $"'{outDir}' is not a valid folder path; choose another --out.", ex);
        }
        if (Path.GetDirectoryName(target) is null) throw new OutputException(target, $"Cannot write into '{target}'; choose a folder inside it with --out.");
        return target;
    }

    private static void CheckTarget(string target, bool force) => OutputTarget.Check(target, Rules, force);

    /// <summary>
    /// The files an earlier sensitivity analysis wrote into <paramref name="folder"/>, as its manifest lists them (the
    /// manifest included), or null when the folder has no sensitivity manifest. Anything else in the folder is the
    /// user's, and <c>--force</c> does not replace a folder that holds it.
    /// </summary>
    internal static IReadOnlyCollection<string>? OwnedFiles(string folder)
    {
        string manifest = Path.Combine(folder, SensitivityManifest.FileName);
        if (FileKinds.Of(manifest) != FileKind.Regular) return null;
        try
        {
            string text = File.ReadAllText(manifest);
            if (!text.Contains(SensitivityManifest.Format, StringComparison.Ordinal)) return null;
            var owned = new HashSet<string>(StringComparer.Ordinal) { SensitivityManifest.FileName };
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            OutputTarget.AddListedFiles(doc.RootElement, owned);
            return owned;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
