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
    }

    public void PreTick() { }
    public void Tick() { }

    public void PostTick()
    {
        var scenario = _ctx.Scenario;
        int tick = _ctx.CurrentTick;
        var activists = _ctx.GetLayer<ActivistLayer>();
        var orgs = _ctx.GetLayer<OrganizationLayer>();
        var state = _ctx.GetLayer<StateLayer>();
        var allies = _ctx.GetLayer<TransnationalLayer>();
        var opinion = _ctx.GetLayer<PublicOpinionLayer>();
        int n = scenario.Movements.Count;
        var wave = new MovementTally();
        int waveInteractions = 0, waveFacilitation = 0, waveConcessions = 0;
        double sympathyWeighted = 0, repressionWeighted = 0, facilitationWeighted = 0;
        var perMovement = new TickObservation[n];
        for (int m = 0; m < n; m++)
        {
            var t = activists.Tallies[m];
            wave.Add(t);
            int interactions = t.Arrests + t.Cooptations + state.FacilitationEvents[m] + orgs.NationalContacts(m);
            waveInteractions += interactions;
            waveFacilitation += state.FacilitationEvents[m];
            waveConcessions += state.Concessions[m];
            sympathyWeighted += opinion.Sympathy[m] * t.Total;
            repressionWeighted += state.RepressionStance[m] * t.Total;
            facilitationWeighted += state.FacilitationStance[m] * t.Total;
            perMovement[m] = Observe(tick, scenario.Movements[m].Id, t, orgs.SectorsEngaged[m], interactions,
                state.FacilitationEvents[m], state.Concessions[m], state.EffectiveOpenness, allies, opinion.Sympathy[m])
                with { RepressionLevel = state.RepressionStance[m], FacilitationLevel = state.FacilitationStance[m] };
        }
        var waveObs = Observe(tick, TickObservation.WaveId, wave, orgs.SectorsEngagedOverall, waveInteractions,
            waveFacilitation, waveConcessions, state.EffectiveOpenness, allies, wave.Total > 0 ? sympathyWeighted / wave.Total : 0)
            with
            {
                RepressionLevel = wave.Total > 0 ? repressionWeighted / wave.Total : 0,
                FacilitationLevel = wave.Total > 0 ? facilitationWeighted / wave.Total : 0,
            };

        bool turnover = state.TurnoverNow;
        var waveStage = Classify(_wave, waveObs, turnover);
        waveObs = waveObs with { Stage = waveStage, Cycle = _wave.Cycle };
        for (int m = 0; m < n; m++)
        {
            var st = Classify(_movements[m], perMovement[m], turnover);
            perMovement[m] = perMovement[m] with { Stage = st, Cycle = _movements[m].Cycle };
        }

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

        if (_keepSeries)
        {
            _series.Add(waveObs);
            if (n > 1) _series.AddRange(perMovement);
        }
        _onWave?.Invoke(waveObs);
    }

    private static Stage Classify(StageClassifier classifier, TickObservation o, bool turnover)
    {
        classifier.Observe(new StageInput
        {
            Tick = o.Tick,
            Activists = o.Activists,
            Participation = o.Participation,
            FrameAdoption = o.FrameAdoption,
            RadicalShare = o.RadicalShare,
            SectorsEngaged = o.SectorsEngaged,
            Interactions = o.Interactions,
            ViolentActs = o.ViolentActs,
            Cooptations = o.Cooptations,
            RepressionEvents = o.RepressionEvents,
            FacilitationEvents = o.FacilitationEvents,
            Concessions = o.Concessions,
            OutsidePressure = o.OutsidePressure,
            RepressionLevel = o.RepressionLevel,
            FacilitationLevel = o.FacilitationLevel,
            Turnover = turnover,
        });
        return classifier.Current;
    }

    private static TickObservation Observe(int tick, string movement, in MovementTally t, int sectors, int interactions,
        int facilitation, int concessions, double openness, TransnationalLayer allies, double sympathy)
    {
        int total = t.Total;
        return new TickObservation
        {
            Tick = tick,
            Movement = movement,
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
            Sympathy = sympathy,
            MeanGrievance = total > 0 ? t.GrievanceSum / total : 0,
            Alliances = allies.StandingAlliances,
        };
    }
}
