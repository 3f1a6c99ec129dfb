using MathNet.Numerics.LinearAlgebra;

namespace ContentionSim.Methods.Abc;

/// <summary>Settings of <see cref="AbcSmc"/>.</summary>
public sealed record AbcSmcOptions
{
    /// <summary>Particles per population.</summary>
    public int Particles { get; init; } = 1000;

    /// <summary>Prior draws of the first population (a rejection step that keeps the <see cref="Particles"/> closest).</summary>
    public int InitialDraws { get; init; } = 5000;

    /// <summary>Most populations after the first.</summary>
    public int Generations { get; init; } = 10;

    /// <summary>Each tolerance is this quantile of the previous population's distances (weighted).</summary>
    public double Quantile { get; init; } = 0.5;

    /// <summary>Stop once the tolerance is at or below this.</summary>
    public double TargetEpsilon { get; init; }

    /// <summary>Stop after a population whose acceptance rate fell below this.</summary>
    public double MinAcceptanceRate { get; init; } = 0.01;

    /// <summary>Most simulations in all (stops after the population that reaches it; a population is never left incomplete unless it exceeds 20× this).</summary>
    public long MaxSimulations { get; init; } = long.MaxValue;

    /// <summary>Most proposals simulated in one batch.</summary>
    public int MaxBatch { get; init; } = 4096;

    /// <summary>Stops after the batch under way; the population it belongs to is dropped.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>
/// ABC with sequential Monte Carlo (Toni et al. 2009; Beaumont et al. 2009, population Monte Carlo): a
/// first population by rejection from the prior; then, population by population, a tolerance ε_t equal to
/// a quantile of the previous population's distances, proposals drawn from the previous particles by
/// weight and moved by a Gaussian kernel with twice their weighted covariance (Beaumont et al. 2009),
/// accepted when within ε_t, and importance weights w ∝ π(θ) / Σ_j w_j K(θ | θ_j).
/// Proposals are simulated in batches through an <see cref="AbcSimulator"/> and accepted in the order of
/// their index, so the result depends on the seed only, never on how the batches were run.
/// </summary>
public static class AbcSmc
{
    public static IReadOnlyList<AbcPopulation> Run(IReadOnlyList<AbcParameter> parameters, AbcSimulator simulate,
        Func<double[], double> distance, AbcSmcOptions options, ulong seed, Action<AbcPopulation>? onPopulation = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(simulate);
        ArgumentNullException.ThrowIfNull(distance);
        ArgumentNullException.ThrowIfNull(options);
        if (options.InitialDraws < options.Particles) throw new ArgumentException("the first population draws at least as many prior samples as it keeps", nameof(options));
        var populations = new List<AbcPopulation>();
        var current = AbcRejection.Run(parameters, simulate, distance, options.InitialDraws, seed, keep: options.Particles);
        populations.Add(current);
        if (options.Cancellation.IsCancellationRequested) return populations;
        onPopulation?.Invoke(current);
        long total = current.Simulations;
        for (int g = 1; g <= options.Generations; g++)
        {
            if (current.Epsilon <= options.TargetEpsilon || current.AcceptanceRate < options.MinAcceptanceRate || total >= options.MaxSimulations) break;
            double eps = PosteriorSummary.WeightedQuantile(
                current.Particles.Select(p => p.Distance).ToArray(), current.Particles.Select(p => p.Weight).ToArray(), options.Quantile);
            eps = Math.Max(eps, options.TargetEpsilon);
            long budget = options.MaxSimulations > long.MaxValue / 20 ? long.MaxValue : options.MaxSimulations * 20 - total;
            var next = Generation(parameters, simulate, distance, options, seed, g, current, eps, budget);
            if (next is null) break;
            populations.Add(next);
            onPopulation?.Invoke(next);
            total += next.Simulations;
            current = next;
        }
        return populations;
    }

