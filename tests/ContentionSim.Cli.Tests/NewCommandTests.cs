using ContentionSim.Scenarios;

namespace ContentionSim.Cli.Tests;

public sealed class NewCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void New_writes_a_starter_that_loads_and_runs()
    {
        var (code, output, error) = _cli.Run("new", "my-lesson", "--dir", _cli.Root);

        Assert.True(code == 0, error);
        string path = _cli.PathOf("my-lesson.yaml");
        Assert.Contains(path, output);
        var scenario = ScenarioLoader.LoadFile(path);
        Assert.Equal("my-lesson", scenario.Name);
        Assert.StartsWith("# my-lesson: a ContentionSim scenario", File.ReadAllText(path));
        Assert.Equal(0, _cli.Run("validate", path).Code);
        Assert.Equal(0, _cli.Run("run", path, "--ticks", "30", "--no-plots", "--out", _cli.PathOf("run")).Code);
    }

    [Fact]
    public void New_never_overwrites_a_file()
    {
        string path = _cli.Write("taken.yaml", "name: mine\n");

        var (code, _, error) = _cli.Run("new", "taken", "--dir", _cli.Root);

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("already exists", error);
        Assert.Equal("name: mine\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_name_given_with_its_extension_is_accepted()
    {
        Assert.Equal(0, _cli.Run("new", "lesson.yaml", "--dir", _cli.Root).Code);
        Assert.True(File.Exists(_cli.PathOf("lesson.yaml")));
        Assert.False(File.Exists(_cli.PathOf("lesson.yaml.yaml")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a b")]
    [InlineData("-dash")]
    [InlineData("sub/name")]
    [InlineData("ünï")]
    public void Unusable_names_are_bad_input_and_write_nothing(string name)
    {
        var (code, _, error) = _cli.Run("new", name, "--dir", _cli.PathOf("d"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("not a usable scenario name", error);
        Assert.False(Directory.Exists(_cli.PathOf("d")));
    }
}
