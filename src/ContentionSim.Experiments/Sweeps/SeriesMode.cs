namespace ContentionSim.Experiments.Sweeps;

/// <summary>Which runs keep a compact per-tick series.</summary>
public enum SeriesMode
{
    /// <summary>No run keeps its series (the stage-trace figure is then left out).</summary>
    None,
    /// <summary>Runs at the first and last level of the x factor (what the stage-trace figure needs).</summary>
    Extremes,
    /// <summary>Every run.</summary>
    All,
}
