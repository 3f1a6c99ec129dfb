using ContentionSim.Core.Stages;

namespace ContentionSim.Core.Observation;

/// <summary>
/// One number of a whole run, as outputs and analyses compare it across runs: a headline figure
/// (<see cref="Headline"/>, written to run.json and to a sweep's runs.csv and summary.csv) or a
/// measure derived from the run's cycles (the sensitivity outcomes, the experiments' measures). The
/// catalog <see cref="Metrics"/> declares each one once — name, unit, label, meaning and how it is
/// computed — in the spirit of Agents.jl's <c>mdata</c>.
/// </summary>
public sealed class Metric
{
    private readonly Func<RunResult, double?> _of;
    private readonly Func<Headline, double>? _stored;
    private readonly Func<Headline, double?>? _fromHeadline;
    private readonly bool _negativeIsNone;

    /// <summary>A metric computed from a whole run.</summary>
    public Metric(string name, string label, string unit, bool whole, double plotScale, string description, Func<RunResult, double?> of)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(of);
        Name = name;
        Label = label;
        Unit = unit;
        Whole = whole;
        PlotScale = plotScale;
        Description = description;
        _of = of;
    }

    private Metric(string name, string label, string unit, bool whole, double plotScale, string description,
        Func<Headline, double> stored, bool negativeIsNone)
        : this(name, label, unit, whole, plotScale, description, r => None(stored(r.Headline), negativeIsNone))
    {
        _stored = stored;
        _negativeIsNone = negativeIsNone;
        _fromHeadline = h => None(stored(h), negativeIsNone);
    }

    private Metric(string name, string label, string unit, bool whole, double plotScale, string description, Func<Headline, double?> fromHeadline)
        : this(name, label, unit, whole, plotScale, description, r => fromHeadline(r.Headline))
    {
        _fromHeadline = fromHeadline;
    }

    /// <summary>A metric computed from a run's <see cref="Headline"/> but not kept in it (run.json, runs.csv).</summary>
    internal static Metric DerivedFromHeadline(string name, string label, string unit, bool whole, double plotScale, string description,
        Func<Headline, double?> of) => new(name, label, unit, whole, plotScale, description, of);

    /// <summary>A metric kept in the run's <see cref="Headline"/>.</summary>
    internal static Metric FromHeadline(string name, string label, string unit, bool whole, double plotScale, string description,
        Func<Headline, double> stored, bool negativeIsNone = false) =>
        new(name, label, unit, whole, plotScale, description, stored, negativeIsNone);

    /// <summary>Name: a column of runs.csv, a key of run.json's headline, a file-name part; snake_case (e.g. <c>peak_participation</c>).</summary>
    public string Name { get; }

    /// <summary>Axis label, e.g. "Peak participation (% of activists)".</summary>
    public string Label { get; }

    /// <summary>Unit of the value as computed (before <see cref="PlotScale"/>), e.g. "share of activists (0–1)".</summary>
    public string Unit { get; }

    /// <summary>Whether the value is a count (written without decimals).</summary>
    public bool Whole { get; }

    /// <summary>Factor applied on figures and tables (100 for shares shown as percentages).</summary>
    public double PlotScale { get; }

    /// <summary>What it means and how it is computed.</summary>
    public string Description { get; }

    /// <summary>Whether the run's <see cref="Headline"/> keeps it (run.json's <c>headline</c>, a sweep's runs.csv).</summary>
    public bool InHeadline => _stored is not null;

    /// <summary>The value of a run; null when it does not exist for that run (time to peak without a cycle).</summary>
    public double? Of(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _of(run);
    }

    /// <summary>Whether the value can be computed from a run's <see cref="Headline"/> alone (a sweep's records, global sensitivity).</summary>
    public bool OfHeadlineAlone => _fromHeadline is not null;

    /// <summary>The value in a headline; null when it does not exist for that run.</summary>
    /// <exception cref="InvalidOperationException">The metric needs more of the run than its headline.</exception>
    public double? Of(Headline headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        return _fromHeadline is null ? throw new InvalidOperationException($"The metric '{Name}' needs the run's cycles, not only its headline.") : _fromHeadline(headline);
    }

    /// <summary>The value as the headline stores it (time to peak: -1 without a cycle).</summary>
    /// <exception cref="InvalidOperationException">The metric is not kept in the headline.</exception>
    public double Stored(Headline headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        return _stored is null ? throw new InvalidOperationException($"The metric '{Name}' is not kept in a run's headline.") : _stored(headline);
    }

    /// <summary>The value a headline stores as <paramref name="stored"/> (null for none: time to peak -1).</summary>
    public double? FromStored(double stored) => None(stored, _negativeIsNone);

    private static double? None(double value, bool negativeIsNone) => negativeIsNone && value < 0 ? null : value;

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}

