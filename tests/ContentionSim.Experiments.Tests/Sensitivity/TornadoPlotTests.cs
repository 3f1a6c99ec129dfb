using ContentionSim.Reporting;
using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Sensitivity;

namespace ContentionSim.Experiments.Tests.Sensitivity;

public class TornadoPlotTests
{
    [Fact]
    public void Every_outcome_renders_to_png_and_svg()
    {
        foreach (var outcome in SensitivityOutcomes.All)
        {
            var (png, svg) = TornadoPlot.Render(SensitivityTestData.Analysis, outcome, "tiny: " + outcome.Label);
            var (_, rows) = TornadoPlot.Create(SensitivityTestData.Analysis, outcome, "t");
            PlotAssert.IsPng(png, TornadoPlot.Width, TornadoPlot.HeightFor(rows));
            PlotAssert.IsSvg(svg);
        }
    }

    [Fact]
    public void Rows_are_capped_and_the_largest_swing_is_labelled()
    {
        var peak = SensitivityOutcomes.All[0];
        var (_, rows) = TornadoPlot.Create(SensitivityTestData.Analysis, peak, "t", maxRows: 2);
        Assert.Equal(2, rows);
        var top = SensitivityTestData.Analysis.Ranked(peak)[0];
        Assert.Equal("movements[0].activists.grievance_weight  1.688 | 2.25 | 2.813", TornadoPlot.RowLabel(top));
    }

    [Theory]
    [InlineData(0.1125, "0.1125")]
    [InlineData(26, "26")]
    [InlineData(42.55, "42.55")]
    [InlineData(1234.56, "1234.6")]
    [InlineData(-0.0, "0")]
    public void Numbers_are_short_and_culture_free(double v, string text) => Assert.Equal(text, TornadoPlot.Number(v));

    [Fact]
    public void The_title_says_how_many_base_runs_a_sparse_outcome_rests_on()
    {
        var a = SensitivityTestData.Analysis;
        Assert.Equal("tiny: Peak participation (% of activists)", TornadoPlot.Title(a, SensitivityOutcomes.All[0]));
        var length = SensitivityOutcomes.Find("cycle_length")!;
        int n = a.Baseline[SensitivityOutcomes.All.ToList().IndexOf(length)].N;
        string title = TornadoPlot.Title(a, length);
        Assert.Equal(n < 3 ? $"tiny: Mean cycle length (ticks) ({n} of 3 base runs have one)" : "tiny: Mean cycle length (ticks)", title);
    }

    [Fact]
    public void Parameters_that_moved_nothing_get_no_row()
    {
        var peak = SensitivityOutcomes.All[0];
        var (_, rows) = TornadoPlot.Create(SensitivityTestData.Analysis, peak, "t");
        int moved = SensitivityTestData.Analysis.Ranked(peak).Count(e => e.Swing > 0);
        Assert.Equal(moved, rows);
        Assert.True(rows < 3, "transnational.information_amplification is switched off and must not get a row");
    }
}
