namespace ContentionSim.Experiments.Validation;

/// <summary>One point of a figure: a mean (or share) with its 95% interval at a position on the x axis.</summary>
/// <param name="Label">The category, or the x value as text.</param>
/// <param name="X">Position on the x axis.</param>
public sealed record FigurePoint(string Label, double X, double Value, double Low, double High);

/// <summary>A set of points drawn alike; a reference series (the paper's values, a tolerance) is drawn as open markers.</summary>
public sealed record FigureSeries(string Name, IReadOnlyList<FigurePoint> Points, bool Reference = false);

/// <summary>
/// What an experiment's figure shows, independent of how it is drawn: points with 95% intervals,
/// on a numeric or a categorical x axis, an optional fitted curve and an optional horizontal line
/// (a threshold of a criterion).
/// </summary>
public sealed record ExperimentFigure
{
    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    /// <summary>Whether the x axis is numeric (else the points' labels are categories at X = 0, 1, 2, ...).</summary>
    public bool NumericX { get; init; }
    public IReadOnlyList<FigureSeries> Series { get; init; } = [];
    /// <summary>A fitted curve (x, y), or empty.</summary>
    public IReadOnlyList<(double X, double Y)> Curve { get; init; } = [];
    public string CurveName { get; init; } = "";
    /// <summary>A horizontal line (e.g. 0.5 or 0), or null.</summary>
    public double? Line { get; init; }
    public string LineName { get; init; } = "";
}
