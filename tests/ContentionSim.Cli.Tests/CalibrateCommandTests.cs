using System.Globalization;

namespace ContentionSim.Cli.Tests;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Calibration(string name = "cal.yaml")
    {
        _cli.Write("small.yaml", CliHarness.SmallScenario);
        return _cli.Write(name, CliHarness.SmallCalibration("{particles: 20, initial_draws: 40, generations: 1, max_simulations: 200}", heldOut: true));
    }

    [Fact]
    public void Calibrate_writes_the_posterior_the_fit_and_the_report_and_resumes_to_the_same_result()
    {
        string file = Calibration();
        string a = _cli.PathOf("a"), b = _cli.PathOf("b");
        var (code, output, error) = _cli.Run("calibrate", file, "--out", a, "--no-plots");
        Assert.True(code == 0, error);
        Assert.Contains("Posterior", output);
        foreach (var f in new[] { "particles.csv", "populations.csv", "posterior.csv", "fit.csv", "calibration.md", "abc-g0-b0/runs.csv" })
            Assert.True(File.Exists(Path.Combine(a, f)), f);
        Assert.Equal(21, File.ReadAllLines(Path.Combine(a, "particles.csv")).Length);
        Assert.Contains("held_out", File.ReadAllText(Path.Combine(a, "fit.csv")));

        // Interrupted after the first runs, then resumed: the same particles as the uninterrupted calibration.
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));
        var (stopped, _, _) = _cli.Run(cts.Token, "calibrate", file, "--out", b, "--no-plots");
        Assert.Contains(stopped, new[] { 0, 130 });
        var (resumed, _, error2) = _cli.Run("calibrate", file, "--out", b, "--no-plots");
        Assert.True(resumed == 0, error2);
        Assert.Equal(File.ReadAllText(Path.Combine(a, "particles.csv")), File.ReadAllText(Path.Combine(b, "particles.csv")));
    }

    [Fact]
    public void Calibrate_refuses_another_analysis_folder_and_bad_truth()
    {
        string file = Calibration();
        string other = _cli.PathOf("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        var (code, _, error) = _cli.Run("calibrate", file, "--out", other);
        Assert.Equal(3, code);
        Assert.Contains("holds something else", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(other, "notes.txt")));
        var (code2, _, error2) = _cli.Run("calibrate", file, "--truth", "0.1", "0.2");
        Assert.Equal(2, code2);
        Assert.Contains("--truth gives 2 values for 1 free parameters", error2);
    }

    /// <summary>
    /// <c>--force</c> replaces an earlier calibration (the files and stage folders its analysis.txt lists) but not a
    /// user's file beside it: exit 3 before any run, the file named with the fix, the file and the earlier calibration
    /// kept. Before, --force deleted the whole folder whenever it held an analysis.txt, the user's notes.txt with it.
    /// </summary>
    [Fact]
    public void Force_replaces_an_earlier_calibration_but_refuses_one_beside_a_users_file_before_running()
    {
        string file = Calibration();
        string dir = _cli.PathOf("cal");
        var (code, _, error) = _cli.Run("calibrate", file, "--out", dir, "--no-plots");
        Assert.True(code == 0, error);
        string posterior = File.ReadAllText(Path.Combine(dir, "posterior.csv"));
        (code, _, error) = _cli.Run("calibrate", file, "--out", dir, "--no-plots", "--force");
        Assert.True(code == 0, error);
        Assert.Equal(posterior, File.ReadAllText(Path.Combine(dir, "posterior.csv")));
        string[] ours = Entries(dir);

        foreach (var (user, named) in new[] { ("notes.txt", "'notes.txt'"), ("abc-g0-b0/notes.txt", "'abc-g0-b0/notes.txt'") })
        {
            File.WriteAllText(Path.Combine(dir, user), "mine");
            var (refused, output, message) = _cli.Run("calibrate", file, "--out", dir, "--no-plots", "--force");
            Assert.Equal(ExitCodes.OutputFailed, refused);
            Assert.Contains(named, message);
            Assert.Contains("move it out of the folder or choose another --out", message);
            Assert.DoesNotContain("Exception", message);
            Assert.DoesNotContain("Calibrating", output); // refused before any run
            Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, user)));
            Assert.Equal([.. ours.Append(user).Order(StringComparer.Ordinal)], Entries(dir));
            Assert.Equal(posterior, File.ReadAllText(Path.Combine(dir, "posterior.csv")));
            File.Delete(Path.Combine(dir, user));
        }
    }

    /// <summary>
    /// A calibration folder from before analysis.txt listed what it wrote: --force replaces it when it holds only what a
    /// calibration writes by name, and refuses it beside anything else.
    /// </summary>
    [Fact]
    public void Force_replaces_a_calibration_folder_from_before_the_list_only_when_it_holds_nothing_else()
    {
        string file = Calibration();
        string dir = _cli.PathOf("cal");
        Assert.Equal(0, _cli.Run("calibrate", file, "--out", dir, "--no-plots").Code);
        string marker = Path.Combine(dir, "analysis.txt");
        File.WriteAllText(marker, File.ReadLines(marker).First() + "\n"); // the record as it was: the fingerprint alone
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var (refused, _, message) = _cli.Run("calibrate", file, "--out", dir, "--no-plots", "--force");
        Assert.Equal(ExitCodes.OutputFailed, refused);
        Assert.Contains("'notes.txt'", message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(dir, "posterior.csv")));

        File.Delete(Path.Combine(dir, "notes.txt"));
        var (code, _, error) = _cli.Run("calibrate", file, "--out", dir, "--no-plots", "--force");
        Assert.True(code == 0, error);
        Assert.Contains("posterior.csv", File.ReadAllText(marker)); // listed from now on
    }

    private static string[] Entries(string dir) =>
        [.. Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(dir, e).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Model recovery at quick size: the Japan 2007 scenario calibrated to its own outputs at openness 0.4 and
    /// mean grievance 0.5 (scenarios/calibrations/japan-recovery.yaml) puts both inside their 95% intervals; openness
    /// is not learnt at this size (an interval not narrower than 0.5: a known failure since 8 Dec 2026, kept visible).
    /// </summary>
    [Trait("Category", "Slow")]
    [Fact]
    public void Model_recovery_at_quick_size_puts_the_true_parameters_inside_the_posterior()
    {
        string file = Path.Combine(CliHarness.RepoRoot, "scenarios", "calibrations", "japan-recovery.yaml");
        string dir = _cli.PathOf("recovery");
        var (code, output, error) = _cli.Run("calibrate", file, "--quick", "--out", dir, "--truth", "0.4", "0.5", "--no-plots");
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(Path.Combine(dir, "posterior.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        double[] truth = [0.4, 0.5];
        for (int j = 0; j < 2; j++)
        {
            double lo = double.Parse(rows[j][^2], CultureInfo.InvariantCulture), hi = double.Parse(rows[j][^1], CultureInfo.InvariantCulture);
            Assert.True(lo <= truth[j] && truth[j] <= hi, $"{rows[j][0]}: {truth[j]} outside [{lo}, {hi}]\n{output}");
        }
        // Before the model rework (issue 15) openness was not learnt from these targets (its interval stayed nearly as
        // wide as the prior, 0.75: openness and grievance traded off along a ridge). With the mobilization funnel it was
        // (0.43 wide); with japan-2007's triggering events (seventh session) it was not (0.55). With the momentum floor in
        // people it was, just (0.49). Since stage 3 asks for increased interaction (8 Dec 2026, observations regenerated)
        // it is not, just: 0.503 wide ([0.173, 0.676]), effective sample size 6 in the last population. A known failure,
        // kept visible (docs/calibration.md): this asserts that it still fails and says so when it no longer does.
        double width = double.Parse(rows[0][^1], CultureInfo.InvariantCulture) - double.Parse(rows[0][^2], CultureInfo.InvariantCulture);
        Assert.False(width < 0.5, $"the openness interval is {width} wide (< 0.5): openness is learnt again at quick size; make this an " +
            $"assertion that it is (width < 0.5) and update docs/calibration.md\n{output}");
    }
}
