using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Experiments.Tests;

/// <summary>The git commit of a working copy, read from .git without running git.</summary>
public sealed class GitInfoTests : IDisposable
{
    private const string Hash = "0123456789abcdef0123456789abcdef01234567";
    private readonly SweepTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Git(params string[] parts) => _dir.Combine([".git", .. parts]);

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void A_branch_ref_is_followed_from_a_subfolder()
    {
        Write(Git("HEAD"), "ref: refs/heads/main\n");
        Write(Git("refs", "heads", "main"), Hash + "\n");
        Directory.CreateDirectory(_dir.Combine("a", "b"));
        Assert.Equal(Hash, GitInfo.Commit(_dir.Combine("a", "b")));
    }

    [Fact]
    public void Packed_refs_and_detached_heads_are_read()
    {
        Write(Git("HEAD"), "ref: refs/heads/feature/x\n");
        Write(Git("packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n" + Hash + " refs/heads/feature/x\n");
        Assert.Equal(Hash, GitInfo.Commit(_dir.Path));
        Write(Git("HEAD"), Hash.ToUpperInvariant() + "\n");
        Assert.Equal(Hash, GitInfo.Commit(_dir.Path));
    }

    [Fact]
    public void A_worktree_git_file_is_followed()
    {
        string real = _dir.Combine("main-repo", ".git");
        Write(Path.Combine(real, "worktrees", "wt", "HEAD"), "ref: refs/heads/topic\n");
        Write(Path.Combine(real, "worktrees", "wt", "commondir"), "../..\n");
        Write(Path.Combine(real, "refs", "heads", "topic"), Hash);
        Write(_dir.Combine("wt", ".git"), "gitdir: " + Path.Combine(real, "worktrees", "wt") + "\n");
        Assert.Equal(Hash, GitInfo.Commit(_dir.Combine("wt")));
    }

    [Fact]
    public void No_repository_or_an_unknown_ref_gives_null()
    {
        Assert.Null(GitInfo.Commit(_dir.Combine("nothing-here"))); // the temp folder is in no repository
        Write(Git("HEAD"), "ref: refs/heads/missing\n");
        Assert.Null(GitInfo.Commit(_dir.Path));
    }
}
