using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Core.Stages;

/// <summary>What the classifier reads of one tick: the measured observables of a movement or the wave.</summary>
internal readonly record struct StageInput
{
    public int Tick { get; init; }
    /// <summary>The tick's observables (see <see cref="Observables"/>).</summary>
    public TickValues Values { get; init; }
    /// <summary>Mobilization overwhelmed the state this tick.</summary>
    public bool Turnover { get; init; }
}

/// <summary>
/// Derives Tarrow's stage of a movement each tick from its observables. Criteria are
/// the <see cref="ClassifierParameters"/>; a stage is entered only after its criterion has
/// held for <c>dwell</c> ticks on smoothed observables, and a cycle opens and closes on
/// different margins (hysteresis). Stages advance forward only within a cycle; a cycle
/// that falls back before stage 3 is a fizzle. See docs/ODD.md, "Submodels: stage classifier".
/// </summary>
internal sealed class StageClassifier
{
    private readonly ClassifierParameters _p;
    private readonly List<StageEntry> _entries = [];
    private readonly List<CycleRecord> _cycles = [];
    private bool _started;
    private double _p_ema, _f_ema, _i_ema, _r_ema, _baseline;
    private int _pendingStage, _pendingTicks, _endTicks;

    // The open cycle.
    private int _start, _peakTick;
    private double _peak, _frameAtStart, _radicalAtPeak;
    private int _repression, _facilitation, _concessions, _cooptations, _violent, _violentLate;
    private int _violentSince4, _cooptSince4, _stateSince5, _violentSince5;
    private double _maxPressure, _repressionStance, _facilitationStance;
    private bool _turnover;
    private Stage _highest;
    private int[] _durations = new int[7];

    public StageClassifier(string movement, ClassifierParameters parameters)
    {
        Movement = movement;
        _p = parameters;
    }

    public string Movement { get; }
    public Stage Current { get; private set; } = Stage.Latent;
    /// <summary>Number of the current or last cycle; 0 before the first.</summary>
    public int Cycle { get; private set; }
    public IReadOnlyList<StageEntry> Entries => _entries;
    /// <summary>Cycles that have ended (call <see cref="Finish"/> to add the one under way).</summary>
    public IReadOnlyList<CycleRecord> Cycles => _cycles;
    /// <summary>Smoothed participation.</summary>
    public double SmoothedParticipation => _p_ema;
    public double Baseline => _baseline;

    /// <summary>Reads one tick and moves the stage if a criterion has held long enough.</summary>
    public void Observe(in StageInput x)
    {
        double a = _p.Smoothing;
        double perThousand = x.Values.Activists > 0 ? 1000.0 / x.Values.Activists : 0;
        if (!_started)
        {
            _started = true;
            _p_ema = x.Values.Participation; _f_ema = x.Values.FrameAdoption; _r_ema = x.Values.RadicalShare;
            _i_ema = x.Values.Interactions * perThousand;
            _baseline = x.Values.Participation;
        }
        else
        {
            _p_ema += a * (x.Values.Participation - _p_ema);
            _f_ema += a * (x.Values.FrameAdoption - _f_ema);
            _r_ema += a * (x.Values.RadicalShare - _r_ema);
            _i_ema += a * (x.Values.Interactions * perThousand - _i_ema);
        }

        if (Current == Stage.Latent)
        {
            if (_p_ema > _baseline + _p.OnsetMargin)
            {
                if (++_pendingTicks >= _p.Dwell) Open(x);
            }
            else
            {
                // The baseline follows participation down at once and up only slowly.
                _pendingTicks = 0;
                _baseline = _p_ema < _baseline ? _p_ema : _baseline + (_p_ema - _baseline) / _p.BaselineWindow;
            }
            return;
        }

        Accumulate(x, perThousand);

        if (_p_ema <= Math.Max(_baseline + _p.EndMargin, _p.EndFraction * _peak))
        {
            if (++_endTicks >= _p.Dwell)
            {
                Close(x.Tick, ended: true);
                return;
            }
        }
        else _endTicks = 0;

        int target = Target(perThousand);
        if (target > (int)Current && target == _pendingStage)
        {
            if (++_pendingTicks >= _p.Dwell) Enter((Stage)target, x, perThousand);
        }
        else if (target > (int)Current)
        {
            _pendingStage = target;
            _pendingTicks = 1;
            if (_p.Dwell <= 1) Enter((Stage)target, x, perThousand);
        }
        else
        {
            _pendingStage = 0;
            _pendingTicks = 0;
        }
    }

