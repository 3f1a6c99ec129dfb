using System.Text;
using ContentionSim.Experiments.Methods;
using ContentionSim.Scenarios;
using ContentionSim.Scenarios.Calibration;
using ContentionSim.Scenarios.Sweeps;
using Xunit.Abstractions;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// The corpus of bad inputs in <c>BadInputs/</c>: every case goes through the real command line
/// (<c>validate</c> and <c>run --out</c> for a scenario, <c>sweep --out</c> and <c>sweep --dry-run</c>
/// for a sweep, and <c>validate</c> for a sweep it can tell by its keys; <c>validate</c>, <c>calibrate --out</c>
/// and <c>slurm --shards 2 --out</c> for a calibration) and must give exit code 2, exactly the message in its <c>.expected</c> file, no stack
/// trace, nothing on standard output and no output folder (nor a <c>.partial-*</c> one).
/// </summary>
/// <remarks>
/// A case is <c>NNN-name.yaml</c> (a sweep when the name starts with <c>sweep-</c>, a calibration when it
/// starts with <c>calibration-</c>), or one of
/// <see cref="Generated"/> for inputs that cannot sensibly be committed (binary files, a folder, a
/// missing or unreadable file). <c>NNN-name.args</c> adds arguments, one a line. <c>NNN-name.expected</c>
/// holds <c>exit N</c> on its first line and then the exact standard error, with the scratch folder
/// written as <c>{DIR}</c> and the working folder as <c>{CWD}</c>. Files starting with '_' are helpers
/// (the base scenarios of the sweeps and calibrations). Set CONTENTIONSIM_BLESS=1 to write the .expected files from
/// what the command line prints (then read every one before committing it).
/// </remarks>
public sealed class BadInputCorpusTests(ITestOutputHelper log)
{
    private const string Dir = "{DIR}";

    /// <summary>The corpus folder in the source tree.</summary>
    public static string Corpus => Path.Combine(CliHarness.RepoRoot, "tests", "ContentionSim.Cli.Tests", "BadInputs");

