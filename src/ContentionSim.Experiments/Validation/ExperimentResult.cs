namespace ContentionSim.Experiments.Validation;

/// <summary>What an experiment found: its checks, the numbers it reports besides them, a table and its figure.</summary>
public sealed record ExperimentResult
{
    public required Experiment Experiment { get; init; }
    public IReadOnlyList<Check> Checks { get; init; } = [];
    public IReadOnlyList<Reported> Reported { get; init; } = [];
    /// <summary>An extra table (the survey's: paper, model, interval, tolerance, inside?), header first; empty if none.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Table { get; init; } = [];
    public ExperimentFigure? Figure { get; init; }
    /// <summary>Runs analysed.</summary>
    public int Runs { get; init; }

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);
}
