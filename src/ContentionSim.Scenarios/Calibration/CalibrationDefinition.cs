using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Calibration;

/// <summary>The shape of a free parameter's prior.</summary>
public enum PriorKind
{
    /// <summary>Uniform on [A, B].</summary>
    Uniform,
    /// <summary>Normal with mean A and standard deviation B.</summary>
    Normal,
    /// <summary>Log-uniform on [A, B], both positive.</summary>
    LogUniform,
}

/// <summary>A free parameter: its path, prior, and whether its values are whole numbers (rounded when set).</summary>
public sealed record FreeParameter(string Path, PriorKind Prior, double A, double B, bool Whole, int Line, int Column)
{
    /// <summary>The prior in words, e.g. "uniform on [0.05, 0.6]".</summary>
    public string PriorText => Prior switch
    {
        PriorKind.Normal => $"normal (mean {Number(A)}, sd {Number(B)})",
        PriorKind.LogUniform => $"log-uniform on [{Number(A)}, {Number(B)}]",
        _ => $"uniform on [{Number(A)}, {Number(B)}]",
    };

    private static string Number(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A pattern: an observable of a run with its observed value and the tolerance a fit is judged by.</summary>
public sealed record TargetPattern(string Observable, double Observed, double Tolerance, int Line, int Column);

/// <summary>The ABC settings of a calibration file (its <c>abc:</c> block).</summary>
public sealed record AbcSettings
{
    public int Particles { get; init; } = 200;
    public int InitialDraws { get; init; } = 1000;
    public int Generations { get; init; } = 4;
    public double Quantile { get; init; } = 0.5;
    public double MinAcceptance { get; init; } = 0.02;
    public long MaxSimulations { get; init; } = 20_000;
}

/// <summary>Settings from the command line that change what a calibration file describes.</summary>
public sealed record CalibrationLoadOptions
{
    /// <summary>Use the file's <c>quick:</c> block (its <c>replicates</c>, <c>abc</c> and <c>set</c>).</summary>
    public bool Quick { get; init; }
}

/// <summary>
/// A calibration file, loaded and checked: the scenario (with the file's fixed settings), the free
/// parameters and their priors, the target patterns the posterior is fitted to, the held-out patterns
/// it is checked against, the replicate runs per parameter set and the ABC settings.
/// </summary>
public sealed record CalibrationDefinition(
    string Name,
    string Description,
    string File,
    string Text,
    string ScenarioFile,
    string ScenarioText,
    Scenario Scenario,
    IReadOnlyList<string> FixedSettings,
    ulong MasterSeed,
    int Replicates,
    IReadOnlyList<FreeParameter> Free,
    IReadOnlyList<TargetPattern> Targets,
    IReadOnlyList<TargetPattern> HeldOut,
    AbcSettings Abc,
    bool QuickApplied);
