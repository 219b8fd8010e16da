using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>Lists of holds and spoken durations, lists of singles, and talk that is not a log.</summary>
public sealed class TranscriptParserHoldsSinglesPlansTests
{
    [Theory]
    [InlineData("plank 90 seconds, then 60, then 45", new[] { "90s", "60s", "45s" })]
    [InlineData("plank 60 seconds, 45, 30", new[] { "60s", "45s", "30s" })]
    [InlineData("plank, one minute thirty, two sets", new[] { "90s", "90s" })]
    [InlineData("plank a minute fifteen twice", new[] { "75s", "75s" })]
    [InlineData("plank 1 minute 3 times", new[] { "60s", "60s", "60s" })]
    [InlineData("weighted plank with a 20 kilo plate on my back, 3 sets of 40 seconds", new[] { "20kg 40s", "20kg 40s", "20kg 40s" })]
    public void Parse_Holds_AreReadInSeconds(string transcript, string[] expected) =>
        Assert.Equal(expected, SetsOf(Parse(transcript), "Plank"));

    [Fact]
    public void Parse_BareNumberTooShortForAHold_IsUnparsed()
    {
        var result = Parse("plank 1 minute then 2");

        Assert.Equal(["60s"], SetsOf(result, "Plank"));
        Assert.Equal(["2"], result.Unparsed);
    }

    [Theory]
    [InlineData("snatch, singles at 70, 75 and 80", "Snatch", new[] { "1r 70kg", "1r 75kg", "1r 80kg" })]
    [InlineData("squat doubles at 100, 110 and 120", "Barbell_Squat", new[] { "2r 100kg", "2r 110kg", "2r 120kg" })]
    [InlineData("trap bar deadlift, a couple of triples at 160 and then one single at 190", "Trap_Bar_Deadlift", new[] { "3r 160kg", "3r 160kg", "1r 190kg" })]
    [InlineData("deadlift 3x5 at 180 and one heavy double at 200", "Barbell_Deadlift", new[] { "5r 180kg", "5r 180kg", "5r 180kg", "2r 200kg" })]
    public void Parse_RepNounsWithLoads_CountOneSetPerLoad(string transcript, string expectedId, string[] expected)
    {
        var result = Parse(transcript);

        Assert.Equal(expected, SetsOf(result, expectedId));
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("yeah did some squats and stuff")]
    [InlineData("next week I'm gonna try 100 for 5 on squat")]
    [InlineData("planning to do squats 5x5 tomorrow")]
    [InlineData("I will bench 100 for 5 next session")]
    [InlineData("hoping to hit 140 on deadlift")]
    [InlineData("I did bench and squats today")]
    public void Parse_NoSetsOrAPlan_LogsNothing(string transcript)
    {
        var result = Parse(transcript);

        Assert.Empty(result.Exercises);
        Assert.Equal([transcript], result.Unparsed);
    }

    [Fact]
    public void Parse_PlanAfterALog_KeepsTheLogAndHandsBackThePlan()
    {
        var result = Parse("squat 3x5 at 100. next week I will try 105");

        Assert.Equal(Repeat("5r 100kg", 3), SetsOf(result, "Barbell_Squat"));
        Assert.Equal(["next week I will try 105"], result.Unparsed);
    }

    [Theory]
    [InlineData("I'm gonna log bench 3x5 at 100")]
    [InlineData("will add bench 3x5 at 100")]
    public void Parse_AskingForALog_IsNotAPlan(string transcript)
    {
        var result = Parse(transcript);

        Assert.Equal(Repeat("5r 100kg", 3), SetsOf(result, "Barbell_Bench_Press_-_Medium_Grip"));
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("bench and squats")]
    [InlineData("bench 3x5 at 100 then squats")]
    [InlineData("squats, lunges and some stretching")]
    [InlineData("pull ups then dips 3x10")]
    [InlineData("did some cardio, then bench 100x5")]
    [InlineData("squat singles at 200")]
    public void Parse_AnyTranscript_NeverReturnsAnExerciseWithoutSets(string transcript) =>
        Assert.All(Parse(transcript).Exercises, exercise => Assert.NotEmpty(exercise.Sets));
}
