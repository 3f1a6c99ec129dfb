using System.Text.Json;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Reporting.Html;

/// <summary>A figure of a run folder: its file name, what it shows, and the PNG bytes.</summary>
public sealed record FigureFile(string Name, string Description, byte[] Png);

/// <summary>
/// A finished run folder read back from its files (<c>run.json</c>, <c>stages.csv</c>,
/// <c>cycles.csv</c>, <c>timeseries.csv</c>, <c>events.csv</c>, the scenario copy and the PNG figures),
/// so reports can be made from any run folder without rerunning it. Stage entries, cycles and the
/// wave's series come back as the model's own records.
/// </summary>
public sealed partial class RunFolder
{
    private RunFolder() { }

    /// <summary>Full path of the folder.</summary>
    public string Directory { get; private init; } = "";

    /// <summary>The folder's name, e.g. <c>japan-2007-seed2007</c>.</summary>
    public string FolderName => System.IO.Path.GetFileName(Directory);

    /// <summary>The scenario's name from run.json (the folder name if it has none).</summary>
    public string Name { get; private init; } = "";

    public string Description { get; private init; } = "";

    /// <summary>What one tick stands for, e.g. "week".</summary>
    public string TimeUnit { get; private init; } = "tick";

    public string Seed { get; private init; } = "";

    public int TicksRun { get; private init; }

    public string ToolVersion { get; private init; } = "";

    /// <summary>The resolved parameters of run.json as scenario records; null when they cannot be read (a newer or older format).</summary>
    public Scenario? Parameters { get; private init; }

    /// <summary>The <c>parameters</c> object of run.json as it is (cloned), or an empty object.</summary>
    public JsonElement ParametersJson { get; private init; }

    /// <summary>Movement ids in scenario order.</summary>
    public IReadOnlyList<string> Movements { get; private init; } = [];

    /// <summary>The scenario file as given (the copy in the folder), or null.</summary>
    public string? ScenarioText { get; private init; }

    /// <summary>File name of the scenario copy, e.g. <c>scenario.yaml</c>.</summary>
    public string? ScenarioFile { get; private init; }

    /// <summary>Every row of stages.csv, in file order.</summary>
    public IReadOnlyList<StageEntry> StageEntries { get; private init; } = [];

    /// <summary>
    /// The <c>trigger</c> text of a stage entry as stages.csv holds it (the words were made when the
    /// run was written; the folder does not keep the numbers behind them), or "".
    /// </summary>
    public string TriggerOf(StageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Triggers.GetValueOrDefault((entry.Movement, entry.Cycle, entry.Stage, entry.Tick), "");
    }

    /// <summary>The <c>outcome_reason</c> text of a cycle as cycles.csv holds it, or "".</summary>
    public string ReasonOf(CycleRecord cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return Reasons.GetValueOrDefault((cycle.Movement, cycle.Cycle), "");
    }

    private Dictionary<(string, int, Stage, int), string> Triggers { get; init; } = [];

    private Dictionary<(string, int), string> Reasons { get; init; } = [];

    /// <summary>Every row of cycles.csv, in file order.</summary>
    public IReadOnlyList<CycleRecord> Cycles { get; private init; } = [];

    /// <summary>The wave's rows of timeseries.csv in tick order (empty if the file is missing).</summary>
    public IReadOnlyList<TickObservation> Wave { get; private init; } = [];

    /// <summary>Rows of events.csv (scheduled events as applied), if any.</summary>
    public IReadOnlyList<AppliedEvent> Events { get; private init; } = [];

    /// <summary>The headline object of run.json (cloned), or an empty object.</summary>
    public JsonElement Headline { get; private init; }

    /// <summary>A headline metric of run.json (see <see cref="RunManifest.ReadMetric"/>); null when missing or none.</summary>
    public double? Metric(Metric metric) => RunManifest.ReadMetric(Headline, metric);

    /// <summary>The PNG figures of the folder: those listed in run.json in its order, then any other PNG.</summary>
    public IReadOnlyList<FigureFile> Figures { get; private init; } = [];

    /// <summary>Display name of a movement id (the wave is "the whole wave").</summary>
    public string MovementName(string id)
    {
        if (id == TickObservation.WaveId) return Movements.Count > 1 ? "the whole wave" : MovementDisplay(Movements.Count > 0 ? Movements[0] : id);
        return MovementDisplay(id);
    }

    private string MovementDisplay(string id)
    {
        var name = Parameters?.Movements.FirstOrDefault(m => m.Id == id)?.Name;
        return string.IsNullOrWhiteSpace(name) ? id : name;
    }

    /// <summary>Whether <paramref name="directory"/> looks like a run folder (it holds run.json).</summary>
    public static bool IsRunFolder(string directory) => File.Exists(System.IO.Path.Combine(directory, RunOutputWriter.ManifestFile));

