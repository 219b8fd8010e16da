using FitCoach.Domain.Training;
using Xunit;

namespace FitCoach.Domain.UnitTests;

/// <summary>Worked examples from ../shared/reference/sports-science.md §1–2.</summary>
public sealed class OneRepMaxTests
{
    [Theory]
    [InlineData(100, 5, 116.7, 112.5)]
    [InlineData(100, 10, 133.3, 133.3)]
    [InlineData(140, 3, 154.0, 148.2)]
    [InlineData(60, 12, 84.0, 86.4)]
    public void EpleyAndBrzycki_MatchThePublishedWorkedExamples(double weight, int reps, double epley, double brzycki)
    {
        Assert.Equal(epley, OneRepMax.Epley(weight, reps), 1);
        Assert.Equal(brzycki, OneRepMax.Brzycki(weight, reps), 1);
    }

    [Fact]
    public void Epley_OfASingle_IsTheLoad() => Assert.Equal(180, OneRepMax.Epley(180, 1));

    [Theory]
    [InlineData(1, 10, 100.0)]
    [InlineData(3, 9.5, 90.7)]
    [InlineData(5, 8, 81.1)]
    [InlineData(10, 6.5, 64.0)]
    [InlineData(8, 9, 76.2)]
    public void RpeChartPercent_MatchesTheRtsTable(int reps, double rpe, double percent) =>
        Assert.Equal(percent, OneRepMax.RpeChartPercent(reps, rpe));

    [Theory]
    [InlineData(11, 9)]
    [InlineData(5, 6)]
    [InlineData(5, 8.25)]
    public void RpeChartPercent_OutsideTheChart_IsNull(int reps, double rpe) => Assert.Null(OneRepMax.RpeChartPercent(reps, rpe));

    [Theory]
    [InlineData(140, 3, 8, 162.2)]
    [InlineData(100, 8, 9, 131.2)]
    [InlineData(60, 5, 7, 76.3)]
    public void Estimate_WithRpe_UsesTheChart(double weight, int reps, double rpe, double expected)
    {
        var estimate = OneRepMax.Estimate(weight, reps, rpe)!.Value;

        Assert.Equal(expected, estimate.Value, 1);
        Assert.Equal(OneRepMaxMethod.RpeChart, estimate.Method);
    }

    [Fact]
    public void Estimate_WithRir_UsesEpleyOnRepsToFailure()
    {
        var estimate = OneRepMax.Estimate(140, 3, rir: 2)!.Value;

        Assert.Equal(163.3, estimate.Value, 1);
        Assert.Equal(OneRepMaxMethod.Epley, estimate.Method);
    }

    [Fact]
    public void Estimate_OfASingleAtRpe10_IsTheLoad() =>
        Assert.Equal(new OneRepMaxEstimate(200, OneRepMaxMethod.Actual), OneRepMax.Estimate(200, 1, 10));

    [Theory]
    [InlineData(100, 15, null, null)]
    [InlineData(100, 5, 5.0, null)]
    [InlineData(100, 10, null, 4.0)]
    [InlineData(0, 5, null, null)]
    [InlineData(100, 0, null, null)]
    public void Estimate_WhenTheSetSaysLittleAboutAMax_IsNull(double weight, int reps, double? rpe, double? rir) =>
        Assert.Null(OneRepMax.Estimate(weight, reps, rpe, rir));
}