/// <summary>The catalog of per-run metrics.</summary>
public static class Metrics
{
    private const string Share = "share of activists (0–1)";
    private const string Ticks = "ticks";
    private const string Count = "count";

    /// <summary>The metric <c>cycles</c>; its label, unit and meaning are declared below.</summary>
    public static Metric Cycles { get; } = Metric.FromHeadline("cycles", "Cycles of contention (not counting fizzles)", Count, true, 1,
        "cycles of the wave that were not fizzles (ended or still under way)", h => h.Cycles);

    /// <summary>The metric <c>completed_cycles</c>; its label, unit and meaning are declared below.</summary>
    public static Metric CompletedCycles { get; } = Metric.FromHeadline("completed_cycles", "Completed cycles", Count, true, 1,
        "cycles of the wave that ended with an outcome other than a fizzle", h => h.CompletedCycles);

    /// <summary>The metric <c>fizzles</c>; its label, unit and meaning are declared below.</summary>
    public static Metric Fizzles { get; } = Metric.FromHeadline("fizzles", "Fizzled cycles", Count, true, 1,
        "cycles of the wave that fell back before interaction with the state peaked", h => h.Fizzles);

    /// <summary>The metric <c>peak_participation</c>; its label, unit and meaning are declared below.</summary>
    public static Metric PeakParticipation { get; } = Metric.FromHeadline("peak_participation", "Peak participation (% of activists)", Share, false, 100,
        "highest share of activists active in a tick (the wave)", h => h.PeakParticipation);

    /// <summary>The metric <c>peak_tick</c>; its label, unit and meaning are declared below.</summary>
    public static Metric PeakTick { get; } = Metric.FromHeadline("peak_tick", "Tick of peak participation", Ticks, true, 1,
        "the tick of the highest participation (the wave)", h => h.PeakTick);

    /// <summary>The metric <c>time_to_peak</c>; its label, unit and meaning are declared below.</summary>
    public static Metric TimeToPeak { get; } = Metric.FromHeadline("time_to_peak", "Time from onset to peak of the first cycle (ticks)", Ticks, true, 1,
        "ticks from the onset of the wave's first cycle to its peak; none without a cycle (run.json: -1)", h => h.TimeToPeak, negativeIsNone: true);

    /// <summary>The metric <c>mean_participation</c>; its label, unit and meaning are declared below.</summary>
    public static Metric MeanParticipation { get; } = Metric.FromHeadline("mean_participation", "Mean participation (% of activists)", Share, false, 100,
        "share of activists active, averaged over the ticks", h => h.MeanParticipation);

    /// <summary>Ticks spent in each stage summed over the wave's cycles, by stage number (0: latent, the rest of the run).</summary>
    public static IReadOnlyList<Metric> StageTicks { get; } = Enum.GetValues<Stage>().Select(StageTicksMetric).ToArray();

    /// <summary>The total over the run of <see cref="Observables.RepressionEvents"/> (a metric of the same name).</summary>
    public static Metric RepressionEvents { get; } = Total(Observables.RepressionEvents, h => h.RepressionEvents, "Repression events");

    /// <summary>The total over the run of <see cref="Observables.FacilitationEvents"/> (a metric of the same name).</summary>
    public static Metric FacilitationEvents { get; } = Total(Observables.FacilitationEvents, h => h.FacilitationEvents, "Facilitation events");