    /// <summary>Reads a run folder.</summary>
    /// <exception cref="ReportInputException">The folder is missing, has no run.json, or a file in it is damaged; the message says which and what to do.</exception>
    public static RunFolder Read(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string dir = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(directory));
        if (!System.IO.Directory.Exists(dir))
            throw new ReportInputException(dir, $"'{directory}' is not a folder; give the folder a run wrote (e.g. runs/japan-2007-seed2007).");
        string manifestPath = System.IO.Path.Combine(dir, RunOutputWriter.ManifestFile);
        if (!File.Exists(manifestPath))
            throw new ReportInputException(dir, $"'{directory}' is not a run folder: it has no {RunOutputWriter.ManifestFile}. Give the folder 'contentionsim run' wrote.");

        JsonElement manifest;
        byte[] manifestBytes;
        try
        {
            if (new FileInfo(manifestPath).Length > MaxManifestBytes)
                throw new ReportInputException(manifestPath, $"'{manifestPath}' is larger than {MaxManifestBytes / (1024 * 1024)} MB, too large for a run manifest. Give the folder 'contentionsim run' wrote.");
            manifestBytes = File.ReadAllBytes(manifestPath);
            using var doc = JsonDocument.Parse(manifestBytes);
            manifest = doc.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(manifestPath, $"Could not read '{manifestPath}': {Terminal.Safe(e.Message)} Run the scenario again to rewrite the folder.", e);
        }
        if (manifest.ValueKind != JsonValueKind.Object)
            throw new ReportInputException(manifestPath, $"'{manifestPath}' is not a run manifest (not a JSON object). Run the scenario again to rewrite the folder.");
        string rewrite = RewriteHint(manifest, dir);
        CheckManifestTypes(manifest, manifestBytes, manifestPath, rewrite);
        VerifyChecksums(manifest, dir, rewrite);

        var scenario = manifest.TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var parameters = ReadParameters(manifest);
        string name = Text(scenario, "name") ?? parameters?.Name ?? System.IO.Path.GetFileName(dir);
        string? copy = Text(scenario, "copy");
        string? scenarioText = null;
        if (copy is not null && IsPlainFileName(copy) && File.Exists(System.IO.Path.Combine(dir, copy)))
            scenarioText = ReadText(System.IO.Path.Combine(dir, copy));
        else
        {
            foreach (var candidate in new[] { "scenario.yaml", "scenario.yml", "scenario.json" })
                if (File.Exists(System.IO.Path.Combine(dir, candidate)))
                {
                    copy = candidate;
                    scenarioText = ReadText(System.IO.Path.Combine(dir, candidate));
                    break;
                }
        }

        var movements = manifest.TryGetProperty("movements", out var ms) && ms.ValueKind == JsonValueKind.Array
            ? ms.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray()
            : parameters?.Movements.Select(m => m.Id).ToArray() ?? [];

