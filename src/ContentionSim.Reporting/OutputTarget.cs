namespace ContentionSim.Reporting;

/// <summary>
/// What one writer's output folder may hold before it is replaced as a whole (<see cref="OutputTarget.Check"/>): the
/// parts where the run, sensitivity, discovery and experiment folders genuinely differ — what marks a folder as ours,
/// which names it may hold, whether <c>--force</c> is needed, and how the refusals are worded. (What is not a folder in
/// the target's place or on its way is refused by <see cref="OutputTarget.CheckPlace"/> in the same words for every writer.)
/// </summary>
public sealed record OutputTargetRules
{
    /// <summary>Whether a folder that is not empty is replaced only with <c>--force</c> (false: replaced whenever it holds only what <see cref="Names"/> allows).</summary>
    public bool NeedsForce { get; init; } = true;

    /// <summary>The names a folder of this writer may hold, whatever it is; anything else is refused (<see cref="Strangers"/>) before the marker is looked at. Null: not checked.</summary>
    public IReadOnlyCollection<string>? Names { get; init; }

    /// <summary>
    /// What marks a folder as one this writer wrote: from the folder, the names its marker lists (empty when it lists
    /// none), or null when the folder is not ours (<see cref="NotOurs"/>). Null: no marker is needed.
    /// </summary>
    public Func<string, IReadOnlyCollection<string>?>? Ours { get; init; }

    /// <summary>How a folder of ours is called in the refusal of one that is not: "a sensitivity folder".</summary>
    public string FolderName { get; init; } = "";

    /// <summary>What a folder of ours has and this one lacks, in the same refusal: "discovery.md written by contentionsim discover".</summary>
    public string MarkerName { get; init; } = "";

    /// <summary>Whether the refusal of a folder that is not ours suggests <c>--force-delete-foreign</c>.</summary>
    public bool SuggestsForceDeleteForeign { get; init; }

    /// <summary>The message when the folder holds names that are not ours, from the target and those names (sorted ordinally).</summary>
    public Func<string, IReadOnlyList<string>, string> Strangers { get; init; } =
        (target, names) => $"'{target}' holds {string.Join(", ", names.Select(n => $"'{n}'"))}, which is not ours; choose another --out.";

    /// <summary>The refusal of a folder that is not empty and has no marker of ours.</summary>
    internal string NotOurs(string target) =>
        $"'{target}' is not empty and is not {FolderName} (it has no {MarkerName}), so --force will not replace it; choose another --out" +
        (SuggestsForceDeleteForeign ? " (or, to delete everything in it, --force-delete-foreign)." : ".");
}

/// <summary>
/// The one check of an output folder before a writer replaces it as a whole (<see cref="StagingFolder.Write"/>), so that
/// nothing the user put there is lost: a missing or empty folder is accepted; one that is not empty only with
/// <c>--force</c> (when the writer's rules ask for it) and only when it holds an earlier output of the same writer and
/// nothing else; anything else in the target's place is refused. Used by the run, sensitivity, discovery and experiment
/// writers, each with its <see cref="OutputTargetRules"/>, both before the work (so that a refusal comes before the
/// time is spent) and by the writer itself: the same call, so the two verdicts cannot differ.
/// </summary>
/// <remarks>
/// What a killed writer left is ours to clean up, and nothing else is: stale staging folders beside the target and stale
/// temporary files inside it (<see cref="Litter"/>: of a process that is no longer running, untouched for a minute) are
/// removed before the folder is judged, for every writer; whatever remains, a temporary file of a writer still at work
/// included, is judged as the folder's content, and deleted only with <c>--force-delete-foreign</c>.
/// </remarks>
public static class OutputTarget
{
    /// <summary>The refusal of a folder that is not empty without <c>--force</c>.</summary>
    public static string NotEmpty(string target) =>
        $"'{target}' exists and is not empty; use --force to replace it or choose another --out.";

