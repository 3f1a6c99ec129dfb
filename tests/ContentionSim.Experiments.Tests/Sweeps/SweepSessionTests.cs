using System.Globalization;
using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>A sweep into a folder: fresh, complete, interrupted and resumed, or refused.</summary>
public sealed class SweepSessionTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SweepSessionOptions Quiet => new() { Execution = new BatchOptions { Parallel = 2 }, Plots = false, GitCommit = "test" };

    private static string State(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, SweepManifest.FileName))).RootElement.GetProperty("state").GetProperty("state").GetString()!;

    [Fact]
    public void A_complete_sweep_writes_sorted_runs_summary_and_manifest()
    {
        string folder = _dir.Combine("out");
        var result = SweepSession.Run(SweepTestSupport.Setup(series: SeriesMode.None), folder, Quiet);
        Assert.True(result.Complete);
        Assert.False(result.Interrupted);
        Assert.Equal(18, result.Ran);
        Assert.Equal(18, result.RecordedTotal);
        Assert.Equal(0, result.FailedTotal);
        var runs = File.ReadAllLines(Path.Combine(folder, SweepRunsCsv.FileName)).Skip(1).Select(l => long.Parse(l[..l.IndexOf(',')], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 18).Select(i => (long)i), runs); // sorted by run index once complete
        Assert.Equal(7, File.ReadAllLines(Path.Combine(folder, SweepSummary.FileName)).Length);
        Assert.Equal("complete", State(folder));
        Assert.Contains(result.Files, f => f.Name == SweepSummary.FileName);
        Assert.False(Directory.Exists(Path.Combine(folder, SweepReport.PlotsFolder)));
    }

    [Fact]
    public void A_folder_with_a_sweep_is_not_overwritten_without_resume()
    {
        string folder = _dir.Combine("out");
        SweepSession.Run(SweepTestSupport.Setup(SweepTestSupport.Plan(1), SeriesMode.None), folder, Quiet);
        var e = Assert.Throws<SweepFolderException>(() => SweepSession.Run(SweepTestSupport.Setup(SweepTestSupport.Plan(1), SeriesMode.None), folder, Quiet));
        Assert.Contains("--resume", e.Message);
        string other = _dir.Combine("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        Assert.Throws<SweepFolderException>(() => SweepSession.Run(SweepTestSupport.Setup(), other, Quiet));
        Assert.Throws<SweepFolderException>(() => SweepSession.Run(SweepTestSupport.Setup(), other, Quiet with { Resume = true }));
    }

    [Fact]
    public void An_interrupted_sweep_resumes_to_the_same_runs_as_an_uninterrupted_one()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.Extremes);
        string whole = _dir.Combine("whole");
        SweepSession.Run(setup, whole, Quiet);

        string folder = _dir.Combine("interrupted");
        using var cancel = new CancellationTokenSource();
        var first = SweepSession.Run(setup, folder, Quiet with { Execution = new BatchOptions { Parallel = 2, Cancellation = cancel.Token, Progress = p => { if (p.Done >= 7) cancel.Cancel(); } } });
        Assert.True(first.Interrupted);
        Assert.Equal("interrupted", State(folder));
        Assert.False(File.Exists(Path.Combine(folder, SweepSummary.FileName)));

        long toDo = -1;
        var second = SweepSession.Run(setup, folder, Quiet with { Resume = true, Starting = n => toDo = n });
        Assert.True(second.Complete);
        Assert.Equal(first.RecordedTotal, second.AlreadyRecorded);
        Assert.Equal(18 - first.RecordedTotal, toDo);
        Assert.Equal(18, second.RecordedTotal);
        Assert.Equal(SweepTestSupport.Comparable(Path.Combine(whole, SweepRunsCsv.FileName)), SweepTestSupport.Comparable(Path.Combine(folder, SweepRunsCsv.FileName)));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, SweepSummary.FileName)), File.ReadAllText(Path.Combine(folder, SweepSummary.FileName)));
        Assert.Equal(Directory.GetFiles(Path.Combine(whole, SweepSeries.FolderName)).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(folder, SweepSeries.FolderName)).Select(Path.GetFileName).Order());

        // Resuming a complete sweep does nothing.
        var third = SweepSession.Run(setup, folder, Quiet with { Resume = true });
        Assert.Equal(0, third.Ran);
        Assert.True(third.Complete);
    }

    [Fact]
    public void Resuming_with_a_different_sweep_is_refused_with_the_reason()
    {
        string folder = _dir.Combine("out");
        SweepSession.Run(SweepTestSupport.Setup(SweepTestSupport.Plan(1), SeriesMode.None), folder, Quiet);
        var e = Assert.Throws<SweepMismatchException>(() =>
            SweepSession.Run(SweepTestSupport.Setup(SweepTestSupport.Plan(2), SeriesMode.None), folder, Quiet with { Resume = true }));
        Assert.Contains("replications differ (1 recorded, 2 now)", e.Message);
    }

    [Fact]
    public void Resume_without_anything_recorded_starts_and_failures_are_counted()
    {
        var setup = SweepTestSupport.Setup(SweepTestSupport.Plan(1), SeriesMode.None);
        var result = SweepSession.Run(setup, _dir.Combine("new"), Quiet with { Resume = true, Execution = new BatchOptions { Parallel = 2, Simulate = SweepTestSupport.FailingFor(setup.Plan, 2) } });
        Assert.Contains(result.Notes, n => n.Contains("nothing to resume"));
        Assert.True(result.Complete);
        Assert.Equal(1, result.FailedTotal);
        var summary = File.ReadAllLines(_dir.Combine("new", SweepSummary.FileName));
        Assert.Equal("1", summary[3].Split(',')[4]); // point 2: failed = 1
    }
}