        var stages = Checked(() => ReadStages(dir), rewrite);
        var cycles = Checked(() => ReadCycles(dir), rewrite);
        return new RunFolder
        {
            Directory = dir,
            Name = string.IsNullOrWhiteSpace(name) ? System.IO.Path.GetFileName(dir) : name,
            Description = Text(scenario, "description") ?? parameters?.Description ?? "",
            TimeUnit = Text(manifest, "time_unit") is { Length: > 0 } unit ? unit.Trim() : parameters?.TimeUnit ?? "tick",
            Seed = manifest.TryGetProperty("seed", out var seed) ? seed.ToString() : "",
            TicksRun = manifest.TryGetProperty("ticks_run", out var t) && t.TryGetInt32(out int ticks) ? ticks : 0,
            ToolVersion = manifest.TryGetProperty("tool", out var tool) && Text(tool, "version") is string v ? v : "",
            Parameters = parameters,
            ParametersJson = manifest.TryGetProperty("parameters", out var pj) && pj.ValueKind == JsonValueKind.Object ? pj.Clone() : EmptyObject(),
            Movements = movements,
            ScenarioText = scenarioText,
            ScenarioFile = scenarioText is null ? null : copy,
            StageEntries = stages.Select(x => x.Entry).ToArray(),
            Triggers = stages.GroupBy(x => (x.Entry.Movement, x.Entry.Cycle, x.Entry.Stage, x.Entry.Tick)).ToDictionary(g => g.Key, g => g.First().Text),
            Cycles = cycles.Select(x => x.Cycle).ToArray(),
            Reasons = cycles.GroupBy(x => (x.Cycle.Movement, x.Cycle.Cycle)).ToDictionary(g => g.Key, g => g.First().Text),
            Wave = Checked(() => ReadWave(dir, manifest, movements.Length), rewrite),
            Events = Checked(() => ReadEvents(dir), rewrite),
            Headline = manifest.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.Object ? h.Clone() : EmptyObject(),
            Figures = ReadFigures(dir, manifest),
        };
    }

    // ---- pieces ---------------------------------------------------------------------------------

    private static Scenario? ReadParameters(JsonElement manifest)
    {
        if (!manifest.TryGetProperty("parameters", out var p) || p.ValueKind != JsonValueKind.Object) return null;
        try
        {
            return p.Deserialize<Scenario>(RunManifest.ParameterJson);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null; // the words about the scenario are left out; everything else still reads
        }
    }

    private static IReadOnlyList<(StageEntry Entry, string Text)> ReadStages(string dir) =>
        RunCsv.ReadStages(ReadTable(dir, RunOutputWriter.StagesFile, required: true)!);

    private static IReadOnlyList<(CycleRecord Cycle, string Text)> ReadCycles(string dir) =>
        RunCsv.ReadCycles(ReadTable(dir, RunOutputWriter.CyclesFile, required: true)!);

    private static TickObservation[] ReadWave(string dir, JsonElement manifest, int movements)
    {
        var table = ReadTable(dir, RunOutputWriter.TimeseriesFile, required: false);
        if (table is null) return [];
        // A row per tick, and per movement and for the wave when there are several movements.
        if (manifest.TryGetProperty("ticks_run", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out long ticks) && movements > 0)
        {
            long expected = ticks * (movements == 1 ? 1 : movements + 1);
            if (table.Rows.Count != expected)
                throw new FormatException($"{table.Path}: {table.Rows.Count:N0} rows, but run.json records {ticks:N0} ticks of {movements} movement{(movements == 1 ? "" : "s")}, " +
                                          $"which make {expected:N0} rows: the file is incomplete or was edited");
        }
        return table.Rows
            .Select(r => RunCsv.ReadTimeseriesRow(table, r))
            .Where(o => o.Movement == TickObservation.WaveId)
            .OrderBy(o => o.Tick)
            .ToArray();
    }

    private static IReadOnlyList<AppliedEvent> ReadEvents(string dir) =>
        ReadTable(dir, RunOutputWriter.EventsFile, required: false) is CsvTable table ? RunCsv.ReadEvents(table) : [];

    private static List<FigureFile> ReadFigures(string dir, JsonElement manifest)
    {
        var described = new List<(string Name, string Description)>();
        if (manifest.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
            foreach (var f in files.EnumerateArray())
                if (f.ValueKind == JsonValueKind.Object && Text(f, "name") is string n && n.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && IsPlainFileName(n))
                    described.Add((n, Text(f, "description") ?? ""));
        var others = System.IO.Directory.EnumerateFiles(dir, "*.png")
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Where(n => !AtomicFile.IsTempName(n) && !described.Any(d => d.Name == n))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, ""));
        var figures = new List<FigureFile>();
        foreach (var (n, description) in described.Concat(others))
        {
            string path = System.IO.Path.Combine(dir, n);
            if (!File.Exists(path)) continue;
            try
            {
                figures.Add(new FigureFile(n, description, File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReportInputException(path, $"Could not read '{path}': {e.Message}", e);
            }
        }
        return figures;
    }

    private static CsvTable? ReadTable(string dir, string file, bool required)
    {
        string path = System.IO.Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            if (!required) return null;
            throw new ReportInputException(path, $"'{dir}' has no {file}; the run folder is incomplete. Run the scenario again to rewrite it.");
        }
        try
        {
            return CsvTable.Read(path, ColumnsOf(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException(path, $"Could not read '{path}': {Terminal.Safe(e.Message)}. Run the scenario again to rewrite the folder.", e);
        }
    }

    private static IReadOnlyList<string> ColumnsOf(string file) => file switch
    {
        RunOutputWriter.TimeseriesFile => RunCsv.TimeseriesColumns,
        RunOutputWriter.StagesFile => RunCsv.StagesColumns,
        RunOutputWriter.CyclesFile => RunCsv.CyclesColumns,
        RunOutputWriter.OrganizationsFile => RunCsv.OrganizationsColumns,
        RunOutputWriter.EventsFile => RunCsv.EventsColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "not a table of a run folder"),
    };

    /// <summary>The outcome with key <paramref name="key"/> (e.g. <c>revolutionary_turnover</c>); ongoing if unknown.</summary>
    public static Outcome OutcomeOf(string key) => RunCsv.OutcomeOf(key);

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool IsPlainFileName(string name) =>
        name.Length > 0 && name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) < 0 && name is not ("." or "..");

    private static JsonElement EmptyObject()
    {
        using var doc = JsonDocument.Parse("{}");
        return doc.RootElement.Clone();
    }
}