    private static AbcPopulation? Generation(IReadOnlyList<AbcParameter> parameters, AbcSimulator simulate, Func<double[], double> distance,
        AbcSmcOptions options, ulong seed, int g, AbcPopulation previous, double eps, long budget)
    {
        int n = options.Particles;
        var prev = previous.Particles;
        var kernel = new GaussianKernel(prev.Select(p => p.Theta).ToArray(), prev.Select(p => p.Weight).ToArray());
        var cumulative = new double[prev.Count];
        double c = 0;
        for (int i = 0; i < prev.Count; i++) { c += prev[i].Weight; cumulative[i] = c; }

        var accepted = new List<(AbcProposal P, double D, double[] S)>();
        long index = 0, simulations = 0, failed = 0;
        double rate = Math.Max(previous.AcceptanceRate * options.Quantile, 0.01);
        while (accepted.Count < n)
        {
            if (simulations >= budget || options.Cancellation.IsCancellationRequested) return null;
            int size = (int)Math.Clamp(Math.Ceiling((n - accepted.Count) / rate * 1.1), 1, options.MaxBatch);
            var batch = new AbcProposal[size];
            for (int b = 0; b < size; b++, index++)
            {
                var rng = StreamRandom.For(seed, "abc-smc-proposal", g, index);
                double[] theta;
                do
                {
                    int ancestor = Array.BinarySearch(cumulative, rng.NextDouble() * c);
                    if (ancestor < 0) ancestor = ~ancestor;
                    theta = kernel.Perturb(prev[Math.Min(ancestor, prev.Count - 1)].Theta, rng);
                } while (double.IsNegativeInfinity(LogPrior(parameters, theta)));
                batch[b] = new AbcProposal(g, index, theta, StreamRandom.For(seed, "abc-simulation", g, index).NextULong());
            }
            var results = simulate(batch);
            if (results.Count != size) throw new InvalidOperationException($"the simulator returned {results.Count} results for {size} proposals");
            for (int b = 0; b < size; b++)
            {
                simulations++;
                if (results[b] is not { } s) { failed++; continue; }
                double d = distance(s);
                if (double.IsNaN(d)) { failed++; continue; }
                if (d <= eps) accepted.Add((batch[b], d, s));
                if (accepted.Count == n) break;
            }
            rate = Math.Max((double)accepted.Count / simulations, 0.001);
        }

        // importance weights: prior over the mixture of kernels centred on the previous particles
        var logw = new double[n];
        for (int i = 0; i < n; i++)
        {
            var theta = accepted[i].P.Theta;
            double max = double.NegativeInfinity;
            var terms = new double[prev.Count];
            for (int j = 0; j < prev.Count; j++)
            {
                terms[j] = Math.Log(prev[j].Weight) + kernel.LogDensity(theta, prev[j].Theta);
                max = Math.Max(max, terms[j]);
            }
            double sum = 0;
            foreach (var t in terms) sum += Math.Exp(t - max);
            logw[i] = LogPrior(parameters, theta) - (max + Math.Log(sum));
        }
        double top = logw.Max();
        var w = logw.Select(x => Math.Exp(x - top)).ToArray();
        double ws = w.Sum();
        var particles = accepted.Select((a, i) => new AbcParticle(a.P.Theta, w[i] / ws, a.D, a.S, a.P.Seed)).ToArray();
        return new AbcPopulation(g, eps, particles, simulations, failed);
    }

    private static double LogPrior(IReadOnlyList<AbcParameter> parameters, double[] theta)
    {
        double s = 0;
        for (int j = 0; j < parameters.Count; j++) s += parameters[j].Prior.LogDensity(theta[j]);
        return s;
    }

    /// <summary>The multivariate normal perturbation kernel with covariance 2Σ, Σ the particles' weighted covariance.</summary>
    private sealed class GaussianKernel
    {
        private readonly double[,] _l;      // Cholesky factor of 2Σ
        private readonly double[,] _lInv;   // its inverse
        private readonly double _logNorm;
        private readonly int _k;

        public GaussianKernel(double[][] thetas, double[] weights)
        {
            _k = thetas[0].Length;
            double ws = weights.Sum();
            var mean = new double[_k];
            for (int i = 0; i < thetas.Length; i++)
                for (int a = 0; a < _k; a++) mean[a] += weights[i] / ws * thetas[i][a];
            var cov = Matrix<double>.Build.Dense(_k, _k);
            for (int i = 0; i < thetas.Length; i++)
                for (int a = 0; a < _k; a++)
                    for (int b = 0; b < _k; b++)
                        cov[a, b] += weights[i] / ws * (thetas[i][a] - mean[a]) * (thetas[i][b] - mean[b]);
            cov = cov.Multiply(2.0);
            for (int a = 0; a < _k; a++)                         // a degenerate direction still moves a little
                cov[a, a] = Math.Max(cov[a, a], 1e-12 * (1 + Math.Abs(mean[a])));
            var chol = cov.Cholesky();
            var l = chol.Factor;
            _l = l.ToArray();
            _lInv = l.Inverse().ToArray();
            _logNorm = -0.5 * _k * Math.Log(2 * Math.PI) - 0.5 * chol.DeterminantLn;
        }

        public double[] Perturb(double[] centre, StreamRandom rng)
        {
            var z = new double[_k];
            for (int a = 0; a < _k; a++) z[a] = rng.NextNormal();
            var x = (double[])centre.Clone();
            for (int a = 0; a < _k; a++)
                for (int b = 0; b <= a; b++) x[a] += _l[a, b] * z[b];
            return x;
        }

        public double LogDensity(double[] x, double[] centre)
        {
            double q = 0;
            for (int a = 0; a < _k; a++)
            {
                double z = 0;
                for (int b = 0; b <= a; b++) z += _lInv[a, b] * (x[b] - centre[b]);
                q += z * z;
            }
            return _logNorm - 0.5 * q;
        }
    }
}
