using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>Whole utterances: several exercises, chatter around the log, and what speech recognition makes of names.</summary>
public sealed class TranscriptParserUtteranceTests
{
    private const string Bench = "Barbell_Bench_Press_-_Medium_Grip";
    private const string Squat = "Barbell_Squat";

    [Theory]
    [InlineData("squats 3x5 at 100 kg then bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg and then bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg, next bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg followed by bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg + bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg SS bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg superset with bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg. Bench 3x5 at 80 kg.")]
    [InlineData("squats 3x5 at 100 kg, bench 3x5 at 80 kg")]
    [InlineData("squats 3x5 at 100 kg\nbench 3x5 at 80 kg")]
    public void Parse_SeveralExercises_AreReadInOrderWithTheirOwnSets(string transcript)
    {
        var result = Parse(transcript);

        Assert.Equal([Squat, Bench], result.Exercises.Select(exercise => exercise.ExerciseId));
        Assert.Equal(Repeat("5r 100kg", 3), Describe(result.Exercises[0].Sets));
        Assert.Equal(Repeat("5r 80kg", 3), Describe(result.Exercises[1].Sets));
        Assert.Empty(result.Unparsed);
    }

    [Fact]
    public void Parse_NumbersFirstSpeaker_GivesEachExerciseTheNumbersBeforeIt()
    {
        var result = Parse("3x10 pull ups + 3x10 dips and 20 push ups");

        Assert.Equal(["Pullups", "Dips_-_Triceps_Version", "Pushups"], result.Exercises.Select(exercise => exercise.ExerciseId));
        Assert.Equal(["10r", "10r", "10r"], Describe(result.Exercises[1].Sets));
        Assert.Equal(["20r"], Describe(result.Exercises[2].Sets));
    }

    [Fact]
    public void Parse_NameJoinedByAndThatIsOneCatalogName_IsOneExercise() =>
        Assert.Equal(Repeat("2r 60kg", 5), SetsOf(Parse("clean and jerk 5x2 at 60 kg"), "Clean_and_Jerk"));

    [Fact]
    public void Parse_TwoNamesSharingOneSetDescription_EachGetTheSets()
    {
        var result = Parse("squats and lunges 3x10 each");

        Assert.Equal(2, result.Exercises.Count);
        Assert.All(result.Exercises, exercise => Assert.Equal(Repeat("10r", 3), Describe(exercise.Sets)));
    }

    [Fact]
    public void Parse_SupersetLabels_SeparateTheExercises() =>
        Assert.Equal(["Pullups", "Dips_-_Triceps_Version"], Parse("A1 pull ups 3x8 A2 dips 3x10").Exercises.Select(exercise => exercise.ExerciseId));

    [Fact]
    public void Parse_NumbersSaidBeforeTheName_WaitForIt() =>
        Assert.Equal(Repeat("10r 60kg", 3), SetsOf(Parse("I did 3 sets of 10 reps. On the bench at 60 kg."), Bench));

    [Fact]
    public void Parse_ClauseWithoutAName_ContinuesThePreviousExercise() =>
        Assert.Equal(["8r 40kg", "6r 45kg", "4r 50kg"], SetsOf(Parse("overhead press 40 kilos for 8 then 45 for 6 then 50 for 4"), "Standing_Military_Press"));

    [Fact]
    public void Parse_OneSetPerLine_AreSetsOfTheNamedExercise() =>
        Assert.Equal(["5r 175lb", "5r 175lb", "6r 170lb"], SetsOf(Parse("bench\n175x5\n175x5\n170x6", "lb"), Bench));

    [Theory]
    [InlineData("I did bench 3x5 at 100 kg")]
    [InlineData("just did bench 3x5 at 100 kg")]
    [InlineData("log bench 3x5 at 100 kg")]
    [InlineData("completed bench 3x5 at 100 kg")]
    [InlineData("finished bench 3x5 at 100 kg today")]
    [InlineData("log bench 3x5 at 100 kg for me")]
    [InlineData("um so I did like bench uh 3x5 at 100 kg")]
    [InlineData("push day: bench 3x5 at 100 kg")]
    [InlineData("Okay, so for bench I did 3 sets of 5 at 100 kilos.")]
    public void Parse_FillerWords_AreIgnored(string transcript)
    {
        var result = Parse(transcript);

        Assert.Equal(Repeat("5r 100kg", 3), SetsOf(result, Bench));
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("venture press 3x10", Bench)]
    [InlineData("branch press 3x10", Bench)]
    [InlineData("squads 3x10", Squat)]
    [InlineData("dead lift 3x10", "Barbell_Deadlift")]
    [InlineData("romaine deadlifts 3x10", "Romanian_Deadlift")]
    [InlineData("lap pull downs 3x10", "Wide-Grip_Lat_Pulldown")]
    [InlineData("tricep skullcrushers 3x10", "EZ-Bar_Skullcrusher")]
    public void Parse_MisheardNames_AreResolvedByTheMatcher(string transcript, string expectedId) =>
        Assert.Equal(Repeat("10r", 3), SetsOf(Parse(transcript), expectedId));

    [Fact]
    public void Parse_EquipmentSaidWithTheLoad_ChoosesTheVariant() =>
        Assert.Equal(Repeat("10r 20kg", 3), SetsOf(Parse("bench press 3 sets of 10 with 20 kg dumbbells"), "Dumbbell_Bench_Press"));

    [Fact]
    public void Parse_ExerciseSaidWithoutNumbers_IsNotLoggedButHandedBack()
    {
        var result = Parse("I did some pull-ups");

        Assert.Empty(result.Exercises);
        Assert.Equal(["I did some pull-ups"], result.Unparsed);
    }

    [Fact]
    public void Parse_SameExerciseTwiceInARow_IsOneEntry() =>
        Assert.Equal(["5r 100kg", "3r 110kg"], SetsOf(Parse("bench 100x5 then bench 110x3"), Bench));

    [Fact]
    public void Parse_Result_CarriesTheCatalogNameAndTheMatchScore()
    {
        var exercise = Assert.Single(Parse("bench 100x5").Exercises);

        Assert.Equal("Barbell Bench Press - Medium Grip", exercise.ExerciseName);
        Assert.InRange(exercise.MatchScore, 0.72, 1);
    }

    [Fact]
    public void Parse_SameTranscriptTwice_GivesTheSameResult()
    {
        const string transcript = "Squat 135x5, 200x3, 225x4 then bench 3x8 at 185 rpe 8 and 3x10 pull ups";
        var first = Parse(transcript, "lb");
        var second = Parse(transcript, "lb");

        Assert.Equal(first.Exercises.Select(exercise => exercise.ExerciseId), second.Exercises.Select(exercise => exercise.ExerciseId));
        Assert.Equal(first.Exercises.SelectMany(exercise => exercise.Sets), second.Exercises.SelectMany(exercise => exercise.Sets));
        Assert.Equal(first.Unparsed, second.Unparsed);
    }
}
