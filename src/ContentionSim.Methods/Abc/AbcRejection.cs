namespace ContentionSim.Methods.Abc;

/// <summary>
/// Rejection ABC (Pritchard et al. 1999): draw parameter sets from the prior, simulate each, keep those
/// whose summaries fall within ε of the observed ones. Here ε is either given, or the distance of the
/// <c>keep</c>-th closest draw (keeping a fixed number of the closest, Beaumont et al. 2002).
/// </summary>
public static class AbcRejection
{
    /// <summary>The batch of <paramref name="draws"/> proposals from the prior (generation 0; seeds derived from <paramref name="seed"/>).</summary>
    public static AbcProposal[] Propose(IReadOnlyList<AbcParameter> parameters, int draws, ulong seed, int generation = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var batch = new AbcProposal[draws];
        for (int i = 0; i < draws; i++)
        {
            var rng = StreamRandom.For(seed, "abc-prior", generation, i);
            var theta = parameters.Select(p => p.Prior.Sample(rng)).ToArray();
            batch[i] = new AbcProposal(generation, i, theta, StreamRandom.For(seed, "abc-simulation", generation, i).NextULong());
        }
        return batch;
    }

    /// <summary>
    /// Runs <paramref name="draws"/> prior draws through <paramref name="simulate"/> and accepts either those
    /// within <paramref name="epsilon"/> or, when it is null, the <paramref name="keep"/> closest.
    /// </summary>
    public static AbcPopulation Run(IReadOnlyList<AbcParameter> parameters, AbcSimulator simulate, Func<double[], double> distance,
        int draws, ulong seed, double? epsilon = null, int keep = 0)
    {
        ArgumentNullException.ThrowIfNull(simulate);
        ArgumentNullException.ThrowIfNull(distance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(draws);
        if (epsilon is null && keep <= 0) throw new ArgumentException("give a tolerance or a number of draws to keep", nameof(keep));
        var batch = Propose(parameters, draws, seed);
        var summaries = simulate(batch);
        if (summaries.Count != batch.Length) throw new InvalidOperationException($"the simulator returned {summaries.Count} results for {batch.Length} proposals");
        var scored = new List<(AbcProposal P, double D, double[] S)>();
        long failed = 0;
        for (int i = 0; i < batch.Length; i++)
        {
            if (summaries[i] is not { } s) { failed++; continue; }
            double d = distance(s);
            if (double.IsNaN(d)) { failed++; continue; }
            scored.Add((batch[i], d, s));
        }
        double eps = epsilon ?? (scored.Count == 0 ? double.NaN : scored.Select(x => x.D).Order().ElementAt(Math.Min(keep, scored.Count) - 1));
        var accepted = scored.Where(x => x.D <= eps).OrderBy(x => x.D).ThenBy(x => x.P.Index);
        if (epsilon is null) accepted = accepted.Take(keep).OrderBy(x => x.D).ThenBy(x => x.P.Index);
        var list = accepted.OrderBy(x => x.P.Index).ToList();
        var particles = list.Select(x => new AbcParticle(x.P.Theta, 1.0 / list.Count, x.D, x.S, x.P.Seed)).ToArray();
        return new AbcPopulation(0, eps, particles, draws, failed);
    }
}
