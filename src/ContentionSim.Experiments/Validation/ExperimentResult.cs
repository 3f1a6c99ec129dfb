using ContentionSim.Scenarios.Sweeps;

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

    /// <summary>The negative controls the experiment file declares.</summary>
    public IReadOnlyList<SweepControl> DeclaredControls { get; init; } = [];

    /// <summary>The experiment under each of its negative controls, or null when they were not run.</summary>
    public IReadOnlyList<ControlRun>? Controls { get; init; }

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);

    /// <summary>
    /// Checks that are reproduced facts (<see cref="CheckKind.Fact"/>), pass on the model and fail on
    /// every negative control that names them (when the controls were run): a fact that would hold with
    /// its mechanism switched off is not reproduced by that mechanism.
    /// </summary>
    public int FactsReproduced => ExperimentControls.Verdicts(this).Count(v =>
        v.Check.Kind == CheckKind.Fact && v.Check.Passed && v.Status is ControlStatus.FailsOnControl or ControlStatus.NotRun);

    /// <summary>Checks that are reproduced facts.</summary>
    public int Facts => Checks.Count(c => c.Kind == CheckKind.Fact);
}
