using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Sweeps;

/// <summary>One setting of a negative control: a parameter path and the value it is given (bound and checked when the file was loaded).</summary>
public sealed record SweepControlSetting(string Key, object? Value, string Text);

/// <summary>
/// A negative control of an experiment (a sweep file's <c>controls:</c> list): the same sweep with the
/// mechanism that is supposed to produce a fact switched off. Its settings are applied to every run's
/// scenario after the point's varied values (so a control may also switch off a varied parameter, in
/// every arm). <see cref="Breaks"/> names the checks (by key) that must fail under the control; the
/// experiment decides what the keys mean.
/// </summary>
/// <param name="Id">Short name, e.g. <c>no-escalation</c>.</param>
/// <param name="Removes">One line: which mechanism the control removes.</param>
/// <param name="Breaks">Keys of the checks that must fail under the control.</param>
/// <param name="Settings">The overrides, in the file's order.</param>
public sealed record SweepControl(string Id, string Removes, IReadOnlyList<string> Breaks, IReadOnlyList<SweepControlSetting> Settings)
{
    /// <summary><paramref name="scenario"/> with the control's settings applied.</summary>
    public Scenario Apply(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var s in Settings) scenario = ParameterPath.With(scenario, s.Key, s.Value);
        return scenario;
    }

    /// <summary>The settings as <c>key=value</c>, joined by ", ".</summary>
    public string SettingsText => string.Join(", ", Settings.Select(s => $"{s.Key}={s.Text}"));
}
