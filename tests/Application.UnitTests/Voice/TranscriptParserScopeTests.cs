using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>
/// Which sets a type word (warm-up, drop set, AMRAP, to failure, back-off) or an effort said with a scope ("on the last
/// one", "on all of them") is about: only the sets it was said with, never the sets of another clause.
/// </summary>
public sealed class TranscriptParserScopeTests
{
    private const string Bench = "Barbell_Bench_Press_-_Medium_Grip";
    private const string Squat = "Barbell_Squat";

    [Theory]
    [InlineData("squat, warm-up set of 5 at 60 kilos, then 120 for 5, 5, 5", new[] { "5r 60kg warmup", "5r 120kg", "5r 120kg", "5r 120kg" })]
    [InlineData("squat warmup set of 8 at 40 then 3x5 at 100", new[] { "8r 40kg warmup", "5r 100kg", "5r 100kg", "5r 100kg" })]
    [InlineData("squat a warm up set of 10 with the bar, then 100 for 5", new[] { "10r 20kg warmup", "5r 100kg" })]
    [InlineData("squat 2 warm-up sets, 10 at 40 and 5 at 60, then 3 working sets of 5 at 80", new[] { "10r 40kg warmup", "5r 60kg warmup", "5r 80kg", "5r 80kg", "5r 80kg" })]
    [InlineData("squat two warmup sets: 10 at 40, 5 at 60. Then 100 for 5", new[] { "10r 40kg warmup", "5r 60kg warmup", "5r 100kg" })]
    public void Parse_WarmupSaidWithItsSets_TypesOnlyThoseSets(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), Squat));

    [Theory]
    [InlineData("bench 100 for 8, then a drop set of 10 at 70", new[] { "8r 100kg", "10r 70kg dropset" })]
    [InlineData("bench 100 for 8 then drop set of 12 at 60 kg", new[] { "8r 100kg", "12r 60kg dropset" })]
    [InlineData("bench 5 sets of 5 at 100, then an AMRAP set at 80, got 18", new[] { "5r 100kg", "5r 100kg", "5r 100kg", "5r 100kg", "5r 100kg", "18r 80kg amrap" })]
    [InlineData("bench 3x5 at 100 then one amrap set at 90, got 9 reps", new[] { "5r 100kg", "5r 100kg", "5r 100kg", "9r 90kg amrap" })]
    [InlineData("bench 3 sets at 70, 12, 12, and the last one to failure, got 15", new[] { "12r 70kg", "12r 70kg", "15r 70kg failure" })]
    [InlineData("bench 3 sets at 60, 10, 10, last one to failure, got 13", new[] { "10r 60kg", "10r 60kg", "13r 60kg failure" })]
    public void Parse_TypeWordOfOneSet_StaysWithThatSet(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), Bench));

    [Fact]
    public void Parse_DropSetWithDumbbellPairs_TypesOnlyTheDrop() =>
        Assert.Equal(["12r 12kg", "10r 8kg dropset"],
            SetsOf(Parse("Lateral raises 12 reps with the 12s, then a drop set of 10 with the 8s"), "Side_Lateral_Raise"));

    [Theory]
    [InlineData("bench 225 for 5 at RPE 8, then two back-off sets of 8 at 185 at RPE 7", new[] { "5r 225lb @8", "8r 185lb @7", "8r 185lb @7" })]
    [InlineData("bench 225x3, then 3 backoff sets of 6 at 185", new[] { "3r 225lb", "6r 185lb", "6r 185lb", "6r 185lb" })]
    [InlineData("bench top set 225 for 3, then 2 working sets of 5 at 200", new[] { "3r 225lb", "5r 200lb", "5r 200lb" })]
    public void Parse_BackOffSets_AreCountedNormalSets(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript, "lb"), Bench));

    [Theory]
    [InlineData("squat 3 sets of 8 at 100, RPE 8 on the last one", new[] { "8r 100kg", "8r 100kg", "8r 100kg @8" })]
    [InlineData("squat 3x8 at 100, the last set at RPE 9", new[] { "8r 100kg", "8r 100kg", "8r 100kg @9" })]
    [InlineData("squat 3x8 at 100, last set rpe 9", new[] { "8r 100kg", "8r 100kg", "8r 100kg @9" })]
    [InlineData("squat 3x8 at 100, rpe 7 on the first one", new[] { "8r 100kg @7", "8r 100kg", "8r 100kg" })]
    [InlineData("squat 3 sets of 8 at 100, two reps in reserve on all of them", new[] { "8r 100kg rir2", "8r 100kg rir2", "8r 100kg rir2" })]
    [InlineData("squat 3x8 at 100, all at rpe 8", new[] { "8r 100kg @8", "8r 100kg @8", "8r 100kg @8" })]
    [InlineData("squat 100x5, 110x5, rpe 8 on all of them", new[] { "5r 100kg @8", "5r 110kg @8" })]
    [InlineData("squat 100x5, 110x5, 120x5, rpe 9 on the last one", new[] { "5r 100kg", "5r 110kg", "5r 120kg @9" })]
    [InlineData("squat 3x5 at 100, 1 rir on the last set", new[] { "5r 100kg", "5r 100kg", "5r 100kg rir1" })]
    public void Parse_EffortWithAScope_GoesToTheSetsItNames(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), Squat));

    [Fact]
    public void Parse_LastOneOfSetsStillToBeListed_IsUnparsed()
    {
        var result = Parse("curls 3 sets: 12, 10, 8, rpe 9 on the last one");

        Assert.Equal(["12r", "10r", "8r"], SetsOf(result));
        Assert.Contains("rpe 9 on the last one", result.Unparsed);
    }

    [Fact]
    public void Parse_AllFours_StaysAName() =>
        Assert.Equal("All_Fours_Quad_Stretch", Assert.Single(Parse("all fours quad stretch 2 sets of 30 seconds").Exercises).ExerciseId);
}
