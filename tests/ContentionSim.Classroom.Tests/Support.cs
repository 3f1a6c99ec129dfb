namespace ContentionSim.Classroom.Tests;

internal static class Support
{
    /// <summary>The folder that holds ContentionSim.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ContentionSim.sln not found above " + AppContext.BaseDirectory);
    }
}
