using ContentionSim.Core.Observation;

namespace ContentionSim.Core.Stages;

/// <summary>The classifier's records: stage entries, with the measures that met the criterion, and closed cycles with their outcome.</summary>
internal sealed partial class StageClassifier
{
    private void Record(in StageInput x) => _entries.Add(Entry(x));

    private StageEntry Entry(in StageInput x) => new()
    {
        Movement = Movement,
        Cycle = Cycle,
        Stage = Current,
        Tick = x.Tick,
        Participation = _p_ema,
        PeakParticipation = _peak,
        FrameAdoption = _f_ema,
        RadicalShare = _r_ema,
        RadicalShareAtPeak = _radicalAtPeak,
        InteractionRate = _i_ema,
        SectorsEngaged = x.Values.SectorsEngaged,
        ViolentActs = _violent,
        Cooptations = _cooptations,
        RepressionEvents = _repression,
        FacilitationEvents = _facilitation,
        Baseline = _baseline,
        FrameAtStart = _frameAtStart,
        Measures = Current == Stage.ConflictAndDiffusion ? default : Snapshot(),
    };

    private StageMeasureValues Snapshot() => new()
    {
        Recorded = true,
        FrameRise = _m[(int)StageMeasure.FrameRise],
        InteractionRate = _m[(int)StageMeasure.InteractionRate],
        InteractionRise = _m[(int)StageMeasure.InteractionRise],
        RisePace = _m[(int)StageMeasure.RisePace],
        ShareOfPeak = _m[(int)StageMeasure.ShareOfPeak],
        ExhaustedPerMobilized = _m[(int)StageMeasure.ExhaustedPerMobilized],
        RadicalShareRise = _m[(int)StageMeasure.RadicalShareRise],
        ViolenceRate = _m[(int)StageMeasure.ViolenceRate],
        ViolenceRise = _m[(int)StageMeasure.ViolenceRise],
        InstitutionalizedPerActive = _m[(int)StageMeasure.InstitutionalizedPerActive],
        InstitutionalizedRise = _m[(int)StageMeasure.InstitutionalizedRise],
        StateResponseShare = _m[(int)StageMeasure.StateResponseShare],
    };

    private void Close(int tick, bool ended)
    {
        var outcome = Judge(ended);
        int ticks = Math.Max(1, _durations.Sum());
        _cycles.Add(new CycleRecord
        {
            Movement = Movement,
            Cycle = Cycle,
            StartTick = _start,
            EndTick = ended ? tick : null,
            PeakTick = _peakTick,
            PeakParticipation = _peak,
            Outcome = outcome,
            HighestStage = _highest,
            StageDurations = _durations,
            RepressionEvents = _repression,
            FacilitationEvents = _facilitation,
            Concessions = _concessions,
            Cooptations = _cooptations,
            ViolentActs = _violent,
            ViolentActsLate = _violentLate,
            ViolentActsAfterPeak = _violentAfterPeak,
            Stage5ByViolence = _stage5Route.Contains(StageRules.Violence, StringComparison.Ordinal) ? 1 : 0,
            Stage5ByInstitutionalization = _stage5Route.Contains(StageRules.Institutionalization, StringComparison.Ordinal) ? 1 : 0,
            MaxOutsidePressure = _maxPressure,
            MeanFacilitationStance = _facilitationStance / ticks,
            MeanRepressionStance = _repressionStance / ticks,
        });
        if (ended)
        {
            // A cycle that ended above its old baseline leaves that level as the new routine.
            _baseline = Math.Max(_baseline, _p_ema);
            Current = Stage.Latent;
            _pendingTicks = 0;
            _pendingStage = 0;
            _endTicks = 0;
        }
    }

    /// <summary>The outcome of the cycle, in the order of docs/ODD.md §7.10 (worded by Reporting's StageCriteria).</summary>
    private Outcome Judge(bool ended)
    {
        if (_turnover) return Outcome.RevolutionaryTurnover;
        if (!ended) return Outcome.Ongoing;
        if (_highest < Stage.InformationAndInteraction) return Outcome.Fizzle;
        // The state's response decides (Tarrow's stage 6): negotiated when it conceded and its
        // stance over the cycle leaned to facilitation rather than repression.
        if (_concessions > 0 && _facilitationStance >= _repressionStance) return Outcome.Negotiated;
        // Suppressed only where repression dominated: the state leaned to repression and its
        // arrests clearly outweighed its concessions and co-optations.
        if (_repressionStance > _facilitationStance && _repression > 0
            && _repression >= _p.SuppressionRatio * (_concessions + _cooptations)) return Outcome.Suppressed;
        return Outcome.Faded;
    }
}
