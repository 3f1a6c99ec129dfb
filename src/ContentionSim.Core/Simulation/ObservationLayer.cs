using ContentionSim.Core.Activists;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Organizations;
using ContentionSim.Core.Stages;
using ContentionSim.Core.State;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Simulation;

/// <summary>
/// Measures each tick what the agents did, for each movement and for the wave, and
/// feeds the stage classifiers. The last step of a tick: it sees what every submodel did.
/// </summary>
public sealed class ObservationLayer
{
    private readonly List<TickObservation> _series = [];
    private StageClassifier _wave = null!;
    private StageClassifier[] _movements = [];
    private readonly bool _keepSeries;
    private readonly Action<TickObservation>? _onWave;
    private readonly TickValues[] _perMovement;

    /// <param name="scenario">The scenario at the start (its movements and classifier).</param>
    /// <param name="keepSeries">Keep every tick's observations (off for sweeps that need only headlines).</param>
    /// <param name="onWave">Called with the wave's observation every tick (progress, live display).</param>
    internal ObservationLayer(Scenario scenario, bool keepSeries = true, Action<TickObservation>? onWave = null)
    {
        _keepSeries = keepSeries;
        _onWave = onWave;
        _wave = new StageClassifier(TickObservation.WaveId, scenario.Classifier);
        _movements = scenario.Movements.Select(m => new StageClassifier(m.Id, scenario.Classifier)).ToArray();
        _perMovement = new TickValues[scenario.Movements.Count];
    }

    /// <summary>The observations kept so far (with <see cref="RunOptions.KeepSeries"/>): per tick, the wave, then each movement when there are several.</summary>
    public IReadOnlyList<TickObservation> Series => _series;
    internal StageClassifier Wave => _wave;

    /// <summary>Ends the burn-in's warm-up: the classifiers forget its cycles and keep the routine they learnt (<see cref="StageClassifier.Restart"/>).</summary>
    internal void EndWarmUp()
    {
        _wave.Restart();
        foreach (var m in _movements) m.Restart();
    }
    internal IReadOnlyList<StageClassifier> Movements => _movements;

    // Running headline figures, kept even when the series is not.
    internal double PeakParticipation { get; private set; }
    internal int PeakTick { get; private set; }
    internal double PressureSum { get; private set; }
    internal double MaxPressure { get; private set; }
    internal double ParticipationSum { get; private set; }
    internal int Ticks { get; private set; }
    internal long RepressionTotal { get; private set; }
    internal long FacilitationTotal { get; private set; }
    internal long ConcessionTotal { get; private set; }
    internal long CooptationTotal { get; private set; }
    internal long ViolenceTotal { get; private set; }

