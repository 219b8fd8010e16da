using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>
/// Loads carried to later sets and paired with rep lists, back-offs and drops, AMRAP sets with "got N", rounds,
/// trips and EMOMs, chatter inside a set, and doubt or plans said after a log.
/// </summary>
public sealed class TranscriptParserCarryDropDoubtTests
{
    [Theory]
    [InlineData("leg extensions, 30 then 35 then 40 kilos, 15, 12 and 10 reps", "Leg_Extensions", new[] { "15r 30kg", "12r 35kg", "10r 40kg" })]
    [InlineData("squat, 60 then 80 then 100 kilos, 5 reps each", "Barbell_Squat", new[] { "5r 60kg", "5r 80kg", "5r 100kg" })]
    [InlineData("squat 5 reps at 60 then 80 then 100 kilos", "Barbell_Squat", new[] { "5r 60kg", "5r 80kg", "5r 100kg" })]
    [InlineData("squat 5 reps at 60, 80 and 100", "Barbell_Squat", new[] { "5r 60kg", "5r 80kg", "5r 100kg" })]
    [InlineData("bench 100 for 5 then 110 for 3", "Barbell_Bench_Press_-_Medium_Grip", new[] { "5r 100kg", "3r 110kg" })]
    [InlineData("bench 60 kilos then 70 kilos then 80 kilos, 10, 8, 6", "Barbell_Bench_Press_-_Medium_Grip", new[] { "10r 60kg", "8r 70kg", "6r 80kg" })]
    public void Parse_LoadListsJoinedByThen_PairWithTheirReps(string transcript, string expectedId, string[] expected)
    {
        var result = Parse(transcript);

        Assert.Equal(expected, SetsOf(result, expectedId));
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("bicep curls with the 12s, 12 reps, 10 reps, 8 reps", "Dumbbell_Bicep_Curl", new[] { "12r 12kg", "10r 12kg", "8r 12kg" })]
    [InlineData("bench 80 kilos, 8 reps rpe 7, 7 reps rpe 8, 6 reps rpe 9", "Barbell_Bench_Press_-_Medium_Grip", new[] { "8r 80kg @7", "7r 80kg @8", "6r 80kg @9" })]
    [InlineData("dips with 20 kilos, 8 reps, 8 reps, 6 reps", "Dips_-_Triceps_Version", new[] { "8r 20kg", "8r 20kg", "6r 20kg" })]
    [InlineData("lateral raises with the 10s, 15 reps, then 20 reps with the 5s", "Side_Lateral_Raise", new[] { "15r 10kg", "20r 5kg" })]
    [InlineData("overhead press sixty kilo, first set eight reps, second set seven reps, then 50 kilos for 10", "Standing_Military_Press", new[] { "8r 60kg", "7r 60kg", "10r 50kg" })]
    [InlineData("lat pulldown, three sets of 12, stack on 55", "Wide-Grip_Lat_Pulldown", new[] { "12r 55kg", "12r 55kg", "12r 55kg" })]
    [InlineData("cable curls, 3x12 with 25 on the stack", "Standing_Biceps_Cable_Curl", new[] { "12r 25kg", "12r 25kg", "12r 25kg" })]
    [InlineData("squat, two warm-up sets of five with just the bar, 20 kilos, then 3x5 at 100", "Barbell_Squat", new[] { "5r 20kg warmup", "5r 20kg warmup", "5r 100kg", "5r 100kg", "5r 100kg" })]
    public void Parse_LoadSaidOnce_HoldsForTheSetsAfterIt(string transcript, string expectedId, string[] expected)
    {
        var result = Parse(transcript);

        Assert.Equal(expected, SetsOf(result, expectedId));
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("bench press, warm-ups with the empty bar and 40 kilos, then 3 sets of 5 at 80", "5r 80kg", new[] { "with the empty bar", "40 kilos" })]
    [InlineData("bench 100 kilos. 3 sets of 5 at 90", "5r 90kg", new[] { "100 kilos" })]
    public void Parse_LoadSaidWithTheSets_BeatsOneSaidInTheClauseBefore(string transcript, string set, string[] unparsed)
    {
        var result = Parse(transcript);

        Assert.Equal(Repeat(set, 3), SetsOf(result, "Barbell_Bench_Press_-_Medium_Grip"));
        Assert.Equal(unparsed, result.Unparsed);
    }

    [Theory]
    [InlineData("bench press, empty bar and a 10 each side for 5", "5r 40kg")]
    [InlineData("bench the bar and 25s for 5", "5r 70kg")]
    public void Parse_BarAndPlates_IsOneLoad(string transcript, string expected) =>
        Assert.Equal([expected], SetsOf(Parse(transcript), "Barbell_Bench_Press_-_Medium_Grip"));

