using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Tests;

internal static class Support
{
    /// <summary>The problems of a scenario that must not load.</summary>
    public static IReadOnlyList<Diagnostic> Problems(string yaml, string file = "test.yaml") =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, file)).Diagnostics;

    /// <summary>The one problem of a scenario that must not load.</summary>
    public static Diagnostic Problem(string yaml, string file = "test.yaml") => Assert.Single(Problems(yaml, file));

    /// <summary>The problems of overrides that must fail.</summary>
    public static IReadOnlyList<Diagnostic> OverrideProblems(Scenario scenario, params string[] assignments) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.ApplyOverrides(scenario, assignments)).Diagnostics;

    public static void AssertAt(Diagnostic d, int line, int column, string path)
    {
        Assert.True(d.Line == line && d.Column == column && d.Path == path,
            $"expected {path} at {line}:{column}, got: {d}");
    }

    /// <summary>The folder that holds ContentionSim.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ContentionSim.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contentionsim-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string File(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
