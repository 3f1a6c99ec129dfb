namespace ContentionSim.Reporting.Tests;

/// <summary>The one staging-folder write of the run, sensitivity, experiment and merged-sweep folders.</summary>
public sealed class StagingFolderTests
{
    private static string[] Old(TempDir dir)
    {
        Directory.CreateDirectory(dir["out"]);
        File.WriteAllText(Path.Combine(dir["out"], "old.csv"), "old");
        return dir.Entries();
    }

    [Fact]
    public void A_complete_folder_replaces_the_target_and_no_staging_folder_is_left()
    {
        using var dir = new TempDir();
        Old(dir);
        string? staged = null;
        StagingFolder.Write(dir["out"], stage =>
        {
            staged = stage.Path;
            Assert.Equal(dir["out"] + $".partial-{Environment.ProcessId}", stage.Path); // the name Litter cleans after a kill
            Assert.False(File.Exists(Path.Combine(dir["out"], "new.csv")));             // nothing in place before the end
            AtomicFile.WriteAllText(stage.File("new.csv"), "new");
        });
        Assert.Equal(["out", Path.Combine("out", "new.csv")], dir.Entries());
        Assert.False(Directory.Exists(staged));
    }

    [Fact]
    public void A_writer_that_fails_half_way_leaves_the_target_as_it_was_and_names_the_file_in_the_target()
    {
        using var dir = new TempDir();
        var before = Old(dir);
        var e = Assert.Throws<OutputException>(() => StagingFolder.Write(dir["out"] + Path.DirectorySeparatorChar, stage =>
        {
            AtomicFile.WriteAllText(stage.File("a.csv"), "complete");
            string b = stage.File("b.csv");
            throw new IOException($"Input/output error : '{b}'");
        }));
        Assert.Equal(before, dir.Entries()); // no staging folder, no half of the new files, the old ones kept
        Assert.Contains(Path.Combine(dir["out"], "b.csv"), e.Message);
        Assert.DoesNotContain(".partial-", e.Message);
        Assert.Equal(Path.Combine(dir["out"], "b.csv"), e.Path);
    }

    [Fact]
    public void A_bug_in_a_writer_also_removes_the_staging_folder()
    {
        using var dir = new TempDir();
        var before = Old(dir);
        var e = Assert.Throws<OutputException>(() => StagingFolder.Write(dir["out"], stage =>
        {
            stage.File("figure.png");
            throw new InvalidOperationException("the renderer failed");
        }));
        Assert.Equal(before, dir.Entries());
        Assert.Contains("figure.png", e.Message);
        Assert.Contains("the renderer failed", e.Message);
    }

    [Fact]
    public void A_check_before_the_commit_that_refuses_keeps_the_target_and_its_message()
    {
        using var dir = new TempDir();
        var before = Old(dir);
        var e = Assert.Throws<OutputException>(() => StagingFolder.Write(dir["out"],
            stage => AtomicFile.WriteAllText(stage.File("new.csv"), "new"),
            beforeCommit: () => throw new OutputException(dir["out"], "filled meanwhile")));
        Assert.Equal("filled meanwhile", e.Message);
        Assert.Equal(before, dir.Entries());
    }

    [Fact]
    public void An_exception_the_caller_keeps_is_rethrown_as_it_is_after_the_cleanup()
    {
        using var dir = new TempDir();
        var thrown = new FormatException("the caller's own");
        var e = Assert.Throws<FormatException>(() => StagingFolder.Write(dir["out"], _ => throw thrown, keep: x => x is FormatException));
        Assert.Same(thrown, e);
        Assert.Empty(dir.Entries());
    }
}
