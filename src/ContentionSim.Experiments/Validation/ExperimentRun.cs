using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>The value one varied parameter had in a run: its path, its text and its number (null for non-numbers).</summary>
public sealed record ExperimentLevel(string Key, string Text, double? Number);

/// <summary>
/// One run of an experiment, reduced to what its analysis needs: where it sits in the sweep (point,
/// replication, the varied values), its seed, the experiment's per-run measures (NaN where a measure
/// does not exist in the run) and, for experiments about organizations, their end-of-run records.
/// </summary>
public sealed record ExperimentRun
{
    /// <summary>Canonical run index of the sweep (replication × points + point).</summary>
    public long Run { get; init; }
    public int Point { get; init; }
    public int Replication { get; init; }
    public ulong Seed { get; init; }
    public IReadOnlyList<ExperimentLevel> Levels { get; init; } = [];
    public IReadOnlyDictionary<string, double> Measures { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<OrganizationRecord> Organizations { get; init; } = [];

    /// <summary>The measure <paramref name="name"/>.</summary>
    public double this[string name] => Measures.TryGetValue(name, out var v)
        ? v
        : throw new KeyNotFoundException($"the run has no measure '{name}'");

    /// <summary>The number of the varied parameter <paramref name="key"/> in this run.</summary>
    public double Level(string key)
    {
        foreach (var l in Levels)
            if (l.Key == key) return l.Number ?? throw new ExperimentDesignException($"the values of '{key}' are not numbers");
        throw new ExperimentDesignException($"the experiment needs '{key}' to be varied; the sweep varies {(Levels.Count == 0 ? "nothing" : string.Join(", ", Levels.Select(x => x.Key)))}");
    }
}

/// <summary>The sweep an experiment was given does not have the design its analysis needs (a factor or level is missing).</summary>
public sealed class ExperimentDesignException(string message) : Exception(message);
