using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// Fact 3: a tight POS (openness 0.1) against an open one (0.9), paired by seed. Tight: more arrests,
/// a more radical active core late in the cycle, shorter mobilizations, mostly suppression. Open: a
/// larger facilitative share of the state's responses, more co-optation per participant, mostly
/// negotiated outcomes. Each difference is a paired 95% t-interval that must exclude 0 in the stated
/// direction; each outcome share a Wilson lower bound above 0.5.
/// </summary>
public sealed class Fact3TightOpen : Experiment
{
    public const string Openness = "state.openness";
    public const double Tight = 0.1, Open = 0.9;

    public override string Id => "fact3";
    public override string Title => "Tight POS represses and radicalizes; open POS facilitates and institutionalizes";
    public override string Claim => "Tight POS: more repression, shorter mobilization, outcomes mostly suppression; open POS: more facilitation and institutionalization, less radicalization.";
    public override string Source => "MODEL.md fact 3; Tarrow (1998) ch. 5; Koopmans (1993), ASR 58:637–658";
    public override string FileName => "fact3-tight-vs-open.yaml";

    public override IReadOnlyList<string> Measures { get; } =
        ["arrests", "facilitative_share", "cooptation_rate", "late_radical_share", "mean_cycle_length", "modal_outcome"];

    public override double[] Measure(RunResult run)
    {
        var mobilizations = RunMeasures.Mobilizations(run);
        var modal = RunMeasures.ModalOutcome(run);
        return
        [
            run.Headline.RepressionEvents,
            RunMeasures.FacilitativeShare(run),
            RunMeasures.CooptationRate(run),
            RunMeasures.LateRadicalShare(run),
            mobilizations.Count == 0 ? double.NaN : mobilizations.Average(c => (double)RunMeasures.Length(run, c)),
            modal is Outcome o ? (double)o : double.NaN,
        ];
    }

    /// <summary>Why the open arm's checks fail since the funnel (measured 7 Dec 2026, with the momentum floor in people).</summary>
    private const string OpenDoesNotMobilize = "at openness 0.9 the classroom movement hardly mobilizes since the mobilization funnel (issue 15): " +
        "institutions absorb grievance (Eisinger's open end), and in seeds 1-6 (7 Dec 2026, momentum floor in people) four peak at 0.2-0.4% " +
        "with no cycle and two have one fizzle (peaks 5.9% and 8.8%); 1 of 100 seeds has a cycle of contention at full size (again on 8 Dec 2026, with stage 3 asking for a rise in interaction), so there is " +
        "little for the open state to co-opt or negotiate with, and the state answers threat, which a movement at 0.3% does not pose";

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        var tight = Arm(runs, Openness, Tight);
        var open = Arm(runs, Openness, Open);
        var checks = new List<Check>
        {
            PairedAbove("arrests: tight − open", tight, open, "arrests") with
            {
                Key = "arrests", Kind = CheckKind.Formula, KindReason = "the state's own rule: its repression falls with openness",
            },
            PairedAbove("facilitative share of state responses: open − tight", open, tight, "facilitative_share") with
            {
                Key = "facilitation", Kind = CheckKind.Formula, KindReason = "the state's own rule: its facilitation rises with openness",
            },
            PairedAbove("co-optations per 1,000 participant-ticks: open − tight", open, tight, "cooptation_rate") with
            {
                Key = "cooptation", Kind = CheckKind.Formula,
                KindReason = "activists are co-opted only while the state facilitates, which its rule ties to openness; cooptation set by hand, b8053e2",
                KnownFailure = OpenDoesNotMobilize,
            },
            PairedAbove("mean radical share of the active in stages 4–6: tight − open", tight, open, "late_radical_share") with
            {
                Key = "late_radicals", Kind = CheckKind.CalibrationTarget,
                KindReason = "radical_commitment and violence_threshold were set by hand so that fact 3 holds, b8053e2",
                KnownFailure = OpenDoesNotMobilize,
            },
            PairedAbove("mean length of non-fizzle cycles (ticks): open − tight (tight shorter)", open, tight, "mean_cycle_length") with
            {
                Key = "cycle_length_tight_shorter",
                KnownFailure = OpenDoesNotMobilize + "; before the funnel, cycles under a tight POS were about as long as under an open one " +
                               "(docs/ODD.md, Known limitations 12)",
            },
        };
        var suppressed = Proportion.Wilson(tight.Count(r => r["modal_outcome"] == (double)Outcome.Suppressed), tight.Count);
        var negotiated = Proportion.Wilson(open.Count(r => r["modal_outcome"] == (double)Outcome.Negotiated), open.Count);
        checks.Add(new Check("tight: share of seeds whose most common outcome is suppressed", suppressed, "Wilson 95% lower bound > 0.5",
            suppressed.HasInterval && suppressed.Low > 0.5, $"{(int)Math.Round(suppressed.Value * tight.Count)} of {tight.Count} seeds (ties and runs without a completed cycle count against)")
        {
            Key = "suppressed", Kind = CheckKind.Formula,
            KindReason = "an outcome is judged by the state's stance over the cycle, which its rule sets from openness",
        });
        checks.Add(new Check("open: share of seeds whose most common outcome is negotiated", negotiated, "Wilson 95% lower bound > 0.5",
            negotiated.HasInterval && negotiated.Low > 0.5, $"{(int)Math.Round(negotiated.Value * open.Count)} of {open.Count} seeds")
        {
            Key = "negotiated", Kind = CheckKind.Formula,
            KindReason = "an outcome is judged by the state's stance over the cycle, which its rule sets from openness",
            KnownFailure = OpenDoesNotMobilize,
        });

        var reported = new List<Reported>();
        foreach (var m in Measures.Where(m => m != "modal_outcome"))
        {
            reported.Add(new Reported($"{m}, tight", Statistics.Mean(tight.Select(r => r[m]))));
            reported.Add(new Reported($"{m}, open", Statistics.Mean(open.Select(r => r[m]))));
        }
        return Result(runs.Count, checks, reported, PairedFigure.Build("Fact 3: tight (0.1) against open (0.9) POS, paired by seed", checks.Take(5).ToArray(), tight, open,
            ["arrests", "facilitative_share", "cooptation_rate", "late_radical_share", "mean_cycle_length"],
            ["arrests (T−O)", "facilitative share (O−T)", "co-optation rate (O−T)", "late radical share (T−O)", "cycle length (O−T)"]));
    }
}
