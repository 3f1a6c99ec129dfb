using ContentionSim.Reporting;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>A sweep folder read back: its manifest, its run records (sorted by run index) and access to its series.</summary>
public sealed class SweepData
{
    public SweepData(string folder, SweepManifestData manifest, IReadOnlyList<SweepRunRecord> records)
    {
        Folder = folder ?? throw new ArgumentNullException(nameof(folder));
        Manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        ArgumentNullException.ThrowIfNull(records);
        Records = records.Where(r => r.Point >= 0 && r.Point < manifest.Grid.PointCount).OrderBy(r => r.Run).ToArray();
        XFactor = Grid.FactorIndex(manifest.Plots.X);
        LinesFactor = Grid.FactorIndex(manifest.Plots.Lines);
        if (LinesFactor == XFactor) LinesFactor = -1;
    }

    public string Folder { get; }
    public SweepManifestData Manifest { get; }
    public SweepGrid Grid => Manifest.Grid;
    public IReadOnlyList<SweepRunRecord> Records { get; }

    /// <summary>Index of the factor on the x axis, or −1 when nothing is varied.</summary>
    public int XFactor { get; }

    /// <summary>Index of the factor drawn as lines, or −1.</summary>
    public int LinesFactor { get; }

    /// <summary>Reads a sweep folder: manifest.json and runs.csv.</summary>
    /// <exception cref="SweepFolderException">The folder is not a sweep folder, or its files do not agree.</exception>
    public static SweepData Load(string folder)
    {
        var manifest = SweepManifest.Read(Path.Combine(folder, SweepManifest.FileName));
        string runs = Path.Combine(folder, SweepRunsCsv.FileName);
        if (!File.Exists(runs)) throw new SweepFolderException(runs, "does not exist: the sweep recorded no run yet");
        var (keys, records) = SweepRunLog.Read(runs);
        var expected = manifest.Grid.Factors.Select(f => f.Key).ToArray();
        if (!keys.SequenceEqual(expected, StringComparer.Ordinal))
            throw new SweepFolderException(runs, $"varies {string.Join(", ", keys)}, but the manifest says {string.Join(", ", expected)}");
        CheckAgainstGrid(runs, records, manifest.Grid);
        return new SweepData(folder, manifest, records);
    }

    /// <summary>Every row must be the run its index says: a contradiction is refused, not counted under the wrong point.</summary>
    /// <exception cref="SweepFolderException">A row contradicts the grid.</exception>
    public static void CheckAgainstGrid(string runsPath, IEnumerable<SweepRunRecord> records, SweepGrid grid)
    {
        var problems = records.Select(r => SweepRunsCsv.Contradiction(r, grid)).OfType<string>().ToList();
        if (problems.Count > 0)
            throw new SweepFolderException(runsPath,
                $"has {problems.Count:N0} row{(problems.Count == 1 ? "" : "s")} that contradict the sweep's grid ({string.Join("; ", problems.Take(3))}{(problems.Count > 3 ? "; …" : "")}): " +
                "it was edited or mixed with another sweep's rows. Remove those rows (they run again on --resume), or run the sweep again into a new --out");
    }

    /// <summary>The level of factor <paramref name="factor"/> at a record's point (0 when the factor is −1).</summary>
    public int LevelOf(SweepRunRecord record, int factor) => factor < 0 ? 0 : Grid.LevelsOf(record.Point)[factor];

    /// <summary>The finished (not failed) runs.</summary>
    public IEnumerable<SweepRunRecord> Finished => Records.Where(r => !r.Failed);

    /// <summary>The compact series of <paramref name="run"/>, or null when it was not kept.</summary>
    public IReadOnlyList<SeriesTick>? Series(long run)
    {
        string path = Path.Combine(Folder, SweepSeries.FolderName, SweepSeries.FileName(run));
        return File.Exists(path) ? SweepSeries.Read(path) : null;
    }
}
