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
/// Derives Tarrow's stage of a movement each tick from its observables. The criteria are the
/// table <see cref="StageRules.All"/> (measures compared with the <see cref="ClassifierParameters"/>);
/// a stage is entered only after its criterion has held for <c>dwell</c> ticks on smoothed
/// observables, and a cycle opens and closes on different margins (hysteresis). Stages advance
/// forward, one at a time, within a cycle; a cycle that falls back before stage 3 is a fizzle.
/// Observing a tick allocates nothing. See docs/ODD.md, "Submodels: stage classifier".
/// </summary>
internal sealed partial class StageClassifier
{
    private const double PeakFloor = 1e-3;
    private readonly ClassifierParameters _p;
    private readonly List<StageEntry> _entries = [];
    private readonly List<CycleRecord> _cycles = [];
    /// <summary>The rule of each stage (index = stage number), null for 0 and 1.</summary>
    private readonly StageRule?[] _rules = new StageRule?[7];
    /// <summary>Thresholds of each stage's routes' conditions, read once from the parameters.</summary>
    private readonly double[][][] _thresholds = new double[7][][];
    /// <summary>This tick's measures, indexed by <see cref="StageMeasure"/>.</summary>
    private readonly double[] _m = new double[Enum.GetValues<StageMeasure>().Length];
    private readonly bool[] _routeHeld = new bool[4];
    private bool _started;
    private double _p_ema, _f_ema, _i_ema, _i_quiet, _r_ema, _x_ema, _v_ema, _c_ema, _baseline, _growth;
    private int _pendingStage, _pendingTicks, _endTicks;

    // The open cycle.
    private int _start, _peakTick;
    private double _peak, _frameAtStart, _interactionQuiet, _radicalAtPeak, _violenceAtPeak, _cooptationAtPeak, _maxGrowth;
    private int _repression, _facilitation, _concessions, _cooptations, _violent, _violentLate, _violentAfterPeak;
    private int _violentSince4, _cooptSince4, _stateSince5, _violentSince5;
    private double _maxPressure, _repressionStance, _facilitationStance;
    private bool _turnover;
    private Stage _highest;
    private string _stage5Route = "";
    private int[] _durations = new int[7];

    public StageClassifier(string movement, ClassifierParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Movement = movement;
        _p = parameters;
        foreach (var rule in StageRules.All)
        {
            _rules[(int)rule.Stage] = rule;
            _thresholds[(int)rule.Stage] = rule.Routes
                .Select(route => route.Conditions.Select(c => StageRules.Threshold(parameters, c.Parameter)).ToArray()).ToArray();
        }
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
        double exhausted = x.Values.Activists > 0 ? (double)x.Values.Exhausted / x.Values.Activists : 0;
        double perThousandActive = x.Values.Active > 0 ? 1000.0 / x.Values.Active : 0;
        double violence = x.Values.ViolentActs * perThousandActive;
        // Co-opted per active; with no one active, the co-opted count as ten times the active (a cap, not infinity).
        double cooptation = x.Values.Active > 0 ? (double)x.Values.Coopted / x.Values.Active : x.Values.Coopted > 0 ? 10 : 0;
        if (!_started)
        {
            _started = true;
            _p_ema = x.Values.Participation; _f_ema = x.Values.FrameAdoption; _r_ema = x.Values.RadicalShare;
            _i_ema = x.Values.Interactions * perThousand;
            _i_quiet = _i_ema;
            _x_ema = exhausted; _v_ema = violence; _c_ema = cooptation;
            _baseline = x.Values.Participation;
            _growth = 0;
        }
        else
        {
            double before = _p_ema;
            _p_ema += a * (x.Values.Participation - _p_ema);
            // The rise of smoothed participation, smoothed again: a difference amplifies noise.
            _growth += a * (_p_ema - before - _growth);
            _f_ema += a * (x.Values.FrameAdoption - _f_ema);
            _r_ema += a * (x.Values.RadicalShare - _r_ema);
            _i_ema += a * (x.Values.Interactions * perThousand - _i_ema);
            _x_ema += a * (exhausted - _x_ema);
            _v_ema += a * (violence - _v_ema);
            _c_ema += a * (cooptation - _c_ema);
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
                // The quiet level of interaction: a slow average over the ticks between cycles (stage 3's reference).
                _i_quiet += (x.Values.Interactions * perThousand - _i_quiet) / _p.BaselineWindow;
            }
            return;
        }

