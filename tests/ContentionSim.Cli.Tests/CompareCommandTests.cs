namespace ContentionSim.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Run(string name, params string[] extra)
    {
        var scenario = _cli.Write("small.yaml", CliHarness.SmallScenario);
        var (code, _, error) = _cli.Run(["run", scenario, "--out", _cli.PathOf(name), .. extra]);
        Assert.True(code == 0, error);
        return _cli.PathOf(name);
    }

    [Fact]
    public void Compare_writes_one_page_and_one_png()
    {
        var a = Run("tight", "--set", "state.openness=0.1");
        var b = Run("open", "--set", "state.openness=0.9");

        var (code, output, error) = _cli.Run("compare", a, b);

        Assert.True(code == 0, error);
        string html = _cli.PathOf("compare-tight-vs-open.html"), png = _cli.PathOf("compare-tight-vs-open.png");
        Assert.Contains(html, output);
        Assert.Contains(png, output);
        Assert.True(File.Exists(png));
        string page = File.ReadAllText(html);
        Assert.Contains("<table class=\"headline\">", page);
        Assert.Contains("<th scope=\"row\">state.openness</th><td>0.1</td><td>0.9</td>", page);
    }

    [Fact]
    public void Compare_out_names_the_page_and_the_png_follows_it()
    {
        var a = Run("a");
        var b = Run("b", "--seed", "8");

        var (code, _, error) = _cli.Run("compare", a, b, "--out", _cli.PathOf("lesson/side-by-side.html"));

        Assert.True(code == 0, error);
        Assert.True(File.Exists(_cli.PathOf("lesson/side-by-side.html")));
        Assert.True(File.Exists(_cli.PathOf("lesson/side-by-side.png")));
    }

    [Fact]
    public void Compare_out_without_html_names_a_folder_holding_compare_html_and_png()
    {
        var a = Run("a");
        var b = Run("b", "--seed", "8");

        var (code, output, error) = _cli.Run("compare", a, b, "--out", _cli.PathOf("lesson-tight-vs-open"));

        Assert.True(code == 0, error);
        Assert.True(File.Exists(_cli.PathOf("lesson-tight-vs-open/compare.html")));
        Assert.True(File.Exists(_cli.PathOf("lesson-tight-vs-open/compare.png")));
        Assert.False(File.Exists(_cli.PathOf("lesson-tight-vs-open.html")));
        Assert.Contains(_cli.PathOf("lesson-tight-vs-open/compare.html"), output);
    }

    [Fact]
    public void Repeating_a_compare_is_refused_like_a_run_and_force_replaces_it()
    {
        var a = Run("a");
        var b = Run("b", "--seed", "8");
        string target = _cli.PathOf("cmp");
        Assert.Equal(ExitCodes.Ok, _cli.Run("compare", a, b, "--out", target).Code);
        byte[] first = File.ReadAllBytes(Path.Combine(target, "compare.html"));
        File.WriteAllText(Path.Combine(target, "compare.html"), "mine");

        var (code, _, error) = _cli.Run("compare", a, b, "--out", target);

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("--force", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "compare.html"))); // untouched
        // The same as run: a repeated run into an occupied folder is refused with the same exit code.
        Assert.Equal(ExitCodes.OutputFailed, _cli.Run("run", _cli.PathOf("small.yaml"), "--out", a).Code);

        Assert.Equal(ExitCodes.Ok, _cli.Run("compare", a, b, "--out", target, "--force").Code);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(target, "compare.html")));
    }

    [Fact]
    public void One_run_or_a_folder_that_is_not_a_run_is_bad_input()
    {
        var a = Run("a");
        Directory.CreateDirectory(_cli.PathOf("nothing"));

        Assert.Equal(ExitCodes.BadInput, _cli.Run("compare", a).Code);
        var (code, _, error) = _cli.Run("compare", a, _cli.PathOf("nothing"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nothing", error);
    }
}
