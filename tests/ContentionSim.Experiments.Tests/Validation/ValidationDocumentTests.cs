using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Validation;

namespace ContentionSim.Experiments.Tests.Validation;

/// <summary>docs/validation.md: generated sections, kept introduction and notes, the figures.</summary>
public sealed class ValidationDocumentTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "contentionsim-validation-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    internal static ExperimentResult Result(bool passed) => new()
    {
        Experiment = new Fact9Granovetter(),
        Runs = 60,
        Checks =
        [
            new Check("all riot", Estimate.Exact(30, 30), "all 30 runs", true) { Key = "all_riot", Kind = CheckKind.Formula },
            new Check("one riots", new Estimate(0.5, 0.25, 0.75, 30), "all 30 runs", passed, "a note") { Key = "one_riots", Kind = CheckKind.Formula },
        ],
        Reported = [new Reported("final active", new Estimate(50.5, 40, 61, 60))],
        Figure = new ExperimentFigure
        {
            Title = "Fact 9", XLabel = "Thresholds", YLabel = "Active",
            Series = [new FigureSeries("final active", [new FigurePoint("a", 0, 100, 100, 100), new FigurePoint("b", 1, 1, 0.5, 1.5)])],
            Line = 50, LineName = "half",
        },
    };

    [Fact]
    public void A_new_document_has_the_introduction_a_summary_and_a_section_per_experiment()
    {
        string text = ValidationDocument.Render([Result(true)], "quick size");
        Assert.StartsWith("# Validation", text);
        Assert.Contains("[docs/sensitivity.md](sensitivity.md)", text);
        Assert.Contains(ValidationDocument.GeneratedMarker, text);
        Assert.Contains("Generated at quick size.", text);
        Assert.Contains("| [fact9](#fact9--granovetters-threshold-model-as-a-special-case) |", text);
        Assert.Contains("**Verdict: PASS**", text);
        Assert.Contains("![Fact 9](img/validation/fact9.png)", text);
        Assert.Contains("<!-- notes:fact9 -->", text);
    }

    [Fact]
    public void A_failing_experiment_says_so_plainly()
    {
        string text = ValidationDocument.Render([Result(false)], "full size");
        Assert.Contains("**Verdict: FAIL** — the model does not meet this criterion: one riots.", text);
        Assert.Contains("| one riots | formula check | 0.5 | [0.25, 0.75] | all 30 runs | FAIL | a note |", text);
    }

    [Fact]
    public void Regenerating_keeps_the_hand_written_introduction_and_notes()
    {
        string first = ValidationDocument.Render([Result(false)], "quick size");
        string edited = first.Replace("# Validation: the stylized facts and the survey", "# Validation (edited by hand)")
            .Replace("<!-- notes:fact9 -->\n<!-- /notes:fact9 -->", "<!-- notes:fact9 -->\nThe cause: thresholds.\n<!-- /notes:fact9 -->");
        string second = ValidationDocument.Render([Result(true)], "full size", edited);
        Assert.StartsWith("# Validation (edited by hand)", second);
        Assert.Contains("<!-- notes:fact9 -->\nThe cause: thresholds.\n<!-- /notes:fact9 -->", second);
        Assert.Contains("**Verdict: PASS**", second);
        Assert.Equal(1, second.Split(ValidationDocument.GeneratedMarker).Length - 1);
    }

    [Fact]
    public void Writing_puts_the_figures_beside_the_document()
    {
        ValidationDocument.Write(_dir, [Result(true)], "quick size");
        Assert.True(File.Exists(Path.Combine(_dir, "validation.md")));
        var png = File.ReadAllBytes(Path.Combine(_dir, "img", "validation", "fact9.png"));
        Assert.Equal(0x89, png[0]);
    }
}
