using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Batches;
using ContentionSim.Experiments.Scale;
using ContentionSim.Scenarios;

namespace ContentionSim.Experiments.Validation;

/// <summary>A shipped scenario: its file, relative to the repository (e.g. <c>scenarios/teaching/2-boomerang.yaml</c>), and the scenario.</summary>
public sealed record ShippedScenario(string File, Scenario Scenario);

/// <summary>The shipped scenarios and the scale comparison's scenario (the classroom configuration of the experiments).</summary>
public sealed record ShippedScenarioSet(IReadOnlyList<ShippedScenario> Scenarios, ShippedScenario Scale);

/// <summary>A completed cycle of the wave (neither a fizzle nor under way when the run ended).</summary>
/// <param name="StageDurations">Ticks in each stage 1–6 (index 0 unused); a stage the cycle skipped has 0.</param>
/// <param name="EnteredStage5">Whether the cycle reached stage 5.</param>
/// <param name="Stage5ByViolence">Whether stage 5 was entered by the violence route.</param>
/// <param name="Stage5ByInstitutionalization">Whether stage 5 was entered by the institutionalization route (both may hold).</param>
public sealed record ShippedCycle(IReadOnlyList<int> StageDurations, bool EnteredStage5, bool Stage5ByViolence, bool Stage5ByInstitutionalization)
{
    /// <summary>The record of a completed cycle.</summary>
    public static ShippedCycle Of(CycleRecord cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return new([.. cycle.StageDurations], cycle.HighestStage >= Stage.ViolenceAndInstitutionalization,
            cycle.Stage5ByViolence > 0, cycle.Stage5ByInstitutionalization > 0);
    }
}

/// <summary>What the section keeps of one run of a shipped scenario.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="PeakParticipation">The run's highest week of the wave's participation (share of activists).</param>
/// <param name="Cycles">Cycles of the wave that were not fizzles (ended or under way).</param>
/// <param name="WeeksAboveCap">Weeks in which the wave's participation exceeded <see cref="PeakCap.Share"/>.</param>
/// <param name="CompletedCycles">The wave's completed cycles.</param>
public sealed record ShippedRun(ulong Seed, double PeakParticipation, int Cycles, int WeeksAboveCap, IReadOnlyList<ShippedCycle> CompletedCycles);

/// <summary>The runs of one shipped scenario.</summary>
/// <param name="File">Its file, relative to the repository.</param>
/// <param name="Name">Its <c>name:</c>.</param>
/// <param name="Dwell">Its classifier's dwell (ticks a criterion must hold): a stage that lasted no longer is a sliver.</param>
/// <param name="Runs">One per seed, in seed order.</param>
public sealed record ShippedScenarioRuns(string File, string Name, int Dwell, IReadOnlyList<ShippedRun> Runs);

/// <summary>The scale comparison: the classroom configuration's runs at each size and the equivalence tests against the reference size.</summary>
/// <param name="File">The scenario file, relative to the repository.</param>
/// <param name="Seeds">Seeds 1 … Seeds at each size.</param>
/// <param name="Reference">The reference size (activists).</param>
/// <param name="Samples">The runs at each size, smallest first.</param>
public sealed record ScaleSummary(string File, int Seeds, int Reference, IReadOnlyList<ScaleEquivalence.SizeSample> Samples)
{
    /// <summary>Peak participation and cycles per run of each other size against the reference (<see cref="ScaleEquivalence.Compare"/>).</summary>
    public IReadOnlyList<(int Size, ScaleEquivalence.Comparison Comparison)> Comparisons()
    {
        var reference = Samples.Single(s => s.Size == Reference);
        return [.. Samples.Where(s => s.Size != Reference).SelectMany(s => ScaleEquivalence.Compare(reference, s).Take(2).Select(c => (s.Size, c)))];
    }
}