    /// <summary>The highest stage whose criterion holds now, respecting the order of demobilization.</summary>
    private int Target(double perThousand)
    {
        int current = (int)Current;
        bool c2 = _f_ema - _frameAtStart >= _p.FrameRise;
        bool c3 = _i_ema >= _p.InteractionRate && _p_ema >= _p.NearPeak * _peak;
        bool c4 = current >= 3 && _p_ema <= _p.DeclineFraction * _peak;
        bool c5 = current >= 4 && (_violentSince4 + _cooptSince4) * PerThousandMobilized(perThousand) >= _p.ConfrontationCount;
        int stateActs = _stateSince5, all = _stateSince5 + _violentSince5;
        bool c6 = current >= 5 && all > 0 && (double)stateActs / all >= _p.StateResponseShare && _p_ema <= _p.ResponseFraction * _peak;
        // Demobilization stages follow one another by construction (each needs the one before).
        if (c6) return 6;
        if (c5) return 5;
        if (c4) return 4;
        // Mobilization stages are entered in order.
        if (current == 1 && c2) return 2;
        // Interaction peaks after frames spread: stage 3 follows stage 2, unless the frame
        // was already so widespread at onset that it could not rise further.
        bool frameSaturated = _frameAtStart + _p.FrameRise > 1;
        if (current < 3 && c3 && (current == 2 || frameSaturated)) return 3;
        return current;
    }

    /// <summary>Per 1,000 of those mobilized at the cycle's peak (peak participation × activists).</summary>
    private double PerThousandMobilized(double perThousand) => perThousand / Math.Max(_peak, 1e-3);

    private void Open(in StageInput x)
    {
        Cycle++;
        _start = x.Tick;
        _peak = _p_ema;
        _peakTick = x.Tick;
        _frameAtStart = _f_ema;
        _radicalAtPeak = _r_ema;
        _repression = _facilitation = _concessions = _cooptations = _violent = _violentLate = 0;
        _violentSince4 = _cooptSince4 = _stateSince5 = _violentSince5 = 0;
        _maxPressure = x.Values.OutsidePressure;
        _repressionStance = _facilitationStance = 0;
        _turnover = false;
        _durations = new int[7];
        _highest = Stage.ConflictAndDiffusion;
        _pendingStage = 0;
        _pendingTicks = 0;
        _endTicks = 0;
        Current = Stage.ConflictAndDiffusion;
        Record(x);
    }

    private void Accumulate(in StageInput x, double perThousand)
    {
        _durations[(int)Current]++;
        if (_p_ema > _peak)
        {
            _peak = _p_ema;
            _peakTick = x.Tick;
            _radicalAtPeak = _r_ema;
        }
        _repression += x.Values.RepressionEvents;
        _facilitation += x.Values.FacilitationEvents;
        _concessions += x.Values.Concessions;
        _cooptations += x.Values.Cooptations;
        _violent += x.Values.ViolentActs;
        if (Current >= Stage.ExhaustionAndPolarization)
        {
            _violentLate += x.Values.ViolentActs;
            _violentSince4 += x.Values.ViolentActs;
            _cooptSince4 += x.Values.Cooptations;
        }
        if (Current >= Stage.ViolenceAndInstitutionalization)
        {
            _stateSince5 += x.Values.RepressionEvents + x.Values.FacilitationEvents + x.Values.Cooptations;
            _violentSince5 += x.Values.ViolentActs;
        }
        _maxPressure = Math.Max(_maxPressure, x.Values.OutsidePressure);
        _repressionStance += x.Values.RepressionLevel;
        _facilitationStance += x.Values.FacilitationLevel;
        _turnover |= x.Turnover;
    }

    private void Enter(Stage stage, in StageInput x, double perThousand)
    {
        Current = stage;
        if (stage > _highest) _highest = stage;
        _pendingStage = 0;
        _pendingTicks = 0;
        var entry = Entry(x);
        if (stage == Stage.ViolenceAndInstitutionalization)
            entry = entry with
            {
                ViolentActsSinceExhaustion = _violentSince4,
                CooptationsSinceExhaustion = _cooptSince4,
                ConfrontationsPerThousandMobilized = (_violentSince4 + _cooptSince4) * PerThousandMobilized(perThousand),
            };
        else if (stage == Stage.FacilitationAndRepression)
            entry = entry with { StateResponseShare = (double)_stateSince5 / Math.Max(1, _stateSince5 + _violentSince5) };
        if (stage == Stage.ViolenceAndInstitutionalization) { _stateSince5 = 0; _violentSince5 = 0; }
        _entries.Add(entry);
    }

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
        return Outcome.Suppressed;
    }

    /// <summary>Closes a cycle still under way at the end of the run (outcome Ongoing, or turnover).</summary>
    public void Finish(int lastTick)
    {
        if (Current != Stage.Latent) Close(lastTick, ended: false);
    }
}
