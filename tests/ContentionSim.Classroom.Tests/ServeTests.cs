using System.IO.Compression;
using System.Net;
using System.Text;

namespace ContentionSim.Classroom.Tests;

/// <summary><c>contentionsim serve</c> as a user starts it: the page, the host file, the run-folder endpoint, bad input.</summary>
[Trait("Category", "Process")]
public sealed class ServeTests : IClassFixture<ServeProcess>, IDisposable
{
    private readonly ServeProcess _serve;
    private readonly HttpClient _http;

    public ServeTests(ServeProcess serve)
    {
        _serve = serve;
        _http = new HttpClient { BaseAddress = new Uri(serve.Url), Timeout = TimeSpan.FromMinutes(2) };
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task It_listens_on_the_loopback_address_and_serves_the_page_and_its_framework()
    {
        Assert.StartsWith("http://127.0.0.1:", _serve.Url);
        string index = await _http.GetStringAsync("");
        Assert.Contains("<title>ContentionSim classroom</title>", index);
        Assert.Contains("{\"server\": true}", await _http.GetStringAsync("classroom-host.json"));
        // the fingerprinted runtime the page names is there
        var script = System.Text.RegularExpressions.Regex.Match(index, "_framework/blazor\\.webassembly[^\"]*\\.js").Value;
        Assert.NotEmpty(script);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(script)).StatusCode);
    }

    [Fact]
    public async Task The_run_folder_endpoint_answers_the_run_folder_of_the_scenario_for_the_ticks_asked()
    {
        string yaml = ScenarioText("scenarios/granovetter.yaml");
        var response = await _http.PostAsync("api/run-folder?ticks=20", new StringContent(yaml, Encoding.UTF8, "application/x-yaml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
        Assert.Contains(names, n => n.EndsWith("/timeseries.csv"));
        Assert.Contains(names, n => n.EndsWith("/stages.png"));
        Assert.Contains(names, n => n.EndsWith("/run.json"));
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("timeseries.csv")).Open());
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length); // header and 20 ticks
    }

    [Fact]
    public async Task A_bad_scenario_or_tick_count_gets_400_with_the_place_and_the_fix()
    {
        var bad = await _http.PostAsync("api/run-folder", new StringContent("name: x\nstate:\n  openess: 0.5\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string message = await bad.Content.ReadAsStringAsync();
        Assert.Contains("classroom.yaml", message);
        Assert.Contains("openness", message);
        var ticks = await _http.PostAsync("api/run-folder?ticks=0", new StringContent(ScenarioText("scenarios/granovetter.yaml")));
        Assert.Equal(HttpStatusCode.BadRequest, ticks.StatusCode);
        Assert.Contains("ticks must be", await ticks.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_bad_port_is_refused_with_exit_code_2()
    {
        var (code, output) = CliRun.Run("serve", "--port", "70000");
        Assert.Equal(2, code);
        Assert.Contains("--port", output);
    }

    private static string ScenarioText(string file) => File.ReadAllText(Path.Combine(Support.RepoRoot(), file));
}
