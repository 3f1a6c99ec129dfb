using ContentionSim.Shared;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Issue 17: the edges between the tool and the rest of a user's disk and terminal. Each test is one class of the
/// issue's failures and failed before the change it names (the commit says so).
/// </summary>
public sealed class ReliabilityTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Scenario(string yaml = CliHarness.SmallScenario) => _cli.Write("s.yaml", yaml);

    private string[] Entries(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(_cli.Root, e)).Order(StringComparer.Ordinal).ToArray();

    // ---- class 2: --force replaces only what ContentionSim made ------------------------------------

    [Fact]
    public void Force_refuses_a_run_folder_holding_the_users_files_before_simulating_and_force_delete_foreign_replaces_it()
    {
        string scenario = Scenario();
        string outDir = _cli.PathOf("R");
        Assert.Equal(0, _cli.Run("run", scenario, "--out", outDir, "--no-plots").Code);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes");
        Directory.CreateDirectory(Path.Combine(outDir, "analysis"));
        File.WriteAllText(Path.Combine(outDir, "analysis", "fit.R"), "lm(y ~ x)");
        var before = Entries(_cli.Root);

        var (code, output, error) = _cli.Run("run", scenario, "--out", outDir, "--no-plots", "--force");
        Assert.Equal(3, code);
        Assert.DoesNotContain("Running", output); // refused before the simulation
        Assert.Contains("'analysis', 'notes.txt'", error);
        Assert.Contains("--force-delete-foreign", error);
        Assert.Equal(before, Entries(_cli.Root));

        var (forced, _, forcedError) = _cli.Run("run", scenario, "--out", outDir, "--no-plots", "--force-delete-foreign");
        Assert.True(forced == 0, forcedError);
        Assert.False(File.Exists(Path.Combine(outDir, "notes.txt")));
    }

    [Fact]
    public void Another_tools_run_json_does_not_make_a_folder_ours()
    {
        string outDir = _cli.PathOf("thesis");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "run.json"), """{"job": 12, "state": "done"}""");
        File.WriteAllText(Path.Combine(outDir, "thesis.tex"), "\\documentclass{article}");
        var (code, _, error) = _cli.Run("run", Scenario(), "--out", outDir, "--force");
        Assert.Equal(3, code);
        Assert.Contains("not a ContentionSim run folder", error);
        Assert.True(File.Exists(Path.Combine(outDir, "thesis.tex")));
    }

    // ---- class 3: outputs never land on an input's files, a shard or a device ---------------------------

    [Fact]
    public void Report_and_compare_never_write_over_a_runs_own_files()
    {
        string scenario = Scenario();
        string a = _cli.PathOf("A"), b = _cli.PathOf("B");
        Assert.Equal(0, _cli.Run("run", scenario, "--out", a).Code);
        Assert.Equal(0, _cli.Run("run", scenario, "--out", b, "--seed", "4").Code);
        var before = Directory.GetFiles(b).ToDictionary(f => f, File.ReadAllBytes);

        var (report, _, reportError) = _cli.Run("report", a, "--out", Path.Combine(a, "run.json"));
        Assert.Equal(3, report);
        Assert.Contains("is a file of the input", reportError);
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(a, "run.json")));

        // compare writes B/stages.html and B/stages.png: the PNG would replace B's own figure.
        var (compare, _, compareError) = _cli.Run("compare", a, b, "--out", Path.Combine(b, "stages.html"));
        Assert.Equal(3, compare);
        Assert.Contains("stages.png", compareError);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(b).Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));

        // A link to an input's file is that file.
        string link = _cli.PathOf("link.html");
        File.CreateSymbolicLink(link, Path.Combine(a, "timeseries.csv"));
        Assert.Equal(3, _cli.Run("report", a, "--out", link).Code);

        // The default places still work: report.html inside the run, a new name beside it.
        Assert.Equal(0, _cli.Run("report", a).Code);
        Assert.Equal(0, _cli.Run("compare", a, b, "--out", Path.Combine(b, "side-by-side.html")).Code);
    }

    [Fact]
    public void An_output_on_a_device_node_or_a_pipe_is_refused_and_the_node_stays()
    {
        string scenario = Scenario();
        string run = _cli.PathOf("A");
        Assert.Equal(0, _cli.Run("run", scenario, "--out", run, "--no-plots").Code);
        var (code, _, error) = _cli.Run("report", run, "--out", "/dev/null");
        Assert.Equal(3, code);
        Assert.Contains("character device", error);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));

        string fifo = _cli.PathOf("pipe");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) mk.WaitForExit();
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        var (pipe, _, pipeError) = _cli.Run("report", run, "--out", fifo);
        Assert.Equal(3, pipe);
        Assert.Contains("named pipe", pipeError);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));

        var (runCode, runOut, runError) = _cli.Run("run", scenario, "--out", "/dev/null", "--force");
        Assert.Equal(3, runCode);
        Assert.Contains("character device", runError);
        Assert.DoesNotContain("Running", runOut);
    }

    [Fact]
    public void Merge_never_writes_into_a_shard()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string root = _cli.PathOf("SH");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", root, "--shard", "0/2", "--no-plots").Code);
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", root, "--shard", "1/2", "--no-plots").Code);
        string shard = Path.Combine(root, "shard-0-of-2");
        byte[] runs = File.ReadAllBytes(Path.Combine(shard, "runs.csv"));

        var (code, _, error) = _cli.Run("merge", root, "--out", shard);
        Assert.Equal(3, code);
        Assert.Contains("shard", error);
        Assert.Equal(runs, File.ReadAllBytes(Path.Combine(shard, "runs.csv")));
        Assert.Equal(3, _cli.Run("merge", root, "--out", Path.Combine(shard, "merged")).Code);
        Assert.Equal(0, _cli.Run("merge", root, "--out", _cli.PathOf("merged"), "--no-plots").Code);
    }

    // ---- class 4: bounded input ---------------------------------------------------------------------

    [Fact]
    public void A_device_is_refused_as_a_scenario_or_a_sweeps_base_without_reading_it()
    {
        var (code, output, error) = _cli.Run("validate", "/dev/zero");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("/dev/zero: this is a character device, not a scenario file", error);

        string sweep = _cli.Write("sweep.yaml", "base: /dev/zero\nvary:\n  state.openness: [0.1, 0.2]\n");
        var (sweepCode, _, sweepError) = _cli.Run("sweep", sweep, "--out", _cli.PathOf("out"));
        Assert.Equal(2, sweepCode);
        Assert.Contains("character device", sweepError);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_with_the_limit()
    {
        string big = _cli.PathOf("big.yaml");
        using (var f = File.Create(big))
        {
            var line = "# padding padding padding padding padding padding padding padding padding\n"u8.ToArray();
            while (f.Length < 5 * 1024 * 1024) f.Write(line);
        }
        var (code, _, error) = _cli.Run("validate", big);
        Assert.Equal(2, code);
        Assert.Contains("larger than the limit of 4 MB", error);
    }

    [Fact]
    public void Names_too_long_for_a_folder_or_holding_control_characters_are_refused_before_any_run()
    {
        string longName = CliHarness.SmallScenario.Replace("name: small", "name: " + new string('x', 5000));
        var (code, output, error) = _cli.Run("run", Scenario(longName), "--out", _cli.PathOf("out"));
        Assert.Equal(2, code);
        Assert.DoesNotContain("Running", output);
        Assert.Contains("5,000 characters long, more than the limit of 100", error);

        string escape = CliHarness.SmallScenario.Replace("name: small", "name: \"evil\\e]0;pwned\\a\"");
        var (escCode, _, escError) = _cli.Run("validate", Scenario(escape));
        Assert.Equal(2, escCode);
        Assert.Contains("control character U+001B", escError);
        Assert.DoesNotContain('\u001b', escError);

        string longId = CliHarness.SmallScenario.Replace("id: m", "id: " + new string('m', 300));
        Assert.Contains("more than the limit of 100", _cli.Run("validate", Scenario(longId)).Error);
    }

    // ---- class 5: plain mistakes are not internal errors -----------------------------------------------

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("report")]
    public void An_empty_or_blank_out_is_bad_input_before_anything_runs(string command)
    {
        string input = command == "sweep" ? SweepTestFiles.WriteSmall(_cli) : command == "report" ? _cli.Root : Scenario();
        foreach (var blank in new[] { "", " " })
        {
            var (code, output, error) = _cli.Run(command, input, "--out", blank);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains("error: --out is empty", error);
            Assert.DoesNotContain("internal error", error);
        }
    }

    // ---- class 7 (terminal): user text reaches the terminal without its control characters ---------------

    [Fact]
    public void A_file_name_with_escape_sequences_is_printed_with_visible_escapes()
    {
        string name = "evil\u001b]0;pwned\u0007\u001b[31mred\u202e.yaml";
        var (code, output, error) = _cli.Run("validate", _cli.PathOf(name));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("evil\\x1B]0;pwned\\x07\\x1B[31mred\\u202E.yaml", error);
        Assert.DoesNotContain(error, c => c is '\u001b' or '\u0007' or '\u202e');

        // The same through a real run folder: report names the folder it read.
        string dir = _cli.PathOf("run\u001b[2J");
        Assert.Equal(0, _cli.Run("run", Scenario(), "--out", dir, "--no-plots").Code);
        var (report, reportOut, _) = _cli.Run("report", dir);
        Assert.Equal(0, report);
        Assert.Contains("run\\x1B[2J", reportOut);
        Assert.DoesNotContain('\u001b', reportOut);
    }

    // ---- class 8: a decimal comma ----------------------------------------------------------------------

    [Theory]
    [InlineData("0,5", "write 0.5 (a decimal point, not a comma)")]
    [InlineData("2,75", "write 2.75 (a decimal point, not a comma)")]
    [InlineData("1,000", "write 1000 (',' is not a digit separator")]
    public void A_decimal_comma_is_answered_with_the_decimal_point(string value, string fix)
    {
        string yaml = CliHarness.SmallScenario.Replace("      count: 300", $"      count: 300\n      escalation: {value}");
        var (code, _, error) = _cli.Run("validate", Scenario(yaml));
        Assert.Equal(2, code);
        Assert.Contains(fix, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("write 5 ", error, StringComparison.OrdinalIgnoreCase);
    }

    // ---- class 9: litter --------------------------------------------------------------------------------

    /// <summary>
    /// A folder holding only a killed writer's stale temporary file (as <c>kill -9</c> during an earlier write leaves it)
    /// is written into, with or without --force, by run and sensitivity alike: the early check cleans that litter as the
    /// writer does. Before, run's early check refused it ("not empty"; with --force "not a ContentionSim run folder")
    /// though its writer would have cleaned it and written, and sensitivity never cleaned it at all.
    /// </summary>
    [Theory]
    [InlineData("run", false)]
    [InlineData("run", true)]
    [InlineData("sensitivity", false)]
    [InlineData("sensitivity", true)]
    public void A_folder_holding_only_a_killed_writers_stale_temporary_file_is_written(string command, bool force)
    {
        if (!OperatingSystem.IsLinux()) return;
        int dead;
        using (var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            dead = p.Id;
        }
        string outDir = _cli.PathOf("out");
        Directory.CreateDirectory(outDir);
        string stale = Path.Combine(outDir, $".timeseries.csv.tmp-{dead}-0a1b2c3d4e5f");
        File.WriteAllText(stale, "half");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));

        string[] args = command == "run"
            ? ["run", Scenario(), "--out", outDir, "--no-plots"]
            : ["sensitivity", Scenario(), "--out", outDir, "--only", "state.openness", "--replications", "2", "--no-plots"];
        var (code, _, error) = _cli.Run(force ? [.. args, "--force"] : args);

        Assert.True(code == 0, error);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(outDir, command == "run" ? "run.json" : "manifest.json")));
    }

    /// <summary>
    /// A sweep killed while it wrote its first manifest leaves its folder holding only that temporary file. The next sweep
    /// into it cleans the stale file and starts; before, it was refused ("exists and is not empty"), and with --resume
    /// too ("is not a sweep folder"), because the litter was cleaned only after the folder was judged.
    /// </summary>
    [Fact]
    public void A_sweep_folder_holding_only_a_killed_sweeps_stale_temporary_manifest_is_written()
    {
        if (!OperatingSystem.IsLinux()) return;
        int dead;
        using (var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            dead = p.Id;
        }
        string outDir = _cli.PathOf("sweep");
        Directory.CreateDirectory(outDir);
        string stale = Path.Combine(outDir, $".manifest.json.tmp-{dead}-0a1b2c3d4e5f");
        File.WriteAllText(stale, "{\"format\": ");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));

        var (code, _, error) = _cli.Run("sweep", SweepTestFiles.WriteSmall(_cli), "--out", outDir, "--no-plots");

        Assert.True(code == 0, error);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(outDir, "summary.csv")));
    }
}
