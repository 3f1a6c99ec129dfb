using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentionSim.Reporting.Tests.Browser;

/// <summary>What a page did when a real browser loaded it.</summary>
internal sealed record PageCheck
{
    /// <summary>Console errors and warnings, uncaught exceptions and browser log errors, as text.</summary>
    public required IReadOnlyList<string> ConsoleErrors { get; init; }
    /// <summary>Every URL the page requested.</summary>
    public required IReadOnlyList<string> Requests { get; init; }
    /// <summary>Requests that would leave the machine (anything but file:, data:, about:, blob:).</summary>
    public IReadOnlyList<string> ExternalRequests => Requests.Where(u =>
        !u.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !u.StartsWith("data:", StringComparison.OrdinalIgnoreCase) &&
        !u.StartsWith("about:", StringComparison.OrdinalIgnoreCase) && !u.StartsWith("blob:", StringComparison.OrdinalIgnoreCase)).ToList();
    public required IReadOnlyList<ImageInfo> Images { get; init; }
    public required IReadOnlyList<EntryInfo> Entries { get; init; }
    public required int ScrollWidth { get; init; }
    /// <summary>Figures, tables and cards whose content is wider than they are (a reader would have to scroll them sideways).</summary>
    public required IReadOnlyList<string> Overflowing { get; init; }
    public required int InnerWidth { get; init; }
    public required string Title { get; init; }
    public required string BodyText { get; init; }
    /// <summary>A screenshot of the whole page (PNG) at the viewport's width.</summary>
    public required byte[] Screenshot { get; init; }
}

internal sealed record ImageInfo(string Alt, int NaturalWidth, int NaturalHeight, double RenderedWidth, double RenderedHeight, bool Complete);

