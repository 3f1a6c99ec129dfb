using System.Text;

namespace ContentionSim.Scenarios.Tests;

public partial class ScenarioLoaderTests
{
    [Fact]
    public void LoadFile_reads_utf8_with_and_without_bom()
    {
        using var dir = new TempDir();
        var plain = dir.File("plain.yaml", "name: café\n");
        var bom = dir.File("bom.yaml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("name: café\n")]);
        Assert.Equal("café", ScenarioLoader.LoadFile(plain).Name);
        Assert.Equal("café", ScenarioLoader.LoadFile(bom).Name);
    }

    [Fact]
    public void LoadFile_reads_utf16_with_bom()
    {
        using var dir = new TempDir();
        var path = dir.File("utf16.yaml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("name: wide\n")]);
        Assert.Equal("wide", ScenarioLoader.LoadFile(path).Name);
    }

    [Fact]
    public void LoadFile_reports_positions_with_the_path_as_file()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.yaml", "name: x\nstate:\n  openness: 3\n");
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path)).Diagnostics);
        Assert.Equal((path, 3, 13), (d.File, d.Line, d.Column));
    }

    [Fact]
    public void Missing_file()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "nope.yaml");
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path)).Diagnostics);
        Assert.Equal(path, d.File);
        Assert.Equal("file not found", d.Message);
    }

    [Fact]
    public void Missing_file_suggests_a_similar_name()
    {
        using var dir = new TempDir();
        dir.File("japan.yaml", "name: japan\n");
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(Path.Combine(dir.Path, "japna.yaml"))).Diagnostics);
        Assert.Contains("did you mean " + Path.Combine(dir.Path, "japan.yaml"), d.Fix);
    }

    [Fact]
    public void Missing_folder()
    {
        using var dir = new TempDir();
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(Path.Combine(dir.Path, "no", "x.yaml"))).Diagnostics);
        Assert.Contains("does not exist", d.Fix);
    }

    [Fact]
    public void Directory_instead_of_a_file_lists_the_scenarios_in_it()
    {
        using var dir = new TempDir();
        dir.File("b.yaml", "name: b\n");
        dir.File("a.yml", "name: a\n");
        dir.File("notes.txt", "x");
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(dir.Path)).Diagnostics);
        Assert.Equal(dir.Path, d.File);
        Assert.Contains("is a directory", d.Message);
        Assert.Contains(Path.Combine(dir.Path, "a.yml") + ", " + Path.Combine(dir.Path, "b.yaml"), d.Fix);
        Assert.DoesNotContain("notes.txt", d.Fix);
    }

    [Fact]
    public void Binary_file_is_refused_with_the_position_of_the_first_control_byte()
    {
        using var dir = new TempDir();
        var path = dir.File("run.bin", [(byte)'n', (byte)'a', (byte)'\n', (byte)'x', 0, 1, 2, 0xFF]);
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path)).Diagnostics);
        Assert.Equal((2, 2), (d.Line, d.Column));
        Assert.Contains("not a text file", d.Message);
        Assert.Contains("0x00", d.Message);
    }

    [Fact]
    public void Latin1_file_is_refused_with_the_position_of_the_bad_byte()
    {
        using var dir = new TempDir();
        var path = dir.File("latin1.yaml", Encoding.Latin1.GetBytes("name: x\ndescription: café crème\n"));
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path)).Diagnostics);
        Assert.Equal((2, 17), (d.Line, d.Column));
        Assert.Contains("not UTF-8 text: byte 0xE9", d.Message);
        Assert.Contains("UTF-8", d.Fix);
    }

    [Fact]
    public void Empty_file()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.yaml", "");
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path)).Diagnostics);
        Assert.Equal((path, 1, 1), (d.File, d.Line, d.Column));
        Assert.Contains("empty", d.Message);
    }

    [Fact]
    public void Unreadable_file()
    {
        // Permissions do not stop root, so use a file that exists but fails on read: on Linux
        // /proc/self/mem gives an I/O error at offset 0; elsewhere a file without read permission.
        string path;
        using var dir = new TempDir();
        if (OperatingSystem.IsLinux()) path = "/proc/self/mem";
        else if (OperatingSystem.IsWindows()) return;
        else
        {
            path = dir.File("secret.yaml", "name: x\n");
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
        var d = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path)).Diagnostics);
        Assert.Equal(path, d.File);
        Assert.Matches("cannot be read|permission denied", d.Message);
    }

    [Fact]
    public void Scenarios_shipped_in_the_repository_load()
    {
        var folder = Path.Combine(Support.RepoRoot(), "scenarios");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml") : [];
        var failures = new List<string>();
        foreach (var file in files)
        {
            try { ScenarioLoader.LoadFile(file); }
            catch (ScenarioException e) { failures.Add(e.Message); }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
