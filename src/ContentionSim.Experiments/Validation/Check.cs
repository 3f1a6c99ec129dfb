namespace ContentionSim.Experiments.Validation;

/// <summary>
/// What a check tests, which decides whether it counts as a fact the model reproduces. Only
/// <see cref="Fact"/> counts in the summary's "facts reproduced": a calibration target was met by
/// setting a parameter, an input check reads back a number the scenario sets, a formula check follows
/// from a written rule of the model whatever the dynamics, and a precondition only says whether the
/// experiment could test anything.
/// </summary>
public enum CheckKind
{
    /// <summary>A reproduced fact, held out: no parameter was set to meet it, and it is not written into a rule.</summary>
    Fact,
    /// <summary>A pattern a parameter was set (by hand or by <c>contentionsim calibrate</c>) to meet (docs/validation.md lists them).</summary>
    CalibrationTarget,
    /// <summary>It reads back an input of the scenario (a share the scenario sets, a difference of two inputs).</summary>
    Input,
    /// <summary>It follows from a formula of the model (the state's own rule, a factor written into the activist's decision).</summary>
    Formula,
    /// <summary>Whether the experiment could test its claim at all (e.g. enough seeds with violence).</summary>
    Precondition,
}

/// <summary>
/// One statistical check of an experiment: what is estimated, the estimate with its 95% interval,
/// the criterion fixed before the experiment was run (in words), and whether the estimate meets it.
/// </summary>
/// <param name="Name">What is checked, e.g. "arrests: tight − open (paired)".</param>
/// <param name="Estimate">The estimate and its interval (no interval for exact counts).</param>
/// <param name="Criterion">The criterion in words, e.g. "95% CI lower bound > 0".</param>
/// <param name="Passed">Whether the criterion is met.</param>
/// <param name="Note">Anything needed to read the numbers (n, what was left out).</param>
public sealed record Check(string Name, Estimate Estimate, string Criterion, bool Passed, string Note = "")
{
    /// <summary>
    /// Why the model is known not to meet this criterion (with where the ODD says so), or null. A
    /// known failure still fails — verdicts and exit codes do not hide it — but the tests expect it
    /// to fail, so that the documents stay true: when a change to the model makes it pass, the test
    /// says to remove the mark and update the documents.
    /// </summary>
    public string? KnownFailure { get; init; }

    /// <summary>
    /// Stable short key of the check, by which an experiment file's negative controls name the checks they
    /// must break (<c>breaks: [late_share]</c>). A check repeated per arm has the key <c>base@arm</c>; a
    /// control that breaks <c>base</c> breaks every arm.
    /// </summary>
    public string Key { get; init; } = "";

    /// <summary>What the check tests (only <see cref="CheckKind.Fact"/> counts as a reproduced fact).</summary>
    public CheckKind Kind { get; init; } = CheckKind.Fact;

    /// <summary>Why the check has the kind it has (which input, which formula, which calibration), or "".</summary>
    public string KindReason { get; init; } = "";

    /// <summary>Whether a control's <c>breaks</c> entry names this check: the key itself, or the key before '@'.</summary>
    public bool IsNamedBy(string breaks) =>
        Key == breaks || (Key.IndexOf('@') is int at and > 0 && Key[..at] == breaks);

    /// <summary>The kind in words, as the tables show it.</summary>
    public static string Label(CheckKind kind) => kind switch
    {
        CheckKind.Fact => "reproduced fact",
        CheckKind.CalibrationTarget => "calibration target",
        CheckKind.Input => "input check",
        CheckKind.Formula => "formula check",
        CheckKind.Precondition => "precondition",
        _ => kind.ToString(),
    };
}

/// <summary>A number an experiment reports without a criterion (context for its checks).</summary>
public sealed record Reported(string Name, Estimate Estimate, string Note = "");
