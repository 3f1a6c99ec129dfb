extern alias cli;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Cli = cli::ContentionSim.Cli.ContentionSimCli;
using CliConsole = cli::ContentionSim.Cli.CliConsole;

namespace ContentionSim.Classroom.Tests;

/// <summary>Where Debian's Chromium is, and whether the browser tests run here.</summary>
internal static class Chromium
{
    public static string? Executable()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } p && File.Exists(p)) return p;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => Executable() is null && !InCi
        ? "Chromium is not installed (apt-get install chromium; .ci/run installs it): the classroom's browser tests are skipped here and fail in CI."
        : null;
}

/// <summary>A [Fact] in a real browser: skipped locally without Chromium, never in CI (CI=true), where a missing browser fails it.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is string reason) Skip = reason;
    }
}

/// <summary>The published static site: CLASSROOM_SITE, else site/wwwroot in the repository (the README's publish command).</summary>
internal static class StaticSite
{
    public static string Folder => Environment.GetEnvironmentVariable("CLASSROOM_SITE") is { Length: > 0 } s ? s
        : Path.Combine(Support.RepoRoot(), "site", "wwwroot");

    public static string? SkipReason =>
        Chromium.SkipReason ?? (!File.Exists(Path.Combine(Folder, "index.html")) && !Chromium.InCi
            ? $"The static site is not published at {Folder}: run 'dotnet publish src/ContentionSim.Classroom -c Release -o site' (.ci/run does) to test it."
            : null);
}

internal sealed class StaticSiteFactAttribute : FactAttribute
{
    public StaticSiteFactAttribute()
    {
        if (StaticSite.SkipReason is string reason) Skip = reason;
    }
}

/// <summary>A browser page that records console errors, uncaught exceptions and every request, and saves downloads.</summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    public IPage Page { get; }
    public List<string> Errors { get; } = [];
    public List<string> Requests { get; } = [];
    public string Downloads { get; } = Path.Combine(Path.GetTempPath(), "contentionsim-classroom-" + Guid.NewGuid().ToString("N"));

    private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        Directory.CreateDirectory(Downloads);
        page.Console += (_, m) => { if (m.Type is "error") lock (Errors) Errors.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => { lock (Errors) Errors.Add("page error: " + e); };
        page.Request += (_, r) => { lock (Requests) Requests.Add(r.Url); };
        page.SetDefaultTimeout(120_000);
    }

    public static async Task<BrowserPage> Open(int width = 1400, int height = 1000, bool phone = false)
    {
        string exe = Chromium.Executable() ?? throw new InvalidOperationException(
            "Chromium is not installed, so the classroom's browser tests cannot run: apt-get install -y chromium (as .ci/run does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = exe,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = phone, HasTouch = phone, DeviceScaleFactor = phone ? 2 : 1,
        });
        return new BrowserPage(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>Requests that leave the machine: anything but the page's own origin, data: and blob:.</summary>
    public IReadOnlyList<string> Outside(string origin)
    {
        lock (Requests)
            return Requests.Where(u => !u.StartsWith(origin, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Clicks <paramref name="selector"/> and saves the download it starts.</summary>
    public async Task<string> Download(string selector)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync(selector));
        string path = Path.Combine(Downloads, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        try { Directory.Delete(Downloads, recursive: true); } catch (IOException) { }
    }
}

/// <summary><c>contentionsim serve --port 0</c> as its own process (the built CLI next to this test's build), stopped at the end.</summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    public string Url { get; }

    public ServeProcess()
    {
        string config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        string dll = Path.Combine(Support.RepoRoot(), "src", "ContentionSim.Cli", "bin", config, "net10.0", "contentionsim.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "serve", "--port", "0" }) psi.ArgumentList.Add(a);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start contentionsim serve");
        var stderr = new StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        var read = Task.Run(() =>
        {
            string? line;
            while ((line = _process.StandardOutput.ReadLine()) is not null)
            {
                var m = Regex.Match(line, @"is at (http://127\.0\.0\.1:\d+/)");
                if (m.Success) return m.Groups[1].Value;
            }
            return null;
        });
        if (!read.Wait(TimeSpan.FromSeconds(60)) || read.Result is null)
        {
            Dispose();
            throw new InvalidOperationException($"contentionsim serve did not print its address: {stderr}");
        }
        Url = read.Result;
        _ = Task.Run(() => { while (_process.StandardOutput.ReadLine() is not null) { } });
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}

/// <summary>The published static site served as plain files by a bare web server on the loopback address (no API).</summary>
internal sealed class StaticServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public string Url { get; }

    private StaticServer(WebApplication app, string url) { _app = app; Url = url; }

    public static async Task<StaticServer> Start(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "index.html")))
            throw new InvalidOperationException($"The static site is not published at {folder}: run 'dotnet publish src/ContentionSim.Classroom -c Release -o site' first (.ci/run does).");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = new PhysicalFileProvider(folder) });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), ServeUnknownFileTypes = true });
        await app.StartAsync();
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return new StaticServer(app, url);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The CLI in this process (run, report), its output captured.</summary>
internal static class CliRun
{
    public static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Cli.Run(args, CliConsole.Capture(output, error));
        return (code, output + error.ToString());
    }
}
