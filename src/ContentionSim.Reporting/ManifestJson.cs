using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContentionSim.Reporting;

/// <summary>
/// The common frame of every manifest ContentionSim writes (<c>run.json</c>, a sweep's and a sensitivity
/// analysis's <c>manifest.json</c>): UTF-8, indented with <c>\n</c> line endings and a trailing newline,
/// text unescaped where JSON allows; a <c>format</c>, the <c>tool</c> that wrote it and the <c>runtime</c>.
/// </summary>
public static class ManifestJson
{
    /// <summary>How manifests are written.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document <paramref name="write"/> writes, with the trailing newline.</summary>
    public static byte[] Document(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            write(w);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// Opens the root object and writes <c>format</c> and the <c>tool</c> object (name, version and, when
    /// <paramref name="withGit"/>, <c>git_commit</c>: <paramref name="gitCommit"/> or "unknown").
    /// </summary>
    public static void WriteHeader(Utf8JsonWriter w, string format, bool withGit = false, string? gitCommit = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("format", format);
        w.WriteStartObject("tool");
        w.WriteString("name", RunManifest.ToolName);
        w.WriteString("version", RunManifest.ToolVersion);
        if (withGit) w.WriteString("git_commit", gitCommit ?? "unknown");
        w.WriteEndObject();
    }

    /// <summary>The <c>runtime</c> object: framework, operating system, architecture and, with <paramref name="processors"/>, the processor count.</summary>
    public static void WriteRuntime(Utf8JsonWriter w, bool processors)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject("runtime");
        w.WriteString("framework", RuntimeInformation.FrameworkDescription);
        w.WriteString("os", RuntimeInformation.OSDescription);
        w.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
        if (processors) w.WriteNumber("processors", Environment.ProcessorCount);
        w.WriteEndObject();
    }
}
