using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Cli.Tests;

public sealed class StagesCommandTests
{
    [Fact]
    public void Stages_prints_the_six_stages_the_outcomes_and_the_criteria_with_the_defaults()
    {
        using var cli = new CliHarness();

        var (code, output, error) = cli.Run("stages");

        Assert.True(code == 0, error);
        foreach (var s in StageText.Cycle)
        {
            Assert.Contains($"  {(int)s}  {StageText.Name(s)}", output);
            Assert.Contains(StageText.Explanation(s), System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "));
        }
        foreach (var o in new[] { "negotiated", "suppressed", "revolutionary turnover", "fizzle", "still under way" })
            Assert.Contains($"\n  {o}\n", output);
        var defaults = new ClassifierParameters();
        foreach (var p in ParameterPath.PropertiesOf(typeof(ClassifierParameters)))
        {
            string value = Convert.ToString(p.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture)!;
            Assert.Matches($"\n  {ParameterPath.KeyOf(p)} +{System.Text.RegularExpressions.Regex.Escape(value)} ", output);
        }
        Assert.Contains($"decline_fraction = {defaults.DeclineFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}", output);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 100, $"line too long: {line}"));
    }
}
