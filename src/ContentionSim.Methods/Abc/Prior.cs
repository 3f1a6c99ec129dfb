using MathNet.Numerics.Distributions;

namespace ContentionSim.Methods.Abc;

/// <summary>The prior distribution of one free parameter (densities and draws by MathNet.Numerics).</summary>
public abstract record Prior
{
    public abstract double Sample(Random rng);

    /// <summary>ln of the prior density at <paramref name="x"/> (−∞ outside the support).</summary>
    public abstract double LogDensity(double x);

    /// <summary>The range a design or a plot should span (the 0.1% and 99.9% quantiles of an unbounded prior).</summary>
    public abstract (double Lower, double Upper) Range { get; }
}

/// <summary>Uniform on [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
public sealed record UniformPrior(double Lower, double Upper) : Prior
{
    public override double Sample(Random rng) => ContinuousUniform.Sample(rng, Lower, Upper);

    public override double LogDensity(double x) => ContinuousUniform.PDFLn(Lower, Upper, x);

    public override (double Lower, double Upper) Range => (Lower, Upper);
}

/// <summary>Normal with mean <see cref="Mean"/> and standard deviation <see cref="Sd"/>.</summary>
public sealed record NormalPrior(double Mean, double Sd) : Prior
{
    public override double Sample(Random rng) => Normal.Sample(rng, Mean, Sd);

    public override double LogDensity(double x) => Normal.PDFLn(Mean, Sd, x);

    public override (double Lower, double Upper) Range => (Normal.InvCDF(Mean, Sd, 0.001), Normal.InvCDF(Mean, Sd, 0.999));
}

/// <summary>Log-uniform on [<see cref="Lower"/>, <see cref="Upper"/>] (both positive): uniform in the order of magnitude.</summary>
public sealed record LogUniformPrior(double Lower, double Upper) : Prior
{
    public override double Sample(Random rng) => Math.Exp(ContinuousUniform.Sample(rng, Math.Log(Lower), Math.Log(Upper)));

    public override double LogDensity(double x) =>
        x >= Lower && x <= Upper ? -Math.Log(x) - Math.Log(Math.Log(Upper) - Math.Log(Lower)) : double.NegativeInfinity;

    public override (double Lower, double Upper) Range => (Lower, Upper);
}

/// <summary>A free parameter and its prior.</summary>
public sealed record AbcParameter(string Name, Prior Prior);