        Accumulate(x);

        if (_p_ema <= Math.Max(_baseline + _p.EndMargin, _p.EndFraction * _peak))
        {
            if (++_endTicks >= _p.Dwell)
            {
                Close(x.Tick, ended: true);
                return;
            }
        }
        else _endTicks = 0;

        Measure();
        int target = Target();
        if (target > (int)Current && target == _pendingStage)
        {
            if (++_pendingTicks >= _p.Dwell) Enter((Stage)target, x);
        }
        else if (target > (int)Current)
        {
            _pendingStage = target;
            _pendingTicks = 1;
            if (_p.Dwell <= 1) Enter((Stage)target, x);
        }
        else
        {
            _pendingStage = 0;
            _pendingTicks = 0;
        }
    }

    /// <summary>This tick's measures (<see cref="StageMeasure"/>), from the smoothed observables and the cycle's counts.</summary>
    private void Measure()
    {
        _m[(int)StageMeasure.FrameRise] = _f_ema - _frameAtStart;
        _m[(int)StageMeasure.InteractionRate] = _i_ema;
        _m[(int)StageMeasure.InteractionRise] = Rise(_i_ema, _interactionQuiet);
        _m[(int)StageMeasure.RisePace] = _maxGrowth > 0 ? _growth / _maxGrowth : double.PositiveInfinity;
        _m[(int)StageMeasure.ShareOfPeak] = _peak > 0 ? _p_ema / _peak : 1;
        _m[(int)StageMeasure.ExhaustedPerMobilized] = _x_ema / Math.Max(_peak, PeakFloor);
        _m[(int)StageMeasure.RadicalShareRise] = _r_ema - _radicalAtPeak;
        _m[(int)StageMeasure.ViolenceRate] = _v_ema;
        _m[(int)StageMeasure.ViolenceRise] = Rise(_v_ema, _violenceAtPeak);
        _m[(int)StageMeasure.InstitutionalizedPerActive] = _c_ema;
        _m[(int)StageMeasure.InstitutionalizedRise] = Rise(_c_ema, _cooptationAtPeak);
        int all = _stateSince5 + _violentSince5;
        _m[(int)StageMeasure.StateResponseShare] = all > 0 ? (double)_stateSince5 / all : double.NaN;
    }

    private static double Rise(double now, double atPeak) => atPeak > 0 ? now / atPeak : now > 0 ? double.PositiveInfinity : 0;

    /// <summary>Whether stage <paramref name="stage"/>'s criterion holds now; marks which of its routes hold in <see cref="_routeHeld"/>.</summary>
    private bool Holds(int stage)
    {
        var rule = _rules[stage]!;
        var thresholds = _thresholds[stage];
        bool any = false;
        for (int r = 0; r < rule.Routes.Count; r++)
        {
            var conditions = rule.Routes[r].Conditions;
            bool all = true;
            for (int c = 0; c < conditions.Count && all; c++)
                all = StageCondition.Holds(_m[(int)conditions[c].Measure], conditions[c].Comparison, thresholds[r][c]);
            _routeHeld[r] = all;
            any |= all;
        }
        return any;
    }

    /// <summary>The next stage if its criterion holds now, else the current one. Stages are entered one at a time, in order.</summary>
    private int Target()
    {
        int current = (int)Current;
        if (current >= 6) return current;
        if (Holds(current + 1)) return current + 1;
        // Interaction peaks after frames spread: stage 3 follows stage 2, unless the frame
        // was already so widespread at onset that it could not rise further.
        bool frameSaturated = _frameAtStart + _p.FrameRise > 1;
        if (current == 1 && frameSaturated && Holds(3)) return 3;
        return current;
    }

    private void Open(in StageInput x)
    {
        Cycle++;
        _start = x.Tick;
        _peak = _p_ema;
        _peakTick = x.Tick;
        _frameAtStart = _f_ema;
        _interactionQuiet = _i_quiet;
        _radicalAtPeak = _r_ema;
        _violenceAtPeak = _v_ema;
        _cooptationAtPeak = _c_ema;
        _maxGrowth = Math.Max(0, _growth);
        _repression = _facilitation = _concessions = _cooptations = _violent = _violentLate = _violentAfterPeak = 0;
        _violentSince4 = _cooptSince4 = _stateSince5 = _violentSince5 = 0;
        _maxPressure = x.Values.OutsidePressure;
        _repressionStance = _facilitationStance = 0;
        _turnover = false;
        _stage5Route = "";
        _durations = new int[7];
        _highest = Stage.ConflictAndDiffusion;
        _pendingStage = 0;
        _pendingTicks = 0;
        _endTicks = 0;
        Current = Stage.ConflictAndDiffusion;
        Record(x);
    }

    private void Accumulate(in StageInput x)
    {
        _durations[(int)Current]++;
        if (_p_ema > _peak)
        {
            _peak = _p_ema;
            _peakTick = x.Tick;
            _radicalAtPeak = _r_ema;
            _violenceAtPeak = _v_ema;
            _cooptationAtPeak = _c_ema;
            _violentAfterPeak = 0;
        }
        else _violentAfterPeak += x.Values.ViolentActs;
        if (_growth > _maxGrowth) _maxGrowth = _growth;
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

    private void Enter(Stage stage, in StageInput x)
    {
        Current = stage;
        if (stage > _highest) _highest = stage;
        _pendingStage = 0;
        _pendingTicks = 0;
        var entry = Entry(x);
        if (stage == Stage.ExhaustionAndPolarization)
            entry = entry with { Route = Routes(4) };
        if (stage == Stage.ViolenceAndInstitutionalization)
        {
            _stage5Route = Routes(5);
            entry = entry with
            {
                Route = _stage5Route,
                ViolentActsSinceExhaustion = _violentSince4,
                CooptationsSinceExhaustion = _cooptSince4,
            };
            _stateSince5 = 0;
            _violentSince5 = 0;
        }
        _entries.Add(entry);
    }

    /// <summary>The names of the routes of <paramref name="stage"/> that held on the entry tick, joined by '+' (allocates only on entry).</summary>
    private string Routes(int stage)
    {
        var routes = _rules[stage]!.Routes;
        return string.Join('+', Enumerable.Range(0, routes.Count).Where(r => _routeHeld[r]).Select(r => routes[r].Name));
    }

    /// <summary>Closes a cycle still under way at the end of the run (outcome Ongoing, or turnover).</summary>
    public void Finish(int lastTick)
    {
        if (Current != Stage.Latent) Close(lastTick, ended: false);
    }

    /// <summary>
    /// Ends the burn-in's warm-up (docs/ODD.md 5): forgets the cycles and stages it saw but keeps
    /// what it learnt of the routine — the smoothed observables, the baseline of participation and
    /// the quiet level of interaction — so that the first recorded ticks are judged against the
    /// movement's routine, not against themselves. A cycle still open is dropped, and its level
    /// becomes the baseline (as when a cycle ends above its old baseline).
    /// </summary>
    public void Restart()
    {
        if (Current != Stage.Latent) _baseline = Math.Max(_baseline, _p_ema);
        _entries.Clear();
        _cycles.Clear();
        Cycle = 0;
        Current = Stage.Latent;
        _pendingStage = 0;
        _pendingTicks = 0;
        _endTicks = 0;
    }
}