    /// <summary>Inputs written by the test: (the path to pass; null to skip the case on this system).</summary>
    private static readonly Dictionary<string, Func<string, string?>> Generated = new(StringComparer.Ordinal)
    {
        ["082-binary-file"] = dir => Bytes(dir, "082-binary-file.yaml",
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R']),
        ["083-nul-byte-in-text"] = dir => Bytes(dir, "083-nul-byte-in-text.yaml", Encoding.UTF8.GetBytes("name: nul\nticks: 10\0\n")),
        ["084-latin1-text"] = dir => Bytes(dir, "084-latin1-text.yaml", Encoding.Latin1.GetBytes("name: latin\ndescription: café crème\n")),
        ["085-windows-1252-quotes"] = dir => Bytes(dir, "085-windows-1252-quotes.yaml",
            [.. Encoding.ASCII.GetBytes("name: quotes\ndescription: "), 0x93, .. Encoding.ASCII.GetBytes("Japan"), 0x94, (byte)'\n']),
        ["086-broken-utf16"] = dir => Bytes(dir, "086-broken-utf16.yaml",
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("name: wide\n"), 0x00, 0xD8, (byte)'a', 0]),
        ["087-directory-given-as-a-file"] = dir =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(dir, "087-scenarios")).FullName;
            File.WriteAllText(Path.Combine(folder, "tight.yaml"), "name: tight\n");
            File.WriteAllText(Path.Combine(folder, "open.yaml"), "name: open\n");
            return folder;
        },
        ["088-missing-file-with-a-similar-name"] = dir => Path.Combine(dir, "_bsae.yaml"),
        ["089-missing-folder"] = dir => Path.Combine(dir, "no-such-folder", "scenario.yaml"),
        // Root reads any file whatever its permissions; /proc/self/mem exists but fails with EIO at offset 0.
        ["110-unreadable-file"] = _ => OperatingSystem.IsLinux() ? "/proc/self/mem" : null,
        ["111-sweep-directory-given-as-a-file"] = dir => Directory.CreateDirectory(Path.Combine(dir, "111-sweeps")).FullName,
        ["112-sweep-binary-file"] = dir => Bytes(dir, "112-sweep-binary-file.yaml", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03]),
        ["113-sweep-missing-file"] = dir => Path.Combine(dir, "113-no-such-sweep.yaml"),
        ["114-sweep-unreadable-file"] = _ => OperatingSystem.IsLinux() ? "/proc/self/mem" : null,
    };

    private static string Bytes(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static IEnumerable<string> CaseNames() =>
        Directory.GetFiles(Corpus, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(n => !n.StartsWith('_'))
            .Concat(Generated.Keys)
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in CaseNames()) data.Add(name);
        return data;
    }

    private static bool IsSweep(string name) => name.AsSpan(name.IndexOf('-') + 1).StartsWith("sweep-");

    private static bool IsCalibration(string name) => name.AsSpan(name.IndexOf('-') + 1).StartsWith("calibration-");

    [Fact]
    public void The_corpus_has_at_least_sixty_cases_each_with_its_expected_message()
    {
        var names = CaseNames().ToList();
        int calibrations = names.Count(IsCalibration);
        log.WriteLine($"bad inputs in the corpus: {names.Count} ({names.Count(n => !IsSweep(n) && !IsCalibration(n))} scenarios, {names.Count(IsSweep)} sweeps, " +
                      $"{calibrations} calibrations), each through two commands (a calibration three): at least {2 * names.Count + calibrations} refusals checked");
        Assert.True(names.Count >= 60, $"only {names.Count} cases");
        Assert.Equal(names.Count, names.Select(n => n[..3]).Distinct().Count()); // numbers are unique
        if (Environment.GetEnvironmentVariable("CONTENTIONSIM_BLESS") != "1")
            Assert.All(names, n => Assert.True(File.Exists(Path.Combine(Corpus, n + ".expected")), $"{n}.expected is missing"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_refused_with_exit_2_the_exact_message_and_no_output(string name)
    {
        using var cli = new CliHarness();
        string dir = cli.Root;
        foreach (var helper in Directory.GetFiles(Corpus, "_*.yaml"))
            File.Copy(helper, Path.Combine(dir, Path.GetFileName(helper)));
        string? input;
        if (Generated.TryGetValue(name, out var generate)) input = generate(dir);
        else
        {
            input = Path.Combine(dir, name + ".yaml");
            File.Copy(Path.Combine(Corpus, name + ".yaml"), input);
        }
        if (input is null)
        {
            log.WriteLine($"{name}: not applicable on this system");
            return;
        }
        string argsFile = Path.Combine(Corpus, name + ".args");
        string[] extra = File.Exists(argsFile) ? File.ReadAllLines(argsFile).Where(l => l.Length > 0).ToArray() : [];
        string output = Path.Combine(dir, "out");
        string[][] commands = IsSweep(name)
            ? [["sweep", input, "--out", output, .. extra], ["sweep", input, "--dry-run", .. extra]]
            : IsCalibration(name)
                ? [["validate", input, .. extra], ["calibrate", input, "--out", output, .. extra], ["slurm", input, "--shards", "2", "--out", output, .. extra]]
                : [["validate", input, .. extra], ["run", input, "--out", output, .. extra]];
        // validate tells a sweep by its base or vary key; one it can tell must get the sweep's message.
        if (IsSweep(name) && SweepLoader.IsSweepFile(input)) commands = [.. commands, ["validate", input, .. extra]];

        var before = Listing(dir);
        string? first = null;
        foreach (var args in commands)
        {
            var (code, stdout, stderr) = cli.Run(args);
            string shown = $"contentionsim {string.Join(' ', args.Skip(2).Prepend(Path.GetFileName(input)).Prepend(args[0]))}";
            Assert.False(stderr.Contains("   at ", StringComparison.Ordinal), $"{shown}: a stack trace:\n{stderr}");
            Assert.True(code == ExitCodes.BadInput, $"{shown}: exit {code}, expected 2:\n{stderr}{stdout}");
            Assert.True(stdout.Length == 0, $"{shown}: printed on standard output:\n{stdout}");
            Assert.Equal(before, Listing(dir)); // no output folder, no .partial-*, no runs/
            string actual = $"exit {code}\n" + Normalize(stderr, dir);
            first ??= actual;
            Assert.Equal(first, actual); // every command says the same
        }

        string expectedFile = Path.Combine(Corpus, name + ".expected");
        if (Environment.GetEnvironmentVariable("CONTENTIONSIM_BLESS") == "1")
        {
            File.WriteAllText(expectedFile, first);
            return;
        }
        Assert.True(File.Exists(expectedFile), $"{name}.expected is missing; this is what the command line printed:\n{first}");
        Assert.Equal(File.ReadAllText(expectedFile).ReplaceLineEndings("\n"), first);
        CheckDiagnostics(name, input, extra);
    }

    /// <summary>
    /// The same input through the library: every problem has a fix, and a position whenever the
    /// input is a readable text file (only missing, unreadable and non-text files have none).
    /// </summary>
    private static void CheckDiagnostics(string name, string input, string[] extra)
    {
        var sets = extra.Where((a, i) => i > 0 && extra[i - 1] == "--set").ToArray();
        var e = Assert.Throws<ScenarioException>(() =>
        {
            if (IsSweep(name)) SweepLoader.LoadFile(input, new SweepLoadOptions { Sets = sets });
            else if (IsCalibration(name)) CalibrationLoader.LoadFile(input, [.. Observables.All.Select(o => o.Name)]);
            else ScenarioLoader.ApplyOverrides(ScenarioLoader.LoadFile(input), sets);
        });
        bool textFile = !Generated.ContainsKey(name);
        foreach (var d in e.Diagnostics)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Fix), $"{name}: no fix in '{d}'");
            if (textFile && d.File != ScenarioLoader.OverrideSource)
                Assert.True(d.Line > 0 && d.Column > 0, $"{name}: no line and column in '{d}'");
        }
    }

    private static string Normalize(string text, string dir)
    {
        string cwd = Environment.CurrentDirectory;
        string relative = Path.GetRelativePath(cwd, dir);
        // The relative form first: it ends with the absolute one's tail.
        if (relative != dir) text = text.Replace(relative, Dir, StringComparison.Ordinal);
        text = text.Replace(dir, Dir, StringComparison.Ordinal);
        if (cwd.Length > 1) text = text.Replace(cwd, "{CWD}", StringComparison.Ordinal); // not '/', which is in every path
        return text.ReplaceLineEndings("\n");
    }

    private static string Listing(string dir) =>
        string.Join("\n", Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(dir, p)).Order(StringComparer.Ordinal));
}
