using ContentionSim.Reporting;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Scenarios.Sweeps;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>What a sweep is, as the command that runs it knows it (the manifest's input).</summary>
public sealed record SweepSetup
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    /// <summary>The sweep file as given on the command line.</summary>
    public required string SweepFile { get; init; }
    public required string SweepText { get; init; }
    /// <summary>The base scenario's path.</summary>
    public required string BaseFile { get; init; }
    public required string BaseText { get; init; }
    /// <summary>Settings applied to the base for every run (<c>key=value</c>).</summary>
    public IReadOnlyList<string> FixedSettings { get; init; } = [];
    /// <summary><c>--replications</c>, <c>--ticks</c> and <c>--set</c> given on the command line.</summary>
    public int? ReplicationsOverride { get; init; }
    public int? TicksOverride { get; init; }
    public IReadOnlyList<string> SetOverrides { get; init; } = [];
    /// <summary>Whether the sweep file's <c>quick:</c> block was applied (<c>--quick</c>).</summary>
    public bool Quick { get; init; }
    public required SweepPlan Plan { get; init; }
    public required SweepPlotSettings Plots { get; init; }
    public SeriesMode Series { get; init; } = SeriesMode.Extremes;

    /// <summary>
    /// A hash of everything that decides the runs' results: the tool version, the base scenario as run
    /// (all parameters, after fixed settings), the grid, the replications and the master seed. A sweep
    /// folder can be resumed only by a sweep with the same fingerprint.
    /// </summary>
    public string Fingerprint()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("tool=").Append(RunManifest.ToolVersion).Append('\n');
        sb.Append("base=").Append(JsonSerializer.Serialize(Plan.Base with { Seed = 0 }, RunManifest.ParameterJson)).Append('\n');
        sb.Append("master_seed=").Append(Plan.MasterSeed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("design=").Append(Plan.Grid.Design).Append('\n');
        if (Plan.Paired) sb.Append("paired=true\n"); // left out when false: fingerprints of earlier sweeps stay as they were
        sb.Append("replications=").Append(Plan.Grid.Replications.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var f in Plan.Grid.Factors)
            sb.Append("vary ").Append(f.Key).Append('=').Append(string.Join('\u001f', f.Levels.Select(l => l.Text))).Append('\n');
        return RunManifest.Sha256(sb.ToString());
    }
}

/// <summary>What a sweep folder's manifest says, as read back (for resuming and for rebuilding figures).</summary>
public sealed record SweepManifestData
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required string Fingerprint { get; init; }
    public string SweepSha256 { get; init; } = "";
    public string BaseSha256 { get; init; } = "";
    public IReadOnlyList<string> FixedSettings { get; init; } = [];
    public ulong MasterSeed { get; init; }
    /// <summary>The grid, with levels as text and numbers only (no typed values).</summary>
    public required SweepGrid Grid { get; init; }
    public required SweepPlotSettings Plots { get; init; }
    public SeriesMode Series { get; init; }
    public string State { get; init; } = "";
    /// <summary>What one tick stands for in the base scenario (for axis labels).</summary>
    public string TimeUnit { get; init; } = "tick";

    /// <summary>The shard the folder holds (<c>sweep --shard I/N</c>), or null for a whole sweep.</summary>
    public SweepShard? Shard { get; init; }

    /// <summary>Runs recorded and failed, as the manifest's state says.</summary>
    public long RunsRecorded { get; init; }
    public long RunsFailed { get; init; }

    /// <summary>The sweep file as given on the command line (relative to the folder the sweep was run from).</summary>
    public string SweepFile { get; init; } = "";

    /// <summary><c>--replications</c>, <c>--ticks</c> and <c>--set</c> as given on the command line (to repeat them).</summary>
    public int? ReplicationsOverride { get; init; }
    public int? TicksOverride { get; init; }
    public IReadOnlyList<string> SetOverrides { get; init; } = [];
}

