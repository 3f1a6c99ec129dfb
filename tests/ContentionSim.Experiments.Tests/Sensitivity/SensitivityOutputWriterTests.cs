using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using System.Text.Json;
using ContentionSim.Experiments.Sensitivity;

namespace ContentionSim.Experiments.Tests.Sensitivity;

public sealed class SensitivityOutputWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "contentionsim-sens-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void It_writes_every_file_and_leaves_no_staging_folder()
    {
        string dir = Path.Combine(_root, "out");
        var output = SensitivityOutputWriter.Write(SensitivityTestData.Analysis, SensitivityTestData.Setup(), dir);
        foreach (var f in output.Files) Assert.True(File.Exists(Path.Combine(dir, f.Name)), f.Name);
        Assert.Contains(output.Files, f => f.Name == "tornado-peak-participation.png");
        Assert.Equal(new[] { "out" }, Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(dir, ".*"));

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))).RootElement;
        Assert.Equal(SensitivityManifest.Format, manifest.GetProperty("format").GetString());
        Assert.Equal(3, manifest.GetProperty("design").GetProperty("replications").GetInt32());
        Assert.Equal(3, manifest.GetProperty("design").GetProperty("seeds").GetArrayLength());
        Assert.Equal(3, manifest.GetProperty("parameters_varied").GetArrayLength());
        var skipped = manifest.GetProperty("parameters_skipped").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("reason").GetString());
        Assert.Equal("observer", skipped["classifier.onset_margin"]);
        Assert.Equal("not_selected", skipped["spillover"]);

        string md = File.ReadAllText(Path.Combine(dir, "sensitivity.md"));
        Assert.Contains("## Top drivers", md);
        Assert.Contains("`movements[0].activists.grievance_weight`", md);
        Assert.Contains("`transnational.information_amplification`", md[md.IndexOf("## Parameters with no effect", StringComparison.Ordinal)..]);
        Assert.Contains("classifier.*", md);
    }

    [Fact]
    public void It_refuses_a_folder_in_use_and_replaces_an_earlier_analysis_only_with_force()
    {
        string other = Path.Combine(_root, "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "keep.txt"), "x");
        var setup = SensitivityTestData.Setup(plots: false);
        Assert.Throws<OutputException>(() => SensitivityOutputWriter.Write(SensitivityTestData.Analysis, setup, other));
        Assert.Throws<OutputException>(() => SensitivityOutputWriter.Write(SensitivityTestData.Analysis, setup with { Force = true }, other));
        Assert.True(File.Exists(Path.Combine(other, "keep.txt")));

        string dir = Path.Combine(_root, "s");
        SensitivityOutputWriter.Write(SensitivityTestData.Analysis, setup, dir);
        Assert.Throws<OutputException>(() => SensitivityOutputWriter.Write(SensitivityTestData.Analysis, setup, dir));
        SensitivityOutputWriter.Write(SensitivityTestData.Analysis, setup with { Force = true }, dir);
        Assert.False(File.Exists(Path.Combine(dir, "tornado-peak-participation.png")));
        Assert.Equal(2, Directory.GetFileSystemEntries(_root).Length);
    }
}
