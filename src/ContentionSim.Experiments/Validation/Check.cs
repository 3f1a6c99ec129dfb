namespace ContentionSim.Experiments.Validation;

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
}

/// <summary>A number an experiment reports without a criterion (context for its checks).</summary>
public sealed record Reported(string Name, Estimate Estimate, string Note = "");
