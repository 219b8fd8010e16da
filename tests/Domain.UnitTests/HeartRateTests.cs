using FitCoach.Domain.Training;
using Xunit;

namespace FitCoach.Domain.UnitTests;

/// <summary>The published formulas and their published worked values.</summary>
public sealed class HeartRateTests
{
    [Theory]
    [InlineData(20, 194)] // Tanaka et al. (2001), table of predicted values: 194 at 20
    [InlineData(40, 180)]
    [InlineData(60, 166)]
    public void Tanaka_Is208MinusSevenTenthsOfAge(double age, double expected) =>
        Assert.Equal(expected, HeartRate.MaxTanaka(age), 6);

    [Theory]
    [InlineData(20, 200)]
    [InlineData(50, 170)]
    public void Traditional_Is220MinusAge(double age, double expected) =>
        Assert.Equal(expected, HeartRate.MaxTraditional(age), 6);

    [Fact]
    public void Tanaka_IsAboveTraditional_ForOlderAdults_AndBelowForYoungOnes()
    {
        Assert.True(HeartRate.MaxTanaka(60) > HeartRate.MaxTraditional(60));
        Assert.True(HeartRate.MaxTanaka(20) < HeartRate.MaxTraditional(20));
        Assert.Equal(HeartRate.MaxTanaka(40), HeartRate.MaxTraditional(40), 6); // the two cross at 40
    }

    [Theory]
    // The corpus's worked example (heart-rate-zones document): age 30, resting 60, HRmax 187 (Tanaka) → HRR 127.
    [InlineData(0.5, 123.5)]
    [InlineData(0.7, 148.9)]
    [InlineData(0.9, 174.3)]
    public void Karvonen_AddsTheIntensityShareOfTheReserveToRest(double intensity, double expected) =>
        Assert.Equal(expected, HeartRate.Karvonen(60, 187, intensity), 6);

    [Fact]
    public void Karvonen_GivesAHigherTargetThanPercentOfMax_AtTheSamePercentage()
    {
        var max = HeartRate.MaxTanaka(30);
        Assert.True(HeartRate.Karvonen(60, max, 0.7) > HeartRate.PercentOfMax(max, 0.7));
        Assert.Equal(max, HeartRate.Karvonen(60, max, 1.0), 6);
        Assert.Equal(60, HeartRate.Karvonen(60, max, 0), 6);
    }
}
