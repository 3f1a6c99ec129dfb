using MathNet.Numerics.Statistics;

namespace ContentionSim.Methods;

/// <summary>An estimate with a confidence interval [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
public readonly record struct Interval(double Value, double Lower, double Upper)
{
    /// <summary>Whether <paramref name="x"/> lies in the interval.</summary>
    public bool Contains(double x) => x >= Lower && x <= Upper;

    public double Width => Upper - Lower;

    public override string ToString() =>
        FormattableString.Invariant($"{Value:0.###} [{Lower:0.###}, {Upper:0.###}]");

    /// <summary>
    /// The percentile bootstrap interval (Efron &amp; Tibshirani 1993) at <paramref name="confidence"/>
    /// of the replicates <paramref name="replicates"/> around the point estimate <paramref name="value"/>
    /// (quantiles by MathNet.Numerics, R's type 7). Non-finite replicates are left out.
    /// </summary>
    public static Interval Percentile(double value, IEnumerable<double> replicates, double confidence = 0.95)
    {
        var xs = replicates.Where(double.IsFinite).ToArray();
        if (xs.Length == 0) return new Interval(value, double.NaN, double.NaN);
        double tail = (1 - confidence) / 2;
        return new Interval(value,
            xs.QuantileCustom(tail, QuantileDefinition.R7),
            xs.QuantileCustom(1 - tail, QuantileDefinition.R7));
    }
}
