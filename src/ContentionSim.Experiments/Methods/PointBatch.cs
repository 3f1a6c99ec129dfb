using ContentionSim.Core.Parameters;

namespace ContentionSim.Experiments.Methods;

/// <summary>
/// A batch of parameter points to run on the batch runner: the parameters' paths, each point's values
/// (in path order), the replicate seeds each point runs with (replicate r has the same seed at every point:
/// common random numbers), and the stage name that keeps the batch's runs in their own resumable folder.
/// </summary>
public sealed record PointBatch(string Stage, Scenario Base, IReadOnlyList<string> Paths, IReadOnlyList<double[]> Points, int Replicates, ulong Seed,
    Func<int, Scenario> ScenarioOf);

/// <summary>
/// Runs a batch and returns y[point][replicate][observable] in the order of <see cref="Observables"/>
/// (NaN for a failed run or a value that does not exist in that run), or null when it was interrupted.
/// </summary>
public delegate double[][][]? BatchEvaluator(PointBatch batch);
