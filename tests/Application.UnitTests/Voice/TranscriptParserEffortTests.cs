using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>RPE, RIR, set types and one-sided work.</summary>
public sealed class TranscriptParserEffortTests
{
    private const string Bench = "Barbell_Bench_Press_-_Medium_Grip";
    private const string Squat = "Barbell_Squat";

    [Theory]
    [InlineData("bench 100 kg for 5 rpe 8", "5r 100kg @8")]
    [InlineData("bench 100 kg for 5 @8.5", "5r 100kg @8.5")]
    [InlineData("bench 100 kg for 5 at RPE 7", "5r 100kg @7")]
    [InlineData("bench 100 kg for 5 with an RPE of 9", "5r 100kg @9")]
    [InlineData("bench 100 kg for 5 at rpe seven point five", "5r 100kg @7.5")]
    [InlineData("bench 100 kg for 5, 2 reps in reserve", "5r 100kg rir2")]
    [InlineData("bench 100 kg for 5 rir 2", "5r 100kg rir2")]
    [InlineData("bench 100 kg for 5 with one rep in the tank", "5r 100kg rir1")]
    [InlineData("bench 100 kg for 5, felt like an 8", "5r 100kg @8")]
    [InlineData("bench 100 kg for 5 rpe: 8", "5r 100kg @8")]
    [InlineData("bench 8RPE 100kg x 5", "5r 100kg @8")]
    public void Parse_Effort_IsReadAsRpeOrRir(string transcript, string expected) =>
        Assert.Equal([expected], SetsOf(Parse(transcript), Bench));

    [Fact]
    public void Parse_EffortAfterAGroup_AppliesToEverySetOfIt() =>
        Assert.Equal(Repeat("8r 185lb @7", 3), SetsOf(Parse("Bench press, 3 sets of 8 reps at 185 pounds, RPE 7"), Bench));

    [Fact]
    public void Parse_EffortList_GivesEachSetItsEffort() =>
        Assert.Equal(["8r 110kg @10", "8r 110kg @9", "8r 110kg @8"], SetsOf(Parse("Deadlift 3x8x110 rpe 10, 9, 8"), "Barbell_Deadlift"));

    [Fact]
    public void Parse_EffortAfterEachRampSet_StaysWithThatSet() =>
        Assert.Equal(["5r @7", "5r @8", "5r @9"], SetsOf(Parse("Squat: x5@7 x5@8 x5@9"), Squat));

    [Fact]
    public void Parse_EffortAfterARepsList_AppliesToEverySet() =>
        Assert.Equal(["6r 115lb @8", "5r 115lb @8", "5r 115lb @8"], SetsOf(Parse("OHP 115: 6, 5, 5 @8", "lb"), "Standing_Military_Press"));

