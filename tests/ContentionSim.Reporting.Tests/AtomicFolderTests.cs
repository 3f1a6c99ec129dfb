namespace ContentionSim.Reporting.Tests;

public sealed class AtomicFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "atomic-folder-" + Guid.NewGuid().ToString("N"));

    public AtomicFolderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string name, params string[] files)
    {
        string path = Path.Combine(_root, name);
        Directory.CreateDirectory(path);
        foreach (var f in files) File.WriteAllText(Path.Combine(path, f), name);
        return path;
    }

    [Fact]
    public void A_full_target_is_replaced_and_the_old_contents_are_gone()
    {
        string target = Folder("out", "old.csv");
        string staging = Folder("out.partial", "new.csv");
        AtomicFolder.Replace(staging, target);
        Assert.Equal(["new.csv"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.False(Directory.Exists(staging));
        Assert.Equal([target], Directory.GetDirectories(_root));
    }

    [Fact]
    public void An_empty_target_or_none_takes_the_staging_folder()
    {
        string empty = Folder("empty");
        AtomicFolder.Replace(Folder("a", "x.csv"), empty);
        Assert.True(File.Exists(Path.Combine(empty, "x.csv")));
        string missing = Path.Combine(_root, "missing");
        AtomicFolder.Replace(Folder("b", "y.csv"), missing);
        Assert.True(File.Exists(Path.Combine(missing, "y.csv")));
    }

    [Fact]
    public void When_the_staging_folder_cannot_be_moved_the_old_target_is_put_back()
    {
        string target = Folder("kept", "old.csv");
        Assert.ThrowsAny<IOException>(() => AtomicFolder.Replace(Path.Combine(_root, "no-such-staging"), target));
        Assert.True(File.Exists(Path.Combine(target, "old.csv")));
        Assert.Equal([target], Directory.GetDirectories(_root));
    }
}
