using ContentionSim.Reporting;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContentionSim.Experiments.Sensitivity;

/// <summary>
/// <c>manifest.json</c> of a sensitivity folder: tool version and git commit, runtime, the scenario
/// (file, SHA-256, name), the design (method, delta, replications, master seed, the seed scheme and
/// the seeds), the outcomes and their definitions, every parameter varied with its low, base and high
/// value and every parameter skipped with the reason, and the files. No time stamps: the same
/// analysis gives the same manifest.
/// </summary>
public static class SensitivityManifest
{
    public const string FileName = "manifest.json";

    /// <summary>Identifies the layout; bump when it changes incompatibly.</summary>
    public const string Format = "contentionsim-sensitivity/1";

    public const string Method =
        "one-at-a-time (OAT) around the scenario's values: low = value × (1 − delta), high = value × (1 + delta), clamped to the parameter's " +
        "[min, max]; a value of 0 goes from 0 to delta × (max − min) (delta when unbounded); whole numbers rounded (at least one step); " +
        "distributions moved in their location (the mean; for a uniform both bounds); every variant run with the same seeds (common random numbers)";

    public static byte[] Create(SensitivityAnalysis analysis, SensitivitySetup setup, IReadOnlyList<OutputFile> files)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(setup);
        var design = analysis.Design;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteStartObject("tool");
            w.WriteString("name", RunManifest.ToolName);
            w.WriteString("version", RunManifest.ToolVersion);
            w.WriteString("git_commit", setup.GitCommit ?? "unknown");
            w.WriteEndObject();
            w.WriteStartObject("runtime");
            w.WriteString("framework", RuntimeInformation.FrameworkDescription);
            w.WriteString("os", RuntimeInformation.OSDescription);
            w.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
            w.WriteEndObject();

            w.WriteStartObject("scenario");
            w.WriteString("name", design.Base.Name);
            w.WriteString("source_file", setup.ScenarioFile);
            w.WriteString("sha256", RunManifest.Sha256(setup.ScenarioText));
            w.WriteNumber("activists", design.Base.TotalActivists);
            w.WriteNumber("ticks", design.Base.Ticks);
            w.WriteString("time_unit", design.Base.TimeUnit);
            w.WriteEndObject();

            w.WriteStartObject("design");
            w.WriteString("method", Method);
            w.WriteNumber("delta", design.Delta);
            w.WriteNumber("replications", design.Replications);
            w.WriteBoolean("quick", setup.Quick);
            w.WriteString("quick_changes", setup.QuickChanges);
            if (setup.Only is null) w.WriteNull("only"); else w.WriteString("only", setup.Only);
            w.WriteNumber("variants", design.VariantCount);
            w.WriteNumber("runs", design.RunCount);
            w.WriteNumber("master_seed", design.MasterSeed);
            w.WriteString("seed_scheme", SensitivityDesign.SeedScheme);
            w.WriteStartArray("seeds");
            for (int r = 0; r < design.Replications; r++) w.WriteNumberValue(design.SeedOf(r));
            w.WriteEndArray();
            w.WriteString("confidence_intervals", "95% Student t intervals of the mean of the paired (same-seed) differences from the base");
            w.WriteEndObject();

            w.WriteStartArray("outcomes");
            foreach (var o in SensitivityOutcomes.All)
            {
                w.WriteStartObject();
                w.WriteString("name", o.Name);
                w.WriteString("label", o.Label);
                w.WriteString("definition", o.Description);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("parameters_varied");
            for (int k = 0; k < design.Parameters.Count; k++)
            {
                var p = design.Parameters[k];
                var v = design.Ranges[k];
                w.WriteStartObject();
                w.WriteString("path", p.Path);
                w.WriteString("varied", p.Varied);
                Number(w, "low", v.Low);
                Number(w, "base", v.Base);
                Number(w, "high", v.High);
                Number(w, "min", p.Min);
                Number(w, "max", p.Max);
                w.WriteNumber("step", p.Step);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("parameters_skipped");
            foreach (var s in design.Catalog.Skipped)
            {
                w.WriteStartObject();
                w.WriteString("path", s.Path);
                w.WriteString("reason", ReasonKey(s.Reason));
                w.WriteString("explanation", s.Explanation);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("files");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("description", f.Description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>snake_case key of a skip reason (<c>not_numeric</c>, <c>observer</c>, …).</summary>
    public static string ReasonKey(SkipReason reason) => Core.Parameters.ParameterPath.ToSnakeCase(reason.ToString());

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value); else w.WriteNull(name);
    }
}
