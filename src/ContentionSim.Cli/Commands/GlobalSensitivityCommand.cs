using System.Diagnostics;
using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Methods;
using Observables = ContentionSim.Experiments.Methods.Observables;
using Observable = ContentionSim.Experiments.Methods.Observable;
using ContentionSim.Experiments.Sensitivity;
using ContentionSim.Reporting;
using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Commands;

/// <summary>What <c>contentionsim sensitivity --method morris|sobol|global</c> was asked for.</summary>
internal sealed record GlobalSensitivityRequest(
    string Method,
    ScenarioInput Input,
    SensitivityCatalog Catalog,
    double Delta,
    GlobalSensitivityOptions Options,
    IReadOnlyList<Observable> Outcomes,
    string Target,
    bool Force,
    bool Plots,
    bool List,
    int Parallel,
    string CommandLine)
{
    /// <summary>The job-array task this process is (<c>--shard I/N</c>), or null for the whole analysis.</summary>
    public AnalysisShard? Shard { get; init; }
}

/// <summary>
/// The global methods of <c>contentionsim sensitivity</c>: <c>morris</c> (screening only), <c>sobol</c>
/// (Sobol indices of every factor, no screening) and <c>global</c> (Morris screening, then Sobol indices of the
/// factors that matter). The runs go through the batch runner, one resumable stage folder per design.
/// </summary>
internal static class GlobalSensitivityCommand
{
    public static int Execute(CliConsole console, GlobalSensitivityRequest q, Func<Scenario, RunOptions, RunResult>? simulate)
    {
        var scenario = q.Input.Scenario;
        var (factors, catalog) = GlobalFactors.Of(scenario, q.Catalog, q.Delta, s => ScenarioValidator.Validate(s).Select(d => $"{d.Path}: {d.Message}").ToArray());
        if (q.List)
        {
            console.Out.WriteLine($"{factors.Count} parameters varied over [low, high]:");
            foreach (var f in factors) console.Out.WriteLine($"  {f.Name,-52} {f.Parameter.Varied,-22} [{GlobalSensitivityWriter.F(f.Low)}, {GlobalSensitivityWriter.F(f.High)}]");
            console.Out.WriteLine($"{catalog.Skipped.Count} left out:");
            foreach (var s in catalog.Skipped) console.Out.WriteLine($"  {s.Path,-52} {s.Explanation}");
            return ExitCodes.Ok;
        }
        if (factors.Count == 0)
        {
            console.Error.WriteLine("error: no parameter can be varied (run with --list to see why).");
            return ExitCodes.BadInput;
        }
        if (q.Options.Sobol && !q.Options.Morris && 2 * factors.Count > ContentionSim.Methods.Designs.SobolSequence.MaxDimensions)
        {
            console.Error.WriteLine($"error: Sobol indices of {factors.Count} parameters need a {2 * factors.Count}-dimensional sequence, more than the {ContentionSim.Methods.Designs.SobolSequence.MaxDimensions} available; use --method global (screening first) or --only.");
            return ExitCodes.BadInput;
        }
        string fingerprint = $"sensitivity {q.Method} of {scenario.Name}: {Hash(Settings(q, factors))}";
        if (q.Shard is not null && q.Force)
        {
            console.Error.WriteLine("error: --force with --shard would let every task of the array delete the others' runs; start over by deleting the folder once, before submitting.");
            return ExitCodes.BadInput;
        }
        if (AnalysisFolder.Prepare(q.Target, fingerprint, q.Force, console.Error) is int refused) return refused;
        var options = new BatchOptions
        {
            Parallel = q.Parallel,
            Cancellation = console.Cancellation,
            Simulate = simulate,
            Check = s => ScenarioValidator.Validate(s).Select(d => $"{d.Path}: {d.Message}").ToArray(),
        };
        console.Out.WriteLine($"Global sensitivity ({q.Method}) of '{scenario.Name}': {factors.Count} parameters ±{(q.Delta * 100).ToString("0.##", CultureInfo.InvariantCulture)}%, " +
                              $"{q.Outcomes.Count} outcomes, {q.Options.Replicates} seeds per point, runs of {scenario.TotalActivists:N0} activists for {scenario.Ticks:N0} {scenario.TimeUnit}s. Runs in {q.Target}.");
        var clock = Stopwatch.StartNew();
        if (q.Shard is not null)
            console.Out.WriteLine($"Task {q.Shard.Shard} of a job array ({q.Shard.Source}): of every stage, the runs with run mod {q.Shard.Shard.Count} = {q.Shard.Shard.Index}, then a wait for the other tasks.");
        var evaluate = AnalysisFolder.Recording(q.Target, BatchEvaluation.OnDisk(q.Target, options, AnalysisFolder.Progress(console, clock), q.Shard, line => console.Out.WriteLine("  " + line)));
        // An OutputException (the folder cannot be written) goes to the one exit-code map (CliErrors).
        var result = GlobalSensitivity.Run(scenario, factors, q.Outcomes, q.Options, scenario.Seed, evaluate, line => console.Out.WriteLine("  " + line));
        if (q.Shard is not null && (result is not null || q.Shard.WaitedOut))
            return AnalysisShardOptions.Finish(console, q.Shard, result is not null, AnalysisShardOptions.FinalCommand(q.CommandLine));
        if (result is null)
        {
            console.Error.WriteLine($"interrupted after {AnalysisFolder.Duration(clock.Elapsed)}; every finished run is kept in {q.Target}. Run the same command again to resume.");
            return ExitCodes.Interrupted;
        }
        IReadOnlyList<OutputFile> files;
        try
        {
            files = GlobalSensitivityWriter.Write(result, scenario.Name, q.Target, q.CommandLine, q.Plots);
            AnalysisFolder.Record(q.Target, AnalysisFolder.Names(files));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutputException)
        {
            return CliErrors.NotWritten(q.Target, e, console.Error);
        }
        console.Out.WriteLine();
        foreach (var m in result.Morris)
        {
            var top = m.Indices.OrderByDescending(i => double.IsFinite(i.MuStar.Value) ? i.MuStar.Value : -1).Take(5);
            console.Out.WriteLine($"{m.Outcome.Name}: largest μ* {string.Join(", ", top.Select(i => $"{i.Factor} {GlobalSensitivityWriter.F(i.MuStar.Value)}"))}; noise {GlobalSensitivityWriter.Pct(m.Noise.NoiseShareOfRuns)} of a run's variance");
        }
        foreach (var s in result.Sobol)
        {
            var top = s.Result.Indices.OrderByDescending(i => i.Total.Value).Take(5);
            console.Out.WriteLine($"{s.Outcome.Name}: Sobol ST {string.Join(", ", top.Select(i => $"{i.Factor} {GlobalSensitivityWriter.F(i.Total.Value)} [{GlobalSensitivityWriter.F(i.Total.Lower)}, {GlobalSensitivityWriter.F(i.Total.Upper)}]"))}; noise share {GlobalSensitivityWriter.Pct(s.Noise.NoiseShare)}");
        }
        console.Out.WriteLine($"{result.Runs:N0} runs in {AnalysisFolder.Duration(clock.Elapsed)}. Outputs in {q.Target}:");
        foreach (var f in files) console.Out.WriteLine($"  {f.Name,-34} {f.Description}");
        return ExitCodes.Ok;
    }