    [Theory]
    [InlineData("bench 60 kilos then 70 pounds then 80 kilos, 10, 8, 6")]
    [InlineData("bench 60 kilos, then 70 kilos, then 80 kilos, 10, 8, 6")]
    [InlineData("bench 60 kilos, 70 kilos, 80 kilos, 10, 8, 6")]
    public void Parse_SeveralLoadsBeforeTheSets_AreNeverGuessedOntoThem(string transcript)
    {
        var result = Parse(transcript);

        Assert.Equal(["10r", "8r", "6r"], SetsOf(result, "Barbell_Bench_Press_-_Medium_Grip"));
        Assert.NotEmpty(result.Unparsed);
    }

    [Fact]
    public void Parse_ALoadChainLeadingASet_KeepsItsThen()
    {
        var result = Parse("squat warm up 60 then 100 kilos for 5");

        Assert.Equal(["5r 100kg"], SetsOf(result, "Barbell_Squat"));
        Assert.Equal(["60"], result.Unparsed);
    }

    [Fact]
    public void Parse_LoadSaidOnce_DoesNotCrossAThen()
    {
        var result = Parse("dips +20 kg, 8 reps, then bodyweight 12 reps");

        Assert.Equal(["8r 20kg"], SetsOf(result, "Dips_-_Triceps_Version"));
        Assert.NotEmpty(result.Unparsed);
    }

    [Theory]
    [InlineData("squat 225 for 5, then backed off to 185 for 3 sets of 8", "lb", "Barbell_Squat", new[] { "5r 225lb", "8r 185lb", "8r 185lb", "8r 185lb" })]
    [InlineData("bench 100 for 3, then back-offs, three doubles at 90", "kg", "Barbell_Bench_Press_-_Medium_Grip", new[] { "3r 100kg", "2r 90kg", "2r 90kg", "2r 90kg" })]
    [InlineData("leg press 200 for 10, then dropped it down to 140 for 15", "kg", "Leg_Press", new[] { "10r 200kg", "15r 140kg dropset" })]
    [InlineData("lat pull down 3x10 at 50, then drop set down to 35 for 12", "kg", "Wide-Grip_Lat_Pulldown", new[] { "10r 50kg", "10r 50kg", "10r 50kg", "12r 35kg dropset" })]
    [InlineData("rows 60 kilos for 10, then straight into a drop set, 50 for 8 and 40 for 8", "kg", "Bent_Over_Barbell_Row", new[] { "10r 60kg", "8r 50kg dropset", "8r 40kg dropset" })]
    [InlineData("curls 3 sets of 12 at 15 kilos, then one more set at the same weight to failure, got 9", "kg", "Barbell_Curl", new[] { "12r 15kg", "12r 15kg", "12r 15kg", "9r 15kg failure" })]
    [InlineData("deadlift 3x5 at 140, same weight for 2 more sets of 3", "kg", "Barbell_Deadlift", new[] { "5r 140kg", "5r 140kg", "5r 140kg", "3r 140kg", "3r 140kg" })]
    [InlineData("bench 2 sets of 8 at 80 and a third at 80 to failure, got 11", "kg", "Barbell_Bench_Press_-_Medium_Grip", new[] { "8r 80kg", "8r 80kg", "11r 80kg failure" })]
    public void Parse_BackOffsDropsAndSameWeight_AreSetsOfTheirOwn(string transcript, string unit, string expectedId, string[] expected)
    {
        var result = Parse(transcript, unit);

        Assert.Equal(expected, SetsOf(result, expectedId));
        Assert.Empty(result.Unparsed);
    }

    [Fact]
    public void Parse_GotNAfterATypeWithNoLoad_IsLeftUnread()
    {
        var result = Parse("bench 3x5 at 100, then to failure, got 9");

        Assert.Equal(Repeat("5r 100kg", 3), SetsOf(result, "Barbell_Bench_Press_-_Medium_Grip"));
        Assert.Equal(["9"], result.Unparsed);
    }

    [Theory]
    [InlineData("bench, warm-up 135 for 10, then 225 for 5, and 245 for as many as possible, got 7", new[] { "10r 135lb warmup", "5r 225lb", "7r 245lb amrap" })]
    [InlineData("bench 225 for AMRAP, hit 9", new[] { "9r 225lb amrap" })]
    [InlineData("bench 100x5, 110x3, then 120 for as many as I could, got 4", new[] { "5r 100lb", "3r 110lb", "4r 120lb amrap" })]
    [InlineData("bench 225 for as many reps as possible, 9, then 185 for 8", new[] { "9r 225lb amrap", "8r 185lb" })]
    public void Parse_LoadForAsManyAsPossible_GotN_IsOneAmrapSetAtThatLoad(string transcript, string[] expected)
    {
        var result = Parse(transcript, "lb");

        Assert.Equal(expected, SetsOf(result, "Barbell_Bench_Press_-_Medium_Grip"));
        Assert.Empty(result.Unparsed);
    }

    [Fact]
    public void Parse_TwoWarmUpSetsListedWithRepsAtLoads_TypesEachListedSet()
    {
        var result = Parse("squat, two warm-up sets, 5 reps at 60 and 3 reps at 80, then 3x5 at 120");

        Assert.Equal(["5r 60kg warmup", "3r 80kg warmup", "5r 120kg", "5r 120kg", "5r 120kg"], SetsOf(result, "Barbell_Squat"));
        Assert.Empty(result.Unparsed);
    }

