using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>The compact, gzip-compressed per-tick series of a sweep run.</summary>
public sealed class SweepSeriesTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_wave_series_is_written_compressed_and_read_back()
    {
        var result = TestRuns.Sample(movements: 2);
        string path = _dir.Combine(SweepSeries.FileName(12));
        SweepSeries.Write(path, result);
        var ticks = SweepSeries.Read(path);
        Assert.Equal(TestRuns.Ticks, ticks.Count); // the wave only
        Assert.Equal(Stage.ConflictAndDiffusion, ticks[15].Stage);
        Assert.Equal(1, ticks[15].Cycle);
        Assert.Equal(Math.Round(TestRuns.ParticipationAt(45), 6), ticks[45].Participation, 9);
        Assert.Equal([0x1F, 0x8B], File.ReadAllBytes(path).Take(2)); // gzip
        Assert.True(new FileInfo(path).Length < 4000, $"{new FileInfo(path).Length} bytes for {TestRuns.Ticks} ticks");
    }

    [Fact]
    public void File_names_carry_the_run_index()
    {
        Assert.Equal("run-000042.csv.gz", SweepSeries.FileName(42));
        Assert.Equal(42, SweepSeries.RunOf("series/run-000042.csv.gz"));
        Assert.Equal(12345678, SweepSeries.RunOf(SweepSeries.FileName(12345678)));
        Assert.Null(SweepSeries.RunOf("notes.txt"));
    }

    [Fact]
    public void A_file_that_is_not_a_series_is_refused()
    {
        string path = _dir.Combine("bad.csv.gz");
        File.WriteAllText(path, "not gzip");
        Assert.Throws<SweepFolderException>(() => SweepSeries.Read(path));
    }
}
