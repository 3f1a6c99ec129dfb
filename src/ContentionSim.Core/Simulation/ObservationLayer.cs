using ContentionSim.Core.Activists;
using ContentionSim.Core.Engine;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Opinion;
using ContentionSim.Core.Organizations;
using ContentionSim.Core.Stages;
using ContentionSim.Core.State;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Simulation;

/// <summary>
/// Measures each tick what the agents did, for each movement and for the wave, and
/// feeds the stage classifiers. Registered last, so it sees every layer's PostTick.
/// </summary>
public sealed class ObservationLayer : ISteppedLayer
{
    private SimulationContext _ctx = null!;
    private readonly List<TickObservation> _series = [];
    private StageClassifier _wave = null!;
    private StageClassifier[] _movements = [];
    private readonly bool _keepSeries;
    private readonly Action<TickObservation>? _onWave;
    private ActivistLayer _activists = null!;
    private OrganizationLayer _organizations = null!;
    private StateLayer _state = null!;
    private TransnationalLayer _allies = null!;
    private PublicOpinionLayer _opinion = null!;
    private TickValues[] _perMovement = [];

    /// <param name="keepSeries">Keep every tick's observations (off for sweeps that need only headlines).</param>
    /// <param name="onWave">Called with the wave's observation every tick (progress, live display).</param>
    public ObservationLayer(bool keepSeries = true, Action<TickObservation>? onWave = null)
    {
        _keepSeries = keepSeries;
        _onWave = onWave;
    }

    public IReadOnlyList<TickObservation> Series => _series;
    public StageClassifier Wave => _wave;
    public IReadOnlyList<StageClassifier> Movements => _movements;

    // Running headline figures, kept even when the series is not.
    public double PeakParticipation { get; private set; }
    public int PeakTick { get; private set; }
    public double PressureSum { get; private set; }
    public double MaxPressure { get; private set; }
    public double ParticipationSum { get; private set; }
    public int Ticks { get; private set; }
    public long RepressionTotal { get; private set; }
    public long FacilitationTotal { get; private set; }
    public long ConcessionTotal { get; private set; }
    public long CooptationTotal { get; private set; }
    public long ViolenceTotal { get; private set; }
    public long ViolenceLate { get; private set; }

    public void InitLayer(SimulationContext context)
    {
        _ctx = context;
        var scenario = context.Scenario;
        _wave = new StageClassifier(TickObservation.WaveId, scenario.Classifier);
        _movements = scenario.Movements.Select(m => new StageClassifier(m.Id, scenario.Classifier)).ToArray();
        _perMovement = new TickValues[scenario.Movements.Count];
        _activists = context.GetLayer<ActivistLayer>();
        _organizations = context.GetLayer<OrganizationLayer>();
        _state = context.GetLayer<StateLayer>();
        _allies = context.GetLayer<TransnationalLayer>();
        _opinion = context.GetLayer<PublicOpinionLayer>();
    }

    public void PreTick() { }
    public void Tick() { }

    public void PostTick()
    {
        var scenario = _ctx.Scenario;
        int tick = _ctx.CurrentTick;
        int n = scenario.Movements.Count;
        var tallies = _activists.Tallies;
        var state = _state;
        var wave = new MovementTally();
        int waveInteractions = 0, waveFacilitation = 0, waveConcessions = 0;
        double sympathyWeighted = 0, repressionWeighted = 0, facilitationWeighted = 0;
        var perMovement = _perMovement;
        for (int m = 0; m < n; m++)
        {
            var t = tallies[m];
            wave.Add(t);
            int interactions = t.Arrests + t.Cooptations + state.FacilitationEvents[m] + _organizations.NationalContacts(m);
            waveInteractions += interactions;
            waveFacilitation += state.FacilitationEvents[m];
            waveConcessions += state.Concessions[m];
            sympathyWeighted += _opinion.Sympathy[m] * t.Total;
            repressionWeighted += state.RepressionStance[m] * t.Total;
            facilitationWeighted += state.FacilitationStance[m] * t.Total;
            perMovement[m] = Observe(t, _organizations.SectorsEngaged[m], interactions,
                state.FacilitationEvents[m], state.Concessions[m], state.EffectiveOpenness, _allies, _opinion.Sympathy[m],
                state.RepressionStance[m], state.FacilitationStance[m]);
        }
        var waveObs = Observe(wave, _organizations.SectorsEngagedOverall, waveInteractions,
            waveFacilitation, waveConcessions, state.EffectiveOpenness, _allies, wave.Total > 0 ? sympathyWeighted / wave.Total : 0,
            wave.Total > 0 ? repressionWeighted / wave.Total : 0, wave.Total > 0 ? facilitationWeighted / wave.Total : 0);

        bool turnover = state.TurnoverNow;
        var waveStage = Classify(_wave, tick, waveObs, turnover);
        for (int m = 0; m < n; m++) Classify(_movements[m], tick, perMovement[m], turnover);

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
        if (waveStage >= Stage.ExhaustionAndPolarization) ViolenceLate += waveObs.ViolentActs;

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

    private static TickValues Observe(in MovementTally t, int sectors, int interactions,
        int facilitation, int concessions, double openness, TransnationalLayer allies, double sympathy,
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