/// <summary>Everything the section "The shipped scenarios: magnitudes and stages" of docs/validation.md is rendered from.</summary>
/// <param name="Size">"full size" or "quick size".</param>
/// <param name="Seeds">Seeds 1 … Seeds per scenario.</param>
/// <param name="Scenarios">Each shipped scenario's runs, in file order.</param>
/// <param name="Scale">The scale comparison, or null when not run.</param>
public sealed record ShippedScenariosResult(string Size, int Seeds, IReadOnlyList<ShippedScenarioRuns> Scenarios, ScaleSummary? Scale);

/// <summary>
/// Runs every shipped scenario (<c>scenarios/*.yaml</c> and <c>scenarios/teaching/*.yaml</c>) over seeds 1 … N at its
/// own size and settings on the <see cref="BatchRunner"/>, and the classroom configuration at several population sizes,
/// for the generated section of docs/validation.md. Every run is stored by its index, so the result is the same for any
/// number of runs at once; seed s of a scenario is what <c>contentionsim run FILE --seed s</c> runs.
/// </summary>
public static class ShippedScenarios
{
    /// <summary>Seeds per scenario at full size and at quick size (the CI tests).</summary>
    public const int FullSeeds = 30, QuickSeeds = 8;

    /// <summary>Seeds per size of the scale comparison at full size and at quick size.</summary>
    public const int FullScaleSeeds = 20, QuickScaleSeeds = 4;

    /// <summary>The sizes of the scale comparison (activists) and the reference size.</summary>
    public static IReadOnlyList<int> ScaleSizes { get; } = [1000, 5000, 20_000];

    /// <summary>The reference size of the scale comparison (as in <c>ScaleEquivalenceTests</c>).</summary>
    public const int ScaleReference = 20_000;

    /// <summary>The classroom configuration of the experiments, the scale comparison's scenario, relative to the experiments folder.</summary>
    public const string ScaleFile = "base-classroom.yaml";

