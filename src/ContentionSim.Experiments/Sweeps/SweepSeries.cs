using ContentionSim.Reporting;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>One tick of a run's compact series.</summary>
public readonly record struct SeriesTick(int Tick, Stage Stage, int Cycle, double Participation, double RadicalShare,
    double OutsidePressure, double EffectiveOpenness);

/// <summary>
/// The compact per-tick series a sweep keeps for some runs: <c>series/run-&lt;index&gt;.csv.gz</c>, the
/// wave only, seven columns (<see cref="Columns"/>), gzip-compressed (a 500-tick run takes a few kB).
/// Written atomically before the run's row is appended to runs.csv, so a recorded run's series is complete.
/// </summary>
public static partial class SweepSeries
{
    public const string FolderName = SweepFolderLayout.Series;

    /// <summary>The observables a series file keeps (after its key columns tick, stage and cycle).</summary>
    public static IReadOnlyList<Observable> Kept { get; } =
        [Observables.Participation, Observables.RadicalShare, Observables.OutsidePressure, Observables.EffectiveOpenness];

    /// <summary>Columns of a series file.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [RunCsv.TimeseriesKey.Tick, RunCsv.TimeseriesKey.Stage, RunCsv.TimeseriesKey.Cycle, .. Kept.Select(o => o.Name)];

    /// <summary>File name of run <paramref name="run"/>'s series.</summary>
    public static string FileName(long run) => $"run-{run.ToString("D6", CultureInfo.InvariantCulture)}.csv.gz";

    /// <summary>The run index of a series file name, or null.</summary>
    public static long? RunOf(string fileName)
    {
        var m = FileNamePattern().Match(Path.GetFileName(fileName));
        return m.Success && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long run) ? run : null;
    }

    /// <summary>Writes the wave's series of <paramref name="result"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.Write(path, stream =>
        {
            using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
            using var writer = new StreamWriter(gzip, AtomicFile.Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            var csv = new CsvWriter(writer);
            csv.Header(Columns);
            foreach (var o in result.Series)
            {
                if (o.Movement != TickObservation.WaveId) continue;
                csv.Field(o.Tick).Field((int)o.Stage).Field(o.Cycle);
                foreach (var kept in Kept) RunCsv.WriteValue(csv, kept, kept.Of(o.Values));
                csv.EndRow();
            }
            writer.Flush();
        });
    }

    /// <summary>Reads a series file.</summary>
    /// <exception cref="SweepFolderException">The file is not a series file.</exception>
    public static IReadOnlyList<SeriesTick> Read(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, AtomicFile.Utf8);
            string? header = reader.ReadLine();
            if (header != string.Join(',', Columns)) throw new SweepFolderException(path, "is not a series file (unexpected header)");
            var ticks = new List<SeriesTick>();
            while (reader.ReadLine() is string line)
            {
                if (line.Length == 0) continue;
                var f = line.Split(',');
                if (f.Length != Columns.Count) throw new SweepFolderException(path, $"has a row with {f.Length} fields");
                var values = new TickValues();
                for (int k = 0; k < Kept.Count; k++) values = Kept[k].With(values, Num(f[3 + k]));
                ticks.Add(new SeriesTick(Int(f[0]), (Stage)Int(f[1]), Int(f[2]), values.Participation, values.RadicalShare,
                    values.OutsidePressure, values.EffectiveOpenness));
            }
            return ticks;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new SweepFolderException(path, $"cannot be read: {e.Message}");
        }
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static double Num(string s) => s.Length == 0 ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^run-(\d+)\.csv\.gz$")]
    private static partial Regex FileNamePattern();
}
