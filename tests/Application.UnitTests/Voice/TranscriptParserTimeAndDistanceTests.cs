using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>Holds, timed work and cardio.</summary>
public sealed class TranscriptParserTimeAndDistanceTests
{
    private static readonly string[] Runs = ["Running_Treadmill", "Jogging_Treadmill"];

    [Theory]
    [InlineData("plank 60 seconds", 60)]
    [InlineData("plank for 1:30", 90)]
    [InlineData("plank for a minute", 60)]
    [InlineData("60-second plank", 60)]
    [InlineData("plank 30s", 30)]
    [InlineData("plank a minute and a half", 90)]
    [InlineData("plank 1 minute 30 seconds", 90)]
    [InlineData("plank 2 mins", 120)]
    [InlineData("plank 45", 45)]
    [InlineData("held a plank for half a minute", 30)]
    [InlineData("plank 1m30s", 90)]
    public void Parse_Durations_AreSeconds(string transcript, int seconds) =>
        Assert.Equal([$"{seconds}s"], SetsOf(Parse(transcript), "Plank"));

    [Theory]
    [InlineData("plank 3 sets of 60 seconds")]
    [InlineData("plank 3x60s")]
    [InlineData("plank 3 x 1 minute")]
    [InlineData("plank 3x60")]
    [InlineData("plank for 60 seconds x 3")]
    public void Parse_RepeatedHolds_GiveOneSetPerHold(string transcript) =>
        Assert.Equal(Repeat("60s", 3), SetsOf(Parse(transcript), "Plank"));

    [Theory]
    [InlineData("plank three times for a minute each")]
    [InlineData("plank 3 times for 60 seconds")]
    [InlineData("plank 3 times for one minute")]
    [InlineData("plank thrice for a minute")]
    [InlineData("planks 3 times 1 minute")]
    [InlineData("plank for a minute three times")]
    [InlineData("plank three times at a minute")]
    public void Parse_WhenHoldsAreCountedInTimes_GivesOneSetPerHold(string transcript) =>
        Assert.Equal(Repeat("60s", 3), SetsOf(Parse(transcript), "Plank"));

    [Theory]
    [InlineData("plank 3 x 1 minute 30 seconds")]
    [InlineData("plank 3 x a minute and a half")]
    [InlineData("plank 3 sets of 1 minute 30 seconds")]
    public void Parse_WhenRepeatedHoldsLastMinutesAndSeconds_GivesEachHoldTheWholeTime(string transcript) =>
        Assert.Equal(Repeat("90s", 3), SetsOf(Parse(transcript), "Plank"));

    [Fact]
    public void Parse_WhenAHoldIsDoneOnce_GivesOneSet() =>
        Assert.Equal(["120s"], SetsOf(Parse("plank once for 2 minutes"), "Plank"));

    [Fact]
    public void Parse_WhenASideHoldIsDoneTwice_GivesTwoSetsPerSide() =>
        Assert.Equal(Repeat("45s per-side", 2), SetsOf(Parse("side plank twice for 45 seconds each side"), "Side_Bridge"));

    [Fact]
    public void Parse_WhenACarryIsCountedInTimes_GivesOneSetPerLength() =>
        Assert.Equal(Repeat("32kg 0.04km", 3), SetsOf(Parse("farmers walk three times for 40 meters with 32 kg"), "Farmers_Walk"));

    [Theory]
    [InlineData("5k run", "5km")]
    [InlineData("ran 5 km", "5km")]
    [InlineData("run 3 miles", "4.828km")]
    [InlineData("2.5 miles run", "4.023km")]
    [InlineData("ran 10k in 50 minutes", "3000s 10km")]
    [InlineData("Running 5 miles 1 hour", "3600s 8.047km")]
    [InlineData("30 min run", "1800s")]
    [InlineData("1:00:00 run", "3600s")]
    public void Parse_CardioDistancesAndTimes_AreKmAndSeconds(string transcript, string expected)
    {
        var exercise = Assert.Single(Parse(transcript).Exercises);

        Assert.Contains(exercise.ExerciseId, Runs);
        Assert.Equal([expected], Describe(exercise.Sets));
    }

    [Fact]
    public void Parse_RowedWithADistance_IsTheRowingMachine() =>
        Assert.Equal(["480s 2km"], SetsOf(Parse("rowed 2000 meters in 8 minutes"), "Rowing_Stationary"));

    [Fact]
    public void Parse_CardioWithRpe_KeepsTheRpe() =>
        Assert.Equal(["@6 5km"], Describe(Assert.Single(Parse("5k run @ RPE 6").Exercises).Sets));

    [Fact]
    public void Parse_KForALift_IsKilograms() =>
        Assert.Equal(["5r 40kg"], SetsOf(Parse("curls 40k for 5", "lb"), "Barbell_Curl"));

    [Fact]
    public void Parse_DistanceAndLoadForACarry_AreBothKept() =>
        Assert.Equal(Repeat("32kg 0.04km", 3), SetsOf(Parse("Farmers walk 3 x 40 meters with 32kg"), "Farmers_Walk"));
}