    /// <summary>
    /// Throws unless <paramref name="target"/> (a full path, without a trailing separator) may be replaced under
    /// <paramref name="rules"/>: it is missing or empty, or (with <paramref name="force"/> where the rules need it) holds
    /// an earlier output of ours and nothing else. <paramref name="deleteForeign"/> (<c>--force-delete-foreign</c>)
    /// accepts, with <paramref name="force"/>, any folder that is not empty.
    /// </summary>
    /// <exception cref="OutputException">The folder may not be replaced or could not be read; the message says why and what to do.</exception>
    public static void Check(string target, OutputTargetRules rules, bool force = false, bool deleteForeign = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rules);
        CheckPlace(target);
        Litter.Clean(target); // what killed writers left: ours to remove, before the folder is judged
        if (!Directory.Exists(target)) return;
        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).OfType<string>()];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(target, ex);
        }
        if (entries.Count == 0) return;
        if (rules.NeedsForce && !force) throw new OutputException(target, NotEmpty(target));
        if (deleteForeign) return;
        if (rules.Names is { } names) RefuseStrangers(target, entries, names, rules);
        if (rules.Ours is { } ours)
        {
            var listed = ours(target) ?? throw new OutputException(target, rules.NotOurs(target));
            if (listed.Count > 0) RefuseStrangers(target, entries, listed, rules);
        }
    }

    /// <summary>
    /// Throws when an output folder <paramref name="target"/> cannot be where it is asked for: a file (or a device, a pipe…)
    /// stands in its place (<c>'T' exists and is a file, not a folder; choose another --out.</c>, <paramref name="option"/>
    /// naming the option that chose it), or in the place of a folder on its way (<see cref="CheckParents"/>). What every
    /// writer of a folder checks before it does anything, whatever else it checks.
    /// </summary>
    /// <exception cref="OutputException">Something that is not a folder is in the way; the message names it and the fix.</exception>
    public static void CheckPlace(string target, string option = "--out")
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckParents(target, option);
        var kind = Shared.FileKinds.Of(Path.TrimEndingDirectorySeparator(target));
        if (kind is not (Shared.FileKind.Missing or Shared.FileKind.Directory))
            throw new OutputException(target, $"'{target}' exists and is {Shared.FileKinds.Describe(kind)}, not a folder; choose another {option}.");
    }

    /// <summary>
    /// Throws when something that is not a folder (a file, a device, a pipe…) stands where a folder on the way to
    /// <paramref name="target"/> (a folder or a file to be written) should be, so that it cannot be made:
    /// <c>'DIR' is a file, not a folder, so 'TARGET' cannot be made inside it; choose another --out.</c>
    /// (<paramref name="option"/> names the option that chose the path.) Rather than "the file already exists" or "a
    /// folder on the way does not exist" from the system, which name neither the file nor the fix.
    /// </summary>
    /// <exception cref="OutputException">A folder on the way is not a folder.</exception>
    public static void CheckParents(string target, string option = "--out")
    {
        ArgumentNullException.ThrowIfNull(target);
        if (NotAFolderOnTheWay(target, option) is { } e) throw e;
    }

    /// <summary>The refusal <see cref="CheckParents"/> throws for <paramref name="path"/>, or null when nothing is in the way (or the path is not valid).</summary>
    internal static OutputException? NotAFolderOnTheWay(string path, string option = "--out")
    {
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
        for (string? dir = Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var kind = Shared.FileKinds.Of(dir);
            if (kind == Shared.FileKind.Directory) return null;
            if (kind != Shared.FileKind.Missing)
                return new OutputException(full,
                    $"'{dir}' is {Shared.FileKinds.Describe(kind)}, not a folder, so '{full}' cannot be made inside it; choose another {option}.");
        }
        return null;
    }

    /// <summary>
    /// Adds to <paramref name="owned"/> the plain file names a manifest lists in its <c>files</c> array (objects with a
    /// <c>name</c>), the list the run and sensitivity manifests both write; names with a folder part are skipped.
    /// </summary>
    public static void AddListedFiles(System.Text.Json.JsonElement manifest, ISet<string> owned)
    {
        ArgumentNullException.ThrowIfNull(owned);
        if (manifest.ValueKind != System.Text.Json.JsonValueKind.Object
            || !manifest.TryGetProperty("files", out var files) || files.ValueKind != System.Text.Json.JsonValueKind.Array)
            return;
        foreach (var f in files.EnumerateArray())
            if (f.ValueKind == System.Text.Json.JsonValueKind.Object && f.TryGetProperty("name", out var n)
                && n.ValueKind == System.Text.Json.JsonValueKind.String && n.GetString() is { Length: > 0 } name
                && name == Path.GetFileName(name))
                owned.Add(name);
    }

    private static void RefuseStrangers(string target, List<string> entries, IReadOnlyCollection<string> ours, OutputTargetRules rules)
    {
        var strangers = entries.Where(e => !ours.Contains(e)).Order(StringComparer.Ordinal).ToList();
        if (strangers.Count > 0) throw new OutputException(target, rules.Strangers(target, strangers));
    }
}
