using System.Diagnostics;

namespace ContentionSim.Classroom.Tests;

/// <summary>The self-contained linux-x64 program of <c>build/release.sh linux-x64</c>: RELEASE_BINARY, else dist/contentionsim-*-linux-x64/contentionsim.</summary>
internal static class ReleaseBinary
{
    public static string? Path()
    {
        if (Environment.GetEnvironmentVariable("RELEASE_BINARY") is { Length: > 0 } p) return p;
        string dist = System.IO.Path.Combine(Support.RepoRoot(), "dist");
        if (!Directory.Exists(dist)) return null;
        return Directory.GetDirectories(dist, "contentionsim-*-linux-x64")
            .Select(d => System.IO.Path.Combine(d, "contentionsim")).FirstOrDefault(File.Exists);
    }

    public static string? SkipReason => !OperatingSystem.IsLinux() ? "The linux-x64 release binary runs on Linux only."
        : Path() is null ? "No release binary: run 'build/release.sh linux-x64' (about 12 minutes on 2 cores) to build dist/contentionsim-VERSION-linux-x64, then this test runs it."
        : null;
}

internal sealed class ReleaseBinaryFactAttribute : FactAttribute
{
    public ReleaseBinaryFactAttribute()
    {
        if (ReleaseBinary.SkipReason is string reason) Skip = reason;
    }
}

/// <summary>A student without .NET runs the release binary: it needs no dotnet on the PATH and gives the same numbers as the CLI built from source.</summary>
[Trait("Category", "Process")]
public class ReleaseBinaryTests
{
    [ReleaseBinaryFact]
    public void The_linux_binary_runs_a_scenario_with_no_dotnet_on_the_path_and_gives_the_same_timeseries_as_the_cli()
    {
        string exe = ReleaseBinary.Path()!;
        string scenario = System.IO.Path.Combine(Support.RepoRoot(), "scenarios", "teaching", "1-tight-state.yaml");
        string scratch = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contentionsim-release-" + Guid.NewGuid().ToString("N"));
        try
        {
            var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "run", scenario, "--out", System.IO.Path.Combine(scratch, "binary"), "--ticks", "120", "--no-plots" }) psi.ArgumentList.Add(a);
            // no .NET: a PATH without the SDK's folder, and nothing that points at one
            psi.Environment["PATH"] = "/usr/bin:/bin";
            foreach (var v in new[] { "DOTNET_ROOT", "DOTNET_HOST_PATH", "MSBuildSDKsPath", "MSBuildExtensionsPath" }) psi.Environment.Remove(v);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "the release binary did not finish within 2 minutes");
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout.Result}{stderr.Result}");
            Assert.Contains("cycle", stdout.Result);

            var (code, output) = CliRun.Run("run", scenario, "--out", System.IO.Path.Combine(scratch, "source"), "--ticks", "120", "--no-plots");
            Assert.True(code == 0, output);
            Assert.Equal(File.ReadAllText(System.IO.Path.Combine(scratch, "source", "timeseries.csv")),
                File.ReadAllText(System.IO.Path.Combine(scratch, "binary", "timeseries.csv")));
        }
        finally
        {
            try { if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }
}
