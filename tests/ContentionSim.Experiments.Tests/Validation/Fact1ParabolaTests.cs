using ContentionSim.Reporting.Tests;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>Fact 1's per-run measures on hand-made cycles, and its checks.</summary>
public class Fact1ParabolaTests
{
    private static readonly Fact1Parabola Experiment = new();

    private static double[] Measure(Func<int, double> participation, params (Stage, int)[] entries) =>
        Experiment.Measure(Synthetic.Run(
            Synthetic.Series(100, participation),
            [new CycleRecord { Cycle = 1, StartTick = 10, PeakTick = 20, EndTick = 30, Outcome = Outcome.Negotiated }],
            Synthetic.Entries(1, entries)));

    private static double Get(double[] values, string name) => values[Experiment.Measures.ToList().IndexOf(name)];

    private static readonly (Stage, int)[] AllSix =
    [
        (Stage.ConflictAndDiffusion, 10), (Stage.RepertoiresAndFrames, 12), (Stage.InformationAndInteraction, 15),
        (Stage.ExhaustionAndPolarization, 22), (Stage.ViolenceAndInstitutionalization, 25), (Stage.FacilitationAndRepression, 28),
    ];

    private static double Hill(int t) => t switch { 10 => 0.05, 20 => 0.3, 30 => 0.02, _ => 0.1 };

    [Fact]
    public void A_rise_peak_and_decline_through_stages_one_to_six_counts()
    {
        var m = Measure(Hill, AllSix);
        Assert.Equal(1, Get(m, "parabola"));
        Assert.Equal(1, Get(m, "stages_1_to_6"));
        Assert.Equal(1, Get(m, "parabola_and_stages"));
        Assert.Equal(1, Get(m, "visits_all_six"));
        Assert.Equal(0.3, Get(m, "first_peak_participation"));
        Assert.Equal(0, Get(m, "cycles_out_of_order"));
    }

    [Fact]
    public void A_flat_cycle_or_stages_out_of_order_do_not_count()
    {
        Assert.Equal(0, Get(Measure(t => 0.1, AllSix), "parabola")); // peak not twice the onset
        var swapped = AllSix.ToArray();
        (swapped[3], swapped[4]) = ((Stage.ViolenceAndInstitutionalization, 22), (Stage.ExhaustionAndPolarization, 25));
        var m = Measure(Hill, swapped);
        Assert.Equal(0, Get(m, "stages_1_to_6"));
        Assert.Equal(1, Get(m, "cycles_out_of_order"));
        // Stage 2 skipped: still in order and reaching 6, but not all six visited.
        var skipped = Measure(Hill, [.. AllSix.Where(e => e.Item1 != Stage.RepertoiresAndFrames)]);
        Assert.Equal(1, Get(skipped, "stages_1_to_6"));
        Assert.Equal(0, Get(skipped, "visits_all_six"));
    }

    [Fact]
    public void The_check_needs_a_Wilson_lower_bound_above_one_half()
    {
        ExperimentRun Run(int r, bool ok) => Synthetic.Record(r, [],
            Experiment.Measures.Select(n => (n, n is "parabola_and_stages" ? (ok ? 1.0 : 0.0) : n is "cycles_out_of_order" ? 0.0 : 1.0)).ToArray());
        var pass = Experiment.Analyze(Enumerable.Range(0, 30).Select(r => Run(r, r < 24)).ToArray()); // 24/30: Wilson low 0.627
        Assert.True(pass.Checks[0].Passed);
        var fail = Experiment.Analyze(Enumerable.Range(0, 30).Select(r => Run(r, r < 18)).ToArray()); // 18/30: low 0.423
        Assert.False(fail.Checks[0].Passed);
        Assert.False(fail.Passed);
        Assert.True(fail.Checks[1].Passed);
    }
}
