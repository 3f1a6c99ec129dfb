using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using ContentionSim.Core.Simulation;
using ContentionSim.Reporting;
using ContentionSim.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContentionSim.Cli.Commands;

/// <summary>
/// <c>contentionsim serve [--port N] [--open]</c>: the classroom page (the Blazor WebAssembly app of
/// <c>src/ContentionSim.Classroom</c>, which runs the model in the browser) served on this computer's
/// loopback address only, plus what the browser cannot do itself: a whole run folder with its plots.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5117;
    /// <summary>Largest scenario text the run-folder endpoint takes.</summary>
    public const int MaxScenarioBytes = 4_000_000;

    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = $"Port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => DefaultPort };
        var open = new Option<bool>("--open") { Description = "Open the page in the default browser." };
        var command = new Command("serve", "Serve the classroom page on this computer (sliders, play/pause/step, live plots, the agents) and print its address.")
        {
            port, open,
        };
        command.SetAction(parse =>
        {
            int p = parse.GetValue(port);
            if (p is < 0 or > 65535)
            {
                console.Error.WriteLine("error: --port must be between 0 (any free port) and 65535.");
                return ExitCodes.BadInput;
            }
            return Serve(console, p, parse.GetValue(open));
        });
        return command;
    }

    private static int Serve(CliConsole console, int port, bool open)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // The classroom's files: from the build of the referenced project (dotnet run) or the publish folder (wwwroot beside the program).
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        // The page asks whether a server is there (the static site answers no from its own file).
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals("/classroom-host.json", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = "application/json";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsync("{\"server\": true}");
                return;
            }
            await next();
        });
        // Plain files: the published site in wwwroot beside the program (release binaries, the tool),
        // or the classroom project's build mapped in by UseStaticWebAssets (dotnet run).
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapPost("/api/run-folder", RunFolder);
        app.MapFallbackToFile("index.html");

        try
        {
            app.StartAsync(console.Cancellation).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{port}: {e.Message}. Choose another port with --port N (0 picks a free one).");
            return ExitCodes.BadInput;
        }
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1") + "/";
        console.Out.WriteLine($"The ContentionSim classroom is at {url}");
        console.Out.WriteLine("Open it in a browser on this computer (it listens on 127.0.0.1 only). Press Ctrl-C to stop.");
        console.Out.Flush();
        if (open) OpenBrowser(url, console);
        try
        {
            Task.Delay(Timeout.Infinite, console.Cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) { }
        app.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        console.Out.WriteLine("Stopped.");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// POST a scenario (the page's export: the played scenario with its changes as events) and
    /// <c>?ticks=N</c>; answers the run folder <c>contentionsim run</c> writes, zipped. Bad input: 400 with the loader's message.
    /// </summary>
    private static async Task<IResult> RunFolder(HttpRequest request)
    {
        string text;
        using (var reader = new StreamReader(request.Body))
        {
            var buffer = new char[MaxScenarioBytes + 1];
            int read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
            if (read > MaxScenarioBytes) return Results.BadRequest($"The scenario is larger than {MaxScenarioBytes:N0} bytes.");
            text = new string(buffer, 0, read);
        }
        Core.Parameters.Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Parse(text, "classroom.yaml");
        }
        catch (ScenarioException e)
        {
            return Results.BadRequest(e.Message);
        }
        if (request.Query.TryGetValue("ticks", out var t))
        {
            if (!int.TryParse(t, out int ticks) || ticks < 1 || ticks > scenario.Ticks)
                return Results.BadRequest($"ticks must be a whole number from 1 to {scenario.Ticks}.");
            scenario = scenario with { Ticks = ticks };
        }
        string temp = Path.Combine(Path.GetTempPath(), "contentionsim-serve-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await Task.Run(() => Simulator.Run(scenario, new RunOptions { Threads = 1, Cancellation = request.HttpContext.RequestAborted }));
            string folder = Path.Combine(temp, RunCommand.Slug(scenario.Name) + $"-seed{scenario.Seed}");
            RunOutputWriter.Write(result, folder, new RunOutputOptions { ScenarioText = text, SourceFile = "scenario.yaml" });
            var zip = new MemoryStream();
            ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
            return Results.File(zip.ToArray(), "application/zip", Path.GetFileName(folder) + ".zip");
        }
        catch (OutputException e)
        {
            return Results.Problem($"The run folder could not be written: {e.Message}");
        }
        finally
        {
            try { if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void OpenBrowser(string url, CliConsole console)
    {
        try
        {
            var psi = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd", $"/c start {url}") { CreateNoWindow = true }
                : OperatingSystem.IsMacOS() ? new ProcessStartInfo("open", url)
                : new ProcessStartInfo("xdg-open", url);
            psi.UseShellExecute = false;
            psi.RedirectStandardError = true;
            psi.RedirectStandardOutput = true;
            Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            console.Error.WriteLine($"Could not open a browser here; open {url} yourself.");
        }
    }
}