    /// <summary>
    /// The shipped scenarios of <paramref name="scenariosFolder"/> — its <c>*.yaml</c> and those of its <c>teaching/</c>
    /// subfolder, in ordinal order of their paths — and the scale comparison's scenario, <see cref="ScaleFile"/> of
    /// <paramref name="experimentsFolder"/>. Files are named relative to the scenarios folder's parent (the repository).
    /// </summary>
    /// <exception cref="ScenarioException">A file is missing or not a valid scenario.</exception>
    /// <exception cref="DirectoryNotFoundException">The scenarios folder does not exist.</exception>
    public static ShippedScenarioSet Load(string scenariosFolder, string experimentsFolder)
    {
        string root = Path.GetFullPath(scenariosFolder);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"'{scenariosFolder}' is not a folder of scenarios");
        string repo = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(root)) ?? root;
        string teaching = Path.Combine(root, "teaching");
        var files = Directory.GetFiles(root, "*.yaml")
            .Concat(Directory.Exists(teaching) ? Directory.GetFiles(teaching, "*.yaml") : [])
            .Order(StringComparer.Ordinal);
        ShippedScenario Of(string f) => new(Path.GetRelativePath(repo, f).Replace('\\', '/'), ScenarioLoader.LoadFile(f));
        return new ShippedScenarioSet([.. files.Select(Of)], Of(Path.GetFullPath(Path.Combine(experimentsFolder, ScaleFile))));
    }

    /// <summary>
    /// Runs the section's runs: every shipped scenario over <see cref="FullSeeds"/> seeds (<see cref="QuickSeeds"/> when
    /// <paramref name="quick"/>), and the scale comparison over <see cref="FullScaleSeeds"/> (<see cref="QuickScaleSeeds"/>).
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled before every run finished.</exception>
    /// <exception cref="InvalidOperationException">A run failed.</exception>
    public static ShippedScenariosResult Measure(ShippedScenarioSet set, bool quick, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        int seeds = quick ? QuickSeeds : FullSeeds;
        var runs = Run(set.Scenarios, seeds, options);
        var scale = RunScale(set.Scale.File, set.Scale.Scenario, quick ? QuickScaleSeeds : FullScaleSeeds, options);
        return new ShippedScenariosResult(quick ? "quick size" : "full size", seeds, runs, scale);
    }

    /// <summary>
    /// Runs each scenario for seeds 1 … <paramref name="seeds"/> (as <see cref="Scenario.Seed"/>; everything else as
    /// written) and keeps what the section needs of each run.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled before every run finished.</exception>
    /// <exception cref="InvalidOperationException">A run failed.</exception>
    public static IReadOnlyList<ShippedScenarioRuns> Run(IReadOnlyList<ShippedScenario> scenarios, int seeds, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        options ??= new BatchOptions();
        var runs = new ShippedRun[scenarios.Count * seeds];
        var batch = Batch.Create(runs.Length, r => scenarios[(int)(r / seeds)].Scenario, r => (ulong)(r % seeds + 1));
        Execute(batch, options, keepSeries: true, r => Reduce(r.Seed, r.Result), (run, value) => runs[run] = value,
            r => $"{scenarios[(int)(r / seeds)].File} seed {r % seeds + 1}");
        if (Array.IndexOf(runs, null) is int missing and >= 0) throw new InvalidOperationException($"run {missing} of the shipped scenarios stopped before its last tick");
        return [.. scenarios.Select((s, i) => new ShippedScenarioRuns(s.File, s.Scenario.Name, s.Scenario.Classifier.Dwell, runs[(i * seeds)..((i + 1) * seeds)]))];
    }

    /// <summary>What the section keeps of a finished run (it needs the run's series).</summary>
    public static ShippedRun Reduce(ulong seed, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int above = result.Series.Count(x => x.Movement == TickObservation.WaveId && x.Participation > MagnitudeTargets.Cap.Share);
        var completed = result.Cycles
            .Where(c => c.Movement == TickObservation.WaveId && c.Outcome is not (Outcome.Fizzle or Outcome.Ongoing))
            .Select(ShippedCycle.Of).ToArray();
        return new ShippedRun(seed, result.Headline.PeakParticipation, result.Headline.Cycles, above, completed);
    }

    /// <summary>
    /// The scale comparison: <paramref name="scenario"/> at each of <see cref="ScaleSizes"/> activists
    /// (<see cref="ScaleEquivalence.AtSize"/>) for seeds 1 … <paramref name="seeds"/>, as <see cref="ScaleEquivalence.Run"/> does,
    /// on the batch runner.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario's size is fixed (it lists its thresholds one by one).</exception>
    public static ScaleSummary RunScale(string file, Scenario scenario, int seeds, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        options ??= new BatchOptions();
        var sized = ScaleSizes.Select(n => ScaleEquivalence.AtSize(scenario, n)
            ?? throw new ArgumentException($"'{file}' lists its activists' thresholds one by one: its size is fixed", nameof(scenario))).ToArray();
        var results = new RunResult[sized.Length * seeds];
        var batch = Batch.Create(results.Length, r => sized[(int)(r / seeds)], r => (ulong)(r % seeds + 1));
        Execute(batch, options, keepSeries: false, r => r.Result, (run, value) => results[run] = value,
            r => $"{file} at {ScaleSizes[(int)(r / seeds)]} activists, seed {r % seeds + 1}");
        if (Array.IndexOf(results, null) is int missing and >= 0) throw new InvalidOperationException($"run {missing} of the scale comparison stopped before its last tick");
        var samples = ScaleSizes.Select((n, i) => ScaleEquivalence.Measure(n, results[(i * seeds)..((i + 1) * seeds)])).ToArray();
        return new ScaleSummary(file, seeds, ScaleReference, samples);
    }

    private static void Execute<T>(Batch batch, BatchOptions options, bool keepSeries, Func<BatchRun, T> reduce, Action<long, T> store, Func<long, string> name)
    {
        try
        {
            BatchRunner.Run(batch, options with { Failures = BatchFailures.Stop, KeepSeries = _ => keepSeries }, reduce, r => store(r.Run, r.Value!));
        }
        catch (BatchRunException e)
        {
            var cause = e.InnerException!;
            throw new InvalidOperationException($"a run of {name(e.Run)} failed: {cause.Message}", cause);
        }
        options.Cancellation.ThrowIfCancellationRequested();
    }
}
