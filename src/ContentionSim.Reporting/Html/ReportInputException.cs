namespace ContentionSim.Reporting.Html;

/// <summary>
/// A folder given to a report is not what it should be (no run.json, a damaged CSV file, ...).
/// The message names the path and what to do; it is meant to be shown to the user as is.
/// </summary>
public sealed class ReportInputException(string path, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The folder or file that could not be read.</summary>
    public string Path { get; } = path;
}
