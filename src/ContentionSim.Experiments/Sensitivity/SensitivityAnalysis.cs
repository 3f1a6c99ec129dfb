using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>The summarized results of a sensitivity analysis: an effect per parameter and outcome.</summary>
/// <param name="Design">The design that was run.</param>
/// <param name="Effects">Parameter-major, then outcome in the order of <see cref="SensitivityOutcomes.All"/>.</param>
/// <param name="Baseline">Each outcome at the base scenario, in the order of <see cref="SensitivityOutcomes.All"/>.</param>
public sealed record SensitivityAnalysis(SensitivityDesign Design, IReadOnlyList<SensitivityEffect> Effects, IReadOnlyList<MeanInterval> Baseline)
{
    /// <summary>Summarizes complete results.</summary>
    public static SensitivityAnalysis Summarize(SensitivityResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (!results.Complete) throw new InvalidOperationException("the analysis did not finish; only complete results are summarized");
        var design = results.Design;
        var outcomes = SensitivityOutcomes.All;
        int n = design.Replications;
        double?[] Column(int variant, int outcome) =>
            Enumerable.Range(0, n).Select(r => results.Values[(long)variant * n + r][outcome]).ToArray();

        var baseline = outcomes.Select((_, o) => Describe(Column(0, o))).ToArray();
        var effects = new List<SensitivityEffect>();
        for (int k = 0; k < design.Parameters.Count; k++)
            for (int o = 0; o < outcomes.Count; o++)
            {
                var b = Column(0, o);
                var low = Column(1 + 2 * k, o);
                var high = Column(2 + 2 * k, o);
                effects.Add(new SensitivityEffect
                {
                    Parameter = design.Parameters[k],
                    Values = design.Ranges[k],
                    Outcome = outcomes[o],
                    Low = Describe(low),
                    Base = baseline[o],
                    High = Describe(high),
                    LowMinusBase = Paired(low, b),
                    HighMinusBase = Paired(high, b),
                    HighMinusLow = Paired(high, low),
                });
            }
        return new SensitivityAnalysis(design, effects, baseline);
    }

    /// <summary>The effects on <paramref name="outcome"/>, largest swing first (ties and NaN by parameter order).</summary>
    public IReadOnlyList<SensitivityEffect> Ranked(Metric outcome) =>
        Effects.Where(e => e.Outcome.Name == outcome.Name)
            .Select((e, i) => (e, i))
            .OrderByDescending(x => double.IsNaN(x.e.Swing) ? -1 : x.e.Swing)
            .ThenBy(x => x.i)
            .Select(x => x.e)
            .ToArray();

    private static MeanInterval Describe(double?[] values) =>
        MeanInterval.Of(values.Where(v => v is not null).Select(v => v!.Value));

    private static MeanInterval Paired(double?[] a, double?[] b) =>
        MeanInterval.Of(a.Zip(b).Where(p => p.First is not null && p.Second is not null).Select(p => p.First!.Value - p.Second!.Value));
}
