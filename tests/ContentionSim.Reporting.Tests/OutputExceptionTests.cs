namespace ContentionSim.Reporting.Tests;

public class OutputExceptionTests
{
    [Fact]
    public void Disk_full_is_explained_with_a_fix()
    {
        var io = new IOException("No space left on device : '/data/run/timeseries.csv'", 28);
        var ex = OutputException.From("/data/run/timeseries.csv", io);
        Assert.Contains("disk is full", ex.Message);
        Assert.Contains("/data/run/timeseries.csv", ex.Message);
        Assert.Contains("--out", ex.Message);
        Assert.Same(io, ex.InnerException);
    }

    [Fact]
    public void Permission_denied_is_explained_with_a_fix()
    {
        var ex = OutputException.From("/root/x", new UnauthorizedAccessException("Access to the path is denied."));
        Assert.Contains("Permission denied", ex.Message);
        Assert.Contains("/root/x", ex.Message);
        Assert.Equal("/root/x", ex.Path);
    }

    [Fact]
    public void Other_io_errors_keep_their_message()
    {
        var ex = OutputException.From("/x/y", new IOException("Device or resource busy"));
        Assert.Contains("Device or resource busy", ex.Message);
        Assert.DoesNotContain("disk is full", ex.Message);
    }

    [Fact]
    public void A_read_only_disk_is_explained_with_a_fix()
    {
        var ex = OutputException.From("/x/y", new IOException("Read-only file system : '/x/y'", 30));
        Assert.Equal("The disk is read-only: '/x/y' cannot be written; choose another --out on a writable disk.", ex.Message);
        Assert.Contains("read-only", OutputException.From("/x/y", new IOException("Read-only file system")).Message);
    }

    [Fact]
    public void An_output_exception_is_passed_through()
    {
        var original = new OutputException("/a", "msg");
        Assert.Same(original, OutputException.From("/b", original));
    }

    /// <summary>
    /// Whatever the system says of a path under a file ("could not find a part of the path", "the file already exists"),
    /// the file is named with the fix, in OutputTarget.CheckParents' words; before, a generic "a folder on the way does
    /// not exist or is not a folder" or the system's message.
    /// </summary>
    [Fact]
    public void A_file_on_the_way_is_named_whatever_the_system_said()
    {
        using var dir = new TempDir();
        string blocker = dir["blocker"];
        File.WriteAllText(blocker, "a file");
        string path = Path.Combine(blocker, "out", "run.json");
        string expected = $"'{blocker}' is a file, not a folder, so '{path}' cannot be made inside it; choose another --out.";
        var thrown = Assert.ThrowsAny<IOException>(() => Directory.CreateDirectory(Path.GetDirectoryName(path)!));

        foreach (var io in new IOException[] { thrown, new DirectoryNotFoundException("Could not find a part of the path."), new IOException("The file already exists.") })
        {
            var ex = OutputException.From(path, io);
            Assert.Equal(expected, ex.Message);
            Assert.Equal(path, ex.Path);
            Assert.Same(io, ex.InnerException);
        }
        // Nothing in the way: the system's reason stands.
        Assert.Contains("does not exist", OutputException.From(dir["no/such/x"], new DirectoryNotFoundException("gone")).Message);
    }
}