internal sealed record EntryInfo(string Movement, int Cycle, int Stage, int Tick, string Text);

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket on the loopback
/// address, System.Net.WebSockets only): loads a page, records console errors, exceptions and every
/// network request, measures the layout and the images, and takes a screenshot.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<(string? Session, string Method, JsonElement Params)> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _receiver;
    private int _nextId;

    /// <summary>The Chromium executable on the PATH (or in CHROMIUM), or null.</summary>
    public static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } explicitPath && File.Exists(explicitPath)) return explicitPath;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why browser tests are skipped here, or null when they run (always run in CI, where a missing browser fails them).</summary>
    public static string? SkipReason =>
        FindExecutable() is null && !InCi
            ? "Chromium is not installed (apt-get install chromium; .ci/run installs it). Browser tests are skipped locally and fail in CI (CI=true)."
            : null;

    private HeadlessChromium(Process process, string profile, Uri endpoint)
    {
        _process = process;
        _profile = profile;
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket.ConnectAsync(endpoint, CancellationToken.None).Wait(Timeout);
        _receiver = Task.Run(ReceiveLoop);
    }

    /// <summary>Starts Chromium. Throws with a clear message when it is not installed or does not start.</summary>
    public static HeadlessChromium Start()
    {
        string exe = FindExecutable() ?? throw new InvalidOperationException(
            "Chromium is not installed, so the browser tests cannot run. Install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        string profile = Path.Combine(Path.GetTempPath(), "contentionsim-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                     "--disable-default-apps", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
                 })
            psi.ArgumentList.Add(arg);
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        string portFile = Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{exe} exited with code {process.ExitCode} before it was ready: {stderr}");
            if (File.Exists(portFile))
            {
                var lines = File.ReadAllLines(portFile);
                if (lines.Length >= 2 && int.TryParse(lines[0], out int port))
                    return new HeadlessChromium(process, profile, new Uri($"ws://127.0.0.1:{port}{lines[1]}"));
            }
            Thread.Sleep(50);
        }
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        throw new InvalidOperationException($"{exe} did not open its DevTools port within {Timeout.TotalSeconds} s: {stderr}");
    }

    /// <summary>Loads <paramref name="file"/> in a new tab of <paramref name="width"/>×<paramref name="height"/> CSS pixels and reports what happened.</summary>
    public PageCheck Load(string file, int width, int height, bool mobile = false)
    {
        var target = Send(null, "Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        string targetId = target.GetProperty("targetId").GetString()!;
        string session = Send(null, "Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true })
            .GetProperty("sessionId").GetString()!;
        try
        {
            Send(session, "Runtime.enable");
            Send(session, "Log.enable");
            Send(session, "Network.enable");
            Send(session, "Page.enable");
            Send(session, "Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
            });
            string url = new Uri(Path.GetFullPath(file)).AbsoluteUri;
            Send(session, "Page.navigate", new JsonObject { ["url"] = url });
            WaitForEvent(session, "Page.loadEventFired");
            Evaluate(session, "Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null))).then(() => true)");
            Thread.Sleep(200); // late console messages

            var metrics = Evaluate(session, """
                JSON.stringify({
                  scrollWidth: document.documentElement.scrollWidth,
                  innerWidth: window.innerWidth,
                  overflowing: Array.from(document.querySelectorAll('figure, .table-wrap, dl.glance')).filter(e => e.scrollWidth > e.clientWidth + 1)
                    .map(e => (e.tagName + '.' + e.className + ' ' + (e.innerText || '').slice(0, 60)).trim()),
                  title: document.title,
                  text: document.body.innerText,
                  images: Array.from(document.images).map(i => ({ alt: i.alt, w: i.naturalWidth, h: i.naturalHeight,
                    rw: i.getBoundingClientRect().width, rh: i.getBoundingClientRect().height, complete: i.complete })),
                  entries: Array.from(document.querySelectorAll('li.entry')).map(e => ({ movement: e.dataset.movement,
                    cycle: +e.dataset.cycle, stage: +e.dataset.stage, tick: +e.dataset.tick, text: e.innerText }))
                })
                """);
            using var doc = JsonDocument.Parse(metrics.GetString()!);
            var m = doc.RootElement;

            var layout = Send(session, "Page.getLayoutMetrics");
            double contentHeight = layout.GetProperty("cssContentSize").GetProperty("height").GetDouble();
            var shot = Send(session, "Page.captureScreenshot", new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = Math.Min(Math.Max(contentHeight, height), 20000), ["scale"] = 1 },
            });

            var errors = new List<string>();
            var requests = new List<string>();
            foreach (var (s, method, p) in _events)
            {
                if (s != session) continue;
                switch (method)
                {
                    case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "warning" or "assert":
                        errors.Add($"console.{p.GetProperty("type").GetString()}: " + string.Join(" ", p.GetProperty("args").EnumerateArray().Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.ToString())));
                        break;
                    case "Runtime.exceptionThrown":
                        errors.Add("exception: " + p.GetProperty("exceptionDetails").ToString());
                        break;
                    case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() is "error" or "warning":
                        errors.Add("log: " + p.GetProperty("entry").GetProperty("text").GetString() + " " + (p.GetProperty("entry").TryGetProperty("url", out var u) ? u.GetString() : ""));
                        break;
                    case "Network.requestWillBeSent":
                        requests.Add(p.GetProperty("request").GetProperty("url").GetString() ?? "");
                        break;
                    case "Network.loadingFailed":
                        errors.Add("request failed: " + p.ToString());
                        break;
                }
            }
            return new PageCheck
            {
                ConsoleErrors = errors,
                Requests = requests,
                Images = m.GetProperty("images").EnumerateArray().Select(i => new ImageInfo(i.GetProperty("alt").GetString() ?? "",
                    i.GetProperty("w").GetInt32(), i.GetProperty("h").GetInt32(), i.GetProperty("rw").GetDouble(), i.GetProperty("rh").GetDouble(),
                    i.GetProperty("complete").GetBoolean())).ToList(),
                Entries = m.GetProperty("entries").EnumerateArray().Select(e => new EntryInfo(e.GetProperty("movement").GetString() ?? "",
                    e.GetProperty("cycle").GetInt32(), e.GetProperty("stage").GetInt32(), e.GetProperty("tick").GetInt32(), e.GetProperty("text").GetString() ?? "")).ToList(),
                ScrollWidth = m.GetProperty("scrollWidth").GetInt32(),
                Overflowing = m.GetProperty("overflowing").EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
                InnerWidth = m.GetProperty("innerWidth").GetInt32(),
                Title = m.GetProperty("title").GetString() ?? "",
                BodyText = m.GetProperty("text").GetString() ?? "",
                Screenshot = Convert.FromBase64String(shot.GetProperty("data").GetString()!),
            };
        }
        finally
        {
            try { Send(null, "Target.closeTarget", new JsonObject { ["targetId"] = targetId }); }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or WebSocketException) { }
        }
    }

    private JsonElement Evaluate(string session, string expression)
    {
        var result = Send(session, "Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        });
        if (result.TryGetProperty("exceptionDetails", out var ex))
            throw new InvalidOperationException("evaluation failed: " + ex);
        return result.GetProperty("result").GetProperty("value");
    }

    private void WaitForEvent(string session, string method)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            if (_events.Any(e => e.Session == session && e.Method == method)) return;
            Thread.Sleep(20);
        }
        throw new TimeoutException($"no {method} within {Timeout.TotalSeconds} s");
    }

    private JsonElement Send(string? session, string method, JsonObject? parameters = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null) message["sessionId"] = session;
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        _sendLock.Wait();
        try
        {
            _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).Wait(Timeout);
        }
        finally
        {
            _sendLock.Release();
        }
        if (!tcs.Task.Wait(Timeout)) throw new TimeoutException($"{method}: no answer within {Timeout.TotalSeconds} s");
        return tcs.Task.Result;
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                using (var doc = JsonDocument.Parse(message.ToArray()))
                {
                    var root = doc.RootElement;
                    if (root.TryGetProperty("id", out var idElement) && _pending.TryRemove(idElement.GetInt32(), out var tcs))
                    {
                        if (root.TryGetProperty("error", out var error))
                            tcs.TrySetException(new InvalidOperationException("DevTools error: " + error));
                        else
                            tcs.TrySetResult(root.TryGetProperty("result", out var r) ? r.Clone() : default);
                    }
                    else if (root.TryGetProperty("method", out var method))
                    {
                        string? session = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
                        _events.Enqueue((session, method.GetString()!, root.TryGetProperty("params", out var p) ? p.Clone() : default));
                    }
                }
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        foreach (var tcs in _pending.Values) tcs.TrySetException(new InvalidOperationException("the browser connection closed"));
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _socket.Abort(); } catch (Exception e) when (e is ObjectDisposedException or WebSocketException) { }
        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

/// <summary>A [Fact] that runs in a real browser: skipped locally without Chromium, never skipped in CI (CI=true).</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.SkipReason is string reason) Skip = reason;
    }
}

/// <summary>One browser for a test class, started when first needed.</summary>
public sealed class ChromiumFixture : IDisposable
{
    private readonly Lazy<HeadlessChromium> _browser = new(HeadlessChromium.Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly object _lock = new();

    /// <summary>Loads a page (one at a time per browser).</summary>
    internal PageCheck Load(string file, int width, int height, bool mobile = false)
    {
        lock (_lock) return _browser.Value.Load(file, width, height, mobile);
    }

    /// <summary>Saves a screenshot when CONTENTIONSIM_SCREENSHOTS names a folder (for looking at the pages).</summary>
    internal static void Keep(byte[] png, string name)
    {
        if (Environment.GetEnvironmentVariable("CONTENTIONSIM_SCREENSHOTS") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), png);
    }

    public void Dispose()
    {
        if (_browser.IsValueCreated) _browser.Value.Dispose();
    }
}
