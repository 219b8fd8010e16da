using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>How sets, reps, loads and their orders are read.</summary>
public sealed class TranscriptParserSetTests
{
    private const string Bench = "Barbell_Bench_Press_-_Medium_Grip";
    private const string Squat = "Barbell_Squat";

    [Theory]
    [InlineData("bench 3x8")]
    [InlineData("bench 3 x 8")]
    [InlineData("bench 3 sets of 8")]
    [InlineData("bench 3 sets of 8 reps")]
    [InlineData("bench press 3 by 8")]
    [InlineData("bench three sets of eight")]
    [InlineData("three by eight on the bench")]
    [InlineData("bench 3 times 8")]
    [InlineData("bench 8 reps for 3 sets")]
    public void Parse_SetsTimesReps_GivesOneSetPerSetPerformed(string transcript) =>
        Assert.Equal(Repeat("8r", 3), SetsOf(Parse(transcript), Bench));

    [Theory]
    [InlineData("Pull-ups: 10, 8, 7", new[] { "10r", "8r", "7r" })]
    [InlineData("pull ups 10, 8 and 7 reps", new[] { "10r", "8r", "7r" })]
    [InlineData("pull ups 10 8 7", new[] { "10r", "8r", "7r" })]
    [InlineData("pull ups 3 sets: 10, 8, 7", new[] { "10r", "8r", "7r" })]
    [InlineData("Pull ups 5, 5, 5", new[] { "5r", "5r", "5r" })]
    public void Parse_RepsList_GivesOneSetPerNumber(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), "Pullups"));

    [Fact]
    public void Parse_RepsListWithALoad_GivesEverySetThatLoad() =>
        Assert.Equal(["10r 60kg", "8r 60kg", "6r 60kg"], SetsOf(Parse("bench press 10, 8 and 6 reps at 60 kg"), Bench));

    [Theory]
    [InlineData("Squat 135x5, 200x3, 225x4")]
    [InlineData("squat 135 for 5, 200 for 3, 225 for 4")]
    [InlineData("squat 135 lb x 5, 200 lb x 3, 225 lb x 4")]
    [InlineData("squat 135x5 200x3 225x4")]
    public void Parse_RampingSets_KeepEachLoadWithItsReps(string transcript) =>
        Assert.Equal(["5r 135lb", "3r 200lb", "4r 225lb"], SetsOf(Parse(transcript, "lb"), Squat));

    [Theory]
    [InlineData("bench 175x5", "5r 175lb")]
    [InlineData("I did bench press 70kg for 10 reps", "10r 70kg")]
    [InlineData("bench 100 kg x 5", "5r 100kg")]
    [InlineData("Just finished bench 20kg 15 reps", "15r 20kg")]
    [InlineData("benched 225 for 5", "5r 225lb")]
    [InlineData("bench 315 for a double", "2r 315lb")]
    public void Parse_LoadTimesReps_GivesOneSet(string transcript, string expected) =>
        Assert.Equal([expected], SetsOf(Parse(transcript, "lb"), Bench));

    [Theory]
    [InlineData("squats 225 5x5")]
    [InlineData("squats 225 for 5x5")]
    [InlineData("squats 225 lb 5 sets of 5")]
    [InlineData("squat 5x5 at 225")]
    [InlineData("squat 5x5x225")]
    [InlineData("squat 5 sets of 5 reps with 225 pounds")]
    public void Parse_LoadBesideSetsTimesReps_LoadsEverySet(string transcript) =>
        Assert.Equal(Repeat("5r 225lb", 5), SetsOf(Parse(transcript, "lb"), Squat));

    [Fact]
    public void Parse_LoadTimesRepsTimesSets_ReadsTheLargeFirstNumberAsTheLoad() =>
        Assert.Equal(Repeat("9r 100kg", 4), SetsOf(Parse("Bench Press 100x9x4"), Bench));

    [Fact]
    public void Parse_SetsTimesRepsTimesLoad_ReadsTheUnitBearingNumberAsTheLoad() =>
        Assert.Equal(Repeat("6r 40kg", 5), SetsOf(Parse("Overhead press: 5x6x40k", "lb"), "Standing_Military_Press"));

    [Fact]
    public void Parse_LoadListAfterSetsTimesReps_GivesEachSetItsLoad() =>
        Assert.Equal(["8r 85kg", "8r 85kg", "8r 80kg"], SetsOf(Parse("squat 3x8 85,85,80"), Squat));

    [Fact]
    public void Parse_ShortLoadList_RepeatsTheLastLoad() =>
        Assert.Equal(["12r 80kg", "12r 85kg", "12r 90kg", "12r 90kg"], SetsOf(Parse("leg press 4 sets of 12 at 80, 85, 90"), "Leg_Press"));

    [Fact]
    public void Parse_FixedRepsAtSeveralLoads_GivesOneSetPerLoad() =>
        Assert.Equal(["15r 40kg", "15r 50kg"], SetsOf(Parse("Squat: 15xx40k,50k", "lb"), Squat));

    [Theory]
    [InlineData("pull ups 15 laps")]
    [InlineData("pull ups 15 times")]
    [InlineData("I did 15 pull ups")]
    [InlineData("pull ups 15")]
    public void Parse_LapsTimesOrABareNumber_AreReps(string transcript) =>
        Assert.Equal(["15r"], SetsOf(Parse(transcript), "Pullups"));

    [Fact]
    public void Parse_WhenNoLoadIsSaid_LeavesWeightAndUnitEmpty()
    {
        var set = Assert.Single(Assert.Single(Parse("push ups 20").Exercises).Sets);

        Assert.Null(set.Weight);
        Assert.Null(set.Unit);
        Assert.Equal("normal", set.Type);
        Assert.Null(set.PerSide);
    }

    [Theory]
    [InlineData("front squat 100 kg triple at rpe 8 then two doubles at 110", new[] { "3r 100kg @8", "2r 110kg", "2r 110kg" })]
    [InlineData("front squat a triple at 100 then two doubles at 110", new[] { "3r 100kg", "2r 110kg", "2r 110kg" })]
    [InlineData("front squat 3 singles at 120", new[] { "1r 120kg", "1r 120kg", "1r 120kg" })]
    [InlineData("front squat worked up to a heavy single at 130", new[] { "1r 130kg" })]
    [InlineData("front squat 100 double", new[] { "2r 100kg" })]
    [InlineData("front squat heavy single 140 then 2 doubles at 120", new[] { "1r 140kg", "2r 120kg", "2r 120kg" })]
    [InlineData("front squat top single 140 then 3 back off doubles at 120", new[] { "1r 140kg", "2r 120kg", "2r 120kg", "2r 120kg" })]
    public void Parse_WhenSetsAreNamedSinglesDoublesOrTriples_ReadsTheRepsFromTheNoun(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), "Front_Barbell_Squat"));

    [Theory]
    [InlineData("bench 100 kg for 5 reps three times")]
    [InlineData("bench 100 for 5, 3 times")]
    [InlineData("bench thrice at 100 for 5")]
    public void Parse_WhenASetIsSaidToBeDoneNTimes_RepeatsIt(string transcript) =>
        Assert.Equal(Repeat("5r 100kg", 3), SetsOf(Parse(transcript), Bench));

    [Fact]
    public void Parse_WhenTimesFollowsOnlyALoad_ReadsThemAsReps() =>
        Assert.Equal(["8r 60kg"], SetsOf(Parse("I benched 60 kilograms eight times"), Bench));

    [Fact]
    public void Parse_WhenTwoCountsDisagree_KeepsTheSetsAndReturnsTheSecondCount()
    {
        var result = Parse("curls 3x10 twice");

        Assert.Equal(Repeat("10r", 3), SetsOf(result, "Barbell_Curl"));
        Assert.Equal(["twice"], result.Unparsed);
    }

    [Fact]
    public void Parse_WhenUncountedTriplesAreCountedApart_ReadsThatManyTriples() =>
        Assert.Equal(Repeat("3r 140kg", 3), SetsOf(Parse("squat triples at 140 for 3 sets"), Squat));

    [Fact]
    public void Parse_WhenSinglesAreNotCounted_StoresNoSetAndReturnsThemAsUnparsed()
    {
        var result = Parse("squat singles at 200");

        Assert.Empty(result.Exercises);
        Assert.Equal(["squat singles at 200"], result.Unparsed);
    }

    [Theory]
    [InlineData("single arm dumbbell row 3x12", "One-Arm_Dumbbell_Row")]
    [InlineData("single-leg glute bridge 3x12", "Single_Leg_Glute_Bridge")]
    [InlineData("double kettlebell jerk 3x12", "Double_Kettlebell_Jerk")]
    public void Parse_WhenSingleOrDoubleStartsAName_KeepsItInTheName(string transcript, string id) =>
        Assert.Equal(Repeat("12r", 3), SetsOf(Parse(transcript), id));

    [Theory]
    [InlineData("bench a set of five at 100", new[] { "5r 100kg" })]
    [InlineData("bench a couple of sets of ten at 60", new[] { "10r 60kg", "10r 60kg" })]
    [InlineData("bench couple sets of 10 at 60", new[] { "10r 60kg", "10r 60kg" })]
    [InlineData("bench a couple of doubles at 120", new[] { "2r 120kg", "2r 120kg" })]
    public void Parse_WhenSetsAreCountedInWords_ReadsTheCount(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), Bench));

    [Fact]
    public void Parse_CountThatSumsUpListedSets_IsNotCountedTwice() =>
        Assert.Equal(["5r 100kg", "5r 100kg", "4r 100kg"], SetsOf(Parse("bench 3 sets: 100x5, 100x5, 100x4"), Bench));

    [Fact]
    public void Parse_LastSetSaidApart_ReplacesTheFinalSetOfTheGroup() =>
        Assert.Equal(["5r 100kg", "5r 100kg", "4r 100kg"], SetsOf(Parse("squat 3x5 at 100kg, last set 4 reps"), Squat));
}
