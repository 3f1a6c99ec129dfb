using System.Text.Json.Nodes;
using ContentionSim.Reporting.Html;
using ContentionSim.Tests.Shared;
using CsCheck;
using Xunit.Abstractions;

namespace ContentionSim.Reporting.Tests;

/// <summary>
/// Property-based fuzzing (CsCheck) of the run-folder reader that report and compare use (issue 17): a run folder
/// with 1–4 kinds of damage in its files — cut short, lines deleted, doubled or reordered, fields added, removed or
/// replaced with NaN, 1e308, quoted numbers, control characters, CRLF, an emptied file — is either read (the damage
/// was harmless) or refused with a <see cref="ReportInputException"/> whose message is terminal-safe. Anything else
/// (another exception, a NaN read back) fails and prints the seed and the mutations. Half the cases drop the
/// checksums first, so the table checks are exercised and not only the SHA-256 check. CI runs a fixed seed and
/// number of cases; CONTENTIONSIM_FUZZ_CASES and CONTENTIONSIM_FUZZ_SEED run longer or other ones.
/// </summary>
public sealed class RunFolderFuzzTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Files = ["run.json", "timeseries.csv", "stages.csv", "cycles.csv", "organizations.csv", "events.csv", "scenario.yaml"];

    [Fact]
    public void A_damaged_run_folder_is_read_or_refused_with_a_message_never_anything_else()
    {
        string template = _tmp["template"];
        RunOutputWriter.Write(TestRuns.Sample(events: true), template, new RunOutputOptions { Plots = false, ScenarioText = "name: x\n", SourceFile = "x.yaml" });
        int read = 0, refused = 0, n = 0;
        var gen = from mutations in FolderMutation.Many(Files.Length)
                  from dropChecksums in Gen.Bool
                  select (mutations, dropChecksums);
        gen.Sample(c =>
        {
            string dir = _tmp[$"case-{Interlocked.Increment(ref n)}"];
            Directory.CreateDirectory(dir);
            foreach (var f in Directory.GetFiles(template)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            if (c.dropChecksums)
            {
                var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "run.json")))!.AsObject();
                foreach (var f in manifest["files"]!.AsArray()) f!.AsObject().Remove("sha256");
                File.WriteAllText(Path.Combine(dir, "run.json"), manifest.ToJsonString());
            }
            foreach (var m in c.mutations) m.Apply(Path.Combine(dir, Files[m.File]));
            try
            {
                var run = RunFolder.Read(dir);
                Assert.All(run.Wave, o => Assert.True(double.IsFinite(o.Participation) && double.IsFinite(o.Sympathy)));
                _ = RunReport.Build(run);
                read++;
            }
            catch (ReportInputException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                Assert.DoesNotContain(e.Message, ch => ch is '\u001b' or '\0' or '\u0007');
                refused++;
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }, seed: FolderMutation.Seed, iter: FolderMutation.Cases(150), threads: 1,
           print: c => $"checksums {(c.dropChecksums ? "dropped" : "kept")}: {string.Join("; ", c.mutations.Select(m => m.ToString()))}");
        log.WriteLine($"seed {FolderMutation.Seed}: {read + refused} damaged run folders, {read} read, {refused} refused with a message");
        Assert.True(refused > 0, "no mutation was refused: the fuzzer does not reach the checks");
    }
}
