using FitCoach.Application.Features.Exercises.Matching;
using Xunit;

namespace FitCoach.Application.UnitTests.Exercises.Matching;

public sealed class TokenDistanceTests
{
    [Theory]
    [InlineData("girl", "curl")]
    [InlineData("squad", "squat")]
    [InlineData("skwat", "squat")]
    [InlineData("scull", "skull")]
    [InlineData("lunch", "lunge")]
    [InlineData("trust", "thrust")]
    public void SoundKey_WhenWordsSoundAlike_IsEqual(string heard, string meant) =>
        Assert.Equal(TokenDistance.SoundKey(meant), TokenDistance.SoundKey(heard));

    [Theory]
    [InlineData("bench", "squat")]
    [InlineData("curl", "row")]
    public void SoundKey_WhenWordsSoundDifferent_Differs(string first, string second) =>
        Assert.NotEqual(TokenDistance.SoundKey(second), TokenDistance.SoundKey(first));

    [Theory]
    [InlineData("deadlfit", "deadlift", 1)]
    [InlineData("extention", "extension", 1)]
    [InlineData("dumbel", "dumbbell", 2)]
    [InlineData("press", "press", 0)]
    public void Bounded_WhenWithinTheBound_ReturnsTheEditDistance(string first, string second, int expected) =>
        Assert.Equal(expected, TokenDistance.Bounded(first, second, 2));

    [Fact]
    public void Bounded_WhenBeyondTheBound_ReturnsBoundPlusOne() =>
        Assert.Equal(2, TokenDistance.Bounded("banana", "bench", 1));
}