    /// <summary>The total over the run of <see cref="Observables.Concessions"/> (a metric of the same name).</summary>
    public static Metric Concessions { get; } = Total(Observables.Concessions, h => h.Concessions, "Concessions");

    /// <summary>The total over the run of <see cref="Observables.Cooptations"/> (a metric of the same name).</summary>
    public static Metric Cooptations { get; } = Total(Observables.Cooptations, h => h.Cooptations, "Co-optations");

    /// <summary>The total over the run of <see cref="Observables.ViolentActs"/> (a metric of the same name).</summary>
    public static Metric ViolentActs { get; } = Total(Observables.ViolentActs, h => h.ViolentActs, "Violent acts");

    /// <summary>The metric <c>late_violence_share</c>; its label, unit and meaning are declared below.</summary>
    public static Metric LateViolenceShare { get; } = Metric.FromHeadline("late_violence_share", "Share of violence in demobilization (%)", "share of violent acts (0–1)", false, 100,
        "share of the wave's violent acts that fell in demobilization stages (4–6)", h => h.LateViolenceShare);

    /// <summary>The metric <c>mean_outside_pressure</c>; its label, unit and meaning are declared below.</summary>
    public static Metric MeanOutsidePressure { get; } = Metric.FromHeadline("mean_outside_pressure", "Mean outside pressure", Observables.OutsidePressure.Unit, false, 1,
        "outside pressure averaged over the ticks", h => h.MeanOutsidePressure);

    /// <summary>The metric <c>max_outside_pressure</c>; its label, unit and meaning are declared below.</summary>
    public static Metric MaxOutsidePressure { get; } = Metric.FromHeadline("max_outside_pressure", "Peak outside pressure", Observables.OutsidePressure.Unit, false, 1,
        "highest outside pressure in a tick", h => h.MaxOutsidePressure);

    /// <summary>The metric <c>alliances_formed</c>; its label, unit and meaning are declared below.</summary>
    public static Metric AlliancesFormed { get; } = Metric.FromHeadline("alliances_formed", "Transnational alliances formed", Count, true, 1,
        "alliances with NGOs or international organizations abroad formed over the run", h => h.AlliancesFormed);

    /// <summary>The metrics kept in every run's headline, in the column order of a sweep's runs.csv and summary.csv.</summary>
    public static IReadOnlyList<Metric> OfHeadline { get; } =
    [
        Cycles, CompletedCycles, Fizzles, PeakParticipation, PeakTick, TimeToPeak, MeanParticipation, .. StageTicks,
        RepressionEvents, FacilitationEvents, Concessions, Cooptations, ViolentActs, LateViolenceShare,
        MeanOutsidePressure, MaxOutsidePressure, AlliancesFormed,
    ];

    // ---- measures derived from a run's cycles -----------------------------------------------------

    /// <summary>The metric <c>cycle_share</c>; its label, unit and meaning are declared below.</summary>
    public static Metric CycleShare { get; } = Metric.DerivedFromHeadline("cycle_share", "Runs with a cycle (%)", "0 or 1", false, 100,
        "1 when the run has at least one non-fizzle cycle of the wave, else 0: its mean is the share of runs with a cycle (the runs that have a cycle length)",
        h => h.Cycles > 0 ? 1 : 0);

    /// <summary>The metric <c>cycle_length</c>; its label, unit and meaning are declared below.</summary>
    public static Metric CycleLength { get; } = new("cycle_length", "Mean cycle length (ticks)", Ticks, false, 1,
        "mean length in ticks of the run's non-fizzle cycles of the wave (end − start; to the end of the run when under way); absent in runs without such a cycle",
        MeanCycleLength);

    /// <summary>The metric <c>negotiated_share</c>; its label, unit and meaning are declared below.</summary>
    public static Metric NegotiatedShare { get; } = Metric.DerivedFromHeadline("negotiated_share", "Negotiated share of ended cycles (%)", "share of cycles (0–1)", false, 100,
        "share of the run's ended non-fizzle cycles whose outcome is negotiated; absent when none ended",
        h => OutcomeShare(h, Outcome.Negotiated));

