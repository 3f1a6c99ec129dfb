using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting;

/// <summary>
/// What met a stage's criterion and why a cycle got its outcome, in words, from the numbers the
/// classifier records (<see cref="StageEntry"/>, <see cref="CycleRecord"/>). This part depends on
/// Core alone: the classroom app links it to tell the same story in the browser.
/// </summary>
public static partial class StageCriteria
{
    private static readonly CultureInfo Words = CultureInfo.InvariantCulture;

    /// <summary>The unit of stage 5's measure, in the criterion and in the trigger sentences alike.</summary>
    private const string PerThousandMobilized = "per 1,000 mobilized at the peak";

    /// <summary>
    /// What met the criterion of <paramref name="entry"/>'s stage, in words, with the values the
    /// classifier recorded (the <c>trigger</c> column of stages.csv and the report's timeline).
    /// </summary>
    public static string Trigger(StageEntry entry, ClassifierParameters p)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(p);
        double ofPeak = entry.PeakParticipation > 0 ? entry.Participation / entry.PeakParticipation : 0;
        return entry.Stage switch
        {
            Stage.ConflictAndDiffusion => string.Create(Words,
                $"participation rose to {entry.Participation:P1}, more than {p.OnsetMargin:P1} above its baseline of {entry.Baseline:P1}, for {p.Dwell} ticks"),
            Stage.RepertoiresAndFrames => string.Create(Words,
                $"frame adoption rose from {entry.FrameAtStart:P0} to {entry.FrameAdoption:P0} since the cycle began"),
            Stage.InformationAndInteraction => string.Create(Words,
                $"state–movement interactions reached {entry.InteractionRate:0.0} per 1,000 activists a tick with participation at {ofPeak:P0} of its peak"),
            Stage.ExhaustionAndPolarization => string.Create(Words,
                $"participation fell to {ofPeak:P0} of its peak ({entry.PeakParticipation:P1} → {entry.Participation:P1}) while the radical share of those still active went from {entry.RadicalShareAtPeak:P0} to {entry.RadicalShare:P0}"),
            Stage.ViolenceAndInstitutionalization => string.Create(Words,
                $"{entry.ViolentActsSinceExhaustion} violent acts and {entry.CooptationsSinceExhaustion} co-optations since exhaustion set in ({entry.ConfrontationsPerThousandMobilized:0.0} {PerThousandMobilized})"),
            Stage.FacilitationAndRepression => string.Create(Words,
                $"state responses made {entry.StateResponseShare:P0} of state and confrontational acts since violence and institutionalization, with participation at {ofPeak:P0} of its peak"),
            _ => "",
        };
    }

    /// <summary>
    /// Why <paramref name="cycle"/> got its outcome, in words, from the counts and mean stances the
    /// classifier recorded (the <c>outcome_reason</c> of cycles.csv and run.json).
    /// </summary>
    public static string OutcomeReason(CycleRecord cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        string counts = string.Create(Words,
            $"{cycle.Concessions} concessions, {cycle.Cooptations} co-optations and {cycle.FacilitationEvents} talks against {cycle.RepressionEvents} arrests; the state's mean stance: facilitation {cycle.MeanFacilitationStance:0.00}, repression {cycle.MeanRepressionStance:0.00}");
        return cycle.Outcome switch
        {
            Outcome.RevolutionaryTurnover => "participation stayed above the state's turnover threshold; " + counts,
            Outcome.Ongoing => "the run ended during the cycle; " + counts,
            Outcome.Fizzle => string.Create(Words,
                $"participation fell back to its baseline after peaking at {cycle.PeakParticipation:P1}, before interaction with the state peaked; ") + counts,
            _ => counts,
        };
    }
}
