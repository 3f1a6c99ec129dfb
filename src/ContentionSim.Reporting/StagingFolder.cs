namespace ContentionSim.Reporting;

/// <summary>
/// An output folder written all at once: its files go into a staging folder <c>&lt;out&gt;.partial-&lt;pid&gt;</c> beside
/// the target (the name <see cref="Litter"/> knows), which replaces the target (<see cref="AtomicFolder.Replace"/>) only
/// when every file is complete. The one way the run, sensitivity, experiment, merged-sweep and discovery folders are written.
/// </summary>
public sealed class StagingFolder
{
    private StagingFolder(string path, string target)
    {
        Path = path;
        Target = target;
        Current = target;
    }

    /// <summary>The staging folder, where the files are written.</summary>
    public string Path { get; }

    /// <summary>The folder the files end up in.</summary>
    public string Target { get; }

    /// <summary>What an error is about, as the user will know it: the target folder, or a file in it.</summary>
    private string Current { get; set; }

    /// <summary>
    /// The path of <paramref name="name"/> (a file or subfolder) in the staging folder; an error from here on is told
    /// as about <paramref name="name"/> in the target folder.
    /// </summary>
    public string File(string name)
    {
        Current = System.IO.Path.Combine(Target, name);
        return System.IO.Path.Combine(Path, name);
    }

    /// <summary>
    /// Writes the folder <paramref name="target"/> (a full path): creates its parent, an empty staging folder beside it
    /// (removing one this process left), lets <paramref name="write"/> fill the staging folder, calls
    /// <paramref name="beforeCommit"/> (to check the target again: it may have appeared or filled meanwhile) and puts the
    /// staging folder in place of the target. On any failure the staging folder is removed, the target is left as it
    /// was, and the error is thrown as an <see cref="OutputException"/> naming the file in the target folder (never the
    /// staging folder, which is gone) — except exceptions <paramref name="keep"/> accepts, rethrown as they are.
    /// </summary>
    /// <exception cref="OutputException">The folder could not be written.</exception>
    public static void Write(string target, Action<StagingFolder> write, Action? beforeCommit = null, Func<Exception, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        target = System.IO.Path.TrimEndingDirectorySeparator(target);
        string parent = System.IO.Path.GetDirectoryName(target)
            ?? throw new OutputException(target, $"Cannot write into '{target}'; choose a folder inside it with --out.");
        var stage = new StagingFolder(System.IO.Path.Combine(parent, $"{System.IO.Path.GetFileName(target)}.partial-{Environment.ProcessId}"), target);
        try
        {
            Directory.CreateDirectory(parent);
            if (Directory.Exists(stage.Path)) Directory.Delete(stage.Path, recursive: true);
            Directory.CreateDirectory(stage.Path);
            write(stage);
            stage.Current = target;
            beforeCommit?.Invoke();
            AtomicFolder.Replace(stage.Path, target);
        }
        catch (Exception ex)
        {
            AtomicFolder.TryDelete(stage.Path);
            if (keep?.Invoke(ex) == true) throw;
            throw stage.InTarget(OutputException.From(stage.Current, ex));
        }
    }

    /// <summary>An error about the staging folder told with the path the user asked for.</summary>
    private OutputException InTarget(OutputException e) =>
        e.Message.Contains(Path, StringComparison.Ordinal) || e.Path.Contains(Path, StringComparison.Ordinal)
            ? new OutputException(e.Path.Replace(Path, Target, StringComparison.Ordinal), e.Message.Replace(Path, Target, StringComparison.Ordinal), e.InnerException)
            : e;
}