    private static string Settings(GlobalSensitivityRequest q, IReadOnlyList<GlobalFactor> factors) =>
        string.Join("\n", new[] { q.Method, q.Input.Text, q.Options.ToString(), string.Join(",", q.Outcomes.Select(o => o.Name)) }
            .Concat(factors.Select(f => $"{f.Name} {f.Low:R} {f.High:R}")));

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>The sizes of the global methods of <c>contentionsim sensitivity</c>, and the request built from the command line.</summary>
internal static class GlobalDefaults
{
    public const int Trajectories = 10, QuickTrajectories = 4;
    public const int SobolN = 64, QuickSobolN = 32;
    public const int SobolFactors = 6, QuickSobolFactors = 4;
    public const int Replications = 2;

    public static GlobalSensitivityRequest? Request(string method, bool quick, ScenarioInput input, SensitivityCatalog catalog, double delta, int replications,
        int? trajectories, int? sobolN, int? sobolFactors, string? outcomes, string? outDir, bool force, bool plots, bool list, int parallel, string commandLine, TextWriter error)
    {
        int r = trajectories ?? (quick ? QuickTrajectories : Trajectories);
        int n = sobolN ?? (quick ? QuickSobolN : SobolN);
        int k = sobolFactors ?? (quick ? QuickSobolFactors : SobolFactors);
        if (r < 2) { error.WriteLine("error: --trajectories must be at least 2."); return null; }
        if (n < 4) { error.WriteLine("error: --sobol-n must be at least 4 (a power of two: 32, 64, 128 ...)."); return null; }
        if (k < 1) { error.WriteLine("error: --sobol-factors must be at least 1."); return null; }
        var names = string.IsNullOrWhiteSpace(outcomes) ? Observables.Headline : outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = new List<Observable>();
        foreach (var name in names)
        {
            if (Observables.Find(name) is { } o) chosen.Add(o);
            else { error.WriteLine($"error: --outcomes: '{name}' is not an outcome; choose among {string.Join(", ", Observables.All.Select(x => x.Name))}."); return null; }
        }
        var options = new GlobalSensitivityOptions
        {
            Trajectories = r,
            Candidates = 4 * r,
            Replicates = replications,
            SobolN = n,
            SobolFactors = k,
            Morris = method is "morris" or "global",
            Sobol = method is "sobol" or "global",
        };
        string target = outDir ?? Path.Combine("runs", $"sensitivity-{RunCommand.Slug(input.Scenario.Name)}-{method}{(quick ? "-quick" : "")}");
        return new GlobalSensitivityRequest(method, input, catalog, delta, options, chosen, target, force, plots, list, parallel, commandLine);
    }
}
