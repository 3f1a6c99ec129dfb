using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// An experiment run again under one of its negative controls (the experiment file's <c>controls:</c>):
/// the same sweep and seeds with one mechanism switched off. <see cref="Result"/> is null when the
/// analysis could not be made on the control's runs (<see cref="Error"/> says why); the checks the
/// control names then count as failing on it.
/// </summary>
public sealed record ControlRun(SweepControl Control, ExperimentResult? Result, string? Error = null);

/// <summary>How a check fares against its negative controls.</summary>
public enum ControlStatus
{
    /// <summary>No control names the check: nothing shows that it could fail.</summary>
    NoControl,
    /// <summary>Every control that names it makes it fail: the mechanism matters.</summary>
    FailsOnControl,
    /// <summary>Some control that names it leaves it passing: the check cannot fail by removing that mechanism.</summary>
    CannotFail,
    /// <summary>The controls were not run (e.g. <c>--no-controls</c>).</summary>
    NotRun,
}

/// <summary>A check of the model's runs with what its negative controls did to it.</summary>
/// <param name="Check">The check on the model.</param>
/// <param name="Controls">The controls that name it.</param>
/// <param name="Status">Whether it fails on them.</param>
/// <param name="Detail">Per control: its id, the check's verdict and estimate under it.</param>
public sealed record ControlVerdict(Check Check, IReadOnlyList<SweepControl> Controls, ControlStatus Status, string Detail)
{
    /// <summary>The status in words, as the tables show it.</summary>
    public string StatusText => Status switch
    {
        ControlStatus.FailsOnControl => "yes",
        ControlStatus.CannotFail => "no — cannot fail",
        ControlStatus.NoControl => "no control — cannot fail",
        _ => "not run",
    };

    /// <summary>The controls' ids, or "–".</summary>
    public string ControlText => Controls.Count == 0 ? "–" : string.Join(", ", Controls.Select(c => c.Id));
}

/// <summary>Matches the checks of an experiment with its negative controls.</summary>
public static class ExperimentControls
{
    /// <summary>The verdict of every check of <paramref name="result"/> against its controls.</summary>
    public static IReadOnlyList<ControlVerdict> Verdicts(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdicts = new List<ControlVerdict>();
        foreach (var check in result.Checks)
        {
            var controls = result.DeclaredControls.Where(c => c.Breaks.Any(check.IsNamedBy)).ToList();
            if (controls.Count == 0)
            {
                verdicts.Add(new ControlVerdict(check, controls, ControlStatus.NoControl, ""));
                continue;
            }
            if (result.Controls is null)
            {
                verdicts.Add(new ControlVerdict(check, controls, ControlStatus.NotRun, ""));
                continue;
            }
            bool allFail = true;
            var detail = new List<string>();
            foreach (var control in controls)
            {
                var run = result.Controls.FirstOrDefault(r => r.Control.Id == control.Id);
                if (run is null) { allFail = false; detail.Add($"{control.Id}: not run"); continue; }
                if (run.Result is null) { detail.Add($"{control.Id}: FAIL (not testable: {run.Error})"); continue; }
                var under = run.Result.Checks.FirstOrDefault(c => c.Key == check.Key);
                if (under is null) { detail.Add($"{control.Id}: FAIL (not testable: the check could not be made)"); continue; }
                if (under.Passed) allFail = false;
                detail.Add($"{control.Id}: {(under.Passed ? "PASS" : "FAIL")} {Experiment.F(under.Estimate.Value)} {ExperimentMarkdown.Interval(under.Estimate)}");
            }
            verdicts.Add(new ControlVerdict(check, controls, allFail ? ControlStatus.FailsOnControl : ControlStatus.CannotFail, string.Join("; ", detail)));
        }
        return verdicts;
    }

    /// <summary>
    /// Keys named by a control's <c>breaks</c> that no check of the model's result has (a typo in the
    /// experiment file, or a check renamed): each as "control: key".
    /// </summary>
    public static IReadOnlyList<string> UnknownBreaks(ExperimentResult result) =>
        result.DeclaredControls.SelectMany(c => c.Breaks.Where(b => !result.Checks.Any(k => k.IsNamedBy(b))).Select(b => $"{c.Id}: {b}")).ToList();
}
