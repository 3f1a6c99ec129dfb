using System.Text.Json;

namespace ContentionSim.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, in a scratch folder.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "contentionsim-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public (int Code, string Out, string Error) Run(params string[] args) => Run(default, args);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Tests call every command through the harness that owns their folder.")]
    public (int Code, string Out, string Error) Run(CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ContentionSimCli.Run(args, CliConsole.Capture(output, error, cancellation));
        return (code, output.ToString(), error.ToString());
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The repository root (the folder holding ContentionSim.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ContentionSim.sln not found above the test folder");
        }
    }

    public static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// A small calibration of <c>small.yaml</c> (<see cref="SmallScenario"/>): openness from a peak of 0.3, with the
    /// mean participation held out when <paramref name="heldOut"/>, and <paramref name="abc"/> as its ABC settings.
    /// </summary>
    public static string SmallCalibration(string abc, bool heldOut = false) =>
        "name: small-cal\nscenario: small.yaml\nmaster_seed: 4\nfree:\n  state.openness: {uniform: [0.1, 0.9]}\n" +
        "targets:\n  peak_participation: {observed: 0.3, tolerance: 0.05}\n" +
        (heldOut ? "held_out:\n  mean_participation: {observed: 0.1, tolerance: 0.05}\n" : "") +
        "abc: " + abc + "\n";

    /// <summary>A small valid scenario.</summary>
    public const string SmallScenario = """
        name: small
        seed: 3
        ticks: 60
        movements:
          - id: m
            activists:
              count: 300
            organizations:
              - kind: concerned_citizens
                per_thousand_activists: 6.667
        """;
}
