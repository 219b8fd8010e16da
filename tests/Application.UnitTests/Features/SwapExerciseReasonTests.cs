using FitCoach.Application.Features.Chat.Reading;
using Xunit;

namespace FitCoach.Application.UnitTests.Features;

public sealed class SwapExerciseReasonTests
{
    [Theory]
    [InlineData("my knee hurts when I squat", new[] { "knee" })]
    [InlineData("lower back is sore after these", new[] { "lower_back" })]
    [InlineData("tweaked my shoulder last week", new[] { "shoulder" })]
    [InlineData("elbow and wrist pain on curls", new[] { "elbow", "wrist_hand" })]
    [InlineData("achilles tendinopathy flaring up", new[] { "calf" })]
    public void APainfulRegionInTheReason_IsRead(string reason, string[] expected) =>
        Assert.Equal(expected, SwapTextReader.PainfulRegions(reason));

    [Theory]
    [InlineData("no rack at home")]
    [InlineData("bored of squats, want something for my knees that's different")] // no pain word
    [InlineData("no knee pain, just want variety")]
    [InlineData("my knee doesn't hurt, the gym is packed")]
    [InlineData(null)]
    public void AReasonWithoutPain_OrDenyingIt_NamesNoRegion(string? reason) =>
        Assert.Empty(SwapTextReader.PainfulRegions(reason));
}
