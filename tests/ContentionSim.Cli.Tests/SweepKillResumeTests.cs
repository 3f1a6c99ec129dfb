using System.Diagnostics;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// A sweep killed mid-way (the process, not a Ctrl-C) and resumed loses and duplicates nothing:
/// its runs.csv, sorted by run index and without timings, equals that of an uninterrupted sweep.
/// </summary>
public sealed class SweepKillResumeTests : IDisposable
{
    private const int Runs = 240;
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Sweep = """
        name: kill-me
        base: medium.yaml
        master_seed: 31
        replications: 24
        vary:
          state.openness: {from: 0.05, to: 0.95, count: 10}
        """;

    /// <summary>The same, as a sampled design: a Latin hypercube of 60 points over two ranges.</summary>
    private const string SampledSweep = """
        name: kill-me
        base: medium.yaml
        master_seed: 31
        replications: 4
        design:
          kind: latin_hypercube
          points: 60
          ranges:
            state.openness: [0.05, 0.95]
            state.repression_propensity: [0.2, 0.8]
        """;

    [Trait("Category", "Process")]
    [Fact]
    public void A_killed_sweep_resumes_without_losing_or_duplicating_a_run() => KillAndResume(Sweep);

    [Trait("Category", "Process")]
    [Fact]
    public void A_killed_sampled_sweep_resumes_without_losing_or_duplicating_a_run() => KillAndResume(SampledSweep);

    private void KillAndResume(string sweepText)
    {
        _cli.Write("medium.yaml", CliHarness.SmallScenario.Replace("count: 300", "count: 800").Replace("ticks: 60", "ticks: 120"));
        var sweep = _cli.Write("kill-me.yaml", sweepText);
        string killed = _cli.PathOf("killed");
        string runsCsv = Path.Combine(killed, "runs.csv");

        // Start the real command line in its own process and kill it once some runs are recorded.
        string dll = Path.Combine(AppContext.BaseDirectory, "contentionsim.dll");
        Assert.True(File.Exists(dll), $"{dll} not found");
        var start = new ProcessStartInfo(DotnetHost(), [dll, "sweep", sweep, "--out", killed, "--parallel", "2", "--no-plots"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _cli.Root,
        };
        int recordedAtKill;
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (RecordedRows(runsCsv) < 30 && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
            Assert.False(process.HasExited, $"the sweep ended (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            recordedAtKill = RecordedRows(runsCsv);
        }
        Assert.InRange(recordedAtKill, 30, Runs - 1);
        var manifest = CliHarness.ReadJson(Path.Combine(killed, "manifest.json"));
        Assert.Equal("running", manifest.GetProperty("state").GetProperty("state").GetString()); // it never got to say otherwise
        Assert.False(File.Exists(Path.Combine(killed, "summary.csv")));
        // Make the worst case certain: a write torn by the kill leaves half a line.
        File.AppendAllText(runsCsv, "999,9,2,123456,ok,0.5,1,1,0,0.2");

        var (code, output, error) = _cli.Run("sweep", sweep, "--out", killed, "--parallel", "2", "--no-plots", "--resume");
        Assert.True(code == 0, error);
        Assert.Contains("cut off an incomplete last line", output);
        Assert.Contains($"({recordedAtKill} were recorded before)", output);

        string whole = _cli.PathOf("whole");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", whole, "--parallel", "2", "--no-plots").Code);

        var resumed = SweepTestFiles.Comparable(runsCsv);
        Assert.Equal(Runs + 1, resumed.Length);
        Assert.Equal(SweepTestFiles.Comparable(Path.Combine(whole, "runs.csv")), resumed);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "summary.csv")), File.ReadAllText(Path.Combine(killed, "summary.csv")));
    }

    /// <summary>Complete data lines in runs.csv (0 if it does not exist yet).</summary>
    private static int RecordedRows(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            int newlines = 0, b;
            while ((b = stream.ReadByte()) >= 0) if (b == '\n') newlines++;
            return Math.Max(0, newlines - 1);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The dotnet host running the tests, to start contentionsim.dll with.</summary>
    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath;
        return path is not null && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? path : "dotnet";
    }
}
