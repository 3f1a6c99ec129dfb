// ContentionSim benchmarks. From the repository root:
//
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- --filter '*'     BenchmarkDotNet, every benchmark
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- --filter '*ActivistUpdate*'
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- scaling [REPETITIONS] [TICKS]
//        scaling study: bench/results/scaling.csv and docs/img/scaling.png, fitted exponents
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- bandwidth       this machine's memory bandwidth
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- cores           whether two threads get two cores' arithmetic (no shared data)
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- stream          the update's memory traffic without its arithmetic
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- measure ACTIVISTS TICKS THREADS [key=value ...]
//        one run in this process: start-up, ticks, peak working set (a CSV line)
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- profile [ACTIVISTS] [TICKS] [THREADS] [key=value ...]
//        time per layer and phase of a tick, allocated bytes per tick
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- ab ACTIVISTS THREADS 1,0,1,0
//        vectorized against scalar tie counting, alternating blocks of ticks in one process
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- abnet ACTIVISTS THREADS [ROUNDS]
//        compact ties against compressed rows: two runs in one process, alternating blocks of ticks
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- abthreads ACTIVISTS [ROUNDS] [TICKS_PER_BLOCK] [key=value ...]
//        the same run on one thread and on two, alternating blocks of ticks in one process (speed-up under equal load)
//   dotnet run -c Release --project bench/ContentionSim.Benchmarks -- fingerprint     hashes of the shipped scenarios' runs (1 and 2 threads)
//
// The benchmarks run scenarios/japan-2007.yaml resized (BenchScenarios.JapanLike), so run them
// from inside the repository.
using BenchmarkDotNet.Running;
using ContentionSim.Benchmarks;
using ContentionSim.Scenarios;

string command = args.Length > 0 ? args[0] : "";
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
ContentionSim.Core.Parameters.Scenario Japan(int activists, int ticks, int overridesFrom)
{
    var scenario = BenchScenarios.JapanLike(activists, ticks);
    return args.Length > overridesFrom ? ScenarioLoader.ApplyOverrides(scenario, args.Skip(overridesFrom).ToArray()) : scenario;
}

switch (command)
{
    case "profile":
        LayerProfile.Run(Japan(Arg(1, 1_000_000), Arg(2, 50), 4), Arg(3, 1), Console.Out);
        return 0;

    case "ab":
    {
        var values = args[3].Split(',').Select(int.Parse).ToArray();
        var variants = values.Select(v => ($"simd ties {v != 0}", (Action)(() => ContentionSim.Core.Activists.ActivistKernel.UseSimdTies = v != 0))).ToList();
        AbTest.Run(Japan(Arg(1, 1_000_000), 100_000, 4), Arg(2, 1), variants, rounds: 10, ticksPerBlock: 3, Console.Out);
        return 0;
    }

    case "abnet":
    {
        var setups = new List<(string, Action, Action)>
        {
            ("compact ties", () => { }, () => { }),
            ("rows", () => ContentionSim.Core.Network.SocialNetwork.UseCompactTies = false, () => ContentionSim.Core.Network.SocialNetwork.UseCompactTies = true),
        };
        AbTest.RunSetups(Japan(Arg(1, 1_000_000), 100_000, 4), Arg(2, 1), setups, rounds: Arg(3, 10), ticksPerBlock: 5, Console.Out);
        return 0;
    }

    case "abthreads":
    {
        // The same run on one thread and on two, alternating blocks of ticks in one process: the
        // speed-up of two threads with both runs seeing the same load.
        var setups = new List<(string, int, Action, Action)> { ("1 thread", 1, () => { }, () => { }), ("2 threads", 2, () => { }, () => { }) };
        AbTest.RunSetups(Japan(Arg(1, 1_000_000), 100_000, 4), setups, rounds: Arg(2, 20), ticksPerBlock: Arg(3, 5), Console.Out);
        return 0;
    }

    case "scaling":
    {
        string root = BenchScenarios.RepositoryRoot;
        Directory.CreateDirectory(Path.Combine(root, "bench", "results"));
        Scaling.Run(Path.Combine(root, "bench", "results", "scaling.csv"), Path.Combine(root, "docs", "img", "scaling.png"),
            repetitions: Arg(1, 3), ticks: Arg(2, 200), Console.Out);
        return 0;
    }

    case "measure":
        Console.WriteLine(Measure.Header);
        Console.WriteLine(Measure.Run(Japan(Arg(1, 1_000_000), Arg(2, 100), 4), Arg(3, 1)));
        return 0;

    case "stream":
        foreach (int threads in new[] { 1, 2 })
            Console.WriteLine($"the update's memory traffic without its arithmetic, 1,000,000 activists of degree 8, {threads} thread(s): {StreamProbe.MillisecondsPerPass(1_000_000, 8, threads: threads):0.00} ms a pass");
        return 0;

    case "cores":
        CoreProbe.Run(Console.Out);
        return 0;

    case "bandwidth":
        foreach (var r in MemoryBandwidth.Measure())
            Console.WriteLine($"{r.Kernel,-22} {r.Threads} thread(s) {r.GigabytesPerSecond,8:0.0} GB/s");
        return 0;

    case "fingerprint":
        foreach (var file in new[] { "japan-2007", "open-pos", "boomerang", "wave", "granovetter" })
        {
            var scenario = ScenarioLoader.LoadFile(Path.Combine(BenchScenarios.RepositoryRoot, "scenarios", file + ".yaml"));
            Console.WriteLine($"{file,-14} {Fingerprint.Of(scenario, 1)} {Fingerprint.Of(scenario, 2)}");
        }
        foreach (var file in new[] { "japan-2007", "wave" })
        {
            var scenario = ScenarioLoader.LoadFile(Path.Combine(BenchScenarios.RepositoryRoot, "scenarios", file + ".yaml"));
            scenario = ScenarioLoader.ApplyOverrides(scenario, ["network.kind=random"]);
            Console.WriteLine($"{file + "-rnd",-14} {Fingerprint.Of(scenario, 1)} {Fingerprint.Of(scenario, 2)}");
        }
        var big = BenchScenarios.JapanLike(30_000, 300);
        Console.WriteLine($"{"japan-30k",-14} {Fingerprint.Of(big, 1)} {Fingerprint.Of(big, 2)}");
        return 0;

    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchScenarios).Assembly).Run(args);
        return 0;
}