    [Theory]
    [InlineData("squat 140 kilos for 5 reps at RPE 7, 150 for 3 at RPE 8.5", new[] { "5r 140kg @7", "3r 150kg @8.5" })]
    [InlineData("squat 140 for 5 at rpe 7 and 150 for 3 at rpe 8.5", new[] { "5r 140kg @7", "3r 150kg @8.5" })]
    [InlineData("squat 100 for 5 @7, 110 for 3 @8, 120 for 1 @9.5", new[] { "5r 100kg @7", "3r 110kg @8", "1r 120kg @9.5" })]
    [InlineData("squat 100x5 rpe 6, 110x3 rpe 7, 120x1 rpe 9", new[] { "5r 100kg @6", "3r 110kg @7", "1r 120kg @9" })]
    public void Parse_WhenRampHasPerSetRpe_KeepsEachRpeOnItsSet(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), Squat));

    [Theory]
    [InlineData("deadlift 180 for 3 at 8, 190 for 2 at 9")]
    [InlineData("deadlift 180 for 3 at an 8, 190 for 2 at a 9")]
    [InlineData("deadlift 180x3 @8, 190x2 @9")]
    public void Parse_WhenASmallNumberFollowsALoadedSet_ReadsItAsThatSetsRpe(string transcript) =>
        Assert.Equal(["3r 180kg @8", "2r 190kg @9"], SetsOf(Parse(transcript), "Barbell_Deadlift"));

    [Fact]
    public void Parse_WhenASmallNumberFollowsASetWithoutLoad_ReadsItAsTheLoad() =>
        Assert.Equal(Repeat("10r 8kg", 3), SetsOf(Parse("curls 3x10 at 8"), "Barbell_Curl"));

    [Fact]
    public void Parse_WhenRampHasPerSetRir_KeepsEachRirOnItsSet() =>
        Assert.Equal(["8r 100kg rir2", "6r 110kg rir1"], SetsOf(Parse("rdl 100 for 8 rir 2, 110 for 6 rir 1"), "Romanian_Deadlift"));

    [Fact]
    public void Parse_EffortListWithoutCommas_GivesEachSetItsEffort() =>
        Assert.Equal(["5r 225lb @8", "5r 225lb @8", "5r 225lb @9", "5r 225lb @9", "5r 225lb @10"],
            SetsOf(Parse("bench 5 sets of 5 at 225 pounds rpe 8 8 9 9 10"), Bench));

    [Fact]
    public void Parse_RirList_GivesEachSetItsRir() =>
        Assert.Equal(["8r 100kg rir3", "8r 100kg rir2", "8r 100kg rir1"], SetsOf(Parse("squat 3x8 at 100 rir 3, 2, 1"), Squat));

    [Fact]
    public void Parse_WhenAnEffortListHasMoreValuesThanSets_ReturnsTheListAsUnparsed()
    {
        var result = Parse("bench 100x5, 110x3 rpe 7, 8, 9");

        Assert.Equal(["5r 100kg", "3r 110kg"], SetsOf(result, Bench));
        Assert.Equal(["rpe 7, 8, 9"], result.Unparsed);
    }

    [Fact]
    public void Parse_WhenAnEffortListIsFollowedByTheNextSet_EndsTheListBeforeTheLoad() =>
        Assert.Equal(["5r 140kg @7", "3r 150kg"], SetsOf(Parse("squat 140 for 5 at rpe 7, 150 for 3"), Squat));

    [Fact]
    public void Parse_WhenOneSetIsGivenTwoDifferentEfforts_ReturnsTheSecondAsUnparsed()
    {
        var result = Parse("bench 100x5 @8 rpe 9");

        Assert.Equal(["5r 100kg @8"], SetsOf(result, Bench));
        Assert.Equal(["rpe 9"], result.Unparsed);
    }

    [Theory]
    [InlineData("AMRAP pull ups 15", "15r amrap")]
    [InlineData("pull ups 15 reps as many as possible", "15r amrap")]
    [InlineData("pull ups 1x15+", "15r amrap")]
    [InlineData("pull ups to failure 15 reps", "15r failure")]
    [InlineData("pull ups 15 reps to failure", "15r failure")]
    public void Parse_AmrapAndFailureMarkers_TypeTheSet(string transcript, string expected) =>
        Assert.Equal([expected], SetsOf(Parse(transcript), "Pullups"));

    [Fact]
    public void Parse_LastSetToFailure_TypesOnlyTheLastSet() =>
        Assert.Equal(["12r 150kg", "12r 150kg", "12r 150kg failure"], SetsOf(Parse("Leg press 3 sets of 12 at 150kg, last set to failure"), "Leg_Press"));

    [Fact]
    public void Parse_WarmUpThenWorkingSets_TypesOnlyTheWarmUps() =>
        Assert.Equal(["10r 60kg warmup", "5r 100kg", "5r 100kg", "5r 100kg"], SetsOf(Parse("warm up squats 60 kg for 10 then 3x5 at 100 kg"), Squat));

    [Fact]
    public void Parse_WarmUpSetCount_TypesEachWarmUpSet() =>
        Assert.Equal(Repeat("10r 40kg warmup", 2), SetsOf(Parse("2 warm-up sets of bench at 40 kg for 10"), Bench));

    [Fact]
    public void Parse_WarmUpLabelBeforeARamp_TypesTheRampUpToTheWorkingSets() =>
        Assert.Equal(["5r 60kg warmup", "3r 80kg warmup", "5r 100kg", "5r 100kg"], SetsOf(Parse("Squat warm-up 60x5, 80x3, then 100x5x2"), Squat));

    [Fact]
    public void Parse_DropSet_TypesTheSetAfterIt() =>
        Assert.Equal(["8r 100kg", "12r 70kg dropset"], SetsOf(Parse("bench 100 kg for 8 then drop set 70 kg for 12"), Bench));

    [Theory]
    [InlineData("lunges 3x10 each side")]
    [InlineData("lunges 3x10 each leg")]
    [InlineData("lunges 3x10 per leg")]
    [InlineData("lunges 3 sets of 10 on each side")]
    public void Parse_EachSideWords_MarkTheSetsPerSide(string transcript)
    {
        var exercise = Assert.Single(Parse(transcript).Exercises);

        Assert.Equal(Repeat("10r per-side", 3), Describe(exercise.Sets));
    }

    [Fact]
    public void Parse_PerArmWithALoad_KeepsTheLoadAndMarksPerSide() =>
        Assert.Equal(Repeat("12r 30kg per-side", 3), SetsOf(Parse("single arm dumbbell row 3x12 per arm 30kg"), "One-Arm_Dumbbell_Row"));

    [Fact]
    public void Parse_PlatesASide_DescribeTheLoadNotAOneSidedLift() =>
        Assert.Equal(Repeat("10r 225lb", 3), SetsOf(Parse("squat 3x10 with 2 plates a side", "lb"), Squat));
}
