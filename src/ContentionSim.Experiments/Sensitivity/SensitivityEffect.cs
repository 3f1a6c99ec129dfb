using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// The effect of one parameter on one outcome: the outcome's mean over the replications at the
/// parameter's low, base and high value, the paired differences low − base, high − base and
/// high − low (replication by replication, same seeds) with their 95% t confidence intervals, and
/// the swing |mean at high − mean at low| that orders the tornado plot. Runs in which the outcome does
/// not exist (no cycle) are left out of its means; <c>N</c> counts the runs that have it, and a pair
/// counts only when both of its runs have it.
/// </summary>
public sealed record SensitivityEffect
{
    public required SensitivityParameter Parameter { get; init; }
    public required SensitivityRange Values { get; init; }
    public required Metric Outcome { get; init; }
    public required MeanInterval Low { get; init; }
    public required MeanInterval Base { get; init; }
    public required MeanInterval High { get; init; }
    /// <summary>Paired differences low − base.</summary>
    public required MeanInterval LowMinusBase { get; init; }
    /// <summary>Paired differences high − base.</summary>
    public required MeanInterval HighMinusBase { get; init; }
    /// <summary>Paired differences high − low.</summary>
    public required MeanInterval HighMinusLow { get; init; }

    /// <summary>|mean at high − mean at low|; NaN when either has no value, 0 when the parameter changed nothing.</summary>
    public double Swing => Math.Abs(High.Mean - Low.Mean);

    /// <summary>Whether the 95% CI of the paired high − low differences excludes 0 (the swing is more than noise).</summary>
    public bool Clear => HighMinusLow.CiLow > 0 || HighMinusLow.CiHigh < 0;
}
