using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Text;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>runs.csv as a durable log: appends, reopening, torn last lines, foreign files.</summary>
public sealed class SweepRunLogTests : IDisposable
{
    private static readonly string[] Keys = ["state.openness"];
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string RunsPath => _dir.Combine("runs.csv");

    [Fact]
    public void A_new_log_has_the_header_and_appended_rows_survive_reopening()
    {
        using (var log = SweepRunLog.Open(RunsPath, Keys))
        {
            Assert.Empty(log.Recorded);
            log.Append(SweepTestSupport.Record(3, 0, 1, ["0.1"], 0.2, 1));
            log.Append(SweepTestSupport.Record(1, 1, 0, ["0.9"], 0.3, 2));
            Assert.Equal(2, log.Appended);
        }
        Assert.Equal(SweepRunsCsv.HeaderLine(Keys), File.ReadLines(RunsPath).First() + "\n");
        using var again = SweepRunLog.Open(RunsPath, Keys);
        Assert.Equal([3L, 1L], again.Recorded.Select(r => r.Run));
        Assert.Equal(0, again.TornBytes);
    }

    [Fact]
    public void A_torn_last_line_is_cut_off_and_its_run_is_not_recorded()
    {
        using (var log = SweepRunLog.Open(RunsPath, Keys))
            log.Append(SweepTestSupport.Record(0, 0, 0, ["0.1"], 0.2, 1));
        string partial = SweepRunsCsv.Line(SweepTestSupport.Record(1, 1, 0, ["0.9"], 0.3, 2))[..25];
        File.AppendAllText(RunsPath, partial);

        var (_, read) = SweepRunLog.Read(RunsPath); // reading alone ignores it
        Assert.Single(read);
        using (var log = SweepRunLog.Open(RunsPath, Keys))
        {
            Assert.Equal(25, log.TornBytes);
            Assert.Equal([0L], log.Recorded.Select(r => r.Run));
            log.Append(SweepTestSupport.Record(1, 1, 0, ["0.9"], 0.3, 2));
        }
        var lines = File.ReadAllLines(RunsPath);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,1,0,", lines[2]);
    }

    [Fact]
    public void A_file_without_even_its_header_starts_again()
    {
        File.WriteAllText(RunsPath, "run,poi");
        using var log = SweepRunLog.Open(RunsPath, Keys);
        Assert.Empty(log.Recorded);
        log.Append(SweepTestSupport.Record(0, 0, 0, ["0.1"], 0.2, 1));
        log.Dispose();
        Assert.Equal(2, File.ReadAllLines(RunsPath).Length);
    }

    [Fact]
    public void Another_sweeps_file_or_a_damaged_row_is_refused()
    {
        File.WriteAllText(RunsPath, SweepRunsCsv.HeaderLine(["state.responsiveness"]));
        var e = Assert.Throws<SweepFolderException>(() => SweepRunLog.Open(RunsPath, Keys));
        Assert.Contains("another sweep", e.Message);

        File.WriteAllText(RunsPath, SweepRunsCsv.HeaderLine(Keys) + "garbage,line\n");
        Assert.Contains("line 2", Assert.Throws<SweepFolderException>(() => SweepRunLog.Open(RunsPath, Keys)).Message);
    }

    [Fact]
    public void Duplicated_runs_count_once()
    {
        var line = SweepRunsCsv.Line(SweepTestSupport.Record(0, 0, 0, ["0.1"], 0.2, 1));
        File.WriteAllText(RunsPath, SweepRunsCsv.HeaderLine(Keys) + line + line);
        using var log = SweepRunLog.Open(RunsPath, Keys);
        Assert.Single(log.Recorded);
        Assert.Equal(1, log.Duplicates);
    }

    [Fact]
    public void Appends_from_many_threads_are_whole_lines()
    {
        using (var log = SweepRunLog.Open(RunsPath, Keys))
            Parallel.For(0, 200, i => log.Append(SweepTestSupport.Record(i, i % 3, i / 3, ["0.5"], i / 1000.0, i % 4)));
        var (_, records) = SweepRunLog.Read(RunsPath);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), records.Select(r => r.Run).Order());
        Assert.DoesNotContain("\r", File.ReadAllText(RunsPath, Encoding.UTF8));
    }

    [Fact]
    public void A_record_with_the_wrong_number_of_values_is_refused()
    {
        using var log = SweepRunLog.Open(RunsPath, Keys);
        Assert.Throws<ArgumentException>(() => log.Append(SweepTestSupport.Record(0, 0, 0, ["a", "b"], 0, 0)));
    }
}
