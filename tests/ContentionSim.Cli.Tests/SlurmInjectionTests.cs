using System.Diagnostics;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Issue 17, class 7: no command is injected through the generated Slurm scripts. Before the change
/// <c>slurm --merged 'm-$(touch PWNED)'</c> wrote a submit.sh that ran the command (the folder was put unquoted in
/// <c>echo "…"</c>), and a sweep path with a line break put a command into an .sbatch comment; these tests failed then.
/// The scripts are checked with <c>bash -n</c> and shellcheck and then run, with a stand-in sbatch and contentionsim.
/// </summary>
[Trait("Category", "Process")]
public sealed class SlurmInjectionTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static (int Code, string Output) Exec(string workDir, IReadOnlyDictionary<string, string>? env, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    private static bool Has(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    public static TheoryData<string, string> HostileFolders => new()
    {
        { "sh $(touch PWNED) `touch PWNED`", "m-$(touch PWNED)" },
        { "a b;touch PWNED", "m b && touch PWNED" },
        { "x$IFS;touch${IFS}PWNED", "$(touch PWNED)" },
        { "-rf $HOME", "*" },
    };

    [SkippableTheory]
    [MemberData(nameof(HostileFolders))]
    public void Scripts_with_hostile_folder_names_pass_bash_n_and_shellcheck_and_run_nothing_but_contentionsim(string outName, string mergedName)
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Has("bash"), "needs bash on Linux");
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (ci) Assert.True(Has("shellcheck"), "shellcheck is not installed; .ci/run installs it");
        Skip.IfNot(Has("shellcheck"), "shellcheck is not installed (apt-get install -y shellcheck; CI installs it)");

        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = Path.Combine(_cli.Root, outName), merged = Path.Combine(_cli.Root, mergedName);
        // A stand-in contentionsim that records its arguments, and a stand-in sbatch that prints a job id.
        string bin = _cli.PathOf("bin");
        Directory.CreateDirectory(bin);
        string argsLog = _cli.PathOf("args.log");
        File.WriteAllText(Path.Combine(bin, "fake-contentionsim"), $"#!/bin/bash\nprintf '%s\\n' \"$@\" >> '{argsLog}'\nexit 0\n");
        File.WriteAllText(Path.Combine(bin, "sbatch"), "#!/bin/bash\necho 42\n");
        if (!OperatingSystem.IsWindows()) foreach (var f in Directory.GetFiles(bin)) File.SetUnixFileMode(f, (UnixFileMode)0b111_101_101);

        var (code, _, error) = _cli.Run("slurm", sweep, "--shards", "2", "--out", root, "--merged", merged,
            "--contentionsim", Path.Combine(bin, "fake-contentionsim"), "--partition", "short");
        Assert.True(code == 0, error);

        foreach (var script in new[] { "small-sweep.sbatch", "small-sweep-merge.sbatch", "submit.sh" })
        {
            string path = Path.Combine(root, script);
            var (bashCode, bashOut) = Exec(_cli.Root, null, "bash", "-n", path);
            Assert.True(bashCode == 0, $"bash -n {script}: {bashOut}");
            var (checkCode, checkOut) = Exec(_cli.Root, null, "shellcheck", "--severity=warning", "--shell=bash", path);
            Assert.True(checkCode == 0, $"shellcheck {script}:\n{checkOut}\n{File.ReadAllText(path)}");
        }

        // Run them as Slurm would: nothing but the stand-ins may run, and they get the folders as whole words.
        var env = new Dictionary<string, string> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"), ["SLURM_ARRAY_TASK_ID"] = "0" };
        foreach (var script in new[] { "submit.sh", "small-sweep.sbatch", "small-sweep-merge.sbatch" })
        {
            var (runCode, runOut) = Exec(_cli.Root, env, "bash", Path.Combine(root, script));
            Assert.True(runCode == 0, $"{script}: {runOut}");
        }
        Assert.Empty(Directory.EnumerateFiles(_cli.Root, "PWNED", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "PWNED")));
        var words = File.ReadAllLines(argsLog);
        Assert.Contains(root, words);
        Assert.Contains(merged, words);
    }

    [Theory]
    [InlineData("sweep-path", "line break")]
    [InlineData("command", "';' outside single quotes")]
    [InlineData("partition", "a quote")]
    public void Values_that_cannot_be_quoted_safely_are_refused_and_nothing_is_written(string what, string expected)
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = _cli.PathOf("shards");
        string[] args = what switch
        {
            "sweep-path" => ["slurm", CopyTo(sweep, _cli.PathOf("evil\nrm -rf ~\n.yaml")), "--shards", "2", "--out", root],
            "command" => ["slurm", sweep, "--shards", "2", "--out", root, "--contentionsim", "dotnet x.dll; touch PWNED"],
            _ => ["slurm", sweep, "--shards", "2", "--out", root, "--partition", "short\" --wrap=\"touch PWNED"],
        };
        var (code, output, error) = _cli.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("cannot be written safely", error);
        Assert.Contains(expected.Replace("line break", "control character"), error);
        Assert.Contains("Nothing was written.", error);
        Assert.False(Directory.Exists(root));
    }

    private static string CopyTo(string from, string to)
    {
        File.Copy(from, to);
        return to;
    }
}
