using System.Text.RegularExpressions;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Stages;
using ContentionSim.Reporting.Plots;

namespace ContentionSim.Reporting.Tests;

public class PaletteTests
{
    private static readonly Regex Hex = new("^#[0-9A-F]{6}$");

    [Fact]
    public void Six_distinct_stage_colours_none_of_them_the_latent_grey()
    {
        var colours = StageText.Cycle.Select(Palette.Stage).ToArray();
        Assert.Equal(6, colours.Distinct().Count());
        Assert.All(colours, c => Assert.Matches(Hex, c));
        Assert.DoesNotContain(Palette.Stage(Stage.Latent), colours);
    }

    [Fact]
    public void Statuses_have_distinct_colours()
    {
        var colours = Enum.GetValues<ActivistStatus>().Select(Palette.Status).ToArray();
        Assert.Equal(colours.Length, colours.Distinct().Count());
        Assert.All(colours, c => Assert.Matches(Hex, c));
    }

    [Fact]
    public void Movement_colours_cycle_and_differ_from_the_wave()
    {
        Assert.Equal(Palette.Movement(0), Palette.Movement(Palette.Movements.Count));
        Assert.DoesNotContain(Palette.Wave, Palette.Movements);
        Assert.Equal(Palette.Movements.Count, Palette.Movements.Distinct().Count());
    }
}