/// <summary>
/// <c>manifest.json</c> of a sweep folder: tool version and git commit, runtime, the sweep file and the
/// base scenario (path, SHA-256 and full text), the fixed settings and command-line overrides, the
/// expanded grid (every point with its values), the seed scheme, the execution order, the figures'
/// axes and the state of the sweep (running, interrupted, complete, with counts). A shard's folder
/// (<c>sweep --shard I/N</c>) has the same manifest, with the whole sweep's fingerprint, plus a
/// <c>shard</c> object (index, count, runs); its state counts the shard's runs.
/// </summary>
public static class SweepManifest
{
    public const string FileName = SweepFolderLayout.Manifest;

    /// <summary>Identifies the layout; bump when it changes incompatibly.</summary>
    public const string Format = "contentionsim-sweep/1";

    /// <summary>The state of a sweep, as written in the manifest.</summary>
    public const string Running = "running", Interrupted = "interrupted", Complete = "complete";

    /// <summary>How a shard's runs are chosen, as written in its manifest.</summary>
    public const string ShardSelection =
        "the runs with s mod count = index (index counts from 0), where s = r × points + (k − r) mod points is the place in the shard sequence " +
        "of the run at place k of round r of the execution order (order.points, round by round): each round's points rotated by r";

    /// <summary>The manifest document (UTF-8, indented, trailing newline).</summary>
    /// <param name="shard">The shard the folder holds, or null for the whole sweep.</param>
    public static byte[] Create(SweepSetup setup, string state, long recorded, long failed, string? gitCommit, SweepShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var plan = setup.Plan;
        var grid = plan.Grid;
        return ManifestJson.Document(w =>
        {
            ManifestJson.WriteHeader(w, Format, withGit: true, gitCommit);
            ManifestJson.WriteRuntime(w, processors: true);

            w.WriteString("name", setup.Name);
            w.WriteString("description", setup.Description);
            w.WriteString("fingerprint", setup.Fingerprint());
            w.WriteStartObject("state");
            w.WriteString("state", state);
            w.WriteNumber("runs_recorded", recorded);
            w.WriteNumber("runs_failed", failed);
            w.WriteNumber("runs_planned", shard is null ? grid.RunCount : shard.RunCount(grid.RunCount));
            w.WriteEndObject();
            if (shard is not null)
            {
                w.WriteStartObject("shard");
                w.WriteNumber("index", shard.Index);
                w.WriteNumber("count", shard.Count);
                w.WriteNumber("runs", shard.RunCount(grid.RunCount));
                w.WriteString("selection", ShardSelection);
                w.WriteEndObject();
            }

            w.WriteStartObject("sweep");
            w.WriteString("file", setup.SweepFile);
            w.WriteString("sha256", RunManifest.Sha256(setup.SweepText));
            w.WriteString("text", setup.SweepText);
            w.WriteEndObject();
            w.WriteStartObject("base_scenario");
            w.WriteString("file", setup.BaseFile);
            w.WriteString("sha256", RunManifest.Sha256(setup.BaseText));
            w.WriteString("text", setup.BaseText);
            w.WriteEndObject();
            w.WriteStartArray("fixed_settings");
            foreach (var s in setup.FixedSettings) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteStartObject("command_line");
            if (setup.ReplicationsOverride is int r) w.WriteNumber("replications", r); else w.WriteNull("replications");
            if (setup.TicksOverride is int t) w.WriteNumber("ticks", t); else w.WriteNull("ticks");
            w.WriteStartArray("set");
            foreach (var s in setup.SetOverrides) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteBoolean("quick", setup.Quick);
            w.WriteEndObject();

            w.WriteStartObject("seeds");
            w.WriteNumber("master_seed", plan.MasterSeed);
            w.WriteString("scheme", plan.Scheme);
            w.WriteBoolean("paired", plan.Paired);
            w.WriteEndObject();

            w.WriteString("design", DesignName(grid.Design));
            if (plan.Sampling is SweepSampling sampling)
            {
                w.WriteStartObject("sampling");
                w.WriteString("kind", sampling.KindName);
                w.WriteNumber("points", sampling.Points);
                w.WriteNumber("seed", sampling.Seed);
                w.WriteBoolean("scrambled", sampling.Scrambled);
                w.WriteString("method", sampling.Kind == SamplingKind.Sobol
                    ? "ContentionSim.Methods.Designs.SobolSequence (Joe & Kuo 2008 direction numbers, Gray-code order; scrambled: a digital shift seeded by seed): points 0 … points − 1"
                    : "ContentionSim.Methods.Designs.LatinHypercube.Sample(points, parameters, seed)");
                w.WriteString("scaling", "value = low + u × (high − low), u the unit-cube coordinate; whole-number parameters rounded to the nearest whole number");
                w.WriteStartArray("ranges");
                foreach (var range in sampling.Ranges)
                {
                    w.WriteStartObject();
                    w.WriteString("key", range.Key);
                    w.WriteNumber("low", range.Low);
                    w.WriteNumber("high", range.High);
                    w.WriteBoolean("whole", range.Whole);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteNumber("replications", grid.Replications);
            w.WriteNumber("points", grid.PointCount);
            w.WriteNumber("runs", grid.RunCount);
            w.WriteStartArray("factors");
            foreach (var f in grid.Factors)
            {
                w.WriteStartObject();
                w.WriteString("key", f.Key);
                w.WriteStartArray("values");
                foreach (var l in f.Levels) w.WriteStringValue(l.Text);
                w.WriteEndArray();
                w.WriteStartArray("numbers");
                foreach (var l in f.Levels)
                    if (l.Number is double n && double.IsFinite(n)) w.WriteNumberValue(n); else w.WriteNullValue();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("grid");
            for (int p = 0; p < grid.PointCount; p++)
            {
                w.WriteStartObject();
                w.WriteNumber("point", p);
                w.WriteStartObject("values");
                var values = grid.ValuesOf(p);
                for (int f = 0; f < values.Count; f++) w.WriteString(grid.Factors[f].Key, values[f].Text);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("order");
            w.WriteString("scheme", grid.Design == SweepDesign.Sampled
                ? "replication-major rounds (every point once before any point twice); within a round, the sampled design's own order (point 0, 1, …)"
                : "replication-major rounds (every point once before any point twice); within a round, each next point is one whose values " +
                "were visited least in the round and, among those, the farthest from the points already visited (maximin), " +
                "so an interrupted sweep has covered the grid evenly");
            w.WriteStartArray("points");
            foreach (var p in plan.Order.Points) w.WriteNumberValue(p);
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("plots");
            WriteStringOrNull(w, "x", setup.Plots.X);
            WriteStringOrNull(w, "lines", setup.Plots.Lines);
            w.WriteString("heatmap", setup.Plots.Heatmap);
            w.WriteEndObject();
            w.WriteString("series", SeriesKey(setup.Series));

            w.WritePropertyName("base_parameters");
            JsonSerializer.Serialize(w, plan.Base, RunManifest.ParameterJson);
            w.WriteEndObject();
        });
    }

    /// <summary>Writes <paramref name="path"/> atomically.</summary>
    public static void Write(string path, SweepSetup setup, string state, long recorded, long failed, string? gitCommit, SweepShard? shard = null) =>
        AtomicFile.WriteAllBytes(path, Create(setup, state, recorded, failed, gitCommit, shard));

    /// <summary>The series mode as written (<c>none</c>, <c>extremes</c>, <c>all</c>).</summary>
    public static string SeriesKey(SeriesMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Reads a sweep folder's manifest.</summary>
    /// <exception cref="SweepFolderException">The file is missing or not a sweep manifest.</exception>
    public static SweepManifestData Read(string path)
    {
        if (!File.Exists(path)) throw new SweepFolderException(path, "does not exist: this is not a sweep folder (or the sweep never started)");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != Format)
                throw new SweepFolderException(path, $"is not a {Format} manifest");
            var factors = new List<SweepFactor>();
            foreach (var f in root.GetProperty("factors").EnumerateArray())
            {
                var texts = f.GetProperty("values").EnumerateArray().Select(v => v.GetString() ?? "").ToArray();
                var numbers = f.GetProperty("numbers").EnumerateArray()
                    .Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToArray();
                factors.Add(new SweepFactor(f.GetProperty("key").GetString()!,
                    texts.Select((t, i) => new SweepLevel(null, t, i < numbers.Length ? numbers[i] : null)).ToArray()));
            }
            var design = root.GetProperty("design").GetString() switch
            {
                "zip" => SweepDesign.Zip,
                "sampled" => SweepDesign.Sampled,
                _ => SweepDesign.Factorial,
            };
            var grid = new SweepGrid(factors, design, root.GetProperty("replications").GetInt32());
            var plots = root.GetProperty("plots");
            var seriesText = root.TryGetProperty("series", out var s) ? s.GetString() : "extremes";
            SweepShard? shard = null;
            if (root.TryGetProperty("shard", out var sh) && sh.ValueKind == JsonValueKind.Object)
                shard = new SweepShard(sh.GetProperty("index").GetInt32(), sh.GetProperty("count").GetInt32());
            var state = root.GetProperty("state");
            var commandLine = root.TryGetProperty("command_line", out var cl) ? cl : default;
            return new SweepManifestData
            {
                Name = root.GetProperty("name").GetString() ?? "sweep",
                Description = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "",
                Fingerprint = root.GetProperty("fingerprint").GetString() ?? "",
                SweepSha256 = root.GetProperty("sweep").GetProperty("sha256").GetString() ?? "",
                BaseSha256 = root.GetProperty("base_scenario").GetProperty("sha256").GetString() ?? "",
                FixedSettings = root.GetProperty("fixed_settings").EnumerateArray().Select(e => e.GetString() ?? "").ToArray(),
                MasterSeed = root.GetProperty("seeds").GetProperty("master_seed").GetUInt64(),
                Grid = grid,
                Plots = new SweepPlotSettings(
                    plots.GetProperty("x").GetString(), plots.GetProperty("lines").GetString(),
                    plots.GetProperty("heatmap").GetString() ?? SweepMetrics.DefaultHeatmap),
                Series = Enum.TryParse<SeriesMode>(seriesText, true, out var mode) ? mode : SeriesMode.Extremes,
                State = state.GetProperty("state").GetString() ?? "",
                RunsRecorded = state.TryGetProperty("runs_recorded", out var rr) ? rr.GetInt64() : 0,
                RunsFailed = state.TryGetProperty("runs_failed", out var rf) ? rf.GetInt64() : 0,
                Shard = shard,
                SweepFile = root.GetProperty("sweep").TryGetProperty("file", out var sf) ? sf.GetString() ?? "" : "",
                ReplicationsOverride = commandLine.ValueKind == JsonValueKind.Object && commandLine.TryGetProperty("replications", out var ro)
                    && ro.ValueKind == JsonValueKind.Number ? ro.GetInt32() : null,
                TicksOverride = commandLine.ValueKind == JsonValueKind.Object && commandLine.TryGetProperty("ticks", out var to)
                    && to.ValueKind == JsonValueKind.Number ? to.GetInt32() : null,
                SetOverrides = commandLine.ValueKind == JsonValueKind.Object && commandLine.TryGetProperty("set", out var so)
                    && so.ValueKind == JsonValueKind.Array ? so.EnumerateArray().Select(e => e.GetString() ?? "").ToArray() : [],
                TimeUnit = root.TryGetProperty("base_parameters", out var bp) && bp.TryGetProperty("time_unit", out var tu)
                    && tu.GetString() is { Length: > 0 } unit ? unit : "tick",
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new SweepFolderException(path, $"is not a readable sweep manifest ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(path, e);
        }
    }

    /// <summary>The design as the manifest names it: <c>factorial</c>, <c>zip</c> or <c>sampled</c>.</summary>
    public static string DesignName(SweepDesign design) => design switch
    {
        SweepDesign.Zip => "zip",
        SweepDesign.Sampled => "sampled",
        _ => "factorial",
    };

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
