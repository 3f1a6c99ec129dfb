using System.Text;

namespace ContentionSim.Scenarios;

/// <summary>
/// One problem found in a scenario: where it is (<paramref name="File"/>, 1-based
/// <paramref name="Line"/> and <paramref name="Column"/>; 0 when the position is unknown, as
/// for <c>--set</c> overrides and scenarios built in code), which key it concerns
/// (<paramref name="Path"/>, e.g. <c>movements[0].activists.count</c>), what is wrong
/// (found and expected) and, where possible, how to fix it.
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, string Path, string Message, string? Fix)
{
    /// <summary>
    /// <c>file:line:col: path: message. fix</c>; the position is left out when unknown
    /// (line 0) and the path when empty.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(File);
        if (Line > 0) sb.Append(':').Append(Line).Append(':').Append(Column);
        sb.Append(": ");
        if (Path.Length > 0) sb.Append(Path).Append(": ");
        string message = Message.TrimEnd('.', ' ');
        sb.Append(message);
        if (!string.IsNullOrWhiteSpace(Fix))
        {
            string fix = Fix.Trim();
            sb.Append(message.EndsWith('?') || message.EndsWith('!') ? " " : ". ")
              .Append(char.ToUpperInvariant(fix[0])).Append(fix.AsSpan(1));
        }
        return sb.ToString();
    }
}

/// <summary>A scenario that cannot be loaded or does not validate; carries every problem found.</summary>
public sealed class ScenarioException : Exception
{
    /// <param name="diagnostics">Every problem found.</param>
    /// <param name="subject">What was loaded, for messages: "scenario", "sweep" or "calibration".</param>
    public ScenarioException(IReadOnlyList<Diagnostic> diagnostics, string subject = "scenario")
        : base(diagnostics.Count == 0 ? $"invalid {subject}" : string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
        Subject = subject;
    }

    /// <summary>What was loaded: "scenario", "sweep" for a sweep file (whose base scenario's problems it carries too), or "calibration" for a calibration file (likewise its scenario's).</summary>
    public string Subject { get; }

    /// <summary>All problems, in the order of their position in the file.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
