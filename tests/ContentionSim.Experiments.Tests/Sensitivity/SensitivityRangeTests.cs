using ContentionSim.Reporting.Tests;
using ContentionSim.Experiments.Sensitivity;

namespace ContentionSim.Experiments.Tests.Sensitivity;

public class SensitivityRangeTests
{
    [Fact]
    public void Low_and_high_are_the_value_times_one_minus_and_plus_delta()
    {
        var r = SensitivityRanges.Of(0.4, 0, 1, 0, 0.25);
        Assert.Equal(0.3, r.Low, 12);
        Assert.Equal(0.4, r.Base);
        Assert.Equal(0.5, r.High, 12);
    }

    [Fact]
    public void They_are_clamped_to_the_range()
    {
        var r = SensitivityRanges.Of(0.9, 0, 1, 0, 0.25);
        Assert.Equal(0.675, r.Low, 12);
        Assert.Equal(1.0, r.High);
        var unbounded = SensitivityRanges.Of(10, double.NaN, double.NaN, 0, 0.5);
        Assert.Equal(5, unbounded.Low, 12);
        Assert.Equal(15, unbounded.High, 12);
    }

    [Fact]
    public void A_zero_value_goes_up_by_delta_times_the_range()
    {
        var r = SensitivityRanges.Of(0, 0, 10, 0, 0.25);
        Assert.Equal(0, r.Low);
        Assert.Equal(2.5, r.High, 12);
        var unbounded = SensitivityRanges.Of(0, 0, double.NaN, 0, 0.25);
        Assert.Equal(0.25, unbounded.High, 12);
    }

    [Fact]
    public void Whole_numbers_are_rounded()
    {
        var r = SensitivityRanges.Of(26, 0, 10_000, 1, 0.25);
        Assert.Equal(20, r.Low); // 19.5 rounds away from zero
        Assert.Equal(33, r.High); // 32.5
        var degree = SensitivityRanges.Of(8, 0, 1000, 2, 0.25);
        Assert.Equal(6, degree.Low);
        Assert.Equal(10, degree.High);
    }

    [Fact]
    public void A_small_whole_number_still_moves_one_step()
    {
        var r = SensitivityRanges.Of(2, 0, 10, 1, 0.2); // 1.6 → 2 and 2.4 → 2 would not move
        Assert.Equal(1, r.Low);
        Assert.Equal(3, r.High);
        var top = SensitivityRanges.Of(10, 0, 10, 1, 0.01);
        Assert.Equal(9, top.Low);
        Assert.Equal(10, top.High);
    }

    [Fact]
    public void Negative_values_keep_low_below_high()
    {
        var r = SensitivityRanges.Of(-0.4, -1, 1, 0, 0.25);
        Assert.Equal(-0.5, r.Low, 12);
        Assert.Equal(-0.3, r.High, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    public void Delta_must_lie_between_zero_and_one(double delta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SensitivityRanges.Of(1, 0, 2, 0, delta));
}
