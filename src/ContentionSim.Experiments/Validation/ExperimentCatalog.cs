namespace ContentionSim.Experiments.Validation;

/// <summary>The experiments of the stylized facts and the survey, by id.</summary>
public static class ExperimentCatalog
{
    /// <summary>Every experiment, in the order of MODEL.md (the survey last).</summary>
    public static IReadOnlyList<Experiment> All { get; } =
    [
        new Fact1Parabola(), new Fact2LateViolence(), new Fact3TightOpen(), new Fact4Eisinger(), new Fact5Boomerang(),
        new Fact6Turnover(), new Fact7JapanLike(), new Fact8RepeatedCycles(), new Fact9Granovetter(), new SurveyJapan2007(),
    ];

    /// <summary>The ids, in order.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(e => e.Id).ToArray();

    /// <summary>The experiment with id <paramref name="id"/> (case-insensitive), or null.</summary>
    public static Experiment? Find(string id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
}
