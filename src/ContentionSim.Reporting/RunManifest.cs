using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting;

/// <summary>
/// <c>run.json</c>: what was run and what came out, deterministic (no time stamps, no thread count,
/// fixed property order), with snake_case names that match the scenario file's keys.
/// </summary>
public static class RunManifest
{
    /// <summary>Identifies the layout of run.json; bump when it changes incompatibly.</summary>
    public const string Format = "contentionsim-run/1";

    public const string ToolName = "contentionsim";

    /// <summary>The tool's version: the informational version of this assembly (e.g. <c>0.1.0+&lt;commit&gt;</c>).</summary>
    public static string ToolVersion { get; } =
        typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunManifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>
    /// Options that serialize scenario records as in scenario files: snake_case keys, enums as
    /// snake_case strings, only documented parameters (no computed properties), in declaration order.
    /// </summary>
    public static JsonSerializerOptions ParameterJson { get; } = CreateParameterJson();

    /// <summary>SHA-256 of <paramref name="text"/> encoded as UTF-8 without BOM, lower-case hex.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(AtomicFile.Utf8.GetBytes(text)));

    /// <summary>SHA-256 of the file at <paramref name="path"/>, lower-case hex.</summary>
    public static string Sha256File(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The run.json document (UTF-8, indented, <c>\n</c> line endings, trailing newline).</summary>
    public static byte[] Create(RunResult result, RunOutputOptions options, IReadOnlyList<OutputFile> files, string? scenarioCopy,
        IReadOnlyDictionary<string, string>? checksums = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        return ManifestJson.Document(w =>
        {
            ManifestJson.WriteHeader(w, Format);

            w.WriteNumber("seed", result.Seed);
            w.WriteNumber("ticks_run", result.TicksRun);
            w.WriteString("time_unit", result.Scenario.TimeUnit);

            w.WriteStartObject("scenario");
            w.WriteString("name", result.Scenario.Name);
            w.WriteString("description", result.Scenario.Description);
            WriteStringOrNull(w, "source_file", options.SourceFile);
            WriteStringOrNull(w, "sha256", options.ScenarioSha256 ?? (options.ScenarioText is null ? null : Sha256(options.ScenarioText)));
            WriteStringOrNull(w, "copy", scenarioCopy);
            w.WriteEndObject();

            w.WriteStartArray("movements");
            foreach (var m in result.Movements) w.WriteStringValue(m);
            w.WriteEndArray();

            WriteHeadline(w, result.Headline);
            WriteCycles(w, result.Cycles);

            w.WriteStartArray("files");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("description", f.Description);
                if (checksums is not null && checksums.TryGetValue(f.Name, out var sum)) w.WriteString("sha256", sum);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WritePropertyName("parameters");
            JsonSerializer.Serialize(w, result.Scenario, ParameterJson);
            w.WriteEndObject();
        });
    }

    /// <summary>The keys of run.json's headline besides its metrics: the outcome of each cycle, the last one, ticks per stage.</summary>
    public static class HeadlineKey
    {
        public const string Outcomes = "outcomes";
        public const string LastOutcome = "last_outcome";
        public const string StageDurations = "stage_durations";
    }

    /// <summary>
    /// The headline metrics in run.json's order (the catalog's <see cref="Metrics.OfHeadline"/> less the
    /// ticks per stage, which go in one <c>stage_durations</c> object keyed by stage); the outcomes go
    /// after <see cref="Metrics.Fizzles"/> and the stage durations after <see cref="Metrics.TimeToPeak"/>.
    /// </summary>
    private static readonly Metric[] HeadlineOrder =
    [
        Metrics.Cycles, Metrics.CompletedCycles, Metrics.Fizzles, Metrics.PeakParticipation, Metrics.PeakTick, Metrics.TimeToPeak,
        Metrics.RepressionEvents, Metrics.FacilitationEvents, Metrics.Concessions, Metrics.Cooptations, Metrics.ViolentActs,
        Metrics.LateViolenceShare, Metrics.ViolenceAfterPeakShare, Metrics.MeanOutsidePressure, Metrics.MaxOutsidePressure, Metrics.AlliancesFormed, Metrics.MeanParticipation,
    ];

    private static void WriteHeadline(Utf8JsonWriter w, Headline h)
    {
        w.WriteStartObject("headline");
        foreach (var m in HeadlineOrder)
        {
            WriteMetric(w, m, h);
            if (m == Metrics.Fizzles)
            {
                w.WriteStartArray(HeadlineKey.Outcomes);
                foreach (var o in h.Outcomes) w.WriteStringValue(StageText.Key(o));
                w.WriteEndArray();
                w.WriteString(HeadlineKey.LastOutcome, StageText.Key(h.LastOutcome));
            }
            else if (m == Metrics.TimeToPeak)
            {
                w.WriteStartObject(HeadlineKey.StageDurations);
                foreach (var s in Enum.GetValues<Stage>()) w.WriteNumber(StageText.Key(s), (long)Metrics.StageTicks[(int)s].Stored(h));
                w.WriteEndObject();
            }
        }
        w.WriteEndObject();
    }

    /// <summary>A headline metric as stored (time to peak -1 without a cycle): a count as a whole number, anything else rounded.</summary>
    private static void WriteMetric(Utf8JsonWriter w, Metric m, Headline h)
    {
        double value = m.Stored(h);
        if (m.Whole) w.WriteNumber(m.Name, (long)value); else WriteDouble(w, m.Name, value);
    }

    /// <summary>
    /// A headline metric read back from run.json's <c>headline</c> object (as <see cref="Create"/> writes it):
    /// null when it is missing, not a number, or none (time to peak -1).
    /// </summary>
    public static double? ReadMetric(JsonElement headline, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (headline.ValueKind != JsonValueKind.Object) return null;
        int stage = Metrics.StageTicks.ToList().IndexOf(metric);
        JsonElement value;
        if (stage >= 0)
        {
            if (!headline.TryGetProperty(HeadlineKey.StageDurations, out var durations) || durations.ValueKind != JsonValueKind.Object
                || !durations.TryGetProperty(StageText.Key((Stage)stage), out value)) return null;
        }
        else if (!headline.TryGetProperty(metric.Name, out value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double d)) return null;
        return metric.FromStored(d);
    }

    private static void WriteCycles(Utf8JsonWriter w, IReadOnlyList<CycleRecord> cycles)
    {
        w.WriteStartArray("cycles");
        foreach (var c in cycles)
        {
            w.WriteStartObject();
            w.WriteString("movement", c.Movement);
            w.WriteNumber("cycle", c.Cycle);
            w.WriteString("outcome", StageText.Key(c.Outcome));
            w.WriteString("outcome_reason", StageCriteria.OutcomeReason(c));
            w.WriteNumber("start_tick", c.StartTick);
            w.WriteNumber(Metrics.PeakTick.Name, c.PeakTick);
            if (c.EndTick is int end) w.WriteNumber("end_tick", end); else w.WriteNull("end_tick");
            WriteDouble(w, Metrics.PeakParticipation.Name, c.PeakParticipation);
            w.WriteString("highest_stage", StageText.Key(c.HighestStage));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A double rounded to six decimals (as in the CSV files); NaN and infinities as null.</summary>
    private static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        if (!double.IsFinite(value)) { w.WriteNull(name); return; }
        double rounded = Math.Round(value, 6, MidpointRounding.AwayFromZero);
        w.WriteNumber(name, rounded == 0 ? 0.0 : rounded);
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private sealed class SnakeCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => ParameterPath.ToSnakeCase(name);
    }

    private static JsonSerializerOptions CreateParameterJson()
    {
        var policy = new SnakeCase();
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != typeof(Scenario).Namespace) return;
            // Keep documented parameters only (drops computed values such as total_activists),
            // in declaration order.
            var keep = info.Properties
                .Select(p => (Property: p, Info: p.AttributeProvider as PropertyInfo))
                .Where(p => p.Info?.GetCustomAttribute<ParamAttribute>() is not null)
                .OrderBy(p => p.Info!.MetadataToken)
                .Select(p => p.Property)
                .ToList();
            info.Properties.Clear();
            for (int i = 0; i < keep.Count; i++)
            {
                keep[i].Order = i;
                info.Properties.Add(keep[i]);
            }
        });
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = policy,
            DictionaryKeyPolicy = policy,
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new JsonStringEnumConverter(policy));
        options.MakeReadOnly();
        return options;
    }
}
