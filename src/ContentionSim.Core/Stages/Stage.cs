namespace ContentionSim.Core.Stages;

/// <summary>Tarrow's six stages of a cycle of contention, and the latent state between cycles.</summary>
public enum Stage
{
    /// <summary>No cycle under way: participation near its baseline.</summary>
    Latent = 0,
    /// <summary>1 — an issue becomes contentious and spreads.</summary>
    ConflictAndDiffusion = 1,
    /// <summary>2 — frames and new repertoires justify collective action.</summary>
    RepertoiresAndFrames = 2,
    /// <summary>3 — information and state–movement interaction peak.</summary>
    InformationAndInteraction = 3,
    /// <summary>4 — activists tire; the movement polarizes.</summary>
    ExhaustionAndPolarization = 4,
    /// <summary>5 — radicals turn to violence, moderates to institutions.</summary>
    ViolenceAndInstitutionalization = 5,
    /// <summary>6 — the state negotiates with moderates and represses radicals.</summary>
    FacilitationAndRepression = 6,
}

/// <summary>How a cycle ended.</summary>
public enum Outcome
{
    /// <summary>The cycle has not ended when the run stops.</summary>
    Ongoing,
    /// <summary>Mobilization fell back before it reached increased information and interaction.</summary>
    Fizzle,
    /// <summary>Concessions were granted and the state's stance over the cycle leaned to facilitation rather than repression.</summary>
    Negotiated,
    /// <summary>Repression dominated: the state leaned to repression and its arrests clearly outweighed its concessions and co-optations.</summary>
    Suppressed,
    /// <summary>Mobilization overwhelmed the state's capacity to repress.</summary>
    RevolutionaryTurnover,
    /// <summary>The cycle faded or was absorbed: it ended without a concession won and without repression dominating.</summary>
    Faded,
}

/// <summary>Names and one-line explanations of the stages and outcomes, for outputs and reports.</summary>
public static class StageText
{
    /// <summary>Short name, e.g. "exhaustion and polarization".</summary>
    public static string Name(Stage stage) => stage switch
    {
        Stage.Latent => "latent",
        Stage.ConflictAndDiffusion => "conflict and diffusion",
        Stage.RepertoiresAndFrames => "repertoires and frames",
        Stage.InformationAndInteraction => "increased information and interaction",
        Stage.ExhaustionAndPolarization => "exhaustion and polarization",
        Stage.ViolenceAndInstitutionalization => "violence and institutionalization",
        Stage.FacilitationAndRepression => "facilitation and repression",
        _ => stage.ToString(),
    };

    /// <summary>Machine-friendly key, e.g. "exhaustion_polarization".</summary>
    public static string Key(Stage stage) => stage switch
    {
        Stage.Latent => "latent",
        Stage.ConflictAndDiffusion => "conflict_diffusion",
        Stage.RepertoiresAndFrames => "repertoires_frames",
        Stage.InformationAndInteraction => "information_interaction",
        Stage.ExhaustionAndPolarization => "exhaustion_polarization",
        Stage.ViolenceAndInstitutionalization => "violence_institutionalization",
        Stage.FacilitationAndRepression => "facilitation_repression",
        _ => stage.ToString(),
    };

    /// <summary>What happens in the stage, after Tarrow (1998).</summary>
    public static string Explanation(Stage stage) => stage switch
    {
        Stage.Latent => "no cycle under way; grievances may be building up",
        Stage.ConflictAndDiffusion => "an issue becomes contentious for a critical number of people and spreads to others",
        Stage.RepertoiresAndFrames => "frames and symbols justify collective action; new forms of action appear",
        Stage.InformationAndInteraction => "information about the movement grows; supporters and authorities interact; tension peaks",
        Stage.ExhaustionAndPolarization => "activists tire and are disillusioned; participation declines and the movement splits",
        Stage.ViolenceAndInstitutionalization => "radicals turn to confrontation, moderates move into institutions",
        Stage.FacilitationAndRepression => "the state negotiates with moderates and represses radicals; the cycle ends with an outcome",
        _ => "",
    };

    /// <summary>Machine-friendly key of an outcome, e.g. "revolutionary_turnover".</summary>
    public static string Key(Outcome outcome) => outcome switch
    {
        Outcome.Ongoing => "ongoing",
        Outcome.Fizzle => "fizzle",
        Outcome.Negotiated => "negotiated",
        Outcome.Suppressed => "suppressed",
        Outcome.RevolutionaryTurnover => "revolutionary_turnover",
        Outcome.Faded => "faded",
        _ => outcome.ToString(),
    };

    /// <summary>What an outcome means.</summary>
    public static string Explanation(Outcome outcome) => outcome switch
    {
        Outcome.Ongoing => "the cycle was still under way when the run ended",
        Outcome.Fizzle => "mobilization fell back before it reached its peak of interaction with the state",
        Outcome.Negotiated => "negotiated: the state conceded at least once and its stance over the cycle leaned to facilitation rather than repression",
        Outcome.Suppressed => "suppressed: repression dominated — the state leaned to repression over the cycle and its arrests at least suppression_ratio times its concessions and co-optations",
        Outcome.RevolutionaryTurnover => "revolutionary turnover: participation stayed above the state's turnover threshold while the state leaned to repression — mobilization overwhelmed it",
        Outcome.Faded => "faded or absorbed: the cycle ended without a concession won and without repression dominating — it demobilized through exhaustion, or the state absorbed it through co-optation",
        _ => "",
    };

    /// <summary>All six stages in order.</summary>
    public static IReadOnlyList<Stage> Cycle { get; } =
    [
        Stage.ConflictAndDiffusion, Stage.RepertoiresAndFrames, Stage.InformationAndInteraction,
        Stage.ExhaustionAndPolarization, Stage.ViolenceAndInstitutionalization, Stage.FacilitationAndRepression,
    ];
}
