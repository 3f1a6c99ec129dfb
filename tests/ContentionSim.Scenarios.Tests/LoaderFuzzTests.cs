using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContentionSim.Scenarios.Sweeps;
using Xunit.Abstractions;

namespace ContentionSim.Scenarios.Tests;

/// <summary>
/// A seeded mutation fuzzer for the scenario and sweep loaders. It starts from the shipped scenarios and
/// sweeps and the bad-input corpus, and mutates them (lines deleted, duplicated, swapped, re-indented;
/// characters flipped; tabs, YAML punctuation and random Unicode inserted; truncation; random numbers at
/// value positions; random and misspelt keys; lines spliced from other files; raw bytes for the file
/// reader). Every input must either load as a scenario the validator accepts or be refused with a
/// <see cref="ScenarioException"/> whose problems all have a message and a fix; anything else fails the
/// test with the input that caused it. Each test tries a fixed number of inputs from a fixed seed, so what
/// it covers does not depend on the machine's speed: 1,000 scenarios and 100 sweeps in the quick tests, ten
/// times as many from other seeds in the "Slow" ones (CI). CONTENTIONSIM_FUZZ_CASES and CONTENTIONSIM_FUZZ_SEED
/// replace the number of inputs and the seed of every test.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper log)
{
    /// <summary>
    /// Longest time one input may take before it counts as a hang. A hang never ends, so the limit only has to
    /// stay clear of slow inputs on a loaded machine: the slowest seen (a sweep, seed 2) took 5.6 s at a load
    /// average of 56 on two cores, and 10 s failed once at 65.
    /// </summary>
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(30);

    private static readonly string Root = Support.RepoRoot();

    private static int Cases(int cases) =>
        int.TryParse(Environment.GetEnvironmentVariable("CONTENTIONSIM_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : cases;

    private static int Seed(int seed) =>
        int.TryParse(Environment.GetEnvironmentVariable("CONTENTIONSIM_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int chosen) ? chosen : seed;

    private static List<string> Texts(params string[] patterns)
    {
        var texts = new List<string>();
        foreach (var pattern in patterns)
        {
            var parts = pattern.Split('|');
            var folder = Path.Combine(Root, parts[0]);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, parts[1]).Order(StringComparer.Ordinal))
                texts.Add(File.ReadAllText(file));
        }
        return texts;
    }

    [Fact]
    public void Mutated_scenarios_load_or_are_refused_with_clean_diagnostics() => FuzzScenarios(1_000, 20240611);

    [Fact, Trait("Category", "Slow")]
    public void Ten_thousand_mutated_scenarios_load_or_are_refused_with_clean_diagnostics() => FuzzScenarios(10_000, 1);

    [Fact]
    public void Mutated_sweeps_load_or_are_refused_with_clean_diagnostics() => FuzzSweeps(100, 20240612);

    [Fact, Trait("Category", "Slow")]
    public void A_thousand_mutated_sweeps_load_or_are_refused_with_clean_diagnostics() => FuzzSweeps(1_000, 2);

    private void FuzzScenarios(int cases, int seed)
    {
        // The valid scenarios weigh as much as the corpus of bad ones, so that mutants are often nearly valid.
        var valid = Texts("scenarios|*.yaml", "scenarios/teaching|*.yaml");
        var bad = Texts("tests/ContentionSim.Cli.Tests/BadInputs|0*.yaml");
        Assert.True(valid.Count >= 5 && bad.Count > 20, $"only {valid.Count} + {bad.Count} seed files");
        var seeds = Enumerable.Repeat(valid, Math.Max(1, bad.Count / valid.Count)).SelectMany(t => t).Concat(bad).ToList();
        using var dir = new TempDir();
        var tally = Fuzz(seeds, Cases(cases), Seed(seed), (text, bytes) =>
        {
            if (bytes is not null)
            {
                string file = Path.Combine(dir.Path, "fuzz.yaml");
                File.WriteAllBytes(file, bytes);
                return Outcome(() => ScenarioLoader.LoadFile(file));
            }
            return Outcome(() => ScenarioLoader.Parse(text, "fuzz.yaml"));
        });
        Report("scenario loader", tally);
    }

    private void FuzzSweeps(int cases, int seed)
    {
        var valid = Texts("scenarios/sweeps|*.yaml");
        var bad = Texts("tests/ContentionSim.Cli.Tests/BadInputs|*-sweep-*.yaml");
        Assert.True(valid.Count >= 3 && bad.Count > 10, $"only {valid.Count} + {bad.Count} seed files");
        var seeds = Enumerable.Repeat(valid, Math.Max(1, bad.Count / valid.Count)).SelectMany(t => t).Concat(bad).ToList();
        // The sweeps name their bases relative to their own folder: the shipped ones '../japan-2007.yaml',
        // the corpus ones '_base.yaml'. Parse them as if they were in a folder that has both.
        using var dir = new TempDir();
        string sweeps = Directory.CreateDirectory(Path.Combine(dir.Path, "sweeps")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.yaml"))
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "tests/ContentionSim.Cli.Tests/BadInputs"), "_*.yaml"))
            File.Copy(file, Path.Combine(sweeps, Path.GetFileName(file)));
        string sweepFile = Path.Combine(sweeps, "fuzz-sweep.yaml");
        var tally = Fuzz(seeds, Cases(cases), Seed(seed), (text, _) => Outcome(() => SweepLoader.Parse(text, sweepFile).Plan.Grid.RunCount));
        Report("sweep loader", tally);
    }

    private void Report(string what, Tally tally)
    {
        log.WriteLine($"{what}: {tally.Tried:N0} inputs in {tally.Elapsed.TotalSeconds:0.0} s (seed {tally.Seed}): " +
                      $"{tally.Loaded:N0} loaded and valid, {tally.Refused:N0} refused with {tally.Diagnostics:N0} diagnostics, 0 crashes; " +
                      $"slowest input {tally.Slowest.TotalMilliseconds:0} ms");
        // The inputs are fixed by the seed, and a hundred of them give both outcomes: mutants that still load
        // and mutants that are refused (a mutator that only breaks, or never breaks, covers half the loader).
        Assert.True(tally.Loaded > 0 && tally.Refused > 0, $"the mutations should give both valid and invalid inputs: {tally.Loaded} loaded, {tally.Refused} refused");
    }

    /// <summary>Loads; true if valid, false if refused cleanly; throws (with the reason) otherwise.</summary>
    private static (bool Loaded, int Diagnostics) Outcome(Func<object> load)
    {
        try
        {
            var loaded = load();
            if (loaded is Core.Parameters.Scenario scenario)
            {
                var problems = ScenarioValidator.Validate(scenario);
                if (problems.Count > 0) throw new FuzzFailure($"loaded, but the validator finds: {string.Join("; ", problems)}");
            }
            return (true, 0);
        }
        catch (ScenarioException e)
        {
            if (e.Diagnostics.Count == 0) throw new FuzzFailure("refused without a diagnostic");
            foreach (var d in e.Diagnostics)
            {
                if (string.IsNullOrWhiteSpace(d.Message)) throw new FuzzFailure($"a diagnostic without a message: {d.File}:{d.Line}:{d.Column}");
                if (d.Line < 0 || d.Column < 0) throw new FuzzFailure($"a negative position: {d}");
                _ = d.ToString();
            }
            return (false, e.Diagnostics.Count);
        }
    }

    private sealed class FuzzFailure(string message) : Exception(message);

    private sealed record Tally(long Tried, long Loaded, long Refused, long Diagnostics, TimeSpan Elapsed, TimeSpan Slowest, int Seed);

    /// <summary>
    /// Runs <paramref name="cases"/> mutated inputs, drawn from <paramref name="seed"/>, through <paramref name="check"/>
    /// on a worker thread, so that a hang is caught too; the first failure stops it and fails the test with the input.
    /// </summary>
    private static Tally Fuzz(List<string> seeds, int cases, int seed, Func<string, byte[]?, (bool Loaded, int Diagnostics)> check)
    {
        var random = new Random(seed);
        var mutator = new Mutator(random, seeds);
        long tried = 0, loaded = 0, refused = 0, diagnostics = 0;
        var slowest = TimeSpan.Zero;
        string? current = null;
        byte[]? currentBytes = null;
        Exception? failure = null;
        var clock = Stopwatch.StartNew();
        var inputClock = new Stopwatch();
        var worker = new Thread(() =>
        {
            try
            {
                while (tried < cases)
                {
                    // One input in ten goes through the file reader as raw bytes.
                    currentBytes = null;
                    current = mutator.Next();
                    if (random.Next(10) == 0) currentBytes = mutator.Bytes(current);
                    inputClock.Restart();
                    var (ok, count) = check(current, currentBytes);
                    inputClock.Stop();
                    if (inputClock.Elapsed > slowest) slowest = inputClock.Elapsed;
                    Interlocked.Increment(ref tried);
                    if (ok) loaded++;
                    else { refused++; diagnostics += count; }
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 64 << 20) { IsBackground = true, Name = "fuzz" };
        worker.Start();
        while (!worker.Join(100))
        {
            if (inputClock.IsRunning && inputClock.Elapsed > PerInputLimit)
                Assert.Fail($"an input took more than {PerInputLimit.TotalSeconds:0} s (a hang?) after {tried} inputs (seed {seed}):\n{Show(current, currentBytes)}");
        }
        if (failure is not null)
            Assert.Fail($"input {tried + 1} (seed {seed}) gave {(failure is FuzzFailure ? "" : "an unhandled ")}{failure.GetType().Name}: {failure.Message}\n" +
                        $"{(failure is FuzzFailure ? "" : failure.StackTrace + "\n")}the input:\n{Show(current, currentBytes)}");
        return new Tally(tried, loaded, refused, diagnostics, clock.Elapsed, slowest, seed);
    }

    private static string Show(string? text, byte[]? bytes) =>
        bytes is not null ? "bytes: " + Convert.ToHexString(bytes)
        : "----8<----\n" + string.Concat((text ?? "").Select(c => c == '\t' ? "\\t" : char.IsControl(c) && c != '\n' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "\n----8<----";
}

/// <summary>Mutations of YAML text, driven by one seeded <see cref="Random"/>.</summary>
internal sealed class Mutator(Random random, List<string> seeds)
{
    private static readonly string[] Keys =
    [
        "name", "seed", "ticks", "network", "kind", "degree", "movements", "id", "activists", "count", "thresholds", "grievance",
        "organizations", "volunteers", "state", "openness", "transnational", "public", "classifier", "events", "at", "until", "set",
        "value", "base", "vary", "replications", "master_seed", "design", "plots", "x", "lines", "heatmap", "from", "to", "step",
        "mean", "sd", "min", "max", "normal", "beta", "uniform", "constant", "<<", "? complex", "state.openness", "movements[0].activists.count",
        "network.degree", "transnational.alliance_probability", "movements.migrants.grievance_shift", "opennes", "ticks ", "", "-", "...",
    ];

    private static readonly string[] Values =
    [
        "0", "1", "-1", "0.5", "1.5", "-0.0", "1e12", "1e400", "-1e400", "9223372036854775808", "18446744073709551616", "2147483648",
        "99999999999999999999999", "0x7FFFFFFFFFFFFFFF", "0o777", "1_000_000", ".inf", "-.inf", ".nan", "NaN", "Infinity", "~", "null", "true",
        "yes", "''", "\"\"", "[]", "{}", "[0, 1]", "[[]]", "{normal: [0.5, 0.1]}", "{uniform: [1, 0]}", "{beta: [0.5, 0.9]}", "{from: 0, to: 1, step: 0}",
        "{from: 0, to: 1, count: 1000000}", "{from: 1, to: 0, step: 0.1}", "&a 1", "*a", "*nothing", "!!str 5", "!!int x", "!custom 3", "|\n  block",
        ">-\n  folded", "\"unclosed", "'unclosed", "[unclosed", "{unclosed", "a: b: c", "@x", "`x", "%x", "small_world", "complete", "none", "zip",
        "../japan-2007.yaml", "_base.yaml", "/", ".", "..", "/proc/self/mem", "../../..", "-", "- - -", "? ", ": ",
    ];

    private static readonly string[] Fragments = ["\t", " ", "  ", ":", ": ", "-", "- ", "#", "&", "*", "!", "|", ">", "'", "\"", "[", "]", "{", "}", ",", "?", "%", "@", "`", "\r", "\n", "\0", "\u00A0", "\uFEFF", "\u2028", "\uD800", "é", "ペ", "😀", "---", "...", "<<"];

    public string Next()
    {
        string text = seeds[random.Next(seeds.Count)];
        int mutations = 1 + random.Next(random.Next(4) == 0 ? 12 : 3);
        for (int i = 0; i < mutations; i++) text = Mutate(text);
        return text.Length > 200_000 ? text[..200_000] : text;
    }

    /// <summary>The text as raw bytes, sometimes with a byte-level change (invalid UTF-8, a BOM, a NUL, UTF-16).</summary>
    public byte[] Bytes(string text)
    {
        byte[] bytes = random.Next(5) == 0 ? Encoding.Unicode.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        var list = bytes.ToList();
        switch (random.Next(6))
        {
            case 0: list.InsertRange(0, random.Next(2) == 0 ? [0xEF, 0xBB, 0xBF] : [0xFF, 0xFE]); break;
            case 1: if (list.Count > 0) list[random.Next(list.Count)] = (byte)random.Next(256); break;
            case 2: list.Insert(random.Next(list.Count + 1), (byte)random.Next(0x80, 0x100)); break;
            case 3: if (list.Count > 0) list.RemoveRange(random.Next(list.Count), 1); break;
            case 4: list.Insert(random.Next(list.Count + 1), 0); break;
        }
        return [.. list];
    }

    private string Mutate(string text)
    {
        var lines = text.Split('\n').ToList();
        int n = lines.Count;
        int Line() => random.Next(n);
        switch (random.Next(16))
        {
            case 0: // delete a line
                if (n > 1) lines.RemoveAt(Line());
                break;
            case 1: // duplicate a line (duplicate keys)
            {
                int i = Line();
                lines.Insert(i, lines[i]);
                break;
            }
            case 2: // swap two lines
            {
                int i = Line(), j = Line();
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
            }
            case 3: // re-indent a line
            {
                int i = Line();
                lines[i] = random.Next(2) == 0 ? new string(' ', random.Next(1, 5)) + lines[i] : lines[i].TrimStart(' ');
                break;
            }
            case 4: // a tab in the indentation
            {
                int i = Line();
                int indent = lines[i].Length - lines[i].TrimStart(' ').Length;
                lines[i] = lines[i][..(indent == 0 ? 0 : random.Next(indent))] + "\t" + lines[i].TrimStart(' ');
                break;
            }
            case 5: // flip a character
                return Flip(text, (char)random.Next(32, 127));
            case 6: // insert punctuation or odd Unicode
                return Insert(text, Fragments[random.Next(Fragments.Length)]);
            case 7: // insert a random Unicode character (surrogates included)
                return Insert(text, ((char)random.Next(0x80, 0x10000)).ToString());
            case 8: // truncate
                return text[..random.Next(text.Length + 1)];
            case 9: // a random value after a key
            case 10:
            {
                int i = Line();
                int colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                string value = random.Next(3) == 0 ? RandomNumber() : Values[random.Next(Values.Length)];
                lines[i] = colon >= 0 ? lines[i][..(colon + 2)] + value : lines[i] + ": " + value;
                break;
            }
            case 11: // a random or misspelt key
            {
                int i = Line();
                string indent = new(' ', lines[i].Length - lines[i].TrimStart(' ').Length);
                string key = Keys[random.Next(Keys.Length)];
                if (key.Length > 2 && random.Next(2) == 0) key = key.Remove(random.Next(key.Length), 1);
                lines.Insert(i, $"{indent}{key}: {Values[random.Next(Values.Length)]}");
                break;
            }
            case 12: // a line from another file
            {
                var other = seeds[random.Next(seeds.Count)].Split('\n');
                lines.Insert(Line(), other[random.Next(other.Length)]);
                break;
            }
            case 13: // a number changed in place
                return ChangeNumber(text);
            case 14: // a block repeated (long files, repeated keys)
            {
                int i = Line(), count = Math.Min(n - i, 1 + random.Next(8));
                var block = lines.GetRange(i, count);
                for (int k = random.Next(1, 4); k > 0; k--) lines.InsertRange(i, block);
                break;
            }
            default: // a list item marker or a flow bracket
            {
                int i = Line();
                lines[i] = random.Next(2) == 0 ? "- " + lines[i].TrimStart() : lines[i].Replace(": ", ": [");
                break;
            }
        }
        return string.Join('\n', lines);
    }

    private string Flip(string text, char c)
    {
        if (text.Length == 0) return c.ToString();
        int i = random.Next(text.Length);
        return text[..i] + c + text[(i + 1)..];
    }

    private string Insert(string text, string s)
    {
        int i = random.Next(text.Length + 1);
        return text[..i] + s + text[i..];
    }

    private string ChangeNumber(string text)
    {
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToList();
        if (digits.Count == 0) return text;
        int at = digits[random.Next(digits.Count)];
        int start = at, end = at;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] == '.')) start--;
        while (end < text.Length - 1 && (char.IsAsciiDigit(text[end + 1]) || text[end + 1] == '.')) end++;
        return text[..start] + RandomNumber() + text[(end + 1)..];
    }

    private string RandomNumber() => random.Next(7) switch
    {
        0 => random.Next(-3, 4).ToString(CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * 2 - 0.5).ToString("0.###", CultureInfo.InvariantCulture),
        2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        3 => $"1e{random.Next(-400, 400)}",
        4 => random.Next(0, 2_000_000).ToString(CultureInfo.InvariantCulture),
        5 => new string('9', random.Next(1, 40)),
        _ => (random.NextDouble() * Math.Pow(10, random.Next(-10, 20))).ToString("R", CultureInfo.InvariantCulture),
    };
}