    /// <summary>The metric <c>suppressed_share</c>; its label, unit and meaning are declared below.</summary>
    public static Metric SuppressedShare { get; } = Metric.DerivedFromHeadline("suppressed_share", "Suppressed share of ended cycles (%)", "share of cycles (0–1)", false, 100,
        "share of the run's ended non-fizzle cycles whose outcome is suppressed; absent when none ended",
        h => OutcomeShare(h, Outcome.Suppressed));

    /// <summary>The metric <c>turnover_share</c>; its label, unit and meaning are declared below.</summary>
    public static Metric TurnoverShare { get; } = Metric.DerivedFromHeadline("turnover_share", "Revolutionary-turnover share of ended cycles (%)", "share of cycles (0–1)", false, 100,
        "share of the run's ended non-fizzle cycles whose outcome is revolutionary turnover; absent when none ended",
        h => OutcomeShare(h, Outcome.RevolutionaryTurnover));

    /// <summary>Every metric of the catalog: the headline, then the measures derived from cycles.</summary>
    public static IReadOnlyList<Metric> All { get; } = [.. OfHeadline, CycleShare, CycleLength, NegotiatedShare, SuppressedShare, TurnoverShare];

    /// <summary>The metric named <paramref name="name"/>, or null.</summary>
    public static Metric? Find(string? name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Name of the ticks spent in <paramref name="stage"/> (<c>latent_ticks</c>, <c>stage1_ticks</c>, …).</summary>
    public static string StageTicksName(Stage stage) => stage == Stage.Latent ? "latent_ticks" : $"stage{(int)stage}_ticks";

    /// <summary>Mean length in ticks of the wave's non-fizzle cycles (to the end of the run if one is under way), or null without one.</summary>
    public static double? MeanCycleLength(RunResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var lengths = MobilizationsOf(r).Select(c => (double)((c.EndTick ?? r.TicksRun) - c.StartTick)).ToArray();
        return lengths.Length == 0 ? null : lengths.Average();
    }

    /// <summary>Share of the wave's ended non-fizzle cycles with <paramref name="outcome"/>, or null when none ended.</summary>
    public static double? OutcomeShare(RunResult r, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(r);
        return OutcomeShare(r.Headline, outcome);
    }

    /// <summary>Share of the ended non-fizzle cycles among a headline's outcomes with <paramref name="outcome"/>, or null when none ended.</summary>
    public static double? OutcomeShare(Headline h, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(h);
        var ended = h.Outcomes.Where(o => o is not (Outcome.Fizzle or Outcome.Ongoing)).ToArray();
        return ended.Length == 0 ? null : (double)ended.Count(o => o == outcome) / ended.Length;
    }

    /// <summary>The wave's cycles that are not fizzles.</summary>
    private static IEnumerable<CycleRecord> MobilizationsOf(RunResult r) =>
        r.Cycles.Where(c => c.Movement == TickObservation.WaveId && c.Outcome != Outcome.Fizzle);

    private static Metric StageTicksMetric(Stage stage) => Metric.FromHeadline(StageTicksName(stage),
        stage == Stage.Latent ? "Ticks latent (no cycle under way)" : $"Ticks in stage {(int)stage} ({StageText.Name(stage)})", Ticks, true, 1,
        stage == Stage.Latent ? "ticks with no cycle of the wave under way" : $"ticks the wave's cycles spent in stage {(int)stage}, summed over cycles",
        h => StageDuration(h.StageDurations, stage));

    private static int StageDuration(IReadOnlyList<int> durations, Stage stage)
    {
        int i = (int)stage;
        return i >= 0 && i < durations.Count ? durations[i] : 0;
    }

    /// <summary>A headline count that is the wave's per-tick observable summed over the run, under the observable's name.</summary>
    private static Metric Total(Observable observable, Func<Headline, double> stored, string label) => Metric.FromHeadline(observable.Name, label, Count, true, 1,
        $"{observable.Description}, summed over the run (the wave)", stored);
}
