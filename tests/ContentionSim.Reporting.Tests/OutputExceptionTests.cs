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
}
