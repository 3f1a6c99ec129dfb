namespace ContentionSim.Reporting.Tests;

public class AtomicFileTests
{
    [Fact]
    public void Writes_and_replaces_a_file()
    {
        using var dir = new TempDir();
        string path = dir["a.txt"];
        AtomicFile.WriteAllText(path, "first\n");
        AtomicFile.WriteAllText(path, "second\n");
        Assert.Equal("second\n", File.ReadAllText(path));
        Assert.Equal(["a.txt"], dir.Entries());
    }

    [Fact]
    public void Text_is_utf8_without_bom_with_lf_line_endings()
    {
        using var dir = new TempDir();
        string path = dir["t.txt"];
        AtomicFile.WriteText(path, w => { w.WriteLine("ä"); w.WriteLine("b"); });
        Assert.Equal([0xC3, 0xA4, (byte)'\n', (byte)'b', (byte)'\n'], File.ReadAllBytes(path));
    }

    [Fact]
    public void A_failing_writer_leaves_the_old_file_and_no_temporary_file()
    {
        using var dir = new TempDir();
        string path = dir["data.csv"];
        File.WriteAllText(path, "old");
        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("new content that must never be seen"u8);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", ex.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["data.csv"], dir.Entries());
    }

    [Fact]
    public void The_temporary_file_is_hidden_beside_the_target_and_renamed_over_it()
    {
        using var dir = new TempDir();
        string path = dir["plot.png"];
        string[] during = [];
        AtomicFile.Write(path, s =>
        {
            s.Write("x"u8);
            during = Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToArray()!;
        });
        var temp = Assert.Single(during);
        Assert.StartsWith(".plot.png.tmp-", temp);
        Assert.True(AtomicFile.IsTempName(temp));
        Assert.False(AtomicFile.IsTempName("plot.png"));
        Assert.Equal(["plot.png"], dir.Entries());
    }

    [Fact]
    public void A_missing_folder_gives_an_output_exception_naming_the_path()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "missing", "x.txt");
        var ex = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Equal(path, ex.Path);
        Assert.Contains(path, ex.Message);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void A_folder_in_the_way_is_refused_and_kept()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["taken"]);
        var ex = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(dir["taken"], "x"));
        Assert.Contains("is a folder", ex.Message);
        Assert.Equal(["taken"], dir.Entries());
    }

    [Fact]
    public void A_file_in_place_of_the_folder_gives_an_output_exception()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["blocker"], "");
        string path = Path.Combine(dir["blocker"], "x.txt");
        var ex = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Contains(path, ex.Message);
        Assert.Equal(["blocker"], dir.Entries());
    }
}
