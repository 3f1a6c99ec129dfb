namespace ContentionSim.Reporting.Tests;

/// <summary>
/// The one check of an output folder before a writer replaces it (<see cref="OutputTarget"/>), over rules like the
/// writers': a marker file <c>ours.txt</c> holding "ours" marks the folder as ours, and it may hold only
/// <c>ours.txt</c> and <c>data.csv</c>.
/// </summary>
public sealed class OutputTargetTests
{
    private const string Marker = "ours.txt";

    private static readonly OutputTargetRules Rules = new()
    {
        Names = [Marker, "data.csv"],
        Ours = folder => File.Exists(Path.Combine(folder, Marker)) && File.ReadAllText(Path.Combine(folder, Marker)) == "ours" ? [] : null,
        FolderName = "a test folder",
        MarkerName = $"{Marker} of ours",
        Strangers = (target, names) => $"'{target}' holds {string.Join(", ", names)}.",
    };

    /// <summary>An earlier output of ours in <paramref name="folder"/>.</summary>
    private static string Earlier(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Marker), "ours");
        File.WriteAllText(Path.Combine(folder, "data.csv"), "a,b\n1,2\n");
        return folder;
    }

    [Fact]
    public void A_missing_or_empty_folder_is_accepted_without_force()
    {
        using var dir = new TempDir();
        OutputTarget.Check(dir["missing"], Rules);
        Assert.False(Directory.Exists(dir["missing"]));

        Directory.CreateDirectory(dir["empty"]);
        OutputTarget.Check(dir["empty"], Rules);
        OutputTarget.Check(dir["empty"], Rules with { NeedsForce = false });
    }

    [Fact]
    public void Our_earlier_output_is_replaced_only_with_force()
    {
        using var dir = new TempDir();
        string target = Earlier(dir["out"]);

        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules));
        Assert.Equal($"'{target}' exists and is not empty; use --force to replace it or choose another --out.", ex.Message);
        Assert.Equal(target, ex.Path);

        OutputTarget.Check(target, Rules, force: true);
        // Writers that need no --force (the experiment's) replace their own earlier output as it is.
        OutputTarget.Check(target, Rules with { NeedsForce = false });
        Assert.Equal(["out", Path.Combine("out", "data.csv"), Path.Combine("out", Marker)], dir.Entries());
    }

    [Fact]
    public void A_folder_with_foreign_files_is_refused_even_with_force_and_names_them()
    {
        using var dir = new TempDir();
        string target = Earlier(dir["out"]);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "my notes");
        Directory.CreateDirectory(Path.Combine(target, "analysis"));

        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules, force: true));
        Assert.Equal($"'{target}' holds analysis, notes.txt.", ex.Message);
        ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules with { NeedsForce = false }));
        Assert.Equal($"'{target}' holds analysis, notes.txt.", ex.Message);
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(target, "notes.txt")));

        // Only --force-delete-foreign accepts them.
        OutputTarget.Check(target, Rules, force: true, deleteForeign: true);
    }

    [Fact]
    public void A_folder_without_our_marker_is_refused_with_force_and_the_refusal_names_the_marker()
    {
        using var dir = new TempDir();
        string target = dir["out"];
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, Marker), "someone else's");

        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules, force: true));
        Assert.Equal($"'{target}' is not empty and is not a test folder (it has no {Marker} of ours), so --force will not replace it; choose another --out.", ex.Message);
        ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules with { SuggestsForceDeleteForeign = true }, force: true));
        Assert.EndsWith("choose another --out (or, to delete everything in it, --force-delete-foreign).", ex.Message);
    }

    [Fact]
    public void The_names_a_writer_may_write_are_checked_before_its_marker()
    {
        using var dir = new TempDir();
        string target = dir["out"];
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "my notes"); // a stranger, and no marker either

        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules, force: true));
        Assert.Equal($"'{target}' holds notes.txt.", ex.Message);
    }

    [Fact]
    public void The_names_a_marker_lists_are_the_only_ones_that_count_as_ours()
    {
        using var dir = new TempDir();
        string target = Earlier(dir["out"]);
        File.WriteAllText(Path.Combine(target, "extra.csv"), "listed");
        var listing = Rules with { Names = null, Ours = _ => ["ours.txt", "data.csv", "extra.csv"] };
        OutputTarget.Check(target, listing, force: true);

        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, listing with { Ours = _ => ["ours.txt", "data.csv"] }, force: true));
        Assert.Equal($"'{target}' holds extra.csv.", ex.Message);
    }

    [Fact]
    public void Only_a_dead_writers_stale_temporary_file_is_ours_to_remove_and_any_other_counts_as_content()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        string target = dir["out"];
        Directory.CreateDirectory(target);
        int dead;
        using (var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            dead = p.Id;
        }
        string stale = Path.Combine(target, $".data.csv.tmp-{dead}-abc");
        File.WriteAllText(stale, "half");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));

        // Litter: the folder is empty once it is removed, so no --force is needed, for every writer.
        OutputTarget.Check(target, Rules);
        Assert.False(File.Exists(stale));

        // A running writer's (pid 1 always runs) is not ours to delete: with an earlier output it is a stranger.
        Earlier(target);
        string live = Path.Combine(target, ".data.csv.tmp-1-abc");
        File.WriteAllText(live, "half");
        File.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-1));
        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules, force: true));
        Assert.Equal($"'{target}' holds .data.csv.tmp-1-abc.", ex.Message);
        Assert.True(File.Exists(live));
    }

    [Fact]
    public void A_file_in_the_targets_place_is_refused_in_the_same_words_for_every_writer()
    {
        using var dir = new TempDir();
        string target = dir["out"];
        File.WriteAllText(target, "a file");

        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules, force: true, deleteForeign: true));
        Assert.Equal($"'{target}' exists and is a file, not a folder; choose another --out.", ex.Message);
        ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules with { Names = null, Ours = null, NeedsForce = false }));
        Assert.Equal($"'{target}' exists and is a file, not a folder; choose another --out.", ex.Message);
        Assert.Equal("a file", File.ReadAllText(target));
    }

    [Fact]
    public void A_file_or_a_pipe_on_the_way_is_named_with_the_fix_for_a_folder_or_a_file_to_be_made()
    {
        using var dir = new TempDir();
        string blocker = dir["blocker"];
        File.WriteAllText(blocker, "a file");
        string target = Path.Combine(blocker, "deeper", "out");

        var ex = Assert.Throws<OutputException>(() => OutputTarget.Check(target, Rules, force: true, deleteForeign: true));
        Assert.Equal($"'{blocker}' is a file, not a folder, so '{target}' cannot be made inside it; choose another --out.", ex.Message);
        Assert.Equal(target, ex.Path);
        ex = Assert.Throws<OutputException>(() => OutputTarget.CheckParents(Path.Combine(blocker, "page.html"), "--docs"));
        Assert.EndsWith("choose another --docs.", ex.Message);
        ex = Assert.Throws<OutputException>(() => OutputTarget.CheckPlace(blocker + "/", "--docs"));
        Assert.Equal($"'{blocker}/' exists and is a file, not a folder; choose another --docs.", ex.Message);
        Assert.Equal("a file", File.ReadAllText(blocker));

        if (OperatingSystem.IsLinux())
        {
            string fifo = dir["pipe"];
            using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) mk.WaitForExit();
            ex = Assert.Throws<OutputException>(() => OutputTarget.CheckParents(Path.Combine(fifo, "out")));
            Assert.StartsWith($"'{fifo}' is a named pipe, not a folder", ex.Message);
        }

        // A folder on the way, missing or present, is not in the way.
        OutputTarget.CheckParents(dir["a/b/c"]);
        OutputTarget.Check(dir["a/b/c"], Rules);
    }
}