    [Fact]
    public void Parse_RoundsBeforeACircuit_CountEveryExercise()
    {
        var result = Parse("3 rounds: 10 pull-ups, 20 push-ups and 30 squats");

        Assert.Equal(["Pullups", "Pushups", "Barbell_Squat"], result.Exercises.Select(exercise => exercise.ExerciseId));
        Assert.Equal(Repeat("10r", 3), Describe(result.Exercises[0].Sets));
        Assert.Equal(Repeat("20r", 3), Describe(result.Exercises[1].Sets));
        Assert.Equal(Repeat("30r", 3), Describe(result.Exercises[2].Sets));
    }

    [Fact]
    public void Parse_EachRoundAfterTheLastExercise_IsNoCountOfItsOwn()
    {
        var result = Parse("4 rounds, 10 push-ups, 15 sit-ups and 20 squats each round");

        Assert.Equal([Repeat("10r", 4), Repeat("15r", 4), Repeat("20r", 4)], result.Exercises.Select(exercise => Describe(exercise.Sets)));
    }

    [Theory]
    [InlineData("yoke carry, 3 trips of 20 metres with 200 kilos", "Yoke_Walk", new[] { "200kg 0.02km", "200kg 0.02km", "200kg 0.02km" })]
    [InlineData("farmer's walk 2 trips of 40 metres with 30 kilos in each hand", "Farmers_Walk", new[] { "30kg 0.04km", "30kg 0.04km" })]
    [InlineData("snatch EMOM for 4 minutes, 2 reps every minute at 60 kilos", "Snatch", new[] { "2r 60kg", "2r 60kg", "2r 60kg", "2r 60kg" })]
    [InlineData("push press every minute on the minute for 3 minutes, 3 reps each minute at 60 kilos", "Push_Press", new[] { "3r 60kg", "3r 60kg", "3r 60kg" })]
    public void Parse_TripsAndEmom_CountSets(string transcript, string expectedId, string[] expected)
    {
        var result = Parse(transcript);

        Assert.Equal(expected, SetsOf(result, expectedId));
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("pull ups 3x8 with 10 kilos hanging from the belt", "Pullups", new[] { "8r 10kg", "8r 10kg", "8r 10kg" })]
    [InlineData("squat 100 for 5, 100 for 5, then 100 for 4 and that one was rpe 9.5", "Barbell_Squat", new[] { "5r 100kg", "5r 100kg", "4r 100kg @9.5" })]
    public void Parse_ChatterInsideASet_IsNotUnparsed(string transcript, string expectedId, string[] expected)
    {
        var result = Parse(transcript);

        Assert.Equal(expected, SetsOf(result, expectedId));
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("bench 3x5 at 100 and the last one was rpe 9")]
    [InlineData("bench 3x5 at 100, last set was rpe 9")]
    public void Parse_LastOneWasAnEffort_IsTheLastSetsOnly(string transcript) =>
        Assert.Equal(["5r 100kg", "5r 100kg", "5r 100kg @9"], SetsOf(Parse(transcript), "Barbell_Bench_Press_-_Medium_Grip"));

    [Theory]
    [InlineData("squat, was it 100 or 105, 5 reps")]
    [InlineData("bench 80 or 85 kilos for 5")]
    [InlineData("bench 3 or 4 sets of 8 at 60")]
    [InlineData("bench 3x5 at 80, not sure about the last set")]
    [InlineData("deadlift 140 for 5, I can't remember the reps of the second set")]
    [InlineData("squat 5x5 at 100, pretty sure it was 100, maybe 102.5")]
    [InlineData("overhead press, 50 kilos, 5 reps or 6 reps")]
    [InlineData("bench 80 kilos or 85 for 5")]
    public void Parse_Doubt_LogsNothingOfItsClause(string transcript)
    {
        var result = Parse(transcript);

        Assert.Empty(result.Exercises);
        Assert.Equal([transcript], result.Unparsed);
    }

    [Theory]
    [InlineData("deadlift 140 for 5, my back felt tight, will go lighter next week", "Barbell_Deadlift", new[] { "5r 140kg" }, "my back felt tight, will go lighter next week")]
    [InlineData("squat 100 for 5, I'll do 110 next week", "Barbell_Squat", new[] { "5r 100kg" }, "I'll do 110 next week")]
    [InlineData("row 2000 metres in 8:05, next week I'll try under 8", "Rowing_Stationary", new[] { "485s 2km" }, "next week I'll try under 8")]
    public void Parse_PlanAfterACompleteSet_LogsTheSet(string transcript, string expectedId, string[] expected, string unparsed)
    {
        var result = Parse(transcript);

        Assert.Equal(expected, SetsOf(result, expectedId));
        Assert.Equal([unparsed], result.Unparsed);
    }

    [Fact]
    public void Parse_PlanWithNoSetBeforeIt_LogsNothing()
    {
        var result = Parse("squat next week I'm gonna try 100 for 5");

        Assert.Empty(result.Exercises);
    }
}
