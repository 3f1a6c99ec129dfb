using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>An experiment's folder: its files, an earlier result replaced whole (never a folder holding anything else), and the figure for both kinds of x axis.</summary>
public sealed class ExperimentOutputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "contentionsim-experiment-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static ExperimentRun[] Runs() => Enumerable.Range(0, 3).Select(r => new ExperimentRun
    {
        Run = r, Point = 0, Replication = r, Seed = (ulong)(100 + r),
        Levels = [new ExperimentLevel("movements[0].activists.thresholds[1]", "1", 1)],
        Measures = new Dictionary<string, double> { ["final_active"] = 100, ["activists"] = double.NaN },
    }).ToArray();

    [Fact]
    public void The_folder_has_every_file_and_replaces_an_earlier_one_whole()
    {
        string folder = Path.Combine(_dir, "fact9");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "runs.csv"), "from an earlier run");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an experiment's");
        var refused = Assert.Throws<OutputException>(() => ExperimentOutput.Write(folder, ValidationDocumentTests.Result(true), Runs(), "quick size"));
        Assert.Contains("holds notes.txt, which an experiment does not write", refused.Message);
        Assert.Equal(["notes.txt", "runs.csv"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order().ToArray()); // kept as they were

        File.Delete(Path.Combine(folder, "notes.txt"));
        ExperimentOutput.Write(folder, ValidationDocumentTests.Result(true), Runs(), "quick size");
        Assert.Equal(["checks.csv", "figure.png", "figure.svg", "results.md", "runs.csv"],
            Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order().ToArray());
        var runs = File.ReadAllLines(Path.Combine(folder, "runs.csv"));
        Assert.Equal("run,point,replication,seed,movements[0].activists.thresholds[1],final_active,activists", runs[0]);
        Assert.StartsWith("0,0,0,100,1,100,", runs[1]);
        var checks = File.ReadAllLines(Path.Combine(folder, "checks.csv"));
        Assert.Equal("experiment,check,key,label,estimate,ci_low,ci_high,n,criterion,result,note,control,fails_on_control,under_control", checks[0]);
        Assert.StartsWith("fact9,one riots,one_riots,formula check,0.5,0.25,0.75,30,", checks[2]);
        Assert.EndsWith(",–,no control — cannot fail,", checks[2]);
        Assert.Single(Directory.GetDirectories(_dir)); // no staging or old folder left
    }

    [Fact]
    public void Figures_render_on_numeric_and_categorical_axes()
    {
        var categorical = ValidationDocumentTests.Result(true).Figure!;
        var numeric = categorical with { NumericX = true, Curve = [(0, 100), (0.5, 60), (1, 1)], CurveName = "fit" };
        foreach (var figure in new[] { categorical, numeric })
        {
            var (png, svg) = ExperimentPlot.Render(figure);
            Assert.Equal(0x89, png[0]);
            Assert.Contains("<svg", svg);
        }
        Assert.Equal("a share of\nseeds", ExperimentPlot.Wrap("a share of seeds", 10));
    }
}
