using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Sweeps;
using ContentionSim.Reporting;
using ContentionSim.Tests.Shared;
using CsCheck;
using Xunit.Abstractions;

namespace ContentionSim.Experiments.Tests;

/// <summary>
/// Property-based fuzzing (CsCheck) of the sweep-folder readers (issue 17): a finished sweep folder with 1–4 kinds of
/// damage in manifest.json or runs.csv is, for plot and report (<see cref="SweepData.Load"/>), either read — with
/// every record agreeing with the grid and every metric finite — or refused with a <see cref="SweepFolderException"/>;
/// and for a resume (<see cref="SweepRunLog.Open"/>) either opened or refused the same way. Anything else fails and
/// prints the seed and the mutations. CI runs a fixed seed and number of cases; CONTENTIONSIM_FUZZ_CASES and
/// CONTENTIONSIM_FUZZ_SEED run longer or other ones.
/// </summary>
public sealed class SweepFolderFuzzTests(ITestOutputHelper log) : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Files = ["manifest.json", "runs.csv"];

    [Fact]
    public void A_damaged_sweep_folder_is_read_or_refused_with_a_message_never_anything_else()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.None);
        string template = _dir.Combine("template");
        var result = SweepSession.Run(setup, template, new SweepSessionOptions { Execution = new BatchOptions { Parallel = 1 }, Plots = false, GitCommit = "test" });
        Assert.True(result.Complete);
        var keys = setup.Plan.Grid.Factors.Select(f => f.Key).ToArray();
        int read = 0, refused = 0, n = 0;
        FolderMutation.Many(Files.Length).Sample(mutations =>
        {
            string dir = _dir.Combine($"case-{Interlocked.Increment(ref n)}");
            Directory.CreateDirectory(dir);
            foreach (var f in Files) File.Copy(Path.Combine(template, f), Path.Combine(dir, f));
            foreach (var m in mutations) m.Apply(Path.Combine(dir, Files[m.File]));
            try
            {
                try
                {
                    var data = SweepData.Load(dir);
                    Assert.All(data.Records, r =>
                    {
                        Assert.Null(SweepRunsCsv.Contradiction(r, data.Grid));
                        Assert.All(r.Metrics, v => Assert.True(v is null || double.IsFinite(v.Value)));
                    });
                    _ = SweepSummary.Compute(data.Grid, data.Records);
                    read++;
                }
                catch (SweepFolderException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                    refused++;
                }
                try
                {
                    using var runLog = SweepRunLog.Open(Path.Combine(dir, "runs.csv"), keys);
                }
                catch (SweepFolderException) { }
                catch (OutputException) { }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }, seed: FolderMutation.Seed, iter: FolderMutation.Cases(150), threads: 1,
           print: ms => string.Join("; ", ms.Select(m => m.ToString())));
        log.WriteLine($"seed {FolderMutation.Seed}: {read + refused} damaged sweep folders, {read} read, {refused} refused with a message");
        Assert.True(refused > 0, "no mutation was refused: the fuzzer does not reach the checks");
    }
}
