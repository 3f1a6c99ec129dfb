using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>Reading a sweep folder back.</summary>
public sealed class SweepDataTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_folder_reads_back_sorted_by_run_with_the_axes_of_the_manifest()
    {
        var setup = SweepTestSupport.Setup(SweepTestSupport.Plan(1));
        SweepManifest.Write(_dir.Combine(SweepManifest.FileName), setup, SweepManifest.Running, 0, 0, null);
        using (var log = SweepRunLog.Open(_dir.Combine(SweepRunsCsv.FileName), ["state.openness", "transnational.alliance_probability"]))
        {
            log.Append(SweepTestSupport.Record(5, 5, 0, ["0.9", "0.5"], 0.3, 1));
            log.Append(SweepTestSupport.Record(2, 2, 0, ["0.5", "0"], 0.2, 1, failed: true));
        }
        var data = SweepData.Load(_dir.Path);
        Assert.Equal([2L, 5L], data.Records.Select(r => r.Run));
        Assert.Single(data.Finished);
        Assert.Equal(0, data.XFactor);
        Assert.Equal(1, data.LinesFactor);
        Assert.Equal(2, data.LevelOf(data.Records[1], 0));
        Assert.Equal(1, data.LevelOf(data.Records[1], 1));
        Assert.Null(data.Series(5));
    }

    [Fact]
    public void Runs_of_another_sweep_or_no_runs_are_refused()
    {
        SweepManifest.Write(_dir.Combine(SweepManifest.FileName), SweepTestSupport.Setup(), SweepManifest.Running, 0, 0, null);
        Assert.Contains("no run yet", Assert.Throws<SweepFolderException>(() => SweepData.Load(_dir.Path)).Message);
        File.WriteAllText(_dir.Combine(SweepRunsCsv.FileName), SweepRunsCsv.HeaderLine(["state.responsiveness"]));
        Assert.Contains("the manifest says", Assert.Throws<SweepFolderException>(() => SweepData.Load(_dir.Path)).Message);
    }
}