    /// <summary>Observes tick <paramref name="tick"/>: what every submodel did in it.</summary>
    /// <param name="scenario">The parameters in force this tick.</param>
    /// <param name="tick">The tick (1-based).</param>
    /// <param name="tallies">What each movement's activists did.</param>
    /// <param name="state">The state after its decision.</param>
    /// <param name="nationalContacts">National contacts made by each movement's organizations.</param>
    /// <param name="sectors">Kinds of organization engaged.</param>
    /// <param name="sympathy">Public sympathy for each movement after this tick's update.</param>
    /// <param name="allies">The allies after their step.</param>
    /// <param name="warmUp">A burn-in tick: the classifiers learn the routine (baseline, quiet level of interaction); nothing is recorded.</param>
    internal void Observe(Scenario scenario, int tick, ReadOnlySpan<MovementTally> tallies, StateLayer state,
        ReadOnlySpan<int> nationalContacts, in SectorsEngaged sectors, ReadOnlySpan<double> sympathy, in AlliesStep allies, bool warmUp = false)
    {
        int n = scenario.Movements.Count;
        var wave = new MovementTally();
        int waveInteractions = 0, waveFacilitation = 0, waveConcessions = 0;
        double sympathyWeighted = 0, repressionWeighted = 0, facilitationWeighted = 0;
        var perMovement = _perMovement;
        for (int m = 0; m < n; m++)
        {
            var t = tallies[m];
            wave.Add(t);
            int interactions = t.Arrests + t.Cooptations + state.FacilitationEvents[m] + nationalContacts[m];
            waveInteractions += interactions;
            waveFacilitation += state.FacilitationEvents[m];
            waveConcessions += state.Concessions[m];
            sympathyWeighted += sympathy[m] * t.Total;
            repressionWeighted += state.RepressionStance[m] * t.Total;
            facilitationWeighted += state.FacilitationStance[m] * t.Total;
            perMovement[m] = Observe(t, sectors.PerMovement[m], interactions,
                state.FacilitationEvents[m], state.Concessions[m], state.EffectiveOpenness, allies, sympathy[m],
                state.RepressionStance[m], state.FacilitationStance[m]);
        }
        var waveObs = Observe(wave, sectors.Overall, waveInteractions,
            waveFacilitation, waveConcessions, state.EffectiveOpenness, allies, wave.Total > 0 ? sympathyWeighted / wave.Total : 0,
            wave.Total > 0 ? repressionWeighted / wave.Total : 0, wave.Total > 0 ? facilitationWeighted / wave.Total : 0);

        bool turnover = state.TurnoverNow;
        var waveStage = Classify(_wave, tick, waveObs, turnover);
        for (int m = 0; m < n; m++) Classify(_movements[m], tick, perMovement[m], turnover);
        // In the burn-in the classifiers only learn the routine: nothing is counted or recorded.
        if (warmUp) return;

        Ticks++;
        ParticipationSum += waveObs.Participation;
        PressureSum += waveObs.OutsidePressure;
        MaxPressure = Math.Max(MaxPressure, waveObs.OutsidePressure);
        if (waveObs.Participation > PeakParticipation) { PeakParticipation = waveObs.Participation; PeakTick = tick; }
        RepressionTotal += waveObs.RepressionEvents;
        FacilitationTotal += waveObs.FacilitationEvents;
        ConcessionTotal += waveObs.Concessions;
        CooptationTotal += waveObs.Cooptations;
        ViolenceTotal += waveObs.ViolentActs;

        // Records are made only for someone who keeps or sees them: without a series and a
        // listener, a tick allocates nothing here.
        if (_keepSeries || _onWave is not null)
        {
            var waveRecord = Record(tick, TickObservation.WaveId, _wave, waveObs);
            if (_keepSeries)
            {
                _series.Add(waveRecord);
                if (n > 1)
                    for (int m = 0; m < n; m++) _series.Add(Record(tick, scenario.Movements[m].Id, _movements[m], perMovement[m]));
            }
            _onWave?.Invoke(waveRecord);
        }
    }

    private static Stage Classify(StageClassifier classifier, int tick, in TickValues values, bool turnover)
    {
        classifier.Observe(new StageInput { Tick = tick, Values = values, Turnover = turnover });
        return classifier.Current;
    }

    /// <summary>The observables of a movement (or the wave) in a tick, as the catalog <see cref="Observables"/> describes them.</summary>
    private static TickValues Observe(in MovementTally t, int sectors, int interactions,
        int facilitation, int concessions, double openness, in AlliesStep allies, double sympathy,
        double repressionLevel, double facilitationLevel)
    {
        int total = t.Total;
        return new TickValues
        {
            Activists = total,
            Inactive = t.Inactive,
            Active = t.Active,
            Exhausted = t.Exhausted,
            Repressed = t.Repressed,
            Coopted = t.Coopted,
            Participation = total > 0 ? (double)t.Active / total : 0,
            RadicalShare = t.Active > 0 ? (double)t.RadicalActive / t.Active : 0,
            FrameAdoption = total > 0 ? (double)t.Framed / total : 0,
            SectorsEngaged = sectors,
            Interactions = interactions,
            ViolentActs = t.ViolentActs,
            Cooptations = t.Cooptations,
            RepressionEvents = t.Arrests,
            FacilitationEvents = facilitation,
            Concessions = concessions,
            OutsidePressure = allies.Pressure,
            EffectiveOpenness = openness,
            RepressionLevel = repressionLevel,
            FacilitationLevel = facilitationLevel,
            Sympathy = sympathy,
            MeanGrievance = total > 0 ? t.GrievanceSum / total : 0,
            Alliances = allies.StandingAlliances,
        };
    }

    private static TickObservation Record(int tick, string movement, StageClassifier classifier, in TickValues values) => new()
    {
        Tick = tick,
        Movement = movement,
        Stage = classifier.Current,
        Cycle = classifier.Cycle,
        Values = values,
    };
}
