using BenchmarkDotNet.Attributes;
using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;
using ContentionSim.Core.Simulation;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Benchmarks;

/// <summary>
/// One activist update (every activist's rule, then the swap and the tallies) of a japan-2007-like
/// population after 20 ticks. Activist-ticks per second = Activists / Mean.
/// </summary>
[Config(typeof(ShortConfig))]
public class ActivistUpdateBenchmarks
{
    private ContentionModel _model = null!;

    [Params(100_000, 1_000_000)]
    public int Activists { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchScenarios.JapanLike(Activists, 1000);
        _model = new ContentionModel(scenario, new RunOptions { Threads = Threads, KeepSeries = false });
        _model.Run(20);
    }

    [Benchmark(Description = "activist update (1 tick)")]
    public void Update()
    {
        _model.RepeatActivistStep();
    }
}

/// <summary>Building the small-world network (degree 8, rewiring 0.1), and the whole initialisation (population, network, organizations).</summary>
[Config(typeof(ShortConfig))]
public class StartupBenchmarks
{
    private Scenario _scenario = null!;

    [Params(100_000, 1_000_000)]
    public int Activists { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = BenchScenarios.JapanLike(Activists, 1);

    [Benchmark(Description = "small-world network")]
    public SocialNetwork Network() => SocialNetwork.Build(_scenario.Network, [0, Activists], new Rng(7), Threads);

    [Benchmark(Description = "initialisation (population, network, organizations)")]
    public ContentionModel Initialise() => new(_scenario, new RunOptions { Threads = Threads, KeepSeries = false });
}

/// <summary>
/// A whole run of 100 ticks (initialisation included, no output kept) of the japan-2007 scenario
/// resized. Activist-ticks per second = 100 × Activists / Mean.
/// </summary>
[Config(typeof(ShortConfig))]
public class WholeRunBenchmarks
{
    public const int Ticks = 100;

    private Scenario _scenario = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Activists { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = BenchScenarios.JapanLike(Activists, Ticks);

    [Benchmark(Description = "whole run, 100 ticks")]
    public int Run() => Simulator.Run(_scenario, new RunOptions { Threads = Threads, KeepSeries = false }).TicksRun;
}

/// <summary>
/// Per-tick output: timeseries.csv of a 1,000-tick run written from the kept series, and the same
/// rows written as each tick happens (the run with a row writer on OnTick, series not kept).
/// </summary>
[Config(typeof(ShortConfig))]
public class CsvOutputBenchmarks
{
    private RunResult _run = null!;
    private Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BenchScenarios.JapanLike(10_000, 1000);
        _run = Simulator.Run(_scenario, new RunOptions { Threads = 1 });
    }

    [Benchmark(Description = "timeseries.csv of 1,000 ticks (RunCsv)")]
    public long WriteTimeseries()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, leaveOpen: true)) RunCsv.WriteTimeseries(_run, writer);
        return stream.Length;
    }

    [Benchmark(Description = "1,000-tick run at 10,000 activists, a row written each tick")]
    public long RunWithStreamedRows()
    {
        using var writer = new StreamWriter(Stream.Null);
        var csv = new CsvWriter(writer);
        csv.Header(["tick", "stage", "active", "participation", "mean_grievance"]);
        Simulator.Run(_scenario, new RunOptions
        {
            Threads = 1,
            KeepSeries = false,
            OnTick = o =>
            {
                csv.Field(o.Tick).Field((int)o.Stage).Field(o.Active).Field(o.Participation).Field(o.MeanGrievance);
                csv.EndRow();
            },
        });
        return csv.Rows;
    }
}

/// <summary>This machine's memory bandwidth, STREAM-like: 1 GiB read, and copied (read + write), on one thread and on all cores.</summary>
[Config(typeof(ShortConfig))]
public class MemoryBandwidthBenchmarks
{
    private long[] _a = [], _b = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = new long[(1 << 30) / sizeof(long)];
        _b = new long[_a.Length];
        Array.Fill(_a, 1);
        Array.Fill(_b, 2);
    }

    [Benchmark(Description = "read 1 GiB")]
    public void Read() => MemoryBandwidth.Read(_a, Threads);

    [Benchmark(Description = "copy 1 GiB (2 GiB moved)")]
    public void Copy() => MemoryBandwidth.Copy(_a, _b, Threads);
}
