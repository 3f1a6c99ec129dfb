using System.Globalization;
using ContentionSim.Experiments.Batches;
using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>
/// A sweep split into shards (<c>sweep --shard I/N</c>) and merged is the single-machine sweep: runs.csv
/// equal but for elapsed_ms, summary.csv, figures and series equal byte for byte; and shards that do not
/// make one complete sweep are refused with every reason.
/// </summary>
public sealed class SweepMergeTests : IDisposable
{
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SweepSessionOptions Quiet => new() { Execution = new BatchOptions { Parallel = 2 }, Plots = false, GitCommit = "test" };

    /// <summary>Runs every shard of <paramref name="n"/> into root/shard-I-of-N; returns root.</summary>
    private string RunShards(SweepSetup setup, int n, string name, SweepSessionOptions? options = null)
    {
        string root = _dir.Combine(name);
        for (int i = 0; i < n; i++)
        {
            var shard = new SweepShard(i, n);
            var result = SweepSession.Run(setup, Path.Combine(root, shard.FolderName), (options ?? Quiet) with { Shard = shard });
            Assert.True(result.Complete);
            Assert.Equal(shard.RunCount(setup.Plan.Grid.RunCount), result.Planned);
        }
        return root;
    }

    private static void AssertSameSweep(string whole, string merged, bool plots)
    {
        // runs.csv: the same rows in the same order, equal in every column but the wall-clock elapsed_ms.
        Assert.Equal(SweepTestSupport.Comparable(Path.Combine(whole, SweepRunsCsv.FileName)), SweepTestSupport.Comparable(Path.Combine(merged, SweepRunsCsv.FileName)));
        Assert.Equal(File.ReadAllLines(Path.Combine(whole, SweepRunsCsv.FileName)).Select(l => l[..l.LastIndexOf(',')]),
            File.ReadAllLines(Path.Combine(merged, SweepRunsCsv.FileName)).Select(l => l[..l.LastIndexOf(',')]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, SweepSummary.FileName)), File.ReadAllBytes(Path.Combine(merged, SweepSummary.FileName)));
        AssertSameFiles(Path.Combine(whole, SweepSeries.FolderName), Path.Combine(merged, SweepSeries.FolderName));
        if (plots) AssertSameFiles(Path.Combine(whole, SweepReport.PlotsFolder), Path.Combine(merged, SweepReport.PlotsFolder));
        else Assert.False(Directory.Exists(Path.Combine(merged, SweepReport.PlotsFolder)));
    }

    private static void AssertSameFiles(string a, string b)
    {
        Assert.Equal(Directory.Exists(a), Directory.Exists(b));
        if (!Directory.Exists(a)) return;
        var names = Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(b).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(a, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, name!))), $"{name} differs");
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Shards_of_any_N_merge_into_the_single_machine_sweep()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.Extremes); // 18 runs
        string whole = _dir.Combine("whole");
        SweepSession.Run(setup, whole, Quiet);

        foreach (int n in new[] { 1, 2, 3, 4, 5, 7, 17, 18, 25 })
        {
            string root = RunShards(setup, n, $"shards-{n}");
            // Together the shards' runs.csv hold every run exactly once.
            var runs = Directory.GetDirectories(root).SelectMany(d => File.ReadAllLines(Path.Combine(d, SweepRunsCsv.FileName)).Skip(1))
                .Select(l => long.Parse(l[..l.IndexOf(',')], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, 18).Select(i => (long)i), runs);
            // No summary or figures per shard: the merge writes them.
            Assert.All(Directory.GetDirectories(root), d => Assert.False(File.Exists(Path.Combine(d, SweepSummary.FileName))));

            string merged = _dir.Combine($"merged-{n}");
            var result = SweepMerge.Merge([root], merged, new SweepMergeOptions { Plots = false });
            Assert.Equal(n, result.ShardCount);
            Assert.Equal(18, result.Runs);
            Assert.Equal(0, result.Failed);
            AssertSameSweep(whole, merged, plots: false);
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_merge_draws_the_same_figures_and_its_manifest_says_where_it_came_from()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.Extremes);
        string whole = _dir.Combine("whole");
        SweepSession.Run(setup, whole, Quiet with { Plots = true });
        string root = RunShards(setup, 3, "shards");

        string merged = _dir.Combine("merged");
        var result = SweepMerge.Merge(Directory.GetDirectories(root).Reverse().ToArray(), merged); // any order of the folders
        Assert.Contains(result.Files, f => f.Name == "plots/stage-trace.png/.svg");
        AssertSameSweep(whole, merged, plots: true);

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, SweepManifest.FileName))).RootElement;
        Assert.Equal(setup.Fingerprint(), manifest.GetProperty("fingerprint").GetString());
        Assert.False(manifest.TryGetProperty("shard", out _));
        var state = manifest.GetProperty("state");
        Assert.Equal("complete", state.GetProperty("state").GetString());
        Assert.Equal(18, state.GetProperty("runs_recorded").GetInt64());
        Assert.Equal(18, state.GetProperty("runs_planned").GetInt64());
        var from = manifest.GetProperty(SweepMerge.MergedFromKey);
        Assert.Equal(3, from.GetProperty("count").GetInt32());
        Assert.Equal(["0/3", "1/3", "2/3"], from.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("shard").GetString()));
        Assert.Equal(6, from.GetProperty("shards")[1].GetProperty("runs").GetInt64());
        // The merged folder reads as a whole sweep (plot, report and resume work on it).
        var data = SweepData.Load(merged);
        Assert.Null(data.Manifest.Shard);
        Assert.Equal(18, data.Records.Count);
        var resumed = SweepSession.Run(setup, merged, Quiet with { Resume = true });
        Assert.True(resumed.Complete);
        Assert.Equal(0, resumed.Ran);
    }

    [Fact]
    public void A_shard_folder_records_its_shard_and_resumes_only_as_that_shard()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.None);
        string folder = _dir.Combine("s", "shard-1-of-4");
        using var cancel = new CancellationTokenSource();
        var first = SweepSession.Run(setup, folder, Quiet with
        {
            Shard = new SweepShard(1, 4),
            Execution = new BatchOptions { Parallel = 1, Cancellation = cancel.Token, Progress = p => { if (p.Done >= 2) cancel.Cancel(); } },
        });
        Assert.True(first.Interrupted);
        Assert.Equal(5, first.Planned); // places 1, 5, 9, 13, 17 of the 18 runs
        var manifest = SweepManifest.Read(Path.Combine(folder, SweepManifest.FileName));
        Assert.Equal(new SweepShard(1, 4), manifest.Shard);
        Assert.Equal(setup.Fingerprint(), manifest.Fingerprint);

        var other = Assert.Throws<SweepMismatchException>(() => SweepSession.Run(setup, folder, Quiet with { Resume = true, Shard = new SweepShard(2, 4) }));
        Assert.Contains("holds shard 1/4 of this sweep, not shard 2/4", other.Message);
        Assert.Throws<SweepMismatchException>(() => SweepSession.Run(setup, folder, Quiet with { Resume = true }));

        // The merge names the incomplete shard, its missing runs and the command that resumes it.
        for (int i = 0; i < 4; i++)
            if (i != 1) SweepSession.Run(setup, _dir.Combine("s", new SweepShard(i, 4).FolderName), Quiet with { Shard = new SweepShard(i, 4) });
        var incomplete = Assert.Throws<SweepMergeException>(() => SweepMerge.Merge([_dir.Combine("s")], _dir.Combine("merged")));
        var problem = Assert.Single(incomplete.Problems);
        Assert.Contains($"shard 1/4 in '{folder}' is incomplete: {5 - first.RecordedTotal} of its 5 runs are not recorded", problem);
        Assert.Contains($"contentionsim sweep tiny-sweep.yaml --shard 1/4 --out {_dir.Combine("s")} --series none --resume", problem);
        Assert.False(Directory.Exists(_dir.Combine("merged")));

        var second = SweepSession.Run(setup, folder, Quiet with { Resume = true, Shard = new SweepShard(1, 4) });
        Assert.True(second.Complete);
        Assert.Equal(first.RecordedTotal, second.AlreadyRecorded);
        string whole = _dir.Combine("whole");
        SweepSession.Run(setup, whole, Quiet);
        SweepMerge.Merge([_dir.Combine("s")], _dir.Combine("merged"), new SweepMergeOptions { Plots = false });
        AssertSameSweep(whole, _dir.Combine("merged"), plots: false);
    }

    [Fact]
    public void Missing_duplicated_and_foreign_shards_are_refused_with_every_reason_and_nothing_is_written()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.None);
        string root = RunShards(setup, 4, "four");
        string merged = _dir.Combine("merged");

        // Shards 0 and 2 only: 1 and 3 are missing, each with the command that runs it.
        var missing = Assert.Throws<SweepMergeException>(() =>
            SweepMerge.Merge([Path.Combine(root, "shard-0-of-4"), Path.Combine(root, "shard-2-of-4")], merged));
        Assert.Equal(2, missing.Problems.Count);
        Assert.Contains($"shard 1/4 is missing (5 runs); run it with: contentionsim sweep tiny-sweep.yaml --shard 1/4 --out {root} --series none --resume", missing.Problems[0]);
        Assert.StartsWith("shard 3/4 is missing (4 runs)", missing.Problems[1]);

        // The same shard twice (a copy).
        string copy = _dir.Combine("copy", "shard-2-of-4");
        CopyFolder(Path.Combine(root, "shard-2-of-4"), copy);
        var twice = Assert.Throws<SweepMergeException>(() => SweepMerge.Merge([root, copy], merged));
        Assert.Contains(twice.Problems, p => p.StartsWith("shard 2/4 is given twice", StringComparison.Ordinal));
        // The same folder named twice is one folder.
        SweepMerge.Merge([root, Path.Combine(root, "shard-2-of-4")], merged, new SweepMergeOptions { Plots = false });

        // A shard of another split of the same sweep.
        string three = RunShards(setup, 3, "three");
        var split = Assert.Throws<SweepMergeException>(() =>
            SweepMerge.Merge([Path.Combine(root, "shard-0-of-4"), Path.Combine(three, "shard-1-of-3")], _dir.Combine("m2")));
        Assert.Contains(split.Problems, p => p.Contains("split the sweep into 3 shards", StringComparison.Ordinal));

        // A shard of another sweep (another replication count: another fingerprint).
        string other = RunShards(SweepTestSupport.Setup(SweepTestSupport.Plan(replications: 2), SeriesMode.None), 4, "other");
        var foreign = Assert.Throws<SweepMergeException>(() =>
            SweepMerge.Merge([Path.Combine(root, "shard-0-of-4"), Path.Combine(root, "shard-1-of-4"), Path.Combine(root, "shard-2-of-4"), Path.Combine(other, "shard-3-of-4")], _dir.Combine("m3")));
        Assert.Contains(foreign.Problems, p => p.Contains("is not a shard of the same sweep", StringComparison.Ordinal) && p.Contains("replications differ (2 and 3)", StringComparison.Ordinal));

        // A whole sweep is not a shard; a folder without shards is neither.
        string whole = _dir.Combine("whole");
        SweepSession.Run(setup, whole, Quiet);
        Assert.Contains("holds a whole sweep, not a shard", Assert.Single(Assert.Throws<SweepMergeException>(() => SweepMerge.Merge([whole], _dir.Combine("m4"))).Problems));
        Directory.CreateDirectory(_dir.Combine("empty"));
        Assert.Contains("neither a shard folder", Assert.Single(Assert.Throws<SweepMergeException>(() => SweepMerge.Merge([_dir.Combine("empty")], _dir.Combine("m5"))).Problems));
        foreach (var m in new[] { "m2", "m3", "m4", "m5" }) Assert.False(Directory.Exists(_dir.Combine(m)));
        Assert.DoesNotContain(Directory.GetDirectories(_dir.Path), d => d.Contains(".partial-", StringComparison.Ordinal));
    }

    [Fact]
    public void Failed_runs_are_merged_with_their_errors_and_counted()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.None);
        var failing = Quiet with { Execution = Quiet.Execution with { Simulate = SweepTestSupport.FailingFor(setup.Plan, 4, 11) } };
        string whole = _dir.Combine("whole");
        SweepSession.Run(setup, whole, failing);
        string root = RunShards(setup, 4, "shards", failing);

        var result = SweepMerge.Merge([root], _dir.Combine("merged"), new SweepMergeOptions { Plots = false });
        Assert.Equal(2, result.Failed);
        AssertSameSweep(whole, _dir.Combine("merged"), plots: false);
    }

    [Fact]
    public void The_output_is_replaced_when_it_holds_the_same_sweep_and_otherwise_only_with_force()
    {
        var setup = SweepTestSupport.Setup(series: SeriesMode.None);
        string root = RunShards(setup, 2, "shards");
        string merged = _dir.Combine("merged");
        SweepMerge.Merge([root], merged, new SweepMergeOptions { Plots = false });
        var again = SweepMerge.Merge([root], merged, new SweepMergeOptions { Plots = false });
        Assert.Contains(again.Notes, n => n.Contains("replaced the earlier result of this same sweep", StringComparison.Ordinal));

        string otherSweep = _dir.Combine("other");
        SweepSession.Run(SweepTestSupport.Setup(SweepTestSupport.Plan(1), SeriesMode.None), otherSweep, Quiet);
        Assert.Contains("holds another sweep; use --force", Assert.Throws<OutputException>(() => SweepMerge.Merge([root], otherSweep)).Message);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(otherSweep, SweepRunsCsv.FileName)).Length); // untouched
        SweepMerge.Merge([root], otherSweep, new SweepMergeOptions { Plots = false, Force = true });
        Assert.Equal(19, File.ReadAllLines(Path.Combine(otherSweep, SweepRunsCsv.FileName)).Length);

        string notes = _dir.Combine("notes");
        Directory.CreateDirectory(notes);
        File.WriteAllText(Path.Combine(notes, "mine.txt"), "keep");
        Assert.Throws<OutputException>(() => SweepMerge.Merge([root], notes, new SweepMergeOptions { Force = true }));
        Assert.True(File.Exists(Path.Combine(notes, "mine.txt")));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
